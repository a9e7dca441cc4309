/**
 * Finds the line that is out of step when the YAML parser reports an indentation mistake. The parser says
 * what it could not read ("Nested mappings are not allowed in compact mappings", "All mapping items must
 * start at the same column"), often on the line before the mistake; an author needs the line that is out of
 * step, how far it is indented against the lines around it, and the indentation that fixes it.
 *
 * A light model of block YAML, enough for levels: each line is a field (`key: ...`), a list item (`- ...`) or
 * something skipped (blank lines, comments, the lines of a `>` or `|` text, a `{ ... }` or a quoted text running
 * over several lines, the following lines of a plain text). A field must sit at the column of a map that is
 * still open, a list item at the column of an open list, or either one deeper than a field with nothing after
 * its colon. A line that fits nowhere is out of step; so is a line whose neighbours on both sides agree on a
 * column when it does not (a field dedented under an actor is legal YAML on its own, and the parser only fails
 * on the line after it).
 */
import { pathToString } from './result';

export interface OutOfStep {
  line: number;
  column: number;
  path: string;
  message: string;
  hint: string;
  /** The indentation, in spaces, that fixes the line. */
  indent: number;
}

type Kind = 'map' | 'seq';

/** A field or list item line, as the structural pass sees it. */
interface Row {
  line: number;
  /** Leading whitespace, in characters (a tab counts as one). */
  col: number;
  tab: boolean;
  kind: Kind;
  /** The field's name: of the line, or of the first field inside a list item (`- id: x`). */
  key?: string;
  /** For a list item holding a field, how many characters the field stands right of the dash. */
  inner: number;
  /** Nothing follows the colon (or the dash): the lines below are its value. */
  opens: boolean;
  text: string;
}

interface Entry {
  col: number;
  kind: Kind;
  key: string | number;
}

