/**
 * Instructions from whoever runs a session (a classroom's instructor): extend the deadline, let one of
 * the level's events happen now, deal a written card. Not moves: checked, logged for every seat,
 * replayed from the event log, and refused with a reason when they do not fit.
 */
import { describe, expect, it } from 'vitest';
import { createSession, MAX_EXTRA_ROUNDS, replay, restore } from '../../src/engine';
import { mini } from '../helpers';

const level = mini();
const everyone = ['big', 'small', 'province'];

function started() {
  const s = createSession(level, { seed: 3 });
  s.start();
  return s;
}

/** Every seat waits for one round. */
function waitRound(s: ReturnType<typeof started>) {
  for (const r of everyone) expect(s.send(r, { id: 'pass' })).toEqual({ ok: true });
}

describe('instructions', () => {
  it('an extension moves the deadline: the talks go on past the level’s last round, and every seat is told', () => {
    const s = started();
    expect(s.playerView('small').rounds).toBe(level.rounds);
    expect(s.instruct({ kind: 'extend', rounds: 2 })).toEqual({ ok: true });
    for (const r of everyone) {
      const v = s.playerView(r);
      expect(v.rounds).toBe(level.rounds + 2);
      expect(v.log.at(-1)?.message).toEqual({ key: 'log.extended', params: { count: 2, last: level.rounds + 2 } });
    }
    for (let round = 1; round <= level.rounds; round++) waitRound(s);
    expect(s.phase()).toBe('choosing');
    expect(s.context().round).toBe(level.rounds + 1);
    waitRound(s);
    waitRound(s);
    expect(s.phase()).toBe('debrief');
    expect(s.context().outcome?.round).toBe(level.rounds + 2);
  });

  it('an extension has a ceiling', () => {
    const s = started();
    expect(s.instruct({ kind: 'extend', rounds: MAX_EXTRA_ROUNDS })).toEqual({ ok: true });
    expect(s.instruct({ kind: 'extend', rounds: 1 })).toEqual({
      ok: false,
      errors: [{ key: 'reason.extension_limit', params: { count: MAX_EXTRA_ROUNDS } }],
    });
  });

  it("one of the level's events happens now, whatever its condition, with its effects and its news for every seat", () => {
    const s = started();
    const before = s.context().indicators.security;
    expect(s.instruct({ kind: 'event', event: 'scare' })).toEqual({ ok: true });
    expect(s.context().indicators.security).toBe(before - 5);
    expect(s.context().firedEvents).toContain('scare');
    for (const r of everyone) {
      const last = s.playerView(r).log.at(-1);
      expect(last?.type).toBe('event');
      expect(last?.message).toEqual({ key: 'log.event', params: { news: { en: 'A scare.' } } });
      expect(last?.deltas).toEqual({ security: -5 });
    }
    // It happens once.
    expect(s.instruct({ kind: 'event', event: 'scare' })).toMatchObject({ ok: false, errors: [{ key: 'reason.event_happened' }] });
  });

  it('a written card is logged as news with its words as given, control characters removed; it changes no indicator', () => {
    const s = started();
    const indicators = { ...s.context().indicators };
    const title = '<b>Flash</b>';
    expect(s.instruct({ kind: 'card', title: ` ${title}\u0007 `, text: 'A plant closes.\r\nTalk about it.' })).toEqual({ ok: true });
    expect(s.context().indicators).toEqual(indicators);
    expect(s.playerView('province').log.at(-1)).toMatchObject({
      type: 'event',
      message: { key: 'log.card', params: { title, text: 'A plant closes.\nTalk about it.' } },
    });
  });

  it('anything else is refused with a reason and changes nothing', () => {
    const s = started();
    const before = JSON.stringify(s.context());
    const refused = [
      s.instruct({ kind: 'extend', rounds: 0 }),
      s.instruct({ kind: 'extend', rounds: 1.5 }),
      s.instruct({ kind: 'event', event: 'meteor' }),
      s.instruct({ kind: 'event', event: '__proto__' }),
      s.instruct({ kind: 'card', title: '', text: 'x' }),
      s.instruct({ kind: 'card', title: 'x', text: 'y'.repeat(601) }),
      s.instruct({ kind: 'card', title: 'x', text: 'y', html: '<script>' }),
      s.instruct({ kind: 'move', id: 'pass' }),
      s.instruct('extend'),
      s.instruct(null),
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.errors[0].key))).toEqual([
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.unknown_event',
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.bad_instruction',
      'reason.bad_instruction',
    ]);
    expect(JSON.stringify(s.context())).toBe(before);
  });

  it('is refused outside a round: in the briefing and after the debrief', () => {
    const s = createSession(level, { seed: 3 });
    expect(s.instruct({ kind: 'extend', rounds: 1 })).toEqual({ ok: false, errors: [{ key: 'reason.not_now' }] });
    s.start();
    for (let round = 1; round <= level.rounds; round++) waitRound(s);
    expect(s.phase()).toBe('debrief');
    expect(s.instruct({ kind: 'card', title: 'Late', text: 'Too late.' })).toEqual({ ok: false, errors: [{ key: 'reason.not_now' }] });
  });

  it('is an event of the session: a save restores it and a replay of the log reproduces the game', () => {
    const s = started();
    s.instruct({ kind: 'event', event: 'scare' });
    waitRound(s);
    s.instruct({ kind: 'extend', rounds: 1 });
    s.instruct({ kind: 'card', title: 'Note', text: 'Think of the province.' });
    expect(s.events.filter((e) => e.type === 'INSTRUCT')).toHaveLength(3);
    const replayed = replay(level, s.seed, s.events);
    expect(replayed.ok && replayed.value.context()).toEqual(s.context());
    const restored = restore(level, JSON.parse(JSON.stringify(s.save())));
    expect(restored.ok && restored.value.session.playerView('small')).toEqual(s.playerView('small'));
    expect(restored.ok && restored.value.rebuilt).toBe(false);
  });
});
