/**
 * Deal analysis for the debrief and the session export (pure). Here the whole level is known: every
 * role's objectives and valuations, the fallback and each home level's ratification rule.
 *
 * - The deal space: every package (one option per issue) with each role's score out of 100 if it took
 *   effect from a given state, and whether every home level would ratify it.
 * - The Pareto frontier: feasible packages no other feasible package improves for one role without
 *   making another worse off.
 * - The Nash bargaining point (Nash 1950): the feasible package that maximises the product of each
 *   role's gain over its fallback (what the deadline without a deal would leave it).
 * - Where a reached deal sits: efficient or not, which packages dominate it, who gained relative to
 *   the fallback, how far it is from the Nash point and from the historical deal (level.history.deal).
 */
import type { Checked, Deal, Level, NegotiationContext, Outcome, Role } from '../engine';
import { allDeals, applyDeal, dealValue, ok, refused, scoreRole, vetoHolders } from '../engine';
import { roles as levelRoles } from '../engine/catalog';
import { holds } from '../engine/conditions';
import { applyEffects } from '../engine/indicators';
import type { NegotiationEvent } from '../engine/negotiation.machine';
import { ratifiable } from '../engine/ratify';
import { initialContext } from '../engine/resolve';

/** The state a deal space is computed from: start values by default, or a session's state at the end. */
export interface AnalysisState {
  indicators: Record<string, number>;
  salience: Record<string, number>;
  pressure: NegotiationContext['pressure'];
  links: NegotiationContext['links'];
  tiedHands: Record<Role, number>;
}

export interface PackagePoint {
  deal: Deal;
  /** Each role's score out of 100 if this package took effect. */
  scores: Record<Role, number>;
  /** What the package is worth to each home level with a ratification rule. */
  homeValues: Record<Role, number>;
  /** Every home level would ratify it. */
  ratifiable: boolean;
  /** Every option in it is unlocked in this state (an option's `requires` holds). */
  available: boolean;
}

export interface DealSpace {
  /** The roles the frontier and the Nash point are computed over (the veto holders unless chosen). */
  roles: Role[];
  packages: PackagePoint[];
  /** Each role's score if the deadline passes without a deal. */
  fallback: Record<Role, number>;
  /** Indices into `packages` of the Pareto frontier, among feasible (available and ratifiable) packages. */
  pareto: number[];
  /** Index of the Nash bargaining point, or null when no feasible package beats every fallback. */
  nash: number | null;
  /** False when no package is both available and ratifiable: the frontier and Nash point are then taken over every package. */
  anyFeasible: boolean;
}

/** The state of a session in play, as the deal space reads it. */
export const stateOf = (ctx: NegotiationContext): AnalysisState => ({
  indicators: ctx.indicators,
  salience: ctx.salience,
  pressure: ctx.pressure,
  links: ctx.links,
  tiedHands: ctx.tiedHands,
});

export function startState(level: Level): AnalysisState {
  return stateOf(initialContext({ level, seed: 0 }));
}

/** The state just before a finished session's deal (or fallback) took effect. */
export function stateBeforeConclusion(ctx: NegotiationContext): AnalysisState {
  const indicators = { ...ctx.indicators };
  const last = [...ctx.log]
    .reverse()
    .find((e) => e.type === 'deadline' || (e.type === 'agreement' && e.message.key === 'log.deal_in_force'));
  if (ctx.outcome && last) for (const [id, d] of Object.entries(last.deltas)) indicators[id] = Math.round((indicators[id] - d) * 10) / 10;
  return { ...stateOf(ctx), indicators };
}

/** A package the parties could agree and ratify in this state. */
export const isFeasible = (p: PackagePoint) => p.ratifiable && p.available;

/** Is `a` at least as good as `b` for every role and better for one? */
function dominates(a: PackagePoint, b: PackagePoint, roles: Role[]): boolean {
  return roles.every((r) => a.scores[r] >= b.scores[r]) && roles.some((r) => a.scores[r] > b.scores[r]);
}

/** A context holding a state, for the rules that read one (ratification, conditions). */
const contextOf = (level: Level, state: AnalysisState) => ({ ...initialContext({ level, seed: 0 }), ...state });

/** One package placed from a state: each role's score if it took effect, what each home level makes of it. */
export function packagePoint(level: Level, state: AnalysisState, deal: Deal, ctx = contextOf(level, state)): PackagePoint {
  const projected = { ...state.indicators };
  applyDeal(level, state, projected, deal);
  return {
    deal,
    scores: Object.fromEntries(levelRoles(level).map((r) => [r, scoreRole(level, r, projected, deal).score])),
    homeValues: Object.fromEntries(Object.keys(level.ratification).map((r) => [r, dealValue(level, state, r, deal)])),
    ratifiable: ratifiable(level, ctx, deal, projected),
    available: Object.entries(deal).every(([issue, option]) =>
      holds(level, ctx, level.issues[issue]?.options.find((o) => o.id === option)?.requires),
    ),
  };
}

/** Each role's score if the deadline passed in this state without a deal. */
export function fallbackScores(level: Level, state: AnalysisState): Record<Role, number> {
  const afterFallback = { ...state.indicators };
  applyEffects(level, afterFallback, level.fallback.effects);
  return Object.fromEntries(levelRoles(level).map((r) => [r, scoreRole(level, r, afterFallback, null).score]));
}

