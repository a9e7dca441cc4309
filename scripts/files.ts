import { readFileSync } from 'node:fs';
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
