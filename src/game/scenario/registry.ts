/**
 * Scenarios opened in this tab, beside the bundled campaign. A scenario's entry is keyed `mine:<id>`
 * (its id in "My scenarios"), never by its level id, so a scenario made from a campaign level is still
 * its own level: it never unlocks, replaces or continues the campaign.
 */
import { type LevelEntry, levelById } from '../levels';
import { getScenario } from './store';

const MINE = 'mine:';
const opened = new Map<string, LevelEntry>();

export const scenarioKey = (id: string) => `${MINE}${id}`;

/** The key a save and the scenes use for an entry. */
export function keyOf(entry: LevelEntry): string {
  return entry.scenario ? scenarioKey(entry.scenario) : entry.level.id;
}

export function isScenario(entry: LevelEntry | null | undefined): boolean {
  return Boolean(entry?.scenario);
}

export function entryByKey(key: string): LevelEntry | undefined {
  return key.startsWith(MINE) ? opened.get(key) : levelById(key);
}

export function register(entry: LevelEntry): void {
  if (entry.scenario) opened.set(scenarioKey(entry.scenario), entry);
}

/**
 * Make a key playable: a stored scenario is read and checked again (loading the checker on demand).
 * Resolves to the entry, or to undefined when the scenario is gone or no longer passes the checks.
 */
export async function prepare(key: string): Promise<LevelEntry | undefined> {
  if (!key.startsWith(MINE)) return levelById(key);
  const known = opened.get(key);
  if (known) return known;
  const stored = getScenario(key.slice(MINE.length));
  if (!stored) return undefined;
  const { checkScenario } = await import('./open');
  const checked = checkScenario(stored.text, stored.file);
  if (!checked.level) return undefined;
  const entry: LevelEntry = { file: stored.file, level: checked.level, scenario: stored.id };
  register(entry);
  return entry;
}
