import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = 'node_modules/.bin/tsx';
const run = (script: string, args: string[]) => {
  const r = spawnSync(tsx, [script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
const dir = mkdtempSync(join(tmpdir(), 'borderlines-levels-'));
const sample = readFileSync('levels/01-smart-border-2001.yaml', 'utf8');

describe('npm run levels:check', () => {
  it('points a deliberately broken copy at the right line and field, and fails', () => {
    const broken = sample.replace('  border_states:\n    name:', '  border_states:\n    nmae:');
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l.startsWith('    nmae: { en: "Northern border states"')) + 1;
    expect(line).toBeGreaterThan(0);
    const { code, out } = run('scripts/levels-check.ts', ['--no-play', file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:${line}:5: error at allies.border_states.nmae: unknown field "nmae"`);
    expect(out).toContain('hint: did you mean "name"?');
    // One mistake, one error: not also "add name: here" beside the misspelt key.
    expect(out).not.toContain('missing required field');
    expect(out).toContain('1 error(s)');
  }, 300_000);

  it('passes a sound level after playing it headless, and reports warnings without failing', () => {
    const warned = sample.replace('indicator: congress, at_least: 50, weight: 1', 'indicator: congress, at_least: 0, weight: 1');
    const file = join(dir, 'warned.yaml');
    writeFileSync(file, warned);
    const { code, out } = run('scripts/levels-check.ts', [file]);
    expect(code).toBe(0);
    expect(out).toMatch(/warned\.yaml:\d+:\d+: warning at objectives\.washington\[3\]: every value of congress/);
    expect(out).toContain('0 error(s), 1 warning(s)');
  }, 300_000);
});

describe('npm run levels:cite', () => {
  it('names the file, level and source of a quote that is not in its seed, and fails', () => {
    const seeds = mkdtempSync(join(tmpdir(), 'borderlines-seeds-'));
    writeFileSync(
      join(seeds, '004_1996bb6eb50fc6ba.txt'),
      'Within a day, backups had grown to 15 hours at the border between Windsor and Detroit',
    );
    const level = sample
      .replace(
        /^sources:\n(?: {2}- .*\n)+/m,
        'sources:\n  - { id: backups, file: 004_1996bb6eb50fc6ba.txt, quote: "backups had grown to 15 hours" }\n  - { id: wrong, file: 004_1996bb6eb50fc6ba.txt, quote: "backups had grown to 16 hours" }\n',
      )
      .replace(/ source: (?!backups|wrong)\w+/g, ' source: backups')
      .replace(/\n {4}source: (?!backups|wrong)\w+/g, '\n    source: backups')
      .replace(/\n {6}source: (?!backups|wrong)\w+/g, '\n      source: backups')
      .replace(/\n {2}source: (?!backups|wrong)\w+/g, '\n  source: backups');
    const file = join(dir, 'cite.yaml');
    writeFileSync(file, level);
    const { code, out } = run('scripts/levels-cite.ts', ['--seeds', seeds, file]);
    expect(out).not.toContain('unknown source');
    expect(code).toBe(1);
    expect(out).toContain(`${file}: level smart_border_2001, source wrong: the quote is not in 004_1996bb6eb50fc6ba.txt`);
    expect(out).toContain('2 quote(s), 1 problem(s)');
  }, 300_000);
});
