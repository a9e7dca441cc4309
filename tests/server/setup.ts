/** Starts a classroom server in this process on a free loopback port, with its own data folder. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot, createSession } from './bots';
import { type Running, startServer } from '../../src/server/server';

export interface TestServer {
  running: Running;
  base: string;
  endpoint: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function testServer(options: { reconnectSeconds?: number } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'borderlines-classroom-'));
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: null,
    levelsDir: 'levels',
    reconnectSeconds: options.reconnectSeconds ?? 5,
  });
  return {
    running,
    base: `http://127.0.0.1:${running.port}`,
    endpoint: `ws://127.0.0.1:${running.port}`,
    dataDir,
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ALL_HUMAN = { washington: 'human', ottawa: 'human', quebec: 'human' };

/** A session of level 01 with an instructor and three students seated one per role at table 1. */
export async function seatedClass(server: { base: string; endpoint: string }, settings: Record<string, unknown> = {}) {
  const created = await createSession(server.base, {
    level: 'smart_border_2001',
    controls: ALL_HUMAN,
    tables: 1,
    teamSize: 1,
    ...settings,
  });
  const instructor = await new Bot(server.endpoint, created.code).join({ key: created.secret });
  const names = ['Ana', 'Ben', 'Chloé'];
  const roles = ['washington', 'ottawa', 'quebec'];
  const students: Bot[] = [];
  for (const [i, name] of names.entries()) {
    const s = await new Bot(server.endpoint, created.code).join({ name });
    await s.until(() => !!s.you, 5000, 'first view');
    s.send('pick', { table: 0, role: roles[i] });
    await s.until(() => s.you?.role === roles[i], 5000, `seat ${roles[i]}`);
    students.push(s);
  }
  return { created, instructor, students };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start `npm start`'s server as a child process (with Node's own flags, e.g. `--cpu-prof`) and resolve once it prints its address. */
export function startChild(env: Record<string, string>, nodeFlags: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, SKIP_BUILD: '1', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Borderlines is running')) resolve(child);
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

export const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
