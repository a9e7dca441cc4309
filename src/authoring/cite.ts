/**
 * The citation check: every `sources[].quote` of a level must occur, word for word, in the seed file it
 * names. Only whitespace may differ (line breaks in the seeds fall mid-sentence). Pure: the caller
 * reads the files.
 */
import type { Level } from '../levels/schema';

export interface CiteMiss {
  level: string;
  source: string;
  file: string;
  message: string;
}

/**
 * Drop every whitespace character, so a quote matches across the seeds' line breaks, including a break
 * right after a dash ("Canada–\nUnited States"). Everything else (letters, digits, punctuation, curly
 * quotes) must match exactly.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, '');
}

export function quoteOccurs(quote: string, seedText: string): boolean {
  const q = normalizeSpace(quote);
  return q.length > 0 && normalizeSpace(seedText).includes(q);
}

/**
 * Check a level's sources against seed texts. `seeds` maps a file name to its text, or to undefined
 * when the file does not exist; files outside the seeds (named public sources, "ext: ...") are skipped.
 */
export function checkCitations(
  level: Pick<Level, 'id' | 'sources'>,
  seeds: (file: string) => string | undefined,
  isSeedFile: (file: string) => boolean,
): CiteMiss[] {
  const misses: CiteMiss[] = [];
  for (const s of level.sources) {
    if (!isSeedFile(s.file)) continue;
    const text = seeds(s.file);
    if (text === undefined) {
      misses.push({ level: level.id, source: s.id, file: s.file, message: `the seed file "${s.file}" does not exist` });
    } else if (!quoteOccurs(s.quote, text)) {
      misses.push({
        level: level.id,
        source: s.id,
        file: s.file,
        message: `the quote is not in ${s.file}: "${s.quote.length > 80 ? `${s.quote.slice(0, 80)}…` : s.quote}"`,
      });
    }
  }
  return misses;
}

/** A seed file name as the sources use them: a .txt file name without a directory. */
export const SEED_FILE = /^[\w.-]+\.txt$/;
