import type { Level, Objective } from '../levels/schema';
import { statusQuoOption } from './deal';
import type { Board, Deal, ObjectiveResult, Role, RoleScore } from './model';
import { own } from './own';

/** Without a `slack`, an indicator aim gives partial credit within this share of the indicator's range. */
const DEFAULT_SLACK_SHARE = 0.25;

/** How far an objective is met, 0..1. An indicator short of its target by less than the slack scores in proportion. */
export function objectiveSatisfaction(level: Board, o: Objective, indicators: Record<string, number>, deal: Deal | null): number {
  if (o.indicator !== undefined) {
    const ind = own(level.indicators, o.indicator);
    const v = own(indicators, o.indicator);
    if (!ind || v === undefined) return 0;
    const gap = (o.at_least !== undefined ? Math.max(0, o.at_least - v) : 0) + (o.at_most !== undefined ? Math.max(0, v - o.at_most) : 0);
    if (gap === 0) return 1;
    const slack = o.slack ?? (ind.range[1] - ind.range[0]) * DEFAULT_SLACK_SHARE;
    return slack === 0 ? 0 : Math.max(0, 1 - gap / slack);
  }
  if (o.issue !== undefined) {
    const chosen = deal ? (own(deal, o.issue) ?? '') : statusQuoOption(level, o.issue);
    if (o.prefer && !o.prefer.includes(chosen)) return 0;
    if (o.avoid?.includes(chosen)) return 0;
    return 1;
  }
  if (o.agreement !== undefined) return (deal !== null) === o.agreement ? 1 : 0;
  return 0;
}

/** A role's score out of 100: the weighted share of its objectives met. */
export function scoreRole(level: Level, role: Role, indicators: Record<string, number>, deal: Deal | null): RoleScore {
  const objectives: ObjectiveResult[] = (own(level.objectives, role) ?? []).map((o) => ({
    satisfied: Math.round(objectiveSatisfaction(level, o, indicators, deal) * 100) / 100,
    weight: o.weight,
  }));
  const total = objectives.reduce((s, o) => s + o.weight, 0);
  const score = total === 0 ? 0 : Math.round((100 * objectives.reduce((s, o) => s + o.weight * o.satisfied, 0)) / total);
  return { score, won: score >= level.win_at, objectives };
}
