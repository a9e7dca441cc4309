/**
 * Projections an AI seat makes from its own PlayerView: what a package or a move would do to the
 * indicators, and what that would mean for its own objectives. Everything here reads the view only
 * (public indicators and issues, the seat's own objectives, valuations and pressure); the engine's pure
 * helpers are reused on a level-shaped object rebuilt from that view, never on the real level.
 */
import type { Board, Deal, PlayerView, Role } from '../engine';
import { objectiveSatisfaction } from '../engine';
import { compare } from '../engine/conditions';
import { applyDealChanges } from '../engine/deal';
import { applyChanges } from '../engine/indicators';
import { linkageGain } from '../engine/mechanics/linkage';
import { TIED_HANDS_STEP } from '../engine/mechanics/twoLevel';
import { inner, memo } from '../engine/memo';
import type { Comparison, Condition } from '../levels/schema';

const rebuilt = new WeakMap<object, Map<string, Board>>();

/**
 * The part of a level that a seat can rebuild from its view: indicators and issues (public), nothing
 * else. It is rebuilt once per level and seat (keyed by the level's own option list, as the
 * projections are), so the engine's per-level lookups are reused from one decision to the next.
 */
export function viewLevel(view: PlayerView): Board {
  const anchor = view.issues[0]?.options as object | undefined;
  if (!anchor) return buildViewLevel(view);
  return memo(inner(rebuilt, anchor), view.role, () => buildViewLevel(view));
}

function buildViewLevel(view: PlayerView): Board {
  const indicators = Object.fromEntries(
    view.indicators.map((i) => [i.id, { kind: i.kind, range: i.range, held_by: i.held_by, about: i.about }]),
  );
  const issues = Object.fromEntries(view.issues.map((i) => [i.id, { options: i.options }]));
  return { indicators, issues };
}

export function currentIndicators(view: PlayerView): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of view.indicators) out[i.id] = i.value;
  return out;
}

export function salienceOf(view: PlayerView): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of view.issues) out[i.id] = i.salience;
  return out;
}

/**
 * Projections are shared between decisions made from the same public state (two seats at the table
 * project the same packages from the same indicators). The cache is keyed by the level's own issue
 * data (object identity, so an edited and reloaded level never reuses stale entries) and by the state.
 * Each projection also keeps what each seat read from it (its score, the first home requirement it
 * fails), used only while the seat's objectives and requirements are the very same (the level's own).
 */
const projections = new WeakMap<object, StateCache[]>();

interface StateCache {
  /** Each indicator's id and value, then '|', then each issue's id and salience. */
  state: readonly (string | number)[];
  deals: Map<string, Projection>;
  /** Per seat, its score with no deal. */
  none: Map<Role, Reading>;
}

interface Projection {
  after: Record<string, number>;
  seats: Map<Role, Reading>;
}

interface Reading {
  objectives: PlayerView['me']['objectives'];
  requires: Condition[] | undefined;
  score: number;
  unmet: Condition | undefined;
}

