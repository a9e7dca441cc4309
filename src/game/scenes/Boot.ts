import * as Phaser from 'phaser';
import { loadLocale } from '../../i18n/core';
import { app, applyLayout, applySettings } from '../app';
import { loadLevels } from '../levels';

/** Loads the player's language (English is built in) and the levels' data, applies the saved settings (and again when the system's reduced-motion setting changes), then hands over to the preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    window.matchMedia?.('(prefers-reduced-motion: reduce)').addEventListener('change', () => applySettings());
    window.addEventListener('resize', () => applyLayout());
    // The title draws the first campaign level's map, so the levels' data comes before it.
    const levels = loadLevels().catch(() => undefined);
    loadLocale(app.locale)
      .catch(() => {
        app.locale = 'en';
      })
      .then(() => levels)
      .then(() => {
        applySettings();
        this.scene.start('Preloader');
      });
  }
}
