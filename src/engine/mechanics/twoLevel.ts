/**
 * Two-level games (Putnam 1988): a deal stands only inside each side's domestic win-set. Tying one's
 * hands (Mo 1994) narrows one's own win-set, which strengthens one's hand at the table and risks a
 * failed ratification. Minority governments start narrower (MECHANICS.md §1).
 */
export const TIED_HANDS_STEP = 3;
export const MAX_TIED_HANDS = 2;

export function ratificationThreshold(minValue: number, tiedHands: number): number {
  return minValue + TIED_HANDS_STEP * tiedHands;
}

export function withinWinSet(value: number, threshold: number, conditionsHold: boolean): boolean {
  return conditionsHold && value >= threshold;
}
