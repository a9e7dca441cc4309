/**
 * Check that every quote in a level's `sources` occurs in the seed file it names (../shared/seeds),
 * ignoring differences in whitespace only.
 * Usage: npm run levels:cite [-- files...] [--seeds DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCitations, SEED_FILE } from '../src/authoring/cite';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import { levelFiles } from './files';
import { argsOrExit } from './args';

const { values, positionals } = argsOrExit(
  'npm run levels:cite [-- files...] [--seeds DIR]',
  "Checks that every quote in a level's sources occurs word for word in the seed file it names (all of levels/ and levels/scenarios/ by default).",
  { seeds: { type: 'string', default: '../shared/seeds', description: 'the directory of seed files' } },
  { positionals: true },
);
const dir = values.seeds as string;
if (!existsSync(dir)) {
  console.error(`levels:cite: the seed directory ${dir} does not exist`);
  process.exit(2);
}
const files = levelFiles(positionals);
const cache = new Map<string, string | undefined>();
const seed = (file: string) => {
  if (!cache.has(file)) {
    const path = join(dir, file);
    cache.set(file, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  }
  return cache.get(file);
};

let misses = 0;
let quotes = 0;
for (const file of files) {
  const result = loadLevel(readFileSync(file, 'utf8'), file);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatLevelError(e));
    misses++;
    continue;
  }
  const level = result.value;
  quotes += level.sources.filter((s) => SEED_FILE.test(s.file)).length;
  for (const m of checkCitations(level, seed, (f) => SEED_FILE.test(f))) {
    console.error(`${file}: level ${m.level}, source ${m.source}: ${m.message}`);
    misses++;
  }
}
console.log(`levels:cite: ${files.length} level file(s), ${quotes} quote(s), ${misses} problem(s)`);
process.exit(misses === 0 ? 0 : 1);
