/**
 * Sound never blocks play: with the browser's autoplay block on, the game plays on without an error;
 * cues are asked for at the right moments and shown on screen too; volume and mute persist.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, openSettings, sceneIs, state, tabTo } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ autoplay: false });
});
afterAll(async () => {
  await browser?.close();
});

const sounds = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __borderlines: { sounds(): string[] } }).__borderlines.sounds());

describe('sound', () => {
  it('plays on with autoplay blocked, and every cue has a visible counterpart', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    expect(await sounds(page)).toContain('music');
    await openLevelOneAs(page, 'ottawa');
    await tabTo(page, 'input[name="issue-border_regime"]:checked');
    await key(page, 'ArrowDown');
    expect(await sounds(page)).toContain('select');
    await key(page, 'p');
    await expect.poll(async () => (await state(page))?.round).toBe(2);
    expect(await sounds(page)).toContain('tabled');
    const cue = page.locator('#cue.show');
    await expect.poll(() => cue.count()).toBe(1);
    expect(await cue.textContent()).toBe('Proposal on the table');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps volume and mute across a reload', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    await openSettings(page);
    await tabTo(page, '#set-volume');
    await key(page, 'ArrowLeft');
    await key(page, 'ArrowLeft');
    await tabTo(page, '#set-mute');
    await key(page, 'Space');
    await key(page, 'Escape');
    await page.reload();
    await sceneIs(page, 'Title');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('borderlines.settings') ?? '{}'));
    expect(saved).toMatchObject({ volume: 0.5, muted: true });
    await openSettings(page);
    expect(await page.locator('#set-mute').isChecked()).toBe(true);
    expect(await page.locator('#set-volume').inputValue()).toBe('50');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
