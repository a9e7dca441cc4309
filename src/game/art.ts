/** In-house vector art, drawn in code: actor emblems, the stylised border map, the table, vehicles. */
import * as Phaser from 'phaser';
import { INK, LAND_CA, LAND_US, WATER } from './palette';

type Pt = [number, number];

const MAPLE: Pt[] = [
  [0, -1], [0.18, -0.62], [0.4, -0.72], [0.34, -0.3], [0.78, -0.5], [0.68, -0.2], [0.9, -0.05], [0.5, 0.2], [0.56, 0.36],
  [0.12, 0.3], [0.08, 0.8], [-0.08, 0.8], [-0.12, 0.3], [-0.56, 0.36], [-0.5, 0.2], [-0.9, -0.05], [-0.68, -0.2],
  [-0.78, -0.5], [-0.34, -0.3], [-0.4, -0.72], [-0.18, -0.62],
];
const EAGLE: Pt[] = [
  [-1, -0.35], [-0.2, 0.02], [-0.1, -0.2], [0.1, -0.2], [0.2, 0.02], [1, -0.35], [0.55, 0.25], [0.15, 0.3], [0.1, 0.8],
  [0, 0.65], [-0.1, 0.8], [-0.15, 0.3], [-0.55, 0.25],
];
const PETAL: Pt[] = [[0, -1], [0.22, -0.55], [0.12, -0.05], [0, 0.1], [-0.12, -0.05], [-0.22, -0.55]];
const SIDE: Pt[] = [[0.1, 0.05], [0.35, -0.5], [0.8, -0.5], [0.82, -0.15], [0.6, -0.3], [0.5, 0.1]];
const STEM: Pt[] = [[-0.12, 0.28], [0.12, 0.28], [0.3, 0.8], [0, 0.6], [-0.3, 0.8]];

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
    default:
      g.fillCircle(x, y, 0.8 * size);
  }
}

/** A seat disc with an emblem: the actor at the table or on the map. */
export function drawSeat(g: Phaser.GameObjects.Graphics, kind: string, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(0xffffff, 1);
  g.fillCircle(x, y, r);
  g.lineStyle(Math.max(3, r * 0.08), colour, 1);
  g.strokeCircle(x, y, r);
  drawEmblem(g, kind, x, y, r * 0.62, colour);
}

/**
 * Bake static vector art into a texture once: a Graphics object is re-tessellated every frame, an
 * image is not. Backgrounds and maps are drawn this way.
 */
export function bake(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, key: string, width = scene.scale.width, height = scene.scale.height): Phaser.GameObjects.Image {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  g.generateTexture(key, width, height);
  g.destroy();
  return scene.add.image(0, 0, key).setOrigin(0, 0);
}

/** A seat baked into a small texture, centred on (x, y): cheap to draw and to animate. */
export function seatImage(scene: Phaser.Scene, kind: string, x: number, y: number, r: number, colour: number, ring = false): Phaser.GameObjects.Image {
  const size = Math.ceil(r * 2 + 16);
  const g = scene.add.graphics();
  drawSeat(g, kind, size / 2, size / 2, r, colour);
  if (ring) {
    g.lineStyle(2, INK, 0.8);
    g.strokeCircle(size / 2, size / 2, r + 6);
  }
  return bake(scene, g, `seat-${kind}-${colour}-${r}-${ring}`, size, size).setOrigin(0.5).setPosition(x, y);
}

/** The y of the border line at x: the 49th parallel in the west, bending around the lakes in the east. */
export function borderY(x: number, height: number): number {
  const base = height * 0.42;
  if (x < 520) return base;
  const t = (x - 520) / 760;
  return base + Math.sin(t * Math.PI * 1.2) * height * 0.16 - t * height * 0.05;
}

/** A stylised map: Canada above, the United States below, lakes, the border dashed between. */
export function drawMap(scene: Phaser.Scene, alpha = 1): Phaser.GameObjects.Image {
  const { width, height } = scene.scale;
  const g = scene.add.graphics();
  const border: Phaser.Math.Vector2[] = [];
  for (let x = 0; x <= width; x += 16) border.push(new Phaser.Math.Vector2(x, borderY(x, height)));
  g.fillStyle(LAND_US, 1);
  g.fillRect(0, 0, width, height);
  g.fillStyle(LAND_CA, 1);
  g.fillPoints([new Phaser.Math.Vector2(0, 0), ...border, new Phaser.Math.Vector2(width, 0)], true);
  // The Great Lakes, straddling the line.
  g.fillStyle(WATER, 1);
  const lakes: [number, number, number, number][] = [
    [640, borderY(640, height) - 10, 120, 46],
    [780, borderY(780, height) + 30, 60, 110],
    [880, borderY(880, height) + 10, 110, 40],
    [990, borderY(990, height) - 4, 120, 30],
  ];
  for (const [x, y, w, hh] of lakes) g.fillEllipse(x, y, w, hh);
  // The Atlantic in the east.
  g.fillEllipse(width + 40, height * 0.7, 260, 420);
  g.lineStyle(3, INK, 0.55);
  for (let i = 0; i < border.length - 1; i += 2) g.lineBetween(border[i].x, border[i].y, border[i + 1].x, border[i + 1].y);
  return bake(scene, g, 'map').setAlpha(alpha);
}

/** A truck or car seen from above, in a lane. */
export function drawVehicle(g: Phaser.GameObjects.Graphics, x: number, y: number, truck: boolean, colour: number): void {
  // Seen from above, heading north (up): the cab or windscreen is the dark band at the top.
  const w = truck ? 12 : 10;
  const hgt = truck ? 26 : 15;
  g.fillStyle(colour, 1);
  g.fillRoundedRect(x - w / 2, y - hgt / 2, w, hgt, 3);
  g.lineStyle(1.5, INK, 0.9);
  g.strokeRoundedRect(x - w / 2, y - hgt / 2, w, hgt, 3);
  g.fillStyle(INK, 0.85);
  g.fillRect(x - w / 2 + 2, y - hgt / 2 + (truck ? 3 : 2), w - 4, 3);
}
