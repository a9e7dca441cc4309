/** The people at the table, checked against what the engine did: offices, moods, marks of moves, and what they say. */
import { describe, expect, it } from 'vitest';
import { createSession, type PlayerView } from '../../src/engine';
import { causesOf } from '../../src/game/causes';
import { kindOf, marksOf, moodOf, personOf, voiceOf } from '../../src/game/people';
import { mini, sample } from '../helpers';

/** Level 1, after a round in which Ottawa appeals, Quebec builds a coalition, Washington tables a package. */
function playedRound() {
  const s = createSession(sample(), { seed: 3 });
  s.start();
  const deal = { border_regime: 'smart_border', information_sharing: 'common_databases', trusted_traffic: 'none' };
  s.send('washington', { id: 'propose', deal });
  s.send('ottawa', { id: 'appeal_to_principle', principle: 'canadian_laws', to: 'washington' });
  s.send('quebec', { id: 'border_state_agreement', ally: 'border_states', issue: 'trusted_traffic' });
  return { s, deal };
}

describe('who speaks for each side', () => {
  it('takes the office from the level, and a generic head of delegation when the level gives none', () => {
    const s = createSession(sample(), { seed: 1 });
    s.start();
    expect(personOf(s.playerView('washington'), 'ottawa').title?.en).toBe('Chair of the cabinet committee on public security');
    const m = createSession(mini(), { seed: 1 });
    m.start();
    const view = m.playerView('small');
    for (const r of Object.keys(view.actors)) expect(personOf(view, r).title).toBeNull();
    // Sides without a negotiator still differ in looks.
    expect(new Set(Object.keys(view.actors).map((r) => personOf(view, r).look)).size).toBe(Object.keys(view.actors).length);
  });
});

describe('a mood that follows trust', () => {
  it("follows the trust the side holds in the player's side, with the value the view shows", () => {
    const s = createSession(sample(), { seed: 1 });
    s.start();
    const view = s.playerView('ottawa');
    const feeling = moodOf(view, 'washington');
    const trust = view.indicators.find((i) => i.held_by === 'washington' && i.about === 'ottawa' && i.kind === 'trust');
    expect(feeling?.indicator).toBe(trust?.id);
    expect(feeling?.value).toBe(trust?.value);
    // Quebec's mood towards Ottawa is its alignment with Ottawa.
    expect(view.indicators.find((i) => i.id === moodOf(view, 'quebec')?.indicator)?.kind).toBe('alignment');
  });
  it('is warm in the top 40% of the range, cold in the bottom 40%', () => {
    const s = createSession(sample(), { seed: 1 });
    s.start();
    const view = s.playerView('ottawa');
    const id = moodOf(view, 'washington')?.indicator;
    const at = (value: number): PlayerView => ({ ...view, indicators: view.indicators.map((i) => (i.id === id ? { ...i, value } : i)) });
    const [lo, hi] = view.indicators.find((i) => i.id === id)?.range ?? [0, 100];
    expect(moodOf(at(lo + (hi - lo) * 0.65), 'washington')?.mood).toBe('warm');
    expect(moodOf(at(lo + (hi - lo) * 0.5), 'washington')?.mood).toBe('neutral');
    expect(moodOf(at(lo + (hi - lo) * 0.3), 'washington')?.mood).toBe('cold');
  });
  it('follows the engine: trust lost to an appeal or a rebuke shows in the mood', () => {
    const s = createSession(sample(), { seed: 1 });
    s.start();
    const before = moodOf(s.playerView('ottawa'), 'washington');
    s.send('washington', { id: 'public_rebuke' });
    s.send('ottawa', { id: 'pass' });
    s.send('quebec', { id: 'pass' });
    const after = moodOf(s.playerView('ottawa'), 'washington');
    expect(after?.value).toBe(s.context().indicators[after?.indicator ?? '']);
    expect(after?.value).not.toBe(before?.value);
  });
});

