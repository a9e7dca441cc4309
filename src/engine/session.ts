import { type Actor, createActor } from 'xstate';
import { fail, ok, type Result } from '../levels/result';
import type { Level } from '../levels/schema';
import { roles } from './catalog';
import { type Instruction, parseInstruction } from './instruction';
import { parseMove, plainCopy } from './move';
import { type Checked, type Message, type Move, type MoveInput, type NegotiationContext, type Role, refused } from './model';
import { createNegotiationMachine, type NegotiationEvent, type NegotiationMachine } from './negotiation.machine';
import type { Control } from './party.machine';
import { nextRandom, seedState } from './rng';
import { legalMoves, seatClosed, vouch, whyIllegal } from './rules';
import { type Phase, type PlayerView, playerView, type SeatStatus } from './views';
import { memo } from './memo';
import { own } from './own';

/** The save format version. Bump it and add a migration when a save's shape changes. */
export const SAVE_FORMAT = 1;

/**
 * A policy plays a seat from that seat's own view and legal moves only. `random` is a generator
 * seeded from the session, so AI play is reproducible too.
 */
export type Policy = (view: PlayerView, legal: Move[], random: () => number) => MoveInput;

export interface SessionOptions {
  seed?: number;
  carried?: Record<string, number>;
  /** Which seats are played by a person and which by a policy (all human by default). */
  controls?: Record<Role, Control>;
  policies?: Record<Role, Policy>;
}

export interface SaveRecord {
  format: number;
  level: string;
  seed: number;
  carried?: Record<string, number>;
  controls?: Record<Role, Control>;
  events: NegotiationEvent[];
  snapshot?: unknown;
}

export type SendResult = Checked;

export interface Session {
  readonly level: Level;
  readonly seed: number;
  /** The accepted events, in order: with the level and seed, they reproduce the game. */
  readonly events: readonly NegotiationEvent[];
  start(): SendResult;
  /** Submit a seat's move. Anything may arrive here: a refused move changes nothing and says why. */
  send(role: Role, move: MoveInput): SendResult;
  /** An instruction from whoever runs the session (extend the deadline, an event now, a card): checked like a move, logged, replayed. */
  instruct(instruction: unknown): SendResult;
  /** Whether an instruction would be followed now, as a fresh checked copy, or why not; changes nothing. */
  checkInstruction(instruction: unknown): Checked<Instruction>;
  legalMoves(role: Role): Move[];
  whyIllegal(role: Role, move: MoveInput): Message | null;
  playerView(role: Role): PlayerView;
  phase(): Phase;
  context(): NegotiationContext;
  seats(): Record<Role, SeatStatus>;
  save(): SaveRecord;
  subscribe(listener: () => void): () => void;
  /** Let AI seats choose if it is their turn (after a restore, for example). */
  resume(): void;
  stop(): void;
}

const PHASES: Phase[] = ['briefing', 'choosing', 'debrief'];

function phaseOf(value: unknown): Phase {
  return PHASES.includes(value as Phase) ? (value as Phase) : 'choosing';
}

// A machine is only configuration (the level is closed over, the state lives in each actor), so every
// session of a level runs the same one.
const machines = new WeakMap<Level, NegotiationMachine>();

function machineFor(level: Level): NegotiationMachine {
  return memo(machines, level, () => createNegotiationMachine(level));
}

/** Create a session for a level: the game, a test, the AI and the server all start here. */
export function createSession(level: Level, options: SessionOptions = {}): Session {
  return buildSession(level, options, undefined);
}

interface InternalSession extends Session {
  /** Apply recorded events without letting AI seats move in between. */
  feed(events: readonly NegotiationEvent[]): Checked;
}

