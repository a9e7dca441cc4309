import type { Level, LevelEvent } from '../levels/schema';
import { type MoveDef, moveDef, moveName, roles, vetoHolders } from './catalog';
import { holds } from './conditions';
import { applyDeal } from './deal';
import { applyEffects, effectsForKinds, firstValue } from './indicators';
import { securityFailure } from './mechanics/security';
import { moveKind } from './moves';
import type { LogEntry, Message, Move, NegotiationContext, Outcome, Proposal, Role, SessionInput } from './model';
import { homeVerdicts } from './ratify';
import { nextRandom, seedState } from './rng';
import { own } from './own';
import { moveCost, timesMade } from './rules';
import { scoreRole } from './scoring';

/** The context a session starts from: level start values, or values carried from an earlier level. */
export function initialContext({ level, seed, carried = {} }: SessionInput): NegotiationContext {
  const indicators = Object.fromEntries(
    Object.entries(level.indicators).map(([id, ind]) => {
      const carriedValue = own(carried, id);
      const v = level.carry.includes(id) && typeof carriedValue === 'number' && Number.isFinite(carriedValue) ? carriedValue : ind.start;
      return [id, Math.min(ind.range[1], Math.max(ind.range[0], v))];
    }),
  );
  const rs = roles(level);
  return {
    seed,
    rng: seedState(seed),
    round: 0,
    indicators,
    capital: Object.fromEntries(rs.map((r) => [r, level.actors[r].capital.start])),
    salience: Object.fromEntries(Object.entries(level.issues).map(([id, issue]) => [id, issue.salience])),
    pressure: {},
    tiedHands: {},
    links: [],
    coalitions: [],
    moveCounts: {},
    table: [],
    pending: Object.fromEntries(rs.map((r) => [r, null])),
    agreement: null,
    ratification: null,
    firedEvents: [],
    revealed: {},
    log: [],
    history: [{ ...indicators }],
    outcome: null,
  };
}

/**
 * A working copy of the context for one step: every part a step may change is copied, the rest
 * (past log entries, past history rows) is shared, since nothing ever changes them in place.
 */
function draft(ctx: NegotiationContext): NegotiationContext {
  return {
    ...ctx,
    indicators: { ...ctx.indicators },
    capital: { ...ctx.capital },
    salience: { ...ctx.salience },
    pressure: { ...ctx.pressure },
    tiedHands: { ...ctx.tiedHands },
    links: [...ctx.links],
    coalitions: [...ctx.coalitions],
    moveCounts: { ...ctx.moveCounts },
    table: ctx.table.map((p) => ({ ...p })),
    pending: { ...ctx.pending },
    revealed: { ...ctx.revealed },
    log: [...ctx.log],
    firedEvents: [...ctx.firedEvents],
    history: [...ctx.history],
  };
}

const name = (level: Level, role: Role) => own(level.actors, role)?.name ?? { en: role };

function draw(ctx: NegotiationContext): number {
  const [value, next] = nextRandom(ctx.rng);
  ctx.rng = next;
  return value;
}

/** Open the next round: refill capital, then let due events happen. */
export function openRound(level: Level, previous: NegotiationContext): NegotiationContext {
  const ctx = draft(previous);
  ctx.round += 1;
  for (const r of roles(level)) {
    const cap = level.actors[r].capital;
    if (ctx.round > 1) ctx.capital[r] = Math.min(cap.max, (ctx.capital[r] ?? 0) + cap.per_round);
    ctx.pending[r] = null;
  }
  for (const event of level.events) {
    if (event.once && ctx.firedEvents.includes(event.id)) continue;
    if (!holds(level, ctx, event.when)) continue;
    if (event.chance < 1 && draw(ctx) >= event.chance) continue;
    fire(level, ctx, event);
  }
  return ctx;
}

/** An event of the level happens now, whatever its condition (an instructor deals it): its effects and its news card. */
export function happen(level: Level, previous: NegotiationContext, event: LevelEvent): NegotiationContext {
  const ctx = draft(previous);
  fire(level, ctx, event);
  return ctx;
}

function fire(level: Level, ctx: NegotiationContext, event: LevelEvent): void {
  const deltas = applyEffects(level, ctx.indicators, event.effects);
  if (event.failure) {
    for (const holder of securityHolders(level)) {
      const expectation = firstValue(level, ctx.indicators, 'expectation', holder) ?? 0;
      const failure = effectsForKinds(level, holder, securityFailure(event.failure, expectation));
      applyEffects(level, ctx.indicators, failure, deltas);
    }
  }
  ctx.firedEvents.push(event.id);
  ctx.log.push({
    round: ctx.round,
    type: 'event',
    mechanic: event.failure ? 'security_dilemma' : undefined,
    message: { key: 'log.event', params: { news: event.news } },
    deltas,
  });
}

function securityHolders(level: Level): Role[] {
  return [
    ...new Set(
      Object.values(level.indicators)
        .filter((i) => i.kind === 'security' && i.held_by)
        .map((i) => i.held_by as Role),
    ),
  ];
}

export function recordMove(previous: NegotiationContext, role: Role, move: Move): NegotiationContext {
  return { ...previous, pending: { ...previous.pending, [role]: move } };
}

export function everyoneHasChosen(level: Level, ctx: NegotiationContext): boolean {
  return roles(level).every((r) => ctx.pending[r] !== null);
}

/** Answers to the table first, then every other move, then new proposals; within each, actors in level order. */
const ORDER = { answer: 0, act: 1, table: 2 } as const;
const phaseOf = (def: MoveDef) => ORDER[moveKind(def.kind).phase];

