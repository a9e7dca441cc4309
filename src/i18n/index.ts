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

/** A level's text in a language; a missing French text falls back to English, visibly marked. */
export function text(value: Text | undefined, locale: Locale): string {
  if (!value) return '';
  if (locale === 'fr') return value.fr ?? `${fr.fallbackMarker}${value.en}`;
  return value.en;
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
