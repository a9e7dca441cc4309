import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiPolicy, DIFFICULTIES, type Difficulty } from '../../src/ai';
import { PLAYERS, STRATEGIES } from '../../src/ai/players';
import { createSession, type Level, type MoveInput, type Policy, roles } from '../../src/engine';
import { nextRandom, seedState } from '../../src/engine/rng';
import { hasKey, LOCALES, message } from '../../src/i18n';
import { loadLevel } from '../../src/levels/load';
import { mini, readLevel, sample } from '../helpers';

const duel = () => readLevel('tests/fixtures/duel.yaml');
const strip = ({ reason: _reason, said: _said, ...m }: MoveInput) => m;

function rng(seed: number) {
  let state = seedState(seed);
  return () => {
    const [v, next] = nextRandom(state);
    state = next;
    return v;
  };
}

/** Play a level with a policy per role on every seat; returns the finished session. */
function playAll(level: Level, seed: number, policyFor: (role: string) => Policy) {
  const rs = roles(level);
  const s = createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, policyFor(r)])),
  });
  s.start();
  return s;
}

/** Wrap a policy so that any move it makes outside the legal list is recorded. */
function checked(policy: Policy, illegal: string[]): Policy {
  return (view, legal, random) => {
    const move = policy(view, legal, random);
    if (!legal.some((m) => JSON.stringify(m) === JSON.stringify(strip(move))))
      illegal.push(`${view.role} round ${view.round}: ${JSON.stringify(move)}`);
    return move;
  };
}

const levels: [string, () => Level][] = [
  ['mini', mini],
  ['sample', sample],
  ['duel', duel],
];

describe('the AI plays only legal moves', () => {
  for (const [name, load] of levels) {
    const level = load();
    it(`on ${name}, at every difficulty, for any seed, and finishes the level`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...DIFFICULTIES), (seed, difficulty) => {
          const illegal: string[] = [];
          const s = playAll(level, seed, () => checked(aiPolicy(difficulty), illegal));
          expect(illegal).toEqual([]);
          expect(s.phase()).toBe('debrief');
          // Every move in the log is the AI's own choice (an illegal move would have been replaced by a bare pass).
          for (const e of s.context().log) if (e.type === 'move') expect(e.move?.reason).toBeDefined();
        }),
        { numRuns: 25 },
      );
    });
  }
  it('on every campaign level in levels/, at every difficulty', () => {
    const files = readdirSync('levels').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const level = readLevel(`levels/${f}`);
      for (const d of DIFFICULTIES) {
        const illegal: string[] = [];
        const s = playAll(level, 17, () => checked(aiPolicy(d), illegal));
        expect(illegal, `${f} ${d}`).toEqual([]);
        expect(s.phase(), `${f} ${d}`).toBe('debrief');
      }
    }
  });
  it('and so do the balance strategies', () => {
    const level = sample();
    for (const strategy of STRATEGIES) {
      for (const seat of roles(level)) {
        const illegal: string[] = [];
        playAll(level, 11, (r) => checked(r === seat ? PLAYERS[strategy] : aiPolicy('normal'), illegal));
        expect(illegal, `${strategy} as ${seat}`).toEqual([]);
      }
    }
  });
});

describe('the AI reads only its own view', () => {
  /** Another role's confidential data changed: valuations, objectives, brief and home-level rule. */
  function secretsChanged(level: Level, other: string): Level {
    const l = structuredClone(level);
    for (const issue of Object.values(l.issues)) issue.value[other] = issue.value[other].map((_v, i) => (i * 7 + 3) % 11);
    l.objectives[other] = [{ agreement: false, weight: 5 }];
    l.actors[other].brief = { en: 'A different secret.' };
    if (l.ratification[other]) l.ratification[other] = { ...l.ratification[other], min_value: 1, requires: [] };
    return l;
  }
  const script: Record<string, MoveInput>[] = [
    {
      washington: {
        id: 'propose',
        deal: { border_regime: 'smart_border', information_sharing: 'common_databases', trusted_traffic: 'none' },
      },
      ottawa: {
        id: 'propose',
        deal: { border_regime: 'smart_border', information_sharing: 'case_by_case', trusted_traffic: 'nexus_fast' },
      },
    },
    { washington: { id: 'raise_alert' }, ottawa: { id: 'appeal_to_principle', principle: 'canadian_laws', to: 'washington' } },
    { washington: { id: 'sound_out', to: 'ottawa' }, quebec: { id: 'press_ottawa' } },
  ];
  function viewsAndChoices(level: Level, me: string) {
    const s = createSession(level, { seed: 5 });
    s.start();
    const out: unknown[] = [];
    for (const round of script) {
      for (const d of DIFFICULTIES) out.push(aiPolicy(d)(s.playerView(me), s.legalMoves(me), rng(9)));
      for (const r of roles(level)) expect(s.send(r, round[r] ?? { id: 'pass' })).toEqual({ ok: true });
    }
    return out;
  }
  for (const [me, other] of [
    ['ottawa', 'washington'],
    ['washington', 'ottawa'],
    ['quebec', 'ottawa'],
  ]) {
    it(`${me} chooses the same moves, with the same reasons, when ${other}'s secrets differ`, () => {
      const level = sample();
      const a = viewsAndChoices(level, me);
      const b = viewsAndChoices(secretsChanged(level, other), me);
      expect(b).toEqual(a);
      // The test has teeth: the changed secrets do change what the other seat itself would choose.
      expect(viewsAndChoices(secretsChanged(level, other), other)).not.toEqual(viewsAndChoices(level, other));
    });
  }
  it('never writes to the view or the legal moves', () => {
    const s = createSession(sample(), { seed: 2 });
    s.start();
    const freeze = <T>(x: T): T => {
      if (x && typeof x === 'object') {
        for (const v of Object.values(x)) freeze(v);
        Object.freeze(x);
      }
      return x;
    };
    for (const d of DIFFICULTIES)
      for (const r of roles(s.level)) expect(() => aiPolicy(d)(freeze(s.playerView(r)), freeze(s.legalMoves(r)), rng(1))).not.toThrow();
  });
});

