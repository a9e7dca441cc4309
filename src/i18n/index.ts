/** Every language at once, for Node (scripts, tests, the server); the browser game loads French on demand (core.ts). */
import { addLocale } from './core';
import en from './en.json';
import fr from './fr.json';

export * from './core';
export const RESOURCES = { en, fr } as const;

addLocale('fr', fr);
