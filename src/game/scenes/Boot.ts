import * as Phaser from 'phaser';
import { loadLocale } from '../../i18n/core';
import { app, applyLayout, applySettings } from '../app';

/** Loads the player's language (English is built in), applies the saved settings (and again when the system's reduced-motion setting changes), then hands over to the preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    window.matchMedia?.('(prefers-reduced-motion: reduce)').addEventListener('change', () => applySettings());
    window.addEventListener('resize', () => applyLayout());
    // The levels' data waits until after the title (the title's own map is compiled apart: virtual:levels/title).
    loadLocale(app.locale)
      .catch(() => {
        app.locale = 'en';
      })
      .then(() => {
        applySettings();
        this.scene.start('Preloader');
      });
  }
}
