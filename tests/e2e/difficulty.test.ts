import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, openSettings, sceneIs, state, tabTo } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('AI difficulty', () => {
  it('is chosen in the settings, kept across a reload, and used for the next level started', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    await openSettings(page);
    await tabTo(page, '#set-difficulty');
    expect(await page.locator('#set-difficulty').inputValue()).toBe('normal');
    await key(page, 'ArrowDown');
    expect(await page.locator('#set-difficulty').inputValue()).toBe('hard');
    await key(page, 'Escape');
    await page.reload();
    await sceneIs(page, 'Title');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('borderlines.settings') ?? '{}').difficulty)).toBe('hard');
    await openLevelOneAs(page, 'washington');
    expect(await state(page)).toMatchObject({ role: 'washington', difficulty: 'hard', round: 1 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
