/**
 * A Vite plugin: the level files in levels/ and levels/scenarios/ are validated at build time with the game's own loader and
 * shipped as plain data (the module `virtual:levels`, a chunk of its own), so the browser parses no YAML
 * and runs no schema for them. What the title draws is a small module of its own (`virtual:levels/title`), so the
 * title waits for none of the rest. A level with an error fails the build, or shows in the dev server's
 * overlay, with the loader's messages: file, line, field and how to fix it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { TitleArt } from '../src/game/levels';
import { campaignOrder } from '../src/levels/campaign';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import type { Level } from '../src/levels/schema';

export const LEVELS_MODULE = 'virtual:levels';
/** What the title draws (the first campaign level's map and seats), apart: the title needs none of the rest. */
export const TITLE_MODULE = 'virtual:levels/title';
const MODULES = [LEVELS_MODULE, TITLE_MODULE];

/** Every level in some folders, loaded and checked; the errors are the loader's, formatted for a terminal. */
export function compileLevels(dirs: readonly string[]): { entries: { file: string; level: Level }[]; errors: string[]; files: string[] } {
  const entries: { file: string; level: Level }[] = [];
  const errors: string[] = [];
  const files: string[] = [];
  for (const dir of dirs) {
    const root = resolve(dir);
    const names = readdirSync(root)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
    for (const name of names) {
      const file = `${dir}/${name}`;
      files.push(join(root, name));
      const r = loadLevel(readFileSync(join(root, name), 'utf8'), file);
      if (r.ok) entries.push({ file, level: r.value });
      else errors.push(...r.errors.map(formatLevelError));
    }
  }
  return { entries, errors, files };
}

/** The first campaign level's border and seats, or null when no level is in a campaign. */
export function titleArt(entries: readonly { file: string; level: Level }[]): TitleArt | null {
  const first = campaignOrder(entries)[0]?.level;
  if (!first) return null;
  const actors = Object.fromEntries(
    Object.entries(first.actors).map(([id, a]) => [id, { emblem: a.emblem, initials: a.initials, name: a.name, colour: a.colour }]),
  );
  return { border: first.border, actors };
}

export function compiledLevels(dirs: readonly string[] = ['levels', 'levels/scenarios']): Plugin {
  return {
    name: 'borderlines-levels',
    resolveId: (id) => (MODULES.includes(id) ? `\0${id}` : undefined),
    load(id) {
      const name = MODULES.find((m) => id === `\0${m}`);
      if (!name) return undefined;
      const { entries, errors, files } = compileLevels(dirs);
      for (const f of files) this.addWatchFile(f);
      if (errors.length) this.error(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the levels:\n${errors.join('\n')}`);
      const data = name === TITLE_MODULE ? titleArt(entries) : entries;
      // JSON.parse of a string literal is faster for the browser than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
