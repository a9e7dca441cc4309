import { describe, expect, it } from 'vitest';
import { objectiveSatisfaction, scoreRole } from '../../src/engine';
import type { Objective } from '../../src/levels/schema';
import { mini } from '../helpers';

const level = mini();
const security = (extra: Partial<Objective> = {}): Objective => ({ indicator: 'security', at_least: 50, weight: 1, ...extra });
const at = (value: number) => ({
  ...Object.fromEntries(Object.entries(level.indicators).map(([id, i]) => [id, i.start])),
  security: value,
});

describe('indicator objectives and their partial credit', () => {
  it('a met target scores in full, whatever the slack', () => {
    for (const slack of [undefined, 0, 5]) expect(objectiveSatisfaction(level, security({ slack }), at(50), null)).toBe(1);
  });

  it('by default, a miss scores in proportion within a quarter of the range', () => {
    // security runs 0..100, so the default slack is 25: 10 short keeps 60%, 25 short keeps nothing.
    expect(objectiveSatisfaction(level, security(), at(40), null)).toBeCloseTo(0.6);
    expect(objectiveSatisfaction(level, security(), at(25), null)).toBe(0);
  });

  it('a level can narrow the slack, or make the aim all or nothing', () => {
    expect(objectiveSatisfaction(level, security({ slack: 5 }), at(48), null)).toBeCloseTo(0.6);
    expect(objectiveSatisfaction(level, security({ slack: 5 }), at(44), null)).toBe(0);
    expect(objectiveSatisfaction(level, security({ slack: 0 }), at(49.9), null)).toBe(0);
  });

  it('an upper bound is scored the same way', () => {
    const wait: Objective = { indicator: 'wait', at_most: 8, slack: 4, weight: 1 };
    expect(objectiveSatisfaction(level, wait, { ...at(0), wait: 10 }, null)).toBeCloseTo(0.5);
  });

  it('the slack changes the role score and whether it wins', () => {
    const loose = scoreRole(level, 'big', at(45), { data: 'shared', lanes: 'fast' });
    const tight = scoreRole(
      { ...level, objectives: { ...level.objectives, big: [security({ weight: 2, slack: 5 }), ...level.objectives.big.slice(1)] } },
      'big',
      at(45),
      { data: 'shared', lanes: 'fast' },
    );
    expect(loose.score).toBeGreaterThan(tight.score);
    expect(tight.objectives[0].satisfied).toBe(0);
  });
});
