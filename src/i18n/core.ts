/**
 * The strings and their formatting, with English built in and other languages added when loaded.
 * Node code (scripts, tests, the server) imports ./index, which adds every language at once.
 */
import i18next from 'i18next';
import type { Message } from '../engine/model';
import type { Text } from '../levels/schema';
import en from './en.json';
import { formatFigures, formatNumber, type Locale } from './format';
import { capitalize, type FrenchForms, frenchForms, frenchSpacing, type NameForms } from './grammar';

export type { Locale } from './format';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

const i18n = i18next.createInstance();
i18n.init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Output is always set as text (textContent, Phaser text), never parsed as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Add a language's strings (English is always there: it is the fallback). */
export function addLocale(locale: Locale, resources: object): void {
  i18n.addResourceBundle(locale, 'translation', resources, true, true);
}

/** Load a language's strings once, as their own chunk: a player reading English never downloads French. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'fr' && !i18n.hasResourceBundle('fr', 'translation')) addLocale('fr', (await import('./fr.json')).default);
}

/** The key of a text in a language: that code, else its main language (`fr` for `fr-CA`), else a regional variant (`es-MX` for `es`). */
function languageKey(value: Text, language: string): string | undefined {
  const wanted = language.toLowerCase();
  const main = wanted.split('-')[0];
  const keys = Object.keys(value);
  return (
    keys.find((k) => k.toLowerCase() === wanted) ??
    keys.find((k) => k.toLowerCase() === main) ??
    keys.find((k) => k.toLowerCase().split('-')[0] === main)
  );
}

const isFrench = (language: string) => language.toLowerCase().split('-')[0] === 'fr';

/** Text in French gets French spacing around its punctuation. */
const typeset = (s: string, language: string) => (isFrench(language) ? frenchSpacing(s) : s);

/**
 * A level's text in a language (any code: `fr`, `es`, `fr-CA`), else in the game's interface
 * language `ui` when given, else English, visibly marked. Its figures are formatted for that language.
 */
export function text(value: Text | undefined, language: string, ui: string = language): string {
  if (!value) return '';
  const key = languageKey(value, language) ?? languageKey(value, ui);
  if (key !== undefined && value[key] !== undefined) return typeset(formatFigures(value[key], key), key);
  return `${i18n.t('fallbackMarker', { lng: isFrench(ui) ? 'fr' : 'en' })}${formatFigures(value.en, 'en')}`;
}

/** A level's name as it reads alone, in a sentence, after "de" and after "à" (French elides and contracts). */
export function nameForms(value: Text & FrenchForms, locale: Locale): NameForms {
  const name = text(value, locale);
  if (locale === 'fr' && languageKey(value, 'fr')) return frenchForms(name, value);
  return { name, the: name, de: name, a: name };
}

function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'key' in v;
}

export type Params = Record<string, string | number | Text | Message | Message[]>;

const lists: Partial<Record<Locale, Intl.ListFormat>> = {};
const listFormat = (locale: Locale) =>
  (lists[locale] ??= new Intl.ListFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { type: 'conjunction' }));

/**
 * Parameters ready for a template: a nested message formatted, a name (level text or a string) in its
 * sentence form with `<name>_de` and `<name>_a` beside it (for "la proposition {{to_de}}"), a number
 * written the language's way ({{count}} included).
 */
function prepare(params: Params, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) out[k] = listFormat(locale).format(v.map((x) => t(x.key, locale, x.params)));
    else if (isMessage(v)) out[k] = t(v.key, locale, v.params);
    else if (typeof v === 'number') out[k] = formatNumber(v, locale);
    else {
      const forms = typeof v !== 'string' ? nameForms(v, locale) : locale === 'fr' ? frenchForms(v) : { the: v, de: v, a: v };
      Object.assign(out, { [k]: forms.the, [`${k}_de`]: forms.de, [`${k}_a`]: forms.a });
    }
  }
  return out;
}

/** Format an engine message (a key and parameters) in a language: a sentence, capitalised. */
export function message(m: Message, locale: Locale): string {
  return capitalize(t(m.key, locale, m.params));
}

/** A string by key; parameters may be numbers, level texts (names) or messages. */
export function t(key: string, locale: Locale, params: Params = {}): string {
  const count = typeof params.count === 'number' ? params.count : undefined;
  return typeset(i18n.t(key, { lng: locale, count, replace: prepare(params, locale) }), locale);
}

export function hasKey(key: string, locale: Locale): boolean {
  return i18n.exists(key, { lng: locale, fallbackLng: false });
}
