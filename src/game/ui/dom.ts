/**
 * The accessible DOM layer over the canvas: real elements for text, buttons and focus. Text is always
 * set with textContent (never parsed as HTML), so level and save data cannot inject markup.
 */

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Create an element: attributes (aria-*, data-*, class...), `on<event>` listeners, then children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (SVGElement | string | null)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  // A string child is text (a label in the chart), never markup.
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in index.html`);
  return el;
}

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

let watching = false;
/**
 * The control with focus is never hidden by what comes over the screen (WCAG 2.4.11). With large text the
 * screen is one scrolling column and gives up room to the cue's strip (at the bottom) and to a notice (at the
 * top, its height in --notice-h): when that room shrinks, the control with focus is scrolled back into view,
 * clear of them and of the key bar (scroll-padding in styles.css). Over a screen laid out to fit, a notice sits
 * at the top or, when the control with focus is there, at the bottom, whichever covers less of it.
 */
function watchFocus(): void {
  if (watching) return;
  watching = true;
  const scene = byId('scene');
  const notice = byId('notice');
  const ui = byId('ui');
  let room = scene.getBoundingClientRect().height;
  new ResizeObserver(() => {
    const now = scene.getBoundingClientRect().height;
    const shrank = now < room - 0.5;
    room = now;
    if (shrank) revealFocus();
  }).observe(scene);
  new ResizeObserver(() => ui.style.setProperty('--notice-h', `${notice.offsetHeight}px`)).observe(notice);
  const place = () => {
    const el = document.activeElement;
    const box = notice.firstElementChild;
    if (!box || document.body.classList.contains('reflow') || !(el instanceof HTMLElement) || !scene.contains(el)) {
      notice.classList.remove('at-bottom');
      return;
    }
    const r = el.getBoundingClientRect();
    const covered = (bottom: boolean) => {
      notice.classList.toggle('at-bottom', bottom);
      return overlap(r, box.getBoundingClientRect());
    };
    const top = covered(false);
    if (top > 0 && covered(true) > top) covered(false);
  };
  document.addEventListener('focusin', place);
  document.addEventListener('scroll', place, { capture: true, passive: true });
  window.addEventListener('resize', place);
  new MutationObserver(place).observe(notice, { childList: true });
}

/**
 * Scroll the control with focus clear of the key bar at the bottom of its scrolling screen: first as the browser
 * reveals it (which counts the key bar through scroll-padding), then, should anything still cover it (the room
 * changed in the same frame, a re-render moved it), by what it measures.
 */
function revealFocus(): void {
  const el = document.activeElement;
  const main = el instanceof HTMLElement ? el.closest<HTMLElement>('#scene main') : null;
  if (!(el instanceof HTMLElement) || !main) return;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const bar = main.querySelector('.keybar');
  if (!bar || bar.contains(el)) return;
  const under = el.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
  if (under > 0) main.scrollTop += under + Number.parseFloat(getComputedStyle(el).fontSize) * 0.6;
}

/** Replace the scene layer with a fresh panel; the previous scene's panel goes with it. */
export function mountScene(key: string, label: string): HTMLElement {
  watchFocus();
  const layer = byId('scene');
  layer.replaceChildren();
  const main = h('main', { class: `scene scene-${key}`, 'aria-label': label, 'data-scene': key });
  layer.append(main);
  document.body.dataset.scene = key;
  return main;
}

export function unmountScene(key: string): void {
  const layer = document.getElementById('scene');
  const current = layer?.querySelector(`[data-scene="${key}"]`);
  current?.remove();
}

/** Say something to screen readers (polite) without moving focus. */
export function announce(message: string): void {
  const el = byId('announcer');
  el.textContent = '';
  window.setTimeout(() => {
    el.textContent = message;
  }, 30);
}

let cueTimer = 0;
/** A visible cue for a meaningful sound, so nothing is carried by sound alone. */
export function showCue(kind: string, label: string): void {
  const el = byId('cue');
  // Over the room the screen keeps for it (the table's top bar), when it has some on screen; else where the styles put it.
  const slot = document.querySelector<HTMLElement>('#scene [data-cue-slot]');
  const box = slot?.getClientRects().length ? slot.getBoundingClientRect() : null;
  const ui = byId('ui').getBoundingClientRect();
  el.classList.toggle('in-slot', box !== null);
  el.style.left = box ? `${box.left + box.width / 2 - ui.left}px` : '';
  el.style.top = box ? `${box.top + box.height / 2 - ui.top}px` : '';
  el.textContent = label;
  el.dataset.kind = kind;
  el.classList.add('show');
  window.clearTimeout(cueTimer);
  cueTimer = window.setTimeout(() => el.classList.remove('show'), 2600);
}

type Shortcuts = Record<string, () => void>;
let shortcuts: Shortcuts = {};
let owner = '';
let installed = false;
let enabled = true;
const TYPING = new Set(['text', 'search', 'number', 'email', 'password', 'url', 'tel']);

export function clearShortcuts(of: string): void {
  if (owner === of) shortcuts = {};
}

/** Turn single-key shortcuts on or off (Escape always closes what is open). */
export function enableShortcuts(on: boolean): void {
  enabled = on;
}

/** Single-key shortcuts for the current scene (shown on its buttons and in its key bar). */
export function setShortcuts(map: Shortcuts, of: string): void {
  shortcuts = map;
  owner = of;
  if (installed) return;
  installed = true;
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
    if (target instanceof HTMLInputElement && TYPING.has(target.type)) return;
    // An open dialog has the keyboard: Escape closes it natively.
    if (document.querySelector('dialog[open]')) return;
    if (!enabled && e.key !== 'Escape') return;
    const fn = shortcuts[e.key.toLowerCase()];
    if (fn) {
      e.preventDefault();
      fn();
    }
  });
}

/** Remember which element had focus (by its data-focus key) and give it back after a re-render. */
export function keepFocus(root: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? active.dataset.focus : undefined;
  render();
  if (key) {
    const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
    again?.focus({ preventScroll: false });
    if (again) revealFocus();
  }
}

/** A button with an optional one-key shortcut shown beside its label. */
export function button(
  label: string,
  onClick: () => void,
  opts: { key?: string; focus?: string; cls?: string; disabledReason?: string; describedBy?: string } = {},
): HTMLButtonElement {
  const b = h(
    'button',
    {
      type: 'button',
      class: opts.cls ?? 'btn',
      'data-focus': opts.focus ?? label,
      'aria-keyshortcuts': opts.key === 'escape' ? 'Escape' : opts.key?.toUpperCase(),
      'aria-disabled': opts.disabledReason ? 'true' : undefined,
      'aria-describedby': opts.describedBy,
    },
    h('span', { class: 'label', text: label }),
    opts.key ? h('kbd', { 'aria-hidden': 'true', text: opts.key === 'escape' ? 'Esc' : opts.key.toUpperCase() }) : null,
  );
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') === 'true') return;
    onClick();
  });
  return b;
}
