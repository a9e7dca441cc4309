/**
 * Saves in a real browser: reload in mid-level and Continue gives the same round and indicators;
 * an older-format save is migrated; a corrupt save is set aside with a message and a new game works.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, sceneIs, shot, state } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const startAsOttawa = (page: Page) => openLevelOneAs(page, 'ottawa');

describe('saves', () => {
  it('reload in mid-level, then Continue: the same round and the same indicators', async () => {
    const { page, errors } = await openPage(browser);
    await startAsOttawa(page);
    await key(page, 'p');
    await page.waitForFunction(() => document.querySelector('#latest .feed') !== null);
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(3);
    const before = await state(page);
    await page.reload();
    await sceneIs(page, 'Title');
    expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(1);
    await key(page, 'c');
    await sceneIs(page, 'Table');
    await shot(page, 'save-continued');
    const after = await state(page);
    expect(after).toEqual(before);
    expect(await page.textContent('.round')).toContain('3');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('migrates an older-format save (a bare engine record) and continues it', async () => {
    const { page, errors } = await openPage(browser);
    await startAsOttawa(page);
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(2);
    const before = await state(page);
    await page.evaluate(() => {
      const store = JSON.parse(localStorage.getItem('borderlines.save') ?? '{}');
      localStorage.setItem('borderlines.save', JSON.stringify(store.current.record));
    });
    await page.reload();
    await sceneIs(page, 'Title');
    await key(page, 'c');
    await sceneIs(page, 'Table');
    expect(await state(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [name, damage] of [
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['corrupt', () => '{"version":2,"campaign":{},"current":{"levelId":7}}'],
    ['newer', () => '{"version":99,"campaign":{"completed":[]},"current":null}'],
  ] as const) {
    it(`sets a ${name} save aside with a message, and a new game still works`, async () => {
      const { page, errors } = await openPage(browser);
      await startAsOttawa(page);
      await key(page, 'w');
      await expect.poll(async () => (await state(page))?.round).toBe(2);
      const text = await page.evaluate(() => localStorage.getItem('borderlines.save') ?? '');
      const damaged = damage(text);
      await page.evaluate((t) => localStorage.setItem('borderlines.save', t), damaged);
      await page.reload();
      await sceneIs(page, 'Title');
      const alert = page.locator('[role="alert"]');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await alert.textContent()).toMatch(/set aside/);
      await shot(page, `save-${name}`);
      expect(await page.evaluate(() => localStorage.getItem('borderlines.save.set-aside'))).toBe(damaged);
      expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(0);
      await startAsOttawa(page);
      await key(page, 'w');
      await expect.poll(async () => (await state(page))?.round).toBe(2);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
