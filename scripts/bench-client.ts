/**
 * npm run bench:client — what the browser game costs a player, each figure beside a baseline measured
 * in the same run: first-load JavaScript (gzip) against Phaser's own chunk; every byte fetched before
 * the title is usable; the time until the title is usable with the CPU throttled 4x against an empty
 * Phaser page from the same build; the frame time p95 at the negotiation table (once it rests, and
 * with a move a second) against an empty Phaser scene; the JS heap after garbage collection across all
 * the campaign's levels played in one page.
 * Prints figures and the goals beside them; asserts nothing about speed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { argsOrExit } from './args';

const { values } = argsOrExit(
  'npm run bench:client [-- --no-build] [--seconds N] [--runs N] [--levels N]',
  'Prints first-load size, time to a usable title (CPU 4x slower), frame time at the table and heap growth over the campaign, each beside a baseline from the same run.',
  {
    'no-build': { type: 'boolean', default: false, description: 'measure the existing dist/ instead of building' },
    seconds: { type: 'string', default: '6', description: 'seconds per frame-time measurement' },
    runs: { type: 'string', default: '3', description: 'page loads per start-up measurement (the median is printed)' },
    levels: { type: 'string', default: '12', description: 'campaign levels to play for the heap measurement' },
  },
);
const seconds = Number(values.seconds) || 6;
const runs = Math.max(1, Number(values.runs) || 3);
const levelCount = Math.max(1, Number(values.levels) || 12);
const PORT = 4319;
const BASE = `http://127.0.0.1:${PORT}`;
const DIST = 'dist';

if (!values['no-build']) {
  const r = spawnSync('./node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];

// First-load JavaScript: the scripts index.html loads and preloads.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const firstJs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const phaserJs = firstJs.filter((f) => /\/phaser-/.test(f));
const phaserGz = phaserJs.reduce((s, f) => s + gz(f), 0);
const ownGz = firstJs.filter((f) => !phaserJs.includes(f)).reduce((s, f) => s + gz(f), 0);

function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () =>
      fetch(url)
        .then((r) => (r.ok ? resolve() : retry()))
        .catch(retry);
    const retry = () => (Date.now() > until ? reject(new Error(`no answer at ${url}`)) : setTimeout(tick, 200));
    tick();
  });
}

/** rAF intervals over a window of time, in the page (a string: tsx's helpers do not exist there). */
function frames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const start = last;
    const step = (now) => {
      out.push(now - last);
      last = now;
      if (now - start < ${ms}) requestAnimationFrame(step);
      else resolve(out.slice(5));
    };
    requestAnimationFrame(step);
  })`) as Promise<number[]>;
}

/** Milliseconds from navigation until `ready` (a string expression) holds, with the CPU slowed 4x; and the bytes fetched by then. */
async function startUp(browser: Browser, query: string, ready: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(`(() => {
    const check = () => {
      if (${ready}) { window.__usableAt = performance.now(); return; }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  await page.goto(`${BASE}/${query}`);
  // Predicates are functions, not strings: a string would be eval'd in the page, which its policy forbids.
  await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, null, { timeout: 120000 });
  const result = (await page.evaluate(`({
    ms: window.__usableAt,
    bytes: performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .filter((e) => e.startTime <= window.__usableAt)
      .reduce((s, e) => s + (e.encodedBodySize || 0), 0),
  })`)) as { ms: number; bytes: number };
  await context.close();
  return result;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

const phase = (page: Page) => page.evaluate(`window.__borderlines.state()?.phase ?? null`) as Promise<string | null>;
const round = (page: Page) => page.evaluate(`window.__borderlines.state()?.round ?? null`) as Promise<number | null>;

/** Press W (wait) and return once the round has moved on or the talks have ended. */
async function waitOutRound(page: Page): Promise<void> {
  const r = await round(page);
  await page.keyboard.press('w');
  await page.waitForFunction(
    (before) => {
      const s = (window as unknown as { __borderlines: { state(): { phase: string; round: number } | null } }).__borderlines.state();
      return !s || s.phase === 'debrief' || s.round !== before;
    },
    r,
    { timeout: 60000 },
  );
}
const sceneIs = (page: Page, key: string) => page.waitForSelector(`main[data-scene="${key}"] h1`, { timeout: 60000 });

/** From the Role screen: the first seat, the briefing, then wait every round out to the debrief. */
async function playLevel(page: Page): Promise<void> {
  await sceneIs(page, 'Role');
  await page.keyboard.press('1');
  await sceneIs(page, 'Briefing');
  await page.keyboard.press('g');
  await sceneIs(page, 'Table');
  while ((await phase(page)) !== 'debrief') {
    await waitOutRound(page);
  }
  await sceneIs(page, 'Ratification');
  await page.keyboard.press('n');
  await sceneIs(page, 'Border');
  await page.keyboard.press('b');
  await sceneIs(page, 'Debrief');
}

let server: ChildProcess | undefined;
try {
  server = spawn('./node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
  });
  await waitFor(`${BASE}/`, 30000);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

  // Start-up, alternating the two pages so a busy moment of the machine hits both alike.
  const game: { ms: number; bytes: number }[] = [];
  const empty: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    empty.push(await startUp(browser, '?bench-empty', `document.querySelector('canvas') !== null`));
    game.push(await startUp(browser, '?e2e', `document.querySelector('main[data-scene="Title"] nav.menu button') !== null`));
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${BASE}/?bench-empty`);
  await page.waitForSelector('canvas');
  const emptyFrames = await frames(page, seconds * 1000);

  await page.goto(`${BASE}/?e2e`);
  await sceneIs(page, 'Title');
  const heapTitle = await heapMB(page);
  await page.keyboard.press('l');
  await sceneIs(page, 'Campaign');
  await page.click('main[data-scene="Campaign"] button[data-focus^="play-"]');
  await sceneIs(page, 'Role');
  await page.keyboard.press('1');
  await sceneIs(page, 'Briefing');
  await page.keyboard.press('g');
  await sceneIs(page, 'Table');
  // The table opens with its ambient animations for a moment (src/game/idle.ts), then rests while the
  // player reads and thinks: the window starts once the canvas sleeps (or after 15 s if it never does).
  const opened = Date.now();
  const rested = await page
    .waitForFunction(() => (window as unknown as { __borderlines: { asleep(): boolean } }).__borderlines.asleep(), null, {
      timeout: 15000,
    })
    .then(() => (Date.now() - opened) / 1000)
    .catch(() => null);
  // The player reads and thinks: no input for the whole window.
  const thinking = await frames(page, seconds * 1000);
  // A move every second: the seats, meters and feed react.
  const moving = frames(page, seconds * 1000);
  for (let i = 0; i < Math.min(4, seconds - 1) && (await phase(page)) !== 'debrief'; i++) {
    await waitOutRound(page);
  }
  const reacting = await moving;
  // Q asks before leaving the table: answer yes.
  await page.keyboard.press('q');
  await page.click('button[data-focus="confirm-leave-yes"]');
  await sceneIs(page, 'Title');

  // The campaign, one level after another in the same page, through Debrief's "next level".
  await page.keyboard.press('l');
  await sceneIs(page, 'Campaign');
  await page.click('main[data-scene="Campaign"] button[data-focus^="play-"]');
  await playLevel(page);
  const heapFirst = await heapMB(page);
  let played = 1;
  for (; played < levelCount; played++) {
    if (!(await page.$('main[data-scene="Debrief"] button[data-focus="next"]'))) break;
    await page.keyboard.press('n');
    const next = await Promise.race([sceneIs(page, 'Role').then(() => 'Role'), sceneIs(page, 'Campaign').then(() => 'Campaign')]);
    if (next !== 'Role') break;
    await playLevel(page);
  }
  const heapLast = await heapMB(page);
  await browser.close();

  const row = (name: string, value: string, base: string, goal: string) =>
    console.log(`  ${name.padEnd(48)} ${value.padStart(16)}   ${base.padEnd(34)} ${goal}`);
  const gms = median(game.map((g) => g.ms));
  const ems = median(empty.map((g) => g.ms));
  console.log(
    `\nbench:client  ${new Date().toISOString()}  ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}  load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`  ${'measure'.padEnd(48)} ${'game'.padStart(16)}   ${'baseline (same run)'.padEnd(34)} goal`);
  row(
    'first-load JS, gzip',
    kb(phaserGz + ownGz),
    `Phaser alone ${kb(phaserGz)} (+${kb(ownGz)})`,
    `≤ Phaser + 60 kB ${ownGz <= 60 * 1024 ? 'met' : 'MISSED'}`,
  );
  row(
    'bytes fetched until the title is usable',
    kb(median(game.map((g) => g.bytes))),
    `empty Phaser page ${kb(median(empty.map((g) => g.bytes)))}`,
    '(as transferred by vite preview)',
  );
  row(
    `title usable, CPU 4x slower (median of ${runs})`,
    `${(gms / 1000).toFixed(2)} s`,
    `empty Phaser page ${(ems / 1000).toFixed(2)} s`,
    `ratio ${(gms / ems).toFixed(2)}x`,
  );
  const tp = p95(thinking);
  const ep = p95(emptyFrames);
  row(
    'frame time p95, table, player thinking (at rest)',
    `${tp.toFixed(1)} ms`,
    `empty Phaser scene ${ep.toFixed(1)} ms`,
    `≤ 1.2x: ${(tp / ep).toFixed(2)}x ${tp / ep <= 1.2 ? 'met' : 'MISSED'}`,
  );
  row(
    'table at rest (canvas asleep) after it opens',
    rested === null ? 'never' : `${rested.toFixed(1)} s`,
    '',
    rested === null ? 'the canvas never slept: the thinking window above is awake' : '',
  );
  row(
    'frame time p95, table, a move a second',
    `${p95(reacting).toFixed(1)} ms`,
    `empty Phaser scene ${ep.toFixed(1)} ms`,
    `${(p95(reacting) / ep).toFixed(2)}x`,
  );
  row(
    `heap after GC, after level 1 → after level ${played}`,
    `${heapFirst.toFixed(1)} → ${heapLast.toFixed(1)} MB`,
    `title ${heapTitle.toFixed(1)} MB`,
    `growth ≤ 10 MB: ${(heapLast - heapFirst).toFixed(1)} MB ${heapLast - heapFirst <= 10 ? 'met' : 'MISSED'}`,
  );
} finally {
  if (server?.pid) process.kill(server.pid, 'SIGTERM');
}
