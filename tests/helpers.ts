import { readFileSync } from 'node:fs';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import { createSession, roles, type Session } from '../src/engine';
import type { Level } from '../src/levels/schema';

export function readLevel(path: string): Level {
  const result = loadLevel(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.errors.map(formatLevelError).join('\n'));
  return result.value;
}

export const mini = () => readLevel('tests/fixtures/mini.yaml');
export const sample = () => readLevel('levels/01-smart-border-2001.yaml');

/**
 * Play a game by picking, at each seat's turn, the legal move at an index from `picks`. Returns the
 * session and whether every pick was accepted (legal moves always should be).
 */
export function playRandomly(level: Level, seed: number, picks: number[]): { session: Session; allAccepted: boolean } {
  const session = createSession(level, { seed });
  session.start();
  let allAccepted = true;
  let i = 0;
  while (session.phase() === 'choosing' && i < picks.length) {
    for (const role of roles(level)) {
      if (session.phase() !== 'choosing') break;
      const legal = session.legalMoves(role);
      allAccepted = session.send(role, legal[picks[i++ % picks.length] % legal.length]).ok && allAccepted;
    }
  }
  return { session, allAccepted };
}