function buildSession(level: Level, options: SessionOptions, snapshot: unknown, past: readonly NegotiationEvent[] = []): InternalSession {
  const machine = machineFor(level);
  const seed = options.seed ?? 1;
  const input = { seed, carried: options.carried, controls: options.controls };
  const actor: Actor<NegotiationMachine> = snapshot
    ? createActor(machine, { snapshot: snapshot as never, input })
    : createActor(machine, { input });
  actor.start();
  const events: NegotiationEvent[] = structuredClone([...past]);

  const ctx = () => actor.getSnapshot().context;
  const phase = () => phaseOf(actor.getSnapshot().value);
  const seats = (): Record<Role, SeatStatus> =>
    Object.fromEntries(
      roles(level).map((r) => {
        const child = actor.getSnapshot().children[`party.${r}`];
        return [r, (child?.getSnapshot().value as SeatStatus) ?? 'waiting'];
      }),
    );

  /** Check a move from anyone: the seat, then the move's shape, then the rules; a fresh copy is what is kept. */
  const check = (role: unknown, raw: unknown): Checked<NegotiationEvent> => {
    const before = actor.getSnapshot();
    const choosing = before.matches('choosing');
    const closed = seatClosed(level, before.context, choosing, role);
    if (closed) return fail([closed]);
    const parsed = parseMove(level, role as Role, raw);
    if (!parsed.ok) return parsed;
    const why = whyIllegal(level, before.context, choosing, role as Role, parsed.value);
    if (why) return fail([why]);
    const event = { type: 'MOVE' as const, role: role as Role, move: parsed.value };
    vouch(event, before.context);
    return ok(event);
  };

  const checkInstruction = (raw: unknown): Checked<Instruction> =>
    actor.getSnapshot().matches('choosing') ? parseInstruction(level, ctx(), raw) : refused('reason.not_now');

  const apply = (
    event: { type: 'START' } | { type: 'MOVE'; role: unknown; move: unknown } | { type: 'INSTRUCT'; instruction: unknown },
  ): SendResult => {
    if (event.type === 'START') {
      if (!actor.getSnapshot().matches('briefing')) return refused('reason.not_now');
      actor.send(event);
      events.push({ type: 'START' });
      return ok();
    }
    if (event.type === 'INSTRUCT') {
      const parsed = checkInstruction(event.instruction);
      if (!parsed.ok) return parsed;
      const checked = { type: 'INSTRUCT' as const, instruction: parsed.value };
      actor.send(checked);
      events.push(structuredClone(checked));
      return ok();
    }
    const checked = check(event.role, event.move);
    if (!checked.ok) return checked;
    // parseMove made the move a fresh plain copy, nothing else holds: the log keeps it as it is.
    actor.send(checked.value);
    events.push(checked.value);
    return ok();
  };

  const autoplay = () => {
    for (let guard = 0; guard < 1000 && phase() === 'choosing'; guard++) {
      const seat = roles(level).find((r) => own(options.controls, r) === 'ai' && own(options.policies, r) && ctx().pending[r] === null);
      if (!seat) return;
      const view = playerView(level, ctx(), phase(), seats(), seat);
      const legal = legalMoves(level, ctx(), true, seat);
      let state = seedState(seed ^ (ctx().round * 7919) ^ (events.length * 104729) ^ hash(seat));
      const random = () => {
        const [v, next] = nextRandom(state);
        state = next;
        return v;
      };
      const move = (own(options.policies, seat) as Policy)(view, legal, random);
      const result = apply({ type: 'MOVE', role: seat, move });
      if (!result.ok) apply({ type: 'MOVE', role: seat, move: { id: 'pass', kind: 'pass' } });
    }
  };

  return {
    level,
    seed,
    events,
    feed(list) {
      for (const [index, raw] of list.entries()) {
        const event = plainCopy(raw) as { type?: unknown; role?: unknown; move?: unknown; instruction?: unknown } | null | undefined;
        const r =
          event?.type === 'START'
            ? apply({ type: 'START' })
            : event?.type === 'MOVE'
              ? apply({ type: 'MOVE', role: event.role, move: event.move })
              : event?.type === 'INSTRUCT'
                ? apply({ type: 'INSTRUCT', instruction: event.instruction })
                : refused('save.bad_event');
        if (!r.ok) return fail([{ key: 'save.replay_failed', params: { index: index + 1 } }, ...r.errors]);
      }
      return ok();
    },
    resume: autoplay,
    start() {
      const r = apply({ type: 'START' });
      if (r.ok) autoplay();
      return r;
    },
    send(role, move) {
      const r = apply({ type: 'MOVE', role, move });
      if (r.ok) autoplay();
      return r;
    },
    instruct: (instruction) => apply({ type: 'INSTRUCT', instruction }),
    checkInstruction,
    // The machine's guard asks the same rules (isLegalMove), so these are the moves the machine would take now.
    legalMoves: (role) => legalMoves(level, ctx(), actor.getSnapshot().matches('choosing'), role),
    whyIllegal: (role, move) => {
      const checked = check(role, move);
      return checked.ok ? null : checked.errors[0];
    },
    playerView: (role) => playerView(level, ctx(), phase(), seats(), role),
    phase,
    context: ctx,
    seats,
    save: () => ({
      format: SAVE_FORMAT,
      level: level.id,
      seed,
      carried: options.carried,
      controls: options.controls,
      events: structuredClone(events),
      snapshot: actor.getPersistedSnapshot(),
    }),
    subscribe(listener) {
      const sub = actor.subscribe(() => listener());
      return () => sub.unsubscribe();
    },
    stop: () => actor.stop(),
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}

/**
 * Rebuild a session from (level, seed, event log). The same inputs always give the same final
 * snapshot. An event the rules refuse stops the replay with the reason.
 */
export function replay(
  level: Level,
  seed: number,
  events: readonly NegotiationEvent[],
  options: Omit<SessionOptions, 'seed'> = {},
): Result<Session, Message> {
  const session = buildSession(level, { ...options, seed }, undefined);
  const fed = session.feed(events);
  if (!fed.ok) {
    session.stop();
    return fed;
  }
  return ok(session);
}

export interface Restored {
  session: Session;
  /** True when the stored snapshot could not be used and the game was rebuilt from its event log. */
  rebuilt: boolean;
}

/**
 * Restore a saved game. The event log is the truth: the stored snapshot is used when it agrees with
 * the log, and the game is replayed from the log when the snapshot is missing, stale or corrupt.
 * Anything unreadable comes back as an error to show, never a throw.
 */
export function restore(level: Level, record: unknown, options: Pick<SessionOptions, 'policies'> = {}): Result<Restored, Message> {
  if (!record || typeof record !== 'object') return fail([{ key: 'save.unreadable' }]);
  const r = record as Partial<SaveRecord>;
  if (typeof r.format !== 'number' || r.format > SAVE_FORMAT) return fail([{ key: 'save.format', params: { format: String(r.format) } }]);
  if (r.level !== level.id) return fail([{ key: 'save.other_level', params: { level: String(r.level) } }]);
  if (typeof r.seed !== 'number' || !Array.isArray(r.events)) return fail([{ key: 'save.unreadable' }]);
  const settings = { carried: r.carried, controls: r.controls, policies: options.policies };
  const replayed = replay(level, r.seed, r.events, settings);
  if (!replayed.ok) return replayed;
  // Only a snapshot identical to what the log produces is rehydrated: XState is never handed
  // unchecked data, and a stale or tampered snapshot is set aside.
  if (r.snapshot && JSON.stringify(r.snapshot) === JSON.stringify(replayed.value.save().snapshot)) {
    const fromSnapshot = buildSession(level, { ...settings, seed: r.seed }, r.snapshot, r.events);
    replayed.value.stop();
    fromSnapshot.resume();
    return ok({ session: fromSnapshot, rebuilt: false });
  }
  replayed.value.resume();
  return ok({ session: replayed.value, rebuilt: r.snapshot !== undefined });
}
