/**
 * Offline play: registers the service worker that vite-plugin-pwa (Workbox) generates at build time,
 * which precaches the whole game, so a reload with no network still plays. When a new version has
 * been downloaded it says so once; it takes over the next time the game starts (or at once, if the
 * player asks). Loaded after the title is up, as its own chunk; production builds only.
 */
import { registerSW } from 'virtual:pwa-register';
import { tr } from './app';
import { button, h } from './ui/dom';

export function registerOffline(): void {
  const update = registerSW({
    onNeedRefresh: () => {
      const box = document.getElementById('notice');
      if (!box || box.childElementCount) return;
      box.append(
        h(
          'div',
          { class: 'notice', role: 'status' },
          h('p', { text: tr('update.ready') }),
          h(
            'div',
            { class: 'row' },
            button(tr('update.now'), () => void update(true), { focus: 'update-now', cls: 'btn btn-primary' }),
            button(tr('update.later'), () => box.replaceChildren(), { focus: 'update-later' }),
          ),
        ),
      );
    },
  });
}
