import * as Phaser from 'phaser';
import { applyLayout, applySettings } from '../app';

/** Applies the saved settings (and again when the system's reduced-motion setting changes), then hands over to the preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    applySettings();
    window.matchMedia?.('(prefers-reduced-motion: reduce)').addEventListener('change', () => applySettings());
    window.addEventListener('resize', () => applyLayout());
    this.scene.start('Preloader');
  }
}
