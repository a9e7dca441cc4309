/**
 * The one schema of a move as a seat sends it. A move names one of the role's configured moves by
 * `id`; its kind (from the level) decides which arguments it takes, and every other field is refused.
 * Moves come from strangers (students over the network, saved files), so `parseMove` copies the
 * input as plain JSON first (no getters, cycles, BigInts or shared references survive), then checks
 * it against the kind's strict shape. Ids are looked up among the level's own ids elsewhere, never
 * through inherited properties.
 */
import { z } from 'zod';
import type { Level, MoveKind } from '../levels/schema';
import { MOVE_KINDS } from '../levels/schema';
import { moveDef } from './catalog';
import { ok } from '../levels/result';
import { type Checked, type Message, refused } from './model';
import { type Catalogue, MOVES } from './moves';
import { Id, type MoveWith } from './moves/define';

const Words = z.string().max(2000);
/** Text from the level (a name, a title): words by language code, and any grammatical forms the level gives. */
const LevelText = z.object({ en: Words }).catchall(Words);

const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.strictObject({
    key: z
      .string()
      .max(100)
      .regex(/^[a-z][A-Za-z0-9_.]*$/),
    params: z
      .record(
        z
          .string()
          .max(40)
          .regex(/^[a-z][A-Za-z0-9_]*$/),
        z.union([Words, z.number(), LevelText, MessageSchema]),
      )
      .optional(),
  }),
);

const common = {
  id: Id.describe('One of the moves the level gives the role.'),
  /** Why the seat chose it, for its own eyes (and everyone's at the debrief); it never changes what the move does. */
  reason: MessageSchema.optional(),
  /** What the seat says about it in public: shown to every seat, so phrased from public information only. */
  said: MessageSchema.optional(),
};

/** Every move, keyed by kind: each kind takes exactly the arguments its module (src/engine/moves) lists. */
export const MoveSchema = z.discriminatedUnion(
  'kind',
  MOVE_KINDS.map((kind) => z.strictObject({ kind: z.literal(kind), ...common, ...MOVES[kind].args })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<MoveKind> }>,
  ],
);

type Parsed = { [K in MoveKind]: MoveWith<K, Catalogue[K]['args']> }[MoveKind];
type ArgumentName = { [K in MoveKind]: keyof Catalogue[K]['args'] }[MoveKind];
type Widen<U> = U extends unknown ? U & { [K in Exclude<ArgumentName, keyof U>]?: undefined } : never;
/** A checked move: one member of the union, where the other kinds' arguments read as undefined. */
export type Move = Widen<Parsed>;
export type MoveOf<K extends MoveKind> = Extract<Move, { kind: K }>;

/** What a seat sends: an id and the arguments its kind takes (the kind may be left out; it comes from the level). */
export interface MoveInput {
  id: string;
  kind?: MoveKind;
  deal?: Record<string, string>;
  to?: string;
  issue?: string;
  principle?: string;
  ally?: string;
  issues?: [string, string];
  reason?: Message;
  said?: Message;
}

/** Moves are small: anything longer as JSON is refused before it is read. */
const MAX_MOVE_CHARS = 20_000;

const refusal = (key: string, params?: Message['params']) => refused(`reason.${key}`, params);

