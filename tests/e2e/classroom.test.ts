/**
 * A class in four browsers: an instructor creates a session, three students join with the code and
 * pick their seats, play a level to the end, and the instructor watches the dashboard, sees the shared
 * debrief and downloads the export.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort, killed, startChild } from '../server/setup';
import { launch, SHOTS } from './browser';

let server: ChildProcess;
let browser: Browser;
let base = '';
const dataDir = mkdtempSync(join(tmpdir(), 'borderlines-class-e2e-'));

beforeAll(async () => {
  const port = await freePort();
  server = await startChild({ PORT: String(port), DATA_DIR: dataDir, DIST_DIR: inject('e2eDist') });
  base = `http://127.0.0.1:${port}`;
  browser = await launch({ autoplay: false });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGKILL');
  if (server) await killed(server);
  rmSync(dataDir, { recursive: true, force: true });
});

async function page(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  return { page: p, errors };
}

type Seen = { phase: string; round: number; chosen: boolean } | null;
const seen = (p: Page) => p.evaluate(() => (window as unknown as { __borderlines: { state(): Seen } }).__borderlines.state());

describe('a class in four browsers', () => {
  it('plays a level from the join code to the shared debrief and the export', async () => {
    const instructor = await page();
    await instructor.page.goto(`${base}/?classroom&e2e`, { waitUntil: 'commit' });
    await instructor.page.getByLabel('Tables').fill('1', { timeout: 90_000 });
    await instructor.page.getByRole('button', { name: 'Create the session' }).click();
    const code = (await instructor.page.locator('.join-code').textContent({ timeout: 60_000 })) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await instructor.page.locator('canvas.qr').waitFor();

    const students: { page: Page; errors: string[] }[] = [];
    for (const [name, role] of [
      ['Ana', 'Washington'],
      ['Ben', 'Ottawa'],
      ['Chloé <b>', 'Quebec'],
    ]) {
      const s = await page();
      await s.page.goto(`${base}/?join=${code}&e2e`, { waitUntil: 'commit' });
      await s.page.getByLabel('Your name').fill(name, { timeout: 90_000 });
      await s.page.getByRole('button', { name: 'Join' }).click();
      await s.page.getByRole('button', { name: new RegExp(`Table 1 · ${role}`) }).click({ timeout: 60_000 });
      await s.page.getByText(`Your seat: table 1, ${role}.`).waitFor({ timeout: 60_000 });
      students.push(s);
    }
    // The dashboard lists the three students, the name shown as text.
    await instructor.page.getByRole('cell', { name: 'Chloé <b>' }).waitFor({ timeout: 30_000 });
    await instructor.page.screenshot({ path: `${SHOTS}/classroom-lobby.png`, fullPage: true });
    await instructor.page.getByRole('button', { name: 'Start the session' }).click();

    for (const s of students) {
      await s.page.locator('main[data-scene="Briefing"] h1').waitFor({ timeout: 60_000 });
      await s.page.keyboard.press('g');
      await s.page.locator('main[data-scene="Table"] h1').waitFor({ timeout: 60_000 });
    }
    await students[1].page.screenshot({ path: `${SHOTS}/classroom-student-table.png` });

    // Every student waits (passes) each round until the deadline; the dashboard follows the rounds.
    let checkedDashboard = false;
    for (;;) {
      for (const s of students) {
        await s.page.waitForFunction(() => {
          const st = (window as unknown as { __borderlines: { state(): Seen } }).__borderlines.state();
          return !!st && (st.phase === 'debrief' || !st.chosen);
        }, undefined, { timeout: 60_000 });
      }
      const states = await Promise.all(students.map((s) => seen(s.page)));
      if (states.every((st) => st?.phase === 'debrief')) break;
      if (!checkedDashboard && (states[0]?.round ?? 0) >= 2) {
        await instructor.page.getByText(/Round [2-9]\d* of \d+/).first().waitFor({ timeout: 30_000 });
        await instructor.page.screenshot({ path: `${SHOTS}/classroom-dashboard.png`, fullPage: true });
        checkedDashboard = true;
      }
      const round = states[0]?.round ?? 0;
      for (const s of students) await s.page.keyboard.press('w');
      await students[0].page.waitForFunction((r) => {
        const st = (window as unknown as { __borderlines: { state(): Seen } }).__borderlines.state();
        return !!st && (st.phase === 'debrief' || st.round > r);
      }, round, { timeout: 60_000 });
    }
    expect(checkedDashboard).toBe(true);

    await instructor.page.getByRole('heading', { name: 'Class debrief' }).waitFor({ timeout: 60_000 });
    await instructor.page.locator('svg.class-space').waitFor();
    await instructor.page.screenshot({ path: `${SHOTS}/classroom-debrief.png`, fullPage: true });

    const downloads = [instructor.page.waitForEvent('download'), instructor.page.waitForEvent('download')];
    await instructor.page.getByRole('button', { name: /Export for grading/ }).click();
    const files = await Promise.all(downloads);
    const byName = Object.fromEntries(await Promise.all(files.map(async (d) => [d.suggestedFilename(), readFileSync((await d.path()) ?? '', 'utf8')])));
    const csv = byName[`borderlines-${code}.csv`];
    expect(csv.split('\r\n')[0]).toContain('"student"');
    for (const name of ['Ana', 'Ben', 'Chloé <b>']) expect(csv).toContain(`"${name}"`);
    const json = JSON.parse(byName[`borderlines-${code}.json`]) as { tables: { outcome: unknown }[] };
    expect(json.tables[0].outcome).not.toBeNull();

    for (const p of [instructor, ...students]) expect(p.errors).toEqual([]);
  });
});
