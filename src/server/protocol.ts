/**
 * What a classroom client may send besides moves, parsed at the network boundary (the same schema
 * library as the levels). Anything that does not parse is refused before it reaches the classroom.
 * A move is read by the engine's own `parseMove`, and an instruction by its `parseInstruction`.
 */
import { z } from 'zod';

/** An id as levels write them; never a name JavaScript objects already carry (`__proto__`, `constructor`...). */
const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/)
  .refine((s) => !(s in Object.prototype));

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
