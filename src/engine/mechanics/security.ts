import type { KindEffects } from './kinds';

/**
 * The homeland security dilemma: "the more security a nation has, the more it will need"
 * (Harvey 2007, cited in [S001]). A measure raises perceived security less as expectations grow,
 * and raises expectations itself; every measure also thickens the border.
 */
export function securityMeasure(amount: number, expectation: number): KindEffects {
  const gain = (amount * 10) / (1 + Math.max(0, expectation) / 50);
  return {
    security: gain,
    expectation: amount * 5,
    thickness: amount * 4,
  };
}

/**
 * The other side of the dilemma: a failure costs security and approval in proportion to the
 * expectations raised before it (MECHANICS.md §1, after Harvey 2007 in [S001]).
 */
export function securityFailure(size: number, expectation: number): KindEffects {
  const scale = 1 + Math.max(0, expectation) / 50;
  return { security: -size * scale, approval: (-size * scale) / 2 };
}
