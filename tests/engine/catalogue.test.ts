/**
 * One home per move kind: a kind is one module in src/engine/moves, registered in the catalogue
 * (src/engine/moves/index.ts), and nothing else in the game branches on a kind's name. Adding a kind
 * is then its module, its name in the level format's list and its texts (docs/architecture.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOVES } from '../../src/engine/moves';
import { MOVE_KINDS } from '../../src/levels/schema';

const DIR = 'src/engine/moves';
/** The folder's two files that are not kinds: the module's shape, and the catalogue. */
const NOT_KINDS = ['define.ts', 'index.ts'];
/** Kinds every seat's protocol names (a table seat proposes, accepts, rejects; any seat passes). */
const PROTOCOL = ['propose', 'accept', 'reject', 'pass'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the move catalogue', () => {
  it('registers every module in src/engine/moves under its own kind, and nothing else', async () => {
    const modules = readdirSync(DIR).filter((f) => !NOT_KINDS.includes(f));
    for (const file of modules) {
      const kind = file.replace(/\.ts$/, '');
      const exported = (await import(/* @vite-ignore */ `../../${DIR}/${file}`)) as Record<string, { kind?: string }>;
      expect(exported[kind]?.kind, `${file} exports its module as ${kind}`).toBe(kind);
      expect(MOVES[kind as keyof typeof MOVES], `${kind} is registered in ${DIR}/index.ts`).toBe(exported[kind]);
    }
    expect(Object.keys(MOVES).sort()).toEqual(modules.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('lists the kinds in the order of the level format', () => {
    expect(Object.keys(MOVES)).toEqual([...MOVE_KINDS]);
  });

  it('is the only place the rules, the AI and the tools branch on a kind', () => {
    const kinds = MOVE_KINDS.filter((k) => !PROTOCOL.includes(k)).join('|');
    const branch = new RegExp(`(case|===|!==)\\s*'(${kinds})'`);
    // The level format (src/levels) checks a configured move's settings by kind and may not import the engine; the
    // screens (src/game) may dress a particular kind (a mark on a card, a sound), which a new kind can do without.
    const offenders = sources('src')
      .filter((f) => !f.startsWith(DIR) && !f.startsWith('src/levels/') && !f.startsWith('src/game/'))
      .filter((f) => branch.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('gives every kind a cost, its arguments, its uses, its resolution and its reference', () => {
    for (const m of Object.values(MOVES)) {
      expect(m.cost, m.kind).toBeGreaterThanOrEqual(0);
      expect(typeof m.candidates, m.kind).toBe('function');
      expect(typeof m.resolve, m.kind).toBe('function');
      expect(m.reference.does().length, m.kind).toBeGreaterThan(0);
      // A kind a seat makes on its own is weighed by the AI; table answers are weighed by the negotiation.
      if (!m.tableOnly) expect(typeof m.appraise, `${m.kind}: how the AI weighs it`).toBe('function');
    }
  });
});
