import { describe, expect, it } from 'vitest';
import { checkCitations, normalizeSpace, quoteOccurs, SEED_FILE } from '../../src/authoring/cite';

const seed =
  'Within a day, backups had grown to 15 hours at the border\nbetween Windsor and Detroit. Canada–\nUnited States trade is “vital”.';
const seeds = (file: string) => (file === 'a.txt' ? seed : undefined);
const level = (quotes: { id: string; file: string; quote: string }[]) => ({ id: 'example', sources: quotes });

describe('the citation check', () => {
  it("finds a quote across the seed file's line breaks, only whitespace differing", () => {
    expect(quoteOccurs('backups had grown to 15 hours at the border between Windsor and Detroit', seed)).toBe(true);
    expect(quoteOccurs('Canada–United States trade', seed)).toBe(true);
    expect(quoteOccurs('  backups   had grown ', seed)).toBe(true);
    expect(normalizeSpace(' a \n b\t c ')).toBe('abc');
  });

  it('refuses a changed figure, word, capital or quotation mark', () => {
    expect(quoteOccurs('backups had grown to 16 hours', seed)).toBe(false);
    expect(quoteOccurs('backups grew to 15 hours', seed)).toBe(false);
    expect(quoteOccurs('Backups had grown', seed)).toBe(false);
    expect(quoteOccurs('trade is "vital"', seed)).toBe(false);
    expect(quoteOccurs('   ', seed)).toBe(false);
  });

  it('names the level, the source and the file of every miss, and skips public sources', () => {
    const misses = checkCitations(
      level([
        { id: 'ok', file: 'a.txt', quote: 'grown to 15 hours' },
        { id: 'wrong', file: 'a.txt', quote: 'grown to 50 hours' },
        { id: 'gone', file: 'b.txt', quote: 'anything' },
        { id: 'ext', file: 'ext: a public law', quote: 'not checked' },
      ]),
      seeds,
      (f) => SEED_FILE.test(f),
    );
    expect(misses.map((m) => [m.level, m.source, m.file])).toEqual([
      ['example', 'wrong', 'a.txt'],
      ['example', 'gone', 'b.txt'],
    ]);
    expect(misses[0].message).toContain('grown to 50 hours');
    expect(misses[1].message).toContain('does not exist');
  });
});
