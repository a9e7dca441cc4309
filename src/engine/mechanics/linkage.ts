/**
 * Issue linkage: Canada accepted the Safe Third Country Agreement as a trade-off "for other important
 * counter-terrorism measures" ([S003]). A linked pair of issues lets each side sell at home a package in
 * which it gets its way on at least one of the two: each such actor's home level values it more.
 */
export const LINKAGE_BONUS = 2;

export function linkageGain(values: readonly [readonly number[], readonly number[]], chosen: readonly [number, number]): number {
  const best = (v: readonly number[], i: number) => v[i] >= Math.max(...v);
  return best(values[0], chosen[0]) || best(values[1], chosen[1]) ? LINKAGE_BONUS : 0;
}
