/**
 * The AI the game and the server put on seats no person takes. Every policy plays from its own
 * seat's playerView and the legal moves only, and is deterministic for a given session seed.
 */
import type { Policy } from '../engine';
import type { Difficulty } from './difficulty';
import { negotiator, type Profile } from './negotiator';

export { DIFFICULTIES, type Difficulty } from './difficulty';

/**
 * Behaviour per difficulty. Easy concedes early (a Conceder), reads nothing of the other side and often
 * plays a move at random; normal concedes linearly, models the other side and mirrors its concessions a
 * little; hard holds out (Boulware) until late, mirrors concessions (relative tit-for-tat), trades off
 * towards what the other side seems to want and leans on the weak party's strategies when weaker.
 */
export const PROFILES: Record<Difficulty, Profile> = {
  easy: { beta: 2.5, titForTat: 0, opponentModel: false, noise: 6, explore: 0.35, weakParty: 1, margin: 0, homeWeight: 1 },
  normal: { beta: 1, titForTat: 0.3, opponentModel: true, noise: 1, explore: 0, weakParty: 1.3, margin: 2, homeWeight: 1 },
  hard: { beta: 0.4, titForTat: 0.5, opponentModel: true, noise: 0, explore: 0, weakParty: 1.6, margin: 4, homeWeight: 1, opening: 1 },
};

/** The policy for a seat at a difficulty. */
export function aiPolicy(difficulty: Difficulty): Policy {
  return negotiator(PROFILES[difficulty] ?? PROFILES.normal);
}

export { negotiator, type Profile } from './negotiator';
