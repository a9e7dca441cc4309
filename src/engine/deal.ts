import type { Level } from '../levels/schema';
import { applyEffects } from './indicators';
import { linkageGain } from './mechanics/linkage';
import { sovereigntyCost } from './mechanics/sovereignty';
import type { Deal, NegotiationContext, Role } from './model';

export function optionIndex(level: Level, issue: string, option: string): number {
  return level.issues[issue]?.options.findIndex((o) => o.id === option) ?? -1;
}

/** With no deal, each issue stays at its first option (the status quo). */
export function statusQuo(level: Level): Deal {
  return Object.fromEntries(Object.entries(level.issues).map(([id, issue]) => [id, issue.options[0].id]));
}

const dealSpaces = new WeakMap<Level, Deal[]>();

/** Every package of one option per issue, in a stable order (computed once per level; do not change it). */
export function allDeals(level: Level): Deal[] {
  const known = dealSpaces.get(level);
  if (known) return known;
  let deals: Deal[] = [{}];
  for (const [issue, def] of Object.entries(level.issues)) {
    deals = deals.flatMap((d) => def.options.map((o) => ({ ...d, [issue]: o.id })));
  }
  for (const d of deals) Object.freeze(d);
  dealSpaces.set(level, deals);
  return deals;
}

export function sameDeal(a: Deal, b: Deal): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * What a package is worth to an actor's home level: its own option values, plus the domestic
 * pressure coalitions, appeals and pressing have built, plus linkage gains.
 */
export function dealValue(level: Level, ctx: Pick<NegotiationContext, 'pressure' | 'links'>, actor: Role, deal: Deal): number {
  let value = 0;
  for (const [issue, def] of Object.entries(level.issues)) {
    const i = optionIndex(level, issue, deal[issue]);
    if (i < 0) continue;
    value += (def.value[actor]?.[i] ?? 0) + (ctx.pressure[actor]?.[issue]?.[i] ?? 0);
  }
  for (const link of ctx.links) {
    const [a, b] = link.issues;
    const va = level.issues[a]?.value[actor];
    const vb = level.issues[b]?.value[actor];
    if (!va || !vb) continue;
    value += linkageGain([va, vb], [optionIndex(level, a, deal[a]), optionIndex(level, b, deal[b])]);
  }
  return Math.round(value * 10) / 10;
}

/**
 * Apply a package to a set of indicators: each option's effects, then the sovereignty cost of its
 * harmonization. Returns the changes.
 */
export function applyDeal(level: Level, ctx: Pick<NegotiationContext, 'salience'>, indicators: Record<string, number>, deal: Deal): Record<string, number> {
  const deltas: Record<string, number> = {};
  const clauses: { harmonization: number; salience: number }[] = [];
  for (const [issue, option] of Object.entries(deal)) {
    const def = level.issues[issue]?.options.find((o) => o.id === option);
    if (!def) continue;
    if (def.effects) applyEffects(level, indicators, def.effects, deltas);
    clauses.push({ harmonization: def.harmonization, salience: ctx.salience[issue] ?? 1 });
  }
  const cost = sovereigntyCost(clauses);
  if (cost > 0) {
    const sovereignty = Object.entries(level.indicators).filter(([, ind]) => ind.kind === 'sovereignty').map(([id]) => id);
    applyEffects(level, indicators, Object.fromEntries(sovereignty.map((id) => [id, -cost])), deltas);
  }
  return deltas;
}
