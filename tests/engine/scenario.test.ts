import { describe, expect, it } from 'vitest';
import { createSession, type MoveInput, type Session } from '../../src/engine';
import { message } from '../../src/i18n';
import fr from '../../src/i18n/fr.json';
import { mini } from '../helpers';

const level = mini();
const pass: MoveInput = { id: 'pass' };

/** Play rounds given as {role: move}; roles left out pass. */
function play(rounds: Record<string, MoveInput>[], options = {}): Session {
  const s = createSession(level, { seed: 7, ...options });
  expect(s.start()).toEqual({ ok: true });
  for (const round of rounds) {
    for (const role of ['big', 'small', 'province']) {
      const r = s.send(role, round[role] ?? pass);
      expect(r, `${role} ${JSON.stringify(round[role] ?? pass)}`).toEqual({ ok: true });
    }
  }
  return s;
}

describe('a level played to an agreement', () => {
  const s = play([{ big: { id: 'propose', deal: { data: 'shared', lanes: 'fast' } } }, { small: { id: 'accept', to: 'big' } }]);
  const ctx = s.context();

  it('reaches the debrief with the package in force', () => {
    expect(s.phase()).toBe('debrief');
    expect(ctx.outcome).toMatchObject({ kind: 'agreement', deal: { data: 'shared', lanes: 'fast' }, round: 2 });
  });
  it('applies option effects, thickening and the sovereignty cost of harmonization', () => {
    // data: trust +5, security +10 (harmonization 2); lanes: thickness -20, trade +5 (harmonization 1)
    // thickness -20 brings the wait down 4 h and trade up 3; sovereignty pays (2 + 1) x 3.
    expect(ctx.indicators).toMatchObject({ trust: 55, security: 50, thick: 30, wait: 6, trade: 88, sov: 61 });
  });
  it('ratifies at each home level inside its win-set', () => {
    expect(ctx.ratification).toEqual([
      { actor: 'big', ratified: true, value: 11, threshold: 8, failed: [] },
      { actor: 'small', ratified: true, value: 11, threshold: 6, failed: [] },
    ]);
  });
  it('scores each role against its objectives', () => {
    expect(ctx.outcome?.scores.big.score).toBe(100);
    expect(ctx.outcome?.scores.small.score).toBe(100);
    expect(ctx.outcome?.scores.province).toMatchObject({ score: 100, won: true });
  });
  it('keeps the indicators of every round for the debrief charts', () => {
    expect(ctx.history).toHaveLength(3);
    expect(ctx.history[0].trust).toBe(50);
    expect(ctx.history[2]).toEqual(ctx.indicators);
  });
});

describe('a level that reaches the deadline', () => {
  const s = play([{}, {}]);
  const ctx = s.context();
  it("falls back with each side's no-deal outcome", () => {
    expect(ctx.outcome?.kind).toBe('no_deal');
    expect(ctx.indicators).toMatchObject({ trust: 40, thick: 60, wait: 12, trade: 78.5 });
  });
  it('gives partial credit for indicators near their target', () => {
    // security 40 against 50 with a slack of 25: 0.6 of weight 2; the data objective fails.
    expect(ctx.outcome?.scores.big.score).toBe(40);
    expect(ctx.outcome?.scores.big.won).toBe(false);
  });
  it('waiting gathers political capital', () => {
    expect(ctx.capital.big).toBe(4);
  });
});

describe('an offer binds while it stands', () => {
  it('a package accepted in the round its proposer tables another is the one agreed', () => {
    const s = play([
      { big: { id: 'propose', deal: { data: 'shared', lanes: 'fast' } } },
      { small: { id: 'accept', to: 'big' }, big: { id: 'propose', deal: { data: 'shared', lanes: 'none' } } },
    ]);
    expect(s.context().outcome).toMatchObject({ kind: 'agreement', deal: { data: 'shared', lanes: 'fast' }, round: 2 });
  });
});

