/**
 * What playing a level needs beyond the title: the engine and the AI. Loaded as its own chunk by
 * the bridge when a level is about to open (bridge.ts loadEngine), never before the title.
 */
export { aiPolicy } from '../ai';
export { createSession, restore, roles } from '../engine';
