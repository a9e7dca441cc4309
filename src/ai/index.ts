/**
 * The AI the game and the server put on seats no person takes. Every policy plays from its own
 * seat's playerView and the legal moves only, and is deterministic for a given session seed.
 */
import type { Policy } from '../engine';
import { baselinePolicy } from './baseline';

export type Difficulty = 'easy' | 'normal' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'normal', 'hard'];

/** The policy for a seat at a difficulty. */
export function aiPolicy(_difficulty: Difficulty): Policy {
  return baselinePolicy;
}
