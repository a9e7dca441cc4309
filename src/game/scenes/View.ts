/**
 * The base of every scene: a thin view. It draws on the canvas what is visual, builds its text and
 * controls in the accessible DOM layer, and cleans both up (and its subscriptions) on shutdown.
 */
import * as Phaser from 'phaser';
import { app, loadFailed, recover, tr } from '../app';
import { wake } from '../idle';
import { prepareScreen } from '../screens';
import { motionReduced } from '../store';
import { button, clearShortcuts, h, mountScene, setShortcuts, unmountScene } from '../ui/dom';
import { openHelp, openSettings } from '../ui/dialogs';

export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
}

export abstract class View extends Phaser.Scene {
  protected root!: HTMLElement;
  private cleanups: (() => void)[] = [];

  /** The scene's name, for its landmark and heading. */
  protected abstract heading(): string;
  /** Draw the canvas part (shapes, animation). */
  protected abstract draw(data: unknown): void;
  /** Build the DOM part (text, controls). */
  protected abstract build(data: unknown): void;

  create(data: unknown): void {
    this.cleanups = [];
    wake();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    try {
      this.root = mountScene(this.scene.key, this.heading());
      document.title = `${this.heading()} · Borderlines`;
      this.draw(data);
      this.build(data);
      this.root.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      // Never a blank screen: back to the title with a message (the title itself falls back to plain text).
      if (this.scene.key === 'Title')
        this.root?.replaceChildren(h('p', { class: 'notice', role: 'alert', text: tr('save_problem.title_failed') }));
      else {
        recover(error);
        this.scene.start('Title');
      }
    }
  }

  private teardown(): void {
    for (const fn of this.cleanups) fn();
    this.cleanups = [];
    this.tweens.killAll();
    unmountScene(this.scene.key);
    clearShortcuts(this.scene.key);
  }

  /** Run a function when the scene shuts down (unsubscribe from the bridge, for example). */
  protected onShutdown(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Open another screen once its chunk has loaded; if it cannot load, back to the title with a message. */
  protected go(key: string, data?: object): void {
    prepareScreen(this.game, key).then(
      () => this.scene.start(key, data),
      (error) => {
        loadFailed(error);
        this.scene.start('Title');
      },
    );
  }

  protected title(text: string, cls = ''): HTMLHeadingElement {
    return h('h1', { tabindex: '-1', class: cls, text });
  }

  protected get motion(): boolean {
    return !motionReduced(app.settings);
  }

  /** Register the scene's one-key shortcuts and show them in a key bar; help and settings are always there. */
  protected keys(list: Shortcut[]): HTMLElement {
    const all: Shortcut[] = [
      ...list,
      { key: 'h', label: tr('help.open'), run: () => openHelp() },
      { key: 'o', label: tr('settings.open'), run: () => openSettings() },
    ];
    setShortcuts(Object.fromEntries(all.map((s) => [s.key, s.run])), this.scene.key);
    const bar = h(
      'footer',
      { class: 'keybar' },
      h('h2', { class: 'sr-only', text: tr('keys.heading') }),
      h('span', { class: 'keybar-title', 'aria-hidden': 'true', text: tr('keys.heading') }),
      ...all.map((s) => button(s.label, s.run, { key: s.key, cls: 'key-hint', focus: `key-${s.key}` })),
      // In the bar's own row, not floating over the screen's panels.
      app.keybarNote,
    );
    // With large text the screen scrolls under the key bar: its height keeps a focused control clear of it
    // (scroll-padding-bottom in styles.css). It takes more lines in a narrow window or in French.
    const size = new ResizeObserver(() => {
      if (bar.isConnected) this.root.style.setProperty('--keybar-h', `${bar.offsetHeight}px`);
    });
    size.observe(bar);
    this.onShutdown(() => size.disconnect());
    return bar;
  }

  /** Keep a tween running only when motion is allowed. */
  protected animate(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    if (this.motion) this.tweens.add(config);
  }
}
