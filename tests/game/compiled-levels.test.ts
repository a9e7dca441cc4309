import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledLevels, compileLevels, LEVELS_MODULE } from '../../scripts/vite-levels';

describe('levels compiled at build time', () => {
  it('ships every level in levels/ and levels/scenarios/ as the same plain data the loader makes', () => {
    const dirs = ['levels', 'levels/scenarios'];
    const { entries, errors } = compileLevels(dirs);
    expect(errors).toEqual([]);
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `${d}/${f}`),
    );
    expect(entries.map((e) => e.file).sort()).toEqual(files.sort());
    // The bundle carries the levels as JSON: what the browser parses back is what the loader returned.
    for (const e of entries) expect(JSON.parse(JSON.stringify(e.level))).toStrictEqual(e.level);
  }, 60_000);

  it('fails the build with the loader messages (file, line, field) when a level is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'levels-'));
    writeFileSync(join(dir, 'mini.yaml'), readFileSync('tests/fixtures/mini.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), readFileSync('tests/fixtures/broken.yaml'));
    const plugin = compiledLevels([dir]);
    const resolved = (plugin.resolveId as (id: string) => string | undefined)(LEVELS_MODULE);
    const ctx = {
      addWatchFile: () => undefined,
      error: (message: string) => {
        throw new Error(message);
      },
    };
    const load = plugin.load as unknown as (this: typeof ctx, id: string) => string | undefined;
    expect(() => load.call(ctx, resolved as string)).toThrow(new RegExp(`${dir}/broken\\.yaml:\\d+:\\d+: error at `));
  });
});
