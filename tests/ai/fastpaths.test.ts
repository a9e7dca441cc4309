/**
 * The AI's hot paths (a package's home value, the model of another party, its estimate of how much that
 * party likes a package) cache what they read from a level and from the engine's frozen packages. Each
 * is checked here against the plain code it replaced, on views from randomly played games. So are the
 * projections shared between decisions from the same state, with what each seat read from them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOpponentModel, estimatedLiking, type OpponentModel, observedDeals } from '../../src/ai/opponent';
import {
  currentIndicators,
  dealInfo,
  homeValue,
  ownScore,
  projectDeal,
  projector,
  salienceOf,
  unmetHomeRequirement,
  viewLevel,
} from '../../src/ai/project';
import { allDeals, type Deal, type Level, type PlayerView, type Role, redLines, roles } from '../../src/engine';
import { linkageGain } from '../../src/engine/mechanics/linkage';
import { playRandomly, readLevel, sample } from '../helpers';

function optionAt(view: PlayerView, issue: string, option: string | undefined): number {
  return view.issues.find((i) => i.id === issue)?.options.findIndex((o) => o.id === option) ?? -1;
}

function referenceHomeValue(view: PlayerView, deal: Deal): number {
  let value = 0;
  for (const issue of view.issues) {
    const i = issue.options.findIndex((o) => o.id === deal[issue.id]);
    if (i < 0) continue;
    value += (view.me.values[issue.id]?.[i] ?? 0) + (view.me.pressure[issue.id]?.[i] ?? 0);
  }
  for (const link of view.links) {
    const [a, b] = link.issues;
    const va = view.me.values[a];
    const vb = view.me.values[b];
    if (!va?.length || !vb?.length) continue;
    value += linkageGain([va, vb], [optionAt(view, a, deal[a]), optionAt(view, b, deal[b])]);
  }
  return value;
}

function normalise(xs: number[]): number[] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return hi - lo < 1e-9 ? xs.map(() => 0.5) : xs.map((x) => (x - lo) / (hi - lo));
}

function referenceModel(view: PlayerView, role: Role): OpponentModel {
  const span = (r: [number, number]) => Math.max(1e-9, r[1] - r[0]);
  const theirs = view.indicators.filter((i) => i.held_by === role);
  const seen = observedDeals(view, role);
  const liking: Record<string, number[]> = {};
  const weight: Record<string, number> = {};
  for (const issue of view.issues) {
    const prior = normalise(
      issue.options.map((o) => {
        let v = 0;
        for (const ind of theirs) {
          const d = o.effects?.[ind.id] ?? 0;
          const sign = ind.higher_is === 'worse' ? -1 : 1;
          v += (sign * d) / span(ind.range);
          if (ind.kind === 'sovereignty') v -= (o.harmonization * 3 * issue.salience) / span(ind.range);
        }
        return v;
      }),
    );
    const counts = issue.options.map(() => 0);
    let changes = 0;
    seen.forEach((d, k) => {
      const i = issue.options.findIndex((o) => o.id === d[issue.id]);
      if (i >= 0) counts[i] += 1 + k / Math.max(1, seen.length);
      if (k > 0 && d[issue.id] !== seen[k - 1][issue.id]) changes++;
    });
    const total = counts.reduce((s, c) => s + c, 0);
    let like = total > 0 ? prior.map((p, i) => 0.35 * p + (0.65 * counts[i]) / Math.max(...counts)) : prior;
    for (const r of view.revealed) {
      if (r.about !== role || r.issue !== issue.id) continue;
      like = like.map((v, i) => (issue.options[i].id === r.option ? 1 : v * 0.6));
    }
    liking[issue.id] = like;
    weight[issue.id] = 1 + (seen.length > 1 ? 1 - changes / (seen.length - 1) : 0);
  }
  return { role, liking, weight, observations: seen.length };
}

function referenceLiking(model: OpponentModel, view: PlayerView, deal: Deal): number {
  let got = 0;
  let total = 0;
  for (const issue of view.issues) {
    const i = issue.options.findIndex((o) => o.id === deal[issue.id]);
    const w = model.weight[issue.id] ?? 1;
    total += w;
    if (i >= 0) got += w * (model.liking[issue.id]?.[i] ?? 0.5);
  }
  return total === 0 ? 0.5 : got / total;
}

/** Every seat's view after a game played by picking legal moves at random (packages, pressure, links, reveals). */
function views(level: Level, seed: number, picks: number[]): PlayerView[] {
  const { session } = playRandomly(level, seed, picks);
  return roles(level).map((r) => session.playerView(r));
}

/**
 * A package as the engine hands it out (frozen, shared), a fresh copy of one, one naming an unknown option,
 * or one naming the issues in another order (as a hand-written move may).
 */
function packages(level: Level) {
  const deals = allDeals(level);
  const issues = Object.keys(level.issues);
  return fc
    .tuple(fc.nat(deals.length - 1), fc.constantFrom('shared', 'copy', 'unknown', 'reversed'), fc.nat(issues.length - 1))
    .map(([k, how, q]) => {
      if (how === 'shared') return deals[k];
      if (how === 'reversed') return Object.fromEntries(Object.entries(deals[k]).reverse()) as Deal;
      const copy: Deal = { ...deals[k] };
      if (how === 'unknown') copy[issues[q]] = 'no_such_option';
      return copy;
    });
}

const levels: [string, Level][] = [
  ['the sample level', sample()],
  ['action plan 2011', readLevel('levels/12-action-plan-2011.yaml')],
];

describe.each(levels)('the AI fast paths on %s agree with the reference code', (_name, level) => {
  const game = fc.record({ seed: fc.integer(), picks: fc.array(fc.nat(10_000), { minLength: 1, maxLength: 60 }) });

  it('homeValue, buildOpponentModel and estimatedLiking', () => {
    fc.assert(
      fc.property(game, fc.array(packages(level), { minLength: 1, maxLength: 6 }), ({ seed, picks }, deals) => {
        for (const view of views(level, seed, picks)) {
          for (const other of roles(level)) {
            if (other === view.role) continue;
            const model = buildOpponentModel(view, other);
            expect(model).toStrictEqual(referenceModel(view, other));
            for (const deal of deals) expect(estimatedLiking(model, view, deal)).toBe(referenceLiking(model, view, deal));
          }
          for (const deal of deals) expect(homeValue(view, deal)).toBe(referenceHomeValue(view, deal));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('projections, scores and home requirements shared between decisions, and red lines', () => {
    fc.assert(
      fc.property(game, fc.array(packages(level), { minLength: 1, maxLength: 6 }), ({ seed, picks }, deals) => {
        // Twice over every seat's view: the second time every reading comes from the shared cache.
        for (const view of [...views(level, seed, picks), ...views(level, seed, picks)]) {
          const board = viewLevel(view);
          const indicators = currentIndicators(view);
          const salience = salienceOf(view);
          const shared = projector(view, board, indicators, salience);
          expect(shared.none()).toBe(ownScore(view, board, indicators, null));
          for (const deal of deals) {
            const after = projectDeal(board, indicators, salience, deal);
            expect(shared.project(deal)).toStrictEqual(after);
            const { score, unmet } = shared.read(deal);
            expect({ score, unmet }).toStrictEqual({
              score: ownScore(view, board, after, deal),
              unmet: unmetHomeRequirement(view, board, after),
            });
            expect(dealInfo(view, deal).redLine).toBe(redLines(board, deal).length > 0);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
