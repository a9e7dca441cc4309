/**
 * Completability: a guided headless search, through the engine's public session API, for a sequence of
 * moves that ends a level with a ratified agreement, and one that ends without one, played from a
 * given seat. The searched seat tries a handful of strategies; the other seats are played by a simple
 * partner policy (cooperative: accept and propose packages every home level would ratify; or stubborn:
 * never accept). Pure and deterministic: no clock, no Math.random.
 */
import {
  createSession,
  type Deal,
  type Move,
  type MoveInput,
  type NegotiationContext,
  type NegotiationEvent,
  type Outcome,
  type Role,
  roles,
} from '../engine';
import { movesFor } from '../engine/catalog';
import { allDeals, dealValue } from '../engine/deal';
import { ratifiable } from '../engine/ratify';
import type { Level } from '../levels/schema';

export type Want = 'agreement' | 'no_deal';

/** Chooses a move for `role` from the legal ones, seeing the whole context (a test harness, not an AI). */
export type Strategy = (level: Level, ctx: NegotiationContext, role: Role, legal: Move[], cache: DealCache) => Move;

export interface Found {
  want: Want;
  role: Role;
  /** The strategy the searched seat used and how the other seats were played. */
  strategy: string;
  partners: 'cooperative' | 'patient' | 'stubborn';
  seed: number;
  rounds: number;
  deal: Deal | null;
  /** The searched seat's own moves, in order. */
  moves: MoveInput[];
  /** Every seat's moves as the session accepted them: `replay(level, seed, events)` plays the game again. */
  events: NegotiationEvent[];
}

/** Ratifiable packages, computed once per round (the context changes only between rounds). */
class DealCache {
  private round = -1;
  private list: Deal[] = [];
  constructor(
    private readonly level: Level,
    private readonly deals: Deal[],
  ) {}
  ok(ctx: NegotiationContext): Deal[] {
    if (ctx.round !== this.round) {
      this.round = ctx.round;
      this.list = this.deals.filter((d) => ratifiable(this.level, ctx, d));
    }
    return this.list;
  }
}

const key = (d: Deal) => JSON.stringify(Object.entries(d).sort());
const kindOf = (level: Level, role: Role, m: Move) => movesFor(level, role).find((d) => d.id === m.id)?.kind ?? m.id;
const pass = (legal: Move[]): Move => legal.find((m) => m.id === 'pass') ?? legal[0];

/** Accept a ratifiable proposal; else table the ratifiable package that `score` likes best; else pass. */
function dealMaker(score: (level: Level, ctx: NegotiationContext, role: Role, d: Deal) => number, accepts = true): Strategy {
  return (level, ctx, role, legal, cache) => {
    const good = new Set(cache.ok(ctx).map(key));
    const accept =
      accepts && legal.find((m) => kindOf(level, role, m) === 'accept' && good.has(key(ctx.table.find((p) => p.by === m.to)?.deal ?? {})));
    if (accept) return accept;
    const proposals = legal.filter((m) => kindOf(level, role, m) === 'propose' && m.deal && good.has(key(m.deal)));
    if (proposals.length && !ctx.table.some((p) => p.by === role && good.has(key(p.deal)))) {
      return proposals.reduce((best, m) =>
        score(level, ctx, role, m.deal as Deal) > score(level, ctx, role, best.deal as Deal) ? m : best,
      );
    }
    return pass(legal);
  };
}

const selfish = dealMaker((level, ctx, role, d) => dealValue(level, ctx, role, d));
/** Selfish, but only from the second half of the level on, as partners who take their time. */
const patient: Strategy = (level, ctx, role, legal, cache) =>
  ctx.round > level.rounds / 2 ? selfish(level, ctx, role, legal, cache) : pass(legal);
