/**
 * What moved a meter (pure): the log entries whose changes make up the difference a meter shows, that
 * is, since the snapshot before the last one (the round just resolved, and the news of the round begun).
 */
import type { LogEntry, PlayerView } from '../engine';

export function causesOf(view: PlayerView, indicator: string): LogEntry[] {
  const from = Math.max(1, view.history.length - 1);
  return view.log.filter((e) => e.round >= from && (e.deltas[indicator] ?? 0) !== 0);
}
