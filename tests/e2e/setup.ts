/**
 * Builds the production bundle, serves it with Vite's preview server and starts the two Chromiums that the
 * browser tests connect to: one without WebGL (the game draws with Phaser's canvas renderer, as on a browser
 * whose GPU is blocklisted) for most files, one with it, as most players have, for the main play-through. The tests run against what players get, not the dev server. Each run builds
 * into its own directory and serves on a free port, so two runs on one machine do not collide.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { CSP_HEADER } from '../../src/csp';
import { CHROMIUM_ARGS, CHROMIUM_PATH, NO_WEBGL } from '../../scripts/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBase: string;
    e2eDist: string;
    e2eBrowser: string;
    e2eBrowserWebGL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'borderlines-e2e-'));
  // Vitest sets NODE_ENV=test, which Vite would keep: the build must be the production one players get
  // (with its service worker), not a test build.
  const build = spawnSync('./node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  // Both resolve once they are ready: the server is listening, the browser accepts connections.
  const [server, browser, webgl] = await Promise.all([
    // The build's own files and the policy header, as a host should serve them; the config file is the build's.
    preview({
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false, headers: { 'Content-Security-Policy': CSP_HEADER } },
    }),
    chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...NO_WEBGL, '--autoplay-policy=no-user-gesture-required'],
    }),
    chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    }),
  ]);
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  project.provide('e2eBase', `http://127.0.0.1:${address.port}`);
  project.provide('e2eDist', outDir);
  project.provide('e2eBrowser', browser.wsEndpoint());
  project.provide('e2eBrowserWebGL', webgl.wsEndpoint());
  return async () => {
    await Promise.all([browser.close(), webgl.close(), server.close()]);
    rmSync(outDir, { recursive: true, force: true });
  };
}