describe('the AI is deterministic for a seed', () => {
  it('plays the same game twice from the same seed', () => {
    for (const d of DIFFICULTIES) {
      const a = playAll(sample(), 42, () => aiPolicy(d)).context();
      const b = playAll(sample(), 42, () => aiPolicy(d)).context();
      expect(b.log).toEqual(a.log);
      expect(b.outcome).toEqual(a.outcome);
    }
  });
  it('depends on the seed it is given, not on hidden state (easy explores with the seeded generator)', () => {
    const logs = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        JSON.stringify(
          playAll(sample(), seed, () => aiPolicy('easy'))
            .context()
            .log.map((e) => e.move?.id),
        ),
      ),
    );
    expect(logs.size).toBeGreaterThan(1);
  });
});

describe('difficulty is measurable', () => {
  const level = duel();
  const N = 12;
  function mean(seat: string, mine: Difficulty, theirs: Difficulty): number {
    let sum = 0;
    for (let seed = 1; seed <= N; seed++)
      sum += playAll(level, seed, (r) => aiPolicy(r === seat ? mine : theirs)).context().outcome?.scores[seat].score ?? 0;
    return sum / N;
  }
  for (const seat of ['big', 'small']) {
    it(`${seat} scores more as hard against easy than as easy against hard (opposed interests, ${N} seeded games)`, () => {
      expect(mean(seat, 'hard', 'easy')).toBeGreaterThan(mean(seat, 'easy', 'hard'));
    });
  }
  it('over the campaign, a seat played hard scores more than one played easy, against the normal AI', () => {
    let hard = 0;
    let easy = 0;
    for (const file of readdirSync('levels').filter((f) => f.endsWith('.yaml'))) {
      const level = readLevel(`levels/${file}`);
      for (const seat of roles(level)) {
        for (const seed of [1, 2, 3]) {
          hard += playAll(level, seed, (r) => aiPolicy(r === seat ? 'hard' : 'normal')).context().outcome?.scores[seat].score ?? 0;
          easy += playAll(level, seed, (r) => aiPolicy(r === seat ? 'easy' : 'normal')).context().outcome?.scores[seat].score ?? 0;
        }
      }
    }
    expect(hard).toBeGreaterThan(easy);
  });
});

