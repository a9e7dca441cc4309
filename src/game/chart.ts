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

/** The area markers may be drawn in. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Markers never hide each other: one that would overlap another is set beside it (right, up, left,
 * down, a step further each round), inside the bounds, and keeps its true point for a line to it.
 * `gap` is the widest marker's size.
 */
export function placeMarkers(markers: Marker[], gap = 22, bounds?: Bounds): Marker[] {
  const placed: { x: number; y: number }[] = [];
  const free = (x: number, y: number) =>
    !placed.some((p) => Math.abs(p.x - x) < gap && Math.abs(p.y - y) < gap) &&
    (!bounds || (x >= bounds.left && x <= bounds.right && y >= bounds.top && y <= bounds.bottom));
  return markers.map((m) => {
    let x = m.x;
    let y = m.y;
    for (let k = 1; !free(x, y) && k <= 40; k++) {
      const step = gap * Math.ceil(k / 4);
      x = m.x + [step, 0, -step, 0][(k - 1) % 4];
      y = m.y + [0, -step, 0, step][(k - 1) % 4];
    }
    placed.push({ x, y });
    return { ...m, at: { x, y } };
  });
}
