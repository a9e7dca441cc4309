/**
 * Direct pressure on another party (a public rebuke, a specific request, Quebec pressing Ottawa).
 * Aggregate power prices unilateral action only (the structuralist paradox, Zartman & Rubin 2002, in
 * [S001]): the stronger the presser relative to the target, the more the target's home level moves
 * towards the presser's preferred options.
 */
export function pressShift(presserPower: number, targetPower: number): number {
  const ratio = presserPower / Math.max(0.1, targetPower);
  return Math.round(Math.min(2, Math.max(0.5, Math.sqrt(ratio))) * 10) / 10;
}
