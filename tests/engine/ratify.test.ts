import { describe, expect, it } from 'vitest';
import { homeVerdicts, ratifiable } from '../../src/engine';
import { initialContext } from '../../src/engine/resolve';
import { dealSpace } from '../../src/analysis';
import { mini } from '../helpers';

const level = mini();
const ctx = initialContext({ level, seed: 1 });

describe('the one ratification test', () => {
  it('passes a package inside every win-set', () => {
    expect(homeVerdicts(level, ctx, { data: 'shared', lanes: 'fast' })).toEqual([
      { actor: 'big', ratified: true, value: 11, threshold: 8, failed: [] },
      { actor: 'small', ratified: true, value: 11, threshold: 6, failed: [] },
    ]);
    expect(ratifiable(level, ctx, { data: 'shared', lanes: 'fast' })).toBe(true);
  });
  it('names the value that falls short and the requirement that fails', () => {
    const [big, small] = homeVerdicts(level, ctx, { data: 'none', lanes: 'fast' });
    expect(big).toMatchObject({ ratified: false, value: 3, threshold: 8 });
    expect(big.failed.map((m) => m.key)).toEqual(['ratify.value', 'ratify.indicator']);
    expect(small.ratified).toBe(true);
  });
  it('tied hands raise the bar', () => {
    const tied = { ...ctx, tiedHands: { small: 2 } };
    expect(homeVerdicts(level, tied, { data: 'shared', lanes: 'fast' })[1]).toMatchObject({ ratified: false, threshold: 12 });
  });
  it("is the test the debrief's deal space uses", () => {
    const space = dealSpace(level);
    for (const p of space.packages) expect(p.ratifiable).toBe(ratifiable(level, ctx, p.deal));
  });
});
