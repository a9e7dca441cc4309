import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DIFFICULTIES, type Difficulty } from '../src/ai';
import { loadLevel } from '../src/levels/load';
import { formatLevelError } from '../src/levels/result';
import type { Level } from '../src/levels/schema';

/** Read and load a level file, or print its errors and exit with a failure code. */
export function readLevelOrExit(file: string): Level {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    process.exit(2);
  }
  const result = loadLevel(text, file);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatLevelError(e));
    process.exit(1);
  }
  return result.value;
}

/** The level files named on the command line, or every levels/*.yaml then levels/scenarios/*.yaml in file order. */
export function levelFiles(named: string[]): string[] {
  if (named.length) return named;
  const yamlIn = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  return [...yamlIn('levels'), ...yamlIn(join('levels', 'scenarios'))];
}

/** An --ai option's value, or a usage message and exit. */
export function difficultyOrExit(value: string | undefined): Difficulty {
  if (DIFFICULTIES.includes(value as Difficulty)) return value as Difficulty;
  console.error(`--ai takes ${DIFFICULTIES.join(', ')}, not "${value}"`);
  process.exit(2);
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  short?: string;
  multiple?: boolean;
  description: string;
}

/**
 * Parse a script's command line. `--help` (or `-h`) prints the usage, what the script does and its
 * options, and exits 0; a bad argument prints what is wrong and the usage, and exits 2 (never a stack trace).
 */
export function argsOrExit<T extends Record<string, OptionSpec>>(usage: string, about: string, options: T, { positionals = false } = {}) {
  const all = { ...options, help: { type: 'boolean', short: 'h', default: false, description: 'show this help' } } as T & { help: OptionSpec };
  const help = () =>
    [`usage: ${usage}`, '', about, '', 'options:', ...Object.entries(all).map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}${o.short ? `, -${o.short}` : ''}  ${o.description}${o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : ''}`)].join('\n');
  try {
    const parsed = parseArgs({
      allowPositionals: positionals,
      options: Object.fromEntries(Object.entries(all).map(([name, { description: _d, ...o }]) => [name, o])) as ParseArgsConfig['options'],
    });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(help());
      process.exit(0);
    }
    return parsed as { values: { [K in keyof T]: T[K]['type'] extends 'boolean' ? boolean : string | undefined }; positionals: string[] };
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${help()}`);
    process.exit(2);
  }
}
