/**
 * The visual identity: the Okabe–Ito colour-blind-safe palette, paper and ink, and each actor's
 * colour (from the level). Meaning is never carried by colour alone: every actor also has an emblem and a name.
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
/** The negotiation table's wood. */
export const WOOD = 0xa88558;
export const INK = 0x1f2430;
export const WATER = 0xcfe3ee;
export const LAND_US = 0xe9e1cf;
export const LAND_CA = 0xf7f3ea;

/** Actors without a colour of their own take one of these, in order: Okabe–Ito hues, 3:1 or more on white. */
const ACTOR_DEFAULTS = [0x0072b2, 0xd55e00, 0x009e73, 0x9a4f8a, 0x8a6500, 0x3d6b8f];

/** An actor's colour: the level's `colour` when it gives one, else a default by the actor's place in the level. */
export function actorColour(colour: string | undefined, index = 0): number {
  if (colour && /^#[0-9a-fA-F]{6}$/.test(colour)) return Number.parseInt(colour.slice(1), 16);
  return ACTOR_DEFAULTS[((index % ACTOR_DEFAULTS.length) + ACTOR_DEFAULTS.length) % ACTOR_DEFAULTS.length];
}

export const css = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

/** A role's colour among a level's (or a view's) actors: its own, else the default for its place. */
export function roleColour(actors: Readonly<Record<string, { colour?: string }>>, role: string): number {
  return actorColour(actors[role]?.colour, Object.keys(actors).indexOf(role));
}

/** WCAG relative luminance of a 0xRRGGBB colour. */
function luminance(c: number): number {
  const [r, g, b] = [(c >> 16) & 255, (c >> 8) & 255, c & 255].map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, darkened just enough for a shape drawn in it to keep 3:1 contrast on a background (WCAG 1.4.11). */
export function legible(c: number, background = 0xffffff): number {
  let out = c;
  for (let k = 1; contrast(out, background) < 3 && k <= 20; k++) {
    const f = 1 - k * 0.05;
    out = (Math.round(((c >> 16) & 255) * f) << 16) | (Math.round(((c >> 8) & 255) * f) << 8) | Math.round((c & 255) * f);
  }
  return out;
}

/** A seat's colour, darkened where needed to keep 3:1 contrast on its white disc and on the paper around it. */
export const seatInk = (colour: number): number => legible(legible(colour), PAPER);

/** The ring around the player's own seat: 3:1 on the paper and on the table's wood. */
export const OWN_RING = legible(legible(OKABE_ITO.orange, PAPER), WOOD);
