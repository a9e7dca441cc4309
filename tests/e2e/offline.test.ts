/**
 * Offline: once the game has loaded, its service worker has every file, so a reload with the network
 * off (and every request to the server refused) still opens the title, a level and the table, and plays.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, sceneIs, state } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('reloads and plays a level with no network', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    // The service worker becomes active once it has precached the whole build.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const context = page.context();
    const reached: string[] = [];
    await context.route('**/*', (route) => {
      reached.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await context.setOffline(true);
    await page.reload();
    await openLevelOneAs(page, 'ottawa');
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round, { timeout: 20000 }).toBe(2);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Nothing reached the server: every file came from the service worker's cache.
    expect(reached).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
