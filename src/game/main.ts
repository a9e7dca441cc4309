/** Starts the game: the font, the styles, the Phaser game with every scene, and the e2e test hook. */
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles.css';
import './scenario/scenarios.css';
import * as Phaser from 'phaser';
import { app } from './app';
import { sleepWhenIdle } from './idle';
import { Boot } from './scenes/Boot';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';

/** The screens in the first load; the others come when asked for (screens.ts). */
export const SCENES = [Boot, Preloader, Title];

export function startGame(parent: string): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 1280,
    height: 720,
    // The paper and its grid are the page's CSS background: the canvas draws only what moves or matters.
    transparent: true,
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // The DOM layer takes keyboard input; Phaser need not capture keys.
    input: { keyboard: false },
    // Sound is Howler's (src/audio): Phaser's own sound manager would open an audio context before the title for nothing.
    audio: { noAudio: true },
    scene: SCENES,
  });
}

/** An empty Phaser scene of the same size: the baseline `npm run bench:client` measures beside the table. */
class Empty extends Phaser.Scene {
  constructor() {
    super('Empty');
  }
}

const params = new URLSearchParams(window.location.search);
const game = params.has('bench-empty')
  ? new Phaser.Game({
      type: Phaser.AUTO,
      parent: 'canvas',
      width: 1280,
      height: 720,
      transparent: true,
      banner: false,
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
      scene: [Empty],
    })
  : startGame('canvas');

// The classroom client is its own chunk, fetched only when this page joins or runs a session.
if (params.has('join') || params.has('classroom') || params.has('class'))
  void import('./classroom').then((m) => m.runClassroom(game, params));

if (!params.has('bench-empty')) sleepWhenIdle(game);

// Offline play, once the page has loaded (production builds; the dev server has no service worker).
if (import.meta.env.PROD && 'serviceWorker' in navigator && !params.has('bench-empty')) {
  window.addEventListener('load', () => void import('./offline').then((m) => m.registerOffline()), { once: true });
}

app.toTitle = () => {
  const [active] = game.scene.getScenes(true);
  if (active) active.scene.start('Title');
  else game.scene.start('Title');
};

// A read-only hook for the end-to-end tests, only when the page is opened with ?e2e.
if (params.has('e2e')) {
  (window as unknown as { __borderlines: unknown }).__borderlines = {
    scene: () => game.scene.getScenes(true).map((s) => s.scene.key),
    /** Whether Phaser's loop is asleep (src/game/idle.ts): nothing moves on the canvas. */
    asleep: () => !game.loop.running,
    /** Which of Phaser's renderers draws the canvas (WebGL, or the canvas fallback when the browser has none). */
    renderer: () => (game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas'),
    sounds: () => [...(app.audio?.played ?? [])],
    border: () => (game.scene.isActive('Border') ? (game.scene.getScene('Border') as unknown as { drawn: unknown }).drawn : null),
    state: () => {
      if (!app.bridge.session && !app.bridge.remote) return null;
      const v = app.bridge.view();
      return {
        level: v.level.id,
        role: v.role,
        difficulty: app.bridge.difficulty,
        round: v.round,
        phase: v.phase,
        chosen: v.chosen,
        indicators: Object.fromEntries(v.indicators.map((i) => [i.id, i.value])),
        /** The seat's result as the engine scored it, once the level is over. */
        score: v.outcome?.scores[v.role] ?? null,
      };
    },
  };
}
