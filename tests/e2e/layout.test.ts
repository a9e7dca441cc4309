/**
 * The game fits a 1280x720 projector, a 1366x768 school laptop and a 1920x1080 screen: the table's
 * panels stay inside the window, nothing scrolls the page sideways, and reduced motion is honoured.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, openSettings, sceneIs, shot, tabTo, type Watched } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('screen sizes', () => {
  // One table, the window resized to each screen (the layout follows the window, as when a player resizes it).
  let table: Watched;
  beforeAll(async () => {
    table = await openPage(browser);
    await openLevelOneAs(table.page, 'washington');
  });
  afterAll(async () => {
    await table?.page.context().close();
  });

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits ${size.width}x${size.height}`, async () => {
      const { page, errors } = table;
      await page.setViewportSize(size);
      await expect.poll(() => page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([size.width, size.height]);
      await shot(page, `size-${size.width}x${size.height}-table`);
      const overflow = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      expect(overflow.w).toBeLessThanOrEqual(size.width);
      expect(overflow.h).toBeLessThanOrEqual(size.height);
      for (const sel of ['.topbar', '.meters', '.proposal', '.moves', '.keybar']) {
        const box = await page.locator(sel).boundingBox();
        expect(box, sel).not.toBeNull();
        if (!box) continue;
        expect(box.x, sel).toBeGreaterThanOrEqual(0);
        expect(box.y, sel).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, sel).toBeLessThanOrEqual(size.width + 1);
        expect(box.y + box.height, sel).toBeLessThanOrEqual(size.height + 1);
      }
      // The propose button is reachable and readable at this size.
      const fontPx = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('.btn') as Element).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(12);
      expect(errors).toEqual([]);
    });
  }
});

describe('settings', () => {
  it('honours reduced motion from the settings', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    await openSettings(page);
    await tabTo(page, '#set-motion');
    await key(page, 'Space');
    expect(await page.evaluate(() => document.body.classList.contains('reduced-motion'))).toBe(true);
    await key(page, 'Escape');
    await page.reload();
    await sceneIs(page, 'Title');
    expect(await page.evaluate(() => document.body.classList.contains('reduced-motion'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
