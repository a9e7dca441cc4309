import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadLevel, MAX_DEPTH, MAX_LEVEL_BYTES, validateLevel } from '../../src/levels/load';
import type { LevelError, Result } from '../../src/levels/result';
import type { Level } from '../../src/levels/schema';

/**
 * The loader never throws: every document, however broken, gives either a level or errors that each
 * carry a path and a message. Over 3,700 documents in all: mutated real levels (as data and as text),
 * random YAML and random text.
 */
const realTexts = readdirSync('levels')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => readFileSync(`levels/${f}`, 'utf8'));
const realObjects = realTexts.map((t) => parse(t) as Record<string, unknown>);
const mini = readFileSync('tests/fixtures/mini.yaml', 'utf8');
const miniObject = parse(mini) as Record<string, unknown>;

function wellFormed(run: () => Result<Level, LevelError>): boolean {
  let r: Result<Level, LevelError>;
  try {
    r = run();
  } catch (e) {
    throw new Error(`the loader threw: ${(e as Error).message}`);
  }
  if (r.ok) return typeof r.value.id === 'string' && typeof r.value.issues === 'object';
  return (
    r.errors.length > 0 &&
    r.errors.every(
      (e) =>
        typeof e.path === 'string' &&
        typeof e.message === 'string' &&
        e.message.length > 0 &&
        e.file.length > 0 &&
        (e.severity === 'error' || e.severity === 'warning'),
    )
  );
}

type Path = (string | number)[];
function paths(node: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = [...at, Array.isArray(node) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

const Mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('drop', 'rename', 'retype', 'unknown_id', 'duplicate', 'number_out_of_range'),
  value: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 12 }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  text: fc.string({ minLength: 1, maxLength: 6 }),
});

