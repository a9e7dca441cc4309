/**
 * The engine's public API. Everything here is pure and headless: the browser game, the tests, the
 * AI, the balance simulator, the level checker and the classroom server all use it the same way.
 *
 * - `createSession(level, options)` starts a game; `session.start()` leaves the briefing.
 * - `session.legalMoves(role)` lists what a seat may do now; `session.whyIllegal(role, move)` says why not.
 * - `session.send(role, move)` submits a seat's move for the round; illegal moves are refused with a reason.
 * - `session.playerView(role)` is all one seat may see.
 * - `session.save()` gives a versioned record; `restore(level, record)` and `replay(level, seed, events)` rebuild it.
 */
export { moveName, movesFor, roles, vetoHolders } from './catalog';
export { fail, ok, type Result } from '../levels/result';
export { type Checked, refused } from './model';
export { allDeals, applyDeal, dealValue, joinLabels, statusQuo } from './deal';
export type { Level, Text } from '../levels/schema';
export type {
  Board,
  Deal,
  LogEntry,
  Message,
  Move,
  MoveInput,
  MoveOf,
  NegotiationContext,
  Outcome,
  Proposal,
  RatificationResult,
  Role,
  RoleScore,
} from './model';
export { createNegotiationMachine, type NegotiationEvent } from './negotiation.machine';
export { type Instruction, lastRound, MAX_EXTRA_ROUNDS } from './instruction';
export { homeVerdict, homeVerdicts, projectedIndicators, ratifiable, redLines } from './ratify';
export type { Control } from './party.machine';
export { objectiveSatisfaction, scoreRole } from './scoring';
export {
  createSession,
  type Policy,
  type Restored,
  replay,
  restore,
  SAVE_FORMAT,
  type SaveRecord,
  type SendResult,
  type Session,
  type SessionOptions,
} from './session';
export type { IndicatorView, Phase, PlayerView, RatificationView, SeatStatus } from './views';
