/** In-house vector art, drawn in code: actor emblems, the stylised border map, the table, vehicles. */
import * as Phaser from 'phaser';
import type { LevelBorder, Text } from '../levels/schema';
import { borderLine, waterOf } from './border/geometry';
import { INK, LAND_CA, LAND_US, seatInk, WATER } from './palette';

type Pt = [number, number];

const MAPLE: Pt[] = [
  [0, -1],
  [0.18, -0.62],
  [0.4, -0.72],
  [0.34, -0.3],
  [0.78, -0.5],
  [0.68, -0.2],
  [0.9, -0.05],
  [0.5, 0.2],
  [0.56, 0.36],
  [0.12, 0.3],
  [0.08, 0.8],
  [-0.08, 0.8],
  [-0.12, 0.3],
  [-0.56, 0.36],
  [-0.5, 0.2],
  [-0.9, -0.05],
  [-0.68, -0.2],
  [-0.78, -0.5],
  [-0.34, -0.3],
  [-0.4, -0.72],
  [-0.18, -0.62],
];
const EAGLE: Pt[] = [
  [-1, -0.35],
  [-0.2, 0.02],
  [-0.1, -0.2],
  [0.1, -0.2],
  [0.2, 0.02],
  [1, -0.35],
  [0.55, 0.25],
  [0.15, 0.3],
  [0.1, 0.8],
  [0, 0.65],
  [-0.1, 0.8],
  [-0.15, 0.3],
  [-0.55, 0.25],
];
const PETAL: Pt[] = [
  [0, -1],
  [0.22, -0.55],
  [0.12, -0.05],
  [0, 0.1],
  [-0.12, -0.05],
  [-0.22, -0.55],
];
const SIDE: Pt[] = [
  [0.1, 0.05],
  [0.35, -0.5],
  [0.8, -0.5],
  [0.82, -0.15],
  [0.6, -0.3],
  [0.5, 0.1],
];
const STEM: Pt[] = [
  [-0.12, 0.28],
  [0.12, 0.28],
  [0.3, 0.8],
  [0, 0.6],
  [-0.3, 0.8],
];

function poly(g: Phaser.GameObjects.Graphics, pts: Pt[], x: number, y: number, size: number, mirror = false): void {
  g.fillPoints(
    pts.map(([px, py]) => new Phaser.Math.Vector2(x + (mirror ? -px : px) * size, y + py * size)),
    true,
  );
}

/** An actor's emblem: a shape of its own, so actors differ by form as well as colour. */
export function drawEmblem(g: Phaser.GameObjects.Graphics, kind: string, x: number, y: number, size: number, colour: number): void {
  g.fillStyle(colour, 1);
  switch (kind) {
    case 'maple':
      poly(g, MAPLE, x, y, size);
      break;
    case 'eagle':
      poly(g, EAGLE, x, y, size);
      g.fillCircle(x, y - 0.38 * size, 0.17 * size);
      break;
    case 'fleur':
      poly(g, PETAL, x, y, size);
      poly(g, SIDE, x, y, size);
      poly(g, SIDE, x, y, size, true);
      poly(g, STEM, x, y, size);
      g.fillRect(x - 0.5 * size, y + 0.1 * size, size, 0.16 * size);
      break;
    case 'star': {
      const pts: Pt[] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? 1 : 0.42;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push([Math.cos(a) * r, Math.sin(a) * r]);
      }
      poly(g, pts, x, y, size);
      break;
    }
    case 'square':
      g.fillRect(x - 0.7 * size, y - 0.7 * size, 1.4 * size, 1.4 * size);
      break;
    case 'stars':
      // A ring of twelve small stars.
      for (let i = 0; i < 12; i++) {
        const a = (i * Math.PI) / 6;
        poly(g, starPoints(0.42), x + Math.cos(a) * 0.72 * size, y + Math.sin(a) * 0.72 * size, 0.24 * size);
      }
      break;
    case 'sun':
      g.fillCircle(x, y, 0.45 * size);
      for (let i = 0; i < 12; i++) {
        const a = (i * Math.PI) / 6;
        const p = (r: number, d: number): Pt => [Math.cos(a + d) * r, Math.sin(a + d) * r];
        poly(g, [p(0.58, -0.12), p(1, 0), p(0.58, 0.12)], x, y, size);
      }
      break;
    case 'wheel':
      g.lineStyle(0.16 * size, colour, 1);
      g.strokeCircle(x, y, 0.78 * size);
      for (let i = 0; i < 6; i++) {
        const a = (i * Math.PI) / 6;
        g.lineBetween(
          x - Math.cos(a) * 0.78 * size,
          y - Math.sin(a) * 0.78 * size,
          x + Math.cos(a) * 0.78 * size,
          y + Math.sin(a) * 0.78 * size,
        );
      }
      g.fillCircle(x, y, 0.2 * size);
      break;
    case 'wave':
      for (const dy of [-0.45, 0, 0.45]) {
        const pts: Pt[] = [];
        for (let i = 0; i <= 12; i++) pts.push([-0.9 + (i / 12) * 1.8, dy + Math.sin((i / 12) * Math.PI * 2) * 0.14 - 0.08]);
        for (let i = 12; i >= 0; i--) pts.push([-0.9 + (i / 12) * 1.8, dy + Math.sin((i / 12) * Math.PI * 2) * 0.14 + 0.08]);
        poly(g, pts, x, y, size);
      }
      break;
    default: {
      const shape = SHAPES[kind];
      if (shape) poly(g, shape, x, y, size);
      else g.fillCircle(x, y, 0.8 * size);
    }
  }
}

