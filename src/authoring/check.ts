/**
 * What an author's checker reports about a level file beyond the format: the level (when it loads),
 * its errors, and its warnings (legal but suspicious content) with line and column. Never throws.
 */
import { loadLevel, type Locate, locatorFor } from '../levels/load';
import { checkReferences } from '../levels/references';
import { type LevelError, pathToString } from '../levels/result';
import type { Level } from '../levels/schema';
import { dateWarnings } from './dates';
import { suspicious } from './warnings';

/** Warnings for a level that loaded; `locate` adds line and column. */
export function levelWarnings(level: Level, file: string, locate: Locate = () => ({})): LevelError[] {
  const problems = checkReferences(level, { warnings: true });
  // Suspicious content is judged only on a level whose references all resolve.
  if (!problems.some((p) => p.severity === 'error')) problems.push(...suspicious(level), ...dateWarnings(level));
  return problems
    .filter((p) => p.severity === 'warning')
    .map((p) => ({ file, ...locate(p.path), path: pathToString(p.path), message: p.message, hint: p.hint, severity: p.severity }));
}

export function checkLevelText(text: string, file = 'level.yaml'): { level: Level | null; errors: LevelError[]; warnings: LevelError[] } {
  const loaded = loadLevel(text, file);
  if (!loaded.ok) return { level: null, errors: loaded.errors, warnings: [] };
  return { level: loaded.value, errors: [], warnings: levelWarnings(loaded.value, file, locatorFor(text)) };
}
