/**
 * What the border view shows, computed from the engine's indicators and the level's border: the wait
 * at each crossing, the vehicles in line (trucks and cars, exactly as many as drawn and labelled), how
 * fast the line moves, and the barriers. A display of the engine's numbers, not a rule of its own.
 */
import type { PlayerView } from '../../engine';
import type { Text } from '../../levels/schema';
import { borderLine, lineY } from './geometry';

/** The longest line drawn at one crossing; the label says the same number. */
export const MAX_QUEUE = 14;
/** Hours of wait per vehicle drawn in line. */
export const HOURS_PER_VEHICLE = 1.1;

export interface CrossingModel {
  name?: Text;
  /** Along the border, 0 to 1, and the line's height there, 0 to 1. */
  x: number;
  y: number;
  /** Hours, to one decimal. */
  wait: number;
  vehicles: number;
  trucks: number;
  cars: number;
  /** Seconds for the line to move up by one vehicle: longer when the wait is longer. */
  secondsPerVehicle: number;
}

export interface BorderModel {
  /** The wait at the busiest crossing, in hours. */
  hours: number;
  /** Barriers and inspection booths at each crossing: more as the border thickens. */
  barriers: number;
  crossings: CrossingModel[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The wait in hours: the level's border_wait indicator, else one read from its thickness (0 to 12 h). */
export function waitHours(view: PlayerView): number {
  const wait = view.indicators.find((i) => i.kind === 'border_wait');
  if (wait) return wait.value;
  const thick = view.indicators.find((i) => i.kind === 'thickness');
  return thick ? round1(((thick.value - thick.range[0]) / (thick.range[1] - thick.range[0] || 1)) * 12) : 1;
}

/** A level that names no crossings gets three, spread along the line. */
const DEFAULT_CROSSINGS: { name?: Text; x: number; traffic: number; trucks: number }[] = [
  { x: 0.2, traffic: 0.6, trucks: 0.5 },
  { x: 0.5, traffic: 1, trucks: 0.6 },
  { x: 0.8, traffic: 0.7, trucks: 0.4 },
];

export function queueLength(wait: number): number {
  return Math.max(1, Math.min(MAX_QUEUE, Math.round(wait / HOURS_PER_VEHICLE)));
}

/** Display seconds per vehicle: a quarter of a second per hour of wait, from a brisk 0.4 s. */
export function secondsPerVehicle(wait: number): number {
  return round1(0.4 + Math.max(0, wait) * 0.25);
}

export function borderModel(view: PlayerView): BorderModel {
  const border = view.level.border;
  const hours = waitHours(view);
  const thick = view.indicators.find((i) => i.kind === 'thickness');
  const t = thick ? (thick.value - thick.range[0]) / (thick.range[1] - thick.range[0] || 1) : 0.5;
  const line = borderLine(border);
  const list: { name?: Text; x: number; traffic: number; trucks: number }[] = border?.crossings ?? DEFAULT_CROSSINGS;
  const crossings = list.map((c) => {
    const wait = round1(hours * c.traffic);
    const vehicles = queueLength(wait);
    const trucks = Math.round(vehicles * c.trucks);
    return {
      name: c.name,
      x: c.x,
      y: lineY(line, c.x),
      wait,
      vehicles,
      trucks,
      cars: vehicles - trucks,
      secondsPerVehicle: secondsPerVehicle(wait),
    };
  });
  return { hours, barriers: Math.round(1 + Math.max(0, Math.min(1, t)) * 4), crossings };
}
