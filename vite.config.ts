import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The classroom's libraries stay with the classroom chunk, out of the solo first load.
        manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : /node_modules\/(colyseus\.js|@colyseus|qrcode|dijkstrajs|pngjs|tslib|ws)\//.test(id) ? undefined : id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
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
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
