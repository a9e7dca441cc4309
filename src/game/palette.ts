/**
 * The visual identity: the Okabe–Ito colour-blind-safe palette, paper and ink, and each actor's
 * colour and emblem. Meaning is never carried by colour alone: every actor also has an emblem and a name.
 */
export const OKABE_ITO = {
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
  black: 0x000000,
} as const;

export const PAPER = 0xf3eee4;
export const PAPER_DARK = 0xe4dccb;
export const INK = 0x1f2430;
export const WATER = 0xcfe3ee;
export const LAND_US = 0xe9e1cf;
export const LAND_CA = 0xf7f3ea;

const ACTOR_COLOURS: Record<string, number> = {
  washington: OKABE_ITO.blue,
  ottawa: OKABE_ITO.vermillion,
  quebec: OKABE_ITO.sky,
};
const SPARE = [OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.yellow];

export function actorColour(role: string, index = 0): number {
  return ACTOR_COLOURS[role] ?? SPARE[index % SPARE.length];
}

export const css = (c: number) => `#${c.toString(16).padStart(6, '0')}`;
