/**
 * The game's shared state outside the engine: settings, the save, the locale, sound and the bridge.
 * Scenes read and change it through these functions; the engine session lives in the bridge.
 */
import type { Difficulty } from '../ai';
import type { Audio, Cue } from '../audio';
import type { Message, Text } from '../engine/model';
import { type Locale, message, type Params, t, text } from '../i18n/core';
import { formatDate, formatDateRange, formatNumber, formatSigned } from '../i18n/format';
import { LANGUAGE_CODE } from '../levels/language';
import { carriedInto, isUnlocked as unlocked, recordFinish } from '../levels/campaign';
import { Bridge } from './bridge';
import { campaign, type LevelEntry } from './levels';
import { wake } from './idle';
import { entryByKey, isScenario, keyOf } from './scenario/registry';
import { tension } from './tension';
import {
  emptyStore,
  loadSettings,
  loadStore,
  motionReduced,
  readStore,
  type SetAside,
  type Settings,
  type Store,
  setAside,
  writeSettings,
  writeStore,
} from './store';
import { button, enableShortcuts, h, showCue } from './ui/dom';

function detectLocale(): Locale {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'fr' || asked === 'en') return asked;
    return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  } catch {
    return 'en';
  }
}

/** The language for a level's own text: any code a level may carry (es, de...), not only the game's two. */
function detectLanguage(locale: Locale): string {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang') ?? navigator.language;
    return asked && LANGUAGE_CODE.test(asked.toLowerCase()) ? asked.toLowerCase() : locale;
  } catch {
    return locale;
  }
}

/**
 * Why a save was set aside, shown on the title screen until the player leaves it: the kind picks the
 * message, `params` fill it, `reason` says what was wrong in the player's words.
 */
export interface SaveProblem {
  kind: 'corrupt' | 'newer' | 'restore' | 'seat' | 'level' | 'screen' | 'load';
  params?: Record<string, string>;
  reason?: string;
  aside: SetAside | null;
}

const loaded = loadStore();
const locale = detectLocale();

export const app = {
  locale,
  language: detectLanguage(locale),
  settings: loadSettings() as Settings,
  store: loaded.store as Store,
  problem: (loaded.problem ? { kind: loaded.problem, aside: loaded.aside } : null) as SaveProblem | null,
  bridge: new Bridge(),
  audio: null as Audio | null,
  /** Set by main.ts: lets a failure outside a scene's own code bring the player back to the title. */
  toTitle: (() => undefined) as () => void,
  /** The step of the guided first level, or null when not in it. */
  tutorial: null as number | null,
  /** A status every key bar carries at its end (a classroom student's seat, team and connection), or null. */
  keybarNote: null as HTMLElement | null,
};

app.bridge.setSaver(() => saveCurrent());
// An engine change wakes the canvas; the score follows the tension of the round the engine reports.
app.bridge.on((c) => {
  wake();
  app.audio?.setTension(tension(c.view, c.entries));
});
app.bridge.setErrorHandler((error) => {
  recover(error);
  app.toTitle();
});

export const tr = (key: string, params: Params = {}) => t(`ui.${key}`, app.locale, params);
export const lt = (value: Text | undefined) => text(value, app.language, app.locale);
export const msg = (m: Message) => message(m, app.locale);
/** Numbers and dates on screen, in the reader's language. */
export const num = (n: number) => formatNumber(n, app.locale);
export const signed = (n: number) => formatSigned(n, app.locale);
export const date = (iso: string) => formatDate(iso, app.locale);
export const dateRange = (from: string, to: string) => formatDateRange(from, to, app.locale);

export function applySettings(): void {
  const s = app.settings;
  document.documentElement.style.setProperty('--text-scale', String(s.textScale));
  document.body.classList.toggle('reduced-motion', motionReduced(s));
  document.body.classList.toggle('no-shortcuts', !s.shortcuts);
  applyLayout();
  enableShortcuts(s.shortcuts);
  document.documentElement.lang = app.locale;
  app.audio?.setVolume(s.volume, s.muted);
  writeSettings(s);
}

/** Large text reflows into one scrolling column: at the 160% and 200% sizes, or when the window is under 60em wide (browser zoom). */
export function applyLayout(): void {
  const rootPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  document.body.classList.toggle('reflow', app.settings.textScale >= 1.5 || window.innerWidth < 60 * rootPx);
}

let audioLoading: Promise<void> | null = null;

/** Load the sound code (Howler, its own chunk) once and start the music; the title never waits for it. */
export function startMusic(): void {
  audioLoading ??= import('../audio').then(
    ({ Audio }) => {
      app.audio = new Audio(app.settings.volume, app.settings.muted);
    },
    () => undefined,
  );
  void audioLoading.then(() => {
    app.audio?.startMusic();
    app.audio?.setTension(0);
  });
}

const CUE_KEYS: Record<Cue, string> = {
  select: 'cue.select',
  tabled: 'cue.tabled',
  agreement: 'cue.agreement',
  rejection: 'cue.rejection',
  news: 'cue.news',
};

/** The cues that show (Selected only sounds), with their labels: a screen keeps room for the widest. */
export function shownCues(): { kind: Cue; label: string }[] {
  return (Object.keys(CUE_KEYS) as Cue[]).filter((c) => c !== 'select').map((kind) => ({ kind, label: tr(CUE_KEYS[kind]) }));
}

/** Play a cue and show it: sound is never the only carrier of meaning. */
export function cue(c: Cue): void {
  app.audio?.play(c);
  if (c !== 'select') showCue(c, tr(CUE_KEYS[c]));
}

