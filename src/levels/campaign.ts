/**
 * The campaign: levels in date order, and what one level hands to the next. Pure: the game and the
 * tests pass in the levels they loaded.
 */
import type { Level } from './schema';

export interface CampaignEntry {
  file: string;
  level: Level;
}

/** The campaign order: by the level's start date, then its end date, then the file name. */
export function campaignOrder<T extends CampaignEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.level.date.from.localeCompare(b.level.date.from) ||
      a.level.date.to.localeCompare(b.level.date.to) ||
      a.file.localeCompare(b.file),
  );
}

/**
 * The values to pass as `carried` to the next level's createSession: the final value of every
 * indicator the finished level lists under `carry`. The next level uses only those ids it also lists
 * under its own `carry` and clamps them to its ranges.
 */
export function carriedFrom(level: Level, finalIndicators: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of level.carry) {
    const v = finalIndicators[id];
    if (typeof v === 'number' && Number.isFinite(v)) out[id] = v;
  }
  return out;
}

export interface CarryProblem {
  file: string;
  message: string;
}

/**
 * Where campaign memory breaks between consecutive levels: an indicator one level carries that the
 * next one lacks, does not take, or reads as a different kind.
 */
export function carryGaps<T extends CampaignEntry>(entries: readonly T[]): CarryProblem[] {
  const out: CarryProblem[] = [];
  const ordered = campaignOrder(entries);
  ordered.slice(1).forEach((next, i) => {
    const prev = ordered[i];
    for (const id of prev.level.carry) {
      const there = next.level.indicators[id];
      if (!there) out.push({ file: next.file, message: `${prev.level.id} carries "${id}", but this level has no such indicator` });
      else if (!next.level.carry.includes(id)) out.push({ file: next.file, message: `${prev.level.id} carries "${id}", but this level does not list it under carry, so it starts afresh` });
      else if (there.kind !== prev.level.indicators[id]?.kind) out.push({ file: next.file, message: `"${id}" is a ${prev.level.indicators[id]?.kind} indicator in ${prev.level.id} but a ${there.kind} indicator here` });
    }
  });
  return out;
}
