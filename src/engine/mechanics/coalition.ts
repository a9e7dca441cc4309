/**
 * Building coalitions "on particular issues" (Zartman 1997, cited in [S001]): an ally joins only on an
 * issue that matches its interest, costs political capital, and lobbies a target's domestic level,
 * shifting what that level will ratify towards options that serve the ally's interest. Quebec's
 * alignment with Ottawa multiplies what Canadian coalitions can do (layered governance, [S001]).
 */
export function allyJoins(allyIssues: readonly string[], issue: string): boolean {
  return allyIssues.includes(issue);
}

/**
 * Pressure per option: options that help the ally's interest gain its influence, options that hurt it
 * lose half as much. `alignment` (0..100) scales the influence when the recruiter has an alignment
 * indicator; without one the factor is 1.
 */
export function coalitionPressure(influence: number, interestEffects: readonly number[], alignment?: number): number[] {
  const factor = alignment === undefined ? 1 : 0.5 + alignment / 100;
  return interestEffects.map((e) => {
    const w = e > 0 ? 1 : e < 0 ? -0.5 : 0;
    return Math.round(influence * factor * w * 10) / 10;
  });
}
