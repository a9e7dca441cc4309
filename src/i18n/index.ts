import i18next from 'i18next';
import type { Message } from '../engine/model';
import type { Text } from '../levels/schema';
import en from './en.json';
import fr from './fr.json';

export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

const i18n = i18next.createInstance();
i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Output is always set as text (textContent, Phaser text), never parsed as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The key of a text in a language: that code, else its main language (`fr` for `fr-CA`), else a regional variant (`es-MX` for `es`). */
function languageKey(value: Text, language: string): string | undefined {
  const wanted = language.toLowerCase();
  const main = wanted.split('-')[0];
  const keys = Object.keys(value);
  return keys.find((k) => k.toLowerCase() === wanted) ?? keys.find((k) => k.toLowerCase() === main) ?? keys.find((k) => k.toLowerCase().split('-')[0] === main);
}

/**
 * A level's text in a language (any code: `fr`, `es`, `fr-CA`), else in the game's interface
 * language `ui` when given, else English, visibly marked.
 */
export function text(value: Text | undefined, language: string, ui: string = language): string {
  if (!value) return '';
  const key = languageKey(value, language) ?? languageKey(value, ui);
  if (key !== undefined && value[key] !== undefined) return value[key];
  return `${(ui.toLowerCase().startsWith('fr') ? fr : en).fallbackMarker}${value.en}`;
}

function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && 'en' in v;
}

function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && 'key' in v;
}

/** Format an engine message (a key and parameters) in a language. */
export function message(m: Message, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = isMessage(v) ? message(v, locale) : isText(v) ? text(v, locale) : v;
  return i18n.t(m.key, { ...params, lng: locale });
}

/** A UI string by key. */
export function t(key: string, locale: Locale, params: Record<string, string | number> = {}): string {
  return i18n.t(key, { ...params, lng: locale });
}

export function hasKey(key: string, locale: Locale): boolean {
  return i18n.exists(key, { lng: locale, fallbackLng: false });
}
