import { describe, expect, it } from 'vitest';
import { chartSentence, describeAnalysis } from '../../src/analysis/describe';
import { message } from '../../src/i18n';
import { formatNumber } from '../../src/i18n/format';
import { analyseOutcome, dealSpace, exportSession, historicalDistance, indexOfDeal, placeDeal } from '../../src/analysis';
import { aiPolicy } from '../../src/ai';
import { createSession, type Level, replay } from '../../src/engine';
import { mini, sample } from '../helpers';

const d = (data: string, lanes: string) => ({ data, lanes });

describe('the deal space of the mini level, from its start', () => {
  // Hand-computed. Big: security >= 50 (weight 2, slack 25) and data = shared (weight 1).
  // Small: wait <= 8 (weight 2, slack 6) and sovereignty >= 60 (weight 1, slack 25).
  // data/shared: security 40 -> 50; lanes/fast: thickness -20 -> wait 10 -> 6; sovereignty 70 - 3 x harmonization.
  const space = dealSpace(mini());
  const at = (data: string, lanes: string) => space.packages[indexOfDeal(space, d(data, lanes))];

  it('scores every package for every role', () => {
    expect(space.packages).toHaveLength(4);
    // security 40: 1 - 10/25 = 0.6 of weight 2 -> 1.2/3 = 40; wait 10: 1 - 2/6 = 0.67 of weight 2, sovereignty met -> 2.33/3 = 78
    expect(at('none', 'none').scores).toMatchObject({ big: 40, small: 78 });
    expect(at('none', 'fast').scores).toMatchObject({ big: 40, small: 100 });
    expect(at('shared', 'none').scores).toMatchObject({ big: 100, small: 78 });
    expect(at('shared', 'fast').scores).toMatchObject({ big: 100, small: 100 });
  });
  it('scores the fallback: thickness +10 puts the wait at 12, 0.33 of the wait objective', () => {
    expect(space.fallback).toMatchObject({ big: 40, small: 55 });
  });
  it('marks only what both home levels ratify as feasible', () => {
    // Big needs value 8 (data 0/8 + lanes 2/3); small needs 6 (data 5/3 + lanes 0/8).
    expect(space.packages.map((p) => p.ratifiable)).toEqual([false, false, false, true]);
    expect(at('shared', 'fast').homeValues).toEqual({ big: 11, small: 11 });
  });
  it('has the one feasible package as frontier and Nash point', () => {
    expect(space.pareto).toEqual([indexOfDeal(space, d('shared', 'fast'))]);
    expect(space.nash).toBe(indexOfDeal(space, d('shared', 'fast')));
  });
});

/** A variant with opposed interests and no ratification rule, so every package is feasible. */
function opposed(): Level {
  const level = structuredClone(mini());
  level.ratification = {};
  level.objectives.big = [
    { issue: 'data', prefer: ['shared'], weight: 1 },
    { issue: 'lanes', prefer: ['fast'], weight: 1 },
  ];
  level.objectives.small = [
    { issue: 'data', prefer: ['none'], weight: 1 },
    { issue: 'lanes', prefer: ['fast'], weight: 1 },
  ];
  return level;
}

describe('Pareto frontier and Nash point with opposed interests', () => {
  // big: nn 0, nf 50, sn 50, sf 100; small: nn 50, nf 100, sn 0, sf 50. Fallback (status quo): big 0, small 50.
  const space = dealSpace(opposed());
  const i = (data: string, lanes: string) => indexOfDeal(space, d(data, lanes));

  it('keeps exactly the undominated packages', () => {
    expect([...space.pareto].sort()).toEqual([i('none', 'fast'), i('shared', 'fast')].sort());
  });
  it('picks the package maximising the product of gains over the fallback', () => {
    // none/fast gains (50, 50); shared/fast gains (100, 0) is not individually rational.
    expect(space.fallback).toMatchObject({ big: 0, small: 50 });
    expect(space.nash).toBe(i('none', 'fast'));
  });
  it('places a dominated deal, names what dominates it and who gained', () => {
    const placed = placeDeal(space, d('none', 'none'));
    if (!placed.ok) throw new Error('not placed');
    const p = placed.value;
    expect(p.efficient).toBe(false);
    // none/fast (50, 100) and shared/fast (100, 50) both beat (0, 50) for one side and are no worse for the other.
    expect([...p.dominatedBy].sort()).toEqual([i('none', 'fast'), i('shared', 'fast')].sort());
    expect(p.gains).toMatchObject({ big: 0, small: 0 });
    const q = placeDeal(space, d('shared', 'fast'));
    expect(q).toMatchObject({ ok: true, value: { efficient: true, dominatedBy: [], gains: { big: 100, small: 0 } } });
  });
  it('refuses, without throwing, a package that is not one of the level', () => {
    expect(placeDeal(space, { data: 'nowhere', lanes: 'fast' })).toEqual({ ok: false, errors: [{ key: 'analysis.unknown_package' }] });
  });
  it('has no Nash point when no package gains for both sides', () => {
    const level = opposed();
    level.objectives.small = [{ issue: 'data', prefer: ['none'], weight: 1 }];
    expect(dealSpace(level).nash).toBeNull();
  });
});