let writeWarned = false;

/** Write the save; the first time storage refuses, tell the player and offer the save as a file. */
function persist(): void {
  if (writeStore(app.store) || writeWarned) return;
  writeWarned = true;
  const box = document.getElementById('notice');
  if (!box) return;
  const close = () => box.replaceChildren();
  box.replaceChildren(
    h(
      'div',
      { class: 'notice', role: 'alert' },
      h('p', { text: tr('storage.failed') }),
      h(
        'div',
        { class: 'row' },
        button(tr('storage.export'), () => exportSave(JSON.stringify(app.store)), { focus: 'storage-export', cls: 'btn btn-primary' }),
        button(tr('storage.dismiss'), close, { focus: 'storage-dismiss' }),
      ),
    ),
  );
}

/** Offer a save's text as a file download (the player keeps it; Import reads it back). */
export function exportSave(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { href: url, download: `borderlines-save-${new Date().toISOString().slice(0, 10)}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function saveCurrent(): void {
  const b = app.bridge;
  if (b.session && b.entry) {
    app.store.current = { levelId: keyOf(b.entry), role: b.role, difficulty: b.difficulty, record: b.session.save() };
  }
  persist();
}

/**
 * Set the level in play aside with the reason, keeping the campaign: the whole save as it was is
 * copied under a set-aside key (never deleted) and the title says why.
 */
function setAsideCurrent(problem: Omit<SaveProblem, 'aside'>): void {
  const aside = setAside(JSON.stringify(app.store));
  app.bridge.end();
  app.store.current = null;
  // Only once a copy is kept does the live save drop the level in play.
  if (aside.keptAs) persist();
  app.problem = { ...problem, aside };
}

/** Anything that fails while a screen is built or updated: the level in play is set aside and the title says why. */
export function recover(error: unknown): void {
  console.warn('Borderlines recovered from', error);
  const reason = error instanceof Error ? error.message : String(error);
  if (app.store.current) setAsideCurrent({ kind: 'screen', reason });
  else app.problem = { kind: 'screen', reason, aside: null };
}

export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

export function isUnlocked(entry: LevelEntry): boolean {
  return unlocked(campaign, app.store.campaign, entry.level.id);
}

/** Start a level; `fresh` starts from the level's own values instead of what the campaign carried in. */
export function startLevel(
  entry: LevelEntry,
  role: string,
  { fresh = false, difficulty = app.settings.difficulty }: { fresh?: boolean; difficulty?: Difficulty } = {},
): void {
  app.tutorial = null;
  app.bridge.begin(entry, role, difficulty, carriedInto(campaign, app.store.campaign, entry.level.id, { fresh }), newSeed());
  saveCurrent();
}

/**
 * The guided first level: the campaign's first level, from a fresh start, as the weaker side at the table
 * (the game's point of view), at the easy difficulty, with the tutorial on.
 */
export function startTutorial(): boolean {
  const entry = campaign[0];
  if (!entry) return false;
  const actors = Object.entries(entry.level.actors).filter(([, a]) => a.seat === 'table');
  const weakest = actors.sort(([, a], [, b]) => a.power - b.power)[0]?.[0];
  if (!weakest) return false;
  startLevel(entry, weakest, { fresh: true, difficulty: 'easy' });
  app.tutorial = 0;
  return true;
}

/** Part of the game could not be fetched (offline before it was cached): the save is untouched, the title says so. */
export function loadFailed(error: unknown): void {
  console.warn('Borderlines could not load a screen', error);
  app.problem = { kind: 'load', reason: error instanceof Error ? error.message : String(error), aside: null };
}

/**
 * Continue the level in play. Its level and seat are checked before the table opens; a save that
 * names a level or seat the game does not have, or cannot be replayed, is set aside with its reason.
 */
export function continueLevel(): boolean {
  const current = app.store.current;
  if (!current) return false;
  const entry = entryByKey(current.levelId);
  if (!entry) {
    setAsideCurrent({ kind: 'level', params: { level: current.levelId } });
    return false;
  }
  const { actors, objectives } = entry.level;
  if (!Object.hasOwn(actors, current.role) || !Object.hasOwn(objectives, current.role)) {
    setAsideCurrent({ kind: 'seat', params: { role: current.role, level: lt(entry.level.title) } });
    return false;
  }
  const r = app.bridge.resume(entry, current.role, current.difficulty, current.record);
  if (!r.ok) {
    setAsideCurrent({ kind: 'restore', reason: r.errors.map(msg).join(' ') });
    return false;
  }
  return true;
}

/**
 * Record a finished level: a campaign level updates progress, a level that stands alone leaves it as it
 * was, and so does a scenario from "My scenarios" even when it carries a campaign level's id.
 */
export function finishLevel(): void {
  const b = app.bridge;
  if (!b.session || !b.entry) return;
  const score = b.view().outcome?.scores[b.role]?.score;
  if (!isScenario(b.entry))
    app.store.campaign = recordFinish(campaign, app.store.campaign, b.entry.level, b.session.context().indicators, score);
  app.store.current = null;
  persist();
}

export function newCampaign(): void {
  app.bridge.end();
  app.store = emptyStore();
  persist();
}

/** Replace the save with one read from a file; false (and nothing changed) when the file is not a save. */
export function importSave(text: string): boolean {
  const { store, problem } = readStore(text);
  if (problem) return false;
  app.bridge.end();
  app.store = store;
  persist();
  return true;
}
