/**
 * Balance, the pure part: play seeded games with a chosen player in one seat and the game's AI on the
 * others, and sum up a cell (level x seat x strategy). `npm run balance` and the studio's quick check
 * (in a web worker) both use it.
 */
import { aiPolicy, type Difficulty } from '../ai';
import type { Strategy } from '../ai/players';
import { createSession, type Level, type Policy, roles } from '../engine';

export interface Game {
  won: boolean;
  score: number;
  agreement: boolean;
  moves: string[];
}

/** One seeded game with `player` in `seat` and the game's AI at `ai` on every other seat. */
export function playGame(level: Level, seat: string, player: Policy, seed: number, ai: Difficulty): Game {
  const rs = roles(level);
  const others = aiPolicy(ai);
  const session = createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, r === seat ? player : others])),
  });
  session.start();
  const ctx = session.context();
  session.stop();
  const score = ctx.outcome?.scores[seat];
  return {
    won: score?.won ?? false,
    score: score?.score ?? 0,
    agreement: ctx.outcome?.kind === 'agreement',
    moves: ctx.log.filter((e) => e.type === 'move' && e.actor === seat && e.move).map((e) => e.move?.id as string),
  };
}

export interface Row {
  level: string;
  file: string;
  role: string;
  strategy: Strategy | 'ai';
  games: number;
  winRate: number;
  meanScore: number;
  agreementRate: number;
  /** Share of this seat's moves, by move id, over all games. */
  moveUsage: Record<string, number>;
  /** Share of winning games in which each move was made at least once. */
  inWins: Record<string, number>;
  /** Every game's score for the seat, sorted (for what-if thresholds). */
  scores: number[];
}

/** Win rate, mean score, deals and move usage over a cell's games. */
export function summarise(level: Level, file: string, role: string, strategy: Row['strategy'], list: Game[]): Row {
  const usage: Record<string, number> = {};
  let total = 0;
  for (const g of list)
    for (const m of g.moves) {
      usage[m] = (usage[m] ?? 0) + 1;
      total++;
    }
  const wins = list.filter((g) => g.won);
  const inWins: Record<string, number> = {};
  for (const g of wins) for (const m of new Set(g.moves)) inWins[m] = (inWins[m] ?? 0) + 1;
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 1000);
  return {
    level: level.id,
    file,
    role,
    strategy,
    games: list.length,
    winRate: share(wins.length, list.length),
    meanScore: Math.round((10 * list.reduce((s, g) => s + g.score, 0)) / list.length) / 10,
    agreementRate: share(list.filter((g) => g.agreement).length, list.length),
    moveUsage: Object.fromEntries(
      Object.entries(usage)
        .sort((a, b) => b[1] - a[1])
        .map(([m, n]) => [m, share(n, total)]),
    ),
    inWins: Object.fromEntries(
      Object.entries(inWins)
        .sort((a, b) => b[1] - a[1])
        .map(([m, n]) => [m, share(n, wins.length)]),
    ),
    scores: list.map((g) => g.score).sort((a, b) => a - b),
  };
}
