/**
 * Builds the production bundle and serves it with `vite preview` for the browser tests, then stops
 * the server by its PID. The tests run against what players get, not the dev server. Each run builds
 * into its own directory and serves on a free port, so two runs on one machine do not collide.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBase: string;
    /** The build the preview serves, for tests that serve it another way (the classroom server). */
    e2eDist: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number, server: ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the preview server exited with code ${server.exitCode}`);
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

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'borderlines-e2e-'));
  const build = spawnSync('./node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await freePort();
  const server = spawn(
    './node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, 30000, server);
  project.provide('e2eBase', base);
  project.provide('e2eDist', outDir);
  return () => {
    if (server.pid && server.exitCode === null) process.kill(server.pid, 'SIGTERM');
    rmSync(outDir, { recursive: true, force: true });
  };
}