/** Table one's own best ratifiable package and accept nothing else: the other side must come to it. */
const standFirm = dealMaker((level, ctx, role, d) => dealValue(level, ctx, role, d), false);
const generous = dealMaker((level, ctx, _role, d) => roles(level).reduce((s, r) => s + dealValue(level, ctx, r, d), 0));
const acceptAnything: Strategy = (level, _ctx, role, legal) => legal.find((m) => kindOf(level, role, m) === 'accept') ?? pass(legal);
const rejectEverything: Strategy = (level, _ctx, role, legal) => legal.find((m) => kindOf(level, role, m) === 'reject') ?? pass(legal);
const passAlways: Strategy = (_level, _ctx, _role, legal) => pass(legal);
/** Make one non-table move whenever it is legal, up to `times` times (e.g. speak out until the home level balks), else play `otherwise`. */
const repeat =
  (id: string, otherwise: Strategy, times = Infinity): Strategy =>
  (level, ctx, role, legal, cache) =>
    ((ctx.moveCounts[role]?.[id] ?? 0) < times ? legal.find((m) => m.id === id) : undefined) ?? otherwise(level, ctx, role, legal, cache);

function strategiesFor(level: Level, role: Role, want: Want): [string, Strategy][] {
  const own = movesFor(level, role).filter((m) => !['propose', 'accept', 'reject', 'pass'].includes(m.kind));
  if (want === 'agreement') {
    return [
      ['make the best ratifiable deal for oneself', selfish],
      ['stand firm on the best ratifiable deal for oneself', standFirm],
      ['make the ratifiable deal best for everyone', generous],
      ['accept whatever is tabled', acceptAnything],
      ['let the others settle it', passAlways],
      ...own.flatMap((m): [string, Strategy][] => [
        [`${m.id} whenever possible, then the best ratifiable deal for oneself`, repeat(m.id, selfish)],
        [`${m.id} once, then the best ratifiable deal for oneself`, repeat(m.id, selfish, 1)],
        [`${m.id} twice, then the best ratifiable deal for oneself`, repeat(m.id, selfish, 2)],
      ]),
      // An aim may need two different moves (securing plants and pulling with the partner, say).
      ...own.flatMap((a) =>
        own
          .filter((b) => b.id !== a.id)
          .map((b): [string, Strategy] => [
            `${a.id} once, then ${b.id} whenever possible, then the best ratifiable deal for oneself`,
            repeat(a.id, repeat(b.id, selfish), 1),
          ]),
      ),
    ];
  }
  return [
    ['reject every proposal', rejectEverything],
    ['pass every round', passAlways],
    ...own.map((m): [string, Strategy] => [`${m.id} whenever possible`, repeat(m.id, rejectEverything)]),
  ];
}

export interface SearchOptions {
  seeds?: readonly number[];
  carried?: Record<string, number>;
}

/** Play one game: `role` follows `mine`, every other seat `others`. */
export function playOut(level: Level, role: Role, mine: Strategy, others: Strategy, seed: number, carried?: Record<string, number>) {
  const session = createSession(level, { seed, carried });
  const cache = new DealCache(level, allDeals(level));
  const moves: MoveInput[] = [];
  session.start();
  for (let guard = 0; guard < 200 && session.phase() === 'choosing'; guard++) {
    for (const r of roles(level)) {
      if (session.phase() !== 'choosing' || session.context().pending[r] !== null) continue;
      const legal = session.legalMoves(r);
      const move = (r === role ? mine : others)(level, session.context(), r, legal, cache);
      const sent = session.send(r, move);
      if (!sent.ok) session.send(r, { id: 'pass' });
      if (r === role) moves.push(sent.ok ? move : { id: 'pass' });
    }
  }
  const { outcome, indicators } = session.context();
  const events = structuredClone([...session.events]);
  session.stop();
  return { outcome, moves, indicators, events };
}

/**
 * Search for a game that ends as wanted from `role`'s seat. The seat's own strategies are tried first
 * against cooperative partners (so a veto holder must be able to block alone, and every seat must be
 * able to reach a ratified deal with willing partners); for a no-deal ending a seat without a veto may
 * need stubborn partners.
 */
