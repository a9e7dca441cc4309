/**
 * Write the move reference (docs/moves.md) from the engine's own catalogue and mechanics.
 * Usage: npm run moves [-- --check]   (--check: exit 1 if docs/moves.md is stale, write nothing)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { movesMarkdown } from '../src/authoring/moveReference';
import { argsOrExit } from './args';

const { values } = argsOrExit(
  'npm run moves [-- --check]',
  'Write docs/moves.md, the reference of every move kind and preset, from the engine.',
  {
    check: { type: 'boolean', default: false, description: 'only check that docs/moves.md is up to date (exit 1 if not)' },
  },
);
const FILE = 'docs/moves.md';
const text = movesMarkdown();
if (values.check) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${FILE} is stale: run npm run moves`);
    process.exit(1);
  }
  console.log(`${FILE} is up to date`);
} else {
  writeFileSync(FILE, text);
  console.log(`wrote ${FILE}`);
}
