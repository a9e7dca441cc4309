/**
 * A simple model of another party's preferences, learned the way automated negotiators do (a
 * frequency model in the spirit of Faratin, Sierra & Jennings 1998 and its successors): options a party
 * keeps proposing or accepts are options it values, and issues on which it never moves are issues that
 * matter to it. Before any observation the prior comes from public information only: how each option's
 * effects move the indicators that party holds, and what its public sound-out answers revealed.
 */
import type { Deal, PlayerView, Role } from '../engine';
import { dealIndex } from './project';
import { inner } from '../engine/memo';

export interface OpponentModel {
  role: Role;
  /** Per issue, per option, how much the party seems to like it (0..1). */
  liking: Record<string, number[]>;
  /** Per issue, how much it seems to matter (>= 1). */
  weight: Record<string, number>;
  /** How many proposals and acceptances the model has seen. */
  observations: number;
}

function normalise(xs: number[]): number[] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return hi - lo < 1e-9 ? xs.map(() => 0.5) : xs.map((x) => (x - lo) / (hi - lo));
}

/** What the party's proposals and acceptances reveal, newest last. */
export function observedDeals(view: PlayerView, role: Role): Deal[] {
  const deals: Deal[] = [];
  const latest: Record<Role, Deal> = {};
  for (const e of view.log) {
    if (e.type !== 'move' || !e.actor || !e.move) continue;
    if (e.move.deal) latest[e.actor] = e.move.deal;
    if (e.actor !== role) continue;
    if (e.move.deal) deals.push(e.move.deal);
    else if (e.move.id === 'accept' && e.move.to && latest[e.move.to]) deals.push(latest[e.move.to]);
  }
  return deals;
}

export function buildOpponentModel(view: PlayerView, role: Role): OpponentModel {
  const seen = observedDeals(view, role);
  const seenIndex = seen.map((d) => dealIndex(view, d));
  const liking: Record<string, number[]> = {};
  const weight: Record<string, number> = {};
  for (let q = 0; q < view.issues.length; q++) {
    const issue = view.issues[q];
    const prior = priorOf(view, role, issue);
    const counts = issue.options.map(() => 0);
    let changes = 0;
    for (let k = 0; k < seen.length; k++) {
      const i = seenIndex[k][q];
      if (i >= 0) counts[i] += 1 + k / Math.max(1, seen.length);
      if (k > 0 && seen[k][issue.id] !== seen[k - 1][issue.id]) changes++;
    }
    let total = 0;
    let top = -Infinity;
    for (const c of counts) {
      total += c;
      top = Math.max(top, c);
    }
    let like = total > 0 ? prior.map((p, i) => 0.35 * p + (0.65 * counts[i]) / top) : prior.slice();
    for (const r of view.revealed) {
      if (r.about !== role || r.issue !== issue.id) continue;
      like = like.map((v, i) => (issue.options[i].id === r.option ? 1 : v * 0.6));
    }
    liking[issue.id] = like;
    weight[issue.id] = 1 + (seen.length > 1 ? 1 - changes / (seen.length - 1) : 0);
  }
  return { role, liking, weight, observations: seen.length };
}

type Issue = PlayerView['issues'][number];

/**
 * The prior on an issue: how each option's effects move the indicators the party holds. It depends on
 * the level's public data and the issue's salience only, so it is worked out once per level (keyed by
 * its option list, as the projections are), party, issue and salience.
 */
const priors = new WeakMap<object, Map<Role, Map<string, Map<number, readonly number[]>>>>();

function priorOf(view: PlayerView, role: Role, issue: Issue): readonly number[] {
  const anchor = view.issues[0]?.options as object | undefined;
  if (!anchor) return computePrior(view, role, issue);
  const bySalience = inner(inner(inner(priors, anchor), role), issue.id);
  let prior = bySalience.get(issue.salience);
  if (!prior) {
    prior = computePrior(view, role, issue);
    bySalience.set(issue.salience, prior);
  }
  return prior;
}

function computePrior(view: PlayerView, role: Role, issue: Issue): number[] {
  const span = (r: [number, number]) => Math.max(1e-9, r[1] - r[0]);
  const theirs = view.indicators.filter((i) => i.held_by === role);
  return normalise(
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
}

/** The model's estimate (0..1) of how much the party likes a package. */
export function estimatedLiking(model: OpponentModel, view: PlayerView, deal: Deal): number {
  const index = dealIndex(view, deal);
  let got = 0;
  let total = 0;
  view.issues.forEach((issue, q) => {
    const i = index[q];
    const w = model.weight[issue.id] ?? 1;
    total += w;
    if (i >= 0) got += w * (model.liking[issue.id]?.[i] ?? 0.5);
  });
  return total === 0 ? 0.5 : got / total;
}
