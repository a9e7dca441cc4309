import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = ['src/engine', 'src/levels', 'src/authoring', 'src/ai', 'src/analysis'];

/** Lint a would-be file at a path in a scratch copy of the project's layout, with its Biome configuration. */
function lint(path: string, source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lint-probe-'));
  try {
    copyFileSync('biome.json', join(root, 'biome.json'));
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), source);
    const r = spawnSync(resolve('node_modules/.bin/biome'), ['lint', path], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return `${r.stdout}${r.stderr}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out = statSync(p).isDirectory() ? out.concat(files(p)) : out.concat(p);
  }
  return out;
}

describe('the engine stays pure', () => {
  it.each([
    ["import Phaser from 'phaser';\nexport const x = Phaser;\n", 'noRestrictedImports'],
    ["import { Howl } from 'howler';\nexport const x = Howl;\n", 'noRestrictedImports'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'noNodejsModules'],
    ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'noNodejsModules'],
    ['export const x = () => document.title;\n', 'noRestrictedGlobals'],
    ['export const x = () => window.innerWidth;\n', 'noRestrictedGlobals'],
    ["export const x = () => localStorage.getItem('a');\n", 'noRestrictedGlobals'],
  ])('the lint rule refuses %j in src/engine', (source, rule) => {
    expect(lint('src/engine/probe.ts', source)).toContain(rule);
  });

  it('the same imports are allowed outside the pure folders', () => {
    const out = lint('src/game/probe.ts', "import Phaser from 'phaser';\nexport const x = Phaser;\n");
    expect(out).not.toContain('noRestrictedImports');
  });

  it('no pure module reads the clock or Math.random', () => {
    const offenders = PURE.filter((dir) => existsSync(dir))
      .flatMap((dir) => files(dir))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /Math\.random|Date\.now|new Date\(\s*\)|performance\.now/.test(withoutComments(readFileSync(f, 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('no source evaluates code from data', () => {
    const offenders = files('src')
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

/** The modules a source file imports, as written (relative paths and package names). */
const importsOf = (file: string) =>
  [
    ...withoutComments(readFileSync(file, 'utf8')).matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]);

describe('the level format stands apart from the quality checks', () => {
  it('src/levels imports only its own modules, zod and yaml: nothing from the engine, the AI or the authoring checks', () => {
    const offenders = files('src/levels')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        importsOf(f)
          .filter((m) => !m.startsWith('./') && m !== 'zod' && m !== 'yaml')
          .map((m) => `${f} imports ${m}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the import scan sees a forbidden import when there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imports-probe-'));
    try {
      const probe = join(dir, 'probe.ts');
      writeFileSync(
        probe,
        "import type { Level } from './schema';\nimport { createSession } from '../engine';\nconst x = await import('../ai');\n",
      );
      expect(importsOf(probe)).toEqual(['./schema', '../engine', '../ai']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
