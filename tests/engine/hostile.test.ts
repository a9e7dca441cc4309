import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiPolicy, DIFFICULTIES } from '../../src/ai';
import { randomPlayer } from '../../src/ai/players';
import { createSession, type Move, replay, restore, roles, type Session } from '../../src/engine';
import { message } from '../../src/i18n';
import type { Level } from '../../src/levels/schema';
import { mini, readLevel } from '../helpers';

/**
 * Moves from strangers: every move a seat sends is untrusted. Whatever arrives, the session stays
 * alive, refuses the move with a reason a player can read, and changes nothing (state and log).
 */
const campaign = readdirSync('levels')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readLevel(`levels/${f}`));
const levels: Level[] = [mini(), readLevel('tests/fixtures/prototype-ids.yaml'), ...campaign];

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'length'];

/** A session a few rounds in, with proposals on the table to answer. */
function midGame(level: Level, seed: number): Session {
  const rs = roles(level);
  const s = createSession(level, { seed });
  s.start();
  for (let round = 0; round < 2 && s.phase() === 'choosing'; round++) {
    for (const r of rs) {
      if (s.phase() !== 'choosing') break;
      const legal = s.legalMoves(r);
      const pick = round === 0 ? legal.find((m) => m.kind === 'propose') : legal.find((m) => m.kind === 'pass');
      s.send(r, pick ?? legal[0]);
    }
  }
  return s;
}

/** Paths to every number in a value that is not finite. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const state = (s: Session) => JSON.stringify({ context: s.context(), events: s.events, phase: s.phase(), seats: s.seats() });

const circular = () => {
  const o: Record<string, unknown> = { id: 'pass' };
  o.self = o;
  return o;
};

/** A value of the wrong kind where a string or a package belongs. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1e308,
    Number.NaN,
    true,
    [],
    {},
    ['pass'],
    [['a', 'b']],
    { toString: 'x' },
    10n,
    Symbol('s'),
    () => 'pass',
  ),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ maxLength: 8 }),
  fc.object({ maxDepth: 2 }),
);

/** A legal move turned bad: a prototype name, a value of the wrong type, an extra field, a missing argument. */
function corrupted(legal: Move[]) {
  return fc
    .tuple(
      fc.constantFrom(...legal),
      fc.nat(),
      wrongValue,
      fc.constantFrom(...PROTOTYPE_NAMES, 'bogus', 'deal', 'to', 'issue', 'ally', 'principle', 'issues', 'amount'),
    )
    .map(([move, which, value, field]) => {
      const copy: Record<string, unknown> = structuredClone(move);
      const args = Object.keys(copy).filter((k) => k !== 'kind' && k !== 'id');
      switch (which % 6) {
        case 0:
          copy.id = value;
          break;
        case 1:
          if (args.length) copy[args[which % args.length]] = value;
          else copy[field === 'id' ? 'bogus' : field] = value;
          break;
        case 2:
          // An argument the move's kind does not take (or a second copy under another name).
          copy[args.includes(field) || field === 'kind' ? 'bogus' : field] = args.length ? copy[args[0]] : 'x';
          break;
        case 3:
          if (args.length) delete copy[args[which % args.length]];
          else copy.id = `${String(copy.id)}_`;
          break;
        case 4:
          if (copy.deal && typeof copy.deal === 'object') {
            const deal = copy.deal as Record<string, unknown>;
            const issue = Object.keys(deal)[which % Object.keys(deal).length];
            deal[issue] = typeof value === 'string' ? `${value}!` : value;
          } else if (args.length) copy[args[0]] = PROTOTYPE_NAMES[which % PROTOTYPE_NAMES.length];
          else copy.kind = 'propose';
          break;
        default:
          copy.kind = copy.kind === 'pass' ? 'refuse' : 'pass';
      }
      return copy;
    });
}

