import type { Comparison, Condition, Level } from '../levels/schema';
import type { Message, NegotiationContext } from './model';

export function compare(value: number, c: Comparison): boolean {
  return (
    (c.below === undefined || value < c.below) &&
    (c.above === undefined || value > c.above) &&
    (c.at_least === undefined || value >= c.at_least) &&
    (c.at_most === undefined || value <= c.at_most)
  );
}

const BOUNDS = ['at_least', 'at_most', 'above', 'below'] as const;

/** A numeric test in words, as a message ("at least 45", "at least 40 and at most 60"). */
export function describeComparison(c: Comparison): Message {
  const parts: Message[] = BOUNDS.filter((b) => c[b] !== undefined).map((b) => ({ key: `compare.${b}`, params: { n: c[b] as number } }));
  if (parts.length === 0) return { key: 'compare.any' };
  return parts.slice(1).reduce((a, b) => ({ key: 'compare.both', params: { a, b } }), parts[0]);
}

/**
 * Evaluate a declarative condition against a session's state. `indicators` may be a projection (the
 * indicators a deal would leave), which is how ratification tests a package before it takes effect.
 */
export function holds(level: Level, ctx: NegotiationContext, c: Condition | undefined, indicators = ctx.indicators): boolean {
  if (!c) return true;
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    switch (key) {
      case 'round':
        if (typeof value === 'number' ? ctx.round !== value : !compare(ctx.round, value as Comparison)) return false;
        break;
      case 'all':
        if (!(value as Condition[]).every((s) => holds(level, ctx, s, indicators))) return false;
        break;
      case 'any':
        if (!(value as Condition[]).some((s) => holds(level, ctx, s, indicators))) return false;
        break;
      case 'not':
        if (holds(level, ctx, value as Condition, indicators)) return false;
        break;
      case 'event':
        if (!ctx.firedEvents.includes(value as string)) return false;
        break;
      case 'moved': {
        const m = value as { actor?: string; move: string };
        const made = Object.entries(ctx.moveCounts).some(
          ([actor, counts]) => (m.actor === undefined || m.actor === actor) && (counts[m.move] ?? 0) > 0,
        );
        if (!made) return false;
        break;
      }
      case 'proposed': {
        const want = Object.entries(value as Record<string, string>);
        if (!ctx.table.some((p) => want.every(([issue, option]) => p.deal[issue] === option))) return false;
        break;
      }
      case 'agreed':
        if (ctx.log.some((e) => e.type === 'agreement') !== value) return false;
        break;
      default:
        if (!Object.hasOwn(level.indicators, key) || !compare(indicators[key], value as Comparison)) return false;
    }
  }
  return true;
}
