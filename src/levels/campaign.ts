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
