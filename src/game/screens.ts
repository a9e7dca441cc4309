/**
 * Lazy by screen: the first load holds Phaser, the boot, the preloader and the title. Every other
 * screen is a chunk of its own, added to the game the first time it is asked for, once what it needs
 * (the levels' data, the engine) has loaded too.
 */
import type * as Phaser from 'phaser';
import { loadEngine } from './bridge';
import { loadLevels } from './levels';

type SceneClass = new () => Phaser.Scene;

/** Everything a level in play needs: the levels and the engine. */
export const loadPlay = (): Promise<unknown> => Promise.all([loadLevels(), loadEngine()]);

const SCREENS: Record<string, { load: () => Promise<SceneClass>; needs: () => Promise<unknown> }> = {
  Campaign: { load: () => import('./scenes/Campaign').then((m) => m.Campaign), needs: loadLevels },
  Scenarios: { load: () => import('./scenes/Scenarios').then((m) => m.Scenarios), needs: loadPlay },
  Studio: { load: () => import('./scenes/Studio').then((m) => m.Studio), needs: loadPlay },
  Role: { load: () => import('./scenes/Role').then((m) => m.Role), needs: loadPlay },
  Briefing: { load: () => import('./scenes/Briefing').then((m) => m.Briefing), needs: loadPlay },
  Table: { load: () => import('./scenes/Table').then((m) => m.Table), needs: loadPlay },
  Border: { load: () => import('./scenes/Border').then((m) => m.Border), needs: loadPlay },
  Ratification: { load: () => import('./scenes/Ratification').then((m) => m.Ratification), needs: loadPlay },
  Debrief: { load: () => import('./scenes/Debrief').then((m) => m.Debrief), needs: loadPlay },
};

/** Make a screen ready to start: its code and what it needs, loaded once. Screens in the first load resolve at once. */
export async function prepareScreen(game: Phaser.Game, key: string): Promise<void> {
  const screen = SCREENS[key];
  if (!screen || game.scene.keys[key]) return;
  const [Scene] = await Promise.all([screen.load(), screen.needs()]);
  if (!game.scene.keys[key]) game.scene.add(key, Scene, false);
}
