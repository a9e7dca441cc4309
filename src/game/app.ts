/**
 * The game's shared state outside the engine: settings, the save, the locale, sound and the bridge.
 * Scenes read and change it through these functions; the engine session lives in the bridge.
 */
import type { Difficulty } from '../ai';
import { Audio, type Cue } from '../audio';
import type { Message, Text } from '../engine/model';
import { type Locale, message, type Params, t, text } from '../i18n';
import { formatDate, formatDateRange, formatNumber, formatSigned } from '../i18n/format';
import { LANGUAGE_CODE } from '../levels/schema';
import { carriedInto, isUnlocked as unlocked, recordFinish } from '../levels/campaign';
import { Bridge } from './bridge';
import { campaign, type LevelEntry } from './levels';
import { entryByKey, isScenario, keyOf } from './scenario/registry';
import { emptyStore, type LoadProblem, loadSettings, loadStore, motionReduced, type Settings, type Store, writeSettings, writeStore } from './store';
import { announce, enableShortcuts, showCue } from './ui/dom';

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

const loaded = loadStore();
const locale = detectLocale();

export const app = {
  locale,
  language: detectLanguage(locale),
  settings: loadSettings() as Settings,
  store: loaded.store as Store,
  /** A problem found when reading the save, shown once on the title screen. */
  problem: loaded.problem as LoadProblem | 'restore',
  bridge: new Bridge(),
  audio: null as Audio | null,
};

app.bridge.setSaver(() => saveCurrent());

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

export function initAudio(): void {
  if (!app.audio) app.audio = new Audio(app.settings.volume, app.settings.muted);
}

const CUE_KEYS: Record<Cue, string> = { select: 'cue.select', tabled: 'cue.tabled', agreement: 'cue.agreement', rejection: 'cue.rejection', news: 'cue.news' };

/** Play a cue and show it: sound is never the only carrier of meaning. */
export function cue(c: Cue): void {
  app.audio?.play(c);
  if (c !== 'select') showCue(c, tr(CUE_KEYS[c]));
}

export function saveCurrent(): void {
  const b = app.bridge;
  if (b.session && b.entry) {
    app.store.current = { levelId: keyOf(b.entry), role: b.role, difficulty: b.difficulty, record: b.session.save() };
  }
  writeStore(app.store);
}

export function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

export function isUnlocked(entry: LevelEntry): boolean {
  return unlocked(campaign, app.store.campaign, entry.level.id);
}

/** Start a level; `fresh` starts from the level's own values instead of what the campaign carried in. */
export function startLevel(entry: LevelEntry, role: string, { fresh = false, difficulty = app.settings.difficulty }: { fresh?: boolean; difficulty?: Difficulty } = {}): void {
  app.bridge.begin(entry, role, difficulty, carriedInto(campaign, app.store.campaign, entry.level.id, { fresh }), newSeed());
  saveCurrent();
}

/**
 * Continue the level in play; a save that cannot be restored is set aside with a message. A scenario
 * in play must have been made ready first (`prepare` in scenario/registry.ts).
 */
export function continueLevel(): boolean {
  const current = app.store.current;
  const entry = current ? entryByKey(current.levelId) : undefined;
  if (!current || !entry) {
    if (current) {
      app.store.current = null;
      writeStore(app.store);
      app.problem = 'restore';
    }
    return false;
  }
  const r = app.bridge.resume(entry, current.role, current.difficulty, current.record);
  if (!r.ok) {
    app.store.current = null;
    writeStore(app.store);
    app.problem = 'restore';
    announce(r.errors.map(msg).join(' '));
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
  if (!isScenario(b.entry)) app.store.campaign = recordFinish(campaign, app.store.campaign, b.entry.level, b.session.context().indicators, score);
  app.store.current = null;
  writeStore(app.store);
}

export function newCampaign(): void {
  app.bridge.end();
  app.store = emptyStore();
  writeStore(app.store);
}
