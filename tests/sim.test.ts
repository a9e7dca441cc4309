import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['scripts/sim.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

// Each case starts Node processes, which is slow on a loaded two-core machine.
describe('npm run sim', { timeout: 300_000 }, () => {
  it('plays the sample level to an outcome and prints a readable transcript', () => {
    const r = sim('levels/01-smart-border-2001.yaml', '--seed', '4');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Round 1 of 6 ==');
    expect(r.stdout).toMatch(/== Outcome ==\n {2}(Agreement ratified in round \d|No agreement by the deadline)/);
    expect(r.stdout).toMatch(/Ottawa: \d+\/100/);
  });

  it('gives the same transcript for the same seed, and another for another seed', () => {
    const a = sim('levels/01-smart-border-2001.yaml', '--seed', '9').stdout;
    expect(sim('levels/01-smart-border-2001.yaml', '--seed', '9').stdout).toBe(a);
    expect(sim('levels/01-smart-border-2001.yaml', '--seed', '1').stdout).not.toBe(a);
  });

  it('reports a broken level with its line and field, and exits non-zero', () => {
    const r = sim('tests/fixtures/broken.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tests\/fixtures\/broken\.yaml:\d+:\d+: error at rounds/);
  });
});
