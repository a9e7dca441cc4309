import { describe, expect, it } from 'vitest';
import { contributionEffects } from '../../src/engine/mechanics/burden';
import { allyJoins, coalitionPressure } from '../../src/engine/mechanics/coalition';
import { LINKAGE_BONUS, linkageGain } from '../../src/engine/mechanics/linkage';
import { pressShift } from '../../src/engine/mechanics/pressure';
import { appealToPrinciple } from '../../src/engine/mechanics/principle';
import { securityMeasure } from '../../src/engine/mechanics/security';
import { reframedSalience, sovereigntyCost } from '../../src/engine/mechanics/sovereignty';
import { facilitationEffects, thickeningEffects } from '../../src/engine/mechanics/thickening';
import { refusalEffects, resistanceCost } from '../../src/engine/mechanics/trust';
import { ratificationThreshold, withinWinSet } from '../../src/engine/mechanics/twoLevel';

describe('appeal to principle', () => {
  const base = { resonanceThere: 0.5, resonanceHome: 1, contradictions: 0, repeats: 0 };
  it('works in proportion to resonance with the audience addressed', () => {
    const weak = appealToPrinciple({ ...base, resonanceThere: 0.2 });
    const strong = appealToPrinciple({ ...base, resonanceThere: 0.9 });
    expect(strong.pressure).toBeGreaterThan(weak.pressure);
    expect(appealToPrinciple({ ...base, resonanceThere: 0 }).pressure).toBe(0);
  });
  it('loses force when repeated', () => {
    expect(appealToPrinciple({ ...base, repeats: 2 }).pressure).toBeLessThan(appealToPrinciple(base).pressure);
  });
  it('backfires after a contradicting move: no pressure, approval and trust lost', () => {
    const r = appealToPrinciple({ ...base, contradictions: 1 });
    expect(r).toMatchObject({ backfired: true, pressure: 0 });
    expect(r.approvalHome).toBeLessThan(0);
    expect(r.trustLost).toBeGreaterThan(0);
  });
});

describe('coalitions on particular issues', () => {
  it('an ally joins only on an issue in its list', () => {
    expect(allyJoins(['lanes'], 'lanes')).toBe(true);
    expect(allyJoins(['lanes'], 'data')).toBe(false);
  });
  it('pushes towards options that serve its interest, away from those that hurt it', () => {
    expect(coalitionPressure(2, [0, 5, -3])).toEqual([0, 2, -1]);
  });
  it('Quebec-Ottawa alignment multiplies Canadian coalitions', () => {
    expect(coalitionPressure(2, [5], 100)[0]).toBeGreaterThan(coalitionPressure(2, [5], 0)[0]);
  });
});

describe('sovereignty costs', () => {
  it('scale with harmonization times salience', () => {
    expect(sovereigntyCost([{ harmonization: 0, salience: 1 }])).toBe(0);
    expect(sovereigntyCost([{ harmonization: 2, salience: 1 }])).toBe(2 * sovereigntyCost([{ harmonization: 1, salience: 1 }]));
    expect(sovereigntyCost([{ harmonization: 3, salience: 0.5 }])).toBeLessThan(sovereigntyCost([{ harmonization: 3, salience: 1 }]));
  });
  it('reframing lowers salience, never below a floor', () => {
    expect(reframedSalience(1)).toBeLessThan(1);
    expect(reframedSalience(0.3)).toBe(0.25);
  });
});

describe('burden sharing against free-riding', () => {
  it('a contribution lowers free-rider perception and raises burden share', () => {
    const e = contributionEffects(2, 0, 'home');
    expect(e.free_rider).toBeLessThan(0);
    expect(e.burden_share).toBeGreaterThan(0);
    expect(e.sovereignty).toBeGreaterThan(0);
  });
  it('repeated symbolic gestures have diminishing returns', () => {
    expect(contributionEffects(2, 3, 'home').burden_share ?? 0).toBeLessThan(contributionEffects(2, 0, 'home').burden_share ?? 0);
  });
  it('the away game is worth as much to Washington as the home game (003), not more, and costs approval at home', () => {
    const home = contributionEffects(2, 0, 'home');
    const away = contributionEffects(2, 0, 'away');
    expect(away.trust).toBe(home.trust);
    expect(away.free_rider).toBe(home.free_rider);
    expect(away.approval).toBeLessThan(0);
  });
});

describe('homeland security dilemma', () => {
  it('the same measure buys less perceived security as expectations grow, and raises them', () => {
    const low = securityMeasure(2, 0);
    const high = securityMeasure(2, 80);
    expect(high.security ?? 0).toBeLessThan(low.security ?? 0);
    expect(low.expectation).toBeGreaterThan(0);
    expect(low.thickness).toBeGreaterThan(0);
  });
});

describe('thickening', () => {
  it('thickness raises waits, trims trade a little and cuts travel a lot', () => {
    const e = thickeningEffects(10);
    expect(e.border_wait).toBeGreaterThan(0);
    expect(e.trade_flow).toBeLessThan(0);
    expect(Math.abs(e.travel ?? 0)).toBeGreaterThan(Math.abs(e.trade_flow ?? 0));
  });
  it('facilitation thins the border', () => {
    expect(facilitationEffects(2).thickness).toBeLessThan(0);
  });
});

describe('issue linkage', () => {
  it('pays when an actor gets its best option on at least one of the linked issues', () => {
    expect(
      linkageGain(
        [
          [1, 5],
          [4, 0],
        ],
        [1, 1],
      ),
    ).toBe(LINKAGE_BONUS);
    expect(
      linkageGain(
        [
          [1, 5],
          [4, 0],
        ],
        [0, 1],
      ),
    ).toBe(0);
  });
});

describe('two-level games and tying hands', () => {
  it('tying hands narrows the win-set', () => {
    expect(ratificationThreshold(8, 1)).toBeGreaterThan(ratificationThreshold(8, 0));
    expect(withinWinSet(9, ratificationThreshold(8, 0), true)).toBe(true);
    expect(withinWinSet(9, ratificationThreshold(8, 1), true)).toBe(false);
    expect(withinWinSet(20, 8, false)).toBe(false);
  });
});

describe('trust: away game and home game', () => {
  it('resisting costs more trust when little is in reserve', () => {
    expect(resistanceCost(70)).toBeLessThan(resistanceCost(30));
    expect(resistanceCost(undefined)).toBe(0);
  });
  it('refusal raises sovereignty and approval and spends trust', () => {
    const e = refusalEffects(50);
    expect(e.sovereignty).toBeGreaterThan(0);
    expect(e.approval).toBeGreaterThan(0);
    expect(e.trust).toBeLessThan(0);
  });
});

describe('pressure and aggregate power', () => {
  it('the stronger presser moves the target further, within bounds', () => {
    expect(pressShift(10, 1)).toBeGreaterThan(pressShift(1, 10));
    expect(pressShift(1000, 1)).toBe(2);
    expect(pressShift(1, 1000)).toBe(0.5);
  });
});

describe('security failures under high expectations', () => {
  it('cost more security and approval the more was expected', async () => {
    const { securityFailure } = await import('../../src/engine/mechanics/security');
    const calm = securityFailure(5, 0);
    const anxious = securityFailure(5, 100);
    expect(anxious.security ?? 0).toBeLessThan(calm.security ?? 0);
    expect(anxious.approval ?? 0).toBeLessThan(calm.approval ?? 0);
  });
});
