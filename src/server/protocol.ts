/**
 * What a classroom client may send, parsed at the network boundary (the same schema library as the
 * levels). Anything that does not parse is refused before it reaches the classroom or the engine;
 * the engine then judges whether a well-formed move is legal.
 */
import { z } from 'zod';
import type { Move } from '../engine';

/** An id as levels write them; never a name JavaScript objects already carry (`__proto__`, `constructor`...). */
const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/)
  .refine((s) => !(s in Object.prototype));

const MoveSchema = z
  .object({
    id,
    /** The move's kind as the engine lists it; the engine checks it against the level's own. */
    kind: id.optional(),
    /** What the seat says in public; the engine checks its shape. */
    said: z
      .object({ key: z.string().max(100) })
      .passthrough()
      .optional(),
    deal: z
      .record(id, id)
      .refine((d) => Object.keys(d).length <= 32)
      .optional(),
    to: id.optional(),
    issue: id.optional(),
    principle: id.optional(),
    ally: id.optional(),
    issues: z.tuple([id, id]).optional(),
  })
  .strict();

/** A well-formed move, or null; `session.send` then validates it against the engine's MoveSchema. A client never supplies a move's reason. */
export function parseMove(raw: unknown): Move | null {
  const r = MoveSchema.safeParse(raw);
  if (!r.success) return null;
  // A fresh object with only the known fields: nothing of the sender's object is kept.
  return JSON.parse(JSON.stringify(r.data)) as Move;
}

/** A display name: shown as text only, trimmed, without control characters, at most 40 characters. */
export function cleanName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw
    .replace(/[\p{Cc}\u200b-\u200f\u2028-\u202e]/gu, '')
    .trim()
    .slice(0, 40);
  return name.length > 0 ? name : null;
}

export const SeatMessage = z.object({ table: z.number().int().min(0).max(999), role: id }).strict();
export const AssignMessage = z.object({ student: id, table: z.number().int().min(0).max(999), role: id }).strict();

/** The instructor's instruction for one table or every table (null); the engine reads the instruction itself. */
export const InstructMessage = z.object({ table: z.number().int().min(0).max(999).nullable(), instruction: z.unknown() }).strict();

export const JoinOptions = z.object({
  /** The instructor's secret, from the instructor's link. */
  key: z.string().max(128).optional(),
  name: z.string().max(200).optional(),
  /** A student's own token, kept by the browser, to take their seat back after a restart. */
  token: z.string().max(128).optional(),
});

/** Session settings an instructor sends to create a session. */
export const CreateRequest = z
  .object({
    level: id.optional(),
    /** The YAML of the instructor's own scenario, validated like `levels:check`. */
    yaml: z
      .string()
      .max(512 * 1024)
      .optional(),
    controls: z.record(id, z.enum(['human', 'ai'])),
    tables: z.number().int().min(1).max(60),
    teamSize: z.number().int().min(1).max(6),
    difficulty: z.enum(['easy', 'normal', 'hard']).default('normal'),
    pick: z.boolean().default(true),
  })
  .strict();
export type CreateRequest = z.infer<typeof CreateRequest>;

/** A per-client token bucket: `rate` messages a second on average, bursts up to `burst`. */
export class RateLimit {
  private tokens: number;
  private last: number;
  constructor(
    private readonly rate = 10,
    private readonly burst = 20,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
