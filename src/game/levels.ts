/**
 * The levels bundled with the game. They are validated at build time (scripts/vite-levels.ts: a broken
 * level fails the build) and shipped as plain data in a chunk of their own, loaded the first time a
 * screen lists or plays them, never before the title. A new file in levels/ or levels/scenarios/ joins
 * its campaign (or the scenarios that stand alone) without a code change.
 */
import { campaignOrder, standalone } from '../levels/campaign';
import type { Level } from '../levels/schema';

/** What the title draws of the first campaign level, compiled apart at build time (scripts/vite-levels.ts). */
export interface TitleArt {
  border: Level['border'];
  actors: Record<string, Pick<Level['actors'][string], 'emblem' | 'initials' | 'name' | 'colour'>>;
}

export interface LevelEntry {
  file: string;
  level: Level;
  /** Set for a scenario opened by the player: its id in "My scenarios" (see scenario/registry.ts). */
  scenario?: string;
}

const loaded: LevelEntry[] = [];
/** The campaign, in its order (filled by loadLevels). */
export const campaign: LevelEntry[] = [];
/** Levels that stand alone: playable from "Choose a level", never part of campaign progress (filled by loadLevels). */
export const scenarios: LevelEntry[] = [];

let loading: Promise<void> | null = null;

/** Load the bundled levels once; the screens that need them wait for this before they open. */
export function loadLevels(): Promise<void> {
  loading ??= import('virtual:levels').then(({ default: entries }) => {
    loaded.push(...entries);
    campaign.push(...campaignOrder(entries));
    scenarios.push(...standalone(entries));
  });
  return loading;
}

export function levelById(id: string): LevelEntry | undefined {
  return loaded.find((e) => e.level.id === id);
}
