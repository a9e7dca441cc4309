/** The debrief chart's markers never hide each other. */
import { describe, expect, it } from 'vitest';
import { type Marker, placeMarkers } from '../../src/game/chart';

const m = (kind: Marker['kind'], x: number, y: number): Marker => ({ kind, colour: '#000000', x, y });

describe("the deal-space chart's markers", () => {
  it('keeps a marker on its point when it is alone there', () => {
    expect(placeMarkers([m('star', 10, 10), m('cross', 80, 80)]).map((p) => p.at)).toEqual([
      { x: 10, y: 10 },
      { x: 80, y: 80 },
    ]);
  });
  it('sets markers on one point apart, none closer to another than the gap, each remembering its true point', () => {
    const placed = placeMarkers([m('cross', 50, 50), m('star', 50, 50), m('square', 52, 49), m('diamond', 50, 50)], 15);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) {
        const apart = Math.abs((a.at?.x ?? 0) - (b.at?.x ?? 0)) >= 15 || Math.abs((a.at?.y ?? 0) - (b.at?.y ?? 0)) >= 15;
        expect(apart, `${a.kind} and ${b.kind}`).toBe(true);
      }
    expect(placed.map((p) => [p.x, p.y])).toEqual([
      [50, 50],
      [50, 50],
      [52, 49],
      [50, 50],
    ]);
    // The first keeps its place; the others stay close by.
    expect(placed[0].at).toEqual({ x: 50, y: 50 });
    for (const p of placed) expect(Math.hypot((p.at?.x ?? 0) - p.x, (p.at?.y ?? 0) - p.y)).toBeLessThanOrEqual(31);
  });
  it('keeps a moved marker inside the chart: at its top right corner, it goes left or down', () => {
    const bounds = { left: 0, top: 0, right: 100, bottom: 100 };
    const placed = placeMarkers([m('star', 100, 0), m('diamond', 100, 0)], 22, bounds);
    const at = placed[1].at ?? { x: -1, y: -1 };
    expect(at.x <= 100 && at.y >= 0).toBe(true);
    expect(Math.abs(at.x - 100) >= 22 || at.y >= 22).toBe(true);
  });
});
