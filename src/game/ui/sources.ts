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

/** "Author, “Title”, where (year)": the work behind a source file, or the public source it names. */
export function citation(file: string, works: readonly Work[], tr: Translate, lt: LevelText): string {
  const work = works.find((w) => w.file === file);
  if (!work) return publicName(file);
  const parts = [work.author, work.title ? tr('sources.title', { title: work.title }) : undefined, work.in ? lt(work.in) : undefined];
  const when = work.year ? tr('sources.year', { year: String(work.year) }) : tr('sources.undated');
  return `${parts.filter(Boolean).join(', ')} ${when}`;
}

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
        h('cite', { text: citation(file, level.works, tr, lt), lang: level.works.some((w) => w.file === file) ? undefined : 'en' }),
        h('ul', {}, ...quotes.map((q) => h('li', {}, h('q', { text: q, lang: 'en' })))),
      ),
    ),
  );
}
