/** Canvas graphics keep 3:1 contrast (WCAG 1.4.11): every level's actor colours on their seats, the player's ring. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast, legible, OKABE_ITO, OWN_RING, PAPER, roleColour, seatInk, WOOD } from '../../src/game/palette';
import { readLevel } from '../helpers';

describe('contrast of the colours on the canvas', () => {
  const levels = readdirSync('levels').filter((f) => f.endsWith('.yaml'));
  it.each(levels)("%s: every actor's seat colour keeps 3:1 on its white disc and on the paper", (file) => {
    const level = readLevel(`levels/${file}`);
    for (const role of Object.keys(level.actors)) {
      const ink = seatInk(roleColour(level.actors, role));
      expect(contrast(ink, 0xffffff), role).toBeGreaterThanOrEqual(3);
      expect(contrast(ink, PAPER), role).toBeGreaterThanOrEqual(3);
    }
  });
  it("darkens only what needs it: a colour already at 3:1 is kept, Quebec's green is darkened for the paper", () => {
    expect(legible(0x0072b2)).toBe(0x0072b2);
    expect(contrast(0x009e73, PAPER)).toBeLessThan(3);
    expect(contrast(seatInk(0x009e73), PAPER)).toBeGreaterThanOrEqual(3);
  });
  it("keeps the player's seat ring at 3:1 on the paper and on the table's wood", () => {
    expect(contrast(OKABE_ITO.orange, PAPER)).toBeLessThan(3);
    expect(contrast(OWN_RING, PAPER)).toBeGreaterThanOrEqual(3);
    expect(contrast(OWN_RING, WOOD)).toBeGreaterThanOrEqual(3);
  });
});
