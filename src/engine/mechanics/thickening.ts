import type { KindEffects } from './kinds';

/**
 * Thickening: guards, technology and document rules "impede cross-border flows" like non-tariff
 * barriers, while merchandise trade stayed fairly stable and US northbound travel fell
 * (von Hlatky & Trisko 2012, [S001]). Each point of thickness adds to the wait, trims trade a little
 * and cuts travel a lot; facilitation (NEXUS, FAST, infrastructure) works the other way.
 */
export function thickeningEffects(thicknessChange: number): KindEffects {
  return {
    border_wait: thicknessChange * 0.2,
    trade_flow: thicknessChange * -0.15,
    travel: thicknessChange * -0.5,
  };
}

/** Facilitation lowers thickness: trusted-traveller and cargo programmes (Smart Border Declaration, [S004]). */
export function facilitationEffects(amount: number): KindEffects {
  return { thickness: -amount * 4 };
}
