/**
 * Level 1 played in French, from the title to the debrief, with the keyboard: on every screen no English
 * is left (visible text, labels read by screen readers, the page title), the `[EN]` marker never shows,
 * and no button or label is cut off at 1280x720. Source quotations stay in English, marked lang="en".
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, launch, openLevelOneAs, openPage, sceneIs, shot, state, tabTo } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Words and endings that only English writes; French text never holds them. */
const ENGLISH =
  /(?<!\p{L})(the|and|with|of|you|your|to|is|are|this|that|for|from|by|it|its|not|be|has|was|will|can|their|round|rounds|deal|package|proposal|accepts?|rejects?|waits?|deadline|trust|border|news|moves|settings|back|next|choose|level|Quebec)(?!\p{L})|\p{L}'s(?!\p{L})|\[EN\]/iu;

/** Everything a player can read or hear on the page: text outside English quotations, accessible names, the title. */
async function readable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('[lang="en"], script, style')) continue;
      const s = n.textContent?.trim();
      if (s) out.push(s);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [aria-valuetext]')) {
      if (el.closest('[lang="en"]')) continue;
      for (const a of ['aria-label', 'title', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Buttons, labels and headings whose text does not fit their box. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, label, summary, h1, h2, h3, th, .btn, .meter-name, .meter-value, .status, .date')]
      // Visually hidden headings (.sr-only) are clipped on purpose.
      .filter((el) => el.offsetParent !== null && !el.closest('dialog:not([open]), .sr-only'))
      .filter(
        (el) =>
          el.scrollWidth > el.clientWidth + 1 || (getComputedStyle(el).overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1),
      )
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className}: "${el.textContent?.trim().slice(0, 60)}" (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`,
      ),
  );
}

describe('level 1 in French, to the debrief', () => {
  it('plays as Ottawa with no English left on screen and no text cut off', async () => {
    const { page, errors } = await openPage(browser, { width: 1280, height: 720 }, '?e2e&lang=fr');
    const english: string[] = [];
    const cut: string[] = [];
    const check = async (where: string) => {
      await shot(page, `fr-${where}`);
      english.push(...(await readable(page)).filter((s) => ENGLISH.test(s)).map((s) => `${where}: ${s}`));
      cut.push(...(await cutOff(page)).map((s) => `${where}: ${s}`));
    };
    await sceneIs(page, 'Title');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await check('title');
    await key(page, 'h');
    await page.waitForSelector('dialog#help[open]');
    await check('help');
    await key(page, 'Escape');
    await page.waitForSelector('dialog#help', { state: 'detached' });
    await openLevelOneAs(page, 'ottawa', async (where) => {
      if (where === 'briefing') await page.locator('details.sources summary').click();
      await check(where);
    });
    // Round 1: a package that moves every issue off the status quo, then answer or wait each round.
    for (const issue of ['border_regime', 'information_sharing', 'trusted_traffic']) {
      await tabTo(page, `input[name="issue-${issue}"]:checked`);
      await key(page, 'ArrowDown');
    }
    await key(page, 'p');
    await page.waitForFunction(
      () => (window as unknown as { __borderlines: { state(): { round: number } | null } }).__borderlines.state()?.round === 2,
    );
    await check('table-round2');
    for (let guard = 0; guard < 12; guard++) {
      const s = await state(page);
      if (s?.phase !== 'choosing') break;
      const canAccept = await page.locator('button[data-focus^="accept-"]:not([aria-disabled="true"])').count();
      await key(page, canAccept ? 'a' : 'w');
      // Accepting theirs while the player's own package stands asks first: answer yes.
      if (await page.locator('dialog#confirm-accept[open]').count()) {
        await key(page, 'Shift+Tab');
        await key(page, 'Enter');
      }
      const after = await state(page);
      if (canAccept && after?.phase === 'choosing' && after.round === s.round) await key(page, 'w');
      await page.waitForFunction((round) => {
        const now = (window as unknown as { __borderlines: { state(): { round: number; phase: string } | null } }).__borderlines.state();
        return !now || now.round !== round || now.phase !== 'choosing';
      }, s.round);
    }
    await sceneIs(page, 'Ratification');
    await check('ratification');
    await key(page, 'n');
    await sceneIs(page, 'Border');
    await check('border');
    await key(page, 'b');
    await sceneIs(page, 'Debrief');
    await page.locator('.literature, .analysis').first().waitFor();
    await check('debrief');
    expect(english).toEqual([]);
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 420_000);
});
