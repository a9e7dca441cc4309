import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevelText } from '../../src/authoring/check';

const file = 'levels/01-smart-border-2001.yaml';
const original = readFileSync(file, 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function warningsFor(text: string) {
  const r = checkLevelText(text, file);
  expect(r.errors).toEqual([]);
  return r.warnings;
}

describe('warnings for suspicious but legal content', () => {
  it('the sample level has none', () => {
    expect(warningsFor(original)).toEqual([]);
  });

  it('an objective no option, move or event can satisfy', () => {
    // Nothing in the level raises Quebec's international personality once the moves that could are gone.
    const text = original
      .replace(/^ {4}- \{ kind: action, id: (mobilize_opinion|quebec_delegations),.*\n/gm, '')
      .replace('    - provincial_security_initiative\n', '');
    const w = warningsFor(text).find((x) => x.path === 'objectives.quebec[3]');
    expect(w?.message).toContain('personality starts at 40 and nothing in the level raises it');
    expect(w?.line).toBe(lineOf(text, '    - { label: { en: "Be seen as a partner abroad"'));
  });

  it("a home level's name written with a capital article, which then reads mid-sentence as 'ratified at home by The ...'", () => {
    const text = original.replace('body: { en: "Congress"', 'body: { en: "The Congress"');
    const w = warningsFor(text).find((x) => x.path === 'ratification.washington.body.en');
    expect(w?.message).toContain('"The package is ratified at home by The Congress."');
    expect(w?.hint).toBe('write "the Congress": the game capitalises it at the start of a sentence');
    expect(w?.line).toBe(lineOf(text, 'body: { en: "The Congress"'));
    expect(warningsFor(original.replace('body: { en: "Congress"', 'body: { en: "the Congress"'))).toEqual([]);
  });

  it('an objective met whatever happens', () => {
    const text = original.replace('indicator: congress, at_least: 50, weight: 1', 'indicator: congress, at_least: 0, weight: 1');
    expect(warningsFor(text).map((w) => w.message)).toContain(
      'every value of congress (0..100) meets this objective, so it scores whatever happens',
    );
  });

  it('an event whose condition can never hold', () => {
    const contradiction = original.replace(
      'when: { round: 6, thickness: { above: 50 } }',
      'when: { round: 6, thickness: { above: 50, below: 40 } }',
    );
    expect(warningsFor(contradiction).find((w) => w.path === 'events[3].when.thickness')?.message).toContain('contradicts itself');
    const absent = original.replace('when: { round: 1 }', 'when: { moved: { actor: quebec, move: raise_alert } }');
    expect(warningsFor(absent).find((w) => w.path === 'events[0].when.moved')?.message).toBe(
      'quebec does not have the move "raise_alert", so the condition of event "plants_shut" never holds',
    );
    const late = original.replace('when: { round: 1 }', 'when: { round: 9 }');
    expect(warningsFor(late).some((w) => w.path === 'events[0].when.round')).toBe(true);
  });

  it('an ally whose interest no option of its issues affects', () => {
    const text = original.replace(
      '    interest: trade_flow\n    issues: [trusted_traffic]',
      '    interest: congress\n    issues: [trusted_traffic]',
    );
    const w = warningsFor(text).find((x) => x.path === 'allies.border_states.interest');
    expect(w?.message).toBe("no option of trusted_traffic changes congress, so this ally's coalition shifts nothing");
  });

  it('an ally nobody can recruit, a principle nobody can invoke, a seat that can only pass', () => {
    const text = original
      .replace('    - build_coalition\n', '')
      .replace('    - appeal_to_principle\n', '')
      .replace(/ {2}quebec:\n {4}- sound_out\n[\s\S]*?\n\nprinciples:/, '  quebec: [pass]\n\nprinciples:');
    const messages = warningsFor(text).map((w) => `${w.path}: ${w.message}`);
    expect(messages).toContain('allies.auto_industry: no actor who may recruit this ally has a build_coalition move');
    expect(messages).toContain('principles.canadian_laws: no actor has appeal_to_principle, so this principle is never used');
    expect(messages).toContain('moves.quebec: quebec can only pass: a spectator, not a player');
  });

  it('a figure in the briefing that no quoted source contains', () => {
    const text = original.replace(
      'Trucks wait up to 15 hours between Windsor and Detroit',
      'Trucks wait up to 16 hours between Windsor and Detroit',
    );
    const w = warningsFor(text).filter((x) => x.path === 'situation');
    expect(w.map((x) => x.message)).toEqual(['the figure "16" does not occur in any of the level\'s quoted sources']);
    expect(w[0].line).toBe(lineOf(text, 'situation:'));
  });

  it('years, days of the month and 9/11 are not figures to cite', async () => {
    const { unquotedFigures } = await import('../../src/authoring/warnings');
    expect(
      unquotedFigures(
        'On 12 December 2001, after 9/11, 2,500 troops and $4.5 billion; 30-point plan.',
        'the 2,500 troops | a 30-point plan',
      ),
    ).toEqual(['4.5']);
  });

  it('a text in a language no browser knows ("sp" for Spanish) names the code meant, and the fix is clean', () => {
    const title = '  fr: "L\'alerte de niveau un"';
    const withCode = (code: string) => original.replace(title, `${title}\n  ${code}: "La alerta de nivel uno"`);
    const sp = warningsFor(withCode('sp'));
    expect(sp).toEqual([
      expect.objectContaining({
        path: 'title.sp',
        line: lineOf(withCode('sp'), '  sp: "La alerta'),
        message: '"sp" is not a language code any browser knows, so no player will read this text',
        hint: 'did you mean "es" (Spanish)?',
      }),
    ]);
    expect(warningsFor(withCode('es'))).toEqual([]);
    const hint = (code: string) => warningsFor(withCode(code)).find((w) => w.path === `title.${code}`)?.hint;
    expect(hint('sp-MX')).toBe('did you mean "es-MX" (Mexican Spanish)?');
    expect(hint('jp')).toBe('did you mean "ja" (Japanese)?');
    expect(hint('fr-QC')).toBe('did you mean "fr-CA" (Canadian French)?');
    expect(hint('xq')).toBe('write the language by its code: es for Spanish, de for German, fr-CA for Quebec French');
    for (const known of ['de', 'fr-CA', 'zh-Hant', 'pt-BR', 'spa']) expect(warningsFor(withCode(known)), known).toEqual([]);
    // In a name too, beside the French forms (which are not languages).
    const name = original.replace(
      'name: { en: Quebec, fr: "Québec", fr_article: le }',
      'name: { en: Quebec, fr: "Québec", fr_article: le, sp: "Quebec" }',
    );
    expect(warningsFor(name).map((w) => w.path)).toEqual(['actors.quebec.name.sp']);
  });

  it('a ratification condition that can never hold', () => {
    const text = original.replace(
      'requires: [{ alignment: { at_least: 35 } }]',
      'requires: [{ alignment: { at_least: 35, at_most: 20 } }]',
    );
    expect(warningsFor(text).find((w) => w.path === 'ratification.quebec.requires[0].alignment')?.message).toContain('so no deal can pass');
  });
});
