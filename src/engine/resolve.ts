import type { Level, LevelEvent } from '../levels/schema';
import { type MoveDef, moveDef, moveName, roles, vetoHolders } from './catalog';
import { holds } from './conditions';
import { applyDeal, joinLabels, optionIndex } from './deal';
import { applyEffects, effectsForKinds, firstValue } from './indicators';
import { contributionEffects } from './mechanics/burden';
import { allyJoins, coalitionPressure } from './mechanics/coalition';
import { appealToPrinciple } from './mechanics/principle';
import { pressShift } from './mechanics/pressure';
import { securityFailure, securityMeasure } from './mechanics/security';
import { reframedSalience } from './mechanics/sovereignty';
import { facilitationEffects } from './mechanics/thickening';
import { refusalEffects, resistanceCost } from './mechanics/trust';
import { MAX_TIED_HANDS } from './mechanics/twoLevel';
import type { Deal, LogEntry, Message, Move, NegotiationContext, Outcome, Proposal, Role, SessionInput } from './model';
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
const PHASE: Record<string, number> = { accept: 0, reject: 0, propose: 2 };

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
    .sort((a, b) => (PHASE[a.def.kind] ?? 1) - (PHASE[b.def.kind] ?? 1) || a.order - b.order);
  const vetoes = vetoHolders(level);
  const acceptedByAll = () => ctx.table.find((p) => vetoes.every((r) => p.accepted.includes(r)));
  // An offer binds once every veto holder has accepted it: a new proposal later in the same round
  // does not take back a package the others accepted while it stood.
  let agreed: Proposal | undefined;
  for (const { role, move, def } of chosen) {
    if (!agreed && (PHASE[def.kind] ?? 1) > 0) agreed = acceptedByAll();
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
  const change = (effects: Record<string, number>) => applyEffects(level, ctx.indicators, effects, entry.deltas);
  const addPressure = (actor: Role, issue: string, perOption: readonly number[]) => {
    const current = own(own(ctx.pressure, actor), issue) ?? level.issues[issue].options.map(() => 0);
    ctx.pressure[actor] = { ...own(ctx.pressure, actor), [issue]: current.map((v, i) => Math.round((v + (perOption[i] ?? 0)) * 10) / 10) };
  };

  switch (move.kind) {
    case 'pass':
      ctx.capital[role] = Math.min(level.actors[role].capital.max, ctx.capital[role] + 1);
      break;
    case 'propose': {
      const deal = move.deal;
      ctx.table = ctx.table.filter((p) => p.by !== role);
      ctx.table.push({ by: role, deal, round: ctx.round, accepted: [role] });
      params.deal = describeDeal(level, deal);
      break;
    }
    case 'accept': {
      const p = ctx.table.find((x) => x.by === move.to);
      // Another seat's reject earlier in this round may have taken the proposal off the table.
      if (!p) {
        params.to = name(level, move.to);
        break;
      }
      p.accepted = [...p.accepted, role];
      params.to = name(level, p.by);
      break;
    }
    case 'reject': {
      const p = ctx.table.find((x) => x.by === move.to);
      if (!p) {
        params.to = name(level, move.to);
        break;
      }
      ctx.table = ctx.table.filter((x) => x !== p);
      params.to = name(level, p.by);
      if (level.actors[p.by].power > level.actors[role].power) {
        entry.mechanic = 'trust';
        change(effectsForKinds(level, role, { trust: -resistanceCost(firstValue(level, ctx.indicators, 'trust', role, p.by)) }, p.by));
      }
      break;
    }
    case 'sound_out': {
      const to = move.to;
      const issues = Object.keys(level.issues);
      const issue = issues[Math.floor(draw(ctx) * issues.length)];
      const values = own(level.issues[issue].value, to) ?? [];
      const best = values.indexOf(Math.max(...values));
      const option = level.issues[issue].options[Math.max(0, best)].id;
      ctx.revealed[role] = [...(own(ctx.revealed, role) ?? []), { round: ctx.round, about: to, issue, option }];
      params.to = name(level, to);
      break;
    }
    case 'appeal_to_principle': {
      const principle = level.principles[move.principle];
      const to = move.to;
      const earlier = ctx.log.filter((e) => e.actor === role && e.type === 'move');
      const result = appealToPrinciple({
        resonanceThere: own(principle.resonance, to) ?? 0,
        resonanceHome: own(principle.resonance, role) ?? 0,
        contradictions: earlier.filter((e) => e.move?.deal && !principle.favours.includes(e.move.deal[principle.issue])).length,
        repeats: earlier.filter((e) => e.move?.principle === move.principle).length,
      });
      entry.mechanic = 'principle';
      entry.message.key = result.backfired ? 'log.appeal_backfired' : 'log.appeal_to_principle';
      params.principle = principle.statement;
      params.to = name(level, to);
      if (result.pressure) {
        addPressure(
          to,
          principle.issue,
          level.issues[principle.issue].options.map((o) => (principle.favours.includes(o.id) ? result.pressure : 0)),
        );
      }
      change(effectsForKinds(level, role, { approval: result.approvalHome }));
      if (result.trustLost) change(effectsForKinds(level, role, { trust: -result.trustLost }, to));
      break;
    }
    case 'build_coalition': {
      const ally = level.allies[move.ally];
      const issue = move.issue;
      if (!allyJoins(ally.issues, issue)) break;
      const interest = level.issues[issue].options.map((o) => o.effects?.[ally.interest] ?? 0);
      addPressure(ally.target, issue, coalitionPressure(ally.influence, interest, firstValue(level, ctx.indicators, 'alignment', role)));
      ctx.coalitions.push({ by: role, ally: move.ally, issue, round: ctx.round });
      entry.mechanic = 'coalition';
      params.ally = ally.name;
      params.issue = level.issues[issue].title;
      params.to = name(level, ally.target);
      break;
    }
    case 'tie_hands':
      ctx.tiedHands[role] = Math.min(MAX_TIED_HANDS, (own(ctx.tiedHands, role) ?? 0) + 1);
      entry.mechanic = 'two_level';
      change(effectsForKinds(level, role, { approval: 1 }));
      break;
    case 'link_issues': {
      const issues = move.issues;
      ctx.links.push({ by: role, issues, round: ctx.round });
      entry.mechanic = 'linkage';
      params.a = level.issues[issues[0]].title;
      params.b = level.issues[issues[1]].title;
      break;
    }
    case 'reframe': {
      const issue = move.issue;
      ctx.salience[issue] = reframedSalience(own(ctx.salience, issue) ?? 1);
      entry.mechanic = 'sovereignty';
      params.issue = level.issues[issue].title;
      break;
    }
    case 'contribute': {
      const prior =
        Object.entries(own(ctx.moveCounts, role) ?? {})
          .filter(([id]) => moveDef(level, role, id)?.kind === 'contribute')
          .reduce((s, [, n]) => s + n, 0) - 1;
      entry.mechanic = 'burden_sharing';
      change(effectsForKinds(level, role, contributionEffects(def.amount, prior, def.arena)));
      break;
    }
    case 'raise_security':
      entry.mechanic = 'security_dilemma';
      change(effectsForKinds(level, role, securityMeasure(def.amount, firstValue(level, ctx.indicators, 'expectation', role) ?? 0)));
      break;
    case 'facilitate':
      entry.mechanic = 'thickening';
      change(effectsForKinds(level, role, facilitationEffects(def.amount)));
      break;
    case 'press': {
      const to = def.target ?? move.to ?? role;
      const shift = pressShift(level.actors[role].power, level.actors[to].power);
      for (const [issue, def2] of Object.entries(level.issues)) {
        const mine = own(def2.value, role) ?? [];
        const top = Math.max(...mine);
        addPressure(
          to,
          issue,
          mine.map((v) => (v === top ? shift : 0)),
        );
      }
      entry.mechanic = 'pressure';
      params.to = name(level, to);
      break;
    }
    case 'refuse': {
      const effects = refusalEffects(firstValue(level, ctx.indicators, 'trust', role));
      entry.mechanic = 'trust';
      change(effectsForKinds(level, role, effects));
      break;
    }
    default:
      break;
  }
  params.move = moveName(def, def.id);
  return entry;
}

function describeDeal(level: Level, deal: Deal) {
  return joinLabels(Object.entries(deal).map(([issue, option]) => level.issues[issue].options[optionIndex(level, issue, option)].label));
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