describe('distance to the historical deal', () => {
  it('is zero for the historical deal and counts differing issues otherwise', () => {
    const level = sample();
    expect(historicalDistance(level, level.history?.deal as Record<string, string>)).toMatchObject({ differing: [], distance: 0 });
    // perimeter is one step from smart_border of two (0.5); common_databases one of two (0.5); trusted traffic the same.
    const h = historicalDistance(level, {
      border_regime: 'perimeter',
      information_sharing: 'common_databases',
      trusted_traffic: 'nexus_fast',
    });
    expect(h?.differing).toEqual(['border_regime', 'information_sharing']);
    expect(h?.distance).toBeCloseTo((0.5 + 0.5 + 0) / 3, 3);
  });
  it('treats no deal as the status quo on every issue', () => {
    // alert (0 vs 1 of 2), case_by_case (0 vs 1 of 2), none (0 vs 1 of 2)
    expect(historicalDistance(sample(), null)?.distance).toBeCloseTo(0.5, 3);
  });
});

describe('analysis of a finished session and its export', () => {
  const level = mini();
  const s = createSession(level, { seed: 7 });
  s.start();
  s.send('big', { id: 'propose', deal: d('shared', 'fast') });
  s.send('small', { id: 'pass' });
  s.send('province', { id: 'pass' });
  s.send('big', { id: 'pass' });
  s.send('small', { id: 'accept', to: 'big' });
  s.send('province', { id: 'pass' });

  it('analyses from the state before the deal took effect', () => {
    const a = analyseOutcome(level, s.context());
    expect(a.reached).toMatchObject({ efficient: true, scores: { big: 100, small: 100 } });
    expect(a.gains.big).toBe(100 - a.space.fallback.big);
    expect(a.historical).toMatchObject({ differing: [], distance: 0 });
  });
  it('exports level, seed, events, outcome and analysis, and the events replay to the same outcome', () => {
    const json = JSON.parse(JSON.stringify(exportSession(level, s)));
    expect(json).toMatchObject({ level: 'mini', seed: 7, outcome: { kind: 'agreement' } });
    expect(json.analysis.reached.efficient).toBe(true);
    const again = replay(level, json.seed, json.events);
    expect(again.ok && again.value.context().outcome).toEqual(json.outcome);
  });
  it('exports no analysis before the end, and handles a game the AI played to the deadline', () => {
    const open = createSession(level, { seed: 1 });
    open.start();
    expect(exportSession(level, open).analysis).toBeNull();
    const rs = ['big', 'small', 'province'];
    const ai = createSession(level, {
      seed: 3,
      controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
      policies: Object.fromEntries(rs.map((r) => [r, aiPolicy('hard')])),
    });
    ai.start();
    const a = exportSession(level, ai).analysis;
    expect(a).not.toBeNull();
    if (ai.context().outcome?.kind === 'no_deal') expect(a?.reached).toBeNull();
    else expect(a?.reached?.index).toBeGreaterThanOrEqual(0);
  });
});

