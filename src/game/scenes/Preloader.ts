import * as Phaser from 'phaser';
import { tr } from '../app';
import { h, mountScene, unmountScene } from '../ui/dom';

/**
 * Waits for the game's font, then opens the title. Nothing else is fetched before the title: sounds
 * load on demand (Howler), other screens and the levels when first asked for (screens.ts).
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  create(): void {
    const main = mountScene('Preloader', tr('loading.title'));
    main.append(
      h(
        'div',
        { class: 'loading', role: 'status' },
        h('h1', { tabindex: '-1', text: 'Borderlines' }),
        h('p', { text: tr('loading.title') }),
      ),
    );
    const fonts = document.fonts ? document.fonts.load('1em "Atkinson Hyperlegible"').catch(() => []) : Promise.resolve([]);
    void fonts.then(() => {
      unmountScene('Preloader');
      this.scene.start('Title');
    });
  }
}
