/**
 * npm run bench:client — the browser game's cost: the built bundle's size (raw and gzip, Phaser apart
 * from our code) and the frame time (median, p95) while the negotiation table animates, beside an
 * empty Phaser scene measured in the same run. Prints figures; asserts nothing about speed.
 * Options: --no-build (measure the existing dist/), --seconds N (per measurement, default 6).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { argsOrExit } from './args';

const { values } = argsOrExit('npm run bench:client [-- --no-build] [--seconds N]', 'Prints the built bundle size and the frame time in headless Chromium beside an empty Phaser scene.', {
  'no-build': { type: 'boolean', default: false, description: 'measure the existing dist/ instead of building' },
  seconds: { type: 'string', default: '6', description: 'seconds per measurement' },
});
const seconds = Number(values.seconds) || 6;
const PORT = 4319;
const BASE = `http://127.0.0.1:${PORT}`;

if (!values['no-build']) {
  const r = spawnSync('./node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const groups: Record<string, { raw: number; gzip: number; files: number }> = {};
const add = (group: string, file: string) => {
  const data = readFileSync(file);
  if (!groups[group]) groups[group] = { raw: 0, gzip: 0, files: 0 };
  const g = groups[group];
  g.raw += data.length;
  g.gzip += gzipSync(data, { level: 9 }).length;
  g.files++;
};
const assets = 'dist/assets';
for (const f of readdirSync(assets)) {
  const path = join(assets, f);
  if (!statSync(path).isFile()) continue;
  if (f.endsWith('.js')) add(f.startsWith('phaser') ? 'phaser (js)' : f.startsWith('vendor') ? 'other libraries (js: xstate, zod, i18next, yaml, howler)' : 'our code (js: engine, levels, ai, game)', path);
  else if (f.endsWith('.css')) add('styles (css)', path);
  else if (/\.(woff2?|ttf)$/.test(f)) add('font', path);
  else if (/\.(wav|ogg|mp3)$/.test(f)) add('audio', path);
  else add('other', path);
}
add('index.html', 'dist/index.html');
console.log('Bundle (dist/)');
for (const [name, g] of Object.entries(groups)) console.log(`  ${name.padEnd(58)} ${kb(g.raw).padStart(10)} raw  ${kb(g.gzip).padStart(10)} gzip  (${g.files} file${g.files === 1 ? '' : 's'})`);

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

/** rAF intervals over a window of time, in the page. */
async function frames(page: Page, ms: number, poke?: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's helpers would not exist in the page.
  const run = page.evaluate(`new Promise((resolve) => {
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
  if (poke) await poke();
  return run;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, median: at(0.5), p95: at(0.95) };
};

let server: ChildProcess | undefined;
try {
  server = spawn('./node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  await waitFor(`${BASE}/`, 30000);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

  await page.goto(`${BASE}/?bench-empty`);
  await page.waitForSelector('canvas');
  await page.waitForTimeout(1000);
  const empty = stats(await frames(page, seconds * 1000));

  await page.goto(`${BASE}/?e2e`);
  await page.waitForSelector('main[data-scene="Title"] h1');
  await page.keyboard.press('l');
  await page.waitForSelector('main[data-scene="Campaign"] button[data-focus^="play-"]');
  await page.focus('main[data-scene="Campaign"] button[data-focus^="play-"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-scene="Role"] h1');
  await page.keyboard.press('2');
  await page.waitForSelector('main[data-scene="Briefing"] h1');
  await page.keyboard.press('g');
  await page.waitForSelector('main[data-scene="Table"] h1');
  await page.waitForTimeout(1000);
  // Play a round every second so meters, seats and the feed animate while frames are counted.
  const table = stats(
    await frames(page, seconds * 1000, async () => {
      for (let i = 0; i < Math.min(5, seconds - 1); i++) {
        await page.waitForTimeout(1000);
        await page.keyboard.press('w');
      }
    }),
  );
  await browser.close();
  const line = (name: string, s: ReturnType<typeof stats>) => `  ${name.padEnd(58)} median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  (${s.n} frames)`;
  console.log(`\nFrame time, 1280x720, headless Chromium (software WebGL), ${seconds} s each`);
  console.log(line('empty Phaser scene', empty));
  console.log(line('negotiation table, animating', table));
} finally {
  if (server?.pid) process.kill(server.pid, 'SIGTERM');
}
