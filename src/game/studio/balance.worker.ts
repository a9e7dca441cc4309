/**
 * The studio's quick balance check, off the main thread: seeded games for every seat and player
 * strategy, with the game's AI on the other seats (the same code as `npm run balance`).
 */
import { aiPolicy, type Difficulty } from '../../ai';
import { PLAYERS, STRATEGIES, type Strategy } from '../../ai/players';
import { playGame, summarise } from '../../authoring/balance';
import { type Level, roles } from '../../engine';

export interface BalanceRequest {
  level: Level;
  games: number;
  ai: Difficulty;
}

export interface BalanceCell {
  role: string;
  strategy: Strategy | 'ai';
  winRate: number;
  meanScore: number;
  agreementRate: number;
}

export type BalanceReply =
  | { type: 'cell'; cell: BalanceCell; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

const reply = (m: BalanceReply) => postMessage(m);

self.onmessage = (e: MessageEvent<BalanceRequest>) => {
  const { level, games, ai } = e.data;
  try {
    const strategies: (Strategy | 'ai')[] = [...STRATEGIES, 'ai'];
    const seats = roles(level).filter((r) => level.objectives[r]);
    const total = seats.length * strategies.length;
    let done = 0;
    for (const role of seats) {
      for (const strategy of strategies) {
        const player = strategy === 'ai' ? aiPolicy(ai) : PLAYERS[strategy];
        const list = Array.from({ length: games }, (_, i) => playGame(level, role, player, i + 1, ai));
        const row = summarise(level, 'studio', role, strategy, list);
        done++;
        reply({
          type: 'cell',
          cell: { role, strategy, winRate: row.winRate, meanScore: row.meanScore, agreementRate: row.agreementRate },
          done,
          total,
        });
      }
    }
    reply({ type: 'done' });
  } catch (err) {
    reply({ type: 'error', message: (err as Error).message });
  }
};
