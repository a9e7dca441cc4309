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

  // One save made by playing into round 2; each case below starts from its own copy of it.
  let saved = '';
  let before: Awaited<ReturnType<typeof state>> = null;
  beforeAll(async () => {
    const { page, errors } = await openPage(browser);
    await startAsOttawa(page);
    await key(page, 'w');
    await page.waitForFunction(
      () => (window as unknown as { __borderlines: { state(): { round: number } | null } }).__borderlines.state()?.round === 2,
    );
    before = await state(page);
    saved = await page.evaluate(() => localStorage.getItem('borderlines.save') ?? '');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /** A fresh browser profile whose stored save is `text`, reloaded onto the title. */
  async function withSave(text: string) {
    const opened = await openPage(browser);
    await sceneIs(opened.page, 'Title');
    await opened.page.evaluate((t) => localStorage.setItem('borderlines.save', t), text);
    await opened.page.reload();
    await sceneIs(opened.page, 'Title');
    return opened;
  }

  it('migrates an older-format save (a bare engine record) and continues it', async () => {
    const { page, errors } = await withSave(JSON.stringify(JSON.parse(saved).current.record));
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
      const damaged = damage(saved);
      const { page, errors } = await withSave(damaged);
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
