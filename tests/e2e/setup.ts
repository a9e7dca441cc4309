/**
 * Builds the production bundle and serves it with `vite preview` for the browser tests, then stops
 * the server by its PID. The tests run against what players get, not the dev server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

const PORT = 4311;
let server: ChildProcess | undefined;

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

export default async function setup(): Promise<() => void> {
  const build = spawnSync('./node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  server = spawn('./node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  process.env.E2E_BASE = `http://127.0.0.1:${PORT}`;
  await waitFor(`http://127.0.0.1:${PORT}/`, 30000);
  return () => {
    if (server?.pid) process.kill(server.pid, 'SIGTERM');
  };
}
