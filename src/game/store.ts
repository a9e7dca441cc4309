/**
 * What the game keeps in localStorage: the player's settings and a versioned save holding campaign
 * progress and the level in play (the engine's own save record: level, seed, event log, snapshot).
 * Nothing here throws: a save that cannot be read is set aside (copied under another key, never
 * deleted) and reported, and a new game works.
 */
import type { SaveRecord } from '../engine';
import { DIFFICULTIES, type Difficulty } from '../ai/difficulty';
import { emptyProgress, type Progress } from '../levels/campaign';

export const SAVE_KEY = 'borderlines.save';
export const SETTINGS_KEY = 'borderlines.settings';
/** Saves set aside go under this key, then `.2`, `.3`...: a later one never overwrites an earlier one. */
export const SET_ASIDE_KEY = `${SAVE_KEY}.set-aside`;
/** Version 1 was a bare engine record; version 2 wraps it with the campaign and the seat played. */
export const STORE_VERSION = 2;

export interface InPlay {
  levelId: string;
  role: string;
  difficulty: Difficulty;
  record: SaveRecord;
}

/** Campaign progress: the shape and its rules live in src/levels/campaign.ts. */
export type Campaign = Progress;

export interface Store {
  version: typeof STORE_VERSION;
  campaign: Campaign;
  current: InPlay | null;
}

export interface Settings {
  volume: number;
  muted: boolean;
  textScale: number;
  /** Reduced motion as the player chose it; null follows the system setting (prefers-reduced-motion). */
  reducedMotion: boolean | null;
  /** Single-key shortcuts (WCAG 2.1.4: they can be turned off). */
  shortcuts: boolean;
  /** Guidance at the table in the first rounds. */
  hints: boolean;
  /** How hard the AI counterparts bargain. */
  difficulty: Difficulty;
}

export type LoadProblem = 'corrupt' | 'newer' | null;

export const emptyStore = (): Store => ({ version: STORE_VERSION, campaign: emptyProgress(), current: null });

/** The browser's local storage, or null where it is refused (private modes, blocked cookies). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isRecord(v: unknown): v is SaveRecord {
  return (
    isObject(v) && typeof v.format === 'number' && typeof v.level === 'string' && typeof v.seed === 'number' && Array.isArray(v.events)
  );
}

function numbers(v: unknown): Record<string, number> {
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'number' && Number.isFinite(x))) as Record<string, number>;
}

/** Bring any stored value to the current shape, or say why it cannot be. */
export function migrate(raw: unknown): { store: Store; problem: LoadProblem } {
  if (raw === null || raw === undefined) return { store: emptyStore(), problem: null };
  // Version 1: the engine's bare save record for one level, played as Ottawa.
  if (isRecord(raw) && !('version' in raw)) {
    return {
      store: { ...emptyStore(), current: { levelId: raw.level, role: 'ottawa', difficulty: 'normal', record: raw } },
      problem: null,
    };
  }
  if (!isObject(raw) || typeof raw.version !== 'number') return { store: emptyStore(), problem: 'corrupt' };
  if (raw.version > STORE_VERSION) return { store: emptyStore(), problem: 'newer' };
  const c = isObject(raw.campaign) ? raw.campaign : {};
  const completed = Array.isArray(c.completed) ? c.completed.filter((x): x is string => typeof x === 'string') : [];
  const carried = numbers(c.carried);
  const finals = isObject(c.finals) ? Object.fromEntries(Object.entries(c.finals).map(([id, v]) => [id, numbers(v)])) : {};
  // Saves from before `finals` kept only what the last finished level handed on.
  const last = completed.at(-1);
  if (!isObject(c.finals) && last !== undefined && Object.keys(carried).length) finals[last] = carried;
  const campaign: Campaign = { completed, carried, finals, best: numbers(c.best) };
  let current: InPlay | null = null;
  let problem: LoadProblem = null;
  if (raw.current !== null && raw.current !== undefined) {
    const p = raw.current;
    if (isObject(p) && typeof p.levelId === 'string' && typeof p.role === 'string' && isRecord(p.record)) {
      const difficulty = p.difficulty === 'easy' || p.difficulty === 'hard' ? p.difficulty : 'normal';
      current = { levelId: p.levelId, role: p.role, difficulty, record: p.record };
    } else problem = 'corrupt';
  }
  return { store: { version: STORE_VERSION, campaign, current }, problem };
}

