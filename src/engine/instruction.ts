/**
 * What the person running a session (a classroom's instructor) may tell it beside the seats' moves:
 * extend the deadline, let one of the level's events happen now, or deal a card of their own (a title
 * and a text, always shown as text). An instruction is not a move: no seat plays it, it costs no
 * capital and takes no turn. It is an event of the session like a move, so it is logged for every
 * seat to see, kept in the event log and replayed on restore.
 */
import { z } from 'zod';
import { ok } from '../levels/result';
import type { Level } from '../levels/schema';
import { type Checked, type LogEntry, type Message, type NegotiationContext, refused } from './model';
import { plainCopy } from './move';
import { happen } from './resolve';

/** At most this many rounds beyond the level's own: a deadline is part of the lesson. */
export const MAX_EXTRA_ROUNDS = 6;

/** Words an instructor writes: no control characters or direction overrides (line breaks aside), trimmed. */
const Written = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) =>
      s
        .replace(/\r\n?/g, '\n')
        .replace(/[^\P{Cc}\n]|[\u200b-\u200f\u2028-\u202e]/gu, '')
        .trim(),
    )
    .pipe(z.string().min(1).max(max));

export const InstructionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('extend'), rounds: z.number().int().min(1).max(MAX_EXTRA_ROUNDS) }),
  z.strictObject({
    kind: z.literal('event'),
    event: z
      .string()
      .max(80)
      .regex(/^[a-z][a-z0-9_]*$/),
  }),
  z.strictObject({ kind: z.literal('card'), title: Written(80), text: Written(600) }),
]);
export type Instruction = z.output<typeof InstructionSchema>;

/** The last round of the talks: the level's, plus any extension. */
export function lastRound(level: Level, ctx: NegotiationContext): number {
  return level.rounds + (ctx.extraRounds ?? 0);
}

const refusal = (key: string, params?: Message['params']) => refused(`reason.${key}`, params);

/** Check an instruction from outside against the level and the state: a fresh copy, or why not. */
export function parseInstruction(level: Level, ctx: NegotiationContext, raw: unknown): Checked<Instruction> {
  const parsed = InstructionSchema.safeParse(plainCopy(raw));
  if (!parsed.success) return refusal('bad_instruction');
  const instruction = parsed.data;
  if (instruction.kind === 'extend' && (ctx.extraRounds ?? 0) + instruction.rounds > MAX_EXTRA_ROUNDS)
    return refusal('extension_limit', { count: MAX_EXTRA_ROUNDS });
  if (instruction.kind === 'event') {
    const event = level.events.find((e) => e.id === instruction.event);
    if (!event) return refusal('unknown_event');
    if (event.once && ctx.firedEvents.includes(event.id)) return refusal('event_happened', { news: event.news });
  }
  return ok(instruction);
}

/** Follow a checked instruction: the new context, with a log entry every seat sees. */
export function follow(level: Level, ctx: NegotiationContext, instruction: Instruction): NegotiationContext {
  const entry = (type: LogEntry['type'], message: Message): LogEntry => ({ round: ctx.round, type, message, deltas: {} });
  switch (instruction.kind) {
    case 'extend': {
      const extraRounds = (ctx.extraRounds ?? 0) + instruction.rounds;
      const last = level.rounds + extraRounds;
      const note = entry('info', { key: 'log.extended', params: { count: instruction.rounds, last } });
      return { ...ctx, extraRounds, log: [...ctx.log, note] };
    }
    case 'event': {
      const event = level.events.find((e) => e.id === instruction.event);
      return event ? happen(level, ctx, event) : ctx;
    }
    case 'card':
      return {
        ...ctx,
        log: [...ctx.log, entry('event', { key: 'log.card', params: { title: instruction.title, text: instruction.text } })],
      };
  }
}
