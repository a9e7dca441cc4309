/**
 * What one move kind is, in one place: its default cost, the arguments it takes, every use it could
 * have, when it is legal, what it does when the round resolves, how the game's AI weighs it, and what
 * the move reference says about it. Each kind is one module in this folder; `./index.ts` registers it.
 */
import { z } from 'zod';

// Zod would probe for eval, which the game's Content-Security-Policy forbids: build every schema without it.
z.config({ jitless: true });
import type { Level, MoveKind, Text } from '../../levels/schema';
import type { MoveDef } from '../catalog';
import type { Board, Deal, LogEntry, Message, NegotiationContext, Role } from '../model';
import type { PlayerView } from '../views';

/** An id as a level writes one; prototype names such as `__proto__` or `toString` never fit. */
export const Id = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*$/, 'an id from the level');

/** A move of one kind as a seat sends it, its arguments read from the kind's own schema. */
export type MoveWith<K extends MoveKind, A extends z.ZodRawShape> = {
  kind: K;
  id: string;
  reason?: Message;
  said?: Message;
} & (keyof A extends never ? unknown : z.output<z.ZodObject<A>>);

/** A move already made, as the kinds read one (any kind's arguments may be there). */
export interface PastMove {
  id: string;
  kind: MoveKind;
  deal?: Deal;
  principle?: string;
}

/** Where a move stands when a round resolves: answers to the table first, then every other move, then new proposals. */
export type Phase = 'answer' | 'act' | 'table';

/** What a move may read and change while its round resolves (the context is the round's working copy). */
export interface Resolution {
  level: Level;
  ctx: NegotiationContext;
  role: Role;
  def: MoveDef;
  /** The log entry the move leaves; `params` are its message's parameters. */
  entry: LogEntry;
  params: NonNullable<Message['params']>;
  /** Change indicators by id (clamped, with thickening's consequences), recorded in the entry. */
  change(effects: Record<string, number>): void;
  /** Add domestic pressure on an actor's home level, per option of an issue. */
  addPressure(actor: Role, issue: string, perOption: readonly number[]): void;
  /** The session's next random number. */
  draw(): number;
  name(role: Role): Text;
  /** The role's own moves resolved before this one, oldest first. */
  earlier(): PastMove[];
}

/** A legality check: null when the move may be made, or why not. */
export type Check<M> = (level: Level, ctx: NegotiationContext, role: Role, def: MoveDef, move: M) => Message | null;

/**
 * How the AI weighs a move, given what its seat knows (its own view). The AI hands these tools over;
 * the module says how they combine for its kind, projecting effects with the same functions its
 * resolution uses.
 */
export interface Appraiser {
  view: PlayerView;
  board: Board;
  indicators: Record<string, number>;
  salience: Record<string, number>;
  /** The seat's name, for its reasons. */
  actor: Text;
  /** The move as the seat's view lists it (cost, listed effects, target). */
  def: PlayerView['moves'][number] | undefined;
  /** What the seat knows of the move's settings: a preset's amount and arena (the view does not list them). */
  preset: { amount?: number; arena?: 'home' | 'away' };
  /** The changes its own last use of this move made, if it has used it. */
  learned: Record<string, number> | undefined;
  /** Its own earlier moves, oldest first. */
  earlier: readonly PastMove[];
  kindOf(m: PastMove): string;
  /** The multiplier on the weak party's tools (1 unless the seat is the weaker party at the table). */
  weak: number;
  /** What indicators after a move add to the seat's objectives under the deals it expects (and, when weaker, its standing). */
  effectValue(after: Record<string, number>): number;
  /** The same, with issues' salience changed. */
  gain(after: Record<string, number>, salience: Record<string, number>): number;
  /** What pressure per option on an issue is worth to the seat. */
  pressureValue(issue: string, perOption: readonly number[]): number;
  /** The indicator a change moves most, for a reason. */
  bestDelta(after: Record<string, number>): { indicator: Text | string; delta: string };
  /** Indicators after changes by id, from the current ones or from `from`. */
  apply(effects: Record<string, number>, from?: Record<string, number>): Record<string, number>;
  /** How much room its best packages leave above its home threshold (0 without one). */
  homeRoom(): number;
  /** What it has observed of another seat (undefined: it models no one). */
  observations(role: Role): number | undefined;
  isOpponent(role: Role): boolean;
  /** The package it expects to sign, if any. */
  expected: Deal | undefined;
  homeWeight: number;
  /** A reason under `ai.` with its parameters. */
  say(key: string, params: NonNullable<Message['params']>): Message;
  moveName: Text | Message;
}

/** What the move reference (docs/moves.md) says about a kind. */
export interface Reference {
  /** What the move names when it is made. */
  takes: string;
  /** When it is legal, beyond capital, the move's own `requires` and `limit`. */
  when: string;
  /** What it does, with the engine's numbers; `settings` are a preset's amount and arena. */
  does(settings?: { amount?: number; arena?: 'home' | 'away' }): string[];
  /** How the game's AI weighs it. */
  ai: string;
}

export interface MoveKindModule<K extends MoveKind, A extends z.ZodRawShape = z.ZodRawShape> {
  kind: K;
  /** Political capital it costs unless a level sets `cost`. */
  cost: number;
  /** Only a seat at the table may make it. */
  tableOnly?: boolean;
  phase: Phase;
  /** The arguments it takes (every other field is refused). */
  args: A;
  /** Every use worth asking the rules about, arguments filled in. */
  candidates(level: Level, ctx: NegotiationContext, role: Role, def: MoveDef): MoveWith<K, A>[];
  /** What is wrong with this use now, beyond the seat's capital and the move's own conditions. */
  check?: Check<MoveWith<K, A>>;
  /** What it does when its round resolves. */
  resolve(r: Resolution, move: MoveWith<K, A>): void;
  /** How the AI weighs it (undefined: the AI does not weigh it as a move of its own, or it is no use now). */
  appraise?(a: Appraiser, move: MoveWith<K, A>): { value: number; reason: Message } | undefined;
  reference: Reference;
  /** Which way its mechanic can move each kind of indicator (the level checker asks which aims are reachable). */
  directions?: Record<string, (1 | -1)[]>;
}

/** A kind's module, with its argument and move types inferred. */
export function defineMove<K extends MoveKind, A extends z.ZodRawShape>(module: MoveKindModule<K, A>): MoveKindModule<K, A> {
  return module;
}

const reason = (key: string, params?: Message['params']): Message => ({ key: `reason.${key}`, params });
export { reason };

/** Whether a role names another seat of the level. */
export function otherSeat(level: Level, role: Role, r: Role | undefined): boolean {
  return r !== undefined && r !== role && Object.hasOwn(level.actors, r);
}

export const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n * 100) / 100)}`;
/** Effects on indicator kinds as text, e.g. "burden_share +5, free_rider −4". */
export const listed = (effects: Record<string, number | undefined>) =>
  Object.entries(effects)
    .filter(([, v]) => v !== undefined && v !== 0)
    .map(([k, v]) => `${k} ${signed(v as number)}`)
    .join(', ');