function mutate(doc: Record<string, unknown>, m: { pick: number; op: string; value: unknown; text: string }) {
  const all = paths(doc);
  if (!all.length) return;
  const path = all[m.pick % all.length];
  const key = path[path.length - 1];
  let parent: unknown = doc;
  for (const p of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[p];
  const box = parent as Record<string | number, unknown> & unknown[];
  switch (m.op) {
    case 'drop':
      if (Array.isArray(box)) box.splice(Number(key), 1);
      else delete box[key];
      break;
    case 'rename':
      if (!Array.isArray(box)) {
        const name = String(key);
        const i = m.pick % Math.max(1, name.length);
        box[`${name.slice(0, i)}${m.text}${name.slice(i + 1)}`] = box[key];
        delete box[key];
      }
      break;
    case 'retype':
      box[key] = m.value;
      break;
    case 'unknown_id':
      if (typeof box[key] === 'string') box[key] = `${box[key]}${m.text}`;
      else box[key] = m.text;
      break;
    case 'duplicate':
      if (Array.isArray(box)) box.push(structuredClone(box[Number(key)]));
      else box[`${String(key)}_copy`] = structuredClone(box[key]);
      break;
    case 'number_out_of_range':
      box[key] = typeof box[key] === 'number' ? (box[key] as number) * -1000 - 1 : -1;
      break;
  }
}

const TextMutation = fc.record({
  op: fc.constantFrom('delete_line', 'duplicate_line', 'insert', 'replace_char', 'truncate', 'tab', 'alias'),
  at: fc.nat(),
  text: fc.string({ maxLength: 10 }),
});

function mutateText(source: string, ms: { op: string; at: number; text: string }[]): string {
  let t = source;
  for (const m of ms) {
    const lines = t.split('\n');
    const i = m.at % Math.max(1, lines.length);
    const pos = m.at % Math.max(1, t.length);
    if (m.op === 'delete_line') lines.splice(i, 1);
    else if (m.op === 'duplicate_line') lines.splice(i, 0, lines[i] ?? '');
    else if (m.op === 'tab') lines[i] = `\t${lines[i] ?? ''}`;
    else if (m.op === 'alias') lines.splice(i, 0, i % 2 ? `x${i}: &a${i} [1, 2]` : `y${i}: *a${i}`);
    if (['delete_line', 'duplicate_line', 'tab', 'alias'].includes(m.op)) t = lines.join('\n');
    else if (m.op === 'insert') t = t.slice(0, pos) + m.text + t.slice(pos);
    else if (m.op === 'replace_char') t = t.slice(0, pos) + (m.text[0] ?? ':') + t.slice(pos + 1);
    else if (m.op === 'truncate') t = t.slice(0, pos);
  }
  return t;
}

const LEVEL_KEYS = [
  'format',
  'id',
  'title',
  'date',
  'rounds',
  'deadline',
  'situation',
  'actors',
  'indicators',
  'issues',
  'moves',
  'events',
  'objectives',
  'fallback',
  'carry',
  'allies',
];

describe('the loader never throws (property tests, over 3,700 documents)', () => {
  it('mutated levels as data: 2,000 documents', () => {
    fc.assert(
      fc.property(fc.array(Mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const doc = structuredClone(miniObject);
        for (const m of ms) mutate(doc, m);
        return wellFormed(() => validateLevel(doc, 'mutated.yaml'));
      }),
      { numRuns: 1500, seed: 20011212 },
    );
    fc.assert(
      fc.property(fc.nat({ max: realObjects.length - 1 }), fc.array(Mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
        const doc = structuredClone(realObjects[which]);
        for (const m of ms) mutate(doc, m);
        return wellFormed(() => validateLevel(doc, 'mutated.yaml'));
      }),
      { numRuns: 500, seed: 20011213 },
    );
  }, 300_000);

  it('random YAML and random text: 1,500 documents', () => {
    const levelish = fc.dictionary(fc.constantFrom(...LEVEL_KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 10 }).map((o) => stringify(o));
    const anything = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
      levelish,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anything, (text) => wellFormed(() => loadLevel(text, 'random.yaml'))),
      { numRuns: 1500, seed: 20020926 },
    );
  }, 300_000);

  it('mutated level files as text: 260 documents', () => {
    fc.assert(
      fc.property(fc.array(TextMutation, { minLength: 1, maxLength: 3 }), (ms) =>
        wellFormed(() => loadLevel(mutateText(mini, ms), 'mini.yaml')),
      ),
      { numRuns: 240, seed: 20041229 },
    );
    fc.assert(
      fc.property(fc.nat({ max: realTexts.length - 1 }), fc.array(TextMutation, { minLength: 1, maxLength: 2 }), (which, ms) =>
        wellFormed(() => loadLevel(mutateText(realTexts[which], ms), 'real.yaml')),
      ),
      { numRuns: 20, seed: 20110204 },
    );
  }, 300_000);

  it('does not pollute prototypes with __proto__ or constructor keys', () => {
    const text = `${mini}\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n`;
    const r = loadLevel(text, 'proto.yaml');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile or broken files are refused with a clear message', () => {
  const errorsOf = (text: string) => {
    const r = loadLevel(text, 'bad.yaml');
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it('a file over the size limit, refused before parsing', () => {
    const big = `${mini}\n# ${'x'.repeat(MAX_LEVEL_BYTES)}\n`;
    const [e] = errorsOf(big);
    expect(e.message).toMatch(/levels are limited to \d+/);
    expect(e.hint).toContain('split the level');
  });

  it('an alias bomb (billion laughs), refused without expanding it', () => {
    const rows = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      rows.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const [e] = errorsOf(rows.join('\n'));
    expect(e.message).toContain('too many aliases');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('documents nested far deeper than a level needs, as YAML or as data, without overflowing the stack', () => {
    const [e] = errorsOf(`${mini}\nextra: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(e.message).toBe(`the document is nested more than ${MAX_DEPTH} levels deep; a level needs far fewer`);
    expect(e.line).toBe(mini.split('\n').length + 1);
    const doc = structuredClone(miniObject) as { events: { when: unknown }[] };
    let condition: unknown = { round: 1 };
    for (let i = 0; i < 50_000; i++) condition = { all: [condition] };
    doc.events[0].when = condition;
    const r = validateLevel(doc, 'deep.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].hint).toContain('flatten the conditions');
  });

  it('an alias to an undefined anchor', () => {
    expect(errorsOf(`${mini}\nextra: *nowhere\n`)[0].message.length).toBeGreaterThan(0);
  });

  it('duplicate keys, nested, with the line of the second one', () => {
    const text = mini.replace('  big: { name: { en: Big }, seat: table,', '  big: { name: { en: Big }, seat: table, seat: observer,');
    const e = errorsOf(text).find((x) => x.message.includes('appears twice'));
    expect(e?.message).toBe('the key "seat" appears twice in the same map');
    expect(e?.line).toBe(text.split('\n').findIndex((l) => l.includes('seat: observer')) + 1);
  });

  it('wrong types say what was expected and what was found', () => {
    const doc = structuredClone(realObjects[0]);
    (doc as { rounds: unknown }).rounds = [6];
    const r = validateLevel(doc, 'types.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'rounds', message: 'expected number, found a list' });
  });

  it('unknown references name the id and suggest the nearest', () => {
    const doc = structuredClone(realObjects[0]) as { allies: Record<string, { issues: string[] }> };
    doc.allies.border_states.issues = ['trusted_trafic'];
    const r = validateLevel(doc, 'refs.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        path: 'allies.border_states.issues[0]',
        message: 'unknown issue "trusted_trafic"',
        hint: 'did you mean "trusted_traffic"?',
      });
  });

  it('events that wait on each other in a cycle, also through all/any', () => {
    const doc = structuredClone(realObjects[0]) as { events: { id: string; when: unknown }[] };
    doc.events[0].when = { any: [{ round: 9 }, { all: [{ event: doc.events[2].id }] }] };
    doc.events[2].when = { event: doc.events[3].id };
    doc.events[3].when = { event: doc.events[0].id };
    const r = validateLevel(doc, 'cycle.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.find((e) => e.message.includes('cycle'))?.message).toContain(
        `${doc.events[0].id} -> ${doc.events[2].id} -> ${doc.events[3].id} -> ${doc.events[0].id}`,
      );
  });

  it('text that is not a map, or not text at all', () => {
    expect(errorsOf('just a sentence')[0].hint).toBe('start the file with "format: 1"');
    expect(errorsOf('')[0].message).toContain('expected a map');
    const notText = loadLevel(42 as unknown as string, 'n.yaml');
    expect(notText.ok).toBe(false);
    expect(errorsOf('!!js/function "function () {}"\n')[0].message.length).toBeGreaterThan(0);
  });
});
