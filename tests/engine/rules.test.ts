import { describe, expect, it } from 'vitest';
import { createSession, replay, restore, SAVE_FORMAT } from '../../src/engine';
import { mini, sample } from '../helpers';

const level = mini();

describe('legal moves come from the rules, and illegal moves are refused with a reason', () => {
  it('nothing can be played during the briefing', () => {
    const s = createSession(level);
    expect(s.legalMoves('small')).toEqual([]);
    expect(s.send('small', { id: 'pass' })).toEqual({ ok: false, errors: [{ key: 'reason.not_now' }] });
  });

  it('lists every legal move with its arguments', () => {
    const s = createSession(level);
    s.start();
    const ids = s.legalMoves('small').map((m) => m.id);
    expect(new Set(ids)).toEqual(new Set(['propose', 'pass', 'appeal_to_principle', 'build_coalition', 'unilateral_investment', 'refuse']));
    expect(s.legalMoves('small').filter((m) => m.id === 'propose')).toHaveLength(4);
    expect(
      s
        .legalMoves('province')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['pass', 'reach_out']);
  });

  it('every listed move is accepted and every refusal leaves the state unchanged', () => {
    const s = createSession(level);
    s.start();
    for (const role of ['big', 'small', 'province']) expect(s.legalMoves(role).every((m) => s.whyIllegal(role, m) === null)).toBe(true);
    const before = JSON.stringify(s.context());
    const refused = [
      s.send('small', { id: 'teleport' }),
      s.send('province', { id: 'propose', deal: { data: 'none', lanes: 'none' } }),
      s.send('small', { id: 'accept', to: 'big' }),
      s.send('small', { id: 'propose', deal: { data: 'none' } }),
      s.send('small', { id: 'propose', deal: { data: 'none', lanes: 'warp' } }),
      s.send('small', { id: 'build_coalition', ally: 'industry', issue: 'data' }),
      s.send('small', { id: 'appeal_to_principle', principle: 'own_laws', to: 'small' }),
      s.send('nobody', { id: 'pass' }),
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.errors[0].key))).toEqual([
      'reason.unknown_move',
      'reason.unknown_move',
      'reason.no_proposal',
      'reason.incomplete_deal',
      'reason.incomplete_deal',
      'reason.ally_issue',
      'reason.bad_target',
      'reason.unknown_role',
    ]);
    expect(JSON.stringify(s.context())).toBe(before);
    expect(s.events).toEqual([{ type: 'START' }]);
  });

  it('a move costs political capital and is refused when the budget is short', () => {
    const s = createSession(level);
    s.start();
    expect(s.send('small', { id: 'unilateral_investment' })).toEqual({ ok: true });
    s.send('big', { id: 'pass' });
    s.send('province', { id: 'pass' });
    expect(s.context().capital.small).toBe(2);
    expect(s.whyIllegal('small', { id: 'appeal_to_principle', principle: 'own_laws', to: 'big' })).toBeNull();
    s.send('small', { id: 'appeal_to_principle', principle: 'own_laws', to: 'big' });
    expect(s.whyIllegal('small', { id: 'pass' })).toEqual({ key: 'reason.already_chosen' });
  });

  it('a move that waits for a round says from which round, and any other condition says so plainly', () => {
    const s = createSession(sample(), { seed: 1 });
    s.start();
    // Level 1's naval deployment requires round 2 or later.
    expect(s.send('ottawa', { id: 'naval_deployment' })).toEqual({
      ok: false,
      errors: [{ key: 'reason.requires_round', params: { round: 2 } }],
    });
    const other = sample();
    const navy = other.moves.ottawa.find((m) => typeof m !== 'string' && m.id === 'naval_deployment');
    if (typeof navy === 'object') navy.requires = { round: { at_least: 2 }, trust: { above: 0 } };
    const t = createSession(other, { seed: 1 });
    t.start();
    expect(t.send('ottawa', { id: 'naval_deployment' })).toEqual({ ok: false, errors: [{ key: 'reason.requires' }] });
  });

  it('an option that requires trust is locked until trust is there', () => {
    const level1 = sample();
    const s = createSession(level1);
    s.start();
    const deal = { border_regime: 'perimeter', information_sharing: 'passenger_lists', trusted_traffic: 'nexus_fast' };
    expect(s.whyIllegal('ottawa', { id: 'propose', deal })?.key).toBe('reason.option_locked');
    const trusting = createSession(level1, { carried: { trust: 80 } });
    trusting.start();
    expect(trusting.whyIllegal('ottawa', { id: 'propose', deal })).toBeNull();
  });
});

