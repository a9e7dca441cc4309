import type { Condition, Level, Objective, Text } from '../levels/schema';
import { type MoveDef, movesFor, roles } from './catalog';
import type { LogEntry, NegotiationContext, Outcome, Proposal, RatificationResult, Reveal, Role } from './model';
import { own } from './own';
import { lastRound } from './instruction';
import { inner, memo } from './memo';

export type Phase = 'briefing' | 'choosing' | 'debrief';
export type SeatStatus = 'waiting' | 'choosing' | 'chosen' | 'done';

export interface IndicatorView {
  id: string;
  name: Text;
  describe?: Text;
  kind: string;
  value: number;
  start: number;
  range: [number, number];
  unit?: string | Text;
  held_by?: Role;
  about?: Role;
  higher_is: 'better' | 'worse';
}

/** What is confidential to one role: revealed to everyone at the debrief, to no one before. */
export interface ConfidentialView {
  brief?: Text;
  /** What this role falls back on if talks fail. */
  fallback?: Text;
  objectives: Objective[];
  values: Record<string, number[]>;
  pressure: Record<string, number[]>;
  tiedHands: number;
  /** The role's own home level: who ratifies, the least value it accepts, and what it requires. */
  ratification?: { body: Text; min_value: number; requires: Condition[] };
}

/**
 * What one seat may see. The authority (the session, or the classroom server) builds this and sends
 * only this: no other role's brief, objectives, valuations, domestic pressure or pending move, and not
 * the random seed.
 */
export interface PlayerView {
  role: Role;
  phase: Phase;
  round: number;
  rounds: number;
  level: Pick<
    Level,
    'id' | 'title' | 'date' | 'situation' | 'sources' | 'works' | 'deadline' | 'round_length' | 'questions' | 'win_at' | 'border'
  >;
  actors: Record<
    Role,
    {
      name: Text;
      seat: string;
      veto: boolean;
      power: number;
      emblem: string;
      initials?: string;
      colour?: string;
      /** Who speaks for the side, and its public positions (public like its signals). */
      negotiator?: Level['actors'][string]['negotiator'];
      signals: Text[];
      status: SeatStatus;
    }
  >;
  indicators: IndicatorView[];
  issues: { id: string; title: Text; describe?: Text; salience: number; options: Level['issues'][string]['options'] }[];
  principles: Level['principles'];
  allies: Level['allies'];
  /** The seat's own moves; `effects` are the indicator changes a configured move adds, as its card shows them, and `target` the side a move is aimed at. */
  moves: Pick<MoveDef, 'id' | 'kind' | 'cost' | 'label' | 'describe' | 'source' | 'effects' | 'target'>[];
  capital: number;
  capitalPerRound: number;
  /** The most capital the seat can hold: refills and waiting stop there. */
  capitalMax: number;
  chosen: boolean;
  table: Proposal[];
  links: NegotiationContext['links'];
  coalitions: NegotiationContext['coalitions'];
  /** What happened, as this seat may know it: other seats' private reasons are left out until the debrief. */
  log: LogEntry[];
  history: Record<string, number>[];
  revealed: Reveal[];
  me: ConfidentialView;
  /** Each home level's verdict; another role's value, threshold and failed requirements only at the debrief. */
  ratification: RatificationView[] | null;
  outcome: Outcome | null;
  /** At the debrief, every role's confidential view, so the deal space can be shown and discussed. */
  everyone?: Record<Role, ConfidentialView>;
  history_deal?: Level['history'];
}

/** A home level's verdict as a seat sees it: whether it ratified, and the figures when they are its own (or the level is over). */
export type RatificationView = Pick<RatificationResult, 'actor' | 'ratified'> &
  Partial<Pick<RatificationResult, 'value' | 'threshold' | 'failed'>>;

// What a view shows of the level itself never changes, so those parts are built once per level (and role) and shared.
const publicLevels = new WeakMap<Level, PlayerView['level']>();
const publicMoves = new WeakMap<Level, Map<Role, PlayerView['moves']>>();
const ownValues = new WeakMap<Level, Map<Role, ConfidentialView['values']>>();

/** A log entry as a seat sees it: another seat's move keeps what it said in public, not its private reason. */
function entryFor(entry: LogEntry, role: Role, debrief: boolean): LogEntry {
  if (debrief || !entry.move?.reason || entry.actor === role) return entry;
  const { reason: _private, ...move } = entry.move;
  return { ...entry, move };
}

