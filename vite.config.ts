import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { compiledLevels } from './scripts/vite-levels';
import { CSP_HEADER, CSP_META } from './src/csp';

export default defineConfig({
  base: './',
  plugins: [
    compiledLevels(),
    // The built page carries the policy (the dev server injects inline styles for hot reload, so not there).
    {
      name: 'borderlines-csp',
      apply: 'build',
      transformIndexHtml: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
      ],
    },
    // A Workbox service worker precaches every file of the build: a reload with no network plays.
    // 'prompt': a new version waits until the next start, or until the player asks (src/game/offline.ts).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,webm,mp3}'],
        // Phaser alone is 1.4 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Every asset a file of its own (cached on its own; no sound inlined into the code as a data: URL).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    // Phaser apart (it changes less often than the game); every other library goes with the screen that needs it.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : undefined) } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          // A budget for tests that play whole games: the machine is often shared, and a busy core is
          // ten or more times slower than a quiet one. A test that hangs still fails, after five minutes.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/setup.ts'],
          // Two files at a time, each in its own contexts of the one shared Chromium: a browser test spends
          // much of its time waiting on the page, so two of them fill the two cores of the machines.
          fileParallelism: true,
          maxWorkers: 2,
          // After the unit project (Vitest runs projects with different worker counts as ordered groups).
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