function sameState(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** The projections of packages from the view's current state, and what the seat reads from them. */
export interface Projector {
  /** The indicators a package would leave if it took effect now (shared: read only). */
  project(deal: Deal): Record<string, number>;
  /** The seat's score under a package, and the first of its home requirements the package would fail (`key`: its exactKey, when known). */
  read(deal: Deal, key?: string): { score: number; unmet: Condition | undefined };
  /** The seat's score with no deal. */
  none(): number;
}

export function projector(view: PlayerView, level: Board, indicators: Record<string, number>, salience: Record<string, number>): Projector {
  const anchor = view.issues[0]?.options as object | undefined;
  const { objectives } = view.me;
  const requires = view.me.ratification?.requires;
  if (!anchor) {
    return {
      project: (deal) => projectDeal(level, indicators, salience, deal),
      read: (deal) => {
        const after = projectDeal(level, indicators, salience, deal);
        return { score: ownScore(view, level, after, deal), unmet: unmetHomeRequirement(view, level, after) };
      },
      none: () => ownScore(view, level, indicators, null),
    };
  }
  let states = projections.get(anchor);
  if (!states) {
    states = [];
    projections.set(anchor, states);
  }
  // The state as ids and values, in the records' order: compared as they are, never turned into text.
  const state: (string | number)[] = [];
  for (const id in indicators) state.push(id, indicators[id]);
  state.push('|');
  for (const id in salience) state.push(id, salience[id]);
  let store = states.find((known) => sameState(known.state, state));
  if (!store) {
    if (states.length >= 8) states.shift();
    store = { state, deals: new Map(), none: new Map() };
    states.push(store);
  }
  const { deals, none } = store;
  const entry = (deal: Deal, key = exactKey(view, deal)): Projection => {
    let p = deals.get(key);
    if (!p) {
      p = { after: projectDeal(level, indicators, salience, deal), seats: new Map() };
      deals.set(key, p);
    }
    return p;
  };
  const same = (r: Reading | undefined): r is Reading => r !== undefined && r.objectives === objectives && r.requires === requires;
  return {
    project: (deal) => entry(deal).after,
    read: (deal, key) => {
      const p = entry(deal, key);
      let r = p.seats.get(view.role);
      if (!same(r)) {
        r = { objectives, requires, score: ownScore(view, level, p.after, deal), unmet: unmetHomeRequirement(view, level, p.after) };
        p.seats.set(view.role, r);
      }
      return r;
    },
    none: () => {
      let r = none.get(view.role);
      if (!same(r)) {
        r = { objectives, requires, score: ownScore(view, level, indicators, null), unmet: undefined };
        none.set(view.role, r);
      }
      return r.score;
    },
  };
}

/** A package as the seat reads it: a key naming its option on each issue, and each option's position. */
export interface DealInfo {
  key: string;
  /** Per issue of the view, in order, the chosen option's index (-1 when none). */
  index: number[];
  /** Whether it chooses an option that is someone's red line (what redLines finds). */
  redLine: boolean;
  /**
   * Whether it names exactly the view's issues, in their order (as every package the engine hands out
   * does): then its key says all a projection depends on (applying options in another order may round
   * or clamp differently), and projections of it may be shared.
   */
  exact: boolean;
}

/**
 * Packages the engine hands out (legal proposals) are frozen and reused from one decision to the next,
 * so what the seat reads from one is worked out once per level (keyed like the projections).
 */
const dealInfos = new WeakMap<object, WeakMap<Deal, DealInfo>>();

/** What the seat reads from a package (shared: read only). */
export function dealInfo(view: PlayerView, deal: Deal): Readonly<DealInfo> {
  const anchor = view.issues[0]?.options as object | undefined;
  if (!anchor || !Object.isFrozen(deal)) return readDeal(view, deal);
  let known = dealInfos.get(anchor);
  if (!known) {
    known = new WeakMap();
    dealInfos.set(anchor, known);
  }
  let info = known.get(deal);
  if (!info) {
    info = readDeal(view, deal);
    known.set(deal, info);
  }
  return info;
}

function readDeal(view: PlayerView, deal: Deal): DealInfo {
  const index = positions(view, deal);
  const ids = Object.keys(deal);
  return {
    key: view.issues.map((i) => deal[i.id]).join('\u0000'),
    index,
    redLine: view.issues.some((issue, k) => index[k] >= 0 && !!issue.options[index[k]].unacceptable_to?.length),
    exact: ids.length === view.issues.length && view.issues.every((issue, k) => ids[k] === issue.id),
  };
}

/** The key two packages share when they choose the same option on every issue of the view. */
export function dealKey(view: PlayerView, deal: Deal): string {
  return dealInfo(view, deal).key;
}

/**
 * A key under which what is worked out from a package may be cached: its dealKey when it names the
 * view's issues in order, otherwise one that also says its order (and no other package shares it).
 */
export function exactKey(view: PlayerView, deal: Deal, info = dealInfo(view, deal)): string {
  return info.exact ? info.key : `\u0001${JSON.stringify(deal)}`;
}

/** Per issue of the view, in order, the index of the option a package chooses (-1 when none). Read only. */
export function dealIndex(view: PlayerView, deal: Deal): readonly number[] {
  if (!Object.isFrozen(deal)) return positions(view, deal);
  return dealInfo(view, deal).index;
}

function positions(view: PlayerView, deal: Deal): number[] {
  return view.issues.map((i) => i.options.findIndex((o) => o.id === deal[i.id]));
}

/** The indicators a package would leave if it took effect now. */
export function projectDeal(
  level: Board,
  indicators: Record<string, number>,
  salience: Record<string, number>,
  deal: Deal,
): Record<string, number> {
  const after = { ...indicators };
  applyDealChanges(level, salience, after, deal, null);
  return after;
}

export function projectRaw(level: Board, indicators: Record<string, number>, effects: Record<string, number>): Record<string, number> {
  const after = { ...indicators };
  applyChanges(level, after, effects, null);
  return after;
}

/** The seat's score out of 100 on its own objectives for given indicators and package (null: no deal). */
export function ownScore(view: PlayerView, level: Board, indicators: Record<string, number>, deal: Deal | null): number {
  let total = 0;
  let got = 0;
  for (const o of view.me.objectives) {
    total += o.weight;
    got += o.weight * objectiveSatisfaction(level, o, indicators, deal);
  }
  return total === 0 ? 0 : (100 * got) / total;
}

/** What a package is worth to the seat's home level: its valuations plus the domestic pressure built up. */
export function homeValue(view: PlayerView, deal: Deal): number {
  return homeValuer(view)(dealInfo(view, deal).index);
}

/**
 * homeValue of packages from their options' positions (dealIndex), with the seat's valuations, pressure
 * and links read from the view once (for the packages of one decision).
 */
export function homeValuer(view: PlayerView): (index: readonly number[]) => number {
  const { values, pressure } = view.me;
  const own = view.issues.map((i) => values[i.id]);
  const pressed = view.issues.map((i) => pressure[i.id]);
  const position = (issue: string) => view.issues.findIndex((i) => i.id === issue);
  const links: { pair: [number[], number[]]; a: number; b: number }[] = [];
  for (const link of view.links) {
    const [a, b] = link.issues;
    const va = values[a];
    const vb = values[b];
    if (!va?.length || !vb?.length) continue;
    links.push({ pair: [va, vb], a: position(a), b: position(b) });
  }
  return (index) => {
    let value = 0;
    for (let k = 0; k < index.length; k++) {
      const i = index[k];
      if (i < 0) continue;
      value += (own[k]?.[i] ?? 0) + (pressed[k]?.[i] ?? 0);
    }
    for (const { pair, a, b } of links) value += linkageGain(pair, [a < 0 ? -1 : index[a], b < 0 ? -1 : index[b]]);
    return value;
  };
}

type Check = (indicators: Record<string, number>) => boolean;
const compiledRequirements = new WeakMap<object, Check[]>();

/** A condition as a test on indicators alone; anything else (events, moves, rounds) is taken to hold. */
function indicatorCheck(level: Board, c: Condition): Check {
  const parts: Check[] = Object.entries(c).flatMap(([key, value]): Check[] => {
    if (value === undefined) return [];
    if (key === 'all' || key === 'any') {
      const subs = (value as Condition[]).map((x) => indicatorCheck(level, x));
      return [key === 'all' ? (ind) => subs.every((f) => f(ind)) : (ind) => subs.some((f) => f(ind))];
    }
    if (key === 'not') {
      const sub = indicatorCheck(level, value as Condition);
      return [(ind) => !sub(ind)];
    }
    return key in level.indicators ? [(ind) => compare(ind[key], value as Comparison)] : [];
  });
  return (ind) => parts.every((f) => f(ind));
}

/**
 * The first of the seat's home-level requirements that the indicators a package leaves would fail, if
 * any. Only indicator tests are checked: whether an event fires or a move is made by then
 * is not the seat's to foresee.
 */
export function unmetHomeRequirement(view: PlayerView, level: Board, projected: Record<string, number>): Condition | undefined {
  const requires = view.me.ratification?.requires;
  if (!requires?.length) return undefined;
  const checks = memo(compiledRequirements, requires, () => requires.map((c) => indicatorCheck(level, c)));
  const failed = checks.findIndex((check) => !check(projected));
  return failed < 0 ? undefined : requires[failed];
}

/** The value the seat's home level needs before it ratifies (its own rule; tied hands raise it). */
export function homeThreshold(view: PlayerView): number | undefined {
  const rule = view.me.ratification;
  return rule ? rule.min_value + TIED_HANDS_STEP * view.me.tiedHands : undefined;
}
