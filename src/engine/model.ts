/**
 * The engine's plain-JSON data model. Everything in a session's context is serialisable: no class
 * instances, functions or live handles, so a snapshot can be saved, sent to a seat or replayed.
 */
import { fail, type Result } from '../levels/result';
import type { Level, MoveKind, Text } from '../levels/schema';

export type Role = string;
/** A package: one option id per issue id. */
export type Deal = Record<string, string>;

export type { Move, MoveInput, MoveOf } from './move';
import type { Move } from './move';

/** A translatable message: a key for the i18n layer and its parameters (level text stays {en, fr}). */
export interface Message {
  key: string;
  /**
   * A parameter may itself be a message (a condition in words, say), formatted in the same language, or a list of
   * messages, joined as the language joins a list ("a, b and c", "a, b et c").
   */
  params?: Record<string, string | number | Text | Message | Message[]>;
}

/** What the engine answers to anything that can be refused: the value, or why not (one shape, src/levels/result.ts). */
export type Checked<T = undefined> = Result<T, Message>;

/** A refusal with one reason. */
export const refused = (key: string, params?: Message['params']) => fail<Message>([{ key, params }]);

export interface Proposal {
  by: Role;
  deal: Deal;
  round: number;
  accepted: Role[];
}

export interface LogEntry {
  round: number;
  actor?: Role;
  move?: Move;
  /** The mechanic that explains the change (for the debrief's "what the literature says"). */
  mechanic?: string;
  type: 'move' | 'event' | 'agreement' | 'ratification' | 'deadline' | 'info';
  message: Message;
  deltas: Record<string, number>;
}

export interface Reveal {
  round: number;
  about: Role;
  issue: string;
  option: string;
}

export interface RatificationResult {
  actor: Role;
  ratified: boolean;
  value: number;
  threshold: number;
  failed: Message[];
}

export interface ObjectiveResult {
  satisfied: number;
  weight: number;
}

export interface RoleScore {
  score: number;
  won: boolean;
  objectives: ObjectiveResult[];
}

export interface Outcome {
  kind: 'agreement' | 'no_deal';
  deal: Deal | null;
  round: number;
  scores: Record<Role, RoleScore>;
}

export interface NegotiationContext {
  seed: number;
  rng: number;
  round: number;
  indicators: Record<string, number>;
  capital: Record<Role, number>;
  /** Sovereignty salience per issue (reframing lowers it). */
  salience: Record<string, number>;
  /** Domestic pressure per actor, issue and option: shifts what the actor's home level will ratify. */
  pressure: Record<Role, Record<string, number[]>>;
  /** How far each actor has tied its hands (narrowed its own win-set). */
  tiedHands: Record<Role, number>;
  links: { by: Role; issues: [string, string]; round: number }[];
  coalitions: { by: Role; ally: string; issue: string; round: number }[];
  /** How many times each actor has made each move in this level. */
  moveCounts: Record<Role, Record<string, number>>;
  table: Proposal[];
  pending: Record<Role, Move | null>;
  /** The proposal every veto holder accepted this round, on its way to ratification. */
  agreement: Proposal | null;
  ratification: RatificationResult[] | null;
  firedEvents: string[];
  revealed: Record<Role, Reveal[]>;
  log: LogEntry[];
  /** Indicators at the start (index 0) and after each round. */
  history: Record<string, number>[];
  outcome: Outcome | null;
  /** Rounds added to the level's by the session's instructor (absent until then). */
  extraRounds?: number;
}

/**
 * The public shape of a level that projections need: its indicators and its issues' options. A Level is
 * one; so is what a seat rebuilds from its own view, so the engine's projections serve both.
 */
export interface Board {
  indicators: Record<string, Pick<Level['indicators'][string], 'range' | 'held_by' | 'about'> & { kind: string }>;
  issues: Record<string, { options: Level['issues'][string]['options'] }>;
}

export interface SessionInput {
  level: Level;
  seed: number;
  /** Indicator values carried from an earlier level of a campaign. */
  carried?: Record<string, number>;
}

export type { Level, MoveKind, Text };
