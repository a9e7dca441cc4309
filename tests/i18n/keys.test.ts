/**
 * The game's own strings exist in both languages: the same keys, the same variables, every plural form
 * each language needs, and a French string that is not the English one left in place.
 */
import { describe, expect, it } from 'vitest';
import { MOVE_PRESETS, PRESET_ALIASES } from '../../src/levels/schema';
import en from '../../src/i18n/en.json';
import fr from '../../src/i18n/fr.json';

type Tree = { [key: string]: string | Tree };
const LANGS = { en: en as Tree, fr: fr as Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** Keys without their plural suffix, each with its forms. */
function grouped(tree: Tree): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [key, value] of flatten(tree)) {
    const form = PLURAL.exec(key)?.[1] ?? '';
    const base = key.replace(PLURAL, '');
    if (!out.has(base)) out.set(base, new Map());
    out.get(base)?.set(form, value);
  }
  return out;
}

/** The variables a string uses; "to_de" and "to_a" are French forms of "to". */
const variables = (s: string) => new Set([...s.matchAll(/\{\{\s*([a-z0-9_]+?)(?:_de|_a)?\s*(?:,[^}]*)?\}\}/gi)].map((m) => m[1]));

/** Words French shares with English: a French string may equal the English one only if it is made of these. */
const SHARED_WORDS = new Set([
  'EN',
  'Volume',
  'Normal',
  'Sources',
  'coordination',
  'Parties',
  'Table',
  'Tables',
  'Pause',
  'Scores',
  'Harvey',
  'Blaine',
  'Peace',
  'Arch',
  'Niagara',
  'Buffalo',
  'Lacolle',
  'Champlain',
  'Port',
  'Site',
]);
const sharedOnly = (s: string) =>
  s
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .match(/\p{L}+/gu)
    ?.every((w) => SHARED_WORDS.has(w)) ?? true;

describe('the interface in English and French', () => {
  const g = { en: grouped(LANGS.en), fr: grouped(LANGS.fr) };

  it('has the same keys in both languages', () => {
    expect(
      [...g.fr.keys()].filter((k) => !g.en.has(k)),
      'in French only',
    ).toEqual([]);
    expect(
      [...g.en.keys()].filter((k) => !g.fr.has(k)),
      'in English only',
    ).toEqual([]);
  });

  it('uses the same variables in both languages', () => {
    const differ: string[] = [];
    for (const [key, forms] of g.en) {
      const other = g.fr.get(key);
      if (!other) continue;
      const a = new Set([...forms.values()].flatMap((s) => [...variables(s)]));
      const b = new Set([...other.values()].flatMap((s) => [...variables(s)]));
      if ([...a].sort().join() !== [...b].sort().join()) differ.push(`${key}: en {${[...a]}} fr {${[...b]}}`);
    }
    expect(differ).toEqual([]);
  });

  it('gives every plural every form its language needs, and never writes "(s)"', () => {
    const missing: string[] = [];
    for (const lang of ['en', 'fr'] as const) {
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, forms] of g[lang]) {
        const plural =
          [...forms.keys()].some((f) => f !== '') || [...(g[lang === 'en' ? 'fr' : 'en'].get(key)?.keys() ?? [])].some((f) => f !== '');
        if (plural) for (const form of needed) if (!forms.has(form)) missing.push(`${lang}: ${key}_${form}`);
        for (const s of forms.values()) if (/\(s\)|\(e?s\)/.test(s)) missing.push(`${lang}: ${key} writes "(s)"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no string left empty, and no French string left in English', () => {
    const E = flatten(LANGS.en);
    const F = flatten(LANGS.fr);
    expect([...E, ...F].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...F].filter(([k, v]) => E.get(k) === v && !sharedOnly(v)).map(([k]) => k)).toEqual([]);
  });

  it('names every move preset, old names included, in both languages (a move without a label is called by its preset)', () => {
    const names = [...Object.keys(MOVE_PRESETS), ...Object.keys(PRESET_ALIASES)];
    for (const lang of ['en', 'fr'] as const)
      expect(
        names.filter((n) => !flatten(LANGS[lang]).has(`move.${n}`)),
        lang,
      ).toEqual([]);
  });

  it("names no campaign document in the screens every scenario shows (a fisheries scenario's talks failed with 'No declaration')", () => {
    const shown = (lang: 'en' | 'fr') =>
      [...flatten(LANGS[lang])].filter(([k]) => k.startsWith('ui.') && !k.startsWith('ui.title.') && !k.startsWith('ui.campaign.'));
    for (const lang of ['en', 'fr'] as const)
      expect(
        shown(lang)
          .filter(([, v]) => /d[ée]claration|smart border|fronti[eè]re intelligente/i.test(v))
          .map(([k]) => k),
        lang,
      ).toEqual([]);
  });

  it('calls the deal space\'s points "combinaisons" in French, as its caption does, never "offres" (a package tabled)', () => {
    const sentences = [...flatten(LANGS.fr)].filter(([k]) => k.startsWith('analysis.chart_'));
    expect(sentences.length).toBeGreaterThan(5);
    expect(sentences.filter(([, v]) => /\boffres?\b/.test(v)).map(([k]) => k)).toEqual([]);
    expect(sentences.filter(([, v]) => /combinaison/.test(v)).length).toBeGreaterThan(5);
  });
});
