/**
 * The Content-Security-Policy (src/csp.ts) is shipped in the page and as a header. That nothing in the
 * game breaks it is checked by every browser test: `watch` (browser.ts) turns each violation into an
 * error the test asserts away, on every screen the suite visits (each role to the debrief, French, the
 * studio, the classroom).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/csp';
import { base, launch, openPage, sceneIs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('content security policy', () => {
  it('is in the server header', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(CSP_HEADER).toContain("script-src 'self'");
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  it('is in the page, and a violation is reported as an error the tests see', async () => {
    const { page, errors } = await openPage(browser);
    await sceneIs(page, 'Title');
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(CSP_META);
    expect(errors).toEqual([]);
    // An inline script is what the policy forbids: the watcher must report it.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await expect.poll(() => errors.join('\n')).toMatch(/CSP violation: script-src/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await page.context().close();
  });
});
