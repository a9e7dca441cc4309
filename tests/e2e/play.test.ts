/**
 * Level 1 played to the debrief in a real Chromium against the production build, once per role,
 * with the keyboard only. Every scene is screenshotted into reports/screenshots for review, checked
 * with axe-core, and no run may log a console error or a page error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, key, openLevelOneAs, openSettings, pixel, playOut, sceneIs, pageForFile, shot, state, tabTo } from './browser';

// WebGL, as most players' browsers draw the game.
const shared = pageForFile({ webgl: true });

async function chooseOptions(page: Page, issues: string[]): Promise<void> {
  for (const issue of issues) {
    await tabTo(page, `input[name="issue-${issue}"]:checked`);
    await key(page, 'ArrowDown');
  }
}

describe('level 1 from the title to the debrief, keyboard only', () => {
  for (const role of ['ottawa', 'quebec', 'washington']) {
    it(`plays as ${role}`, async () => {
      const { page, errors } = shared;
      await shared.fresh();
      const a11y: string[] = [];
      // Every screen is checked by axe as Ottawa; as the other sides, the screens whose make-up differs by seat
      // (Quebec's table has no tabling or accepting, Washington goes to the border mid-game and on in the campaign).
      const ownScreens: Record<string, string[]> = {
        quebec: ['table-start', 'table-round2', 'debrief'],
        washington: ['border-midgame', 'campaign-progress'],
      };
      const check = async (where: string) => {
        await shot(page, `${role}-${where}`);
        if (role === 'ottawa' || ownScreens[role].includes(where)) a11y.push(...(await axeProblems(page, where)));
      };
      await sceneIs(page, 'Title');
      // A static host has no classroom server: the title offers no class to join or run.
      expect(await page.getByRole('button', { name: 'Join a class' }).count()).toBe(0);
      await check('title');
      if (role === 'ottawa') {
        await key(page, 'h');
        await page.waitForSelector('dialog#help[open]');
        await check('help');
        await key(page, 'Escape');
        await openSettings(page);
        await check('settings');
        await key(page, 'Escape');
        await page.waitForSelector('dialog#settings', { state: 'detached' });
      }
      await openLevelOneAs(page, role, check);
      const start = await state(page);
      expect(start).toMatchObject({ role, round: 1, phase: 'choosing' });
      expect(await page.evaluate(() => (window as unknown as { __borderlines: { renderer(): string } }).__borderlines.renderer())).toBe(
        'webgl',
      );
      // While the player reads the table, nothing moves: the canvas stops drawing (src/game/idle.ts).
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __borderlines: { asleep(): boolean } }).__borderlines.asleep()), {
          timeout: 20000,
        })
        .toBe(true);
      // Only seats at the table are offered the keys to table and accept packages.
      const atTable = role !== 'quebec';
      expect(await page.locator('.keybar button[data-focus="key-p"]').count()).toBe(atTable ? 1 : 0);
      expect(await page.locator('.keybar button[data-focus="key-a"]').count()).toBe(atTable ? 1 : 0);

      if (role === 'quebec') {
        await key(page, 'm');
        await key(page, 'Enter');
        await page.waitForSelector('.variants button');
        await key(page, 'Enter');
        // The choice list is gone with the move: focus lands on the replies and news.
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('latest-h');
        expect(await page.locator('.variants').count()).toBe(0);
      } else {
        await chooseOptions(page, ['border_regime', 'information_sharing', 'trusted_traffic']);
        await key(page, 'p');
      }
      await page.waitForFunction(() => document.querySelector('#latest .feed') !== null);
      const after = await state(page);
      expect(after?.round).toBe(2);
      await check('table-round2');
      // The drawn table stays whole under the panels (WebGL here; Chromium once dropped it below y = 87): its clock shows.
      expect(await pixel(page, 602, 150)).toEqual([255, 255, 255]);
      if (role === 'washington') {
        // The border between rounds, and back to the same table.
        await key(page, 'v');
        await sceneIs(page, 'Border');
        await check('border-midgame');
        expect(await page.locator('.crossing').count()).toBe(4);
        await key(page, 'b');
        await sceneIs(page, 'Table');
        expect(await state(page)).toEqual(after);
      }

      await playOut(page);
      await sceneIs(page, 'Ratification');
      await check('ratification');
      // Each home level by its own name, with what it needed in words.
      for (const line of await page.locator('.ratify-list > li > strong').allTextContents())
        expect(line).toMatch(
          /^[✔✘] .+ \((Washington|Ottawa|Quebec)'s home level\) (ratifies|refuses)$|^[✔✘] (Washington|Ottawa|Quebec) (ratifies|refuses)$/,
        );
      for (const needed of await page.locator('.ratify-list .needed').allTextContents()) expect(needed).toMatch(/^It needed .+\.$/);
      await key(page, 'n');
      await sceneIs(page, 'Border');
      await check('border');
      await key(page, 'b');
      await sceneIs(page, 'Debrief');
      await check('debrief');
      // The score and each objective's line say what the engine scored.
      const scored = await page.evaluate(
        () =>
          (
            window as unknown as { __borderlines: { state(): { score: { score: number; objectives: { satisfied: number }[] } } } }
          ).__borderlines.state().score,
      );
      expect(await page.textContent('.big-score')).toBe(`${scored.score} / 100`);
      const lines = await page.locator('.objective-scores .pct').allTextContents();
      expect(lines).toHaveLength(scored.objectives.length);
      for (const [i, line] of lines.entries()) {
        const x = scored.objectives[i].satisfied;
        const [, mark, pct] = line.match(/^([✔◐✘]) (\d+)% met$/) ?? [];
        expect(mark).toBe(x >= 1 ? '✔' : x <= 0 ? '✘' : '◐');
        expect(Math.abs(Number(pct) - x * 100)).toBeLessThanOrEqual(1);
      }
      const charts = await page.locator('.chart svg').count();
      expect(charts).toBeGreaterThan(5);
      expect(await page.locator('.deal-table tbody tr').count()).toBe(3);
      // The deal space: one dot per package of level 1 (3 x 3 x 3) and the analysis in words.
      expect(await page.locator('.deal-space svg circle').count()).toBe(27);
      expect(await page.locator('.analysis li').count()).toBeGreaterThan(2);
      // The player's own side is always across, with scales; one plain sentence says what the chart shows.
      const name = { ottawa: 'Ottawa', quebec: 'Quebec', washington: 'Washington' }[role];
      const labels = await page.locator('.deal-space svg > text').allTextContents();
      expect(labels.filter((t) => t.endsWith('score'))[0]).toBe(`${name}'s score`);
      expect(labels.filter((t) => t === '50')).toHaveLength(2);
      expect(await page.textContent('.chart-sentence')).toMatch(
        /^(No package would|No deal was reached|Your deal|One package|\d+ packages)/,
      );
      expect(await page.locator('.deal-space .marker-cross').count()).toBe(1);
      // Its markers never hide each other.
      const boxes = await page.$$eval('.deal-space .marker', (ms) =>
        ms.map((m) => (m.lastElementChild as SVGGraphicsElement).getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]),
      );
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]).toBe(true);
      // Every indicator's sparkline has its scale; the player's thresholds are drawn.
      const sparks = page.locator('.chart-grid svg');
      expect(await page.locator('.chart-grid svg text.scale').count()).toBe(2 * (await sparks.count()));
      expect(await page.locator('.chart-grid line.aim').count()).toBeGreaterThan(0);
      // Every side's brief is revealed, and the literature names the turns where it happened.
      expect(await page.locator('.briefs details').count()).toBe(3);
      expect(await page.locator('.lit .turns li').count()).toBeGreaterThan(0);
      for (const t of await page.locator('.lit .turns li').allTextContents()) expect(t).toMatch(/^(Round \d+|Your move in round \d+): /);
      // The replay steps back through the rounds with the keyboard.
      const rounds = await page.locator('.timeline > li').count();
      expect(await page.textContent('.replay-at')).toContain(`After round ${rounds} of ${rounds}`);
      await tabTo(page, 'button[data-focus="replay-prev"]');
      await key(page, 'Enter');
      expect(await page.textContent('.replay-at')).toContain(
        rounds > 1 ? `After round ${rounds - 1} of ${rounds}` : 'Before the first round',
      );
      expect(await page.locator('.replay-values li').count()).toBeGreaterThan(5);
      if (role === 'washington') {
        // On to the next level of the campaign, then the timeline shows the finished level and what carried over.
        await key(page, 'n');
        await sceneIs(page, 'Role');
        expect(await page.textContent('main[data-scene="Role"] .head p')).not.toContain('The Level-One Alert');
        await page.reload();
        await sceneIs(page, 'Title');
        await key(page, 't');
        await sceneIs(page, 'Campaign');
        await check('campaign-progress');
        expect(await page.textContent('.level-card:first-child .status')).toMatch(/Finished · best score \d+/);
        expect(await page.textContent('.carried')).toMatch(/trust in Ottawa \d+/);
        expect(await page.locator('.level-card:nth-child(2) button[aria-disabled="true"]').count()).toBe(0);
        expect(await page.locator('.level-card:nth-child(3) button[aria-disabled="true"]').count()).toBe(1);
      }
      expect(errors).toEqual([]);
      expect(a11y).toEqual([]);
    });
  }
});
