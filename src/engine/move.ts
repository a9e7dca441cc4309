/**
 * The one schema of a move as a seat sends it. A move names one of the role's configured moves by
 * `id`; its kind (from the level) decides which arguments it takes, and every other field is refused.
 * Moves come from strangers (students over the network, saved files), so `parseMove` copies the
 * input as plain JSON first (no getters, cycles, BigInts or shared references survive), then checks
 * it against the kind's strict shape. Ids are looked up among the level's own ids elsewhere, never
 * through inherited properties.
 */
import { z } from 'zod';

// Zod would probe for eval, which the game's Content-Security-Policy forbids: parse without it.
z.config({ jitless: true });
import type { MoveKind } from '../levels/schema';
import { moveDef } from './catalog';
import type { Level } from '../levels/schema';
import type { Message } from './model';

/** An id as a level writes one; prototype names such as `__proto__` or `toString` never fit. */
const Id = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*$/, 'an id from the level');

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

/** A package: one option id per issue id (checked against the level's issues by the rules). */
const DealSchema = z.record(Id, Id);

/** The arguments each kind takes; every other kind takes none. */
export const MOVE_ARGS = {
  propose: { deal: DealSchema.describe('The package tabled: one option per issue.') },
  accept: { to: Id.describe('Whose proposal is accepted.') },
  reject: { to: Id.describe('Whose proposal is rejected.') },
  sound_out: { to: Id.describe('The party sounded out.') },
  appeal_to_principle: { principle: Id.describe('The principle invoked.'), to: Id.describe('The party addressed.') },
  build_coalition: { ally: Id.describe('The ally recruited.'), issue: Id.describe('The issue it joins on.') },
  link_issues: { issues: z.tuple([Id, Id]).describe('The two issues linked.') },
  reframe: { issue: Id.describe('The issue reframed.') },
  press: { to: Id.optional().describe('The party pressed, unless the move names its target.') },
} satisfies Partial<Record<MoveKind, z.ZodRawShape>>;

const common = {
  id: Id.describe('One of the moves the level gives the role.'),
  /** Why the seat chose it, for its own eyes (and everyone's at the debrief); it never changes what the move does. */
  reason: MessageSchema.optional(),
  /** What the seat says about it in public: shown to every seat, so phrased from public information only. */
  said: MessageSchema.optional(),
};

function shapeOf<K extends MoveKind>(kind: K) {
  const args = (MOVE_ARGS as Partial<Record<MoveKind, z.ZodRawShape>>)[kind] ?? {};
  return z.strictObject({ kind: z.literal(kind), ...common, ...args });
}

const schemas = {
  propose: z.strictObject({ kind: z.literal('propose'), ...common, ...MOVE_ARGS.propose }),
  accept: z.strictObject({ kind: z.literal('accept'), ...common, ...MOVE_ARGS.accept }),
  reject: z.strictObject({ kind: z.literal('reject'), ...common, ...MOVE_ARGS.reject }),
  pass: shapeOf('pass'),
  sound_out: z.strictObject({ kind: z.literal('sound_out'), ...common, ...MOVE_ARGS.sound_out }),
  appeal_to_principle: z.strictObject({ kind: z.literal('appeal_to_principle'), ...common, ...MOVE_ARGS.appeal_to_principle }),
  build_coalition: z.strictObject({ kind: z.literal('build_coalition'), ...common, ...MOVE_ARGS.build_coalition }),
  tie_hands: shapeOf('tie_hands'),
  link_issues: z.strictObject({ kind: z.literal('link_issues'), ...common, ...MOVE_ARGS.link_issues }),
  reframe: z.strictObject({ kind: z.literal('reframe'), ...common, ...MOVE_ARGS.reframe }),
  contribute: shapeOf('contribute'),
  raise_security: shapeOf('raise_security'),
  facilitate: shapeOf('facilitate'),
  press: z.strictObject({ kind: z.literal('press'), ...common, ...MOVE_ARGS.press }),
  refuse: shapeOf('refuse'),
  action: shapeOf('action'),
} satisfies Record<MoveKind, z.ZodType>;

/** Every move, keyed by kind. */
export const MoveSchema = z.discriminatedUnion('kind', [
  schemas.propose,
  schemas.accept,
  schemas.reject,
  schemas.pass,
  schemas.sound_out,
  schemas.appeal_to_principle,
  schemas.build_coalition,
  schemas.tie_hands,
  schemas.link_issues,
  schemas.reframe,
  schemas.contribute,
  schemas.raise_security,
  schemas.facilitate,
  schemas.press,
  schemas.refuse,
  schemas.action,
]);

type Parsed = z.output<typeof MoveSchema>;
type ArgumentName = 'deal' | 'to' | 'issue' | 'principle' | 'ally' | 'issues';
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

const refusal = (key: string, params?: Message['params']): { ok: false; reason: Message } => ({
  ok: false,
  reason: { key: `reason.${key}`, params },
});

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
export function parseMove(level: Level, role: string, raw: unknown): { ok: true; move: Move } | { ok: false; reason: Message } {
  const data = plainCopy(raw);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return refusal('malformed');
  const id = (data as { id?: unknown }).id;
  if (typeof id !== 'string') return refusal('malformed');
  const def = moveDef(level, role, id);
  if (!def) return refusal('unknown_move', { move: id.slice(0, 80) });
  const sent = (data as { kind?: unknown }).kind;
  if (sent !== undefined && sent !== def.kind) return refusal('malformed');
  try {
    const parsed = MoveSchema.safeParse({ ...data, kind: def.kind });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refusal('bad_argument', { field: issue.path.map(String).join('.').slice(0, 80) || id });
    }
    return { ok: true, move: parsed.data };
  } catch {
    return refusal('malformed');
  }
}
