import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, restore, roles, type Session } from '../../src/engine';
import type { Level } from '../../src/levels/schema';
import { mini, playRandomly as play, sample } from '../helpers';

function playRandomly(level: Level, seed: number, picks: number[]): Session {
  const { session, allAccepted } = play(level, seed, picks);
  expect(allAccepted).toBe(true);
  return session;
}

const game = fc.record({ seed: fc.integer(), picks: fc.array(fc.nat(10_000), { minLength: 1, maxLength: 40 }) });

describe.each([
  ['the mini level', mini()],
  ['the sample level', sample()],
])('random legal play on %s', (_name, level) => {
  it('replays from (level, seed, events) to an identical snapshot', () => {
    fc.assert(
      fc.property(game, ({ seed, picks }) => {
        const s = playRandomly(level, seed, picks);
        const r = replay(level, seed, s.events);
        expect(r.ok).toBe(true);
        if (r.ok) expect(JSON.stringify(r.value.context())).toBe(JSON.stringify(s.context()));
      }),
      { numRuns: 60 },
    );
  });

  it('saves that go through JSON restore to an equal snapshot', () => {
    fc.assert(
      fc.property(game, ({ seed, picks }) => {
        const s = playRandomly(level, seed, picks);
        const record = JSON.parse(JSON.stringify(s.save()));
        const r = restore(level, record);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.rebuilt).toBe(false);
        expect(r.value.session.save().snapshot).toEqual(record.snapshot);
        expect(r.value.session.phase()).toBe(s.phase());
      }),
      { numRuns: 60 },
    );
  });

  it('never leaves a seat without a legal move while a round is open', () => {
    fc.assert(
      fc.property(game, ({ seed, picks }) => {
        const s = playRandomly(level, seed, picks);
        if (s.phase() === 'choosing') {
          for (const role of roles(level)) if (!s.context().pending[role]) expect(s.legalMoves(role).length).toBeGreaterThan(0);
        }
        for (const v of Object.values(s.context().indicators)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
