/**
 * The catalogue of move kinds: the one place that lists them. Rules, resolution, the move schema, the
 * AI and the move reference all look a kind up here; each kind's module says everything about it.
 */
import type { MoveKind } from '../../levels/schema';
import { accept } from './accept';
import { action } from './action';
import { appeal_to_principle } from './appeal_to_principle';
import { build_coalition } from './build_coalition';
import { contribute } from './contribute';
import type { MoveKindModule } from './define';
import { facilitate } from './facilitate';
import { link_issues } from './link_issues';
import { pass } from './pass';
import { press } from './press';
import { propose } from './propose';
import { raise_security } from './raise_security';
import { reframe } from './reframe';
import { refuse } from './refuse';
import { reject } from './reject';
import { sound_out } from './sound_out';
import { tie_hands } from './tie_hands';

/** Every kind, in the order the level format lists them (MOVE_KINDS). */
export const MOVES = {
  propose,
  accept,
  reject,
  pass,
  sound_out,
  appeal_to_principle,
  build_coalition,
  tie_hands,
  link_issues,
  reframe,
  contribute,
  raise_security,
  facilitate,
  press,
  refuse,
  action,
} satisfies { [K in MoveKind]: { kind: K } };

export type Catalogue = typeof MOVES;

// biome-ignore lint/suspicious/noExplicitAny: one kind's module seen as any kind's, its move type erased
type AnyKind = MoveKindModule<MoveKind, any>;

/** A kind's module, for code that handles any kind. */
export function moveKind(kind: MoveKind): AnyKind {
  return MOVES[kind] as AnyKind;
}
