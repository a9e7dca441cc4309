/** The guided first level moves on only when the player does what a step asks. */
import { describe, expect, it } from 'vitest';
import { advance, TUTORIAL } from '../../src/game/tutorial';

describe('the guided first level', () => {
  it('waits on each step until the player does what it asks, and ends after the last', () => {
    let step: number | null = 0;
    const done: string[] = [];
    for (const s of TUTORIAL) {
      // Anything else the player does leaves the step as it is.
      for (const other of ['meter', 'option', 'next', 'propose', 'move', 'answer'] as const)
        if (other !== s.until) expect(advance(step as number, other)).toBe(step);
      done.push(s.id);
      step = advance(step as number, s.until);
    }
    expect(step).toBeNull();
    expect(done).toEqual(['meters', 'proposal', 'forecast', 'table', 'latest', 'moves', 'ontable']);
  });
  it('teaches the loop in order: look, build, read the forecast, table, read the answer, move, answer', () => {
    const order = TUTORIAL.map((s) => s.until);
    expect(order.indexOf('option')).toBeLessThan(order.indexOf('propose'));
    expect(order.indexOf('propose')).toBeLessThan(order.indexOf('move'));
    expect(advance(TUTORIAL.length, 'next')).toBeNull();
  });
});
