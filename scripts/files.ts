import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIFFICULTIES, type Difficulty } from '../src/ai';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import type { Level } from '../src/levels/schema';

/** Read and load a level file, or print its errors and exit with a failure code. */
export function readLevelOrExit(file: string): Level {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    process.exit(2);
  }
  const result = loadLevel(text, file);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatLevelError(e));
    process.exit(1);
  }
  return result.value;
}

/** The level files named on the command line, or every levels/*.yaml then levels/scenarios/*.yaml in file order. */
export function levelFiles(named: string[]): string[] {
  if (named.length) return named;
  const yamlIn = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  return [...yamlIn('levels'), ...yamlIn(join('levels', 'scenarios'))];
}

/** An --ai option's value, or a usage message and exit. */
export function difficultyOrExit(value: string | undefined): Difficulty {
  if (DIFFICULTIES.includes(value as Difficulty)) return value as Difficulty;
  console.error(`--ai takes ${DIFFICULTIES.join(', ')}, not "${value}"`);
  process.exit(2);
}
