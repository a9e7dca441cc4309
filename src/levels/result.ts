/**
 * The one shape of everything that can fail, in the engine, the level loader and the server alike: the
 * value, or every reason it failed (a refused move has one, a broken level file may have many). Errors are
 * values: nothing that can fail on a stranger's input throws.
 */
export type Result<T, E> = ([T] extends [undefined] ? { ok: true; value?: T } : { ok: true; value: T }) | { ok: false; errors: E[] };

export function ok(): { ok: true; value?: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T): { ok: true; value?: T } {
  return { ok: true, value };
}
export const fail = <E>(errors: E[]): { ok: false; errors: E[] } => ({ ok: false, errors });

/** A problem in a level file, pointing at where it is and how to fix it. */
export interface LevelError {
  file: string;
  line?: number;
  column?: number;
  /** Where in the document, e.g. `issues.refugees.options[1].harmonization`. */
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export function formatLevelError(e: LevelError): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  const hint = e.hint ? `\n    hint: ${e.hint}` : '';
  return `${where}: ${e.severity} at ${e.path || '(top)'}: ${e.message}${hint}`;
}

/** Dot-and-bracket path, as an author reads it. */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Closest candidate within a small edit distance, for "did you mean ...?" hints. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = word.toLowerCase();
  const containing = list.filter((c) => lower.length >= 3 && (c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase())));
  if (containing.length) return containing.sort((a, b) => a.length - b.length)[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of list) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
