import type { KindEffects } from './kinds';

/**
 * Burden-sharing against free-riding (Olson 1971 against Sandler 1993, in [S001]): a contribution raises
 * the contributor's burden share and lowers the stronger side's free-rider perception, with
 * diminishing returns for repeated symbolic gestures. At home, Canada "can choose to assert its
 * sovereignty by bearing the burden" ([S001]); abroad, a part in the "away game" is worth as much to
 * Washington as the home game ([S003]) but costs approval at home.
 */
export function contributionEffects(amount: number, priorContributions: number, arena: 'home' | 'away'): KindEffects {
  const effective = amount / (1 + 0.5 * priorContributions);
  const r = (x: number) => Math.round(x * 10) / 10;
  return arena === 'home'
    ? { burden_share: r(effective * 5), free_rider: r(-effective * 4), trust: r(effective * 2), sovereignty: r(effective * 1.5) }
    : { burden_share: r(effective * 4), free_rider: r(-effective * 4), trust: r(effective * 2), approval: r(-effective * 2) };
}
