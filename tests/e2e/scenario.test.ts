/**
 * An instructor's scenario in the served game, no rebuild: open a file with an error and see it at its
 * line, open the corrected file, play it to the debrief, share it as a link and open the link; the
 * campaign save is untouched throughout; a damaged stored scenario is set aside with a message.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, base, downloaded, key, pageForFile, shot, state } from './browser';

/** The small test level with a cast and a border of its own: initials, a colour, a river, named crossings, a port. */
const good = `${readFileSync('tests/fixtures/mini.yaml', 'utf8').replace('province: { name: { en: Province },', 'province: { name: { en: Province }, emblem: initials, colour: "#6a3d9a",')}
border:
  map: river
  north: { en: Northland }
  south: { en: Southland }
  crossings:
    - { name: { en: Old Bridge }, x: 0.3, traffic: 1, trucks: 0.5 }
    - { name: { en: Ferry Quay }, x: 0.7, traffic: 0.5, trucks: 0.2 }
  places:
    - { name: { en: Harbour Town }, x: 0.6, y: 0.25, kind: port }
`;
const typoLine = good.split('\n').findIndex((l) => l.includes('id: shared, label')) + 1;
const broken = good.replace('harmonization: 2, effects: { trust: 5', 'harmonization: 2, efects: { trust: 5');

const shared = pageForFile();

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('#scenario-file', { name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
}

/** Wait round after round (the AI plays the other seats) until the talks end. */
async function waitOut(page: Page): Promise<void> {
  for (let guard = 0; guard < 25; guard++) {
    const s = await state(page);
    if (!s || s.phase === 'debrief') return;
    await key(page, 'w');
    await page.waitForFunction(
      (r) => {
        const st = (window as unknown as { __borderlines: { state(): { round: number; phase: string } | null } }).__borderlines.state();
        return !st || st.phase === 'debrief' || st.round !== r;
      },
      s.round,
      { timeout: LONG },
    );
  }
}

/** These tests walk long paths on a shared machine: scenes get a generous wait. */
const LONG = 120_000;
const scene = (page: Page, key: string) => page.waitForSelector(`main[data-scene="${key}"] h1`, { timeout: LONG });

const campaignSave = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('borderlines.save') ?? 'null')?.campaign ?? null);

