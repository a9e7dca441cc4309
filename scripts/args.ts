import { type ParseArgsConfig, parseArgs } from 'node:util';

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
  const all = { ...options, help: { type: 'boolean', short: 'h', default: false, description: 'show this help' } } as T & {
    help: OptionSpec;
  };
  const help = () =>
    [
      `usage: ${usage}`,
      '',
      about,
      '',
      'options:',
      ...Object.entries(all).map(
        ([name, o]) =>
          `  --${name}${o.type === 'string' ? ' <value>' : ''}${o.short ? `, -${o.short}` : ''}  ${o.description}${o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : ''}`,
      ),
    ].join('\n');
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
