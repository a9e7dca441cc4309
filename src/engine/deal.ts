import type { Level, Text } from '../levels/schema';
import { applyChanges, changeIndicator } from './indicators';
import { linkageGain } from './mechanics/linkage';
import { clauseCost } from './mechanics/sovereignty';
import type { Board, Deal, NegotiationContext, Role } from './model';
import { memo } from './memo';
import { own } from './own';

export function optionIndex(level: Board, issue: string, option: string): number {
  return own(level.issues, issue)?.options.findIndex((o) => o.id === option) ?? -1;
}

/** With no deal, each issue stays at its first option (the status quo). */
export function statusQuo(level: Board): Deal {
  return Object.fromEntries(Object.entries(level.issues).map(([id, issue]) => [id, issue.options[0].id]));
}

/** The status quo's option on one issue (what statusQuo(level)[issue] gives, without building the package). */
export function statusQuoOption(level: Board, issue: string): string {
  return Object.hasOwn(level.issues, issue) ? level.issues[issue].options[0].id : statusQuo(level)[issue];
}

const dealSpaces = new WeakMap<Board, Deal[]>();

/** Every package of one option per issue, in a stable order (computed once per level; do not change it). */
export function allDeals(level: Board): Deal[] {
  return memo(dealSpaces, level, () => dealSpaceOf(level));
}

function dealSpaceOf(level: Board): Deal[] {
  let deals: Deal[] = [{}];
  for (const [issue, def] of Object.entries(level.issues)) {
    deals = deals.flatMap((d) => def.options.map((o) => ({ ...d, [issue]: o.id })));
  }
  for (const d of deals) Object.freeze(d);
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
    value += (own(def.value, actor)?.[i] ?? 0) + (own(own(ctx.pressure, actor), issue)?.[i] ?? 0);
  }
  for (const link of ctx.links) {
    const [a, b] = link.issues;
    const va = own(own(level.issues, a)?.value, actor);
    const vb = own(own(level.issues, b)?.value, actor);
    if (!va || !vb) continue;
    value += linkageGain([va, vb], [optionIndex(level, a, deal[a]), optionIndex(level, b, deal[b])]);
  }
  return Math.round(value * 10) / 10;
}

/**
 * Apply a package to a set of indicators: each option's effects, then the sovereignty cost of its
 * harmonization. Returns the changes.
 */
export function applyDeal(
  level: Level,
  ctx: Pick<NegotiationContext, 'salience'>,
  indicators: Record<string, number>,
  deal: Deal,
): Record<string, number> {
  const deltas: Record<string, number> = {};
  applyDealChanges(level, ctx.salience, indicators, deal, deltas);
  return deltas;
}

/** applyDeal without the record of changes when `deltas` is null (projections only need the indicators). */
export function applyDealChanges(
  level: Board,
  salience: Record<string, number>,
  indicators: Record<string, number>,
  deal: Deal,
  deltas: Record<string, number> | null,
): void {
  const shape = dealShape(level);
  let cost = 0;
  for (const issue of Object.keys(deal)) {
    const def = shape.options.get(issue)?.get(deal[issue]);
    if (!def) continue;
    if (def.effects) applyChanges(level, indicators, def.effects, deltas);
    cost += clauseCost(def.harmonization, own(salience, issue) ?? 1);
  }
  if (cost > 0) {
    for (const { id, range } of shape.sovereignty) changeIndicator(range, indicators, deltas, id, -cost);
  }
}

/** An issue's option of a given id (the first, as a search through the list finds it), if any. */
export function optionOf(level: Board, issue: string, option: string): OptionDef | undefined {
  return dealShape(level).options.get(issue)?.get(option);
}

/** The level's issue ids, in order (computed once per level; do not change the list). */
export function issueIds(level: Board): readonly string[] {
  return dealShape(level).issues;
}

type OptionDef = Level['issues'][string]['options'][number];

interface DealShape {
  issues: string[];
  /** Per issue, each option by id (the first of that id, as a search through the list would find). */
  options: Map<string, Map<string, OptionDef>>;
  /** The sovereignty indicators a package's harmonization costs, in level order. */
  sovereignty: { id: string; range: [number, number] }[];
}

// Levels never change once loaded, so each one's lookups are built once.
const shapes = new WeakMap<Board, DealShape>();

function dealShape(level: Board): DealShape {
  return memo(shapes, level, () => {
    const options = new Map<string, Map<string, OptionDef>>();
    for (const [issue, def] of Object.entries(level.issues)) {
      const byId = new Map<string, OptionDef>();
      for (const o of def.options) if (!byId.has(o.id)) byId.set(o.id, o);
      options.set(issue, byId);
    }
    const sovereignty = Object.entries(level.indicators)
      .filter(([, ind]) => ind.kind === 'sovereignty')
      .map(([id, ind]) => ({ id, range: ind.range }));
    return { issues: Object.keys(level.issues), options, sovereignty };
  });
}

/**
 * Option labels joined into one text, in every language all of them have: a language missing from one
 * label is left out, so the reader sees the marked fallback rather than a half-translated list.
 */
export function joinLabels(labels: readonly Text[]): Text {
  const languages = Object.keys(labels[0] ?? { en: '' }).filter((k) => labels.every((l) => l[k] !== undefined));
  return Object.fromEntries(languages.map((k) => [k, labels.map((l) => l[k]).join(k.startsWith('fr') ? ' ; ' : '; ')])) as Text;
}
