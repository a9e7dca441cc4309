/**
 * `npm start`: builds the game if the build is missing or older than the sources, then serves it and
 * the classroom on one port. PORT (4173), HOST (0.0.0.0: students on the same network can reach it),
 * DATA_DIR (./data), REDIS_URL and PUBLIC_ADDRESS (several processes) come from the environment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './server';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildIfStale(): void {
  const index = join(dist, 'index.html');
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'levels')), statSync(join(root, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the game (dist/ is missing or older than the sources)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => (a as { address: string }).address);
}

if (process.env.SKIP_BUILD !== '1') buildIfStale();
const host = process.env.HOST ?? '0.0.0.0';
const running = await startServer({
  port: Number(process.env.PORT ?? 4173),
  host,
  dataDir: resolve(process.env.DATA_DIR ?? join(root, 'data')),
  distDir: existsSync(dist) ? dist : null,
  levelsDir: join(root, 'levels'),
  redisUrl: process.env.REDIS_URL,
  publicAddress: process.env.PUBLIC_ADDRESS,
  reconnectSeconds: process.env.RECONNECT_SECONDS ? Number(process.env.RECONNECT_SECONDS) : undefined,
});
console.log(`Borderlines is running.\n  On this computer:  http://localhost:${running.port}/`);
if (host === '0.0.0.0')
  for (const a of lanAddresses()) console.log(`  On your network:   http://${a}:${running.port}/   (students join here)`);
console.log(`  Classroom:         http://localhost:${running.port}/?classroom`);
console.log('Press Ctrl+C to stop.');

const stop = () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
