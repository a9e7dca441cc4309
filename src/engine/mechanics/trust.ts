/**
 * Trust is built in the "away game" and spent in the "home game" ([S003]): after 9/11 Washington
 * "questioned the counterterrorism efforts of even its closest allies" ([S003]). Resisting the stronger
 * side at home (refusing, rejecting its proposal) costs trust, more so when little is in reserve.
 */
export function resistanceCost(trust: number | undefined): number {
  if (trust === undefined) return 0;
  return trust >= 60 ? 1 : trust >= 40 ? 2 : 3;
}

/** Refusing a demand: sovereignty and approval at home rise, the other side's trust falls. */
export function refusalEffects(trust: number | undefined) {
  return { sovereignty: 3, approval: 2, trust: -resistanceCost(trust) - 1 };
}
