/**
 * Sound never blocks play: with the browser's autoplay block on, the game plays on without an error;
 * cues are asked for at the right moments and shown on screen too; volume and mute persist.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base, key, launch, openLevelOneAs, openPage, openSettings, sceneIs, state, tabTo } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ autoplay: false });
});
afterAll(async () => {
  await browser?.close();
});

const sounds = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __borderlines: { sounds(): string[] } }).__borderlines.sounds());

describe('sound', () => {
  it('fetches no sound before the title is usable, then Opus (or MP3), and the score follows the tension of the round', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const page = await context.newPage();
    // Note when the title first appears, then compare with when each sound was requested.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('main[data-scene="Title"] h1')) return;
        (window as unknown as { titleAt: number }).titleAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base()}/?e2e`);
    await sceneIs(page, 'Title');
    const requested = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => /\.(webm|mp3|wav|ogg)$/.test(e.name))
          .map((e) => ({ url: e.name, before: e.startTime < (window as unknown as { titleAt: number }).titleAt })),
      );
    await expect.poll(async () => (await requested()).length, { timeout: 20000 }).toBeGreaterThan(0);
    const fetched = await requested();
    expect(fetched.filter((r) => r.before)).toEqual([]);
    expect(fetched.every((r) => /\.(webm|mp3)$/.test(r.url))).toBe(true);
    await openLevelOneAs(page, 'ottawa');
    await key(page, 'w');
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(3);
    // The last tension asked for is higher than at the start of the level.
    const levels = (await sounds(page)).filter((s) => s.startsWith('tension:')).map((s) => Number(s.slice(8)));
    expect(levels.at(-1)).toBeGreaterThan(0);
    await context.close();
  });

  it('plays on with autoplay blocked, and every cue has a visible counterpart', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    // The sound code loads after the title is up: the music is asked for once it has.
    await expect.poll(() => sounds(page), { timeout: 20000 }).toContain('music');
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
