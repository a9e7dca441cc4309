/**
 * The one test of whether a home level ratifies a package (Putnam's two-level game): the package's
 * value to the actor must reach its threshold (raised by tied hands), and the indicators the package
 * would leave must meet every requirement. The round's ratification, the debrief's deal space and the
 * level checker's search all ask here.
 */
import type { Comparison, Condition, Level } from '../levels/schema';
import { compare, describeComparison, holds } from './conditions';
import { applyDeal, dealValue } from './deal';
import { ratificationThreshold, withinWinSet } from './mechanics/twoLevel';
import type { Board, Deal, Message, NegotiationContext, RatificationResult, Role } from './model';
import { own } from './own';

/** The indicators a package would leave if it took effect now. */
export function projectedIndicators(
  level: Level,
  ctx: Pick<NegotiationContext, 'indicators' | 'salience'>,
  deal: Deal,
): Record<string, number> {
  const projected = { ...ctx.indicators };
  applyDeal(level, ctx, projected, deal);
  return projected;
}

/** What one home level makes of a package, given the indicators it would leave (`projected`). */
export function homeVerdict(
  level: Level,
  ctx: NegotiationContext,
  actor: Role,
  deal: Deal,
  projected: Record<string, number>,
): RatificationResult {
  const rule = level.ratification[actor];
  const value = dealValue(level, ctx, actor, deal);
  const threshold = ratificationThreshold(rule.min_value, own(ctx.tiedHands, actor) ?? 0);
  const failed = [...redLinesCrossed(level, actor, deal), ...rule.requires.flatMap((c) => failingConditions(level, ctx, c, projected))];
  if (value < threshold) failed.unshift({ key: 'ratify.value', params: { value, threshold } });
  return { actor, ratified: withinWinSet(value, threshold, failed.length === 0), value, threshold, failed };
}

/** Every home level's verdict on a package, in the level's order (`projected`: the indicators it would leave). */
export function homeVerdicts(
  level: Level,
  ctx: NegotiationContext,
  deal: Deal,
  projected = projectedIndicators(level, ctx, deal),
): RatificationResult[] {
  return Object.keys(level.ratification).map((actor) => homeVerdict(level, ctx, actor, deal, projected));
}

/** Would every home level ratify this package now? */
export function ratifiable(level: Level, ctx: NegotiationContext, deal: Deal, projected?: Record<string, number>): boolean {
  return homeVerdicts(level, ctx, deal, projected).every((r) => r.ratified);
}

/** The options a package chooses that are someone's red line (`unacceptable_to`), with the issue each settles. */
export function redLines(board: Board, deal: Deal): { issue: string; option: Board['issues'][string]['options'][number] }[] {
  const out: { issue: string; option: Board['issues'][string]['options'][number] }[] = [];
  for (const [issue, def] of Object.entries(board.issues)) {
    const option = def.options.find((o) => o.id === own(deal, issue));
    if (option?.unacceptable_to?.length) out.push({ issue, option });
  }
  return out;
}

/** Why an actor's home level refuses a package for its red lines: never ratified, whatever the package is worth. */
function redLinesCrossed(level: Level, actor: Role, deal: Deal): Message[] {
  return redLines(level, deal)
    .filter(({ option }) => option.unacceptable_to?.includes(actor))
    .map(({ issue, option }) => ({ key: 'ratify.red_line', params: { issue: level.issues[issue].title, option: option.label } }));
}

/** Which failing conditions explain a refusal at home, as messages a player can read. */
function failingConditions(level: Level, ctx: NegotiationContext, c: Condition, indicators: Record<string, number>): Message[] {
  if (holds(level, ctx, c, indicators)) return [];
  const out: Message[] = [];
  for (const [key, value] of Object.entries(c)) {
    const ind = own(level.indicators, key);
    if (ind && !compare(indicators[key], value as Comparison)) {
      out.push({
        key: 'ratify.indicator',
        params: { indicator: ind.name, value: indicators[key], need: describeComparison(value as Comparison) },
      });
    }
  }
  return out.length ? out : [{ key: 'ratify.condition' }];
}
