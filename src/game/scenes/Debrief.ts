import { analyseOutcome, type SessionAnalysis } from '../../analysis';
import { describeAnalysis } from '../../analysis/describe';
import type { PlayerView } from '../../engine';
import { app, finishLevel, lt, msg, num, tr } from '../app';

import { nextInCampaign } from '../../levels/campaign';
import { campaign } from '../levels';
import { isScenario } from '../scenario/registry';
import { roleColour, css, OKABE_ITO } from '../palette';
import { button, h, s } from '../ui/dom';
import { actorText, entryLines, objectiveText, optionLabel, valueText } from '../ui/format';
import { sourcesList } from '../ui/sources';
import { View } from './View';

/** The debrief: scores per objective, indicators across rounds, the deal beside history, the literature. */
export class Debrief extends View {
  private view!: PlayerView;
  private levelId = '';
  private analysis: SessionAnalysis | null = null;

  constructor() {
    super('Debrief');
  }

  protected heading(): string {
    return tr('debrief.heading');
  }

  protected draw(): void {}

  protected build(): void {
    this.view = app.bridge.view();
    this.levelId = app.bridge.entry?.level.id ?? '';
    const level = app.bridge.entry?.level;
    const ctx = app.bridge.session?.context();
    try {
      this.analysis = level && ctx ? analyseOutcome(level, ctx) : null;
    } catch {
      // The debrief stands without the deal-space chart if a level's deal space cannot be analysed.
      this.analysis = null;
    }
    finishLevel();
    const view = this.view;
    const score = view.outcome?.scores[view.role];
    const next = this.nextLevel();
    // A scenario from "My scenarios" leads back there; a level that stands alone, back to the list it was chosen from.
    const mine = isScenario(app.bridge.entry);
    const inCampaign = campaign.some((e) => e.level.id === this.levelId);
    const goNext = () =>
      mine ? this.go('Scenarios') : next ? this.go('Role', { levelId: next, free: false }) : this.go('Campaign', { free: !inCampaign });
    const nextLabel = mine ? tr('scenarios.back') : next ? tr('debrief.next') : tr('debrief.campaign');
    this.root.append(
      h(
        'div',
        { class: 'debrief-grid' },
        h(
          'section',
          { class: 'panel score', 'aria-labelledby': 'debrief-h', tabindex: '0' },
          this.title(tr('debrief.title', { role: actorText(view, view.role) })),
          h('p', { class: 'big-score', text: tr('debrief.score', { score: score?.score ?? 0 }) }),
          h('p', { class: 'medal', text: score?.won ? tr('debrief.won') : tr('debrief.lost', { need: view.level.win_at }) }),
          this.historyScore(),
          this.objectives(),
          h('h2', { text: tr('debrief.deal') }),
          this.deals(),
          view.history_deal ? h('p', { class: 'small', text: lt(view.history_deal.next) }) : null,
        ),
        h(
          'section',
          { class: 'panel charts', 'aria-labelledby': 'space-h', tabindex: '0' },
          h('h2', { id: 'space-h', text: tr('debrief.space') }),
          this.dealSpace(),
          h('h2', { id: 'charts-h', text: tr('debrief.charts') }),
          this.charts(),
        ),
        h(
          'section',
          { class: 'panel literature', 'aria-labelledby': 'lit-h', tabindex: '0' },
          h('h2', { id: 'lit-h', text: tr('debrief.literature') }),
          this.literature(),
          h('h2', { text: tr('debrief.timeline') }),
          this.timeline(),
          h('h2', { text: tr('debrief.replay') }),
          this.replay(),
          view.level.sources.length ? h('h2', { text: tr('sources.heading') }) : null,
          view.level.sources.length ? sourcesList(view.level, tr, lt) : null,
          view.level.questions.length ? h('h2', { text: tr('debrief.questions') }) : null,
          view.level.questions.length ? h('ul', {}, ...view.level.questions.map((q) => h('li', { text: lt(q) }))) : null,
          h(
            'div',
            { class: 'row' },
            button(nextLabel, goNext, { key: 'n', cls: 'btn btn-primary', focus: 'next' }),
            button(tr('debrief.border'), () => this.go('Border', { from: 'Debrief' }), { key: 'v', focus: 'border' }),
            button(tr('nav.title'), () => this.go('Title'), { key: 'q', focus: 'title' }),
          ),
        ),
      ),
      this.keys([
        { key: 'n', label: nextLabel, run: goNext },
        { key: 'v', label: tr('debrief.border'), run: () => this.go('Border', { from: 'Debrief' }) },
        { key: 'q', label: tr('nav.title'), run: () => this.go('Title') },
      ]),
    );
    this.root.querySelector('h1')?.setAttribute('id', 'debrief-h');
  }

