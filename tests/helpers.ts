import { readFileSync } from 'node:fs';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import type { Level } from '../src/levels/schema';

export function readLevel(path: string): Level {
  const result = loadLevel(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.errors.map(formatLevelError).join('\n'));
  return result.value;
}

export const mini = () => readLevel('tests/fixtures/mini.yaml');
export const sample = () => readLevel('levels/01-smart-border-2001.yaml');
