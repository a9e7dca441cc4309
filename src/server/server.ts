/**
 * The classroom server: one HTTP port serves the built game (dist/), a small JSON API to create a
 * session, and the Colyseus rooms over WebSocket. Unfinished sessions are rebuilt from the store when
 * it starts. With REDIS_URL, several processes share rooms through Colyseus's Redis presence and driver.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { matchMaker, type Presence, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { roles } from '../engine';
import { loadLevel } from '../levels/load';
import { formatLevelError } from '../levels/result';
import type { Level } from '../levels/schema';
import type { ClassSettings } from './classroom';
import { CreateRequest } from './protocol';
import { ClassroomRoom, configureRooms } from './room';
import { serveStatic } from './static';
import { openStore, type Store, type StoredSession } from './store';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** The built game; the API and rooms work without it. */
  distDir: string | null;
  levelsDir: string;
  reconnectSeconds?: number;
  /** Share rooms with other processes through Redis (e.g. redis://127.0.0.1:6379). */
  redisUrl?: string;
  /** The address clients reach this process at, when several processes serve one address. */
  publicAddress?: string;
}

export interface Running {
  http: HttpServer;
  port: number;
  store: Store;
  close(): Promise<void>;
}

/** Largest WebSocket message accepted; a move is well under 1 KB. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
const MAX_BODY_BYTES = 600 * 1024;
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCode(): string {
  return Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
}

export function campaignLevels(dir: string): Map<string, Level> {
  const out = new Map<string, Level>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const r = loadLevel(readFileSync(join(dir, file), 'utf8'), `levels/${file}`);
    if (r.ok) out.set(r.value.id, r.value);
  }
  return out;
}

async function scaleOut(redisUrl: string): Promise<{ presence: Presence; driver: matchMaker.MatchMakerDriver }> {
  const { RedisPresence } = await import('@colyseus/redis-presence');
  const { RedisDriver } = await import('@colyseus/redis-driver');
  return { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl) };
}

export async function startServer(options: ServerOptions): Promise<Running> {
  const store = openStore(options.dataDir);
  const campaign = campaignLevels(options.levelsDir);
  const uploaded = new Map<string, Level>();
  const levelOf = (s: StoredSession): Level | null => {
    if (!s.levelSource) return campaign.get(s.settings.level) ?? null;
    const cached = uploaded.get(s.code);
    if (cached) return cached;
    const r = loadLevel(s.levelSource, 'scenario.yaml');
    if (!r.ok) return null;
    uploaded.set(s.code, r.value);
    return r.value;
  };
  configureRooms({ store, levelOf, reconnectSeconds: options.reconnectSeconds ?? 90 });

  const http = createHttpServer((req, res) => {
    handle(req, res).catch((e) => reply(res, 500, { error: String((e as Error).message) }));
  });
  const shared = options.redisUrl ? await scaleOut(options.redisUrl) : {};
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    greet: false,
    gracefullyShutdown: false,
    publicAddress: options.publicAddress,
    // A session's room lives in the process that stored it (its store is that process's).
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    ...shared,
  });
  gameServer.define('classroom', ClassroomRoom);

  async function create(body: unknown): Promise<{ status: number; body: unknown }> {
    const parsed = CreateRequest.safeParse(body);
    if (!parsed.success) return { status: 400, body: { errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) } };
    const req = parsed.data;
    let level: Level | undefined;
    if (req.yaml !== undefined) {
      const r = loadLevel(req.yaml, 'scenario.yaml');
      if (!r.ok) return { status: 400, body: { errors: r.errors.map(formatLevelError) } };
      level = r.value;
    } else level = campaign.get(req.level ?? '');
    if (!level) return { status: 400, body: { errors: [`no level "${req.level ?? ''}"`] } };
    const rs = roles(level);
    const controls = Object.fromEntries(rs.map((r) => [r, req.controls[r] === 'ai' ? 'ai' : 'human'])) as ClassSettings['controls'];
    if (!rs.some((r) => controls[r] === 'human'))
      return { status: 400, body: { errors: ['at least one role must be played by students'] } };
    const settings: ClassSettings = {
      level: level.id,
      controls,
      tables: req.tables,
      teamSize: req.teamSize,
      difficulty: req.difficulty,
      pick: req.pick,
      seed: randomInt(2 ** 31),
    };
    const session: StoredSession = {
      code: newCode(),
      secret: randomBytes(24).toString('base64url'),
      settings,
      levelSource: req.yaml ?? null,
      created: Date.now(),
    };
    store.create(session);
    await matchMaker.createRoom('classroom', { code: session.code });
    return { status: 201, body: { code: session.code, secret: session.secret } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/levels' && req.method === 'GET') {
      return reply(
        res,
        200,
        [...campaign.values()].map((l) => ({
          id: l.id,
          title: l.title,
          date: l.date,
          roles: roles(l).map((r) => ({ id: r, name: l.actors[r].name })),
        })),
      );
    }
    if (url.pathname === '/api/sessions' && req.method === 'POST') {
      const body = await readBody(req);
      if (body === undefined) return reply(res, 413, { errors: ['the request is too large'] });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply(res, 400, { errors: ['the request is not JSON'] });
      }
      const r = await create(json);
      return reply(res, r.status, r.body);
    }
    if (options.distDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(options.distDir, url.pathname, req, res);
    reply(res, 404, { error: 'not found' });
  }

  await gameServer.listen(options.port, options.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  for (const s of store.unfinished()) {
    const level = levelOf(s);
    if (!level) continue;
    if ((await matchMaker.query({ roomId: s.code })).length > 0) continue;
    await matchMaker.createRoom('classroom', { code: s.code });
  }

  return {
    http,
    port,
    store,
    async close() {
      await gameServer.gracefullyShutdown(false);
      store.close();
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
