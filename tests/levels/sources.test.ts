/**
 * Sources as the players and the checker see them: every campaign source says when what it quotes happened, every seat's negotiator holds an office a source gives by the level's date, every seed file it quotes is named by a work, and the works read as author, title, where
 * and year in both languages (never as file names).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { earliestDay } from '../../src/authoring/dates';
import { citation } from '../../src/game/ui/sources';
import { t, text } from '../../src/i18n';
import { loadLevel } from '../../src/levels/load';
import { formatLevelError } from '../../src/levels/result';

const files = [
  ...readdirSync('levels').map((f) => `levels/${f}`),
  ...readdirSync('levels/scenarios').map((f) => `levels/scenarios/${f}`),
].filter((f) => f.endsWith('.yaml'));
const levels = files.map((file) => {
  const r = loadLevel(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.map(formatLevelError).join('\n'));
  return { file, level: r.value };
});

// A scenario may leave undated a claim true at any date (a general pattern); the campaign dates every source.
describe.each(levels.filter(({ level }) => level.campaign))('$file', ({ level }) => {
  it('dates every source by what it describes', () => {
    expect(level.sources.filter((s) => !s.describes).map((s) => s.id)).toEqual([]);
  });

  it('seats every side with a negotiator whose office a source of the level gives, dated by the level’s end', () => {
    for (const [role, actor] of Object.entries(level.actors)) {
      const source = level.sources.find((s) => s.id === actor.negotiator?.source);
      expect(source, `${role}'s negotiator cites a source`).toBeDefined();
      expect(earliestDay(source?.describes ?? '9999') <= level.date.to, `${role}'s office by ${level.date.to}`).toBe(true);
      expect(actor.negotiator?.title.fr, `${role}'s office in French`).toBeTruthy();
    }
  });

  it('gives every negotiator at the table a public position to cite when tabling, accepting or refusing', () => {
    for (const [role, actor] of Object.entries(level.actors))
      if (actor.seat === 'table') expect(actor.negotiator?.positions.length, role).toBeGreaterThan(0);
  });
});

describe.each(levels)('$file', ({ level }) => {
  it('names every file and public source it quotes by a work, and no work it does not quote', () => {
    expect(new Set(level.works.map((w) => w.file))).toEqual(new Set(level.sources.map((s) => s.file)));
  });
});

describe('a work as players read it', () => {
  const works = levels.flatMap(({ level }) => level.works);
  const cite = (file: string, lang: 'en' | 'fr') =>
    citation(
      file,
      works,
      (key, params) => t(`ui.${key}`, lang, params),
      (v) => text(v, lang),
    );

  it('gives author, title, where and year, in the reader’s language', () => {
    expect(cite('001_a08c44594895df18.txt', 'en')).toBe(
      'Stefanie von Hlatky, Jessica N. Trisko, “Sharing the Burden of the Border: Layered Security Cooperation and the Canada–US Frontier”, Canadian Journal of Political Science (2012)',
    );
    expect(cite('001_a08c44594895df18.txt', 'fr')).toBe(
      'Stefanie von Hlatky, Jessica N. Trisko, «\u00a0Sharing the Burden of the Border: Layered Security Cooperation and the Canada–US Frontier\u00a0», Revue canadienne de science politique (2012)',
    );
  });

  it('says when a work is undated, and never shows a file name', () => {
    expect(cite('002_7ac79bf17461ef09.txt', 'en')).toMatch(
      /^Stefanie von Hlatky, Jessica N\. Trisko, “Sharing the Burden of the Border”, slides .* \(n\.d\.\)$/,
    );
    expect(cite('002_7ac79bf17461ef09.txt', 'fr')).toMatch(/ \(s\.\u00a0d\.\)$|\(s\. d\.\)$/);
    for (const w of works) for (const lang of ['en', 'fr'] as const) expect(cite(w.file, lang)).not.toMatch(/\.txt/);
  });

  it('names a public source by what it is, in the reader’s language, without the authors’ note', () => {
    const h1n1 = 'ext: the H1N1 influenza pandemic, April 2009 (MECHANICS.md, section 4)';
    expect(cite(h1n1, 'en')).toBe('the H1N1 influenza pandemic, April 2009 (2009)');
    expect(cite(h1n1, 'fr')).toBe('la pandémie de grippe H1N1, avril 2009 (2009)');
    // Without a work, what the file says it is, without the note for authors.
    expect(
      citation(
        h1n1,
        [],
        (k) => k,
        () => '',
      ),
    ).toBe('the H1N1 influenza pandemic, April 2009');
  });
});
