/**
 * Every campaign level and example scenario plays entirely in French: each player-facing text (every `{en, fr}` in the
 * schema) has its French, written with French figures and the name forms the grammar layer needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/i18n';
import fr from '../../src/i18n/fr.json';
import { loadLevel } from '../../src/levels/load';
import { formatLevelError } from '../../src/levels/result';
import type { Text } from '../../src/levels/schema';

// The campaign and the example scenarios shipped with the game.
const levels = [...readdirSync('levels').map((f) => `levels/${f}`), ...readdirSync('levels/scenarios').map((f) => `levels/scenarios/${f}`)]
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = loadLevel(readFileSync(f, 'utf8'), f);
    if (!r.ok) throw new Error(r.errors.map(formatLevelError).join('\n'));
    return { file: f, level: r.value };
  });

/** Every player-facing text in a level, with its path: the schema's Text is `{en, fr?}` and only that. */
function texts(node: unknown, path: string[] = []): { path: string; value: Text & { fr_article?: string } }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => texts(n, [...path, String(i)]));
  if (node === null || typeof node !== 'object') return [];
  if (typeof (node as { en?: unknown }).en === 'string') return [{ path: path.join('.'), value: node as Text }];
  return Object.entries(node).flatMap(([k, v]) => texts(v, [...path, k]));
}

/** What English writing looks like inside a French text: a dollar before a figure, a decimal point, English months and words. */
const ENGLISH_FIGURES =
  /\$\s?\d|\d\.\d|\bpercent\b|\bper cent\b|\b(January|February|March|April|June|July|August|September|October|November|December)\b/;

describe.each(levels)('$file in French', ({ level }) => {
  const all = texts(level);

  it('has French for every player-facing text', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((t) => !t.value.fr).map((t) => `${t.path}: ${t.value.en.slice(0, 60)}`)).toEqual([]);
    expect(all.filter((t) => text(t.value, 'fr').includes(fr.fallbackMarker.trim())).map((t) => t.path)).toEqual([]);
  });

  it('writes figures the French way (through {money:…}, {date:…}, {percent:…} or by hand)', () => {
    expect(all.filter((t) => t.value.fr && ENGLISH_FIGURES.test(text(t.value, 'fr'))).map((t) => `${t.path}: ${t.value.fr}`)).toEqual([]);
  });

  it('gives a name its article as a French form, not inside the name', () => {
    const names = all.filter((t) => /^(actors\.[^.]+\.name|allies\.[^.]+\.name|ratification\.[^.]+\.body)$/.test(t.path));
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((t) => /^(le|la|les|l')\b/i.test(t.value.fr ?? '')).map((t) => `${t.path}: ${t.value.fr}`)).toEqual([]);
  });
});
