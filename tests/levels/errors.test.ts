import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelJsonSchema } from '../../src/levels/jsonSchema';
import { loadLevel } from '../../src/levels/load';
import { formatLevelError } from '../../src/levels/result';

const file = 'levels/01-smart-border-2001.yaml';
const original = readFileSync(file, 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function errorsFor(text: string) {
  const r = loadLevel(text, file);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('a broken level names the file, line, field, what was expected and a fix', () => {
  it('a misspelled field', () => {
    const text = original.replace('        effects: { trust: 6, us_security: 8', '        efects: { trust: 6, us_security: 8');
    const [e] = errorsFor(text);
    expect(e).toMatchObject({
      file,
      line: lineOf(text, 'efects:'),
      path: 'issues.information_sharing.options[1].efects',
      hint: 'did you mean "effects"?',
    });
    expect(formatLevelError(e)).toMatch(/^levels\/01-smart-border-2001\.yaml:\d+:\d+: error at issues\.information_sharing/);
  });

  it('an unknown indicator in an event', () => {
    const text = original.replace('effects: { trust: -5, expectation: 5 }', 'effects: { trsut: -5, expectation: 5 }');
    const [e] = errorsFor(text);
    expect(e).toMatchObject({
      line: lineOf(text, 'trsut'),
      path: 'events[1].effects.trsut',
      message: 'unknown indicator "trsut"',
      hint: 'did you mean "trust"?',
    });
  });

  it("an unknown source for a negotiator's office", () => {
    const text = original.replace('      source: office_quebec_washington\n', '      source: office_quebec_washingtn\n');
    const [e] = errorsFor(text);
    expect(e).toMatchObject({
      line: lineOf(text, 'office_quebec_washingtn'),
      path: 'actors.quebec.negotiator.source',
      message: 'unknown source "office_quebec_washingtn"',
      hint: 'did you mean "office_quebec_washington"?',
    });
  });

  it('a value of the wrong type', () => {
    const [e] = errorsFor(original.replace('rounds: 6', 'rounds: six'));
    expect(e).toMatchObject({ path: 'rounds', message: 'expected number, found "six"', line: lineOf(original, 'rounds: 6') });
  });

  it('a value outside a fixed list', () => {
    const [e] = errorsFor(original.replace('seat: implementer', 'seat: implementor'));
    expect(e).toMatchObject({ path: 'actors.quebec.seat', hint: 'did you mean "implementer"?' });
    expect(e.message).toContain('table, implementer, observer');
  });

  it('a missing field points at its parent and says what to add', () => {
    const [e] = errorsFor(original.replace(/^deadline:\n.*\n.*\n/m, ''));
    expect(e).toMatchObject({ path: 'deadline', hint: 'add "deadline:" here' });
    expect(e.message).toContain('missing required field');
  });

  it('values that do not line up with the options', () => {
    const text = original.replace('value: { washington: [0, 6, 9], ottawa: [4, 6, 2]', 'value: { washington: [0, 6], ottawa: [4, 6, 2]');
    const [e] = errorsFor(text);
    expect(e).toMatchObject({ path: 'issues.information_sharing.value.washington', message: '2 values for 3 options' });
    expect(e.hint).toContain('case_by_case, passenger_lists, common_databases');
  });

  it('an unknown option in the historical deal', () => {
    const [e] = errorsFor(original.replace('trusted_traffic: nexus_fast }', 'trusted_traffic: nexus }'));
    expect(e).toMatchObject({ path: 'history.deal.trusted_traffic', hint: 'did you mean "nexus_fast"?' });
  });

  it('a duplicate key', () => {
    const [e] = errorsFor(original.replace('    veto: true\n    power: 10', '    veto: true\n    veto: false\n    power: 10'));
    expect(e.message).toBe('the key "veto" appears twice in the same map');
    expect(e.line).toBe(lineOf(original, '    power: 10'));
  });

  it('YAML alias bombs, oversized files and non-maps are refused without a throw', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(errorsFor(bomb)[0].message).toContain('too many aliases');
    expect(errorsFor(`# ${'x'.repeat(600_000)}\n`)[0].message).toContain('levels are limited to');
    expect(errorsFor('- 1\n- 2\n')[0].hint).toBe('start the file with "format: 1"');
    expect(errorsFor('format: 1\nid: x\n\ttitle: y\n')[0].hint).toBe('indent with spaces, not tabs');
  });

  it('events that wait on each other in a cycle', () => {
    const text = original
      .replace('when: { round: 1 }', 'when: { event: holiday_rush }')
      .replace('when: { round: 6, thickness: { above: 50 } }', 'when: { event: plants_shut }');
    const [e] = errorsFor(text);
    expect(e.message).toContain('cycle (plants_shut -> holiday_rush -> plants_shut)');
  });

  it('a number out of bounds says the bound in words', () => {
    const needle = 'indicator: congress, at_least: 50, weight: 1 }';
    const [e] = errorsFor(original.replace(needle, 'indicator: congress, at_least: 50, slack: -2, weight: 1 }'));
    expect(e).toMatchObject({
      line: lineOf(original, needle),
      path: 'objectives.washington[3].slack',
      message: 'expected a number of at least 0, found -2',
      hint: 'use a number of at least 0',
    });
    expect(errorsFor(original.replace('rounds: 6', 'rounds: 40'))[0]).toMatchObject({
      path: 'rounds',
      message: 'expected a number of at most 20, found 40',
    });
  });

  it('a misspelt required field is one error, the unknown key, not also "add the field here"', () => {
    const needle = '        harmonization: 1\n        effects: { thickness: -25';
    const text = original.replace(needle, needle.replace('harmonization', 'harmonisation'));
    const errors = errorsFor(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, 'harmonisation'),
      path: 'issues.border_regime.options[1].harmonisation',
      hint: 'did you mean "harmonization"?',
    });
  });

  it('a comparison with another name for one of its tests says which of the four it means', () => {
    const hint = (op: string) => errorsFor(original.replace('thickness: { above: 50 } }', `thickness: { ${op}: 50 } }`))[0].hint;
    expect(hint('greater_than')).toBe('did you mean "above"?');
    expect(hint('">"')).toBe('did you mean "above"?');
    expect(hint('">="')).toBe('did you mean "at_least"?');
    expect(hint('min')).toBe('did you mean "at_least"?');
    expect(hint('less_than')).toBe('did you mean "below"?');
    expect(hint('max')).toBe('did you mean "at_most"?');
  });

  it('a comparison written as a number or as "> 50" says how a level writes it, and the fix loads', () => {
    const needle = 'thickness: { above: 50 } }';
    const [asText] = errorsFor(original.replace(needle, 'thickness: "> 50" }'));
    expect(asText).toMatchObject({
      path: 'events[3].when.thickness',
      message: 'expected a map, found "> 50"',
      hint: 'write { above: 50 }',
    });
    expect(loadLevel(original.replace(needle, `thickness: ${asText.hint?.replace('write ', '')} }`), file).ok).toBe(true);
    const [asNumber] = errorsFor(original.replace(needle, 'thickness: 50 }'));
    expect(asNumber.hint).toBe('write a comparison: { at_least: 50 }, { at_most: 50 }, { above: 50 } or { below: 50 }');
    expect(errorsFor(original.replace(needle, 'thickness: "= 50" }'))[0].hint).toBe(
      'a comparison has no "equals": write { at_least: 50, at_most: 50 }',
    );
  });

  it('one value where a list is expected says to write a list, and the fix loads', () => {
    const opt = original.split('\n').findIndex((l) => l.includes('- id: smart_border')) + 1;
    const lines = original.split('\n');
    lines.splice(opt, 0, '        unacceptable_to: quebec');
    const [e] = errorsFor(lines.join('\n'));
    expect(e).toMatchObject({ message: 'expected a list, found "quebec"', hint: 'write it as a list, in square brackets: [quebec]' });
    lines[opt] = '        unacceptable_to: [quebec]';
    expect(loadLevel(lines.join('\n'), file).ok).toBe(true);
    const [map] = errorsFor(
      original.replace('requires: [{ us_security: { at_least: 45 } }]', 'requires: { us_security: { at_least: 45 } }'),
    );
    expect(map).toMatchObject({ path: 'ratification.washington.requires', message: 'expected a list, found a map' });
    expect(map.hint).toContain('[{ ... }]');
  });

  it('a language written with an underscore or by its name says the code to use', () => {
    const [underscore] = errorsFor(
      original.replace('  fr: "L\'alerte de niveau un"', '  fr: "L\'alerte de niveau un"\n  es_MX: "La alerta"'),
    );
    expect(underscore).toMatchObject({ path: 'title.es_MX', hint: 'did you mean "es-MX"?' });
    const [name] = errorsFor(original.replace('  fr: "L\'alerte de niveau un"', '  fr: "L\'alerte de niveau un"\n  spanish: "La alerta"'));
    expect(name.hint).toContain('es for Spanish');
  });

  it('partial credit given to an aim that is not an indicator', () => {
    const needle = 'agreement: true, weight: 1 }';
    const [e] = errorsFor(original.replace(needle, 'agreement: true, slack: 5, weight: 1 }'));
    expect(e).toMatchObject({ line: lineOf(original, needle), path: 'objectives.quebec[4].slack', hint: 'remove slack' });
  });
});

describe('the published JSON Schema', () => {
  it('levels/level.schema.json is generated from the current schema (run npm run schema)', () => {
    expect(JSON.parse(readFileSync('levels/level.schema.json', 'utf8'))).toEqual(levelJsonSchema());
  });
});
