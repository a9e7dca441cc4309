import type { IndicatorKind, KindEffects } from './mechanics/kinds';
import { thickeningEffects } from './mechanics/thickening';
import type { Board, Role } from './model';
import { inner, memo } from './memo';
import { own } from './own';

const OWN: IndicatorKind[] = ['approval', 'sovereignty', 'burden_share', 'personality', 'exports', 'security', 'expectation', 'alignment'];
const HELD_BY_OTHERS: IndicatorKind[] = ['trust', 'free_rider'];

/**
 * The indicators a kind-addressed effect lands on for an actor: its own (approval, sovereignty...),
 * those others hold about it (trust, free-rider perception), or the shared ones (thickness, wait, trade).
 * `holder` narrows others' indicators to one holder (the trust *Washington* has in Ottawa).
 */
export function indicatorsFor(level: Board, kind: IndicatorKind, actor: Role, holder?: Role): string[] {
  const byHolder = inner(inner(inner(lookups, level), kind), actor);
  return memo(byHolder, holder, () => findIndicators(level, kind, actor, holder));
}

// Levels never change once loaded, so each lookup is worked out once (by kind, actor, then holder).
const lookups = new WeakMap<Board, Map<IndicatorKind, Map<Role, Map<Role | undefined, string[]>>>>();

function findIndicators(level: Board, kind: IndicatorKind, actor: Role, holder?: Role): string[] {
  const all = Object.entries(level.indicators).filter(([, ind]) => ind.kind === kind);
  if (OWN.includes(kind)) {
    const own = all.filter(([, ind]) => ind.held_by === actor || (kind === 'alignment' && ind.about === actor));
    if (own.length) return own.map(([id]) => id);
    const unowned = all.filter(([, ind]) => ind.held_by === undefined);
    return unowned.length === 1 && kind !== 'alignment' ? [unowned[0][0]] : [];
  }
  if (HELD_BY_OTHERS.includes(kind)) {
    return all
      .filter(([, ind]) => (ind.about === undefined ? ind.held_by !== actor : ind.about === actor))
      .filter(([, ind]) => holder === undefined || ind.held_by === holder)
      .map(([id]) => id);
  }
  return all.map(([id]) => id);
}

export function firstValue(
  level: Board,
  indicators: Record<string, number>,
  kind: IndicatorKind,
  actor: Role,
  holder?: Role,
): number | undefined {
  const id = indicatorsFor(level, kind, actor, holder)[0];
  return id === undefined ? undefined : indicators[id];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Apply raw changes by indicator id, clamped to each range. A change in thickness carries its
 * consequences (wait, trade, travel). Returns the changes actually made, added to `deltas` when given.
 */
export function applyEffects(
  level: Board,
  indicators: Record<string, number>,
  effects: Record<string, number>,
  deltas: Record<string, number> = {},
): Record<string, number> {
  applyChanges(level, indicators, effects, deltas);
  return deltas;
}

/** applyEffects without the record of changes when `deltas` is null (projections only need the indicators). */
export function applyChanges(
  level: Board,
  indicators: Record<string, number>,
  effects: Record<string, number>,
  deltas: Record<string, number> | null,
): void {
  const defs = level.indicators;
  let thickened = 0;
  for (const id of Object.keys(effects)) {
    const ind = own(defs, id);
    if (!ind) continue;
    const d = changeIndicator(ind.range, indicators, deltas, id, effects[id]);
    if (ind.kind === 'thickness') thickened += d;
  }
  if (thickened !== 0) {
    const consequences = thickeningEffects(thickened);
    for (const kind of Object.keys(consequences) as IndicatorKind[]) {
      const by = consequences[kind] ?? 0;
      for (const { id, range } of sharedIndicators(level, kind)) changeIndicator(range, indicators, deltas, id, by);
    }
  }
}

/** The indicators a shared (actor-less) kind lands on, with their ranges: indicatorsFor(level, kind, ''). */
function sharedIndicators(level: Board, kind: IndicatorKind): { id: string; range: [number, number] }[] {
  return memo(inner(shared, level), kind, () =>
    indicatorsFor(level, kind, '')
      .filter((id) => level.indicators[id])
      .map((id) => ({ id, range: level.indicators[id].range })),
  );
}

const shared = new WeakMap<Board, Map<IndicatorKind, { id: string; range: [number, number] }[]>>();

/** One clamped change, recorded in `deltas` when given; returns the change actually made. */
export function changeIndicator(
  range: readonly [number, number],
  indicators: Record<string, number>,
  deltas: Record<string, number> | null,
  id: string,
  by: number,
): number {
  if (by === 0) return 0;
  const before = indicators[id];
  const after = round1(Math.min(range[1], Math.max(range[0], before + by)));
  indicators[id] = after;
  const d = round1(after - before);
  if (d !== 0 && deltas) {
    const total = round1((own(deltas, id) ?? 0) + d);
    if (total === 0) delete deltas[id];
    else deltas[id] = total;
  }
  return d;
}

/**
 * The party an actor acts within when it has no indicator of its own for something: Quebec's
 * security contributions count towards Canada's burden share (layered governance, [S001]).
 */
function partnerOf(level: Board, actor: Role): Role | undefined {
  return memo(
    inner(partners, level),
    actor,
    () => Object.values(level.indicators).find((ind) => ind.kind === 'alignment' && ind.held_by === actor)?.about,
  );
}

const partners = new WeakMap<Board, Map<Role, Role | undefined>>();

/** Translate kind-addressed effects for an actor into indicator ids. */
export function effectsForKinds(level: Board, actor: Role, effects: KindEffects, holder?: Role): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, by] of Object.entries(effects)) {
    if (!by) continue;
    let ids = indicatorsFor(level, kind as IndicatorKind, actor, holder);
    const partner = partnerOf(level, actor);
    if (ids.length === 0 && partner) ids = indicatorsFor(level, kind as IndicatorKind, partner, holder);
    for (const id of ids) out[id] = (own(out, id) ?? 0) + by;
  }
  return out;
}