describe('what a seat may see', () => {
  const s = createSession(level, { seed: 3 });
  s.start();
  s.send('small', { id: 'refuse' });

  it("a seat sees its own brief, values and pending move, and none of the others'", () => {
    const big = s.playerView('big');
    const small = s.playerView('small');
    expect(small.me.brief).toEqual({ en: "Small's secret." });
    expect(small.chosen).toBe(true);
    expect(big.me.brief).toBeUndefined();
    expect(big.me.values.data).toEqual([0, 8]);
    expect(JSON.stringify(big)).not.toContain("Small's secret");
    expect(JSON.stringify(big)).not.toContain('refuse');
    expect(big.everyone).toBeUndefined();
    expect(JSON.stringify(big)).not.toMatch(/"seed"|"rng"/);
    expect(big.actors.small.status).toBe('chosen');
    expect(big.actors.big.status).toBe('choosing');
  });

  it("at the debrief every role's confidential view is revealed for discussion", () => {
    s.send('big', { id: 'pass' });
    s.send('province', { id: 'pass' });
    for (let i = 0; i < 3; i++) for (const role of ['big', 'small', 'province']) s.send(role, { id: 'pass' });
    const view = s.playerView('big');
    expect(view.phase).toBe('debrief');
    expect(view.everyone?.small.brief).toEqual({ en: "Small's secret." });
    expect(view.history_deal?.deal).toEqual({ data: 'shared', lanes: 'fast' });
  });
});

describe('saves, replays and restores', () => {
  function played() {
    const s = createSession(level, { seed: 11 });
    s.start();
    s.send('big', { id: 'propose', deal: { data: 'shared', lanes: 'fast' } });
    s.send('small', { id: 'appeal_to_principle', principle: 'own_laws', to: 'big' });
    s.send('province', { id: 'reach_out', ally: 'industry', issue: 'lanes' });
    return s;
  }

  it('replaying (level, seed, events) rebuilds the same state', () => {
    const s = played();
    const r = replay(level, 11, s.events);
    expect(r.ok && JSON.stringify(r.value.context())).toBe(JSON.stringify(s.context()));
  });

  it('a save restores from its snapshot when the snapshot agrees with the log', () => {
    const record = played().save();
    expect(record.format).toBe(SAVE_FORMAT);
    const r = restore(level, JSON.parse(JSON.stringify(record)));
    expect(r.ok && r.value.rebuilt).toBe(false);
    expect(r.ok && r.value.session.context()).toEqual(played().context());
    expect(r.ok && r.value.session.playerView('small').actors.big.status).toBe('choosing');
  });

  it('a corrupt or stale snapshot is set aside and the game rebuilt from its log', () => {
    const record = played().save();
    const corrupt = restore(level, { ...record, snapshot: { status: 'active', value: 'nowhere', context: { round: 99 } } });
    expect(corrupt.ok && corrupt.value.rebuilt).toBe(true);
    expect(corrupt.ok && corrupt.value.session.context()).toEqual(played().context());
  });

  it('unreadable, newer, foreign or tampered saves give a message, never a throw', () => {
    const record = played().save();
    const keys = [
      null,
      'text',
      { ...record, format: SAVE_FORMAT + 1 },
      { ...record, level: 'other' },
      { ...record, events: 'x' },
      { ...record, events: [...record.events, { type: 'MOVE', role: 'big', move: { id: 'warp' } }] },
    ].map((bad) => {
      const r = restore(level, bad);
      return r.ok ? 'ok' : r.errors[0].key;
    });
    expect(keys).toEqual([
      'save.unreadable',
      'save.unreadable',
      'save.format',
      'save.other_level',
      'save.unreadable',
      'save.replay_failed',
    ]);
  });
});