describe('the debrief reading of an analysis', () => {
  it('says where the deal sits, who gained and how it compares with history, in English and French', () => {
    const level = sample();
    const s = createSession(level, { seed: 4 });
    s.start();
    const deal = { border_regime: 'smart_border', information_sharing: 'common_databases', trusted_traffic: 'none' };
    s.send('washington', { id: 'propose', deal });
    s.send('ottawa', { id: 'pass' });
    s.send('quebec', { id: 'pass' });
    s.send('washington', { id: 'pass' });
    s.send('ottawa', { id: 'accept', to: 'washington' });
    s.send('quebec', { id: 'pass' });
    expect(s.context().outcome?.kind).toBe('agreement');
    const a = analyseOutcome(level, s.context());
    const lines = describeAnalysis(level, a);
    const en = lines.map((l) => message(l, 'en'));
    const fr = lines.map((l) => message(l, 'fr'));
    expect(en.some((t) => t.startsWith('Washington scored'))).toBe(true);
    expect(en.at(-1)).toMatch(/on 2 of 3 issues: Information sharing, Trusted travellers and cargo\.$/);
    for (const t of [...en, ...fr]) expect(t).not.toMatch(/\{\{|undefined|analysis\./);
    expect(fr.at(-1)).toMatch(/sur 2 des 3 enjeux/);
  });
});

describe('the debrief reading never contradicts itself', () => {
  /** Level 1 played to the deadline with every side waiting: no deal. */
  const noDeal = () => {
    const level = sample();
    const s = createSession(level, { seed: 2 });
    s.start();
    while (s.phase() === 'choosing')
      for (const r of ['washington', 'ottawa', 'quebec']) if (s.phase() === 'choosing') s.send(r, { id: 'pass' });
    expect(s.context().outcome?.kind).toBe('no_deal');
    return { level, a: analyseOutcome(level, s.context()) };
  };
  it('after no deal, gives no distance to the Nash point and says the governments did reach one', () => {
    const { level, a } = noDeal();
    const en = describeAnalysis(level, a).map((l) => message(l, 'en'));
    for (const t of en) expect(t).not.toMatch(/–|points away|^It differs/);
    expect(en.some((t) => t.startsWith('The governments did reach a deal: '))).toBe(true);
    expect(en.some((t) => t.startsWith('Had the sides agreed, the Nash bargaining point would have been'))).toBe(true);
  });
  it('says the Nash point is the historical deal when it is, and never that they differ', () => {
    const { level, a } = noDeal();
    const history = level.history?.deal as Record<string, string>;
    const nashIsHistory = a.nash !== null && Object.keys(level.issues).every((id) => a.nash?.[id] === history[id]);
    const en = describeAnalysis(level, a).map((l) => message(l, 'en'));
    expect(en.includes('The Nash bargaining point is also the deal the governments actually reached.')).toBe(nashIsHistory);
    // With the historical deal itself as the Nash point, a deal elsewhere is told apart from both.
    const forced = { ...a, nash: history };
    const lines = describeAnalysis(level, forced).map((l) => message(l, 'en'));
    expect(lines).toContain('The Nash bargaining point is also the deal the governments actually reached.');
  });
  it('says the packages that beat the deal are counted over every side (the chart counts for the two it draws)', () => {
    expect(message({ key: 'analysis.dominated', params: { count: 2 } }, 'en')).toBe(
      'The deal left value on the table: 2 other packages were better for at least one side and worse for none of them.',
    );
    expect(message({ key: 'analysis.dominated', params: { count: 1 } }, 'fr')).toBe(
      "L'accord a laissé des gains sur la table\u00a0: une autre combinaison était meilleure pour au moins une partie sans être pire pour aucune.",
    );
  });
  it('uses real plurals, never "(s)", in both languages', () => {
    const { level, a } = noDeal();
    for (const locale of ['en', 'fr'] as const)
      for (const l of describeAnalysis(level, a)) expect(message(l, locale)).not.toMatch(/\(s\)|\(e\)|\{\{/);
    expect(message({ key: 'analysis.gain', params: { actor: { en: 'Ottawa' }, count: 1, score: 51, fallback: 50 } }, 'en')).toBe(
      'Ottawa scored 51, one point above its fallback of 50.',
    );
    expect(message({ key: 'analysis.gain', params: { actor: { en: 'Ottawa' }, count: 4, score: 54, fallback: 50 } }, 'en')).toBe(
      'Ottawa scored 54, 4 points above its fallback of 50.',
    );
  });
});

describe("the chart's plain sentence", () => {
  /** Level 1 with the player's own role on an axis, after Washington's package is accepted by Ottawa in round 2. */
  const played = (me: string, other: string, deal?: Record<string, string>) => {
    const level = sample();
    const s = createSession(level, { seed: 4 });
    s.start();
    if (deal) {
      s.send('washington', { id: 'propose', deal });
      s.send('ottawa', { id: 'pass' });
      s.send('quebec', { id: 'pass' });
      s.send('washington', { id: 'pass' });
      s.send('ottawa', { id: 'accept', to: 'washington' });
      s.send('quebec', { id: 'pass' });
    }
    while (s.phase() === 'choosing')
      for (const r of ['washington', 'ottawa', 'quebec']) if (s.phase() === 'choosing') s.send(r, { id: 'pass' });
    return { level, s, a: analyseOutcome(level, s.context(), [me, other]) };
  };
  it('after no deal, counts the packages that would have left both sides above their fallbacks, as the engine scores them', () => {
    const { level, s, a } = played('quebec', 'washington');
    expect(a.space.roles).toEqual(['quebec', 'washington']);
    const sentence = chartSentence(a, level.actors.washington.name);
    // The fallbacks are what the engine scored each side when the deadline passed without a deal.
    const outcome = s.context().outcome;
    expect(outcome?.kind).toBe('no_deal');
    const fallback = { quebec: outcome?.scores.quebec.score ?? -1, washington: outcome?.scores.washington.score ?? -1 };
    const zone = a.space.packages.filter(
      (p) =>
        (!a.space.anyFeasible || (p.available && p.ratifiable)) &&
        p.scores.quebec > fallback.quebec &&
        p.scores.washington > fallback.washington,
    ).length;
    expect(a.space.fallback).toMatchObject(fallback);
    expect(sentence).toEqual({
      key: zone ? 'analysis.chart_no_deal' : 'analysis.chart_no_zone',
      params: { other: level.actors.washington.name, count: zone },
    });
    expect(message(sentence, 'en')).toMatch(zone ? /^No deal was reached, yet/ : /^No package would have given/);
    expect(message(sentence, 'fr')).toMatch(/Washington/);
  });
  it('says what the Nash point would have given each side, in scores the engine gives that package, in both languages', () => {
    const deal = { border_regime: 'smart_border', information_sharing: 'passenger_lists', trusted_traffic: 'nexus_fast' };
    const { level, a } = played('ottawa', 'washington', deal);
    expect(a.space.nash).not.toBeNull();
    expect(a.space.nash).not.toBe(a.reached?.index);
    const nash = a.space.packages[a.space.nash as number];
    const [en, fr] = (['en', 'fr'] as const).map((l) =>
      describeAnalysis(level, a)
        .map((x) => message(x, l))
        .find((t) => /Nash/.test(t) && /(another package|une autre combinaison)/.test(t)),
    );
    // After it, the deal compared with history names the deal it means, not "this" (which read as the Nash point).
    expect(a.historical?.differing).toEqual([]);
    const nextToNash = (l: 'en' | 'fr') => {
      const lines = describeAnalysis(level, a).map((x) => message(x, l));
      return lines[lines.findIndex((t) => /Nash/.test(t)) + 1];
    };
    expect([nextToNash('en'), nextToNash('fr')]).toEqual([
      'Your deal is the one the governments actually reached.',
      'Votre accord est celui que les gouvernements ont réellement conclu.',
    ]);
    // The package's scores as the chart plots them (the same scores the deal's own sentences use).
    const n = (r: string, l: 'en' | 'fr') => formatNumber(nash.scores[r], l);
    expect(
      en?.endsWith(
        `which would have given ${n('washington', 'en')} to Washington, ${n('ottawa', 'en')} to Ottawa and ${n('quebec', 'en')} to Quebec.`,
      ),
    ).toBe(true);
    expect(
      fr?.endsWith(
        `qui aurait donné ${n('washington', 'fr')} à Washington, ${n('ottawa', 'fr')} à Ottawa et ${n('quebec', 'fr')} au Québec.`,
      ),
    ).toBe(true);
  });
  it('after a deal, says whether it is on the frontier or which packages would have done better for both, for the two sides shown', () => {
    const deal = { border_regime: 'smart_border', information_sharing: 'passenger_lists', trusted_traffic: 'nexus_fast' };
    const { level, s, a } = played('ottawa', 'washington', deal);
    expect(s.context().outcome?.kind).toBe('agreement');
    const sentence = chartSentence(a, level.actors.washington.name);
    const mine = s.context().outcome?.scores.ottawa.score ?? 0;
    const better = a.space.packages.filter(
      (p) =>
        (!a.space.anyFeasible || (p.available && p.ratifiable)) &&
        p.scores.ottawa >= mine &&
        p.scores.washington >= (s.context().outcome?.scores.washington.score ?? 0) &&
        (p.scores.ottawa > mine || p.scores.washington > (s.context().outcome?.scores.washington.score ?? 0)),
    ).length;
    if (mine < a.space.fallback.ottawa) expect(sentence.key).toBe('analysis.chart_below');
    else if (better === 0) expect(sentence.key).toBe('analysis.chart_efficient');
    else expect(sentence).toMatchObject({ key: 'analysis.chart_dominated', params: { count: better } });
    expect(message(sentence, 'en')).not.toMatch(/\{\{|undefined/);
  });
});
