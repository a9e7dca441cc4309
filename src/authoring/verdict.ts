/**
 * The balance verdict on a level, shared by `npm run balance` (many games) and `levels:check` (a quick
 * version with a few games), so the two tools judge a seat by the same rules: a seat is unwinnable when
 * no sensible way of playing it (greedy, literature-informed, or the game's own AI) wins at least half
 * its games against the AI; the deal space says from the start whether no deal already wins, or every
 * feasible package does (the seat's choices would not matter).
 */
import { aiPolicy, type Difficulty } from '../ai';
import { PLAYERS, type Strategy } from '../ai/players';
import { dealSpace, isFeasible } from '../analysis';
import { type Level, type Role, roles } from '../engine';
import { playGame } from './balance';

export type VerdictKind = 'unwinnable' | 'fallback_wins' | 'any_deal_wins';

export interface Verdict {
  role: Role;
  kind: VerdictKind;
  detail: string;
}

/** The ways of playing a seat that count as sensible (random play is not one). */
export const SENSIBLE: readonly (Strategy | 'ai')[] = ['greedy', 'literature', 'ai'];
/** Below this win rate for its best sensible strategy, a seat is unwinnable. */
export const UNWINNABLE_BELOW = 0.5;

/** The verdict on one seat from its sensible strategies' win rates (0..1), or null when it is winnable. */
export function unwinnable(role: Role, winRates: Partial<Record<Strategy | 'ai', number>>): Verdict | null {
  const best = Math.max(0, ...SENSIBLE.map((s) => winRates[s] ?? 0));
  return best < UNWINNABLE_BELOW ? { role, kind: 'unwinnable', detail: `best sensible win rate ${Math.round(best * 100) / 100}` } : null;
}

/** What the deal space says from the start, seat by seat: no deal already wins, or every feasible package does. */
export function dealSpaceVerdicts(level: Level): Verdict[] {
  const space = dealSpace(level);
  const feasible = space.packages.filter(isFeasible);
  const out: Verdict[] = [];
  for (const role of roles(level)) {
    const fallback = space.fallback[role];
    if (fallback >= level.win_at) out.push({ role, kind: 'fallback_wins', detail: `no deal scores ${fallback} (win at ${level.win_at})` });
    const won = feasible.filter((p) => p.scores[role] >= level.win_at).length;
    if (feasible.length > 1 && won === feasible.length)
      out.push({ role, kind: 'any_deal_wins', detail: `wins with all ${feasible.length} feasible packages from the start` });
  }
  return out;
}

/** The quick verdict: `games` seeded games per seat and sensible strategy against the AI, and the deal space. */
export function quickVerdict(level: Level, { games = 4, ai = 'normal' as Difficulty } = {}): Verdict[] {
  const out = dealSpaceVerdicts(level);
  for (const role of roles(level)) {
    const rates: Partial<Record<Strategy | 'ai', number>> = {};
    for (const strategy of SENSIBLE) {
      const player = strategy === 'ai' ? aiPolicy(ai) : PLAYERS[strategy];
      let won = 0;
      for (let seed = 1; seed <= games; seed++) if (playGame(level, role, player, seed, ai).won) won++;
      rates[strategy] = won / games;
      // One sensible strategy that wins often enough settles it: no need to play the others.
      if (rates[strategy] >= UNWINNABLE_BELOW) break;
    }
    const v = unwinnable(role, rates);
    if (v) out.push(v);
  }
  return out;
}