function starPoints(inner: number): Pt[] {
  const pts: Pt[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 1 : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  return pts;
}

/** Emblems that are one polygon each. */
const SHAPES: Record<string, Pt[]> = {
  shield: [
    [-0.75, -0.85],
    [0.75, -0.85],
    [0.75, 0.1],
    [0.45, 0.6],
    [0, 0.9],
    [-0.45, 0.6],
    [-0.75, 0.1],
  ],
  crown: [
    [-0.85, 0.6],
    [-0.85, -0.5],
    [-0.45, 0],
    [0, -0.7],
    [0.45, 0],
    [0.85, -0.5],
    [0.85, 0.6],
  ],
  tower: [
    [-0.6, 0.85],
    [-0.45, -0.5],
    [-0.65, -0.5],
    [-0.65, -0.9],
    [-0.35, -0.9],
    [-0.35, -0.7],
    [-0.12, -0.7],
    [-0.12, -0.9],
    [0.12, -0.9],
    [0.12, -0.7],
    [0.35, -0.7],
    [0.35, -0.9],
    [0.65, -0.9],
    [0.65, -0.5],
    [0.45, -0.5],
    [0.6, 0.85],
  ],
  mountain: [
    [-0.95, 0.7],
    [-0.35, -0.35],
    [-0.1, 0.05],
    [0.3, -0.8],
    [0.95, 0.7],
  ],
  cactus: [
    [-0.15, 0.9],
    [-0.15, -0.75],
    [0, -0.9],
    [0.15, -0.75],
    [0.15, -0.1],
    [0.45, -0.1],
    [0.45, -0.55],
    [0.6, -0.55],
    [0.6, 0.08],
    [0.15, 0.08],
    [0.15, 0.9],
    [0.15, 0.3],
    [-0.15, 0.3],
    [-0.6, 0.3],
    [-0.6, -0.3],
    [-0.45, -0.3],
    [-0.45, 0.15],
    [-0.15, 0.15],
  ],
  diamond: [
    [0, -0.95],
    [0.7, 0],
    [0, 0.95],
    [-0.7, 0],
  ],
  triangle: [
    [0, -0.9],
    [0.9, 0.7],
    [-0.9, 0.7],
  ],
  cross: [
    [-0.25, -0.85],
    [0.25, -0.85],
    [0.25, -0.25],
    [0.85, -0.25],
    [0.85, 0.25],
    [0.25, 0.25],
    [0.25, 0.85],
    [-0.25, 0.85],
    [-0.25, 0.25],
    [-0.85, 0.25],
    [-0.85, -0.25],
    [-0.25, -0.25],
  ],
};

/** What a seat shows: the actor's emblem, or its initials. */
export interface Seat {
  emblem: string;
  initials?: string;
  name?: Text;
}

/** The letters for an "initials" emblem: the level's, else the first letters of the English name's words. */
export function initialsOf(seat: Seat): string {
  if (seat.initials) return seat.initials.toUpperCase();
  const words = (seat.name?.en ?? '?').split(/[\s\-–]+/).filter((w) => /^\p{Lu}/u.test(w));
  return (words.length ? words : [seat.name?.en ?? '?'])
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toUpperCase();
}

/** A seat's initials as text over the disc (Graphics cannot draw letters). */
function initialsText(scene: Phaser.Scene, seat: Seat, x: number, y: number, r: number, colour: number): Phaser.GameObjects.Text {
  const letters = initialsOf(seat);
  return scene.add
    .text(x, y, letters, {
      fontFamily: '"Atkinson Hyperlegible", sans-serif',
      fontStyle: 'bold',
      fontSize: `${Math.round(r * (letters.length > 2 ? 0.62 : 0.8))}px`,
      color: `#${colour.toString(16).padStart(6, '0')}`,
    })
    .setOrigin(0.5);
}

/** A seat disc with an emblem: the actor at the table or on the map. Initials are added as text in g's scene. */
export function drawSeat(g: Phaser.GameObjects.Graphics, seat: Seat, x: number, y: number, r: number, colour: number): void {
  const ink = seatInk(colour);
  const ring = Math.max(3, r * 0.08);
  g.fillStyle(0xffffff, 1);
  g.fillCircle(x, y, r);
  g.lineStyle(ring, ink, 1);
  g.strokeCircle(x, y, r);
  // A thin ink edge outside the ring: the seat stands out on paper, wood or map alike.
  g.lineStyle(1.5, INK, 1);
  g.strokeCircle(x, y, r + ring / 2 + 0.75);
  if (seat.emblem === 'initials') initialsText(g.scene, seat, x, y, r, ink);
  else drawEmblem(g, seat.emblem, x, y, r * 0.62, ink);
}

/**
 * Bake static vector art into a texture once: a Graphics object is re-tessellated every frame, an
 * image is not. Backgrounds and maps are drawn this way.
 */
export function bake(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  key: string,
  width = scene.scale.width,
  height = scene.scale.height,
): Phaser.GameObjects.Image {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  g.generateTexture(key, width, height);
  g.destroy();
  return scene.add.image(0, 0, key).setOrigin(0, 0);
}

/** A seat baked into a small texture, centred on (x, y): cheap to draw and to animate. Initials ride on it as text. */
export function seatImage(
  scene: Phaser.Scene,
  seat: Seat,
  x: number,
  y: number,
  r: number,
  colour: number,
  ring = false,
): Phaser.GameObjects.Container {
  const size = Math.ceil(r * 2 + 16);
  const g = scene.add.graphics();
  drawSeat(g, { ...seat, emblem: seat.emblem === 'initials' ? 'none' : seat.emblem }, size / 2, size / 2, r, colour);
  if (seat.emblem === 'initials') g.fillStyle(0xffffff, 1).fillCircle(size / 2, size / 2, r * 0.8);
  if (ring) {
    g.lineStyle(2, INK, 0.8);
    g.strokeCircle(size / 2, size / 2, r + 6);
  }
  const image = bake(scene, g, `seat-${seat.emblem}-${colour}-${r}-${ring}`, size, size).setOrigin(0.5);
  const parts: Phaser.GameObjects.GameObject[] = [image];
  if (seat.emblem === 'initials') parts.push(initialsText(scene, seat, 0, 0, r, seatInk(colour)));
  return scene.add.container(x, y, parts);
}

/** A stylised map: the land above the line, the land below, the water, the border dashed between. */
export function drawMap(scene: Phaser.Scene, alpha = 1, border?: LevelBorder): Phaser.GameObjects.Image {
  const { width, height } = scene.scale;
  const g = scene.add.graphics();
  const line = borderLine(border).map(([x, y]) => new Phaser.Math.Vector2(x * width, y * height));
  const edge = [new Phaser.Math.Vector2(0, line[0].y), ...line, new Phaser.Math.Vector2(width, line[line.length - 1].y)];
  g.fillStyle(LAND_US, 1);
  g.fillRect(0, 0, width, height);
  g.fillStyle(LAND_CA, 1);
  g.fillPoints([new Phaser.Math.Vector2(0, 0), ...edge, new Phaser.Math.Vector2(width, 0)], true);
  g.fillStyle(WATER, 1);
  for (const w of waterOf(border)) g.fillEllipse(w.x * width, w.y * height, w.width * width, w.height * height);
  if (border?.map === 'river' || border?.map === 'coast') {
    // The line runs down a river or a strait: water along it, the border dashed in the middle.
    g.lineStyle(border.map === 'river' ? 16 : 70, WATER, 1);
    g.strokePoints(edge, false);
  }
  g.lineStyle(3, INK, 0.55);
  const dashes: Phaser.Math.Vector2[] = [];
  for (let x = 0; x <= width; x += 16) dashes.push(new Phaser.Math.Vector2(x, yOnLine(edge, x)));
  for (let i = 0; i < dashes.length - 1; i += 2) g.lineBetween(dashes[i].x, dashes[i].y, dashes[i + 1].x, dashes[i + 1].y);
  return bake(scene, g, 'map').setAlpha(alpha);
}

function yOnLine(points: Phaser.Math.Vector2[], x: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (x <= b.x) return b.x === a.x ? b.y : a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
  }
  return points[points.length - 1].y;
}

/** A truck or car seen from above, in a lane. */
export function drawVehicle(g: Phaser.GameObjects.Graphics, x: number, y: number, truck: boolean, colour: number, scale = 1): void {
  // Seen from above, heading north (up): the cab or windscreen is the dark band at the top.
  const w = (truck ? 12 : 10) * Math.max(0.6, scale);
  const hgt = (truck ? 26 : 15) * scale;
  g.fillStyle(colour, 1);
  g.fillRoundedRect(x - w / 2, y - hgt / 2, w, hgt, 3);
  g.lineStyle(1.5, INK, 0.9);
  g.strokeRoundedRect(x - w / 2, y - hgt / 2, w, hgt, 3);
  g.fillStyle(INK, 0.85);
  g.fillRect(x - w / 2 + 2, y - hgt / 2 + (truck ? 3 : 2), w - 4, 3);
}
