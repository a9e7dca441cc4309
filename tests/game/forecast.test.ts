/** What the table tells the player about packages, checked against what the engine then does. */
import { describe, expect, it } from 'vitest';
import { createSession, type PlayerView } from '../../src/engine';
import { agreedInstead, answerable, answerTo, crossedAcceptance, forecast, objectiveChange, offers } from '../../src/game/forecast';
import '../../src/i18n';
import { loadLevel } from '../../src/levels/load';
import { mini } from '../helpers';
import { readFileSync } from 'node:fs';

describe('the forecast of a package', () => {
  it('says how far each objective is met, and keeps each value with its mark and its qualifier on one line, in both languages', () => {
    const nb = '\u00a0';
    expect(objectiveChange({ now: 0.5, after: 1 }, 'en')).toEqual({ text: `◐${nb}50%${nb}→${nb}✔${nb}100%`, trend: 'up' });
    expect(objectiveChange({ now: 0, after: 0 }, 'en')).toEqual({ text: `✘${nb}0%,${nb}unchanged`, trend: 'same' });
    expect(objectiveChange({ now: 1, after: 0.6 }, 'fr')).toEqual({ text: `✔${nb}100${nb}%${nb}→${nb}◐${nb}60${nb}%`, trend: 'down' });
    // A change too small to show is shown, and coloured, as none.
    expect(objectiveChange({ now: 0.501, after: 0.503 }, 'fr')).toEqual({ text: `◐${nb}50${nb}%,${nb}inchangé`, trend: 'same' });
    // The percentage agrees with the mark: not met is never 100%, partly met never 0%.
    expect(objectiveChange({ now: 0.996, after: 1 }, 'en')).toEqual({ text: `◐${nb}99%${nb}→${nb}✔${nb}100%`, trend: 'up' });
    expect(objectiveChange({ now: 0.004, after: 0 }, 'en')).toEqual({ text: `◐${nb}1%${nb}→${nb}✘${nb}0%`, trend: 'down' });
    // Nothing in it where a line may break.
    for (const locale of ['en', 'fr'] as const)
      for (const o of [
        { now: 0.25, after: 0.25 },
        { now: 0, after: 0.75 },
      ])
        expect(objectiveChange(o, locale).text).not.toMatch(/[ \t\n\u2000-\u200b]/);
  });
  it('gives the score the engine then gives when the package is agreed, and says the home level would ratify it', () => {
    const level = mini();
    const s = createSession(level, { seed: 7 });
    s.start();
    const deal = { data: 'shared', lanes: 'fast' };
    s.send('big', { id: 'propose', deal });
    s.send('small', { id: 'pass' });
    s.send('province', { id: 'pass' });
    const view = s.playerView('small');
    const f = forecast(view, deal);
    s.send('big', { id: 'pass' });
    s.send('small', { id: 'accept', to: 'big' });
    s.send('province', { id: 'pass' });
    expect(s.context().outcome?.kind).toBe('agreement');
    expect(f.score).toBe(s.context().outcome?.scores.small.score);
    expect(f.ratifies).toBe(true);
    expect(f.wins).toBe(f.score >= level.win_at);
    expect(f.objectives).toHaveLength(level.objectives.small.length);
  });
  it("says why the home level would refuse, from the seat's own view only", () => {
    const s = createSession(mini(), { seed: 7 });
    s.start();
    // Small's Parliament needs a value of 6: sharing data and no fast lanes is worth 3 + 0.
    const f = forecast(s.playerView('small'), { data: 'shared', lanes: 'none' });
    expect(f.ratifies).toBe(false);
    expect(f.blocker?.key).toBe('ui.forecast.home_value');
    // The province has no home level that votes.
    expect(forecast(s.playerView('province'), { data: 'shared', lanes: 'none' }).ratifies).toBeNull();
  });
});

/** Mini with the province at the table too, so several packages can wait for one seat's answer. */
function threeAtTable() {
  const text = readFileSync('tests/fixtures/mini.yaml', 'utf8').replace(
    'province: { name: { en: Province }, seat: implementer,',
    'province: { name: { en: Province }, seat: table, veto: true,',
  );
  const r = loadLevel(text, 'three.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('packages on the table', () => {
  it('merges identical packages into one offer, answered with one Accept', () => {
    const s = createSession(threeAtTable(), { seed: 1 });
    s.start();
    const deal = { data: 'shared', lanes: 'fast' };
    s.send('big', { id: 'propose', deal });
    s.send('small', { id: 'propose', deal });
    s.send('province', { id: 'propose', deal: { data: 'none', lanes: 'fast' } });
    const view: PlayerView = s.playerView('small');
    expect(view.table).toHaveLength(3);
    const list = offers(view);
    expect(list).toHaveLength(2);
    const merged = list.find((o) => o.by.length === 2);
    expect(merged?.by).toEqual(['big', 'small']);
    expect(merged && answerTo(view, merged)).toBe('big');
    // Two different packages wait for Small's answer: `A` must ask which.
    expect(answerable(view)).toHaveLength(2);
    // Accepting Big's package is one answer to both identical tablings: the package is agreed.
    s.send('big', { id: 'pass' });
    s.send('small', { id: 'accept', to: 'big' });
    s.send('province', { id: 'accept', to: 'big' });
    expect(s.context().outcome?.deal ?? s.context().agreement?.deal).toEqual(deal);
  });
  it("warns before accepting while the player's own different package stands, and tells after which was agreed", () => {
    const level = mini();
    const s = createSession(level, { seed: 7 });
    s.start();
    s.send('big', { id: 'propose', deal: { data: 'shared', lanes: 'fast' } });
    s.send('small', { id: 'propose', deal: { data: 'shared', lanes: 'none' } });
    s.send('province', { id: 'pass' });
    const before = s.playerView('small');
    expect(crossedAcceptance(before, 'big')).toEqual({ first: 'big' });
    const seen = s.context().log.length;
    // Both accept the other's package in the same round: the one tabled first is agreed.
    s.send('big', { id: 'accept', to: 'small' });
    s.send('small', { id: 'accept', to: 'big' });
    s.send('province', { id: 'pass' });
    const entries = s.context().log.slice(seen);
    const agreement = entries.find((e) => e.type === 'agreement');
    expect(agreement?.actor).toBe('big');
    // Big accepted Small's package, and Big's own was agreed: Big is told.
    const bigView = s.playerView('big');
    expect(agreedInstead(bigView, bigView.log.slice(seen))).toEqual({ accepted: 'small', agreed: 'big' });
    // Small accepted Big's, which was agreed: nothing to tell.
    const smallView = s.playerView('small');
    expect(agreedInstead(smallView, smallView.log.slice(seen))).toBeNull();
  });
});
