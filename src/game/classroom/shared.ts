/** What the student's and the instructor's screens share: strings, the overlay, waiting for the game to boot. */
import morphdom from 'morphdom';
import type * as Phaser from 'phaser';
import { t } from '../../i18n/core';
import { app } from '../app';
import { append, type Child, h } from '../ui/dom';

export const ct = (key: string, params: Record<string, string | number> = {}) => t(`classroom.${key}`, app.locale, params);

/**
 * A full-screen panel over the game for the classroom's own screens. While it is shown, the screen behind it
 * is inert: out of reach of the keyboard and of screen readers (its landmarks and buttons are not on offer).
 */
export function overlay(cls: string): HTMLElement {
  const el = h('section', { class: `classroom-overlay ${cls}`, 'aria-label': ct('title') });
  // On the body, not in the stage: the stage keeps 16:9 (and is transformed), the classroom's pages use the whole window.
  document.body.append(el);
  const behind = document.getElementById('scene');
  const sync = () => behind?.toggleAttribute('inert', !el.hidden);
  new MutationObserver(sync).observe(el, { attributes: true, attributeFilter: ['hidden'] });
  sync();
  return el;
}

/** Resolve once the game has booted to its title screen, so a scene can be started from there. */
export function whenTitleReady(game: Phaser.Game): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!game.scene.isActive('Title')) return;
      game.events.off('poststep', check);
      resolve();
    };
    game.events.on('poststep', check);
  });
}

/** Offer text as a file download (the export): the browser saves it, nothing is uploaded. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

const keyOf = (node: Node) => (node instanceof HTMLElement ? node.dataset.key || node.dataset.focus || node.id || undefined : undefined);

/**
 * Bring `el`'s children to what `children` describe, changing only what differs. The server pushes often (every
 * move at every table, and a clock), and a screen rebuilt from scratch loses what the person was doing: a click
 * whose element was replaced between press and release, the focus, an open list or panel. Elements are matched by
 * `data-key` (or `data-focus`, or `id`), and a matched element keeps its first listeners: give every element with a
 * listener a key that says all its listener depends on.
 */
export function patch(el: HTMLElement, ...children: Child[]): void {
  const next = el.cloneNode(false) as HTMLElement;
  append(next, ...children);
  morphdom(el, next, {
    childrenOnly: true,
    getNodeKey: keyOf,
    onBeforeElUpdated(from, to) {
      // What the reader opened or closed stays so.
      if (from instanceof HTMLDetailsElement && to instanceof HTMLDetailsElement) to.open = from.open;
      return !from.isEqualNode(to);
    },
  });
}
