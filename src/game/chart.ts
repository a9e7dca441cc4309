/** Placing the debrief chart's markers (pure, so it is tested without a browser). */

export type MarkerKind = 'cross' | 'star' | 'square' | 'diamond';
export interface Marker {
  kind: MarkerKind;
  colour: string;
  /** Where its package is. */
  x: number;
  y: number;
  /** Where it is drawn: moved aside when another marker already sits there. */
  at?: { x: number; y: number };
}

/** Markers never hide each other: one that would overlap another is set beside it, with a line to its true point. */
export function placeMarkers(markers: Marker[], gap = 15): Marker[] {
  const placed: { x: number; y: number }[] = [];
  return markers.map((m) => {
    let x = m.x;
    let y = m.y;
    for (let k = 1; placed.some((p) => Math.abs(p.x - x) < gap && Math.abs(p.y - y) < gap); k++) {
      // Around the point, a little further each turn: right, up, left, down.
      const turn = (k - 1) % 4;
      const step = gap * Math.ceil(k / 4);
      x = m.x + [step, 0, -step, 0][turn];
      y = m.y + [0, -step, 0, step][turn];
    }
    placed.push({ x, y });
    return { ...m, at: { x, y } };
  });
}
