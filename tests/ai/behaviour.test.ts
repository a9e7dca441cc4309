import { describe, expect, it } from 'vitest';
import { aiPolicy, type Difficulty } from '../../src/ai';
import { buildOpponentModel, estimatedLiking } from '../../src/ai/opponent';
import { createSession, type Level, type MoveInput, roles } from '../../src/engine';
import { mini, readLevel, sample } from '../helpers';

const duel = () => readLevel('tests/fixtures/duel.yaml');

function allAi(level: Level, seed: number, pick: (role: string) => Difficulty) {
  const rs = roles(level);
  const s = createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, aiPolicy(pick(r))])),
  });
  s.start();
  return s.context();
}

describe('weak-party strategies', () => {
  const WEAK = ['build_coalition', 'appeal_to_principle', 'unilateral_investment', 'naval_deployment'];
  it('the hard AI opens with a weak party tool when it is the weaker side (Ottawa), and tables at once when it is the stronger (Washington)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const log = allAi(sample(), seed, () => 'hard').log.filter((e) => e.round === 1 && e.type === 'move');
      expect(WEAK, `seed ${seed}`).toContain(log.find((e) => e.actor === 'ottawa')?.move?.id);
      expect(log.find((e) => e.actor === 'washington')?.move?.id).toBe('propose');
    }
  });
  it('opens with those tools only because it is weaker: with more power than Washington, Ottawa tables at once', () => {
    const strong = sample();
    strong.actors.ottawa.power = 20;
    for (const seed of [1, 2, 3, 4]) {
      const first = allAi(strong, seed, () => 'hard').log.find((e) => e.round === 1 && e.actor === 'ottawa');
      expect(first?.move?.id, `seed ${seed}`).toBe('propose');
    }
  });
});

describe('concession over time', () => {
  /** The proposing seat's own home value of each package it tabled, in order. */
  function tabled(difficulty: Difficulty, seat: string): number[] {
    const level = duel();
    const ctx = allAi(level, 1, (r) => (r === seat ? difficulty : 'hard'));
    const value = (deal: Record<string, string>) =>
      Object.entries(level.issues).reduce(
        (s, [id, issue]) => s + (issue.value[seat][issue.options.findIndex((o) => o.id === deal[id])] ?? 0),
        0,
      );
    return ctx.log.filter((e) => e.actor === seat && e.move?.deal).map((e) => value(e.move?.deal as Record<string, string>));
  }
  it('never asks for more than it asked before (monotone concession)', () => {
    for (const d of ['easy', 'normal', 'hard'] as Difficulty[]) {
      const values = tabled(d, 'big');
      expect(values.length).toBeGreaterThan(0);
      for (let i = 1; i < values.length; i++) expect(values[i], `${d}: ${values}`).toBeLessThanOrEqual(values[i - 1]);
    }
  });
  it('opens at its best package', () => {
    // Big's best package is high on all three issues: 3 x 8.
    expect(tabled('hard', 'big')[0]).toBe(24);
    expect(tabled('normal', 'big')[0]).toBe(24);
  });
});

describe('the model of the other side', () => {
  it('learns that the options the other side keeps proposing are the ones it likes', () => {
    const level = duel();
    const s = createSession(level, { seed: 1 });
    s.start();
    const theirs = { one: 'lo', two: 'lo', three: 'mid' };
    const other = { one: 'hi', two: 'hi', three: 'hi' };
    const moves: Record<string, MoveInput>[] = [
      { small: { id: 'propose', deal: theirs }, big: { id: 'propose', deal: other } },
      { small: { id: 'propose', deal: { ...theirs, three: 'lo' } } },
    ];
    for (const round of moves) for (const r of roles(level)) s.send(r, round[r] ?? { id: 'pass' });
    const model = buildOpponentModel(s.playerView('big'), 'small');
    expect(model.observations).toBe(2);
    expect(estimatedLiking(model, s.playerView('big'), { one: 'lo', two: 'lo', three: 'lo' })).toBeGreaterThan(
      estimatedLiking(model, s.playerView('big'), other),
    );
    // Issues it never moved on weigh more than the one it changed.
    expect(model.weight.one).toBeGreaterThan(model.weight.three);
  });
  it('starts from public information: options that raise the indicators a side holds', () => {
    const level = mini();
    const s = createSession(level, { seed: 1 });
    s.start();
    // Big holds security and trust; sharing data raises both.
    const model = buildOpponentModel(s.playerView('small'), 'big');
    expect(model.observations).toBe(0);
    expect(model.liking.data[1]).toBeGreaterThan(model.liking.data[0]);
  });
});

describe('a seat away from the table', () => {
  it('values its moves under the package the table has on offer: in level 10, once Washington has tabled, Quebec contributes', () => {
    const level = readLevel('levels/10-napolitano-2009.yaml');
    expect(level.actors.quebec.seat).not.toBe('table');
    for (const seed of [1, 2, 3, 4]) {
      const log = allAi(level, seed, () => 'normal').log.filter((e) => e.type === 'move');
      const tabled = log.find((e) => e.actor === 'washington' && e.move?.id === 'propose');
      const contributed = log.find((e) => e.actor === 'quebec' && e.move?.id === 'provincial_security_initiative');
      // Valued under its own ideal package instead (what it cannot table), the move was never worth making.
      expect(contributed, `seed ${seed}`).toBeDefined();
      expect(contributed?.round, `seed ${seed}`).toBeGreaterThan(tabled?.round ?? Number.POSITIVE_INFINITY);
      expect(contributed?.move?.reason?.key).toBe('ai.contribute');
    }
  });
});