interface State {
  stack: Entry[];
  opener: { col: number; kind: Kind } | null;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{[\]},&*!|>%@`][^#]*?)[ \t]*:(?=\s|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;
/** A hostile file can nest without end; the model gives up rather than slow the loader down. */
const MAX_STACK = 200;
/** Past this many lines out of step the file is not a level with a slip of indentation; stop looking. */
const MAX_FOUND = 100;

/** The value after a colon or dash, without a trailing comment. */
function bareValue(s: string): string {
  const v = s.trim();
  if (v.startsWith('"') || v.startsWith("'")) return v;
  const hash = v.search(/(^|\s)#/);
  return (hash < 0 ? v : v.slice(0, hash)).trim();
}

/** Lines that are fields or list items, skipping the inside of texts and flow collections over several lines. */
function rows(text: string): Row[] {
  const out: Row[] = [];
  const lines = text.split(/\r?\n/);
  let blockAbove: number | null = null; // inside a | or > text: its lines are indented more than this
  let plainAbove: number | null = null; // after a plain text value: its next lines are indented more than this
  let depth = 0; // open { and [
  let quote: '"' | "'" | null = null;

  /** Follow quotes and brackets through a value, so that the lines it runs over are skipped. */
  const follow = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = null;
      } else if (quote === "'") {
        if (c === "'" && s[i + 1] === "'") i++;
        else if (c === "'") quote = null;
      } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) {
        return;
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(s[i - 1]))) {
        quote = c;
      } else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
    }
  };

  lines.forEach((raw, n) => {
    const spaces = (/^ */.exec(raw) as RegExpExecArray)[0].length;
    const rest = raw.trimStart();
    if (blockAbove !== null) {
      if (rest === '' || spaces > blockAbove) return;
      blockAbove = null;
    }
    if (quote || depth > 0) {
      follow(raw);
      return;
    }
    if (rest === '' || rest.startsWith('#')) return;
    const ws = raw.slice(0, raw.length - rest.length);
    const col = ws.length;
    if (col === 0 && /^(---|\.\.\.|%)/.test(rest)) {
      plainAbove = null;
      return;
    }
    const item = /^-(\s|$)/.test(rest);
    const after = item ? rest.slice(1) : rest;
    const gap = item ? after.length - after.trimStart().length : 0;
    const body = item ? after.trimStart() : rest;
    const bodyCol = item ? col + 1 + gap : col;
    const key = body.startsWith('- ') ? null : KEY.exec(body);
    if (!item && !key) {
      // A line of a plain text, or something the parser will name itself (a field without its colon).
      return;
    }
    plainAbove = null;
    const value = key ? body.slice(key[0].length) : body;
    const v = bareValue(value);
    const opens = v === '' || /^[&!]\S*$/.test(v);
    if (BLOCK_SCALAR.test(v)) blockAbove = key ? bodyCol : col;
    else if (/^[[{"']/.test(v)) follow(value);
    // A plain text may hold brackets and quotes of its own ("{money:2e9}", "Canada's"): only its next lines matter.
    else if (!opens) plainAbove = key ? bodyCol : col;
    out.push({
      line: n + 1,
      col,
      tab: ws.includes('\t'),
      kind: item ? 'seq' : 'map',
      key: key ? key[1].replace(/^["']|["']$/g, '') : undefined,
      inner: 1 + gap,
      opens,
      text: rest.length > 40 ? `${rest.slice(0, 40)}…` : rest,
    });
    // The next lines of a plain text are indented more than the field; they are skipped as text.
    if (plainAbove !== null) {
      let i = n + 1;
      while (i < lines.length) {
        const l = lines[i];
        const t = l.trimStart();
        if (t === '' || t.startsWith('#')) {
          i++;
          continue;
        }
        if (l.length - t.length > plainAbove && !/^-(\s|$)/.test(t) && !KEY.exec(t)) {
          lines[i] = ''; // a continuation: blank it so the loop above skips it
          i++;
        } else break;
      }
      plainAbove = null;
    }
  });
  return out;
}

const copy = (s: State): State => ({ stack: s.stack.map((e) => ({ ...e })), opener: s.opener && { ...s.opener } });

/** Place a row at a column: whether an open map or list (or the field above, still waiting for its value) takes it there. */
function place(s: State, row: Row, col: number): boolean {
  const { stack } = s;
  const key = row.kind === 'seq' ? 0 : (row.key ?? '');
  if (stack.length === 0 || (s.opener && (col > s.opener.col || (row.kind === 'seq' && s.opener.kind === 'map' && col === s.opener.col)))) {
    stack.push({ col, kind: row.kind, key });
  } else {
    let i = stack.length - 1;
    while (i >= 0 && stack[i].col > col) i--;
    while (i >= 0 && stack[i].col === col && stack[i].kind !== row.kind) i--;
    if (i < 0 || stack[i].col !== col || stack[i].kind !== row.kind) return false;
    stack.length = i + 1;
    const top = stack[i];
    top.key = row.kind === 'seq' ? (top.key as number) + 1 : key;
  }
  if (row.kind === 'seq' && row.key !== undefined) stack.push({ col: col + row.inner, kind: 'map', key: row.key });
  s.opener = row.opens
    ? {
        col: row.kind === 'seq' && row.key === undefined ? col : col + (row.kind === 'seq' ? row.inner : 0),
        kind: row.key !== undefined ? 'map' : 'seq',
      }
    : null;
  return true;
}

/** Whether a row could stand at a column in this state. */
const fits = (s: State, row: Row, col: number) => place(copy(s), row, col);

const spaces = (n: number) => (n === 0 ? 'not indented' : `indented ${n} space${n === 1 ? '' : 's'}`);

/** The lines out of step in a YAML text, with the indentation that fixes each; empty when the model finds none. */
export function outOfStep(text: string): OutOfStep[] {
  const all = rows(text);
  const lines = text.split(/\r?\n/);
  const found: OutOfStep[] = [];
  let state: State = { stack: [], opener: null };
  let before: State | null = null; // the state before the last row placed, to blame that row instead
  let last = -1; // index of the last row placed
  let lastCol = -1;
  const cols = new Map<number, number>(); // effective column of each row placed

  const report = (i: number, indent: number, like: string) => {
    const row = all[i];
    const what = row.kind === 'seq' ? `the list item "${row.text}"` : `"${row.key}"`;
    const target = indent === 0 ? 'start it at the beginning of the line' : `indent it by ${indent} space${indent === 1 ? '' : 's'}`;
    found.push({
      line: row.line,
      column: row.tab ? lines[row.line - 1].indexOf('\t') + 1 : row.col + 1,
      // A list item is named by its place in the list, not by its first field.
      path: pathToString(state.stack.slice(0, row.kind === 'seq' && row.key !== undefined ? -1 : undefined).map((e) => e.key)),
      message: row.tab
        ? `${what} is indented with a tab; YAML indents with spaces only`
        : `${what} is ${spaces(row.col)} where ${like} ${like.includes('lines') || like.includes('items') ? 'are' : 'is'} ${spaces(indent)}`,
      hint: row.tab ? `replace the tab with spaces: ${target}, like ${like}` : `${target}, like ${like}`,
      indent,
    });
  };

  for (let i = 0; i < all.length; i++) {
    const row = all[i];
    if (state.stack.length > MAX_STACK) return [];
    if (found.length >= MAX_FOUND) break;
    const prev = last >= 0 ? all[last] : undefined;
    const next = all[i + 1];
    if (!row.tab) {
      const saved = copy(state);
      if (place(state, row, row.col)) {
        before = saved;
        last = i;
        lastCol = row.col;
        cols.set(i, row.col);
        continue;
      }
      // The row above may be the one out of step: moved to `col`, it lets this row stand where it is.
      const blame = (col: number, like: string): boolean => {
        if (!prev || !before) return false;
        const retry = copy(before);
        if (!place(retry, prev, col) || !fits(retry, row, row.col)) return false;
        state = retry;
        report(last, col, like);
        cols.set(last, col);
        before = copy(state);
        place(state, row, row.col);
        last = i;
        lastCol = row.col;
        cols.set(i, row.col);
        return true;
      };
      // ... when the lines on both sides of it agree and it does not,
      const q = last > 0 ? all[last - 1] : undefined;
      const above = q !== undefined && cols.get(last - 1) === row.col && q.kind === row.kind;
      const below = next !== undefined && next.col === row.col && next.kind === row.kind && !next.tab;
      if (prev && prev.kind === row.kind && lastCol !== row.col && !found.some((f) => f.line === prev.line) && (above || below)) {
        if (blame(row.col, above ? 'the lines above and below' : 'the lines below')) continue;
      }
      // ... or when it is a list item as deep as the fields under it ("- id: x" over "label:") and a later item of
      // the same list stands where its dash should.
      if (prev && prev.kind === 'seq' && prev.key !== undefined && row.kind === 'map' && lastCol === row.col) {
        const dash = row.col - prev.inner;
        if (laterItemAt(all, i + 1, dash) && blame(dash, 'the other items of its list')) continue;
      }
    }
    // This row is out of step: find the indentation that fits, preferring its neighbours'.
    const choices: [number | undefined, string][] = [
      [
        prev && next && prev.kind === row.kind && next.kind === row.kind && lastCol === next.col ? lastCol : undefined,
        'the lines above and below',
      ],
      [prev && prev.kind === row.kind ? lastCol : undefined, 'the line above'],
      [next && next.kind === row.kind && !next.tab ? next.col : undefined, 'the line below'],
      [state.opener ? state.opener.col + 2 : undefined, 'the other lines under its parent'],
    ];
    const open = state.stack
      .filter((e) => e.kind === row.kind)
      .map((e) => e.col)
      .sort((a, b) => Math.abs(a - row.col) - Math.abs(b - row.col) || b - a);
    for (const c of open) choices.push([c, row.kind === 'seq' ? 'the other items of its list' : 'the other fields of its map']);
    const choice = choices.find(([c]) => c !== undefined && (row.tab || c !== row.col) && fits(state, row, c));
    if (!choice || choice[0] === undefined) continue;
    before = copy(state);
    place(state, row, choice[0]);
    report(i, choice[0], choice[1]);
    last = i;
    lastCol = choice[0];
    cols.set(i, choice[0]);
  }
  return found;
}

/** Whether a list item stands at a column further down, in the same list (before anything shallower). */
function laterItemAt(all: readonly Row[], from: number, col: number): boolean {
  for (let j = from; j < all.length && j < from + 500; j++) {
    if (all[j].col < col || (all[j].col === col && all[j].kind === 'map')) return false;
    if (all[j].col === col && all[j].kind === 'seq') return true;
  }
  return false;
}

/** The text with each out-of-step line indented as its fix says (the lines keep their numbers). */
export function reindented(text: string, fixes: readonly OutOfStep[]): string {
  const lines = text.split('\n');
  for (const f of fixes) {
    const l = lines[f.line - 1];
    if (l !== undefined) lines[f.line - 1] = ' '.repeat(f.indent) + l.replace(/^[ \t]*/, '');
  }
  return lines.join('\n');
}
