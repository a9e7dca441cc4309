/** A level may ask only for what the engine can play: bounded numbers, a bounded deal space, and a bounded error report. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadLevel, MAX_REPORTED_ERRORS, validateLevel } from '../../src/levels/load';
import { MAX_PACKAGES } from '../../src/levels/references';
import { MAX_NUMBER, MAX_WEIGHT } from '../../src/levels/schema';

const FILE = 'levels/01-smart-border-2001.yaml';
const text = readFileSync(FILE, 'utf8');
const data = () => parse(text);

function errorsOf(doc: unknown) {
  const r = validateLevel(doc, FILE);
  return r.ok ? [] : r.errors;
}

describe('numbers in a level', () => {
  it('refuses an objective weight of 1e300, naming the field and the bound', () => {
    const doc = data();
    const [role] = Object.keys(doc.objectives);
    doc.objectives[role][0].weight = 1e300;
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(`objectives.${role}[0].weight`);
    expect(errors[0].message).toContain(`at most ${MAX_WEIGHT}`);
    expect(errors[0].hint).toContain(`${MAX_WEIGHT}`);
  });

  it('refuses any other number beyond a million either way', () => {
    const doc = data();
    const [indicator] = Object.keys(doc.indicators);
    doc.indicators[indicator].start = -1e300;
    const errors = errorsOf(doc);
    expect(errors.map((e) => e.path)).toEqual([`indicators.${indicator}.start`]);
    expect(errors[0].message).toContain(`at least ${-MAX_NUMBER}`);
  });

  it('still loads every number up to the bound', () => {
    const doc = data();
    const [role] = Object.keys(doc.objectives);
    doc.objectives[role][0].weight = MAX_WEIGHT;
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe('the number of packages', () => {
  const withCopies = (copies: number) => {
    const doc = data();
    const ids = Object.keys(doc.issues);
    for (let k = 0; k < copies; k++) {
      doc.issues[`copy_${k}`] = doc.issues[ids[k % ids.length]];
      if (doc.history?.deal) doc.history.deal[`copy_${k}`] = doc.history.deal[ids[k % ids.length]];
    }
    return doc;
  };

  it('refuses issues whose options make more packages than the engine plays, and says how to fix it', () => {
    // Level 1 has three issues of three options: four copies make 3^7 = 2187 packages.
    const errors = errorsOf(withCopies(4));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'issues', severity: 'error' });
    expect(errors[0].message).toContain('2187 packages');
    expect(errors[0].message).toContain(`at most ${MAX_PACKAGES}`);
    expect(errors[0].hint).toMatch(/remove an option or an issue/);
  });

  it('accepts a level just under the cap', () => {
    expect(errorsOf(withCopies(3))).toEqual([]); // 3^6 = 729
  });
});

describe('a badly broken file', () => {
  it(`reports the first ${MAX_REPORTED_ERRORS} errors and how many more there were`, () => {
    const doc = data();
    const [issue] = Object.keys(doc.issues);
    // Thousands of options, each with three wrong fields.
    doc.issues[issue].options = Array.from({ length: 3000 }, (_, i) => ({ id: `o${i}`, label: 7, harmonization: 'x', effects: 'y' }));
    const errors = errorsOf(doc);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    const last = errors.at(-1);
    expect(last?.message).toMatch(/^and \d+ more errors$/);
    const more = Number(/and (\d+) more/.exec(last?.message ?? '')?.[1]);
    expect(more).toBeGreaterThan(8000);
    expect(last?.hint).toContain('fix the ones above first');
  });

  it('caps YAML syntax errors the same way', () => {
    const broken = Array.from({ length: 200 }, (_, i) => `key${i}: [unclosed\n`).join('');
    const r = loadLevel(broken, 'broken.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeLessThanOrEqual(MAX_REPORTED_ERRORS + 1);
  });
});