/** Resolve the round's chosen moves in a fixed order and look for a package every veto holder accepts. */
export function resolveRound(level: Level, previous: NegotiationContext): NegotiationContext {
  const ctx = draft(previous);
  const chosen = roles(level)
    .map((role, order) => ({
      role,
      order,
      move: ctx.pending[role] as Move,
      def: moveDef(level, role, (ctx.pending[role] as Move).id) as MoveDef,
    }))
    .sort((a, b) => phaseOf(a.def) - phaseOf(b.def) || a.order - b.order);
  const vetoes = vetoHolders(level);
  const acceptedByAll = () => ctx.table.find((p) => vetoes.every((r) => p.accepted.includes(r)));
  // An offer binds once every veto holder has accepted it: a new proposal later in the same round
  // does not take back a package the others accepted while it stood.
  let agreed: Proposal | undefined;
  for (const { role, move, def } of chosen) {
    if (!agreed && phaseOf(def) > 0) agreed = acceptedByAll();
    ctx.capital[role] -= moveCost(level, def, move);
    ctx.moveCounts[role] = { ...own(ctx.moveCounts, role), [def.id]: timesMade(ctx, role, def.id) + 1 };
    const entry = applyMove(level, ctx, role, move, def);
    if (def.effects) applyEffects(level, ctx.indicators, def.effects, entry.deltas);
    ctx.log.push(entry);
  }
  agreed ??= acceptedByAll();
  if (agreed) {
    ctx.agreement = agreed;
    ctx.log.push({
      round: ctx.round,
      type: 'agreement',
      actor: agreed.by,
      message: { key: 'log.agreement', params: { actor: name(level, agreed.by) } },
      deltas: {},
    });
  }
  return ctx;
}

/** What a move does, as its kind's module says, recorded in a log entry. */
function applyMove(level: Level, ctx: NegotiationContext, role: Role, move: Move, def: MoveDef): LogEntry {
  const entry: LogEntry = {
    round: ctx.round,
    actor: role,
    move,
    type: 'move',
    message: { key: `log.${def.kind}`, params: { actor: name(level, role) } },
    deltas: {},
  };
  const params = entry.message.params as NonNullable<Message['params']>;
  moveKind(move.kind).resolve(
    {
      level,
      ctx,
      role,
      def,
      entry,
      params,
      change: (effects) => applyEffects(level, ctx.indicators, effects, entry.deltas),
      addPressure(actor, issue, perOption) {
        const current = own(own(ctx.pressure, actor), issue) ?? level.issues[issue].options.map(() => 0);
        ctx.pressure[actor] = {
          ...own(ctx.pressure, actor),
          [issue]: current.map((v, i) => Math.round((v + (perOption[i] ?? 0)) * 10) / 10),
        };
      },
      draw: () => draw(ctx),
      name: (r) => name(level, r),
      earlier: () => ctx.log.filter((e) => e.actor === role && e.type === 'move' && e.move).map((e) => e.move as Move),
    },
    move,
  );
  params.move = moveName(def, def.id);
  return entry;
}

/** Send the agreed package home: each domestic level ratifies only inside its win-set. */
export function ratify(level: Level, previous: NegotiationContext): NegotiationContext {
  const ctx = draft(previous);
  const results = homeVerdicts(level, ctx, (ctx.agreement as Proposal).deal);
  ctx.ratification = results;
  for (const r of results) {
    ctx.log.push({
      round: ctx.round,
      actor: r.actor,
      type: 'ratification',
      mechanic: 'two_level',
      message: {
        key: r.ratified ? 'log.ratified' : 'log.not_ratified',
        params: { actor: name(level, r.actor), body: level.ratification[r.actor].body },
      },
      deltas: {},
    });
  }
  return ctx;
}

export function isRatified(ctx: NegotiationContext): boolean {
  return ctx.agreement !== null && (ctx.ratification ?? []).every((r) => r.ratified);
}

/** The package failed at home: it leaves the table and talks go on. */
export function dropFailedAgreement(previous: NegotiationContext): NegotiationContext {
  const ctx = draft(previous);
  const failed = ctx.agreement as Proposal;
  ctx.table = ctx.table.filter((p) => p.by !== failed.by);
  ctx.agreement = null;
  return ctx;
}

export function closeRound(previous: NegotiationContext): NegotiationContext {
  const ctx = draft(previous);
  ctx.history.push({ ...ctx.indicators });
  return ctx;
}

/** End the level: the ratified package takes effect, or each side falls back at the deadline. */
export function conclude(level: Level, previous: NegotiationContext, kind: Outcome['kind']): NegotiationContext {
  const ctx = draft(previous);
  const deal = kind === 'agreement' ? (ctx.agreement as Proposal).deal : null;
  const deltas = deal ? applyDeal(level, ctx, ctx.indicators, deal) : applyEffects(level, ctx.indicators, level.fallback.effects);
  ctx.log.push({
    round: ctx.round,
    type: kind === 'agreement' ? 'agreement' : 'deadline',
    message: {
      key: kind === 'agreement' ? 'log.deal_in_force' : 'log.deadline',
      params: kind === 'agreement' ? {} : { deadline: level.deadline },
    },
    deltas,
  });
  ctx.history[ctx.history.length - 1] = { ...ctx.indicators };
  ctx.outcome = {
    kind,
    deal,
    round: ctx.round,
    scores: Object.fromEntries(roles(level).map((r) => [r, scoreRole(level, r, ctx.indicators, deal)])),
  };
  return ctx;
}
