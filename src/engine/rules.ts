import type { Level } from '../levels/schema';
import { type MoveDef, moveDef, movesFor, roles, TABLE_KINDS } from './catalog';
import { holds } from './conditions';
import { allDeals, issueIds, optionOf, sameDeal } from './deal';
import { MAX_TIED_HANDS } from './mechanics/twoLevel';
import type { Message, Move, NegotiationContext, Role } from './model';
import { own } from './own';

/** Capital a move costs: its own cost plus, for a coalition, the ally's price. */
export function moveCost(level: Level, def: MoveDef, move: Move): number {
  if (move.kind === 'build_coalition') return def.cost + (own(level.allies, move.ally)?.cost ?? 0);
  return def.cost;
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
  if (TABLE_KINDS.includes(def.kind) && level.actors[role].seat !== 'table') return reason('not_at_table');
  if (def.limit !== undefined && timesMade(ctx, role, def.id) >= def.limit) return reason('limit', { count: def.limit });
  if (!holds(level, ctx, def.requires)) return reason('requires');
  return null;
}

/** What is wrong with this particular use of a move: its price and its arguments. */
function argumentProblem(level: Level, ctx: NegotiationContext, role: Role, def: MoveDef, move: Move): Message | null {
  const cost = moveCost(level, def, move);
  const capital = own(ctx.capital, role) ?? 0;
  if (cost > capital) return reason('capital', { need: cost, have: capital });
  const other = (r: Role | undefined) => r !== undefined && r !== role && Object.hasOwn(level.actors, r);

  switch (move.kind) {
    case 'propose': {
      const deal = move.deal;
      const issues = issueIds(level);
      if (Object.keys(deal).length !== issues.length) return reason('incomplete_deal');
      for (const issue of issues) {
        const option = optionOf(level, issue, deal[issue]);
        if (!option) return reason('incomplete_deal');
        if (!holds(level, ctx, option.requires)) return reason('option_locked', { issue: level.issues[issue].title, option: option.label });
      }
      const mine = ctx.table.find((p) => p.by === role);
      if (mine && sameDeal(mine.deal, deal)) return reason('same_proposal');
      return null;
    }
    case 'accept':
    case 'reject': {
      const p = ctx.table.find((x) => x.by === move.to);
      if (!other(move.to) || !p) return reason('no_proposal');
      if (move.kind === 'accept' && p.accepted.includes(role)) return reason('already_accepted');
      return null;
    }
    case 'sound_out':
      return other(move.to) ? null : reason('bad_target');
    case 'appeal_to_principle':
      if (!own(level.principles, move.principle)) return reason('bad_principle');
      return other(move.to) ? null : reason('bad_target');
    case 'build_coalition': {
      const ally = own(level.allies, move.ally);
      if (!ally) return reason('bad_ally');
      const allowed = ally.available_to ?? roles(level).filter((r) => level.actors[r].seat === 'table');
      if (!allowed.includes(role)) return reason('ally_unavailable', { ally: ally.name });
      if (!ally.issues.includes(move.issue)) return reason('ally_issue', { ally: ally.name });
      if (ctx.coalitions.some((c) => c.ally === move.ally && c.issue === move.issue)) return reason('ally_taken', { ally: ally.name });
      return null;
    }
    case 'tie_hands':
      return (own(ctx.tiedHands, role) ?? 0) >= MAX_TIED_HANDS ? reason('hands_tied') : null;
    case 'link_issues': {
      const [a, b] = move.issues;
      if (a === b || !Object.hasOwn(level.issues, a) || !Object.hasOwn(level.issues, b)) return reason('bad_link');
      if (def.pairs && !def.pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return reason('link_not_offered');
      if (ctx.links.some((l) => l.issues.includes(a) && l.issues.includes(b))) return reason('already_linked');
      return null;
    }
    case 'reframe':
      if (!Object.hasOwn(level.issues, move.issue)) return reason('bad_issue');
      return (own(ctx.salience, move.issue) ?? 1) <= 0.25 ? reason('salience_floor') : null;
    case 'press':
      // A move that names its own target takes no other.
      if (def.target !== undefined && move.to !== undefined && move.to !== def.target) return reason('bad_target');
      return other(def.target ?? move.to) ? null : reason('bad_target');
    default:
      return null;
  }
}

/** How many times a role has made a move in this level. */
export function timesMade(ctx: NegotiationContext, role: Role, id: string): number {
  return own(own(ctx.moveCounts, role), id) ?? 0;
}

/** Every legal move for a role now, with arguments filled in (packages, targets, allies...). */
export function legalMoves(level: Level, ctx: NegotiationContext, choosing: boolean, role: Role): Move[] {
  if (!choosing) return [];
  const usable = new Map(movesFor(level, role).map((def) => [def.id, seatProblem(level, ctx, choosing, role, def) === null]));
  return candidateMoves(level, ctx, role).filter((m) => {
    const def = moveDef(level, role, m.id);
    return def !== undefined && usable.get(m.id) === true && argumentProblem(level, ctx, role, def, m) === null;
  });
}

/** The moves worth asking the rules about: each of the role's moves with every argument it could take. */
export function candidateMoves(level: Level, ctx: NegotiationContext, role: Role): Move[] {
  if (!Object.hasOwn(level.actors, role) || own(ctx.pending, role)) return [];
  const others = roles(level).filter((r) => r !== role);
  const issues = Object.keys(level.issues);
  const candidates: Move[] = [];
  for (const def of movesFor(level, role)) {
    const id = def.id;
    const kind = def.kind;
    switch (kind) {
      case 'propose':
        for (const deal of allDeals(level)) candidates.push({ kind, id, deal });
        break;
      case 'accept':
      case 'reject':
        for (const p of ctx.table) candidates.push({ kind, id, to: p.by });
        break;
      case 'sound_out':
        for (const to of others) candidates.push({ kind, id, to });
        break;
      case 'appeal_to_principle':
        for (const principle of Object.keys(level.principles)) for (const to of others) candidates.push({ kind, id, principle, to });
        break;
      case 'build_coalition':
        for (const [ally, def2] of Object.entries(level.allies))
          for (const issue of def2.issues) candidates.push({ kind, id, ally, issue });
        break;
      case 'link_issues':
        if (def.pairs) for (const [a, b] of def.pairs) candidates.push({ kind, id, issues: [a, b] });
        else
          issues.forEach((a, i) => {
            for (const b of issues.slice(i + 1)) candidates.push({ kind, id, issues: [a, b] });
          });
        break;
      case 'reframe':
        for (const issue of issues) candidates.push({ kind, id, issue });
        break;
      case 'press':
        if (def.target) candidates.push({ kind, id });
        else for (const to of others) candidates.push({ kind, id, to });
        break;
      default:
        candidates.push({ kind, id });
    }
  }
  return candidates;
}
