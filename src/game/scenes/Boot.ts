import * as Phaser from 'phaser';
import { applySettings } from '../app';

/** Applies the saved settings, then hands over to the preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    applySettings();
    this.scene.start('Preloader');
  }
}
