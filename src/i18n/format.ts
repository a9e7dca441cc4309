/**
 * Numbers, money and dates for people, through `Intl`, in the conventions of each language: "1,8 milliard $"
 * and "12 décembre 2001" in French, "$1.8 billion" and "12 December 2001" in English.
 */
import { FIGURE, parseFigure } from '../levels/figures';

export type Locale = 'en' | 'fr';

/**
 * The game's two languages use Canadian conventions, and English dates read day, month, year, as the
 * levels write them; any other language code a level carries is passed to `Intl` as it is.
 */
const NUMBER_TAG: Record<string, string> = { en: 'en-CA', fr: 'fr-CA' };
const DATE_TAG: Record<string, string> = { en: 'en-GB', fr: 'fr-CA' };
const isFrench = (language: string) => language.toLowerCase().split('-')[0] === 'fr';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n${locale}${JSON.stringify(options)}`;
  if (!cache.has(k)) cache.set(k, new Intl.NumberFormat(NUMBER_TAG[locale] ?? locale, options));
  return cache.get(k) as Intl.NumberFormat;
}
function dateFormat(locale: string): Intl.DateTimeFormat {
  const k = `d${locale}`;
  if (!cache.has(k)) cache.set(k, new Intl.DateTimeFormat(DATE_TAG[locale] ?? locale, { dateStyle: 'long', timeZone: 'UTC' }));
  return cache.get(k) as Intl.DateTimeFormat;
}

/** A number with the language's separators: 12 345,5 in French, 12,345.5 in English. */
const plain: Record<string, Intl.NumberFormat> = {};
export function formatNumber(value: number, locale: string): string {
  plain[locale] ??= numberFormat(locale, { maximumFractionDigits: 2 });
  return plain[locale].format(value);
}

/** A change with its sign, a true minus for a fall: +3, −2,5, 0. */
export function formatSigned(value: number, locale: string): string {
  if (value === 0) return formatNumber(0, locale);
  return `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), locale)}`;
}

/** A share given in percent (40 → "40 %" in French, "40%" in English). */
export function formatPercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/**
 * An amount of money; a million or more in words ("1,8 milliard $", "$1.8 billion"). The currency sits
 * where the language puts it, found from the language's own currency pattern.
 */
export function formatMoney(value: number, locale: string, currency = 'CAD'): string {
  const currencyParts = numberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
  }).formatToParts(value);
  if (Math.abs(value) < 1e6) return currencyParts.map((p) => p.value).join('');
  // The amount and its word stay on one line ("1,8 milliard").
  const amount = numberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 })
    .format(Math.abs(value))
    .replace(/ /g, '\u00a0');
  const numeric = new Set(['integer', 'group', 'decimal', 'fraction']);
  let placed = false;
  return currencyParts
    .map((p) => {
      if (!numeric.has(p.type)) return p.value;
      if (placed) return '';
      placed = true;
      return amount;
    })
    .join('');
}

/** A calendar date from "YYYY-MM-DD": "12 December 2001", "1er décembre 2001". */
export function formatDate(iso: string, locale: string): string {
  return dateParts(dateFormat(locale).formatToParts(toDate(iso)), locale);
}

/** A period between two dates, sharing what they share: "13 septembre – 12 décembre 2001". */
export function formatDateRange(from: string, to: string, locale: string): string {
  return dateParts(dateFormat(locale).formatRangeToParts(toDate(from), toDate(to)), locale);
}

/** French writes the first of the month as an ordinal: "1er mai". A date never breaks across lines (its spaces are no-break). */
function dateParts(parts: Intl.DateTimeFormatPart[], locale: string): string {
  return parts
    .map((p) => {
      if (isFrench(locale) && p.type === 'day' && Number(p.value) === 1) return '1er';
      return p.type === 'literal' && p.value === ' ' ? '\u00a0' : p.value;
    })
    .join('');
}

function toDate(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date as YYYY-MM-DD: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

/** Level text with its figures ({date:…}, {money:…}, {number:…}, {percent:…}) formatted for a language. */
export function formatFigures(text: string, locale: string): string {
  return text.replace(FIGURE, (whole, kind: string, arg: string) => {
    const f = parseFigure(kind, arg);
    if (!f) return whole;
    if (f.kind === 'date') return formatDate(f.iso, locale);
    if (f.kind === 'money') return formatMoney(f.value, locale, f.currency);
    return f.kind === 'number' ? formatNumber(f.value, locale) : formatPercent(f.value, locale);
  });
}