export function findEnding(level: Level, role: Role, want: Want, { seeds = [1, 2, 3], carried }: SearchOptions = {}): Found | null {
  const partnerSets: ['cooperative' | 'stubborn', Strategy][] =
    want === 'agreement'
      ? [['cooperative', selfish]]
      : [
          ['cooperative', selfish],
          ['stubborn', rejectEverything],
        ];
  for (const [partners, others] of partnerSets) {
    for (const [name, mine] of strategiesFor(level, role, want)) {
      for (const seed of seeds) {
        const { outcome, moves, events } = playOut(level, role, mine, others, seed, carried);
        if (outcome && (outcome.kind === 'agreement') === (want === 'agreement')) {
          return { want, role, strategy: name, partners, seed, rounds: outcome.round, deal: outcome.deal, moves, events };
        }
      }
    }
  }
  return null;
}

/**
 * Search for a game the seat wins (its score reaches the level's win_at), with or without a deal: the
 * seat's deal-making and blocking strategies against cooperative partners, quick or patient (a seat
 * whose own moves take several rounds cannot win if the others settle at once). Returns the best game
 * found and whether it is a win.
 */
export function findWin(
  level: Level,
  role: Role,
  { seeds = [1, 2], carried }: SearchOptions = {},
): (Found & { score: number; won: boolean }) | null {
  let best: (Found & { score: number; won: boolean }) | null = null;
  const partnerSets: [Found['partners'], Strategy][] = [
    ['cooperative', selfish],
    ['patient', patient],
  ];
  for (const [partners, others] of partnerSets) {
    for (const want of ['agreement', 'no_deal'] as const) {
      for (const [name, mine] of strategiesFor(level, role, want)) {
        for (const seed of seeds) {
          const { outcome, moves, events } = playOut(level, role, mine, others, seed, carried);
          if (!outcome) continue;
          const { score, won } = outcome.scores[role];
          if (!best || score > best.score) {
            best = {
              want: outcome.kind === 'agreement' ? 'agreement' : 'no_deal',
              role,
              strategy: name,
              partners,
              seed,
              rounds: outcome.round,
              deal: outcome.deal,
              moves,
              events,
              score,
              won,
            };
          }
          if (won) return best;
        }
      }
    }
  }
  return best;
}

/**
 * Play a level to its historical deal (every seat steers for it) and return how it ended: whether the
 * deal was ratified and the final indicators, which a campaign carries into the next level.
 */
export function historicalFinish(
  level: Level,
  carried?: Record<string, number>,
): { ratified: boolean; indicators: Record<string, number>; scores: Outcome['scores'] } | null {
  return historicalPlay(level, {}, carried);
}

/**
 * Play the level to its historical deal, each role first making the moves `moves` lists for it (a move id
 * listed twice is made twice), one a round when legal; the deal is tabled once every role is done (or the
 * last round but one comes). What the literature judges of each side's outcome is checked against this.
 */
export function historicalPlay(
  level: Level,
  moves: Partial<Record<Role, readonly string[]>>,
  carried?: Record<string, number>,
): { ratified: boolean; indicators: Record<string, number>; scores: Outcome['scores'] } | null {
  const target = level.history?.deal;
  if (!target) return null;
  const want = key(target);
  const owed = (ctx: NegotiationContext, role: Role) => {
    const list = moves[role] ?? [];
    return list.filter((id, i) => (ctx.moveCounts[role]?.[id] ?? 0) < list.slice(0, i + 1).filter((x) => x === id).length);
  };
  const steer: Strategy = (lvl, ctx, role, legal) => {
    const mine = legal.find((m) => owed(ctx, role).includes(m.id));
    if (mine) return mine;
    const waiting = ctx.round < lvl.rounds - 1 && roles(lvl).some((r) => owed(ctx, r).length > 0);
    if (waiting) return pass(legal);
    const accept = legal.find((m) => kindOf(lvl, role, m) === 'accept' && key(ctx.table.find((p) => p.by === m.to)?.deal ?? {}) === want);
    if (accept) return accept;
    const propose = legal.find((m) => kindOf(lvl, role, m) === 'propose' && m.deal && key(m.deal) === want);
    if (propose && !ctx.table.some((p) => p.by === role && key(p.deal) === want)) return propose;
    return pass(legal);
  };
  const first = roles(level)[0];
  const { outcome, indicators } = playOut(level, first, steer, steer, 1, carried);
  return outcome ? { ratified: outcome.kind === 'agreement', indicators, scores: outcome.scores } : null;
}