export function dealSpace(level: Level, options: { state?: AnalysisState; roles?: Role[] } = {}): DealSpace {
  const state = options.state ?? startState(level);
  const roles = options.roles ?? vetoHolders(level);
  const ctx = contextOf(level, state);
  const packages = allDeals(level).map((deal) => packagePoint(level, state, deal, ctx));
  const fallback = fallbackScores(level, state);
  const anyFeasible = packages.some(isFeasible);
  const feasible = packages.map((p, i) => ({ p, i })).filter(({ p }) => !anyFeasible || isFeasible(p));
  const pareto = feasible.filter(({ p }) => !feasible.some(({ p: q }) => dominates(q, p, roles))).map(({ i }) => i);
  let nash: number | null = null;
  let bestProduct = 0;
  for (const { p, i } of feasible) {
    const gains = roles.map((r) => p.scores[r] - fallback[r]);
    if (gains.some((g) => g <= 0)) continue;
    const product = gains.reduce((a, b) => a * b, 1);
    if (product > bestProduct) {
      bestProduct = product;
      nash = i;
    }
  }
  return { roles, packages, fallback, pareto, nash, anyFeasible };
}

const sameDeal = (a: Deal, b: Deal) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

export function indexOfDeal(space: DealSpace, deal: Deal): number {
  return space.packages.findIndex((p) => sameDeal(p.deal, deal));
}

export interface Placement {
  index: number;
  scores: Record<Role, number>;
  /** On the Pareto frontier: no feasible package is better for one side without being worse for another. */
  efficient: boolean;
  /** Feasible packages that would have been better for at least one side and worse for none. */
  dominatedBy: number[];
  /** Each role's score minus its fallback score: who gained from the deal. */
  gains: Record<Role, number>;
}

/** Where a package sits in a deal space, or why it cannot be placed (not one of the level's packages). */
export function placeDeal(space: DealSpace, deal: Deal): Checked<Placement> {
  const index = indexOfDeal(space, deal);
  const p = space.packages[index];
  if (!p) return refused('analysis.unknown_package');
  const feasible = space.packages.map((q, i) => ({ q, i })).filter(({ q }) => !space.anyFeasible || isFeasible(q));
  const dominatedBy = feasible.filter(({ q }) => dominates(q, p, space.roles)).map(({ i }) => i);
  return ok({
    index,
    scores: p.scores,
    efficient: dominatedBy.length === 0,
    dominatedBy,
    gains: Object.fromEntries(Object.keys(p.scores).map((r) => [r, p.scores[r] - space.fallback[r]])),
  });
}

const placedOrNull = (placed: Checked<Placement>) => (placed.ok ? placed.value : null);

export interface HistoricalDistance {
  historical: Deal;
  /** Issues on which the package differs from what happened. */
  differing: string[];
  /** 0 (the historical deal) .. 1 (the furthest option on every issue): mean option distance over the issues. */
  distance: number;
}

/** How far a package (or no deal, null: the status quo on every issue) is from the historical deal. */
export function historicalDistance(level: Level, deal: Deal | null): HistoricalDistance | null {
  const historical = level.history?.deal;
  if (!historical) return null;
  const issues = Object.entries(level.issues);
  const differing: string[] = [];
  let sum = 0;
  for (const [id, issue] of issues) {
    const chosen = deal ? deal[id] : issue.options[0].id;
    const a = issue.options.findIndex((o) => o.id === chosen);
    const b = issue.options.findIndex((o) => o.id === historical[id]);
    if (a !== b) differing.push(id);
    if (a >= 0 && b >= 0 && issue.options.length > 1) sum += Math.abs(a - b) / (issue.options.length - 1);
    else if (a !== b) sum += 1;
  }
  return { historical, differing, distance: issues.length ? Math.round((1000 * sum) / issues.length) / 1000 : 0 };
}

export interface SessionAnalysis {
  space: DealSpace;
  /** Where the ratified deal sits, or null after the deadline without a deal. */
  reached: Placement | null;
  /** Each role's score in the game minus its fallback score. */
  gains: Record<Role, number>;
  nash: Deal | null;
  historical: (HistoricalDistance & { placement: Placement | null }) | null;
}

/** The debrief's analysis of a finished session, from the state the outcome was reached in. */
export function analyseOutcome(level: Level, ctx: NegotiationContext, roles?: Role[]): SessionAnalysis {
  const space = dealSpace(level, { state: stateBeforeConclusion(ctx), roles });
  const deal = ctx.outcome?.deal ?? null;
  const reached = deal ? placedOrNull(placeDeal(space, deal)) : null;
  const scores: Record<Role, number> = Object.fromEntries(Object.entries(ctx.outcome?.scores ?? {}).map(([r, s]) => [r, s.score]));
  const hist = historicalDistance(level, deal);
  return {
    space,
    reached,
    gains: Object.fromEntries(Object.entries(scores).map(([r, s]) => [r, s - space.fallback[r]])),
    nash: space.nash === null ? null : space.packages[space.nash].deal,
    historical: hist ? { ...hist, placement: placedOrNull(placeDeal(space, hist.historical)) } : null,
  };
}

export const EXPORT_FORMAT = 1;

export interface SessionExport {
  format: number;
  level: string;
  seed: number;
  events: NegotiationEvent[];
  outcome: Outcome | null;
  analysis: SessionAnalysis | null;
}

/** The JSON a session exports for grading and research: (level, seed, event log) reproduce it; the analysis explains it. */
export function exportSession(
  level: Level,
  session: { seed: number; events: readonly NegotiationEvent[]; context(): NegotiationContext },
): SessionExport {
  const ctx = session.context();
  return {
    format: EXPORT_FORMAT,
    level: level.id,
    seed: session.seed,
    events: structuredClone([...session.events]),
    outcome: ctx.outcome,
    analysis: ctx.outcome ? analyseOutcome(level, ctx) : null,
  };
}
