import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSession } from '../../src/engine';
import { text } from '../../src/i18n';
import { loadLevel, validateLevel } from '../../src/levels/load';
import type { LevelError } from '../../src/levels/result';
import type { Level } from '../../src/levels/schema';

const miniText = readFileSync('tests/fixtures/mini.yaml', 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: a level as plain data, changed field by field
const miniData = (): any => parse(miniText);

function valid(data: unknown): Level {
  const r = validateLevel(data, 'mini.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.value;
}
function errorsOf(data: unknown): LevelError[] {
  const r = validateLevel(data, 'mini.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('player-facing text in any language', () => {
  it('gives an indicator one unit for every language, or one per language', () => {
    const data = miniData();
    const [id] = Object.keys(data.indicators);
    data.indicators[id].unit = 'h';
    expect(valid(data).indicators[id].unit).toBe('h');
    data.indicators[id].unit = { en: 'hours', fr: 'heures' };
    const unit = valid(data).indicators[id].unit;
    expect(typeof unit === 'string' ? unit : text(unit, 'fr')).toBe('heures');
  });

  it('accepts Spanish, German and regional codes beside English and French', () => {
    const data = miniData();
    data.title = { en: 'Mini', fr: 'Mini', es: 'Mini (es)', de: 'Mini (de)', 'fr-CA': 'Mini (Québec)' };
    expect(valid(data).title).toEqual(data.title);
  });

  it('refuses a key that is no language code, at its line, with a fix', () => {
    const broken = miniText.replace('title: { en: "Mini" }', 'title: { en: "Mini", english: "Mini" }');
    const r = loadLevel(broken, 'mini.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: 'title.english', line: 4 });
    expect(r.errors[0].message).toContain('"english" is not a language code');
  });

  it('still requires English, which every player can fall back on', () => {
    const data = miniData();
    data.title = { es: 'Mini' };
    expect(errorsOf(data).map((e) => e.path)).toContain('title.en');
  });

  it("shows the player's language, its main language, the interface language, or English marked", () => {
    const t = { en: 'Border', fr: 'Frontière', es: 'Frontera', 'pt-BR': 'Fronteira' };
    expect(text(t, 'es')).toBe('Frontera');
    expect(text(t, 'es-MX')).toBe('Frontera');
    expect(text(t, 'fr-CA')).toBe('Frontière');
    expect(text(t, 'pt')).toBe('Fronteira');
    // A language the level lacks: the interface language, unmarked; English is marked only when it stands in for another.
    expect(text(t, 'de', 'fr')).toBe('Frontière');
    expect(text({ en: 'Border' }, 'de', 'en')).toBe('Border');
    expect(text({ en: 'Border' }, 'es', 'fr')).toBe('[EN] Border');
    expect(text({ en: 'Border' }, 'es')).toBe('[EN] Border');
  });
});

describe('link_issues with the pairs a scenario allows', () => {
  const withPairs = (pairs: unknown) => {
    const data = miniData();
    data.issues.visas = {
      title: { en: 'Visas' },
      options: [
        { id: 'apart', label: { en: 'Apart' }, harmonization: 0 },
        { id: 'common', label: { en: 'Common' }, harmonization: 2 },
      ],
      value: { big: [0, 4], small: [4, 0], province: [1, 1] },
    };
    data.history.deal.visas = 'common';
    data.moves.small.push({ kind: 'link_issues', pairs });
    return data;
  };

  it('offers only the listed pairs, in either order, and refuses the others with a reason', () => {
    const level = valid(withPairs([['data', 'visas']]));
    const s = createSession(level, { seed: 1 });
    s.start();
    const links = s.legalMoves('small').filter((m) => m.id === 'link_issues');
    expect(links).toEqual([{ kind: 'link_issues', id: 'link_issues', issues: ['data', 'visas'] }]);
    expect(s.whyIllegal('small', { id: 'link_issues', issues: ['lanes', 'visas'] })?.key).toBe('reason.link_not_offered');
    expect(s.whyIllegal('small', { id: 'link_issues', issues: ['visas', 'data'] })).toBeNull();
  });

  it('offers every pair when none are listed', () => {
    const data = withPairs(undefined);
    data.moves.small[data.moves.small.length - 1] = 'link_issues';
    const s = createSession(valid(data), { seed: 1 });
    s.start();
    expect(s.legalMoves('small').filter((m) => m.id === 'link_issues')).toHaveLength(3);
  });

  it('names an unknown issue, a pair of one issue, and pairs on another kind of move', () => {
    expect(errorsOf(withPairs([['data', 'visa']]))[0]).toMatchObject({
      path: 'moves.small[4].pairs[0][1]',
      message: 'unknown issue "visa"',
      hint: 'did you mean "visas"?',
    });
    expect(errorsOf(withPairs([['data', 'data']]))[0].message).toContain('two different issues');
    const data = withPairs([['data', 'visas']]);
    data.moves.small[data.moves.small.length - 1].kind = 'reframe';
    expect(errorsOf(data)[0].message).toBe('only a link_issues move takes pairs, not reframe');
  });
});
