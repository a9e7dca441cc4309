/**
 * The border map as data: a line across the map and its water, in map units (0 to 1 across and down).
 * A level picks a built-in map or draws its own line; nothing here knows a country. Pure, so the
 * border view's positions can be tested without a canvas.
 */
import type { LevelBorder } from '../../levels/schema';

export type Pt = [number, number];
export interface Water {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The chain-of-lakes line: straight in the west, bending around the lakes in the east. */
function lakesY(x: number): number {
  if (x < 0.406) return 0.42;
  const t = (x - 0.406) / 0.594;
  return 0.42 + Math.sin(t * Math.PI * 1.2) * 0.16 - t * 0.05;
}

const sample = (f: (x: number) => number): Pt[] => Array.from({ length: 41 }, (_, i) => [i / 40, f(i / 40)]);

const LINES: Record<LevelBorder['map'], Pt[]> = {
  straight: [
    [0, 0.45],
    [1, 0.45],
  ],
  lakes: sample(lakesY),
  river: sample((x) => 0.46 + Math.sin(x * Math.PI * 3) * 0.05 + Math.sin(x * Math.PI * 7) * 0.015),
  coast: sample((x) => 0.47 + Math.sin(x * Math.PI * 1.5) * 0.03),
};

const WATERS: Record<LevelBorder['map'], Water[]> = {
  straight: [],
  lakes: [
    { x: 0.5, y: lakesY(0.5) - 0.014, width: 0.094, height: 0.064 },
    { x: 0.609, y: lakesY(0.609) + 0.042, width: 0.047, height: 0.153 },
    { x: 0.688, y: lakesY(0.688) + 0.014, width: 0.086, height: 0.056 },
    { x: 0.773, y: lakesY(0.773) - 0.006, width: 0.094, height: 0.042 },
    { x: 1.03, y: 0.7, width: 0.2, height: 0.58 },
  ],
  river: [],
  coast: [],
};

export type MapKind = LevelBorder['map'];

/** The border line of a level: its own `line`, else its built-in map's (lakes when there is no level). */
export function borderLine(border?: Partial<Pick<LevelBorder, 'map' | 'line'>>): Pt[] {
  if (border?.line && border.line.length >= 2) return [...border.line].sort((a, b) => a[0] - b[0]);
  return LINES[border?.map ?? 'lakes'];
}

export function waterOf(border?: Partial<Pick<LevelBorder, 'map' | 'water'>>): Water[] {
  return border?.water ?? WATERS[border?.map ?? 'lakes'];
}

/** The y of the line at x, between its points (flat beyond its ends). */
export function lineY(line: Pt[], x: number): number {
  if (x <= line[0][0]) return line[0][1];
  for (let i = 1; i < line.length; i++) {
    const [x1, y1] = line[i];
    if (x <= x1) {
      const [x0, y0] = line[i - 1];
      return x1 === x0 ? y1 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return line[line.length - 1][1];
}