describe('every AI move has a reason a person can read', () => {
  it('in English and in French, with every parameter filled', () => {
    const seen = new Set<string>();
    for (const [, load] of levels) {
      const level = load();
      for (const d of DIFFICULTIES) {
        for (const seed of [1, 2, 3]) {
          for (const e of playAll(level, seed, () => aiPolicy(d)).context().log) {
            if (e.type !== 'move') continue;
            const reason = e.move?.reason;
            expect(reason, JSON.stringify(e.move)).toBeDefined();
            if (!reason) continue;
            seen.add(reason.key);
            for (const locale of LOCALES) {
              expect(hasKey(reason.key, locale), `${reason.key} in ${locale}`).toBe(true);
              const text = message(reason, locale);
              expect(text).not.toMatch(/\{\{|\[object|undefined|NaN/);
              expect(text.length).toBeGreaterThan(10);
            }
            // Reasons speak in the seat's interests, never in raw utility figures.
            expect(message(reason, 'en'), reason.key).not.toMatch(/score|aims? (for|falls|is now)|worth \d|this package: \d|, needs \d/);
            // A press names the side the move really presses.
            if (reason.key === 'ai.press') expect(message(reason, 'en')).toContain((e.message.params as { to: { en: string } }).to.en);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  }, 60_000);
  it('says what an opening package does for the seat, and on which issue a later one gives ground', () => {
    const ctx = playAll(duel(), 1, (r) => aiPolicy(r === 'small' ? 'easy' : 'hard')).context();
    const proposals = ctx.log.filter((e) => e.actor === 'big' && e.move?.deal);
    expect(proposals[0].move?.reason?.key).toBe('ai.propose_open_issue');
    const concession = proposals.find((e) => e.move?.reason?.key === 'ai.propose_concede_on');
    expect(concession, JSON.stringify(proposals.map((e) => e.move?.reason))).toBeDefined();
    const text = message(concession?.move?.reason as never, 'en');
    // Big's options run Low < Middle < High in value: a concession moves an issue down, never up.
    expect(text).toMatch(/^Big concedes as the deadline nears, on (One|Two|Three): “(High|Middle)” becomes “(Middle|Low)”\.$/);
    expect(text).not.toMatch(/“Middle” becomes “Middle”|“Low” becomes/);
  });
  it('names the unmet objective when Washington rejects', () => {
    // A big Washington facing a package that leaves its perceived security short rejects with the figure.
    const level = mini();
    const s = createSession(level, { seed: 1 });
    s.start();
    s.send('big', { id: 'pass' });
    s.send('small', { id: 'propose', deal: { data: 'none', lanes: 'none' } });
    s.send('province', { id: 'pass' });
    const move = aiPolicy('normal')(s.playerView('big'), s.legalMoves('big'), rng(1));
    expect(move.id).toBe('reject');
    expect(message(move.reason as never, 'en')).toMatch(/^Big rejects Small's package: Congress would not ratify it/);
  });
});

/** Big tables one package at once and then waits; Small is the normal AI. Returns Small's moves, in order. */
function smallAnswers(level: Level, deal: Record<string, string>, seed = 1): (string | undefined)[] {
  const table: Policy = (_view, legal) =>
    legal.find((m) => m.id === 'propose' && JSON.stringify(m.deal) === JSON.stringify(deal)) ?? { id: 'pass' };
  return playAll(level, seed, (r) => (r === 'big' ? table : aiPolicy('normal')))
    .context()
    .log.filter((e) => e.type === 'move' && e.actor === 'small')
    .map((e) => e.move?.id);
}

describe('signing ends the game, so a seat acts first when it can still gain', () => {
  // Duel, with a move of Small's own that raises its approval, and an aim that needs it.
  const base = readFileSync('tests/fixtures/duel.yaml', 'utf8')
    .replace(
      '  small: [sound_out]',
      '  small: [sound_out, { kind: action, id: speak_up, cost: 0, effects: { approval: 10 }, label: { en: "Speak up" } }]',
    )
    .replace(
      '    - { issue: one, prefer: [lo], weight: 1 }',
      '    - { indicator: approval, at_least: 60, slack: 0, weight: 4 }\n    - { issue: one, prefer: [lo], weight: 1 }',
    );
  const variant = (text: string) => {
    const r = loadLevel(text, 'duel-variant.yaml');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    return r.value;
  };
  // Big tables Small's best package.
  const smallMoves = (level: Level) => smallAnswers(level, { one: 'lo', two: 'lo', three: 'lo' });

  it('speaks up before it accepts a package it likes, with rounds to spare', () => {
    const moves = smallMoves(variant(base));
    expect(moves.indexOf('speak_up')).toBeGreaterThanOrEqual(0);
    expect(moves.indexOf('speak_up')).toBeLessThan(moves.indexOf('accept'));
  });

  it('accepts at once when its own move would gain it nothing', () => {
    const moves = smallMoves(variant(base.replace('start: 50 }\nissues', 'start: 60 }\nissues')));
    expect(moves).not.toContain('speak_up');
    expect(moves).toContain('accept');
  });
});

describe('the AI reads its own home level before it signs', () => {
  const level = mini();
  const strict: Level = {
    ...level,
    ratification: { ...level.ratification, small: { ...level.ratification.small, requires: [{ sov: { at_least: 65 } }] } },
  };
  // Big tables a package that leaves Small's sovereignty at 61.
  const smallMoves = (l: Level) => smallAnswers(l, { data: 'shared', lanes: 'fast' }, 3);

  it('sees what its home level requires in its own view', () => {
    expect(createSession(strict, { seed: 1 }).playerView('small').me.ratification?.requires).toEqual([{ sov: { at_least: 65 } }]);
  });
  it('does not accept a package its home level would refuse, even at the deadline', () => {
    expect(smallMoves(strict)).not.toContain('accept');
  });
  it('accepts the same package when its home level would ratify it', () => {
    expect(smallMoves(level)).toContain('accept');
  });
});
