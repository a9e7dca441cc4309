/** The classroom server's static files: the page marked as served by it, everything else as it is on disk. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSROOM_META, serveStatic } from '../../src/server/static';

const root = mkdtempSync(join(tmpdir(), 'borderlines-static-'));
const page = '<!doctype html><html><head><title>Borderlines</title></head><body>é</body></html>';
let server: Server;
let base = '';

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), page);
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'a.js'), 'export const a = "</head>";');
  server = createServer((req, res) => serveStatic(root, new URL(req.url ?? '/', 'http://x').pathname, req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the classroom server serving the game', () => {
  it('marks the page it serves, with its length counted in bytes, and leaves every other file as it is', async () => {
    for (const path of ['/', '/index.html']) {
      const r = await fetch(base + path);
      const body = await r.text();
      expect(body).toBe(page.replace('</head>', `${CLASSROOM_META}</head>`));
      expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(body));
      const head = await fetch(base + path, { method: 'HEAD' });
      expect(head.headers.get('content-length')).toBe(r.headers.get('content-length'));
    }
    expect(await (await fetch(`${base}/assets/a.js`)).text()).toBe('export const a = "</head>";');
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });
});