function confidential(level: Level, ctx: NegotiationContext, role: Role): ConfidentialView {
  const rule = own(level.ratification, role);
  return {
    brief: own(level.actors, role)?.brief,
    fallback: own(level.fallback.roles, role),
    objectives: own(level.objectives, role) ?? [],
    values: memo(inner(ownValues, level), role, () =>
      Object.fromEntries(Object.entries(level.issues).map(([id, issue]) => [id, own(issue.value, role) ?? []])),
    ),
    pressure: own(ctx.pressure, role) ?? {},
    tiedHands: own(ctx.tiedHands, role) ?? 0,
    ratification: rule ? { body: rule.body, min_value: rule.min_value, requires: rule.requires } : undefined,
  };
}

/**
 * Views already built, per context: a context is never changed once made, so a seat's view of it (in a phase,
 * with the seats' statuses) is built once however often a table, a server or an AI asks. Read-only, like the
 * context it shares its parts with.
 */
const viewsByContext = new WeakMap<NegotiationContext, Map<string, PlayerView>>();

export function playerView(
  level: Level,
  ctx: NegotiationContext,
  phase: Phase,
  statuses: Record<Role, SeatStatus>,
  role: Role,
): PlayerView {
  let key = `${role}\u0000${phase}`;
  for (const r of roles(level)) key += `\u0000${statuses[r]}`;
  return memo(inner(viewsByContext, ctx), key, () => buildView(level, ctx, phase, statuses, role));
}

function buildView(level: Level, ctx: NegotiationContext, phase: Phase, statuses: Record<Role, SeatStatus>, role: Role): PlayerView {
  const debrief = phase === 'debrief';
  return {
    role,
    phase,
    round: ctx.round,
    rounds: lastRound(level, ctx),
    level: memo(publicLevels, level, () => ({
      id: level.id,
      title: level.title,
      date: level.date,
      situation: level.situation,
      sources: level.sources,
      works: level.works,
      deadline: level.deadline,
      round_length: level.round_length,
      questions: level.questions,
      win_at: level.win_at,
      border: level.border,
    })),
    actors: Object.fromEntries(
      roles(level).map((r) => {
        const a = level.actors[r];
        return [
          r,
          {
            name: a.name,
            seat: a.seat,
            veto: a.veto,
            power: a.power,
            emblem: a.emblem,
            initials: a.initials,
            colour: a.colour,
            negotiator: a.negotiator,
            signals: a.signals,
            status: statuses[r] ?? 'waiting',
          },
        ];
      }),
    ),
    indicators: Object.entries(level.indicators).map(([id, ind]) => ({
      id,
      name: ind.name,
      describe: ind.describe,
      kind: ind.kind,
      value: ctx.indicators[id],
      start: ctx.history[0]?.[id] ?? ind.start,
      range: ind.range,
      unit: ind.unit,
      held_by: ind.held_by,
      about: ind.about,
      higher_is: ind.higher_is,
    })),
    issues: Object.entries(level.issues).map(([id, issue]) => ({
      id,
      title: issue.title,
      describe: issue.describe,
      salience: ctx.salience[id] ?? issue.salience,
      options: issue.options,
    })),
    principles: level.principles,
    allies: level.allies,
    moves: memo(inner(publicMoves, level), role, () =>
      movesFor(level, role).map(({ id, kind, cost, label, describe, source, effects, target }) => ({
        id,
        kind,
        cost,
        label,
        describe,
        source,
        effects,
        target,
      })),
    ),
    capital: own(ctx.capital, role) ?? 0,
    capitalPerRound: own(level.actors, role)?.capital.per_round ?? 0,
    capitalMax: own(level.actors, role)?.capital.max ?? 0,
    chosen: own(ctx.pending, role) !== null && own(ctx.pending, role) !== undefined,
    table: ctx.table,
    links: ctx.links,
    coalitions: ctx.coalitions,
    log: ctx.log.map((e) => entryFor(e, role, debrief)),
    history: ctx.history,
    revealed: own(ctx.revealed, role) ?? [],
    me: confidential(level, ctx, role),
    ratification: ctx.ratification?.map((r) => (debrief || r.actor === role ? r : { actor: r.actor, ratified: r.ratified })) ?? null,
    outcome: ctx.outcome,
    everyone: debrief ? Object.fromEntries(roles(level).map((r) => [r, confidential(level, ctx, r)])) : undefined,
    history_deal: debrief ? level.history : undefined,
  };
}
