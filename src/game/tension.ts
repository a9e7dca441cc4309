/**
 * How tense the round is, for the music: from what the engine reports to the seat (the round against
 * the deadline, refusals just logged), never from a rule of its own. 0 is calm, 1 the most tense.
 */
import type { LogEntry, PlayerView } from '../engine';

export function tension(view: PlayerView, entries: readonly LogEntry[]): number {
  if (view.phase !== 'choosing') return 0;
  const deadline = view.rounds > 1 ? (view.round - 1) / (view.rounds - 1) : 1;
  const refused = entries.some((e) => e.message.key === 'log.reject' || e.message.key === 'log.not_ratified');
  return Math.min(1, 0.8 * deadline + (refused ? 0.3 : 0));
}
