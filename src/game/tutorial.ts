/**
 * The guided first level: the table teaches its loop by having the player do each step (read a meter,
 * build a package, read its forecast, table it, read the answers, make a move, answer a package).
 * A step ends when the player does what it asks, or with its Next button; the whole tour can be skipped.
 */

/** What the player did at the table, as the tutorial hears it. */
export type TutorialEvent = 'meter' | 'option' | 'next' | 'propose' | 'move' | 'answer';

export interface TutorialStep {
  /** Its text is ui.tutorial.<id>; the table outlines the panel of the same name. */
  id: 'meters' | 'proposal' | 'forecast' | 'table' | 'latest' | 'moves' | 'ontable';
  /** The event that completes the step ('next': the step's own Next button). */
  until: TutorialEvent;
}

export const TUTORIAL: readonly TutorialStep[] = [
  { id: 'meters', until: 'meter' },
  { id: 'proposal', until: 'option' },
  { id: 'forecast', until: 'next' },
  { id: 'table', until: 'propose' },
  { id: 'latest', until: 'next' },
  { id: 'moves', until: 'move' },
  { id: 'ontable', until: 'next' },
];

/** The step after an event: the same step if the event does not complete it; null past the last step. */
export function advance(step: number, event: TutorialEvent): number | null {
  const current = TUTORIAL[step];
  if (!current) return null;
  if (current.until !== event) return step;
  return step + 1 < TUTORIAL.length ? step + 1 : null;
}
