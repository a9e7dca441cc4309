/**
 * Meter names fit the meters' column in every language: the column wraps a name onto a second line but
 * cannot break a long word without cutting it, so a name's words stay short and the name fits two lines.
 * The e2e table and French tests measure level 1 on screen; this checks every level's data the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLevel } from '../../src/levels/load';
import { formatLevelError } from '../../src/levels/result';

/** The longest word the meters' column shows whole at 1280x720, and the most characters two lines hold. */
const LONGEST_WORD = 18;
const LONGEST_NAME = 40;

const files = [
  ...readdirSync('levels').map((f) => `levels/${f}`),
  ...readdirSync('levels/scenarios').map((f) => `levels/scenarios/${f}`),
].filter((f) => f.endsWith('.yaml'));

describe.each(files)('%s', (file) => {
  const r = loadLevel(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.map(formatLevelError).join('\n'));
  const names = Object.entries(r.value.indicators).flatMap(([id, ind]) =>
    Object.entries(ind.name)
      .filter(([lang]) => lang !== 'fr_article')
      .map(([lang, name]) => ({ where: `${id} (${lang})`, name })),
  );

  it('names every meter in words the column shows whole, on two lines at most', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(
      names.filter(({ name }) => name.split(/[\s–-]+/).some((w) => w.length > LONGEST_WORD)).map((n) => `${n.where}: ${n.name}`),
    ).toEqual([]);
    expect(names.filter(({ name }) => name.length > LONGEST_NAME).map((n) => `${n.where}: ${n.name}`)).toEqual([]);
  });
});
