import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { core } from 'zod';
import { outOfStep, reindented } from './indentation';
import { checkReferences } from './references';
import { closest, fail, type LevelError, ok, pathToString, type Result } from './result';
import { type Level, LevelSchema } from './schema';

/** At most this many errors are reported for one file, then one more line says how many were left out. */
export const MAX_REPORTED_ERRORS = 50;

/** The first errors of a long list, and a last one that says how many more there were. */
function capped(errors: LevelError[], file: string, total = errors.length): LevelError[] {
  if (total <= MAX_REPORTED_ERRORS) return errors;
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  return [
    ...shown,
    err(file, '', `and ${total - shown.length} more errors`, 'fix the ones above first: one mistake often causes many of the others'),
  ];
}

/** Larger files are refused before parsing: a level is a few dozen kilobytes. */
export const MAX_LEVEL_BYTES = 512 * 1024;
const MAX_ALIASES = 100;

export type Locate = (path: readonly PropertyKey[]) => { line?: number; column?: number };

/**
 * Parse a level from YAML (or JSON) text. Never throws: every problem comes back as a LevelError
 * naming the file, line, field path, what was expected and a hint.
 */
export function loadLevel(text: string, file = 'level.yaml'): Result<Level, LevelError> {
  if (typeof text !== 'string') return fail([err(file, '', 'expected the text of a level file')]);
  if (text.length > MAX_LEVEL_BYTES) {
    return fail([
      err(
        file,
        '',
        `the file is ${text.length} characters; levels are limited to ${MAX_LEVEL_BYTES}`,
        'split the level or remove embedded data',
      ),
    ]);
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    if (e instanceof RangeError) return fail([tooDeep(file)]);
    return fail([err(file, '', `the YAML parser failed: ${(e as Error).message}`)]);
  }
  const locate: Locate = (path) => locateIn(doc, lineCounter, path);
  if (doc.errors.length > 0) {
    // An indentation mistake reads as the parser's own words, often on the line before it: name the line out
    // of step and the indentation that fixes it, then report what the parser still finds once it is fixed.
    const steps = doc.errors.some((e) => /call stack/i.test(e.message)) ? [] : outOfStep(text);
    if (steps.length > 0) {
      const fixed = reindented(text, steps);
      const again = new LineCounter();
      let rest: LevelError[] = [];
      let restTotal = 0;
      // A file with more lines out of step than are reported is not worth parsing twice (a large one takes seconds).
      if (steps.length < MAX_REPORTED_ERRORS)
        try {
          const redone = parseDocument(fixed, { lineCounter: again, uniqueKeys: true, prettyErrors: false, strict: true });
          rest = yamlErrors(redone, fixed, again, file).filter((e) => !steps.some((s) => s.line === e.line));
          restTotal = Math.max(rest.length, redone.errors.length);
        } catch {
          // The first report stands on its own.
        }
      const errors = [
        ...steps.map(
          (s): LevelError => ({ file, line: s.line, column: s.column, path: s.path, message: s.message, hint: s.hint, severity: 'error' }),
        ),
        ...rest,
      ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      return fail(capped(errors.slice(0, MAX_REPORTED_ERRORS), file, steps.length + restTotal));
    }
    const errors = yamlErrors(doc, text, lineCounter, file);
    return fail(capped(errors, file, doc.errors.length));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof RangeError) return fail([tooDeep(file)]);
    const alias = /alias/i.test(message);
    return fail([
      err(
        file,
        '',
        alias ? 'too many aliases: the document expands beyond what a level needs' : `cannot read the document: ${message}`,
        alias ? 'write the repeated parts out instead of using YAML aliases' : undefined,
      ),
    ]);
  }
  return validateLevel(data, file, locate);
}

/** Validate an already-parsed document (JSON from the studio or a server). */
export function validateLevel(data: unknown, file = 'level', locate: Locate = () => ({})): Result<Level, LevelError> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail([err(file, '', 'expected a map of level fields (format, id, title, ...)', 'start the file with "format: 1"')]);
  }
  const depth = nestingDepth(data, MAX_DEPTH);
  if (depth > MAX_DEPTH) {
    const where = locate(depthPath(data, MAX_DEPTH));
    return fail([{ ...tooDeep(file), ...where }]);
  }
  try {
    const parsed = LevelSchema.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      const issues = withoutMisspeltMissing(parsed.error.issues);
      return fail(
        capped(
          issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => fromZodIssue(issue, file, locate)),
          file,
          issues.length,
        ),
      );
    }
    const problems = checkReferences(parsed.data).map((p) => ({
      file,
      ...locate(p.path),
      path: pathToString(p.path),
      message: p.message,
      hint: p.hint,
      severity: p.severity,
    }));
    if (problems.some((p) => p.severity === 'error')) return fail(capped(problems, file));
    return ok(parsed.data);
  } catch (e) {
    // Defence in depth: whatever slips past the checks above comes back as an error, never a throw.
    return fail([
      err(file, '', `the level could not be checked: ${(e as Error).message}`, 'simplify the part of the file you changed last'),
    ]);
  }
}

