import { analyseOutcome, type SessionAnalysis } from '../../analysis';
import { chartSentence, describeAnalysis } from '../../analysis/describe';
import type { LogEntry, PlayerView } from '../../engine';
import { app, finishLevel, lt, msg, num, tr } from '../app';

import { nextInCampaign } from '../../levels/campaign';
import { campaign } from '../levels';
import { isScenario } from '../scenario/registry';
import { css, legible, OKABE_ITO, roleColour } from '../palette';
import { button, h, s } from '../ui/dom';
import { actorText, entryLines, objectiveText, optionLabel, valueText } from '../ui/format';
import { objectiveMet } from '../forecast';
import { sourcesList } from '../ui/sources';
import { type Marker, placeMarkers } from '../chart';
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
          this.briefs(),
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
        const { mark, pct } = objectiveMet(results[i]?.satisfied ?? 0);
        return h(
          'li',
          {},
          h('span', { class: 'obj', text: objectiveText(view, o) }),
          h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
          h('span', { class: 'pct', text: `${mark} ${tr('debrief.met', { pct })}` }),
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

  /** The other side on the chart's second axis: the first other side with a veto, else the first other side at the table. */
  private counterpart(): string | undefined {
    const { actors, role } = this.view;
    const others = Object.keys(actors).filter((r) => r !== role);
    return others.find((r) => actors[r].veto) ?? others.find((r) => actors[r].seat === 'table') ?? others[0];
  }

  /** Every package by the player's score (across) and the other main side's (up): the frontier, the fallbacks, the Nash point, history and yours. */
  private dealSpace(): HTMLElement {
    const level = app.bridge.entry?.level;
    const ctx = app.bridge.session?.context();
    const me = this.view.role;
    const other = this.counterpart();
    if (!this.analysis || !level || !ctx || !other) return h('p', { class: 'small', text: tr('debrief.no_space') });
    const reading = h('ul', { class: 'analysis' }, ...describeAnalysis(level, this.analysis).map((m) => h('li', { text: msg(m) })));
    let a: SessionAnalysis;
    try {
      a = analyseOutcome(level, ctx, [me, other]);
    } catch {
      return reading;
    }
    const [rx, ry] = [me, other];
    const W = 340;
    const H = 260;
    const left = 44;
    const bottom = 38;
    const px = (v: number) => left + (v / 100) * (W - left - 12);
    const py = (v: number) => H - bottom - (v / 100) * (H - bottom - 12);
    const ink = '#1f2430';
    const pts = a.space.packages;
    const frontier = [...a.space.pareto].map((i) => pts[i]).sort((p, q) => p.scores[rx] - q.scores[rx]);
    const ticks = [0, 25, 50, 75, 100];
    const grid = ticks.flatMap((t) => [
      s('line', { x1: px(t), y1: py(0), x2: px(t), y2: py(100), stroke: '#e4dccb' }),
      s('line', { x1: px(0), y1: py(t), x2: px(100), y2: py(t), stroke: '#e4dccb' }),
      s('text', { x: px(t), y: py(0) + 14, 'text-anchor': 'middle', 'font-size': 10, fill: ink }, num(t)),
      s('text', { x: px(0) - 5, y: py(t) + 3.5, 'text-anchor': 'end', 'font-size': 10, fill: ink }, num(t)),
    ]);
    const colour = (c: number) => css(legible(c));
    const markers = placeMarkers(
      (
        [
          { kind: 'cross', scores: a.space.fallback, colour: ink },
          { kind: 'star', scores: at(pts, a.reached?.index), colour: colour(OKABE_ITO.orange) },
          { kind: 'square', scores: at(pts, a.historical?.placement?.index), colour: colour(OKABE_ITO.blue) },
          { kind: 'diamond', scores: at(pts, a.space.nash), colour: colour(OKABE_ITO.purple) },
        ] as const
      ).flatMap((m) => (m.scores ? [{ kind: m.kind, colour: m.colour, x: px(m.scores[rx]), y: py(m.scores[ry]) }] : [])),
      22,
      { left: 12, top: 10, right: W - 10, bottom: H - 10 },
    );
    const svg = s(
      'svg',
      {
        viewBox: `0 0 ${W} ${H}`,
        role: 'img',
        'aria-label': tr('debrief.space_label', { x: actorText(this.view, rx), y: actorText(this.view, ry), count: pts.length }),
      },
      s('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff', stroke: '#8a8275' }),
      ...grid,
      s('line', { x1: px(0), y1: py(0), x2: px(100), y2: py(0), stroke: ink }),
      s('line', { x1: px(0), y1: py(0), x2: px(0), y2: py(100), stroke: ink }),
      s(
        'text',
        { x: px(50), y: H - 6, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 700, fill: ink },
        tr('debrief.axis', { actor: actorText(this.view, rx) }),
      ),
      s(
        'text',
        {
          x: 12,
          y: py(50),
          'text-anchor': 'middle',
          'font-size': 11,
          'font-weight': 700,
          fill: ink,
          transform: `rotate(-90 12 ${py(50)})`,
        },
        tr('debrief.axis', { actor: actorText(this.view, ry) }),
      ),
      // Fallback lines: packages up and to the right of both are better than no deal for both sides.
      s('line', {
        x1: px(a.space.fallback[rx]),
        y1: py(0),
        x2: px(a.space.fallback[rx]),
        y2: py(100),
        stroke: ink,
        'stroke-dasharray': '2 3',
      }),
      s('line', {
        x1: px(0),
        y1: py(a.space.fallback[ry]),
        x2: px(100),
        y2: py(a.space.fallback[ry]),
        stroke: ink,
        'stroke-dasharray': '2 3',
      }),
      ...pts.map((p) =>
        s('circle', { cx: px(p.scores[rx]), cy: py(p.scores[ry]), r: 3, fill: p.ratifiable ? '#4a4f5c' : 'none', stroke: '#4a4f5c' }),
      ),
      frontier.length > 1
        ? s('path', {
            d: frontier.map((p, i) => `${i ? 'L' : 'M'}${px(p.scores[rx])},${py(p.scores[ry])}`).join(' '),
            fill: 'none',
            stroke: colour(OKABE_ITO.green),
            'stroke-width': 2.5,
            'stroke-dasharray': '6 3',
          })
        : null,
      ...markers.map(markerShape),
    );
    const legend = h(
      'p',
      { class: 'small legend-line' },
      tr('debrief.space_axes', { x: actorText(this.view, rx), y: actorText(this.view, ry) }),
      ' ',
      tr('debrief.space_legend'),
    );
    return h(
      'div',
      { class: 'deal-space' },
      h('p', { class: 'chart-sentence', text: msg(chartSentence(a, actorText(this.view, ry))) }),
      h('figure', { class: 'chart' }, svg, h('figcaption', {}, legend)),
      reading,
    );
  }

  /** Each indicator across the rounds, with its scale and, where one of the player's objectives sets one, the threshold. */
  private charts(): HTMLElement {
    const view = this.view;
    const hist = view.history;
    const wrap = h('div', { class: 'chart-grid' });
    const colours = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange];
    view.indicators.forEach((ind, k) => {
      const W = 200;
      const H = 84;
      const left = 26;
      const bottom = 16;
      const values = hist.map((r) => r[ind.id] ?? ind.start);
      const [lo, hi] = ind.range;
      const px = (i: number) => left + (values.length <= 1 ? 0 : (i / (values.length - 1)) * (W - left - 8));
      const py = (v: number) => H - bottom - ((v - lo) / (hi - lo || 1)) * (H - bottom - 8);
      const ink = '#1f2430';
      const aims = view.me.objectives.flatMap((o) =>
        o.indicator === ind.id && (o.at_least ?? o.at_most) !== undefined
          ? [{ value: (o.at_least ?? o.at_most) as number, least: o.at_least !== undefined }]
          : [],
      );
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
        // The scale: the indicator's range up the side, the rounds along the bottom.
        s('line', { x1: left, y1: py(lo), x2: W - 8, y2: py(lo), stroke: '#8a8275' }),
        s('line', { x1: left, y1: py(lo), x2: left, y2: py(hi), stroke: '#8a8275' }),
        s('text', { class: 'scale', x: left - 3, y: py(hi) + 7, 'text-anchor': 'end', 'font-size': 9, fill: ink }, num(hi)),
        s('text', { class: 'scale', x: left - 3, y: py(lo), 'text-anchor': 'end', 'font-size': 9, fill: ink }, num(lo)),
        s('text', { x: px(0), y: H - 4, 'text-anchor': 'start', 'font-size': 9, fill: ink }, tr('debrief.chart_start')),
        values.length > 1
          ? s(
              'text',
              { x: px(values.length - 1), y: H - 4, 'text-anchor': 'end', 'font-size': 9, fill: ink },
              tr('table.round_short', { round: values.length - 1 }),
            )
          : null,
        ...aims.flatMap((aim) => [
          s('line', {
            class: 'aim',
            x1: left,
            y1: py(aim.value),
            x2: W - 8,
            y2: py(aim.value),
            stroke: ink,
            'stroke-width': 1.5,
            'stroke-dasharray': '4 3',
          }),
          s(
            'text',
            {
              x: W - 8,
              y: py(aim.value) - 3,
              'text-anchor': 'end',
              'font-size': 9,
              'font-weight': 700,
              fill: ink,
              stroke: '#ffffff',
              'stroke-width': 3,
              'paint-order': 'stroke',
            },
            tr(aim.least ? 'debrief.aim_least' : 'debrief.aim_most', { value: valueText(ind, aim.value) }),
          ),
        ]),
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
          this.turns(m),
          h('p', { text: tr(`glossary.${m}.text`) }),
          h('cite', { text: tr(`cite.${m}`) }),
        ),
      ),
    );
  }

  /** Where a mechanic happened in this game, turn by turn: the player's own moves first, then the others' (at most four in all). */
  private turns(mechanic: string): HTMLElement {
    const view = this.view;
    const all = view.log.filter((e) => e.mechanic === mechanic);
    const mine = (e: LogEntry) => e.actor === view.role && e.type === 'move';
    const shown = [...all.filter(mine), ...all.filter((e) => !mine(e))].slice(0, 4);
    return h(
      'ul',
      { class: 'turns' },
      ...shown.map((e) =>
        h('li', {
          text: tr(mine(e) ? 'debrief.turn_you' : 'debrief.turn', { round: e.round, what: entryLines(view, e).text }),
        }),
      ),
    );
  }

  /** Every side's confidential brief, objectives and fallback, revealed now that the level is over. */
  private briefs(): HTMLElement | null {
    const view = this.view;
    if (!view.everyone) return null;
    return h(
      'div',
      { class: 'briefs' },
      h('h2', { text: tr('debrief.briefs') }),
      ...Object.entries(view.everyone).map(([r, c]) =>
        h(
          'details',
          { open: r !== view.role ? true : undefined, 'data-role': r },
          h('summary', { text: r === view.role ? tr('debrief.brief_yours') : tr('debrief.brief_of', { actor: actorText(view, r) }) }),
          c.brief ? h('p', { text: lt(c.brief) }) : null,
          c.objectives.length ? h('ul', {}, ...c.objectives.map((o) => h('li', { text: objectiveText(view, o) }))) : null,
          c.fallback ? h('p', { class: 'small', text: tr('debrief.their_fallback', { text: lt(c.fallback) }) }) : null,
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

const at = (pts: SessionAnalysis['space']['packages'], i: number | null | undefined) =>
  i === null || i === undefined || i < 0 ? undefined : pts[i]?.scores;

function markerShape(m: Marker): SVGElement {
  const { x, y } = m.at ?? m;
  const leader = x !== m.x || y !== m.y ? s('line', { x1: m.x, y1: m.y, x2: x, y2: y, stroke: '#1f2430', 'stroke-width': 1 }) : null;
  let shape: SVGElement;
  if (m.kind === 'square')
    shape = s('rect', { x: x - 6, y: y - 6, width: 12, height: 12, fill: '#ffffff', stroke: m.colour, 'stroke-width': 3 });
  else if (m.kind === 'diamond')
    shape = s('path', {
      d: `M${x},${y - 8} L${x + 8},${y} L${x},${y + 8} L${x - 8},${y} Z`,
      fill: m.colour,
      stroke: '#1f2430',
      'stroke-width': 1,
    });
  else if (m.kind === 'cross')
    shape = s('path', {
      d: `M${x - 6},${y - 6} L${x + 6},${y + 6} M${x + 6},${y - 6} L${x - 6},${y + 6}`,
      stroke: m.colour,
      'stroke-width': 3.5,
    });
  else {
    const star = Array.from({ length: 10 }, (_, k) => {
      const r = k % 2 === 0 ? 10 : 4;
      const t = -Math.PI / 2 + (k * Math.PI) / 5;
      return `${(x + Math.cos(t) * r).toFixed(1)},${(y + Math.sin(t) * r).toFixed(1)}`;
    }).join(' ');
    shape = s('polygon', { points: star, fill: m.colour, stroke: '#1f2430', 'stroke-width': 1 });
  }
  return s('g', { class: `marker marker-${m.kind}`, 'data-x': m.x.toFixed(1), 'data-y': m.y.toFixed(1) }, leader, shape);
}
