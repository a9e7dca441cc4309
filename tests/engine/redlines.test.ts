/** Red lines: `unacceptable_to` on an option. That party's home level never ratifies it, and its AI never tables or accepts it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aiPolicy } from '../../src/ai';
import { suspicious } from '../../src/authoring/warnings';
import { createSession, homeVerdicts, roles } from '../../src/engine';
import { initialContext } from '../../src/engine/resolve';
import { message } from '../../src/i18n';
import { loadLevel } from '../../src/levels/load';

const FILE = 'tests/fixtures/duel.yaml';
const text = readFileSync(FILE, 'utf8');
const HIGH_ON_ONE = '      - { id: hi, label: { en: High }, harmonization: 0 }\n';

/** The duel with High on issue one made a red line for the given roles (its first `hi` is issue one's). */
function duel(redLine?: string) {
  const source = redLine
    ? text.replace(HIGH_ON_ONE, `      - { id: hi, label: { en: High }, harmonization: 0, unacceptable_to: [${redLine}] }\n`)
    : text;
  const r = loadLevel(source, FILE);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function aiGame(level: ReturnType<typeof duel>, seed: number, difficulty: 'normal' | 'hard' | 'easy') {
  const rs = roles(level);
  const s = createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, aiPolicy(difficulty)])),
  });
  s.start();
  return s.context();
}

describe('red lines', () => {
  it('the party whose red line it is never ratifies, and says why; the others judge the package as before', () => {
    const level = duel('small');
    const ctx = initialContext({ level, seed: 1 });
    const [big, small] = homeVerdicts(level, ctx, { one: 'hi', two: 'lo', three: 'lo' });
    expect(small.ratified).toBe(false);
    expect(small.failed[0]).toMatchObject({ key: 'ratify.red_line' });
    expect(message(small.failed[0], 'en')).toBe('“High” on One is a red line: it is never ratified at home');
    expect(big).toEqual(homeVerdicts(duel(), ctx, { one: 'hi', two: 'lo', three: 'lo' })[0]);
    // Worth enough to Small otherwise: only the red line stops it.
    expect(homeVerdicts(duel(), ctx, { one: 'hi', two: 'lo', three: 'lo' })[1].ratified).toBe(true);
  });

  it('the AI never tables, accepts or signs a package across a red line (and does without one)', () => {
    const tables = (ctx: ReturnType<typeof aiGame>) =>
      ctx.log.filter((e) => e.move?.kind === 'propose' && e.move.deal?.one === 'hi').length;
    const seeds = [1, 2, 3];
    const free = seeds.flatMap((seed) => (['normal', 'hard', 'easy'] as const).map((d) => aiGame(duel(), seed, d)));
    expect(free.reduce((n, ctx) => n + tables(ctx), 0)).toBeGreaterThan(0);
    for (const seed of seeds)
      for (const d of ['normal', 'hard', 'easy'] as const) {
        const ctx = aiGame(duel('small'), seed, d);
        expect(tables(ctx), `${d} ${seed}`).toBe(0);
        const accepted = ctx.log
          .filter((e) => e.move?.kind === 'accept')
          .map((e) => ctx.log.find((p) => p.actor === e.move?.to && p.move?.kind === 'propose'));
        for (const p of accepted) expect(p?.move?.deal?.one).not.toBe('hi');
        expect(ctx.outcome?.deal?.one).not.toBe('hi');
      }
  });

  it('must name a role with a home level', () => {
    const unknown = loadLevel(
      text.replace(HIGH_ON_ONE, '      - { id: hi, label: { en: High }, harmonization: 0, unacceptable_to: [smal] }\n'),
      FILE,
    );
    expect(unknown.ok).toBe(false);
    if (!unknown.ok)
      expect(unknown.errors[0]).toMatchObject({ path: 'issues.one.options[3].unacceptable_to[0]', hint: 'did you mean "small"?' });
    const noHome = loadLevel(
      text.replace(HIGH_ON_ONE, '      - { id: hi, label: { en: High }, harmonization: 0, unacceptable_to: [province] }\n'),
      FILE,
    );
    expect(noHome.ok).toBe(false);
    if (!noHome.ok) expect(noHome.errors[0].message).toContain('province has no home level');
  });

  it('levels:check warns when red lines rule out every agreement, or a seat aim every agreement needs', () => {
    const redLineWarnings = (level: ReturnType<typeof duel>) => suspicious(level).filter((p) => /red line/.test(p.message));
    expect(redLineWarnings(duel())).toEqual([]);
    // Big's first aim prefers High on issue one only: Small's red line rules it out of every agreement.
    expect(redLineWarnings(duel('small'))).toEqual([
      expect.objectContaining({
        path: ['objectives', 'big', 0],
        message: 'every option big prefers on one is a red line for small, so no ratified agreement meets this aim',
      }),
    ]);
    const level = duel('small');
    for (const o of level.issues.one.options) o.unacceptable_to = ['big'];
    expect(redLineWarnings(level).map((p) => p.message)).toContain(
      "every option of one is someone's red line, so no package can be ratified: every seat falls back at the deadline",
    );
  });
});
