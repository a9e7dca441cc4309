import { h } from '../ui/dom';

/** Save a text as a file on the player's machine (the browser's download). */
export function download(file: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const a = h('a', { href: url, download: file, class: 'sr-only' });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
