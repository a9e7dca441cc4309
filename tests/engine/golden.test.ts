/**
 * Golden event logs: a fixed set of AI games on every level, each reduced to a hash of its whole record
 * (accepted events with the AI's moves and reasons, the context's log and the outcome). Any change to a
 * rule or an AI decision changes a hash. A refactoring must keep them all; a change meant to alter play
 * records new ones with `GOLDEN_UPDATE=1 npx vitest run tests/engine/golden.test.ts` (say why in the commit).
 * Each entry also records its level file's hash, so a level edited since tells you so instead of a bare mismatch.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aiPolicy, DIFFICULTIES, type Difficulty } from '../../src/ai';
import { createSession, roles } from '../../src/engine';
import { readLevel } from '../helpers';
import { levelFiles } from '../../scripts/files';

const FIXTURE = 'tests/fixtures/golden-logs.json';
/** The AI on every seat, or `mixed`: easy, normal and hard in turn, seat by seat in the level's order. */
const GAMES: { seed: number; ai: Difficulty | 'mixed' }[] = [
  { seed: 1, ai: 'normal' },
  { seed: 2, ai: 'normal' },
  { seed: 3, ai: 'easy' },
  { seed: 4, ai: 'hard' },
  { seed: 5, ai: 'mixed' },
];

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

interface Golden {
  level: string;
  games: Record<string, string>;
}

function play(file: string): Golden {
  const level = readLevel(file);
  const games: Record<string, string> = {};
  for (const { seed, ai } of GAMES) {
    const rs = roles(level);
    const policy = (i: number) => aiPolicy(ai === 'mixed' ? DIFFICULTIES[i % DIFFICULTIES.length] : ai);
    const session = createSession(level, {
      seed,
      controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
      policies: Object.fromEntries(rs.map((r, i) => [r, policy(i)])),
    });
    session.start();
    const ctx = session.context();
    games[`${ai}:${seed}`] = sha(JSON.stringify({ events: session.events, log: ctx.log, outcome: ctx.outcome }));
    session.stop();
  }
  return { level: sha(readFileSync(file, 'utf8')), games };
}

describe('golden event logs', () => {
  const files = levelFiles([]);
  const actual = Object.fromEntries(files.map((f) => [f, play(f)]));
  if (process.env.GOLDEN_UPDATE) writeFileSync(FIXTURE, `${JSON.stringify(actual, null, 2)}\n`);
  const recorded: Record<string, Golden> = existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, 'utf8')) : {};

  it('covers every level', () => {
    expect(Object.keys(recorded).sort()).toEqual([...files].sort());
  });

  for (const file of files) {
    it(`${file}: the same seeds give the same games`, () => {
      const want = recorded[file];
      expect(want, `${file} has no golden logs: record them (see the top of this file)`).toBeDefined();
      const edited = want.level !== actual[file].level;
      expect(actual[file].games, edited ? `${file} was edited since its golden logs were recorded: record them again` : file).toEqual(
        want.games,
      );
    });
  }
});
