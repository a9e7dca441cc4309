import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelJsonSchema } from '../../src/levels/jsonSchema';
import { loadLevel } from '../../src/levels/load';
import { outOfStep } from '../../src/levels/indentation';
import { formatLevelError, type LevelError } from '../../src/levels/result';

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
    expect(errorsFor('format: 1\nid: x\n\ttitle: y\n')[0].hint).toBe(
      'replace the tab with spaces: start it at the beginning of the line, like the line above',
    );
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

/** The fix a hint gives, applied as an author would: "indent it by N spaces" or "start it at the beginning of the line". */
function applyHint(text: string, e: LevelError): string {
  const m = /indent it by (\d+) spaces?|start it at the beginning of the line/.exec(e.hint ?? '');
  expect(m, `no indentation in the hint "${e.hint}"`).not.toBeNull();
  const lines = text.split('\n');
  const at = (e.line as number) - 1;
  lines[at] = ' '.repeat(m?.[1] ? Number(m[1]) : 0) + lines[at].replace(/^[ \t]+/, '');
  return lines.join('\n');
}

describe("an indentation mistake names the line out of step, its indentation and its neighbours', and a fix that loads", () => {
  /** The one error for a mistake, and the file once its hint is applied (which must load). */
  function oneMistake(text: string): LevelError {
    const errors = errorsFor(text);
    expect(errors).toHaveLength(1);
    const fixed = applyHint(text, errors[0]);
    expect(loadLevel(fixed, file).ok).toBe(true);
    return errors[0];
  }

  it('a field dedented by two spaces under an actor: the field itself, not the line after it', () => {
    const text = original.replace('    seat: table\n    veto: true\n    power: 10', '    seat: table\n  veto: true\n    power: 10');
    const e = oneMistake(text);
    expect(e).toMatchObject({
      line: lineOf(text, '  veto: true'),
      column: 3,
      path: 'actors.washington.veto',
      message: '"veto" is indented 2 spaces where the lines above and below are indented 4 spaces',
      hint: 'indent it by 4 spaces, like the lines above and below',
    });
    expect(applyHint(text, e)).toBe(original);
  });

  it("a field of an option dedented to the list's column, and a line dedented inside a block of effects", () => {
    const needle = '        harmonization: 3\n        effects: { thickness: -35';
    const text = original.replace(needle, needle.replace('        effects', '      effects'));
    const e = oneMistake(text);
    expect(e).toMatchObject({
      line: lineOf(text, '      effects: { thickness: -35'),
      path: 'issues.border_regime.options[2].effects',
      message: '"effects" is indented 6 spaces where the lines above and below are indented 8 spaces',
      hint: 'indent it by 8 spaces, like the lines above and below',
    });
    expect(applyHint(text, e)).toBe(original);

    const block = original.replace(
      'effects: { thickness: -35, border_wait: -5, trade_flow: 24, exports: 18, trust: 10, us_security: 15 }',
      'effects:\n          thickness: -35\n        border_wait: -5\n          trade_flow: 24',
    );
    const inBlock = oneMistake(block);
    expect(inBlock).toMatchObject({
      line: lineOf(block, '        border_wait: -5'),
      path: 'issues.border_regime.options[2].effects.border_wait',
      message: '"border_wait" is indented 8 spaces where the lines above and below are indented 10 spaces',
      hint: 'indent it by 10 spaces, like the lines above and below',
    });
  });

  it('a line indented one space too many or too few: that line, not the one before it', () => {
    const deeper = original.replace('    power: 10\n', '     power: 10\n');
    const e = oneMistake(deeper);
    expect(e).toMatchObject({
      line: lineOf(deeper, '     power: 10'),
      column: 6,
      message: '"power" is indented 5 spaces where the lines above and below are indented 4 spaces',
      hint: 'indent it by 4 spaces, like the lines above and below',
    });
    expect(applyHint(deeper, e)).toBe(original);
    const shallower = original.replace('    power: 10\n', '   power: 10\n');
    expect(oneMistake(shallower)).toMatchObject({
      line: lineOf(shallower, '   power: 10'),
      message: '"power" is indented 3 spaces where the lines above and below are indented 4 spaces',
    });
    const top = original.replace('rounds: 6\n', ' rounds: 6\n');
    expect(oneMistake(top)).toMatchObject({
      line: lineOf(top, ' rounds: 6'),
      message: '"rounds" is indented 1 space where the lines above and below are not indented',
      hint: 'start it at the beginning of the line, like the lines above and below',
    });
  });

  it('the first field of a map indented one space too many: the lines below agree, so it is the one out of step', () => {
    const text = original.replace('    negotiator:\n      title:', '    negotiator:\n       title:');
    expect(oneMistake(text)).toMatchObject({
      line: lineOf(text, '       title:'),
      path: 'actors.washington.negotiator.title',
      message: '"title" is indented 7 spaces where the lines below are indented 6 spaces',
      hint: 'indent it by 6 spaces, like the lines below',
    });
  });

  it('a tab used for indentation says to replace it with spaces, and how many', () => {
    for (const tab of ['\t', '  \t  ']) {
      const text = original.replace('    power: 10\n', `${tab}power: 10\n`);
      const e = oneMistake(text);
      expect(e).toMatchObject({
        line: lineOf(text, `${tab}power: 10`),
        column: tab.indexOf('\t') + 1,
        path: 'actors.washington.power',
        message: '"power" is indented with a tab; YAML indents with spaces only',
        hint: 'replace the tab with spaces: indent it by 4 spaces, like the lines above and below',
      });
      expect(applyHint(text, e)).toBe(original);
    }
  });

  it('a list item at the wrong depth names the item and the column of the other items', () => {
    for (const wrong of ['    - id: perimeter\n', '        - id: perimeter\n', '     - id: perimeter\n']) {
      const text = original.replace('      - id: perimeter\n', wrong);
      const e = oneMistake(text);
      expect(e).toMatchObject({
        line: lineOf(text, wrong),
        path: 'issues.border_regime.options[2]',
        message: `the list item "- id: perimeter" is indented ${wrong.indexOf('-')} spaces where the other items of its list are indented 6 spaces`,
        hint: 'indent it by 6 spaces, like the other items of its list',
      });
      expect(applyHint(text, e)).toBe(original);
    }
    // The first item as deep as its own fields: the dash is out of step, not every field under it.
    const first = original.replace('    options:\n      - id: alert\n', '    options:\n        - id: alert\n');
    const e = oneMistake(first);
    expect(e).toMatchObject({ line: lineOf(first, '        - id: alert'), path: 'issues.border_regime.options[0]' });
    expect(applyHint(first, e)).toBe(original);
  });

  it('two mistakes far apart are two errors, each at its own line', () => {
    const text = original.replace('    power: 10\n', '     power: 10\n').replace('        harmonization: 3\n', '       harmonization: 3\n');
    const errors = errorsFor(text);
    expect(errors.map((e) => e.line)).toEqual([lineOf(text, '     power: 10'), lineOf(text, '       harmonization: 3')]);
    expect(loadLevel(applyHint(applyHint(text, errors[0]), errors[1]), file).ok).toBe(true);
  });

  it('a field without its colon is still named as one, not as indentation', () => {
    const [e] = errorsFor(original.replace('    power: 10\n', '    power 10\n'));
    expect(e.line).toBe(lineOf(original, '    power: 10'));
    expect(e.hint).toBe('a field seems to be missing its colon ("name: value"), or a text needs quotes');
  });

  it('finds no line out of step in any shipped level', () => {
    const files = [
      ...readdirSync('levels')
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `levels/${f}`),
      ...readdirSync('levels/scenarios')
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `levels/scenarios/${f}`),
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(outOfStep(readFileSync(f, 'utf8')), f).toEqual([]);
  });
});

describe('the published JSON Schema', () => {
  it('levels/level.schema.json is generated from the current schema (run npm run schema)', () => {
    expect(JSON.parse(readFileSync('levels/level.schema.json', 'utf8'))).toEqual(levelJsonSchema());
  });
});
