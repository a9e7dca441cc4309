/**
 * "My scenarios": the scenario files a player opened, kept in this browser (localStorage) as their
 * text, so they play again without the file and are checked again each time they are opened. A
 * standalone scenario never touches the campaign save. A stored entry that cannot be read is moved
 * aside under another key, never deleted, and reported.
 */
import { isObject, storage as localStore } from '../store';

export const SCENARIOS_KEY = 'borderlines.scenarios';
export const SET_ASIDE_KEY = `${SCENARIOS_KEY}.set-aside`;
const VERSION = 1;

export interface StoredScenario {
  /** A key of our own, so two files with the same level id do not collide. */
  id: string;
  /** The file name it was opened from (or the name given in the studio). */
  file: string;
  /** The level's title in English when it was stored, for the list (the file is not parsed to list it). */
  title: string;
  text: string;
  /** When it was stored, as an ISO date. */
  saved: string;
}

export interface ScenarioList {
  items: StoredScenario[];
  /** How many stored entries could not be read and were set aside. */
  setAside: number;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isScenario(v: unknown): v is StoredScenario {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.file === 'string' &&
    typeof v.title === 'string' &&
    typeof v.text === 'string' &&
    typeof v.saved === 'string'
  );
}

function setAside(storage: Store, what: unknown[]): void {
  let kept: unknown[] = [];
  try {
    const old = JSON.parse(storage.getItem(SET_ASIDE_KEY) ?? '[]');
    if (Array.isArray(old)) kept = old;
  } catch {
    kept = [storage.getItem(SET_ASIDE_KEY)];
  }
  storage.setItem(SET_ASIDE_KEY, JSON.stringify([...kept, ...what]));
}

/** Every stored scenario; whatever is damaged is moved to the set-aside key and counted. */
export function listScenarios(storage: Store | null = localStore()): ScenarioList {
  const raw = storage?.getItem(SCENARIOS_KEY) ?? null;
  if (!storage || raw === null) return { items: [], setAside: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const list = isObject(parsed) && parsed.version === VERSION && Array.isArray(parsed.items) ? parsed.items : null;
  try {
    if (!list) {
      setAside(storage, [raw]);
      storage.removeItem(SCENARIOS_KEY);
      return { items: [], setAside: 1 };
    }
    const items = list.filter(isScenario);
    const bad = list.filter((x) => !isScenario(x));
    if (bad.length) {
      setAside(storage, bad);
      write(storage, items);
    }
    return { items, setAside: bad.length };
  } catch {
    // Storage blocked or full: show what could be read and keep the rest where it is.
    return { items: list ? list.filter(isScenario) : [], setAside: 0 };
  }
}

function write(storage: Store, items: StoredScenario[]): void {
  storage.setItem(SCENARIOS_KEY, JSON.stringify({ version: VERSION, items }));
}

export function getScenario(id: string, storage: Store | null = localStore()): StoredScenario | undefined {
  return listScenarios(storage).items.find((s) => s.id === id);
}

function newId(): string {
  return `s${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/**
 * Keep a scenario. A file of the same name replaces the one stored before (opening a corrected file
 * again updates it); otherwise it is added. Returns the stored entry, or null when storage refuses.
 */
export function saveScenario(file: string, title: string, text: string, storage: Store | null = localStore()): StoredScenario | null {
  if (!storage) return null;
  const { items } = listScenarios(storage);
  const before = items.find((s) => s.file === file);
  const entry: StoredScenario = { id: before?.id ?? newId(), file, title, text, saved: new Date().toISOString() };
  try {
    write(storage, [entry, ...items.filter((s) => s !== before)]);
    return entry;
  } catch {
    return null;
  }
}

export function deleteScenario(id: string, storage: Store | null = localStore()): void {
  if (!storage) return;
  const { items } = listScenarios(storage);
  try {
    write(
      storage,
      items.filter((s) => s.id !== id),
    );
  } catch {
    // Nothing was removed; the list shows it still.
  }
}
