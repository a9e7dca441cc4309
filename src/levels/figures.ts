/**
 * Figures a level writes once, inside its text, for every language: {date:2001-12-12}, {money:1.8e9},
 * {money:1.8e9 USD}, {number:4800}, {percent:40}. The i18n layer formats them for the reader.
 */
export type Figure =
  | { kind: 'date'; iso: string }
  | { kind: 'money'; value: number; currency: string }
  | { kind: 'number' | 'percent'; value: number };

/** Anything shaped like a figure, a misspelt kind included, so the checker can name it. */
export const FIGURE = /\{([a-z]+):([^{}]*)\}/g;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A figure from its kind and argument, or null when it cannot be read. */
export function parseFigure(kind: string, arg: string): Figure | null {
  const [value, currency, extra] = arg.trim().split(/\s+/);
  if (extra !== undefined) return null;
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || currency !== undefined) return null;
    const [month, day] = [Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1] ? { kind, iso: value } : null;
  }
  const n = value === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) return null;
  if (kind === 'money')
    return currency === undefined || /^[A-Z]{3}$/.test(currency) ? { kind, value: n, currency: currency ?? 'CAD' } : null;
  if (kind === 'number' || kind === 'percent') return currency === undefined ? { kind, value: n } : null;
  return null;
}

/** The figures in a text that cannot be read, as written, for the level checker. */
export function badFigures(text: string): string[] {
  return [...text.matchAll(FIGURE)].filter(([, kind, arg]) => parseFigure(kind, arg) === null).map(([whole]) => whole);
}