/** A plain-JSON copy of untrusted input, or undefined when it is not plain data (cycles, BigInt, throwing getters...). */
export function plainCopy(raw: unknown): unknown {
  try {
    const json = JSON.stringify(raw);
    if (typeof json !== 'string' || json.length > MAX_MOVE_CHARS) return undefined;
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * Check a move a role sends against the level: it must name one of the role's moves and carry exactly
 * the arguments of that move's kind. Returns a fresh copy (the caller's object is never kept) or why not.
 */
export function parseMove(level: Level, role: string, raw: unknown): Checked<Move> {
  const data = plainCopy(raw);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return refusal('malformed');
  const id = (data as { id?: unknown }).id;
  if (typeof id !== 'string') return refusal('malformed');
  const def = moveDef(level, role, id);
  if (!def) return refusal('unknown_move', { move: id.slice(0, 80) });
  const sent = (data as { kind?: unknown }).kind;
  if (sent !== undefined && sent !== def.kind) return refusal('malformed');
  try {
    const quick = quickParse({ ...data, kind: def.kind });
    if (quick) return ok(quick);
    const parsed = MoveSchema.safeParse({ ...data, kind: def.kind });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refusal('bad_argument', { field: issue.path.map(String).join('.').slice(0, 80) || id });
    }
    return ok(parsed.data as Move);
  } catch {
    return refusal('malformed');
  }
}

/** Each kind's schema without what a seat says (reason, said): the arguments alone. */
const ArgumentsSchema = z.discriminatedUnion(
  'kind',
  MOVE_KINDS.map((kind) => z.strictObject({ kind: z.literal(kind), id: common.id, ...MOVES[kind].args })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<MoveKind> }>,
  ],
);

/**
 * MoveSchema's answer for a well-formed move, reached faster: the arguments through their own schema, and
 * what the seat says (reason, said) read by hand, since a message through Zod's union of texts and messages
 * cost five times the rest of the move. Only a message already in the order MoveSchema gives back (key before
 * params, a text's `en` first) is taken: the plain copy is then what Zod would return, and is kept as it is.
 * Anything else (an error, an odd order, a deep message) is left to MoveSchema: undefined.
 */
function quickParse(data: Record<string, unknown>): Move | undefined {
  const { reason, said, ...rest } = data;
  if ((reason !== undefined && !wellFormedMessage(reason, 0)) || (said !== undefined && !wellFormedMessage(said, 0))) return undefined;
  const parsed = ArgumentsSchema.safeParse(rest);
  if (!parsed.success) return undefined;
  const { kind, id, ...args } = parsed.data as Record<string, unknown>;
  const move: Record<string, unknown> = { kind, id };
  if (reason !== undefined) move.reason = reason;
  if (said !== undefined) move.said = said;
  return Object.assign(move, args) as Move;
}

const MESSAGE_KEY = /^[a-z][A-Za-z0-9_.]*$/;
const PARAMETER = /^[a-z][A-Za-z0-9_]*$/;
const MAX_WORDS = 2000;
/** Messages nest (a condition in words inside a reason); deeper ones go the long way. */
const QUICK_DEPTH = 4;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A message MessageSchema accepts and gives back unchanged, key order included. */
function wellFormedMessage(x: unknown, depth: number): boolean {
  if (!isRecord(x) || depth > QUICK_DEPTH) return false;
  const keys = Object.keys(x);
  if (keys[0] !== 'key' || keys.length > 2 || (keys.length === 2 && keys[1] !== 'params')) return false;
  if (typeof x.key !== 'string' || x.key.length > 100 || !MESSAGE_KEY.test(x.key)) return false;
  if (keys.length === 1) return true;
  const params = x.params;
  if (!isRecord(params)) return false;
  for (const name of Object.keys(params)) {
    if (name.length > 40 || !PARAMETER.test(name) || !wellFormedParameter(params[name], depth)) return false;
  }
  return true;
}

/** Words, a finite number, a level text with `en` first, or a message: what the params' union accepts unchanged. */
function wellFormedParameter(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return v.length <= MAX_WORDS;
  if (typeof v === 'number') return Number.isFinite(v);
  if (!isRecord(v)) return false;
  if (!('en' in v)) return wellFormedMessage(v, depth + 1);
  let first = true;
  for (const language of Object.keys(v)) {
    if ((first && language !== 'en') || !PARAMETER.test(language)) return false;
    const words = v[language];
    if (typeof words !== 'string' || words.length > MAX_WORDS) return false;
    first = false;
  }
  return true;
}
