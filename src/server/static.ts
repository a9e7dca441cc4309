/**
 * Serves the built game from dist/: files by extension, never outside the folder, index.html for "/" (marked as
 * served by the classroom server).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CSP_HEADER } from '../csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.webm': 'audio/webm',
  '.wav': 'audio/wav',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || relative.includes('\0')) {
    res.writeHead(404).end();
    return;
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const page = relative === 'index.html' ? Buffer.from(readFileSync(file, 'utf8').replace('</head>', `${CLASSROOM_META}</head>`)) : null;
  if (page) size = page.length;
  // Hashed assets never change; the page itself is checked on every visit.
  const cache = relative.startsWith('assets') ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    'content-type': type,
    'content-length': size,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP_HEADER,
  });
  if (req.method === 'HEAD') res.end();
  else if (page) res.end(page);
  else createReadStream(file).pipe(res);
}

/** What the page learns from being served by this server and not a static host: it may offer to join or run a class. */
export const CLASSROOM_META = '<meta name="borderlines-classroom" content="yes">';
