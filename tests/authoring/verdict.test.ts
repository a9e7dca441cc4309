import { describe, expect, it } from 'vitest';
import { dealSpaceVerdicts, quickVerdict, unwinnable } from '../../src/authoring/verdict';
import { roles } from '../../src/engine';
import { mini } from '../helpers';

describe('the balance verdict levels:check and balance share', { timeout: 120_000 }, () => {
  it('calls a seat unwinnable when no sensible strategy wins half its games', () => {
    expect(unwinnable('big', { greedy: 0.25, literature: 0.4, ai: 0.45 })).toEqual({
      role: 'big',
      kind: 'unwinnable',
      detail: 'best sensible win rate 0.45',
    });
    expect(unwinnable('big', { greedy: 0, literature: 0.5 })).toBeNull();
    // Random play does not count as sensible.
    expect(unwinnable('big', { random: 1 } as never)?.kind).toBe('unwinnable');
  });

  it('finds every seat of a level whose bar no score reaches unwinnable, in a few games', () => {
    const level = { ...mini(), win_at: 101 };
    const found = quickVerdict(level, { games: 2 }).filter((v) => v.kind === 'unwinnable');
    expect(found.map((v) => v.role).sort()).toEqual([...roles(level)].sort());
  });

  it('says when no deal already wins, from the deal space', () => {
    const level = { ...mini(), win_at: 0 };
    expect(
      dealSpaceVerdicts(level)
        .filter((v) => v.kind === 'fallback_wins')
        .map((v) => v.role)
        .sort(),
    ).toEqual([...roles(level)].sort());
    expect(quickVerdict(level, { games: 1 }).some((v) => v.kind === 'unwinnable')).toBe(false);
  });
});
