/**
 * Every level file in levels/ and levels/scenarios/ is bundled and loaded once; a new file joins its
 * campaign (or the scenarios that stand alone) without a code change. Levels that fail to load are
 * listed with their errors, never played.
 */
import { campaignOrder, standalone } from '../levels/campaign';
import { loadLevel } from '../levels/load';
import { formatLevelError } from '../levels/result';
import type { Level } from '../levels/schema';

export interface LevelEntry {
  file: string;
  level: Level;
  /** Set for a scenario opened by the player: its id in "My scenarios" (see scenario/registry.ts). */
  scenario?: string;
}

const files = import.meta.glob(['/levels/*.yaml', '/levels/scenarios/*.yaml'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const loaded: LevelEntry[] = [];
export const levelProblems: string[] = [];
for (const [path, source] of Object.entries(files)) {
  const file = path.replace(/^\//, '');
  const result = loadLevel(source, file);
  if (result.ok) loaded.push({ file, level: result.value });
  else levelProblems.push(...result.errors.map(formatLevelError));
}

/** The campaign, in its order. */
export const campaign: LevelEntry[] = campaignOrder(loaded);
/** Levels that stand alone: playable from "Choose a level", never part of campaign progress. */
export const scenarios: LevelEntry[] = standalone(loaded);

export function levelById(id: string): LevelEntry | undefined {
  return loaded.find((e) => e.level.id === id);
}
