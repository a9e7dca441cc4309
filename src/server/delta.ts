/**
 * A student's payload goes as the parts that changed since the last one this client received: the
 * server keeps, per client, the JSON text of each top-level key of the payload and of its view, and
 * sends only the keys whose text differs (nothing at all when none does); the client merges them into
 * what it holds. A fresh connection holds nothing, so its first payload is whole. Both halves live
 * here, plain TypeScript with no Node API, so the browser and the test clients merge as the server meant.
 */
import type { StudentPayload } from './classroom';

/** Key to JSON text of its value; keys whose value is undefined are absent (as JSON.stringify leaves them out). */
export type Texts = Map<string, string>;

/** What one client holds: its payload's key texts, and its view's (null: a null view; undefined: nothing yet). */
export interface Held {
  payload: Texts;
  view: Texts | null | undefined;
}

export const nothingHeld = (): Held => ({ payload: new Map(), view: undefined });

/** The JSON text of each key of `value`; the texts in `known` are taken as they are (keys whose value cannot have changed). */
export function textsOf(value: object, known?: Texts): Texts {
  const out: Texts = new Map();
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out.set(k, known?.get(k) ?? JSON.stringify(v));
  return out;
}

/** Append `"key":text` for each key whose text is not what is held, and list the held keys that are gone. */
function changes(held: Texts, now: Texts, parts: string[], gone: string[], prefix: string): void {
  for (const [k, text] of now) if (held.get(k) !== text) parts.push(`${JSON.stringify(k)}:${text}`);
  for (const k of held.keys()) if (!now.has(k)) gone.push(prefix + k);
}

/**
 * The message (JSON text) that brings a client from `held` to this payload and view, or null when it
 * already holds them; `held` becomes what the client holds once the message is read.
 */
export function deltaMessage(held: Held, payload: Texts, view: Texts | null): string | null {
  const parts: string[] = [];
  const gone: string[] = [];
  changes(held.payload, payload, parts, gone, '');
  if (view === null) {
    if (held.view !== null) parts.push('"view":null');
  } else {
    const viewParts: string[] = [];
    const before = gone.length;
    changes(held.view ?? new Map(), view, viewParts, gone, 'view.');
    // A view with a key gone is sent (even empty), so the client removes the key from a copy, never from what it held.
    if (viewParts.length > 0 || gone.length > before || !held.view) parts.push(`"view":{${viewParts.join(',')}}`);
  }
  if (gone.length > 0) parts.push(`"gone":${JSON.stringify(gone)}`);
  held.payload = payload;
  held.view = view;
  return parts.length > 0 ? `{${parts.join(',')}}` : null;
}

/** A 'you' message as sent: the changed keys of the payload and of its view, and the keys gone. */
export type Delta = Partial<Omit<StudentPayload, 'view'>> & { view?: Partial<StudentPayload['view']> | null; gone?: string[] };

/** The client's half: the payload after this message, from the one it held (none on a fresh connection). */
export function applyDelta(before: StudentPayload | null | undefined, delta: Delta): StudentPayload {
  const { view, gone = [], ...rest } = delta;
  const out = { ...before, ...rest } as StudentPayload & Record<string, unknown>;
  if (view !== undefined) out.view = view === null ? null : ({ ...before?.view, ...view } as StudentPayload['view']);
  for (const path of gone) {
    if (path.startsWith('view.')) {
      if (out.view) delete (out.view as unknown as Record<string, unknown>)[path.slice(5)];
    } else delete out[path];
  }
  return out;
}
