import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import {
  campaignOrder,
  carriedInto,
  carryGaps,
  emptyProgress,
  isUnlocked,
  nextInCampaign,
  type Progress,
  recordFinish,
  standalone,
} from '../../src/levels/campaign';
import type { Level } from '../../src/levels/schema';
import { readLevel } from '../helpers';

const entries = readdirSync('levels')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: `levels/${f}`, level: readLevel(`levels/${f}`) }));
const campaign = campaignOrder(entries);
const [first, second] = campaign;
const ninth = campaign[8];

/** A campaign level turned into one that stands alone, as an instructor's scenario would be. */
const alone = (level: Level, id: string): Level => ({ ...level, id, campaign: undefined });
/** Finish a level with the values it starts from moved up by `by` (so a carry is visible). */
const finish = (progress: Progress, level: Level, by: number, score?: number) =>
  recordFinish(
    campaign,
    progress,
    level,
    Object.fromEntries(Object.entries(level.indicators).map(([id, ind]) => [id, ind.start + by])),
    score,
  );

describe('the campaign rules', () => {
  it("order the campaign by each level's place in it, whatever the file names", () => {
    expect(campaign.map((e) => e.level.campaign?.order)).toEqual(campaign.map((_, i) => i + 1));
    const shuffled = [...entries].reverse().map((e, i) => ({ ...e, file: `z${i}.yaml` }));
    expect(campaignOrder(shuffled).map((e) => e.level.id)).toEqual(campaign.map((e) => e.level.id));
  });

  it('open the first level, then each level once the one before it is finished', () => {
    const none = emptyProgress();
    expect(isUnlocked(campaign, none, first.level.id)).toBe(true);
    expect(isUnlocked(campaign, none, second.level.id)).toBe(false);
    const after = finish(none, first.level, 5);
    expect(isUnlocked(campaign, after, second.level.id)).toBe(true);
    expect(isUnlocked(campaign, after, campaign[2].level.id)).toBe(false);
  });

  it('carry what the level before handed on into the next level', () => {
    const after = finish(emptyProgress(), first.level, 7);
    const carried = carriedInto(campaign, after, second.level.id);
    expect(carried.trust).toBe(first.level.indicators.trust.start + 7);
    expect(createSession(second.level, { seed: 1, carried }).context().indicators.trust).toBe(first.level.indicators.trust.start + 7);
  });

  it('start a level chosen "from a fresh start" from its own values: finish level 1, then choose level 9', () => {
    let progress = finish(emptyProgress(), first.level, 9);
    // Even with every level before it finished, a fresh start carries nothing in.
    for (const e of campaign.slice(1, 8)) progress = finish(progress, e.level, 9);
    const carried = carriedInto(campaign, progress, ninth.level.id, { fresh: true });
    expect(carried).toEqual({});
    const indicators = createSession(ninth.level, { seed: 1, carried }).context().indicators;
    for (const [id, ind] of Object.entries(ninth.level.indicators)) expect(indicators[id], id).toBe(ind.start);
    // Without a fresh start, the same progress would carry level 8's values in: the test can tell them apart.
    expect(carriedInto(campaign, progress, ninth.level.id).trust).toBe(campaign[7].level.indicators.trust.start + 9);
  });

  it("never carry a later level's values into an earlier one played again", () => {
    let progress = finish(emptyProgress(), first.level, 3);
    progress = finish(progress, second.level, 20);
    expect(carriedInto(campaign, progress, second.level.id).trust).toBe(first.level.indicators.trust.start + 3);
  });

  it('keep the best score and the order levels were finished in', () => {
    let progress = finish(emptyProgress(), first.level, 0, 70);
    progress = finish(progress, first.level, 0, 40);
    expect(progress.best[first.level.id]).toBe(70);
    expect(progress.completed).toEqual([first.level.id]);
  });

  it('give the next level, none after the last', () => {
    expect(nextInCampaign(campaign, first.level.id)?.level.id).toBe(second.level.id);
    expect(nextInCampaign(campaign, campaign.at(-1)?.level.id ?? '')).toBeUndefined();
  });
});

describe('a level that stands alone', () => {
  // A dated scenario in 2002, between campaign levels: it must not join the campaign.
  const scenario = { file: 'levels/scenarios/alone.yaml', level: alone(second.level, 'alone_2002') };
  const all = [...entries, scenario];

  it('is not part of the campaign, even with a date inside it', () => {
    expect(campaignOrder(all).map((e) => e.level.id)).toEqual(campaign.map((e) => e.level.id));
    expect(standalone(all).map((e) => e.level.id)).toEqual(['alone_2002']);
  });

  it('is always open, locks nothing, and has no next level', () => {
    const none = emptyProgress();
    expect(isUnlocked(campaign, none, 'alone_2002')).toBe(true);
    expect(isUnlocked(campaign, none, first.level.id)).toBe(true);
    expect(nextInCampaign(campaign, 'alone_2002')).toBeUndefined();
  });

  it('never touches campaign progress when finished, and starts from its own values', () => {
    const progress = finish(emptyProgress(), first.level, 4, 55);
    const before = structuredClone(progress);
    const after = recordFinish(campaign, progress, scenario.level, { trust: 99 }, 100);
    expect(after).toEqual(before);
    expect(carriedInto(campaign, progress, 'alone_2002')).toEqual({});
  });

  it('draws no carry-over warning', () => {
    const forgetful = { ...scenario, level: { ...scenario.level, carry: [] } };
    expect(carryGaps([...entries, forgetful])).toEqual([]);
    // The same level inside the campaign would be warned about: the check can fail.
    const joined = { ...forgetful, level: { ...forgetful.level, campaign: { id: 'canada_us_2001_2011', order: 2 } } };
    expect(carryGaps([first, joined]).length).toBeGreaterThan(0);
  });
});