describe('moves leave marks', () => {
  it('shows each appeal and coalition with the round the engine logged it in', () => {
    const { s } = playedRound();
    const view = s.playerView('washington');
    const ottawa = marksOf(view, 'ottawa');
    expect(ottawa.map((m) => m.key)).toEqual([expect.stringMatching(/^ui\.mark\.appeal/)]);
    expect(ottawa[0].params?.round).toBe(1);
    expect(ottawa[0].params?.principle).toEqual(view.principles.canadian_laws.statement);
    const quebec = marksOf(view, 'quebec');
    expect(s.context().coalitions).toHaveLength(quebec.length);
    if (quebec.length) expect(quebec[0]).toMatchObject({ key: 'ui.mark.coalition', params: { round: 1 } });
    expect(marksOf(view, 'washington')).toEqual([]);
  });
  it('shows tied hands and linked issues', () => {
    const s = createSession(sample(), { seed: 2 });
    s.start();
    s.send('washington', { id: 'link_issues', issues: ['border_regime', 'information_sharing'] });
    s.send('ottawa', { id: 'tie_hands' });
    s.send('quebec', { id: 'pass' });
    const view = s.playerView('quebec');
    expect(marksOf(view, 'ottawa')).toEqual([{ key: 'ui.mark.tied', params: { round: 1 } }]);
    expect(marksOf(view, 'washington')[0]).toMatchObject({ key: 'ui.mark.link', params: { round: 1 } });
  });
});

describe('what the negotiators say', () => {
  it("quotes a public position the package meets when tabling, never for the player's own moves", () => {
    const { s, deal } = playedRound();
    const view = s.playerView('ottawa');
    const proposal = view.log.find((e) => e.actor === 'washington' && kindOf(e) === 'propose');
    if (!proposal) throw new Error('no proposal logged');
    const voice = voiceOf(view, proposal);
    const position = view.actors.washington.negotiator?.positions.find((p) => p.says === voice?.position);
    expect(position?.wants).toContain(deal[position?.issue as keyof typeof deal]);
    expect(voice?.line.key).toMatch(/^ui\.voice\.propose_(warm|neutral|cold)$/);
    expect(voiceOf(s.playerView('washington'), proposal)).toBeNull();
  });
  it('quotes a position the package does not meet when refusing it', () => {
    const { s } = playedRound();
    s.send('washington', { id: 'pass' });
    s.send('ottawa', {
      id: 'propose',
      deal: { border_regime: 'smart_border', information_sharing: 'case_by_case', trusted_traffic: 'none' },
    });
    s.send('quebec', { id: 'pass' });
    s.send('washington', { id: 'reject', to: 'ottawa' });
    s.send('ottawa', { id: 'pass' });
    s.send('quebec', { id: 'pass' });
    const view = s.playerView('ottawa');
    const refusal = view.log.find((e) => e.actor === 'washington' && kindOf(e) === 'reject');
    if (!refusal) throw new Error('no refusal logged');
    const voice = voiceOf(view, refusal);
    expect(voice?.line.key).toMatch(/^ui\.voice\.reject_/);
    const position = view.actors.washington.negotiator?.positions.find((p) => p.says === voice?.position);
    expect(position).toBeDefined();
    expect(position?.wants).not.toContain(s.context().table.find((p) => p.by === 'ottawa')?.deal[position?.issue ?? '']);
  });
  it("says the same whatever the player's own confidential view holds: it draws on public data only", () => {
    const { s } = playedRound();
    const view = s.playerView('quebec');
    const blank: PlayerView = { ...view, me: { objectives: [], values: {}, pressure: {}, tiedHands: 0 }, everyone: undefined };
    for (const e of view.log) expect(voiceOf(blank, e)).toEqual(voiceOf(view, e));
  });
});

describe('what moved a meter', () => {
  it('lists the entries whose changes add up to the change the meter shows, round after round', () => {
    const s = createSession(sample(), { seed: 5 });
    s.start();
    const moves = [
      { washington: { id: 'raise_alert' }, ottawa: { id: 'pass' }, quebec: { id: 'pass' } },
      { washington: { id: 'pass' }, ottawa: { id: 'tie_hands' }, quebec: { id: 'quebec_delegations' } },
      { washington: { id: 'pass' }, ottawa: { id: 'pass' }, quebec: { id: 'pass' } },
    ];
    for (const round of [...moves, null]) {
      const view = s.playerView('ottawa');
      const previous = view.history.length >= 2 ? view.history[view.history.length - 2] : view.history[0];
      for (const ind of view.indicators) {
        const sum = causesOf(view, ind.id).reduce((t, e) => t + e.deltas[ind.id], 0);
        expect(sum, ind.id).toBeCloseTo(ind.value - previous[ind.id], 6);
      }
      if (round) for (const [r, m] of Object.entries(round)) s.send(r, m);
    }
  });
});
