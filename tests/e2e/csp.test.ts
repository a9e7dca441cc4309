/**
 * The Content-Security-Policy (src/csp.ts) is shipped in the page and as a header, and nothing in the
 * game breaks it: every screen, both dialogs and a level played to its debrief, in English and French,
 * without a single violation report or CSP console message.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/csp';
import { base, key, launch, openLevelOneAs, openSettings, sceneIs, state } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function watched(query: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => problems.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
  await page.goto(`${base()}/${query}`);
  return { page, problems };
}

/** Wait each round out until the talks end, then walk through ratification and the border to the debrief. */
async function playToDebrief(page: Page): Promise<void> {
  for (let guard = 0; guard < 30; guard++) {
    const s = await state(page);
    if (!s || s.phase === 'debrief') break;
    await key(page, 'w');
    await expect
      .poll(
        async () => {
          const now = await state(page);
          return now?.phase === 'debrief' || now?.round !== s.round;
        },
        { timeout: 20000 },
      )
      .toBe(true);
  }
  await sceneIs(page, 'Ratification');
  await key(page, 'n');
  await sceneIs(page, 'Border');
  await key(page, 'b');
  await sceneIs(page, 'Debrief');
}

describe('content security policy', () => {
  it('is in the server header', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(CSP_HEADER).toContain("script-src 'self'");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  it('holds on every screen of a level played to the debrief', { timeout: 400_000 }, async () => {
    const { page, problems } = await watched('?e2e');
    await sceneIs(page, 'Title');
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(CSP_META);
    await key(page, 'h');
    await page.waitForSelector('dialog#help[open]');
    await key(page, 'Escape');
    await openSettings(page);
    await key(page, 'Escape');
    await openLevelOneAs(page, 'washington');
    await key(page, 'v');
    await sceneIs(page, 'Border');
    await key(page, 'b');
    await sceneIs(page, 'Table');
    await playToDebrief(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('holds in French', async () => {
    const { page, problems } = await watched('?e2e&lang=fr');
    await openLevelOneAs(page, 'ottawa');
    await key(page, 'w');
    await expect.poll(async () => (await state(page))?.round, { timeout: 20000 }).toBe(2);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
