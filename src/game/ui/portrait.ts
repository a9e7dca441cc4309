/** A negotiator's portrait, drawn here in SVG: a figure by office, never a likeness. The face follows the mood. */
import type { Look, Mood, Person } from '../people';
import { s } from './dom';

const INK = '#1f2430';
const SKIN = ['#e8c39e', '#c68e63', '#f1d3b8', '#8d5a3b'];
const HAIR = ['#3b2a1a', '#1f2430', '#7a5230', '#5d5d5d'];

function hair(look: Look, colour: string): SVGElement | null {
  switch (look) {
    case 'short':
      return s('path', { d: 'M13,22 Q12,8 24,8 Q36,8 35,22 Q33,13 24,13 Q15,13 13,22 Z', fill: colour });
    case 'long':
      return s('path', { d: 'M12,36 Q9,8 24,8 Q39,8 36,36 L33,36 Q35,14 24,13 Q13,14 15,36 Z', fill: colour });
    case 'bun':
      return s(
        'g',
        { fill: colour },
        s('circle', { cx: 24, cy: 7, r: 5 }),
        s('path', { d: 'M13,21 Q12,9 24,9 Q36,9 35,21 Q33,13 24,13 Q15,13 13,21 Z' }),
      );
    case 'curly':
      return s(
        'g',
        { fill: colour },
        ...[14, 19, 24, 29, 34].map((x, i) => s('circle', { cx: x, cy: i % 2 ? 10 : 12, r: 5 })),
        s('circle', { cx: 12.5, cy: 18, r: 3.5 }),
        s('circle', { cx: 35.5, cy: 18, r: 3.5 }),
      );
    default:
      return s('path', { d: 'M13,23 Q12,17 14,15 L15,23 Z M35,23 Q36,17 34,15 L33,23 Z', fill: colour });
  }
}

/** `index` picks the skin and hair colours, so the sides at a table do not all look alike. */
export function portrait(person: Person, colour: string, mood: Mood, index: number): SVGSVGElement {
  const mouth = { warm: 'M19,31 Q24,36 29,31', neutral: 'M19,32 L29,32', cold: 'M19,34 Q24,29 29,34' }[mood];
  const brows = {
    warm: ['M16,18 Q18.5,16.5 21,18', 'M27,18 Q29.5,16.5 32,18'],
    neutral: ['M16,19 L21,19', 'M27,19 L32,19'],
    cold: ['M16,17.5 L21,20', 'M27,20 L32,17.5'],
  }[mood];
  const skin = SKIN[index % SKIN.length];
  return s(
    'svg',
    { viewBox: '0 0 48 48', class: `portrait mood-${mood}`, 'aria-hidden': 'true', focusable: 'false' },
    s('circle', { cx: 24, cy: 24, r: 22.5, fill: '#ffffff', stroke: colour, 'stroke-width': 3 }),
    s('path', { d: 'M9,44 Q10,36 24,36 Q38,36 39,44 Z', fill: INK }),
    s('path', { d: 'M20,36 L24,40 L28,36 Z', fill: '#ffffff' }),
    s('path', { d: 'M23,38 L25,38 L25.5,44 L22.5,44 Z', fill: colour }),
    s('rect', { x: 21, y: 32, width: 6, height: 5, fill: skin }),
    s('ellipse', { cx: 24, cy: 23, rx: 11, ry: 13, fill: skin, stroke: INK, 'stroke-width': 1 }),
    hair(person.look, HAIR[index % HAIR.length]),
    s('circle', { cx: 19, cy: 24, r: 1.6, fill: INK }),
    s('circle', { cx: 29, cy: 24, r: 1.6, fill: INK }),
    s('path', { d: brows[0], stroke: INK, 'stroke-width': 1.6, fill: 'none', 'stroke-linecap': 'round' }),
    s('path', { d: brows[1], stroke: INK, 'stroke-width': 1.6, fill: 'none', 'stroke-linecap': 'round' }),
    person.glasses
      ? s(
          'g',
          { fill: 'none', stroke: INK, 'stroke-width': 1.2 },
          s('circle', { cx: 19, cy: 24, r: 4 }),
          s('circle', { cx: 29, cy: 24, r: 4 }),
          s('path', { d: 'M23,24 L25,24' }),
        )
      : null,
    s('path', { d: mouth, stroke: INK, 'stroke-width': 1.8, fill: 'none', 'stroke-linecap': 'round' }),
  );
}