/** A level nests maps and lists about ten deep (conditions inside events); far deeper is a mistake or an attack. */
export const MAX_DEPTH = 40;

function tooDeep(file: string): LevelError {
  return err(
    file,
    '',
    `the document is nested more than ${MAX_DEPTH} levels deep; a level needs far fewer`,
    'flatten the conditions: use one "all:" or "any:" list instead of nesting them',
  );
}

/** How deep maps and lists nest, counted without recursion (so a hostile document cannot overflow the stack). */
function nestingDepth(data: unknown, cap: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    max = Math.max(max, depth);
    if (max > cap) return max;
    for (const v of Object.values(node)) stack.push([v, depth + 1]);
  }
  return max;
}

/** The path to the first node nested deeper than `cap`, for pointing at the line. */
function depthPath(data: unknown, cap: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = data;
  while (path.length < cap && node !== null && typeof node === 'object') {
    let entry: [string, unknown] | undefined;
    let deepest = 0;
    for (const [k, v] of Object.entries(node)) {
      const d = nestingDepth(v, cap);
      if (d > deepest) [entry, deepest] = [[k, v], d];
    }
    if (!entry) break;
    path.push(Array.isArray(node) ? Number(entry[0]) : entry[0]);
    node = entry[1];
  }
  return path;
}

/** Where a field path sits in a level's text (line and column), for pointing warnings at their line. */
export function locatorFor(text: string): Locate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  return (path) => locateIn(doc, lineCounter, path);
}

/**
 * A misspelt field gives two issues: the unknown key and the required one it was meant to be. The first says
 * "did you mean ...?"; the second would tell the author to add the field beside the misspelt one, so it goes.
 */
function withoutMisspeltMissing(issues: readonly core.$ZodIssue[]): core.$ZodIssue[] {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(issue.path as PropertyKey[]);
    for (const key of issue.keys) {
      const guess = fieldGuess(key, known);
      if (guess) meant.add(pathToString([...(issue.path as PropertyKey[]), guess]));
    }
  }
  return issues.filter(
    (issue) => !(issue.code === 'invalid_type' && issue.input === undefined && meant.has(pathToString(issue.path as PropertyKey[]))),
  );
}

/** What a comparison's author probably meant by another name for one of its four tests. */
const COMPARISON_WORDS: Record<string, string> = {
  '>': 'above',
  gt: 'above',
  greater_than: 'above',
  more_than: 'above',
  over: 'above',
  '>=': 'at_least',
  '=>': 'at_least',
  gte: 'at_least',
  min: 'at_least',
  minimum: 'at_least',
  '<': 'below',
  lt: 'below',
  less_than: 'below',
  under: 'below',
  '<=': 'at_most',
  '=<': 'at_most',
  lte: 'at_most',
  max: 'at_most',
  maximum: 'at_most',
};
const COMPARISON_KEYS = ['below', 'above', 'at_least', 'at_most'];
const isComparison = (known: readonly string[]) =>
  known.length === COMPARISON_KEYS.length && COMPARISON_KEYS.every((k) => known.includes(k));

/** The field a misspelt or misnamed key stands for, if any. */
function fieldGuess(key: string, known: readonly string[]): string | undefined {
  if (isComparison(known)) {
    const word = COMPARISON_WORDS[key.toLowerCase()];
    if (word) return word;
  }
  return closest(key, known);
}

/** A comparison written as a bare number or as "< 50", rewritten the way a level writes it. */
function comparisonHint(input: unknown): string {
  const m = typeof input === 'string' ? /^\s*(>=|=>|<=|=<|>|<|==?)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(input) : null;
  if (m?.[1] === '=' || m?.[1] === '==') return `a comparison has no "equals": write { at_least: ${m[2]}, at_most: ${m[2]} }`;
  if (m) return `write { ${COMPARISON_WORDS[m[1]]}: ${m[2]} }`;
  const n = typeof input === 'number' ? input : 50;
  return `write a comparison: { at_least: ${n} }, { at_most: ${n} }, { above: ${n} } or { below: ${n} }`;
}

/** Zod's names for types, in the words levels.md uses. */
const TYPE_WORDS: Record<string, string> = { object: 'a map', array: 'a list' };

