/**
 * The shared debrief to project: every table's deal on one deal-space chart (the first two veto
 * holders' scores), beside what the governments really agreed, then the literature behind the moves
 * the class played. Every figure comes from the server's analysis of the tables.
 */
import type { Dashboard, Debrief } from '../../server/classroom';
import { lt, msg, tr } from '../app';
import { h, s } from '../ui/dom';
import { ct } from './shared';

const SIZE = 360;
const PAD = 40;
const at = (score: number) => PAD + (score / 100) * (SIZE - 2 * PAD);

export function debriefChart(d: Debrief, dash: Dashboard): HTMLElement[] {
  const [x, y] = d.roles;
  const name = (r: string) => lt(dash.roles.find((role) => role.id === r)?.name) || r;
  const out: HTMLElement[] = [];
  if (x && y && d.packages.length) {
    const svg = s(
      'svg',
      {
        viewBox: `0 0 ${SIZE} ${SIZE}`,
        width: SIZE,
        height: SIZE,
        role: 'img',
        'aria-labelledby': 'class-space-desc',
        class: 'class-space',
      },
      s('rect', { x: PAD, y: PAD, width: SIZE - 2 * PAD, height: SIZE - 2 * PAD, fill: 'none', stroke: '#8a8f99' }),
      ...d.packages.map((p) =>
        s('circle', { cx: at(p.scores[x]), cy: SIZE - at(p.scores[y]), r: 3, fill: p.ratifiable ? '#9aa3b1' : 'none', stroke: '#9aa3b1' }),
      ),
      d.historical
        ? s('rect', { x: at(d.historical[x]) - 6, y: SIZE - at(d.historical[y]) - 6, width: 12, height: 12, fill: '#0072b2' })
        : null,
      ...d.tables.flatMap((t) =>
        t.point
          ? [
              s('circle', { cx: at(t.point[x]), cy: SIZE - at(t.point[y]), r: 7, fill: '#e69f00', stroke: '#1f2430' }),
              label(at(t.point[x]) + 9, SIZE - at(t.point[y]) + 4, String(t.no + 1)),
            ]
          : [],
      ),
      label(SIZE / 2, SIZE - 8, name(x), 'middle'),
      label(12, SIZE / 2, name(y), 'middle', `rotate(-90 12 ${SIZE / 2})`),
    );
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
            h('td', { text: outcome ? ct(`run.outcome_${outcome.kind}`) : ct('debrief.unfinished') }),
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