describe.each(levels.map((l) => [l.id, l] as const))('moves from strangers on %s', (_id, level) => {
  it('refuses each corrupted or hostile move with a reason, and changes nothing', () => {
    let session = midGame(level, 3);
    if (session.phase() !== 'choosing') return;
    const rs = roles(level).filter((r) => session.context().pending[r] === null);
    const seat = fc.constantFrom(...rs);
    const anyMove = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...rs).chain((r) => corrupted(session.legalMoves(r)).map((move) => [r, move] as const)) },
      { weight: 1, arbitrary: fc.tuple(seat, fc.anything({ maxDepth: 3 })) },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.oneof(fc.constantFrom<unknown>(...PROTOTYPE_NAMES, 'nobody', null, 7, ['big'], {}), fc.string()),
          fc.constantFrom<unknown>({ id: 'pass' }, { id: 'propose' }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          seat,
          fc.constantFrom<unknown>(
            circular(),
            { id: 'pass', n: 1n },
            { id: 'pass', deal: {} },
            undefined,
            'pass',
            ['pass'],
            Object.create(null),
          ),
        ),
      },
    );
    let before = state(session);
    let refused = 0;
    fc.assert(
      fc.property(anyMove, ([role, move]) => {
        const legal = typeof role === 'string' && rs.includes(role) ? session.legalMoves(role) : [];
        const why = session.whyIllegal(role as string, move as never);
        const sent = session.send(role as string, move as never);
        if (sent.ok) {
          // A corruption can leave a legal move (a "__proto__" assignment sets no field): it must then be
          // one of the legal moves exactly, and play goes on from a fresh session.
          const sentJson = JSON.parse(JSON.stringify(move));
          expect(
            legal.some(
              (m) =>
                m.id === sentJson.id &&
                Object.keys(sentJson).every((k) => k === 'kind' || JSON.stringify(sentJson[k]) === JSON.stringify(m[k as keyof Move])),
            ),
          ).toBe(true);
          session = midGame(level, 3);
          before = state(session);
          return;
        }
        refused++;
        expect(why).toEqual(sent.errors[0]);
        expect(message(sent.errors[0], 'en')).not.toMatch(/\{\{|undefined|\[object/);
        expect(state(session)).toBe(before);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(state(session)).toBe(before);
    expect(refused).toBeGreaterThan(250);
  });

  it('keeps nothing the sender can change afterwards', () => {
    const session = midGame(level, 5);
    if (session.phase() !== 'choosing') return;
    const role = roles(level).find((r) => session.context().pending[r] === null && session.legalMoves(r).some((m) => m.kind === 'propose'));
    if (!role) return;
    const move = structuredClone(session.legalMoves(role).find((m) => m.kind === 'propose') as Move);
    expect(session.send(role, move).ok).toBe(true);
    const live = state(session);
    for (const k of Object.keys(move.deal ?? {})) (move.deal as Record<string, string>)[k] = 'changed';
    (move as Record<string, unknown>).id = 'changed';
    expect(state(session)).toBe(live);
    for (const r of roles(level)) if (session.context().pending[r] === null) session.send(r, { id: 'pass' });
    const again = replay(level, 5, session.events);
    expect(again.ok && JSON.stringify(again.value.context())).toBe(JSON.stringify(session.context()));
  });
});

describe('a log or save from a stranger', () => {
  const level = mini();
  it('stops a replay at a hostile event with the reason, and never throws', () => {
    const bad: unknown[] = [
      { type: 'MOVE', role: 'big', move: { id: 'sound_out', to: 'constructor' } },
      { type: 'MOVE', role: 'constructor', move: { id: 'pass' } },
      { type: 'MOVE', role: 'small', move: { id: 'link_issues', issues: ['constructor', 'toString'] } },
      { type: 'MOVE', role: 'small', move: { id: 'pass', deal: { data: 'none', lanes: 'none' } } },
      { type: 'MOVE', role: 'small', move: circular() },
      { type: 'MOVE', role: 'small', move: { id: 'pass', n: 2n } },
      { type: '__proto__' },
      null,
      7,
    ];
    for (const event of bad) {
      const r = replay(level, 7, [{ type: 'START' }, event] as never);
      expect(r.ok).toBe(false);
      const saved = restore(level, { format: 1, level: level.id, seed: 7, events: [{ type: 'START' }, event] });
      expect(saved.ok).toBe(false);
    }
  });
  it('refuses a prototype name where a seat is named, as an unknown role', () => {
    const s = createSession(level, { seed: 7 });
    s.start();
    for (const role of PROTOTYPE_NAMES)
      expect(s.send(role, { id: 'pass' })).toMatchObject({ ok: false, errors: [{ key: 'reason.unknown_role' }] });
    expect(s.send('small', { id: 'appeal_to_principle', principle: 'own_laws', to: 'constructor' })).toMatchObject({
      ok: false,
      errors: [{ key: 'reason.bad_target' }],
    });
    expect(s.send('small', { id: 'appeal_to_principle', principle: 'constructor', to: 'big' })).toMatchObject({
      ok: false,
      errors: [{ key: 'reason.bad_principle' }],
    });
    expect(s.send('small', { id: 'build_coalition', ally: 'constructor', issue: 'lanes' })).toMatchObject({
      ok: false,
      errors: [{ key: 'reason.bad_ally' }],
    });
    expect(s.send('small', { id: 'propose', deal: { data: 'none', lanes: 'none', constructor: 'none' } })).toMatchObject({
      ok: false,
      errors: [{ key: 'reason.incomplete_deal' }],
    });
    expect(s.send('small', { id: 'propose', deal: { data: 'constructor', lanes: 'none' } })).toMatchObject({
      ok: false,
      errors: [{ key: 'reason.incomplete_deal' }],
    });
    expect(s.send('small', { id: 'accept', to: 'constructor' })).toMatchObject({ ok: false, errors: [{ key: 'reason.no_proposal' }] });
    expect(s.send('small', { id: 'constructor' })).toMatchObject({ ok: false, errors: [{ key: 'reason.unknown_move' }] });
  });
});

describe('a level whose ids are names of built-in properties ("constructor")', () => {
  const level = readLevel('tests/fixtures/prototype-ids.yaml');
  it.each([...DIFFICULTIES, 'random'] as const)('plays to the end with finite scores, every seat played %s', (difficulty) => {
    const policy = difficulty === 'random' ? randomPlayer : aiPolicy(difficulty);
    for (const seed of [1, 2, 3, 4]) {
      const rs = roles(level);
      const s = createSession(level, {
        seed,
        controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
        policies: Object.fromEntries(rs.map((r) => [r, policy])),
      });
      s.start();
      const { outcome, indicators } = s.context();
      expect(s.phase()).toBe('debrief');
      for (const score of Object.values(outcome?.scores ?? {})) expect(Number.isFinite(score.score)).toBe(true);
      for (const v of Object.values(indicators)) expect(Number.isFinite(v)).toBe(true);
      expect(Object.keys(outcome?.scores ?? {})).toEqual(rs);
      for (const r of rs) expect(nonFinite(s.playerView(r))).toEqual([]);
    }
  });
  it('accepts moves that name them, and the package that chooses them ratifies', () => {
    const s = createSession(level, { seed: 7 });
    s.start();
    expect(s.send('big', { id: 'propose', deal: { constructor: 'shared', lanes: 'fast' } })).toEqual({ ok: true });
    expect(s.send('constructor', { id: 'appeal_to_principle', principle: 'constructor', to: 'big' })).toEqual({ ok: true });
    expect(s.send('province', { id: 'reach_out', ally: 'constructor', issue: 'lanes' })).toEqual({ ok: true });
    expect(s.send('big', { id: 'pass' })).toEqual({ ok: true });
    expect(s.send('constructor', { id: 'accept', to: 'big' })).toEqual({ ok: true });
    expect(s.send('province', { id: 'pass' })).toEqual({ ok: true });
    expect(s.context().outcome).toMatchObject({ kind: 'agreement', deal: { constructor: 'shared', lanes: 'fast' } });
    expect(s.context().indicators.constructor).toBeTypeOf('number');
  });
});
