/**
 * Checking a scenario file in the browser, with the same loader and messages as `levels:check` (file,
 * line, column, field, hint). This module pulls in the YAML parser and the schema, so the game reaches
 * it only through `import()` when a scenario is opened.
 */
import { checkLevelText } from '../../authoring/check';
import type { LevelError } from '../../levels/result';
import type { Level } from '../../levels/schema';

export interface Checked {
  level: Level | null;
  errors: LevelError[];
  warnings: LevelError[];
}

export function checkScenario(text: string, file: string): Checked {
  return checkLevelText(text, file);
}