describe('ratification at home (two-level game)', () => {
  it("a package outside a home level's win-set fails and talks run to the deadline", () => {
    const s = play([{ big: { id: 'propose', deal: { data: 'shared', lanes: 'none' } } }, { small: { id: 'accept', to: 'big' } }]);
    const ctx = s.context();
    expect(ctx.ratification?.find((r) => r.actor === 'small')).toMatchObject({ ratified: false, value: 3, threshold: 6 });
    expect(ctx.outcome?.kind).toBe('no_deal');
    expect(ctx.log.some((e) => e.message.key === 'log.not_ratified')).toBe(true);
  });
  it('a refusal at home says in words which requirement failed, in English and in French', () => {
    const strict = {
      ...level,
      ratification: { ...level.ratification, small: { ...level.ratification.small, requires: [{ sov: { at_least: 65, at_most: 90 } }] } },
    };
    const s = createSession(strict, { seed: 7 });
    s.start();
    for (const [role, move] of [
      ['big', { id: 'propose', deal: { data: 'shared', lanes: 'fast' } }],
      ['small', pass],
      ['province', pass],
      ['big', pass],
      ['small', { id: 'accept', to: 'big' }],
      ['province', pass],
    ] as const)
      s.send(role, move);
    const failed = s.context().ratification?.find((r) => r.actor === 'small')?.failed ?? [];
    expect(failed.map((m) => message(m, 'en'))).toEqual(['Sovereignty would be 61; it needs at least 65 and at most 90']);
    expect(failed.map((m) => message(m, 'fr'))).toEqual([
      `«\u00a0${fr.fallbackMarker}Sovereignty\u00a0» serait à 61\u202f; il faut au moins 65 et au plus 90`,
    ]);
  });
  it('a failed ratification early in the level sends the parties back to the table', () => {
    const long = { ...level, rounds: 3 };
    const s = createSession(long, { seed: 1 });
    s.start();
    s.send('big', { id: 'propose', deal: { data: 'shared', lanes: 'none' } });
    s.send('small', pass);
    s.send('province', pass);
    s.send('big', pass);
    s.send('small', { id: 'accept', to: 'big' });
    s.send('province', pass);
    expect(s.phase()).toBe('choosing');
    expect(s.context().round).toBe(3);
    expect(s.context().table).toEqual([]);
  });
});

describe('mechanics inside a game', () => {
  it('an appeal to principle after a contradicting proposal backfires', () => {
    const s = play([
      { small: { id: 'propose', deal: { data: 'shared', lanes: 'fast' } } },
      { small: { id: 'appeal_to_principle', principle: 'own_laws', to: 'big' } },
    ]);
    const appeal = s.context().log.find((e) => e.move?.id === 'appeal_to_principle');
    expect(appeal?.message.key).toBe('log.appeal_backfired');
    expect(appeal?.deltas).toEqual({ approval: -3, trust: -4 });
  });
  it("a consistent appeal shifts the other side's home level towards the favoured option", () => {
    const s = play([{ small: { id: 'appeal_to_principle', principle: 'own_laws', to: 'big' } }]);
    expect(s.context().pressure.big.data).toEqual([2, 0]);
    expect(s.context().indicators.approval).toBe(56);
  });
  it('a province builds a coalition through an ally, scaled by its alignment', () => {
    const s = play([{ province: { id: 'reach_out', ally: 'industry', issue: 'lanes' } }]);
    expect(s.context().pressure.big.lanes).toEqual([0, 3]);
    expect(s.context().coalitions).toEqual([{ by: 'province', ally: 'industry', issue: 'lanes', round: 1 }]);
  });
  it('refusing costs trust, which lets a conditional event happen', () => {
    const s = play([{ small: { id: 'refuse' } }, {}]);
    const log = s.context().log;
    expect(log.find((e) => e.move?.id === 'refuse')?.deltas).toEqual({ sov: 3, approval: 2, trust: -3 });
    expect(s.context().firedEvents).toEqual(['scare']);
    expect(log.find((e) => e.type === 'event')?.deltas).toEqual({ security: -5 });
  });
  it('raising the alert buys security, expectations and a thicker border', () => {
    const s = play([{ big: { id: 'raise_alert' } }]);
    const entry = s.context().log.find((e) => e.move?.id === 'raise_alert');
    expect(entry?.mechanic).toBe('security_dilemma');
    expect(entry?.deltas).toMatchObject({ security: 10, expect: 10, thick: 8, wait: 1.6 });
  });
  it('a security failure after raised expectations costs the security holder in proportion', () => {
    const s = play([{ big: { id: 'raise_alert' } }, {}]);
    const breach = s.context().log.find((e) => e.type === 'event' && e.mechanic === 'security_dilemma');
    // expectations went from 50 to 60: the failure of size 4 is scaled by 1 + 60/50.
    expect(breach?.deltas).toEqual({ security: -8.8 });
  });
  it("pressing moves the target's home level towards the presser's best options", () => {
    const s = play([{ big: { id: 'demand' } }]);
    expect(s.context().pressure.small).toEqual({ data: [0, 2], lanes: [0, 2] });
  });
});

describe('carrying a campaign forward', () => {
  it('starts from carried values for the indicators the level carries, and only those', () => {
    const s = createSession(level, { seed: 1, carried: { trust: 72, sov: 10 } });
    expect(s.context().indicators.trust).toBe(72);
    expect(s.context().indicators.sov).toBe(70);
  });
});
