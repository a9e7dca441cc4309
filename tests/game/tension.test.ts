import { describe, expect, it } from 'vitest';
import type { LogEntry, PlayerView } from '../../src/engine';
import { tension } from '../../src/game/tension';

const view = (phase: string, round: number, rounds = 6) => ({ phase, round, rounds }) as unknown as PlayerView;
const entry = (key: string) => ({ type: 'move', round: 1, message: { key } }) as unknown as LogEntry;

describe('the tension the music follows', () => {
  it('is calm outside the rounds', () => {
    expect(tension(view('briefing', 0), [])).toBe(0);
    expect(tension(view('debrief', 6), [entry('log.reject')])).toBe(0);
  });

  it('grows as the deadline nears', () => {
    const levels = [1, 2, 3, 4, 5, 6].map((r) => tension(view('choosing', r), []));
    expect(levels[0]).toBe(0);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    expect(levels[5]).toBeCloseTo(0.8);
  });

  it('rises when a proposal is refused or a deal fails at home', () => {
    expect(tension(view('choosing', 2), [entry('log.reject')])).toBeGreaterThan(tension(view('choosing', 2), [entry('log.propose')]));
    expect(tension(view('choosing', 6), [entry('log.not_ratified')])).toBe(1);
  });
});
