import type { Level } from '../levels/schema';
import type { IndicatorKind, KindEffects } from './mechanics/kinds';
import { thickeningEffects } from './mechanics/thickening';
import type { Role } from './model';

const OWN: IndicatorKind[] = ['approval', 'sovereignty', 'burden_share', 'personality', 'exports', 'security', 'expectation', 'alignment'];
const HELD_BY_OTHERS: IndicatorKind[] = ['trust', 'free_rider'];

/**
 * The indicators a kind-addressed effect lands on for an actor: its own (approval, sovereignty...),
 * those others hold about it (trust, free-rider perception), or the shared ones (thickness, wait, trade).
 * `holder` narrows others' indicators to one holder (the trust *Washington* has in Ottawa).
 */
export function indicatorsFor(level: Level, kind: IndicatorKind, actor: Role, holder?: Role): string[] {
  let known = lookups.get(level);
  if (!known) {
    known = new Map();
    lookups.set(level, known);
  }
  const key = `${kind}|${actor}|${holder ?? ''}`;
  let ids = known.get(key);
  if (!ids) {
    ids = findIndicators(level, kind, actor, holder);
    known.set(key, ids);
  }
  return ids;
}

// Levels never change once loaded, so each lookup is worked out once.
const lookups = new WeakMap<Level, Map<string, string[]>>();

function findIndicators(level: Level, kind: IndicatorKind, actor: Role, holder?: Role): string[] {
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

export function firstValue(level: Level, indicators: Record<string, number>, kind: IndicatorKind, actor: Role, holder?: Role): number | undefined {
  const id = indicatorsFor(level, kind, actor, holder)[0];
  return id === undefined ? undefined : indicators[id];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Apply raw changes by indicator id, clamped to each range. A change in thickness carries its
 * consequences (wait, trade, travel). Returns the changes actually made, added to `deltas` when given.
 */
export function applyEffects(level: Level, indicators: Record<string, number>, effects: Record<string, number>, deltas: Record<string, number> = {}): Record<string, number> {
  const change = (id: string, by: number) => {
    const ind = level.indicators[id];
    if (!ind || by === 0) return 0;
    const before = indicators[id];
    const after = round1(Math.min(ind.range[1], Math.max(ind.range[0], before + by)));
    indicators[id] = after;
    const d = round1(after - before);
    if (d !== 0) {
      const total = round1((deltas[id] ?? 0) + d);
      if (total === 0) delete deltas[id];
      else deltas[id] = total;
    }
    return d;
  };
  let thickened = 0;
  for (const [id, by] of Object.entries(effects)) {
    const d = change(id, by);
    if (level.indicators[id]?.kind === 'thickness') thickened += d;
  }
  if (thickened !== 0) {
    for (const [kind, by] of Object.entries(thickeningEffects(thickened))) {
      for (const id of indicatorsFor(level, kind as IndicatorKind, '')) change(id, by ?? 0);
    }
  }
  return deltas;
}

/**
 * The party an actor acts within when it has no indicator of its own for something: Quebec's
 * security contributions count towards Canada's burden share (layered governance, [S001]).
 */
function partnerOf(level: Level, actor: Role): Role | undefined {
  return Object.values(level.indicators).find((ind) => ind.kind === 'alignment' && ind.held_by === actor)?.about;
}

/** Translate kind-addressed effects for an actor into indicator ids. */
export function effectsForKinds(level: Level, actor: Role, effects: KindEffects, holder?: Role): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, by] of Object.entries(effects)) {
    if (!by) continue;
    let ids = indicatorsFor(level, kind as IndicatorKind, actor, holder);
    const partner = partnerOf(level, actor);
    if (ids.length === 0 && partner) ids = indicatorsFor(level, kind as IndicatorKind, partner, holder);
    for (const id of ids) out[id] = (out[id] ?? 0) + by;
  }
  return out;
}
