/**
 * The shared debrief to project: every table's deal on one deal-space chart (the first two veto
 * holders' scores), beside what the governments really agreed, then the literature behind the moves
 * the class played. Every figure comes from the server's analysis of the tables.
 */
import type { Dashboard, Debrief } from '../../server/classroom';
import { lt, msg, tr } from '../app';
import { h, s } from '../ui/dom';
import { ct } from './shared';

type Scores = Record<string, number>;

/**
 * A deal-space chart of two sides' scores out of 100, one across and one up: the level's packages as grey dots
 * (hollow where a home level would refuse it), each side's fallback as a dashed line, what the governments agreed
 * as a blue square, and numbered marks (tables' deals, or packages on a table). The caption is the element named
 * by `describedBy`.
 */
export function spaceChart(o: {
  size: number;
  axes: [string, string];
  names: [string, string];
  describedBy: string;
  cls: string;
  packages?: { scores: Scores; ratifiable: boolean }[];
  fallback?: Scores;
  historical?: Scores | null;
  marks: { scores: Scores; label: string }[];
}): SVGSVGElement {
  const [x, y] = o.axes;
  // Room for the axis names, whatever the size.
  const pad = Math.max(o.size / 9, 26);
  const at = (score: number) => pad + (score / 100) * (o.size - 2 * pad);
  const px = (sc: Scores) => at(sc[x]);
  const py = (sc: Scores) => o.size - at(sc[y]);
  const dashed = { stroke: '#5b6170', 'stroke-dasharray': '4 3' };
  return s(
    'svg',
    { viewBox: `0 0 ${o.size} ${o.size}`, width: o.size, height: o.size, role: 'img', 'aria-labelledby': o.describedBy, class: o.cls },
    s('rect', { x: pad, y: pad, width: o.size - 2 * pad, height: o.size - 2 * pad, fill: 'none', stroke: '#8a8f99' }),
    ...(o.packages ?? []).map((p) =>
      s('circle', { cx: px(p.scores), cy: py(p.scores), r: 3, fill: p.ratifiable ? '#9aa3b1' : 'none', stroke: '#9aa3b1' }),
    ),
    ...(o.fallback
      ? [
          s('line', { x1: px(o.fallback), y1: pad, x2: px(o.fallback), y2: o.size - pad, ...dashed }),
          s('line', { x1: pad, y1: py(o.fallback), x2: o.size - pad, y2: py(o.fallback), ...dashed }),
        ]
      : []),
    o.historical ? s('rect', { x: px(o.historical) - 6, y: py(o.historical) - 6, width: 12, height: 12, fill: '#0072b2' }) : null,
    ...o.marks.flatMap((m) => [
      s('circle', { cx: px(m.scores), cy: py(m.scores), r: 7, fill: '#e69f00', stroke: '#1f2430' }),
      label(px(m.scores) + 9, py(m.scores) + 4, m.label),
    ]),
    label(o.size / 2, o.size - pad / 4, o.names[0], 'middle'),
    label(pad / 2, o.size / 2, o.names[1], 'middle', `rotate(-90 ${pad / 2} ${o.size / 2})`),
  );
}

export function debriefChart(d: Debrief, dash: Dashboard): HTMLElement[] {
  const [x, y] = d.roles;
  const name = (r: string) => lt(dash.roles.find((role) => role.id === r)?.name) || r;
  const out: HTMLElement[] = [];
  if (x && y && d.packages.length) {
    const svg = spaceChart({
      size: 360,
      axes: [x, y],
      names: [name(x), name(y)],
      describedBy: 'class-space-desc',
      cls: 'class-space',
      packages: d.packages,
      historical: d.historical,
      marks: d.tables.flatMap((t) => (t.point ? [{ scores: t.point, label: String(t.no + 1) }] : [])),
    });
    out.push(
      h(
        'figure',
        {},
        svg as unknown as HTMLElement,
        h('figcaption', { id: 'class-space-desc', text: ct('debrief.caption', { x: name(x), y: name(y), count: d.packages.length }) }),
      ),
    );
  }
  out.push(
    h(
      'table',
      { class: 'debrief-tables' },
      h(
        'thead',
        {},
        h('tr', {}, ...['table', 'outcome', 'scores', 'history'].map((c) => h('th', { scope: 'col', text: ct(`debrief.col.${c}`) }))),
      ),
      h(
        'tbody',
        {},
        ...d.tables.map((t) => {
          const outcome = t.outcome as { kind: string; scores: Record<string, { score: number }> } | null;
          return h(
            'tr',
            {},
            h('td', { text: String(t.no + 1) }),
            h('td', { text: outcome ? ct(`run.outcome_${outcome.kind}`) : ct('debrief.unfinished', { round: t.round, rounds: t.rounds }) }),
            h('td', {
              text: outcome
                ? Object.entries(outcome.scores)
                    .map(([r, sc]) => `${name(r)} ${sc.score}`)
                    .join(' · ')
                : '',
            }),
            h('td', {
              text: t.historicalDistance === null ? '' : ct('debrief.distance', { pct: Math.round((1 - t.historicalDistance) * 100) }),
            }),
          );
        }),
      ),
    ),
  );
  if (d.history?.next) out.push(h('p', { class: 'history', text: `${ct('debrief.next')} ${lt(d.history.next)}` }));
  const used = new Map<string, number>();
  for (const t of d.tables) for (const [m, n] of Object.entries(t.mechanics)) used.set(m, (used.get(m) ?? 0) + n);
  out.push(
    h('h3', { text: tr('debrief.literature') }),
    used.size === 0
      ? h('p', { text: ct('debrief.no_mechanics') })
      : h(
          'ul',
          { class: 'lit' },
          ...[...used].map(([m, n]) =>
            h(
              'li',
              {},
              h('strong', { text: msg({ key: `mechanic.${m}` }) }),
              ' ',
              h('span', { class: 'small', text: ct('debrief.used', { count: n }) }),
              h('p', { text: tr(`glossary.${m}.text`) }),
              h('cite', { text: tr(`cite.${m}`) }),
            ),
          ),
        ),
  );
  return out;
}

function label(x: number, y: number, text: string, anchor = 'start', transform?: string): SVGTextElement {
  const t = s('text', { x, y, 'text-anchor': anchor, 'font-size': 13, fill: '#1f2430', ...(transform ? { transform } : {}) });
  t.textContent = text;
  return t;
}
