/** Shared helpers for the browser tests: the Chromiums of the global setup, error capture, keys. */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, NO_WEBGL } from '../../scripts/chromium';

/** The preview server's address, from the global setup. */
export const base = () => inject('e2eBase');
export const SHOTS = 'reports/screenshots';

/**
 * A Chromium shared by the test files (started by the global setup, with autoplay allowed): without WebGL
 * (the game's canvas renderer) unless `webgl` is asked for. A file that needs the browser's autoplay block
 * on (`autoplay: false`) gets a Chromium of its own.
 */
export async function launch(opts: { autoplay?: boolean; webgl?: boolean } = {}): Promise<Browser> {
  if (opts.autoplay !== false) return chromium.connect(inject(opts.webgl ? 'e2eBrowserWebGL' : 'e2eBrowser'));
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...(opts.webgl ? [] : NO_WEBGL)] });
}

export interface Watched {
  page: Page;
  errors: string[];
}

/**
 * Collects a page's console errors, page errors and Content-Security-Policy violations, so a test can
 * assert there were none: every browser test checks the policy on the screens it visits.
 */
export async function watch(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return errors;
}

/** A fresh context and page on the game, watched (see `watch`). */
export async function openPage(browser: Browser, size = { width: 1280, height: 720 }, query = '?e2e'): Promise<Watched> {
  const context = await browser.newContext({ viewport: size, locale: 'en-US' });
  const page = await context.newPage();
  const errors = await watch(page);
  // A loaded shared machine can take far longer than the default 30 s to serve and start the game.
  await page.goto(`${base()}/${query}`, { timeout: 120_000 });
  return { page, errors };
}

/** One page for a whole test file, and the way each test starts from an empty browser profile on it. */
export interface SharedPage extends Watched {
  /** Forget the errors seen so far, empty the page's storage, store `items` and load the game (`query`) onto its first screen. */
  fresh(items?: Record<string, string>, query?: string): Promise<void>;
}

/**
 * A page kept for a whole file: a reload after emptying storage is the fresh start a new profile gives,
 * at a fraction of the cost (the context keeps its compiled scripts and its cache).
 */
async function sharedPage(browser: Browser, size?: { width: number; height: number }, query = '?e2e'): Promise<SharedPage> {
  const watched = await openPage(browser, size, query);
  const { page, errors } = watched;
  return {
    ...watched,
    async fresh(items = {}, again = query) {
      errors.length = 0;
      await page.evaluate((all) => {
        localStorage.clear();
        sessionStorage.clear();
        for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
      }, items);
      // Via a blank page: a link that differs only by its #fragment would not load the game again.
      await page.goto('about:blank');
      await page.goto(`${base()}/${again}`, { timeout: 120_000 });
      // Past the preloader (it has a heading too): a key pressed on it would be lost.
      await page.waitForSelector('main[data-scene]:not([data-scene="Preloader"]) h1', { timeout: 60_000 });
    },
  };
}

/** A test file's one page (see `sharedPage`), opened before its first test; its browser is let go after the last. */
export function pageForFile(opts: { webgl?: boolean } = {}): SharedPage {
  const shared = {} as SharedPage;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(opts);
    Object.assign(shared, await sharedPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return shared;
}

/** A download's bytes (the shared browser is remote: its files are read as a stream, not by path). */
export async function downloaded(download: Download | Promise<Download>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function sceneIs(page: Page, key: string): Promise<void> {
  // Generous: a loaded shared machine can take many seconds to build a screen (and to fetch its chunk).
  await page.waitForSelector(`main[data-scene="${key}"] h1`, { timeout: 60000 });
}

/** The screen as the player sees it: fonts loaded, every finite CSS animation or transition over, a frame painted. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * The colour of one pixel as the player sees it, from a screenshot of the whole viewport (as `shot` takes
 * them): Chromium composites the canvas and the DOM layer into it, so a canvas hidden by the compositor
 * shows here, where a small clipped capture would redraw it. Decoded in the page, as [r, g, b].
 */
export async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  await settled(page);
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, x, y }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(image, 0, 0);
      return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    },
    { png, x, y },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

export async function key(page: Page, k: string): Promise<void> {
  await page.keyboard.press(k);
}

export interface GameState {
  level: string;
  role: string;
  difficulty: string;
  round: number;
  phase: string;
  indicators: Record<string, number>;
}

export async function state(page: Page): Promise<GameState | null> {
  return page.evaluate(() => (window as unknown as { __borderlines: { state(): GameState | null } }).__borderlines.state());
}

/** Press Tab until the focused element matches a selector (keyboard only: nothing is clicked). */
export async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function axeProblems(page: Page, where: string): Promise<string[]> {
  await settled(page);
  const { AxeBuilder } = await import('@axe-core/playwright');
  // Legacy mode runs axe in the page itself: the default opens a blank page for every analysis to merge
  // per-frame results, which the game (one frame) does not need and which made each pass 2-3 times slower.
  const result = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Open the settings dialog with its shortcut (from the title screen or a level). */
export async function openSettings(page: Page): Promise<void> {
  await key(page, 'o');
  await page.waitForSelector('dialog#settings[open]');
}

/** The key that picks each side on the Role screen. */
export const ROLE_KEYS: Record<string, string> = { washington: '1', ottawa: '2', quebec: '3' };

/**
 * From the title screen, with the keyboard: choose the first level, a side, read the briefing, sit at
 * the table. `at` is called on each screen on the way (campaign, role, briefing, table-start).
 */
export async function openLevelOneAs(page: Page, role: string, at: (where: string) => Promise<void> = async () => {}): Promise<void> {
  await sceneIs(page, 'Title');
  await key(page, 'l');
  await sceneIs(page, 'Campaign');
  await at('campaign');
  await tabTo(page, 'button[data-focus^="play-"]');
  await key(page, 'Enter');
  await sceneIs(page, 'Role');
  await at('role');
  await key(page, ROLE_KEYS[role]);
  await sceneIs(page, 'Briefing');
  await at('briefing');
  await key(page, 'g');
  await sceneIs(page, 'Table');
  await at('table-start');
}

/** Answer and wait, round after round, until the talks end; returns the rounds played. */
export async function playOut(page: Page): Promise<number> {
  let rounds = 0;
  for (let guard = 0; guard < 30; guard++) {
    const s = await state(page);
    if (!s || s.phase === 'debrief') break;
    await key(page, 'a');
    // Accepting theirs while the player's own package stands asks first: answer yes.
    if (await page.locator('dialog#confirm-accept[open]').count()) {
      await key(page, 'Shift+Tab');
      await key(page, 'Enter');
    }
    const after = await state(page);
    if (after && after.phase !== 'debrief' && after.round === s.round) await key(page, 'w');
    await expect
      .poll(async () => {
        const now = await state(page);
        return !now || now.phase === 'debrief' || now.round !== s.round;
      })
      .toBe(true);
    rounds++;
  }
  return rounds;
}
