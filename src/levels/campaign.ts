/**
 * The campaign rules: which levels form a campaign and in what order, which are open, what one level
 * hands to the next, and what finishing a level records. Pure: the game and the tests pass in the
 * levels they loaded and the player's progress; nothing here reads storage.
 */
import type { Level } from './schema';

export interface CampaignEntry {
  file: string;
  level: Level;
}

/** A player's progress through a campaign, as the game saves it. */
export interface Progress {
  /** Level ids finished, in the order they were finished. */
  completed: string[];
  /** The indicators the last finished level handed on (shown on the campaign screen). */
  carried: Record<string, number>;
  /** What each finished campaign level handed on, by level id: the start of the level after it. */
  finals?: Record<string, Record<string, number>>;
  /** Best score per level id. */
  best: Record<string, number>;
}

export const emptyProgress = (): Progress => ({ completed: [], carried: {}, finals: {}, best: {} });

/**
 * The levels of one campaign in order: those whose `campaign.id` is `id` (the first campaign found,
 * if no id is given), by `campaign.order`, then start date, then file name. Standalone levels are
 * never part of it.
 */
export function campaignOrder<T extends CampaignEntry>(entries: readonly T[], id?: string): T[] {
  const which = id ?? entries.find((e) => e.level.campaign)?.level.campaign?.id;
  return entries
    .filter((e) => e.level.campaign !== undefined && e.level.campaign.id === which)
    .sort(
      (a, b) =>
        (a.level.campaign?.order ?? 0) - (b.level.campaign?.order ?? 0) ||
        a.level.date.from.localeCompare(b.level.date.from) ||
        a.file.localeCompare(b.file),
    );
}

/** The levels that stand alone, by start date then file name. */
export function standalone<T extends CampaignEntry>(entries: readonly T[]): T[] {
  return entries
    .filter((e) => !e.level.campaign)
    .sort((a, b) => a.level.date.from.localeCompare(b.level.date.from) || a.file.localeCompare(b.file));
}

const indexIn = (campaign: readonly CampaignEntry[], levelId: string) => campaign.findIndex((e) => e.level.id === levelId);

/** A level is open when it stands alone, opens its campaign, was finished, or follows a finished level. */
export function isUnlocked(campaign: readonly CampaignEntry[], progress: Progress, levelId: string): boolean {
  const i = indexIn(campaign, levelId);
  if (i <= 0) return true;
  return progress.completed.includes(levelId) || progress.completed.includes(campaign[i - 1].level.id);
}

/** The campaign level after this one, or undefined for the last level and for a level that stands alone. */
export function nextInCampaign<T extends CampaignEntry>(campaign: readonly T[], levelId: string): T | undefined {
  const i = indexIn(campaign, levelId);
  return i >= 0 ? campaign[i + 1] : undefined;
}

/**
 * The values a level starts from, passed as `carried` to createSession: what the campaign level
 * before it handed on when it was finished. A fresh start, the first level and a level that stands
 * alone start from the level's own values.
 */
export function carriedInto(
  campaign: readonly CampaignEntry[],
  progress: Progress,
  levelId: string,
  { fresh = false } = {},
): Record<string, number> {
  const i = indexIn(campaign, levelId);
  if (fresh || i <= 0) return {};
  return { ...(progress.finals?.[campaign[i - 1].level.id] ?? {}) };
}

/**
 * The values to pass on from a finished level: the final value of every indicator it lists under
 * `carry`. The next level uses only those ids it also lists under its own `carry` and clamps them to
 * its ranges.
 */
export function carriedFrom(level: Level, finalIndicators: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of level.carry) {
    const v = finalIndicators[id];
    if (typeof v === 'number' && Number.isFinite(v)) out[id] = v;
  }
  return out;
}

/**
 * Progress after finishing a level: a campaign level is marked finished, hands on its carried values
 * and keeps its best score. A level that stands alone leaves campaign progress exactly as it was.
 */
export function recordFinish(
  campaign: readonly CampaignEntry[],
  progress: Progress,
  level: Level,
  finalIndicators: Readonly<Record<string, number>>,
  score?: number,
): Progress {
  if (indexIn(campaign, level.id) < 0) return progress;
  const handed = carriedFrom(level, finalIndicators);
  const best =
    typeof score === 'number' && Number.isFinite(score)
      ? { ...progress.best, [level.id]: Math.max(score, progress.best[level.id] ?? 0) }
      : progress.best;
  return {
    completed: progress.completed.includes(level.id) ? progress.completed : [...progress.completed, level.id],
    carried: handed,
    finals: { ...progress.finals, [level.id]: handed },
    best,
  };
}

export interface CarryProblem {
  file: string;
  message: string;
}

/**
 * Where campaign memory breaks between consecutive levels of a campaign: an indicator one level
 * carries that the next one lacks, does not take, or reads as a different kind. Levels that stand
 * alone carry nothing anywhere, so they are never reported.
 */
export function carryGaps<T extends CampaignEntry>(entries: readonly T[]): CarryProblem[] {
  const out: CarryProblem[] = [];
  const ids = [...new Set(entries.flatMap((e) => (e.level.campaign ? [e.level.campaign.id] : [])))];
  for (const id of ids) {
    const ordered = campaignOrder(entries, id);
    ordered.slice(1).forEach((next, i) => {
      const prev = ordered[i];
      for (const c of prev.level.carry) {
        const there = next.level.indicators[c];
        if (!there) out.push({ file: next.file, message: `${prev.level.id} carries "${c}", but this level has no such indicator` });
        else if (!next.level.carry.includes(c))
          out.push({
            file: next.file,
            message: `${prev.level.id} carries "${c}", but this level does not list it under carry, so it starts afresh`,
          });
        else if (there.kind !== prev.level.indicators[c]?.kind)
          out.push({
            file: next.file,
            message: `"${c}" is a ${prev.level.indicators[c]?.kind} indicator in ${prev.level.id} but a ${there.kind} indicator here`,
          });
      }
    });
  }
  return out;
}
