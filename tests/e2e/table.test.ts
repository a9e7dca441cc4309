/**
 * What the table says can be trusted, in a real Chromium: clean numbers, whole labels, explanations that
 * fit, what sounding out revealed on the cards, a forecast for every package, the capital cap, questions
 * before leaving or accepting across packages, and the settings that make it accessible.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, key, openLevelOneAs, openSettings, pixel, playOut, sceneIs, pageForFile, shot, state, tabTo } from './browser';

const shared = pageForFile();

const roundIs = (page: Page, round: number) => expect.poll(async () => (await state(page))?.round).toBe(round);

describe('the table tells the truth', () => {
  it('shows clean numbers, whole labels and an explanation that fits its column', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'ottawa');
    // This file's browser has no WebGL: the table is drawn by Phaser's canvas renderer, and works the same.
    expect(await page.evaluate(() => (window as unknown as { __borderlines: { renderer(): string } }).__borderlines.renderer())).toBe(
      'canvas',
    );
    // Few tab stops before the first action: from the heading, the meters (one stop), then the first option.
    await page.focus('main[data-scene="Table"] h1');
    const stops: string[] = [];
    while (stops.length < 10 && !(await page.evaluate(() => document.activeElement?.matches('input[type="radio"]')))) {
      await key(page, 'Tab');
      stops.push(await page.evaluate(() => document.activeElement?.className ?? ''));
    }
    expect(stops.length).toBeLessThanOrEqual(2);
    await key(page, 'p');
    await roundIs(page, 2);
    // The drawn table stays whole once packages are on it: its clock, in the middle of the table, shows on screen.
    expect(await pixel(page, 602, 150)).toEqual([255, 255, 255]);
    await key(page, 'w');
    await roundIs(page, 3);
    const texts = await page.locator('.meter-delta, .meter-value, .entry .changes').allTextContents();
    for (const t of texts) expect(t).not.toMatch(/\d\.\d{2,}/);
    // No indicator name is cut short.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.meter-name')].filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent),
    );
    expect(cut).toEqual([]);
    // The explanation opens in full inside the meters' column.
    await page.focus('.meter');
    const fit = await page.evaluate(() => {
      const tip = document.querySelector('.meter:focus .tip') as HTMLElement;
      const col = tip.closest('.col') as HTMLElement;
      const a = tip.getBoundingClientRect();
      const b = col.getBoundingClientRect();
      return { width: a.width, inside: a.left >= b.left - 1 && a.right <= b.right + 1, visible: getComputedStyle(tip).display !== 'none' };
    });
    expect(fit.visible).toBe(true);
    expect(fit.inside).toBe(true);
    expect(fit.width).toBeGreaterThan(150);
    await shot(page, 'table-meter-tip');
    // Cause and effect: a meter that moved says who moved it, by how much, and why.
    const moved = page.locator('.meter', { has: page.locator('.meter-delta:not(:empty)') }).first();
    await moved.focus();
    expect(await moved.locator('.tip-cause').textContent()).toMatch(/^ What moved it: .+ [+−-]\d+(\.\d)?.*\.$/);
    // One tab stop for every meter: the arrow keys move between them.
    expect(await page.locator('.meter[tabindex="0"]').count()).toBe(1);
    await key(page, 'ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).not.toBe(
      await page.locator('.meter').first().getAttribute('data-id'),
    );
    // The capital shows its cap, and the win threshold is on screen.
    expect(await page.textContent('.capital')).toMatch(/of \d+|full/);
    expect(await page.textContent('.win-at')).toMatch(/Win at \d+\/100/);
    expect(errors).toEqual([]);
  });

  it('forecasts every package before tabling or accepting it, and asks before accepting across packages', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'ottawa');
    const before = await page.textContent('#forecast-mine .fc-score');
    expect(before).toMatch(/If agreed now: your score \d+\/100/);
    expect(await page.locator('#forecast-mine .fc-objectives li').count()).toBeGreaterThan(1);
    expect(await page.textContent('#forecast-mine')).toMatch(/Ratification by .+: (yes|no)/);
    // Choosing another option changes the forecast at once.
    const seen = new Set([before]);
    for (const issue of ['border_regime', 'information_sharing', 'trusted_traffic']) {
      await tabTo(page, `input[name="issue-${issue}"]:checked`);
      await key(page, 'ArrowDown');
      seen.add(await page.textContent('#forecast-mine .fc-score'));
    }
    expect(seen.size).toBeGreaterThan(1);
    await key(page, 'p');
    await roundIs(page, 2);
    // Every package on the table has its own forecast.
    const cards = await page.locator('.proposal-card').count();
    expect(cards).toBeGreaterThan(0);
    expect(await page.locator('.proposal-card .forecast .fc-score').count()).toBe(cards);
    await shot(page, 'table-forecast');
    // The player's own package differs from the other side's: accepting theirs asks first.
    await key(page, 'a');
    await page.waitForSelector('dialog#confirm-accept[open]');
    expect(await page.evaluate(() => document.querySelector('dialog#confirm-accept')?.matches(':modal'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('confirm-accept-no');
    expect(await page.textContent('dialog#confirm-accept')).toMatch(/the one tabled first is agreed/);
    await shot(page, 'table-crossed-accept');
    await key(page, 'Escape');
    await page.waitForSelector('dialog#confirm-accept', { state: 'detached' });
    expect((await state(page))?.round).toBe(2);
    // The people at the table: a portrait and an office for each side, a mood with the trust it follows.
    expect(await page.locator('.party svg.portrait').count()).toBe(3);
    expect(await page.textContent('.party[data-role="ottawa"] .who-title')).toMatch(/^Chair of the cabinet committee on public security/);
    const trust = (await state(page))?.indicators.trust;
    expect(await page.textContent('.party[data-role="washington"] .mood')).toMatch(
      new RegExp(`^Mood: (warm|guarded|cold) \\(Washington's trust in Ottawa ${trust}\\)$`),
    );
    // What Washington says when it tables a package is in its negotiator's voice.
    const theirs = page.locator('.entry', { hasText: /^Washington · .*proposes/ });
    if (await theirs.count()) expect(await theirs.first().locator('.voice').textContent()).toMatch(/^“.+”$/);
    // An appeal leaves its mark on Ottawa's card, with the round.
    await tabTo(page, 'button[data-focus="move-appeal_to_principle"]');
    await key(page, 'Enter');
    await page.waitForSelector('.variants button');
    await key(page, 'Enter');
    await roundIs(page, 3);
    expect(await page.textContent('.party[data-role="ottawa"] .mark')).toMatch(/^(Appealed to|Appeal to) “.+” .*\(round 2\)$/);
    await shot(page, 'table-people');
    expect(errors).toEqual([]);
  });

  it('puts what sounding out revealed on the option cards', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'washington');
    await tabTo(page, 'button[data-focus="move-sound_out"]');
    await key(page, 'Enter');
    await page.waitForSelector('.variants button');
    await key(page, 'Enter');
    await roundIs(page, 2);
    await expect.poll(() => page.locator('.option-card .revealed').count()).toBe(1);
    expect(await page.textContent('.option-card .revealed')).toMatch(/wants this most \(sounded out, round 1\)/);
    expect(errors).toEqual([]);
  });

  it('announces only what is new, and says once that moves wait for the next round', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'quebec');
    // Screen readers hear only what is new, once: the feed is not a live region, and opening a choice list says nothing.
    expect(await page.locator('#latest[aria-live]').count()).toBe(0);
    await key(page, 'w');
    await roundIs(page, 2);
    await expect.poll(() => page.textContent('#announcer')).toMatch(/\S/);
    const said = (await page.textContent('#announcer')) ?? '';
    expect(said).not.toMatch(/—/);
    await key(page, 'm');
    await key(page, 'Enter');
    await page.waitForSelector('.variants button');
    expect(await page.textContent('#announcer')).toBe(said);
    await key(page, 'Escape');
    // Quebec waits to the deadline; at the end the table shows once that no move can be made.
    for (let round = 2; round <= 8; round++) {
      const s = await state(page);
      if (s?.phase !== 'choosing') break;
      await key(page, 'w');
      await expect
        .poll(async () => {
          const now = await state(page);
          return now?.round !== s?.round || now?.phase !== 'choosing';
        })
        .toBe(true);
      const repeated = await page.evaluate(
        () => [...document.querySelectorAll('.scene-Table .why')].filter((e) => /round is open/.test(e.textContent ?? '')).length,
      );
      expect(repeated).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
  });
});

describe('the guided first level', () => {
  it('teaches the loop by doing it, with the keyboard, and can be skipped', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await key(page, 'u');
    await sceneIs(page, 'Briefing');
    expect(await page.textContent('.confidential .hint')).toMatch(/^Guided first level\..*you win with \d+\/100/);
    await key(page, 'g');
    await sceneIs(page, 'Table');
    // The weaker side at the table, against the easy AI, from the first round.
    expect(await state(page)).toMatchObject({ role: 'ottawa', difficulty: 'easy', round: 1 });
    const step = () => page.textContent('#coach-h');
    expect(await step()).toBe('Guide: step 1 of 7');
    await shot(page, 'tutorial-1');
    // Each step ends when the player does what it asks: read a meter, pick an option...
    await tabTo(page, '.meter');
    await expect.poll(step).toBe('Guide: step 2 of 7');
    await tabTo(page, 'input[name="issue-border_regime"]:checked');
    await key(page, 'ArrowDown');
    await expect.poll(step).toBe('Guide: step 3 of 7');
    // ... read the forecast (Next), table the package, read the answers (Next), make a move.
    await tabTo(page, '[data-focus="coach-next"]');
    await key(page, 'Enter');
    await expect.poll(step).toBe('Guide: step 4 of 7');
    expect(await page.textContent('#coach-text')).toMatch(/Table your package \(P\)/);
    await key(page, 'p');
    await roundIs(page, 2);
    await expect.poll(step).toBe('Guide: step 5 of 7');
    await tabTo(page, '[data-focus="coach-next"]');
    await key(page, 'Enter');
    await expect.poll(step).toBe('Guide: step 6 of 7');
    await key(page, 'm');
    await key(page, 'Enter');
    if (await page.locator('.variants button').count()) await key(page, 'Enter');
    await roundIs(page, 3);
    await expect.poll(step).toBe('Guide: step 7 of 7');
    await shot(page, 'tutorial-7');
    await tabTo(page, '[data-focus="coach-next"]');
    expect(await page.textContent('[data-focus="coach-next"]')).toBe('Finish the guide');
    await key(page, 'Enter');
    await expect.poll(() => page.locator('.coach').isHidden()).toBe(true);
    // The announcer is written a moment after the guide closes (it is emptied first, so that the same words are read again).
    await expect.poll(() => page.textContent('#announcer')).toMatch(/Guide finished/);
    const problems = await axeProblems(page, 'tutorial');
    // The guided level plays on to its end like any other: the home levels vote, then the debrief scores it.
    await playOut(page);
    await sceneIs(page, 'Ratification');
    await key(page, 'n');
    await sceneIs(page, 'Border');
    await key(page, 'b');
    await sceneIs(page, 'Debrief');
    await expect.poll(() => page.textContent('.big-score')).toMatch(/^\d+ \/ 100$/);
    await shot(page, 'tutorial-debrief');
    problems.push(...(await axeProblems(page, 'tutorial-debrief')));
    // Started again, the guide can be skipped at once; focus goes to the first action.
    await page.reload();
    await sceneIs(page, 'Title');
    await key(page, 'u');
    await sceneIs(page, 'Briefing');
    await key(page, 'g');
    await sceneIs(page, 'Table');
    await tabTo(page, '[data-focus="coach-skip"]');
    await key(page, 'Enter');
    await expect.poll(() => page.locator('.coach').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('propose');
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('keys and questions', () => {
  it('asks before Q leaves the table; single-key shortcuts can be turned off', async () => {
    const { page, errors } = shared;
    await shared.fresh();
    await openLevelOneAs(page, 'ottawa');
    await key(page, 'q');
    await page.waitForSelector('dialog#confirm-leave[open]');
    await shot(page, 'table-leave');
    await key(page, 'Escape');
    await page.waitForSelector('dialog#confirm-leave', { state: 'detached' });
    await sceneIs(page, 'Table');
    await openSettings(page);
    await tabTo(page, '#set-keys');
    await key(page, 'Space');
    await key(page, 'Escape');
    await page.waitForSelector('dialog#settings', { state: 'detached' });
    await key(page, 'w');
    await key(page, 'q');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect((await state(page))?.round).toBe(1);
    expect(await page.locator('.keybar kbd').first().isVisible()).toBe(false);
    // The key bar's buttons still work with shortcuts off.
    await page.click('.keybar button[data-focus="key-w"]');
    await roundIs(page, 2);
    await page.click('.keybar button[data-focus="key-o"]');
    await tabTo(page, '#set-keys');
    await key(page, 'Space');
    await key(page, 'Escape');
    // "Start again?" is a modal dialog.
    await page.reload();
    await sceneIs(page, 'Title');
    await key(page, 'n');
    await page.waitForSelector('dialog#confirm-new[open]');
    expect(await page.evaluate(() => document.querySelector('dialog#confirm-new')?.matches(':modal'))).toBe(true);
    const problems = await axeProblems(page, 'confirm-new');
    await key(page, 'Escape');
    await sceneIs(page, 'Title');
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('text size', () => {
  it('follows browser zoom: at 200% the text is twice as large', async () => {
    // A 1280x720 screen zoomed to 200% is a 640x360 CSS viewport at two device pixels per CSS pixel.
    const context = await (shared.page.context().browser() as Browser).newContext({
      viewport: { width: 640, height: 360 },
      deviceScaleFactor: 2,
      locale: 'en-US',
    });
    const page = await context.newPage();
    await page.goto(`${(await import('./browser')).base()}/?e2e`);
    await sceneIs(page, 'Title');
    const px = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.getElementById('ui') as Element).fontSize));
    expect(px).toBeGreaterThanOrEqual(16);
    await context.close();
  });

  for (const lang of ['en', 'fr']) {
    it(`reaches 200% in the settings, with labels wrapping, not cut (${lang})`, async () => {
      const { page, errors } = shared;
      await shared.fresh({}, `?e2e&lang=${lang}`);
      await openSettings(page);
      await page.selectOption('#set-size', '2');
      await key(page, 'Escape');
      const px = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.getElementById('ui') as Element).fontSize));
      expect(px).toBeGreaterThanOrEqual(32);
      await openLevelOneAs(page, 'ottawa');
      await shot(page, `table-text-200-${lang}`);
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.meter-name, .opt-label, .btn .label, .topbar > *')]
          .filter((n) => n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflow !== 'visible')
          .map((n) => n.textContent),
      );
      expect(cut).toEqual([]);
      // The top bar keeps its full height in the one scrolling column (the round and the capital are whole).
      const bar = await page.evaluate(() => {
        const el = document.querySelector('.topbar') as HTMLElement;
        return { content: el.scrollHeight, shown: el.clientHeight };
      });
      expect(bar.content).toBeLessThanOrEqual(bar.shown + 1);
      // The key bar's buttons grow with the rest, in the game's own font (not the browser's small button font).
      const keys = await page.evaluate(() => {
        const style = (q: string) => getComputedStyle(document.querySelector(q) as Element);
        return { bar: style('.keybar').fontSize, key: style('.key-hint').fontSize, family: style('.key-hint').fontFamily };
      });
      expect(keys.key).toBe(keys.bar);
      expect(keys.family).toMatch(/^"?Atkinson Hyperlegible/);
      expect(errors).toEqual([]);
    });
  }
});
