import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Runs a script with tsx's loader, as `npm run` does, but in one Node process (the tsx command starts two);
 * several at once (each mostly waits for Node to start).
 */
const run = (script: string, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}`, ...args],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
/** Every runnable script: the modules they share (args, files, the classroom bots) export what they offer and are not run. */
const scripts = readdirSync('scripts').filter((f) => f.endsWith('.ts') && !/^export /m.test(readFileSync(`scripts/${f}`, 'utf8')));

// Each case starts a Node process, which is slow on a loaded two-core machine.
describe('every script answers --help', { timeout: 120_000 }, () => {
  it('lists the scripts it covers', () => {
    expect(scripts).toEqual(
      expect.arrayContaining(['sim.ts', 'balance.ts', 'levels-check.ts', 'levels-cite.ts', 'moves.ts', 'schema.ts', 'test.ts']),
    );
  });

  it.concurrent.each(scripts)('%s --help prints its usage and options, does nothing else, and exits 0', async (script) => {
    const r = await run(script, '--help');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: /);
    expect(r.stdout).toContain('--help');
  });

  it.concurrent.each(scripts)('%s refuses an unknown option with the usage, no stack trace, exit code 2', async (script) => {
    const r = await run(script, '--no-such-option');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--no-such-option'");
    expect(r.stderr).toContain('usage: ');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("npm run sim plays the game's AI", { timeout: 120_000 }, () => {
  it.concurrent("at the difficulty asked, printing each move's reason", async () => {
    const r = await run('sim.ts', 'levels/01-smart-border-2001.yaml', '--ai', 'hard', '--seed', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('AI hard on every seat');
    expect(r.stdout).toMatch(/\n {6}why: \S/);
    const easy = await run('sim.ts', 'levels/01-smart-border-2001.yaml', '--ai', 'easy', '--seed', '3');
    expect(easy.stdout).toContain('AI easy on every seat');
    expect(easy.stdout.replace('AI easy', 'AI hard')).not.toBe(r.stdout);
  });

  it.concurrent('refuses an unknown difficulty with the choices', async () => {
    const r = await run('sim.ts', 'levels/01-smart-border-2001.yaml', '--ai', 'brutal');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--ai takes easy, normal, hard, not "brutal"');
  });
});
