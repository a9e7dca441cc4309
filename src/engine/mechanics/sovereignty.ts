/**
 * Sovereignty costs: Canadian ministers insisted that laws "will be made right here in the Canadian
 * Parliament" and preferred a "zone of confidence" to a "security perimeter" ([S003]); a perimeter was
 * seen as dangerous before 2011 ([S001]). Each clause costs sovereignty by its harmonization level
 * times the salience.
 */
export const SOVEREIGNTY_POINTS_PER_LEVEL = 3;

export function sovereigntyCost(clauses: { harmonization: number; salience: number }[]): number {
  return clauses.reduce((sum, c) => sum + clauseCost(c.harmonization, c.salience), 0);
}

/** One clause's cost: its harmonization level times the salience, in sovereignty points. */
export function clauseCost(harmonization: number, salience: number): number {
  return harmonization * salience * SOVEREIGNTY_POINTS_PER_LEVEL;
}

/** Reframing ("zone of confidence" for "perimeter") lowers an issue's salience, never below a quarter. */
export function reframedSalience(salience: number): number {
  return Math.max(0.25, Math.round(salience * 0.6 * 100) / 100);
}
