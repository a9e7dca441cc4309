import type { Condition, Level } from '../levels/schema';
import { type MoveDef, moveDef, movesFor } from './catalog';
import { holds } from './conditions';
import { inner, memo } from './memo';
import type { Message, Move, NegotiationContext, Role } from './model';
import { moveKind } from './moves';
import { own } from './own';

/** Capital a move costs: its own cost plus, for a coalition, the ally's price. */
export function moveCost(level: Level, def: MoveDef, move: Move): number {
  return def.cost + (move.ally === undefined ? 0 : (own(level.allies, move.ally)?.cost ?? 0));
}

const reason = (key: string, params?: Message['params']): Message => ({ key: `reason.${key}`, params });

/**
 * Why a move is not legal now, or null when it is. The machine's guard and the UI's "why is this
 * greyed out" both come from here, so they never disagree.
 */
export function whyIllegal(level: Level, ctx: NegotiationContext, choosing: boolean, role: Role, move: Move): Message | null {
  const def = moveDef(level, role, move.id);
  if (def && def.kind !== move.kind) return reason('malformed');
  return (
    seatProblem(level, ctx, choosing, role, def) ??
    (def ? argumentProblem(level, ctx, role, def, move) : reason('unknown_move', { move: move.id }))
  );
}

/**
 * Moves the session has just checked against a context, so the machine's guard, which sees the same event
 * against the same context, need not check them again. Any other event, or a changed context, is checked in full.
 */
const vouched = new WeakMap<object, NegotiationContext>();

export function vouch(event: object, ctx: NegotiationContext): void {
  vouched.set(event, ctx);
}

/** The machine's guard: a move is legal now (checked in full unless the session has just checked this very event). */
export function isLegalMove(level: Level, ctx: NegotiationContext, event: { role: Role; move: Move }): boolean {
  const checked = vouched.get(event) === ctx;
  // Forgotten once read: the session's log keeps the event, which would otherwise keep that context (and what is cached on it) alive.
  vouched.delete(event);
  return checked || whyIllegal(level, ctx, true, event.role, event.move) === null;
}

/** Whether a seat may move now, before its move is read (the role is whatever a stranger sent). */
export function seatClosed(level: Level, ctx: NegotiationContext, choosing: boolean, role: unknown): Message | null {
  if (typeof role !== 'string' || !Object.hasOwn(level.actors, role))
    return reason('unknown_role', { role: typeof role === 'string' ? role.slice(0, 80) : '?' });
  return seatProblem(level, ctx, choosing, role, undefined);
}

/** What stops a role making a move at all now, whatever its arguments. */
function seatProblem(level: Level, ctx: NegotiationContext, choosing: boolean, role: Role, def: MoveDef | undefined): Message | null {
  if (!Object.hasOwn(level.actors, role)) return reason('unknown_role', { role: role.slice(0, 80) });
  if (!choosing) return reason('not_now');
  if (ctx.pending[role]) return reason('already_chosen');
  if (!def) return null;
  if (moveKind(def.kind).tableOnly && level.actors[role].seat !== 'table') return reason('not_at_table');
  if (def.limit !== undefined && timesMade(ctx, role, def.id) >= def.limit) return reason('limit', { count: def.limit });
  if (!holds(level, ctx, def.requires)) {
    const from = firstRound(def.requires);
    return from !== null && ctx.round < from ? reason('requires_round', { round: from }) : reason('requires');
  }
  return null;
}

/** The first round a condition that tests only the round allows ({ round: { at_least: 2 } }); null for any other condition. */
function firstRound(c: Condition | undefined): number | null {
  const r = c?.round;
  if (!c || r === undefined || Object.keys(c).some((k) => k !== 'round')) return null;
  if (typeof r === 'number') return r;
  const keys = Object.keys(r).filter((k) => r[k as keyof typeof r] !== undefined);
  if (keys.length !== 1) return null;
  if (r.at_least !== undefined) return Math.ceil(r.at_least);
  if (r.above !== undefined) return Math.floor(r.above) + 1;
  return null;
}

/** What is wrong with this particular use of a move: its price, then what its kind's module checks. */
function argumentProblem(level: Level, ctx: NegotiationContext, role: Role, def: MoveDef, move: Move): Message | null {
  const cost = moveCost(level, def, move);
  const capital = own(ctx.capital, role) ?? 0;
  if (cost > capital) return reason('capital', { need: cost, have: capital });
  return moveKind(move.kind).check?.(level, ctx, role, def, move) ?? null;
}

/** How many times a role has made a move in this level. */
export function timesMade(ctx: NegotiationContext, role: Role, id: string): number {
  return own(own(ctx.moveCounts, role), id) ?? 0;
}

/**
 * A context is never changed once made (every step of the machine makes a new one), so the legal moves of a
 * seat are worked out once per context: the session's AI seats, the machine and a server asking again after
 * every move all share them. The moves are frozen, since every caller gets the same objects.
 */
const legalByContext = new WeakMap<NegotiationContext, Map<Role, readonly Move[]>>();

/** Every legal move for a role now, with arguments filled in (packages, targets, allies...). A fresh list of frozen moves. */
export function legalMoves(level: Level, ctx: NegotiationContext, choosing: boolean, role: Role): Move[] {
  if (!choosing) return [];
  return [...memo(inner(legalByContext, ctx), role, () => findLegalMoves(level, ctx, role))];
}

function findLegalMoves(level: Level, ctx: NegotiationContext, role: Role): readonly Move[] {
  const legal: Move[] = [];
  if (!Object.hasOwn(level.actors, role) || own(ctx.pending, role)) return legal;
  for (const source of movesFor(level, role)) {
    // A move is checked against the first move of its id (as whyIllegal finds it).
    const def = moveDef(level, role, source.id) as MoveDef;
    if (seatProblem(level, ctx, true, role, def) !== null) continue;
    for (const m of moveKind(source.kind).candidates(level, ctx, role, source) as Move[])
      if (argumentProblem(level, ctx, role, def, m) === null) legal.push(frozen(m));
  }
  return legal;
}

/** A move and the arguments it holds (a package, a pair of issues), frozen (a level's proposals are frozen once, when made). */
function frozen(move: Move): Move {
  if (Object.isFrozen(move)) return move;
  for (const value of Object.values(move)) if (typeof value === 'object' && value !== null) Object.freeze(value);
  return Object.freeze(move);
}
