import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiPolicy, DIFFICULTIES } from '../../src/ai';
import { createSession, type Level, roles } from '../../src/engine';
import type { Condition } from '../../src/levels/schema';
import { mini, readLevel } from '../helpers';

/**
 * Seat secrecy: until the debrief, nothing of another role's brief, fallback, objectives, thresholds or
 * home requirements reaches a seat, through any field of its view, the log included. Each role's
 * confidential texts are replaced by unique strings, and its confidential numbers (aims, the least value
 * its home level accepts, its home requirements) get a fractional marker of its own (.107, .117, .127...)
 * that nothing public ever carries, so a leak shows as that role's marker in another seat's view.
 */
const levels: Level[] = [
  mini(),
  ...readdirSync('levels')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readLevel(`levels/${f}`)),
];

const fraction = (k: number) => Number(`0.1${k}7`);
const secret = (role: string, what: string) => `SECRET ${what} of ${role}`;

function markCondition(c: Condition, level: Level, add: number): Condition {
  const out: Condition = { ...c };
  for (const [key, value] of Object.entries(c)) {
    if ((key === 'all' || key === 'any') && Array.isArray(value)) out[key] = value.map((x) => markCondition(x, level, add));
    else if (key === 'not' && value) out.not = markCondition(value as Condition, level, add);
    else if (Object.hasOwn(level.indicators, key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([bound, n]) => [bound, typeof n === 'number' ? n + add : n]));
    }
  }
  return out;
}

/** The level with every role's confidential texts and numbers marked as that role's. */
function marked(original: Level): Level {
  const level = structuredClone(original);
  roles(level).forEach((role, k) => {
    const add = fraction(k);
    level.actors[role].brief = { en: secret(role, 'brief'), fr: secret(role, 'brief') };
    level.fallback.roles[role] = { en: secret(role, 'fallback') };
    level.objectives[role] = (level.objectives[role] ?? []).map((o, i) => ({
      ...o,
      label: { en: secret(role, `aim ${i}`) },
      at_least: o.at_least === undefined ? undefined : o.at_least + add,
      at_most: o.at_most === undefined ? undefined : o.at_most + add,
    }));
    const rule = level.ratification[role];
    if (rule)
      level.ratification[role] = {
        ...rule,
        min_value: rule.min_value + add,
        requires: rule.requires.map((c) => markCondition(c, level, add)),
      };
  });
  return level;
}

/** What of other roles' secrets a serialized view of `role` shows. */
function leaks(level: Level, role: string, json: string): string[] {
  return roles(level).flatMap((other, k) => {
    if (other === role) return [];
    const found = ['brief', 'fallback', 'aim'].filter((what) => json.includes(`SECRET ${what}`) && json.includes(`of ${other}`));
    const number = new RegExp(`\\d\\.1${k}7`).exec(json);
    return [
      ...found.map((w) => `${other}'s ${w}`),
      ...(number ? [`${other}'s number ${number[0]} near ${json.slice(Math.max(0, number.index - 120), number.index + 20)}`] : []),
    ];
  });
}

describe.each(levels.map((l) => [l.id, marked(l)] as const))('seat secrecy on %s', (_id, level) => {
  it("no seat sees another role's confidential values or texts before the debrief, log included", () => {
    const rs = roles(level);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.constantFrom(...DIFFICULTIES), { minLength: rs.length, maxLength: rs.length }),
        (seed, difficulties) => {
          const session = createSession(level, {
            seed,
            controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
            policies: Object.fromEntries(rs.map((r, i) => [r, aiPolicy(difficulties[i])])),
          });
          const found: string[] = [];
          let seen = '';
          const look = () => {
            const key = `${session.phase()}:${session.context().round}:${session.context().log.length}`;
            if (key === seen || session.phase() === 'debrief') return;
            seen = key;
            for (const r of rs) found.push(...leaks(level, r, JSON.stringify(session.playerView(r))));
          };
          const stop = session.subscribe(look);
          session.start();
          stop();
          expect(session.phase()).toBe('debrief');
          expect(found).toEqual([]);
          // The markers are there to be found: each seat sees its own, and everyone's at the debrief.
          for (const r of rs) expect(JSON.stringify(session.playerView(r))).toContain(secret(rs[0], 'aim 0'));
        },
      ),
      { numRuns: 4, seed: 11 },
    );
  });
});

describe('a failed ratification', () => {
  const level = { ...mini(), rounds: 3 };
  const s = createSession(level, { seed: 1 });
  s.start();
  s.send('big', { id: 'propose', deal: { data: 'shared', lanes: 'none' } });
  s.send('small', { id: 'pass' });
  s.send('province', { id: 'pass' });
  s.send('big', { id: 'pass' });
  s.send('small', { id: 'accept', to: 'big' });
  s.send('province', { id: 'pass' });

  it('leaves talks open, with every seat told that it failed', () => {
    expect(s.phase()).toBe('choosing');
    for (const r of roles(level)) expect(s.playerView(r).ratification?.find((x) => x.actor === 'small')?.ratified).toBe(false);
  });
  it('shows the value, threshold and failed requirement only to the role whose home level it is', () => {
    expect(s.playerView('small').ratification?.find((x) => x.actor === 'small')).toMatchObject({ value: 3, threshold: 6 });
    for (const r of ['big', 'province'])
      expect(s.playerView(r).ratification?.find((x) => x.actor === 'small')).toEqual({ actor: 'small', ratified: false });
  });
});
