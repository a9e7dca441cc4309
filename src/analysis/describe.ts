/**
 * The debrief's reading of an analysis, as messages (keys under "analysis." with parameters), so the
 * game shows it in English or French.
 */
import { type Deal, joinLabels, type Level, type Message, type Text } from '../engine';
import type { SessionAnalysis } from './index';

const m = (key: string, params?: Message['params']): Message => ({ key: `analysis.${key}`, params });

/** A package in words: the option labels, joined. */
export function dealText(level: Level, deal: Deal): Text {
  return joinLabels(
    Object.entries(level.issues).map(([id, issue]) => issue.options.find((o) => o.id === deal[id])?.label ?? { en: deal[id] ?? '?' }),
  );
}

export function describeAnalysis(level: Level, a: SessionAnalysis): Message[] {
  const out: Message[] = [];
  const name = (r: string) => level.actors[r]?.name ?? { en: r };
  if (!a.reached) out.push(m('no_deal'));
  else if (a.reached.efficient) out.push(m('efficient'));
  else out.push(m('dominated', { count: a.reached.dominatedBy.length }));
  for (const [role, gain] of Object.entries(a.gains)) {
    const params = { actor: name(role), count: Math.abs(gain), fallback: a.space.fallback[role], score: a.space.fallback[role] + gain };
    out.push(m(gain > 0 ? 'gain' : gain < 0 ? 'loss' : 'even', params));
  }
  const sameAs = (x: Deal, y: Deal | undefined) => !!y && Object.keys(level.issues).every((id) => x[id] === y[id]);
  const historical = a.historical?.historical;
  if (!a.nash) out.push(m('no_nash'));
  else if (a.reached && a.space.nash === a.reached.index) out.push(m('nash_same'));
  else if (!a.reached) out.push(m('nash_no_deal', { deal: dealText(level, a.nash) }));
  else {
    const at = a.space.packages[a.space.nash as number].scores;
    const scores = Object.keys(at).map((r) => m('score_of', { actor: name(r), score: at[r] }));
    out.push(m('nash_elsewhere', { deal: dealText(level, a.nash), scores }));
  }
  if (a.nash && sameAs(a.nash, historical)) out.push(m('nash_is_historical'));
  if (a.historical) {
    const total = Object.keys(level.issues).length;
    if (!a.reached) out.push(m('historical_no_deal', { deal: dealText(level, a.historical.historical) }));
    else if (a.historical.differing.length === 0) out.push(m('historical_same'));
    else {
      const issues = a.historical.differing.map((id) => level.issues[id].title);
      out.push(
        m('historical_differs', {
          count: a.historical.differing.length,
          total,
          issues: { en: issues.map((t) => t.en).join(', '), fr: issues.map((t) => t.fr ?? t.en).join(', ') },
          deal: dealText(level, a.historical.historical),
        }),
      );
    }
  }
  return out;
}

/**
 * One plain sentence saying what the deal-space chart shows about this game, for the two roles on its
 * axes (`a` computed over [me, other]): whether a zone of agreement existed, and where the outcome sits
 * against the fallbacks and the frontier. Counts come from the analysis itself.
 */
export function chartSentence(a: SessionAnalysis, other: Text): Message {
  const [x, y] = a.space.roles;
  const fallback = a.space.fallback;
  const feasible = (p: SessionAnalysis['space']['packages'][number]) => !a.space.anyFeasible || (p.available && p.ratifiable);
  const zone = a.space.packages.filter((p) => feasible(p) && p.scores[x] > fallback[x] && p.scores[y] > fallback[y]).length;
  if (!a.reached) return m(zone ? 'chart_no_deal' : 'chart_no_zone', { other, count: zone });
  const gain = a.gains[x] ?? 0;
  if (gain < 0) return m('chart_below', { other, score: fallback[x] + gain, fallback: fallback[x] });
  if (a.reached.efficient) return m('chart_efficient', { other });
  return m('chart_dominated', { other, count: a.reached.dominatedBy.length });
}
