import * as Phaser from 'phaser';
import { AUDIO_URLS } from '../../audio';
import { initAudio, tr } from '../app';

import { INK, OKABE_ITO } from '../palette';
import { h, mountScene, unmountScene } from '../ui/dom';

/** Loads the sounds and the font with a real progress bar (canvas and an accessible progressbar). */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const main = mountScene('Preloader', tr('loading.title'));
    const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'aria-label': tr('loading.title') });
    main.append(h('div', { class: 'loading' }, h('h1', { tabindex: '-1', text: 'Borderlines' }), h('p', { text: tr('loading.title') }), bar));
    const { width, height } = this.scale;
    const frame = this.add.graphics();
    frame.lineStyle(3, INK, 1);
    frame.strokeRoundedRect(width / 2 - 302, height * 0.62 - 14, 604, 28, 8);
    const fill = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      fill.clear();
      fill.fillStyle(OKABE_ITO.blue, 1);
      fill.fillRoundedRect(width / 2 - 298, height * 0.62 - 10, Math.max(8, 596 * p), 20, 6);
      bar.setAttribute('aria-valuenow', String(Math.round(p * 100)));
    });
    for (const [name, url] of Object.entries(AUDIO_URLS)) this.load.binary(`audio-${name}`, url);
  }

  create(): void {
    initAudio();
    const fonts = document.fonts ? document.fonts.load('1em "Atkinson Hyperlegible"').catch(() => []) : Promise.resolve([]);
    void fonts.then(() => {
      unmountScene('Preloader');
      this.scene.start('Title');
    });
  }
}
