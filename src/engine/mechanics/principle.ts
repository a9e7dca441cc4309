/**
 * Appealing to principle, one of the weak party's strategies: "appealing to principle or building
 * coalitions on particular issues" (Zartman 1997: 18, cited in [S001]). It works in proportion to how
 * the principle resonates with the audience addressed, loses force when repeated, and backfires when
 * the appealing party has contradicted the principle itself (Ottawa's position on Iraq was read as
 * ironic in Washington, [S003]).
 */
export interface PrincipleAppeal {
  /** Resonance with the addressed actor's domestic audience, 0..1. */
  resonanceThere: number;
  /** Resonance with the appealing party's own public, 0..1. */
  resonanceHome: number;
  /** Earlier moves by the appealing party that contradict the principle. */
  contradictions: number;
  /** Earlier appeals to the same principle. */
  repeats: number;
}

export interface PrincipleResult {
  backfired: boolean;
  /** Added to the addressed actor's domestic valuation of each option the principle favours. */
  pressure: number;
  approvalHome: number;
  /** Trust the addressed actor loses in the appealing party (only on a backfire). */
  trustLost: number;
}

export function appealToPrinciple(a: PrincipleAppeal): PrincipleResult {
  if (a.contradictions > 0) {
    return { backfired: true, pressure: 0, approvalHome: -3, trustLost: 4 };
  }
  const fade = 1 / (1 + a.repeats);
  return {
    backfired: false,
    pressure: Math.round(4 * a.resonanceThere * fade * 10) / 10,
    approvalHome: Math.round(6 * a.resonanceHome * fade * 10) / 10,
    trustLost: 0,
  };
}