  /** What the real outcome would have scored for this role, on the same scale. */
  private historyScore(): HTMLElement | null {
    const real = this.analysis?.historical?.placement?.scores[this.view.role];
    return typeof real === 'number' ? h('p', { class: 'small', text: tr('debrief.history_score', { score: real }) }) : null;
  }

  private nextLevel(): string | undefined {
    if (isScenario(app.bridge.entry)) return undefined;
    return nextInCampaign(campaign, this.levelId)?.level.id;
  }

  private objectives(): HTMLElement {
    const view = this.view;
    const results = view.outcome?.scores[view.role]?.objectives ?? [];
    return h(
      'ul',
      { class: 'objective-scores' },
      ...view.me.objectives.map((o, i) => {
        const sat = results[i]?.satisfied ?? 0;
        const pct = Math.round(sat * 100);
        return h(
          'li',
          {},
          h('span', { class: 'obj', text: objectiveText(view, o) }),
          h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
          h('span', { class: 'pct', text: `${pct >= 100 ? '✔' : pct > 0 ? '◐' : '✘'} ${tr('debrief.met', { pct })}` }),
        );
      }),
    );
  }

  private deals(): HTMLElement {
    const view = this.view;
    const mine = view.outcome?.deal ?? null;
    const real = view.history_deal?.deal;
    return h(
      'table',
      { class: 'deal-table' },
      h('caption', { class: 'sr-only', text: tr('debrief.deal') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: tr('debrief.issue') }),
          h('th', { scope: 'col', text: tr('debrief.yours') }),
          h('th', { scope: 'col', text: tr('debrief.history') }),
        ),
      ),
      h(
        'tbody',
        {},
        ...view.issues.map((i) => {
          const a = mine ? optionLabel(view, i.id, mine[i.id]) : tr('debrief.no_deal');
          const b = real?.[i.id] ? optionLabel(view, i.id, real[i.id]) : '—';
          const same = mine && real && mine[i.id] === real[i.id];
          return h(
            'tr',
            {},
            h('th', { scope: 'row', text: lt(i.title) }),
            h('td', { text: `${same ? '= ' : ''}${a}` }),
            h('td', { text: b }),
          );
        }),
      ),
    );
  }

  /** Every package by the two main sides' scores: the Pareto frontier, the Nash point, history and yours. */
  private dealSpace(): HTMLElement {
    const a = this.analysis;
    const level = app.bridge.entry?.level;
    if (!a || !level) return h('p', { class: 'small', text: tr('debrief.no_space') });
    const [rx, ry] = a.space.roles;
    const reading = h('ul', { class: 'analysis' }, ...describeAnalysis(level, a).map((m) => h('li', { text: msg(m) })));
    if (!rx || !ry) return reading;
    const W = 300;
    const H = 200;
    const px = (v: number) => 30 + (v / 100) * (W - 40);
    const py = (v: number) => H - 24 - (v / 100) * (H - 34);
    const pts = a.space.packages;
    const frontier = [...a.space.pareto].map((i) => pts[i]).sort((p, q) => p.scores[rx] - q.scores[rx]);
    const mark = (i: number | null | undefined, shape: 'star' | 'diamond' | 'square', colour: string): SVGElement | null => {
      if (i === null || i === undefined || i < 0 || !pts[i]) return null;
      const x = px(pts[i].scores[rx]);
      const y = py(pts[i].scores[ry]);
      if (shape === 'square')
        return s('rect', { x: x - 6, y: y - 6, width: 12, height: 12, fill: 'none', stroke: colour, 'stroke-width': 3 });
      if (shape === 'diamond') return s('path', { d: `M${x},${y - 8} L${x + 8},${y} L${x},${y + 8} L${x - 8},${y} Z`, fill: colour });
      const star = Array.from({ length: 10 }, (_, k) => {
        const r = k % 2 === 0 ? 10 : 4;
        const t = -Math.PI / 2 + (k * Math.PI) / 5;
        return `${(x + Math.cos(t) * r).toFixed(1)},${(y + Math.sin(t) * r).toFixed(1)}`;
      }).join(' ');
      return s('polygon', { points: star, fill: colour, stroke: '#1f2430', 'stroke-width': 1 });
    };
    const yours = a.reached?.index;
    const history = a.historical?.placement?.index;
    const svg = s(
      'svg',
      {
        viewBox: `0 0 ${W} ${H}`,
        role: 'img',
        'aria-label': tr('debrief.space_label', { x: actorText(this.view, rx), y: actorText(this.view, ry), count: pts.length }),
      },
      s('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff', stroke: '#8a8275' }),
      s('line', { x1: px(0), y1: py(0), x2: px(100), y2: py(0), stroke: '#1f2430' }),
      s('line', { x1: px(0), y1: py(0), x2: px(0), y2: py(100), stroke: '#1f2430' }),
      ...pts.map((p) =>
        s('circle', { cx: px(p.scores[rx]), cy: py(p.scores[ry]), r: 3, fill: p.ratifiable ? '#4a4f5c' : 'none', stroke: '#4a4f5c' }),
      ),
      frontier.length > 1
        ? s('path', {
            d: frontier.map((p, i) => `${i ? 'L' : 'M'}${px(p.scores[rx])},${py(p.scores[ry])}`).join(' '),
            fill: 'none',
            stroke: css(OKABE_ITO.green),
            'stroke-width': 2.5,
            'stroke-dasharray': '6 3',
          })
        : null,
      mark(a.space.nash, 'diamond', css(OKABE_ITO.purple)),
      mark(history, 'square', css(OKABE_ITO.blue)),
      mark(yours, 'star', css(OKABE_ITO.orange)),
    );
    const legend = h(
      'p',
      { class: 'small legend-line' },
      tr('debrief.space_axes', { x: actorText(this.view, rx), y: actorText(this.view, ry) }),
      ' ',
      tr('debrief.space_legend'),
    );
    return h('div', { class: 'deal-space' }, h('figure', { class: 'chart' }, svg, h('figcaption', {}, legend)), reading);
  }

  private charts(): HTMLElement {
    const view = this.view;
    const hist = view.history;
    const wrap = h('div', { class: 'chart-grid' });
    const colours = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange];
    view.indicators.forEach((ind, k) => {
      const W = 200;
      const H = 70;
      const values = hist.map((r) => r[ind.id] ?? ind.start);
      const [lo, hi] = ind.range;
      const px = (i: number) => 8 + (values.length <= 1 ? 0 : (i / (values.length - 1)) * (W - 16));
      const py = (v: number) => H - 8 - ((v - lo) / (hi - lo || 1)) * (H - 16);
      const colour = css(ind.held_by ? roleColour(view.actors, ind.held_by) : colours[k % colours.length]);
      const path = values.map((v, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      const svg = s(
        'svg',
        {
          viewBox: `0 0 ${W} ${H}`,
          role: 'img',
          'aria-label': tr('debrief.chart_label', { name: lt(ind.name), values: values.map(num).join(tr('list_separator')) }),
        },
        s('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff', stroke: '#8a8275' }),
        s('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 3 }),
        ...values.map((v, i) => s('circle', { cx: px(i), cy: py(v), r: 3.5, fill: colour })),
      );
      const first = values[0];
      const last = values[values.length - 1];
      wrap.append(
        h(
          'figure',
          { class: 'chart' },
          svg,
          h('figcaption', { text: tr('debrief.chart_caption', { name: lt(ind.name), first, last: valueText(ind, last) }) }),
        ),
      );
    });
    return wrap;
  }

  private literature(): HTMLElement {
    const view = this.view;
    const used = new Map<string, number>();
    for (const e of view.log)
      if (e.type === 'move' && e.actor === view.role && e.mechanic) used.set(e.mechanic, (used.get(e.mechanic) ?? 0) + 1);
    const all = new Set(view.log.filter((e) => e.mechanic).map((e) => e.mechanic as string));
    if (all.size === 0) return h('p', { text: tr('debrief.no_mechanics') });
    return h(
      'ul',
      { class: 'lit' },
      ...[...all].map((m) =>
        h(
          'li',
          {},
          h('strong', { text: msg({ key: `mechanic.${m}` }) }),
          ' ',
          h('span', {
            class: 'small',
            text: used.has(m) ? tr('debrief.you_used', { count: used.get(m) ?? 0 }) : tr('debrief.others_used'),
          }),
          h('p', { text: tr(`glossary.${m}.text`) }),
          h('cite', { text: tr(`cite.${m}`) }),
        ),
      ),
    );
  }

  /** Step through the level round by round: what happened and where every indicator stood after it. */
  private replay(): HTMLElement {
    const view = this.view;
    const last = view.history.length - 1;
    let at = last;
    const where = h('p', { class: 'replay-at', 'aria-live': 'polite' });
    const events = h('ul', { class: 'replay-log' });
    const values = h('ul', { class: 'replay-values' });
    const step = (by: number) => {
      at = Math.max(0, Math.min(last, at + by));
      show();
    };
    const prev = button(tr('debrief.replay_prev'), () => step(-1), { focus: 'replay-prev' });
    const next = button(tr('debrief.replay_next'), () => step(1), { focus: 'replay-next' });
    const show = () => {
      where.textContent = at === 0 ? tr('debrief.replay_start') : tr('debrief.replay_round', { round: at, rounds: last });
      events.replaceChildren(
        ...view.log
          .filter((e) => at > 0 && e.round === at)
          .map((e) => {
            const line = entryLines(view, e);
            return h('li', { text: line.changes ? `${line.text} (${line.changes})` : line.text });
          }),
      );
      values.replaceChildren(
        ...view.indicators.map((i) => {
          const before = view.history[Math.max(0, at - 1)]?.[i.id];
          const now = view.history[at]?.[i.id];
          const moved = at > 0 && before !== now ? ` (${tr('debrief.replay_from', { value: valueText(i, before) })})` : '';
          return h('li', { text: `${tr('labelled', { label: lt(i.name), text: valueText(i, now) })}${moved}` });
        }),
      );
      prev.setAttribute('aria-disabled', String(at === 0));
      next.setAttribute('aria-disabled', String(at === last));
    };
    show();
    return h('div', { class: 'replay' }, h('div', { class: 'row' }, prev, next), where, events, values);
  }

  private timeline(): HTMLElement {
    const view = this.view;
    const rounds = [...new Set(view.log.map((e) => e.round))];
    return h(
      'ol',
      { class: 'timeline' },
      ...rounds.map((r) =>
        h(
          'li',
          {},
          h('strong', { text: tr('table.round_short', { round: r }) }),
          h('ul', {}, ...view.log.filter((e) => e.round === r).map((e) => h('li', { text: entryLines(view, e).text }))),
        ),
      ),
    );
  }
}
