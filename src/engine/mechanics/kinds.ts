import type { INDICATOR_KINDS } from '../../levels/schema';

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** Effects addressed by what an indicator measures; the engine maps them to a level's indicator ids. */
export type KindEffects = Partial<Record<IndicatorKind, number>>;
