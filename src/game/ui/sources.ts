/**
 * A level's sources as players see them: grouped by the work they come from, each work named by author,
 * title, where it appeared and year (never by file name), each quote in its own language.
 */
import type { Level, Text, Work } from '../../levels/schema';
import { h } from './dom';

type Translate = (key: string, params?: Record<string, string>) => string;
type LevelText = (value: Text | undefined) => string;

/** A public source is named in its `file` as "ext: what it is (a note for authors)"; players see what it is. */
const publicName = (file: string) => file.replace(/^ext:\s*/, '').replace(/\s*\([^()]*\.md[^()]*\)\s*$/, '');

interface Citation {
  /** The author, the title in its quotation marks (or what a public source is), where it appeared and the year; missing parts left out. */
  parts: { text: string; lang?: string }[];
}

/** "Author, “Title”, where (year)": the work behind a source file, or the public source it names. */
export function cite(file: string, works: readonly Work[], tr: Translate, lt: LevelText): Citation {
  const work = works.find((w) => w.file === file);
  if (!work) return { parts: [{ text: publicName(file), lang: 'en' }] };
  const parts: Citation['parts'] = [];
  if (work.author) parts.push({ text: work.author });
  // A title stays in the language it was published in (English for every seed).
  if (work.title) parts.push({ text: tr('sources.title', { title: work.title }), lang: work.lang ?? 'en' });
  if (work.name) parts.push({ text: lt(work.name) });
  if (work.in) parts.push({ text: lt(work.in) });
  const when = work.year ? tr('sources.year', { year: String(work.year) }) : tr('sources.undated');
  return { parts: parts.map((p, i) => (i < parts.length - 1 ? { ...p, text: `${p.text},` } : p)).concat({ text: when }) };
}

/** The citation as one line of text. */
export const citation = (file: string, works: readonly Work[], tr: Translate, lt: LevelText) =>
  cite(file, works, tr, lt)
    .parts.map((p) => p.text)
    .join(' ');

/** The list: one item per work, its quotes under it. */
export function sourcesList(level: Pick<Level, 'sources' | 'works'>, tr: Translate, lt: LevelText): HTMLElement {
  const byFile = new Map<string, string[]>();
  for (const s of level.sources) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.quote]);
  return h(
    'ul',
    { class: 'works' },
    ...[...byFile].map(([file, quotes]) =>
      h(
        'li',
        {},
        h(
          'cite',
          {},
          ...cite(file, level.works, tr, lt).parts.flatMap((p, i) => [i > 0 ? ' ' : null, h('span', { text: p.text, lang: p.lang })]),
        ),
        h('ul', {}, ...quotes.map((q) => h('li', {}, h('q', { text: q, lang: 'en' })))),
      ),
    ),
  );
}