function fromZodIssue(issue: core.$ZodIssue, file: string, locate: Locate): LevelError {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(path);
    const key = issue.keys[0];
    const guess = fieldGuess(key, known);
    return {
      file,
      ...locate([...path, key]),
      path: pathToString([...path, key]),
      message: `unknown field "${key}"${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(', ')})` : ''}`,
      hint: guess ? `did you mean "${guess}"?` : known.length ? `expected one of: ${known.join(', ')}` : undefined,
      severity: 'error',
    };
  }
  let message = issue.message;
  let hint: string | undefined;
  if (issue.code === 'invalid_type') {
    const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
    message =
      issue.input === undefined
        ? `missing required field (expected ${expected})`
        : `expected ${expected}, found ${describeValue(issue.input)}`;
    if (issue.input === undefined) hint = `add "${String(path.at(-1))}:" here`;
    else if (issue.expected === 'object' && isComparison(knownKeysAt(path))) hint = comparisonHint(issue.input);
    else if (issue.expected === 'array' && (typeof issue.input === 'string' || typeof issue.input === 'number'))
      hint = `write it as a list, in square brackets: [${issue.input}]`;
    else if (issue.expected === 'array' && typeof issue.input === 'object' && issue.input !== null)
      hint = 'put it in a list: [{ ... }], or start each entry on its own line with "- "';
  } else if (issue.code === 'custom' && typeof issue.params?.hint === 'string') {
    hint = issue.params.hint;
  } else if (issue.code === 'invalid_value') {
    const values = issue.values.map(String);
    const guess = typeof issue.input === 'string' ? closest(issue.input, values) : undefined;
    message = `expected one of ${values.join(', ')}, found ${describeValue(issue.input)}`;
    hint = guess ? `did you mean "${guess}"?` : undefined;
  } else if (issue.code === 'invalid_union') {
    message = `this value does not fit any accepted form (${issue.message})`;
  } else if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const low = issue.code === 'too_small';
    const bound = Number(low ? issue.minimum : issue.maximum);
    const words = low
      ? issue.inclusive
        ? `of at least ${bound}`
        : `above ${bound}`
      : issue.inclusive
        ? `of at most ${bound}`
        : `below ${bound}`;
    message = `expected a number ${words}, found ${typeof issue.input === 'number' ? issue.input : describeValue(issue.input)}`;
    hint = `use a number ${words}`;
  }
  return { file, ...locate(path), path: pathToString(path), message, hint, severity: 'error' };
}

function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** The field names the schema accepts at a path, for hints about misspelled keys. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking Zod's internal definition tree
  let node: any = LevelSchema;
  for (const p of path) {
    node = unwrap(node);
    if (!node) return [];
    const def = node._zod.def;
    if (def.type === 'object') node = def.shape[p as string] ?? def.catchall;
    else if (def.type === 'record') node = def.valueType;
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'tuple') node = def.items[p as number];
    else if (def.type === 'union')
      node = def.options.find((o: { _zod: { def: { type: string } } }) => unwrap(o)?._zod.def.type === 'object');
    else return [];
  }
  node = unwrap(node);
  if (node?._zod.def.type === 'union')
    node = unwrap(node._zod.def.options.find((o: { _zod: { def: { type: string } } }) => unwrap(o)?._zod.def.type === 'object'));
  return node?._zod.def.type === 'object' ? Object.keys(node._zod.def.shape) : [];
}

// biome-ignore lint/suspicious/noExplicitAny: Zod internals
function unwrap(node: any): any {
  let n = node;
  for (let i = 0; n && i < 10; i++) {
    const def = n._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') n = def.innerType;
    else if (def.type === 'lazy') n = def.getter();
    else if (def.type === 'pipe') n = def.in;
    else break;
  }
  return n;
}

function locateIn(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      // For a key we want the key's line, which is where the value's pair starts.
      const keyPos = depth > 0 ? keyPosition(doc, lineCounter, path.slice(0, depth)) : undefined;
      return keyPos ?? { line: pos.line, column: pos.col };
    }
  }
  return {};
}

function keyPosition(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  const parent = doc.getIn(path.slice(0, -1) as (string | number)[], true);
  const last = path.at(-1);
  // biome-ignore lint/suspicious/noExplicitAny: yaml's collection items are loosely typed
  const items: any[] | undefined = isNode(parent) && 'items' in parent ? (parent.items as any[]) : undefined;
  if (!items || typeof last !== 'string') return undefined;
  const pair = items.find((it) => isNode(it?.key) && (it.key as { value?: unknown }).value === last);
  const range = pair?.key?.range;
  if (!range) return undefined;
  const pos = lineCounter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/** The parser's errors as level errors, at most MAX_REPORTED_ERRORS of them. */
function yamlErrors(doc: Document.Parsed, text: string, lineCounter: LineCounter, file: string): LevelError[] {
  return doc.errors.slice(0, MAX_REPORTED_ERRORS).map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    const key = (/^[^:\n]+/.exec(text.slice(e.pos[0])) ?? [''])[0].trim();
    if (/call stack/i.test(e.message)) return { ...tooDeep(file), line: pos.line, column: pos.col };
    return {
      ...err(
        file,
        '',
        duplicate ? `the key "${key}" appears twice in the same map` : e.message.split('\n')[0],
        duplicate ? 'remove or rename one of the two keys' : yamlHint(e.code, e.message),
      ),
      line: pos.line,
      column: pos.col,
    };
  });
}

function yamlHint(code: string, message: string): string | undefined {
  if (code === 'MISSING_CHAR' && /closing "?quote/i.test(message)) return 'close the quote: a text opened with " ends with "';
  if (code === 'MISSING_CHAR' || code === 'MULTILINE_IMPLICIT_KEY')
    return 'a field seems to be missing its colon ("name: value"), or a text needs quotes';
  if (code === 'BAD_INDENT') return 'check the indentation: nested fields are indented by two spaces under their parent';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return undefined;
}

function err(file: string, path: string, message: string, hint?: string): LevelError {
  return { file, path, message, hint, severity: 'error' };
}
