/**
 * Saves in a real browser, all on one page whose storage each case sets and reloads (as a player's
 * browser would hold it): a reload in mid-level continues at the same round; an older-format save is
 * migrated; whatever is wrong with a damaged save (bad text, a seat or level the game does not have, a
 * forged move, a newer format), Continue or the title ends on the title with a visible reason, the save
 * kept under a set-aside key (never deleted) and offered as a file, and a new game works. A full storage
 * tells the player once and offers the save as a file, which Import reads back.
 */
import { describe, expect, it } from 'vitest';
import { downloaded, key, openLevelOneAs, sceneIs, pageForFile, shot, state } from './browser';

const shared = pageForFile();

interface Saved {
  current: { levelId: string; role: string; record: { format: number; events: { type: string; move?: { id: string } }[] } };
}

const SAVE = 'borderlines.save';
const ASIDE = 'borderlines.save.set-aside';
const problem = 'main[data-scene="Title"] .save-problem[role="alert"]';

describe('saves', () => {
  // The save the game wrote in round 3 as Ottawa, and the state it holds; the cases below start from copies of it.
  let good = '';
  let before: Awaited<ReturnType<typeof state>> = null;

  it('reload in mid-level, then Continue: the same round and the same indicators', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'ottawa');
    await key(page, 'p');
    await page.waitForFunction(() => document.querySelector('#latest .feed') !== null);
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(3);
    before = await state(page);
    good = await page.evaluate((k) => localStorage.getItem(k) ?? '', SAVE);
    await page.reload();
    await sceneIs(page, 'Title');
    expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(1);
    await key(page, 'c');
    await sceneIs(page, 'Table');
    await shot(page, 'save-continued');
    expect(await state(page)).toEqual(before);
    expect(await page.textContent('.round')).toContain('3');
    expect(errors).toEqual([]);
  });

  it('migrates an older-format save (a bare engine record) and continues it', async () => {
    const { page, errors } = shared;
    await shared.fresh({ [SAVE]: JSON.stringify((JSON.parse(good) as Saved).current.record) });
    await key(page, 'c');
    await sceneIs(page, 'Table');
    expect(await state(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  const edited = (edit: (s: Saved) => void) => () => {
    const s = JSON.parse(good) as Saved;
    edit(s);
    return JSON.stringify(s);
  };
  // Damaged on the title (the text cannot be read as a save) or on Continue (the level in play cannot be restored).
  const cases: [string, () => string, 'title' | 'continue', RegExp][] = [
    ['a truncated save', () => good.slice(0, Math.floor(good.length / 2)), 'title', /set aside/],
    ['a corrupt save', () => '{"version":2,"campaign":{},"current":{"levelId":7}}', 'title', /set aside/],
    ['a save from a newer version', () => '{"version":99,"campaign":{"completed":[]},"current":null}', 'title', /set aside/],
    [
      'a save naming a seat its level does not have (mexico)',
      edited((s) => {
        s.current.role = 'mexico';
      }),
      'continue',
      /names a side, “mexico”, that .+ does not have/,
    ],
    [
      'a save naming a seat __proto__',
      edited((s) => {
        s.current.role = '__proto__';
      }),
      'continue',
      /names a side, “__proto__”/,
    ],
    [
      'a save of a level that no longer exists',
      edited((s) => {
        s.current.levelId = 'gone_2099';
      }),
      'continue',
      /\(gone_2099\) is not in this version/,
    ],
    [
      'a save from a newer engine format',
      edited((s) => {
        s.current.record.format = 99;
      }),
      'continue',
      /What was wrong: .*newer version of the game \(format 99\)/,
    ],
    [
      'a save with a forged move',
      edited((s) => {
        const move = s.current.record.events.find((e) => e.type === 'MOVE')?.move;
        if (move) move.id = 'annex_everything';
      }),
      'continue',
      /What was wrong: .*could not be replayed|What was wrong: .*damaged/,
    ],
  ];

  for (const [name, damage, when, says] of cases) {
    it(`${name}: back on the title, the reason visible, the save kept aside and offered as a file`, async () => {
      const { page, errors } = shared;
      const damaged = damage();
      await shared.fresh({ [SAVE]: damaged });
      if (when === 'continue') await key(page, 'c');
      await page.waitForSelector(problem);
      const alert = page.locator(problem);
      expect(await alert.textContent()).toMatch(says);
      expect(await alert.textContent()).toContain('kept on this device');
      expect(await alert.isVisible()).toBe(true);
      if (name.includes('mexico')) await shot(page, 'save-bad-seat');
      if (name === 'a corrupt save') await shot(page, 'save-corrupt');
      // Kept, not deleted: the set-aside copy is the save as it was; no Continue is offered.
      expect(await page.evaluate((k) => localStorage.getItem(k), ASIDE)).toBe(damaged);
      expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(0);
      if (when === 'continue') {
        // The live save keeps the campaign only.
        const live = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), SAVE);
        expect(live.current).toBeNull();
      }
      const download = page.waitForEvent('download');
      await page.click('button[data-focus="export-aside"]');
      expect((await downloaded(download)).toString('utf8')).toBe(damaged);
      expect(errors).toEqual([]);
    });
  }

  it('after a damaged save, a new game works and is saved again', async () => {
    const { page, errors } = shared;
    await shared.fresh({ [SAVE]: '{"version":2,"campaign":{},"current":{"levelId":7}}' });
    await page.waitForSelector(problem);
    await openLevelOneAs(page, 'ottawa');
    expect(await state(page)).toMatchObject({ role: 'ottawa', round: 1 });
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round).toBe(2);
    await page.reload();
    await sceneIs(page, 'Title');
    await key(page, 'c');
    await sceneIs(page, 'Table');
    expect(await state(page)).toMatchObject({ role: 'ottawa', round: 2 });
    expect(errors).toEqual([]);
  });

  it('a second damaged save is kept beside the first, not over it', async () => {
    const { page, errors } = shared;
    await shared.fresh({ [ASIDE]: 'the first', [SAVE]: '{"version":2,"current":{"levelId":7}}' });
    await page.waitForSelector(problem);
    expect(await page.evaluate((k) => [localStorage.getItem(k), localStorage.getItem(`${k}.2`)], ASIDE)).toEqual([
      'the first',
      '{"version":2,"current":{"levelId":7}}',
    ]);
    expect(errors).toEqual([]);
  });

  it('storage full: the player is told once and can export the save, and Import brings it back on an empty device', async () => {
    const { page, errors } = shared;
    await shared.fresh();
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
    const inPlay = await state(page);
    const download = page.waitForEvent('download');
    await page.click('#notice button[data-focus="storage-export"]');
    const file = await downloaded(download);
    expect(JSON.parse(file.toString('utf8')).current.levelId).toBe(inPlay?.level);
    await page.click('#notice button[data-focus="storage-dismiss"]');
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);

    // Storage emptied, as on another device: import the file and continue where the game stood.
    await shared.fresh();
    expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(0);
    await page.setInputFiles('#import-file', { name: 'borderlines-save.json', mimeType: 'application/json', buffer: file });
    await page.waitForSelector('main[data-scene="Title"] [role="status"]');
    expect(await page.textContent('main[data-scene="Title"] [role="status"]')).toContain('Save imported');
    await key(page, 'c');
    await sceneIs(page, 'Table');
    expect(await state(page)).toEqual(inPlay);
    expect(errors).toEqual([]);
  });

  it('a file that is not a save is refused and changes nothing', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await page.setInputFiles('#import-file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
    await page.waitForSelector('main[data-scene="Title"] [role="alert"]');
    expect(await page.textContent('main[data-scene="Title"] [role="alert"]')).toContain('not a Borderlines save');
    expect(await page.evaluate((k) => localStorage.getItem(k), SAVE)).toBeNull();
    expect(errors).toEqual([]);
  });
});