/** Why a save was set aside, the text set aside, and the key that keeps it (null when storage refused). */
export interface SetAside {
  text: string;
  keptAs: string | null;
}

/** Read the save. A damaged one is moved aside under another key (so nothing is lost) and reported. */
export function loadStore(): { store: Store; problem: LoadProblem; aside: SetAside | null } {
  const ls = storage();
  const text = ls?.getItem(SAVE_KEY) ?? null;
  if (text === null) return { store: emptyStore(), problem: null, aside: null };
  const result = readStore(text);
  return { ...result, aside: result.problem ? setAside(text) : null };
}

/** A save's text (from storage or an imported file) brought to the current shape, or why it cannot be. */
export function readStore(text: string): { store: Store; problem: LoadProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { store: emptyStore(), problem: 'corrupt' };
  }
  return migrate(parsed);
}

/**
 * Keep a save's text under the first free set-aside key, then drop it from the live key. If storage
 * refuses the copy, the live key is left as it was: nothing is removed that was not kept elsewhere.
 */
export function setAside(text: string): SetAside {
  const ls = storage();
  if (!ls) return { text, keptAs: null };
  try {
    let key = SET_ASIDE_KEY;
    for (let n = 2; ls.getItem(key) !== null && ls.getItem(key) !== text; n++) key = `${SET_ASIDE_KEY}.${n}`;
    ls.setItem(key, text);
    ls.removeItem(SAVE_KEY);
    return { text, keptAs: key };
  } catch {
    return { text, keptAs: null };
  }
}

/** Write the save; false when storage is full or blocked (private browsing, quota). */
export function writeStore(store: Store): boolean {
  try {
    const ls = storage();
    if (!ls) return false;
    ls.setItem(SAVE_KEY, JSON.stringify(store));
    return true;
  } catch {
    return false;
  }
}

/** Does the system ask for reduced motion? */
export function systemReducedMotion(): boolean {
  try {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

/** Whether motion is reduced: the player's choice, or the system's until they make one. */
export const motionReduced = (s: Settings): boolean => s.reducedMotion ?? systemReducedMotion();

export function defaultSettings(): Settings {
  return { volume: 0.6, muted: false, textScale: 1, reducedMotion: null, shortcuts: true, hints: true, difficulty: 'normal' };
}

export function loadSettings(): Settings {
  const base = defaultSettings();
  try {
    const v = JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? 'null') as unknown;
    if (!isObject(v)) return base;
    return {
      volume: typeof v.volume === 'number' ? Math.max(0, Math.min(1, v.volume)) : base.volume,
      muted: typeof v.muted === 'boolean' ? v.muted : base.muted,
      textScale: typeof v.textScale === 'number' ? Math.max(0.85, Math.min(2, v.textScale)) : base.textScale,
      reducedMotion: typeof v.reducedMotion === 'boolean' ? v.reducedMotion : base.reducedMotion,
      shortcuts: typeof v.shortcuts === 'boolean' ? v.shortcuts : base.shortcuts,
      hints: typeof v.hints === 'boolean' ? v.hints : base.hints,
      difficulty: DIFFICULTIES.includes(v.difficulty as Difficulty) ? (v.difficulty as Difficulty) : base.difficulty,
    };
  } catch {
    return base;
  }
}

export function writeSettings(s: Settings): void {
  try {
    storage()?.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // Settings are a convenience: not saving them never stops play.
  }
}
