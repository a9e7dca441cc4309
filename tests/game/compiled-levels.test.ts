import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledLevels, compileLevels, LEVELS_MODULE, TITLE_MODULE } from '../../scripts/vite-levels';
import { campaignOrder } from '../../src/levels/campaign';

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

  it("gives the title the first campaign level's border and seats, as the plugin serves them", () => {
    const dirs = ['levels', 'levels/scenarios'];
    const first = campaignOrder(compileLevels(dirs).entries)[0].level;
    const plugin = compiledLevels(dirs);
    const resolved = (plugin.resolveId as (id: string) => string | undefined)(TITLE_MODULE);
    const ctx = { addWatchFile: () => undefined, error: (message: string) => expect.fail(message) };
    const source = (plugin.load as unknown as (this: typeof ctx, id: string) => string).call(ctx, resolved as string);
    const art = JSON.parse(JSON.parse(/^export default JSON\.parse\((.*)\);$/.exec(source)?.[1] ?? 'null'));
    expect(art.border).toStrictEqual(first.border);
    expect(Object.keys(art.actors)).toEqual(Object.keys(first.actors));
    // Each seat as the level gives it: its emblem, and its initials, name and colour where the level sets them.
    for (const [id, seat] of Object.entries<Record<string, unknown>>(art.actors)) {
      expect(seat.emblem).toBe(first.actors[id].emblem);
      for (const [field, value] of Object.entries(seat))
        expect(value).toStrictEqual(first.actors[id][field as keyof (typeof first.actors)[string]]);
    }
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
