/**
 * Damaged saves in a real browser: whatever is wrong with the level in play (a seat its level does not
 * have, a forged move, a level that no longer exists, a newer engine format), Continue ends on the title
 * with a visible message saying why, the save is kept under a set-aside key (never deleted), and a new
 * game still works. A full storage tells the player once and offers the save as a file, which Import
 * reads back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloaded, key, launch, openLevelOneAs, openPage, sceneIs, shot, state } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Saved {
  current: { levelId: string; role: string; record: { format: number; events: { type: string; move?: { id: string } }[] } };
}

/** Play into round 2 as Ottawa, then return the save as the game wrote it. */
async function savedAfterOneRound(page: Page): Promise<Saved> {
  await openLevelOneAs(page, 'ottawa');
  await key(page, 'w');
  await page.waitForFunction(
    () => (window as unknown as { __borderlines: { state(): { round: number } | null } }).__borderlines.state()?.round === 2,
  );
  return page.evaluate(() => JSON.parse(localStorage.getItem('borderlines.save') ?? 'null'));
}

const cases: [string, (s: Saved) => void, RegExp][] = [
  [
    'a seat its level does not have (mexico)',
    (s) => {
      s.current.role = 'mexico';
    },
    /names a side, “mexico”, that .+ does not have/,
  ],
  [
    'a seat named __proto__',
    (s) => {
      s.current.role = '__proto__';
    },
    /names a side, “__proto__”/,
  ],
  [
    'a level that no longer exists',
    (s) => {
      s.current.levelId = 'gone_2099';
    },
    /\(gone_2099\) is not in this version/,
  ],
  [
    'a newer engine format',
    (s) => {
      s.current.record.format = 99;
    },
    /What was wrong: .*newer version of the game \(format 99\)/,
  ],
  [
    'a forged move',
    (s) => {
      const move = s.current.record.events.find((e) => e.type === 'MOVE')?.move;
      if (move) move.id = 'annex_everything';
    },
    /What was wrong: .*could not be replayed|What was wrong: .*damaged/,
  ],
];

describe('damaged saves', () => {
  // One real save, made by playing; each case damages its own copy.
  let good = '';
  beforeAll(async () => {
    const { page, errors } = await openPage(browser);
    good = JSON.stringify(await savedAfterOneRound(page));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const [name, damage, says] of cases) {
    it(`Continue with ${name}: back on the title, the reason visible, the save kept aside, a new game works`, async () => {
      const { page, errors } = await openPage(browser);
      await sceneIs(page, 'Title');
      const saved = JSON.parse(good) as Saved;
      damage(saved);
      const damaged = JSON.stringify(saved);
      await page.evaluate((t) => localStorage.setItem('borderlines.save', t), damaged);
      await page.reload();
      await sceneIs(page, 'Title');
      await key(page, 'c');
      await page.waitForSelector('main[data-scene="Title"] .save-problem[role="alert"]');
      const alert = page.locator('main[data-scene="Title"] .save-problem[role="alert"]');
      expect(await alert.textContent()).toMatch(says);
      expect(await alert.textContent()).toContain('kept on this device');
      expect(await alert.isVisible()).toBe(true);
      if (name.includes('mexico')) await shot(page, 'save-bad-seat');
      // Kept, not deleted: the set-aside copy is the save as it was; the live save keeps the campaign only.
      expect(await page.evaluate(() => localStorage.getItem('borderlines.save.set-aside'))).toBe(damaged);
      const live = await page.evaluate(() => JSON.parse(localStorage.getItem('borderlines.save') ?? 'null'));
      expect(live.current).toBeNull();
      expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(0);
      // The set-aside save is offered as a file.
      const download = page.waitForEvent('download');
      await page.click('button[data-focus="export-aside"]');
      expect((await downloaded(download)).toString('utf8')).toBe(damaged);
      await openLevelOneAs(page, 'ottawa');
      expect(await state(page)).toMatchObject({ role: 'ottawa', round: 1 });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('a second damaged save is kept beside the first, not over it', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    await page.evaluate(() => {
      localStorage.setItem('borderlines.save.set-aside', 'the first');
      localStorage.setItem('borderlines.save', '{"version":2,"current":{"levelId":7}}');
    });
    await page.reload();
    await sceneIs(page, 'Title');
    await page.waitForSelector('.save-problem');
    expect(
      await page.evaluate(() => [localStorage.getItem('borderlines.save.set-aside'), localStorage.getItem('borderlines.save.set-aside.2')]),
    ).toEqual(['the first', '{"version":2,"current":{"levelId":7}}']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('storage full: the player is told once and can export the save, and Import brings it back elsewhere', async () => {
    const { page, errors } = await openPage(browser);
    await openLevelOneAs(page, 'ottawa');
    // Fill this origin's storage to the last byte.
    await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`fill-${n++}`, chunk);
          } catch {
            break;
          }
        }
      }
    });
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(2);
    await page.waitForSelector('#notice [role="alert"]');
    const notice = page.locator('#notice [role="alert"]');
    expect(await notice.textContent()).toContain('cannot be saved on this device');
    await shot(page, 'storage-full');
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(3);
    expect(await notice.count()).toBe(1);
    const before = await state(page);
    const download = page.waitForEvent('download');
    await page.click('#notice button[data-focus="storage-export"]');
    // Read now: Playwright deletes downloads when their context closes.
    const file = await downloaded(download);
    const exported = JSON.parse(file.toString('utf8'));
    expect(exported.current.levelId).toBe(before?.level);
    await page.click('#notice button[data-focus="storage-dismiss"]');
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();

    // Another browser profile: import the file and continue where the game stood.
    const other = await openPage(browser);
    await sceneIs(other.page, 'Title');
    expect(await other.page.locator('button[data-focus="menu-c"]').count()).toBe(0);
    await other.page.setInputFiles('#import-file', { name: 'borderlines-save.json', mimeType: 'application/json', buffer: file });
    await other.page.waitForSelector('main[data-scene="Title"] [role="status"]');
    expect(await other.page.textContent('main[data-scene="Title"] [role="status"]')).toContain('Save imported');
    await key(other.page, 'c');
    await sceneIs(other.page, 'Table');
    expect(await state(other.page)).toEqual(before);
    expect(other.errors).toEqual([]);
    await other.page.context().close();
  });

  it('a file that is not a save is refused and changes nothing', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    await page.setInputFiles('#import-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
    await page.waitForSelector('main[data-scene="Title"] [role="alert"]');
    expect(await page.textContent('main[data-scene="Title"] [role="alert"]')).toContain('not a Borderlines save');
    expect(await page.evaluate(() => localStorage.getItem('borderlines.save'))).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
