import { movePreset } from '../levels/presets';
import { type Level, MOVE_KINDS, type MoveKind, type MoveSpec, type Text } from '../levels/schema';
import type { Message, Role } from './model';
import { inner, memo } from './memo';
import { MOVES } from './moves';
import { own } from './own';

/** A move as the engine uses it: a library kind with its settings resolved. */
export interface MoveDef {
  id: string;
  kind: MoveKind;
  cost: number;
  label?: Text;
  describe?: Text;
  effects?: Record<string, number>;
  requires?: MoveSpec['requires'];
  amount: number;
  arena: 'home' | 'away';
  target?: Role;
  /** For link_issues: the issue pairs it may link (any pair, if undefined). */
  pairs?: [string, string][];
  limit?: number;
  source?: string;
}

/** What a move is called on screen: its label in the level, or the game's own name for a kind or preset. */
export function moveName(def: Pick<MoveDef, 'id' | 'kind' | 'label'> | undefined, id: string): Text | Message {
  if (def?.label) return def.label;
  return { key: `move.${movePreset(id) || !def ? id : def.kind}` };
}

function resolveSpec(entry: Level['moves'][string][number]): MoveSpec {
  if (typeof entry !== 'string') return entry;
  const preset = movePreset(entry);
  if (preset) return { ...preset, id: entry };
  return { kind: entry as MoveKind };
}

// A level is never changed once loaded, so its resolved moves are computed once per role.
const resolved = new WeakMap<Level, Map<Role, MoveDef[]>>();

/** The moves a role may make in a level, table moves and pass included for every table seat. */
export function movesFor(level: Level, role: Role): MoveDef[] {
  return memo(inner(resolved, level), role, () => resolveMoves(level, role));
}

function resolveMoves(level: Level, role: Role): MoveDef[] {
  const specs = (own(level.moves, role) ?? []).map(resolveSpec);
  const has = (kind: MoveKind) => specs.some((s) => s.kind === kind && (s.id ?? s.kind) === kind);
  const tableKinds = MOVE_KINDS.filter((kind) => MOVES[kind].tableOnly);
  const implicit: MoveKind[] = own(level.actors, role)?.seat === 'table' ? [...tableKinds, 'pass'] : ['pass'];
  for (const kind of implicit) if (!has(kind)) specs.push({ kind });
  return specs.map((s) => ({
    id: s.id ?? s.kind,
    kind: s.kind,
    cost: s.cost ?? MOVES[s.kind].cost,
    label: s.label,
    describe: s.describe,
    effects: s.effects,
    requires: s.requires,
    amount: s.amount ?? 1,
    arena: s.arena ?? 'home',
    target: s.target,
    pairs: s.pairs,
    limit: s.limit,
    source: s.source,
  }));
}

export function moveDef(level: Level, role: Role, id: string): MoveDef | undefined {
  const byId = memo(inner(defsById, level), role, () => {
    const map = new Map<string, MoveDef>();
    // The first move of an id, as a search through the list finds it.
    for (const def of movesFor(level, role)) if (!map.has(def.id)) map.set(def.id, def);
    return map;
  });
  return byId.get(id);
}

const defsById = new WeakMap<Level, Map<Role, Map<string, MoveDef>>>();

/** The roles in the level's declared order, which is also the order moves resolve in. */
export function roles(level: Level): Role[] {
  return Object.keys(level.actors);
}

export function vetoHolders(level: Level): Role[] {
  return roles(level).filter((r) => level.actors[r].veto);
}