describe('a scenario file opened in the game', () => {
  it('shows an error at its line, is fixed in the studio, play-tested to the debrief, exported and opened again, and leaves the campaign alone', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await key(page, 'm');
    await scene(page, 'Scenarios');
    expect(await page.textContent('.scenario-list')).toContain('No scenario yet');
    await openFile(page, 'mini.yaml', broken);
    await page.waitForSelector('.errors', { timeout: LONG });
    await shot(page, 'scenario-error');
    expect(await page.textContent('.errors h2')).toContain('mini.yaml cannot be played yet: 1 problem');
    expect(await page.textContent('.problem')).toContain(`Line ${typoLine}, column`);
    expect(await page.textContent('.problem')).toContain('unknown field "efects"');
    expect(await page.textContent('.problem .hint-line')).toContain('did you mean "effects"?');
    expect(await page.textContent('.problem .source li.here')).toContain('efects: { trust: 5');
    expect(await page.getAttribute('.problem .source', 'start')).toBe(String(typoLine - 2));
    expect(await page.locator('.scenario-card').count()).toBe(0);
    const a11y = await axeProblems(page, 'scenario errors');

    // Fix it in the studio: the cursor lands on the error; select the misspelt key and type it right.
    await page.click('button[data-focus="fix-in-studio"]');
    await scene(page, 'Studio');
    await page.waitForSelector('.studio-status.bad', { timeout: LONG });
    expect(await page.textContent('.gutter .bad')).toBe(String(typoLine));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('studio-text');
    const caret = await page.evaluate(() => {
      const t = document.activeElement as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionStart + 6);
    });
    expect(caret).toBe('efects');
    for (let i = 0; i < 6; i++) await key(page, 'Shift+ArrowRight');
    await page.keyboard.type('effects');
    await page.waitForSelector('.studio-status.good', { timeout: LONG });
    expect(await page.locator('.gutter .bad').count()).toBe(0);
    expect(await page.locator('.studio-brief').count()).toBe(3);
    await shot(page, 'studio-fixed');
    a11y.push(...(await axeProblems(page, 'studio')));
    // The quick balance check, in a web worker: a row per seat and way of playing.
    await page.focus('h1');
    await key(page, 'k');
    await page.waitForSelector('.studio-balance[data-done="true"]', { timeout: LONG });
    expect(await page.locator('.balance-table tbody tr').count()).toBe(12);
    expect(await page.locator('.studio-balance [role="alert"]').count()).toBe(0);
    await shot(page, 'studio-balance');
    // Export the file: it is the corrected text.
    const [file] = await Promise.all([page.waitForEvent('download'), key(page, 'x')]);
    expect(file.suggestedFilename()).toBe('mini.yaml');
    const exported = (await downloaded(file)).toString('utf8');
    expect(exported).toBe(good);

    // Play-test at once, from any seat, to the debrief.
    await key(page, 'p');
    await scene(page, 'Role');
    expect(await page.locator('.role-card').count()).toBe(3);
    await key(page, '2');
    await scene(page, 'Briefing');
    await key(page, 'g');
    await scene(page, 'Table');
    expect(await state(page)).toMatchObject({ level: 'mini', role: 'small', round: 1 });
    await waitOut(page);
    await scene(page, 'Ratification');
    await key(page, 'n');
    await scene(page, 'Border');
    await shot(page, 'scenario-border');
    expect(await page.locator('.crossing strong').allTextContents()).toEqual(['Old Bridge', 'Ferry Quay']);
    expect(await page.textContent('.places')).toContain('Harbour Town');
    expect(await page.textContent('.sides')).toContain('Northland');
    await key(page, 'b');
    await scene(page, 'Debrief');
    await shot(page, 'scenario-debrief');
    expect(await page.textContent('button[data-focus="next"]')).toContain('My scenarios');
    expect(await campaignSave(page)).toMatchObject({ completed: [], carried: {}, best: {} });
    await key(page, 'n');
    await scene(page, 'Scenarios');
    // The exported file opens again, replacing the kept copy of the same name.
    await openFile(page, 'mini.yaml', exported);
    await page.waitForSelector('.opened', { timeout: LONG });
    expect(await page.locator('.scenario-card').count()).toBe(1);
    // Reloaded, the scenario is still kept and the campaign has nothing to continue.
    await page.reload();
    await scene(page, 'Title');
    expect(await page.locator('button[data-focus="menu-c"]').count()).toBe(0);
    expect(await page.locator('button[data-focus="menu-t"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(a11y).toEqual([]);
  }, 900_000);

  it('shares a kept scenario as a link that opens it in another browser', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await key(page, 'm');
    await scene(page, 'Scenarios');
    await openFile(page, 'mini.yaml', good);
    await page.waitForSelector('.scenario-card', { timeout: LONG });
    await page.click('.scenario-card button[data-focus^="share-"]');
    const link = await page.inputValue('.share-field');
    expect(link).toMatch(/#scenario=[A-Za-z0-9_-]+&file=mini.yaml$/);
    expect(errors).toEqual([]);

    // As another browser would: nothing stored, only the link.
    const other = shared;
    await shared.fresh({}, `?e2e${new URL(link).hash}`);
    await scene(other.page, 'Scenarios');
    await other.page.waitForSelector('.opened', { timeout: LONG });
    expect(await other.page.textContent('.opened h2')).toContain('Mini is ready (mini.yaml)');
    expect(new URL(other.page.url()).hash).toBe('');
    // A link cut short says so.
    await other.page.goto(`${base()}/?e2e${new URL(link).hash.slice(0, 40)}`);
    await scene(other.page, 'Scenarios');
    await other.page.waitForSelector('[role="alert"]', { timeout: LONG });
    expect(await other.page.textContent('.scenario-report')).toContain('damaged');
    // A file by address on this site that is not there: a clear message, not a blank screen.
    await other.page.goto(`${base()}/?e2e&scenario=missing.yaml`);
    await scene(other.page, 'Scenarios');
    await other.page.waitForSelector('.scenario-report [role="alert"]', { timeout: LONG });
    expect(await other.page.textContent('.scenario-report')).toContain(
      'missing.yaml could not be fetched (there is no scenario file at that address)',
    );
    expect(other.errors.filter((e) => !e.includes('404'))).toEqual([]);
  }, 600_000);

  it('sets a damaged stored scenario aside with a message; the others still play and continue after a reload', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await key(page, 'm');
    await scene(page, 'Scenarios');
    await openFile(page, 'mini.yaml', good);
    await page.waitForSelector('.scenario-card', { timeout: LONG });
    await page.evaluate(() => {
      const raw = JSON.parse(localStorage.getItem('borderlines.scenarios') ?? '{}');
      raw.items.push({ id: 'broken', title: 42 });
      localStorage.setItem('borderlines.scenarios', JSON.stringify(raw));
    });
    await page.reload();
    await scene(page, 'Title');
    await key(page, 'm');
    await scene(page, 'Scenarios');
    await page.waitForSelector('[role="alert"]', { timeout: LONG });
    expect(await page.textContent('[role="alert"]')).toContain('1 stored scenario was damaged');
    await shot(page, 'scenario-set-aside');
    expect(await page.evaluate(() => localStorage.getItem('borderlines.scenarios.set-aside'))).toBe('[{"id":"broken","title":42}]');
    await page.click('.scenario-card button[data-focus^="play-"]');
    await scene(page, 'Role');
    // A scenario in play continues after a reload: it is read from My scenarios and checked again.
    await key(page, '1');
    await scene(page, 'Briefing');
    await key(page, 'g');
    await scene(page, 'Table');
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round, { timeout: LONG }).toBe(2);
    const before = await state(page);
    await page.reload();
    await scene(page, 'Title');
    await key(page, 'c');
    await scene(page, 'Table');
    expect(await state(page)).toEqual(before);
    expect(errors).toEqual([]);
  }, 600_000);
});
