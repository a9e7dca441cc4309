import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine';
import { borderLine, lineY } from '../../src/game/border/geometry';
import { borderModel, MAX_QUEUE, queueLength, secondsPerVehicle } from '../../src/game/border/model';
import { mini, playRandomly, sample } from '../helpers';

describe('the border view, from the engine indicators and the level', () => {
  it("shows the level's own crossings, at their places on its line", () => {
    const level = sample();
    const view = createSession(level, { seed: 1 }).playerView('ottawa');
    const model = borderModel(view);
    expect(model.crossings.map((c) => c.name?.en)).toEqual([
      'Blaine–Peace Arch',
      'Windsor–Detroit',
      'Niagara–Buffalo',
      'Lacolle–Champlain',
    ]);
    const line = borderLine(level.border);
    for (const c of model.crossings) expect(c.y).toBeCloseTo(lineY(line, c.x));
    expect(view.level.border.places.map((p) => p.name.en)).toEqual(['Ottawa', 'Quebec City', 'Washington']);
  });

  it('waits, queues and speed follow the border_wait indicator, round after round', () => {
    const level = sample();
    const { session } = playRandomly(level, 3, [1, 4, 2, 7, 3]);
    const views = session.context().history.map((h) => ({
      ...session.playerView('washington'),
      indicators: session.playerView('washington').indicators.map((i) => ({ ...i, value: h[i.id] })),
    }));
    for (const view of views) {
      const wait = view.indicators.find((i) => i.kind === 'border_wait')?.value ?? Number.NaN;
      const model = borderModel(view);
      expect(model.hours).toBe(wait);
      model.crossings.forEach((c, k) => {
        const traffic = level.border.crossings?.[k]?.traffic ?? 0;
        expect(Math.abs(c.wait - wait * traffic)).toBeLessThanOrEqual(0.05 + 1e-9);
        // As many vehicles as the label says, trucks and cars adding up, within the line drawn.
        expect(c.trucks + c.cars).toBe(c.vehicles);
        expect(c.vehicles).toBe(Math.max(1, Math.min(MAX_QUEUE, Math.round(c.wait / 1.1))));
        expect(c.secondsPerVehicle).toBe(secondsPerVehicle(c.wait));
      });
    }
  });

  it('a longer wait means a longer and slower line; a thicker border more barriers', () => {
    for (let w = 0; w < 20; w += 0.5) {
      expect(queueLength(w + 0.5)).toBeGreaterThanOrEqual(queueLength(w));
      expect(secondsPerVehicle(w + 0.5)).toBeGreaterThan(secondsPerVehicle(w));
    }
    const level = mini();
    const view = createSession(level, { seed: 1 }).playerView('big');
    const thin = borderModel({ ...view, indicators: view.indicators.map((i) => (i.kind === 'thickness' ? { ...i, value: 0 } : i)) });
    const thick = borderModel({ ...view, indicators: view.indicators.map((i) => (i.kind === 'thickness' ? { ...i, value: 100 } : i)) });
    expect([thin.barriers, thick.barriers]).toEqual([1, 5]);
  });

  it('a level without a border gets three unnamed crossings on a straight line', () => {
    const level = mini();
    expect(level.border.map).toBe('straight');
    const model = borderModel(createSession(level, { seed: 1 }).playerView('big'));
    expect(model.crossings).toHaveLength(3);
    expect(model.crossings.every((c) => c.name === undefined && c.y === 0.45)).toBe(true);
  });
});
