/** Two server processes sharing Redis serve one session: students matched through either process play at one table. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bot, createSession } from './bots';
import { ALL_HUMAN, freePort, killed, startChild } from './setup';

function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    redis.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve(redis);
    });
    redis.once('error', reject);
    redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const c of children.reverse()) {
    c.kill('SIGKILL');
    await killed(c);
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('scale-out with Redis', { timeout: 120_000 }, () => {
  it('serves one session to students who reached either of two processes', async () => {
    const redisPort = await freePort();
    children.push(await startRedis(redisPort));
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      const dataDir = mkdtempSync(join(tmpdir(), 'borderlines-redis-'));
      dirs.push(dataDir);
      children.push(
        await startChild({
          PORT: String(port),
          DATA_DIR: dataDir,
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        }),
      );
    }
    const [a, b] = ports.map((p) => ({ base: `http://127.0.0.1:${p}`, endpoint: `ws://127.0.0.1:${p}` }));
    const created = await createSession(a.base, { level: 'smart_border_2001', controls: ALL_HUMAN, tables: 1, teamSize: 1 });
    const instructor = await new Bot(b.endpoint, created.code).join({ key: created.secret });
    const students: Bot[] = [];
    for (const [i, role] of ['washington', 'ottawa', 'quebec'].entries()) {
      // Alternate the process each student's matchmaking request reaches.
      const s = await new Bot((i % 2 === 0 ? a : b).endpoint, created.code).join({ name: `Student ${i + 1}` });
      s.send('pick', { table: 0, role });
      await s.until(() => s.you?.role === role, 10_000, 'seat');
      students.push(s);
    }
    await instructor.until(() => instructor.dashboard?.students.length === 3, 10_000, 'three students on one dashboard');
    instructor.send('start');
    for (const s of students) {
      await s.until(() => s.myTurn(), 10_000, 'turn');
      s.playOne();
    }
    // The round resolves only when all three moves reached the same engine.
    for (const s of students)
      await s.until(() => (s.you?.view?.round ?? 0) >= 2 || s.you?.view?.phase === 'debrief', 10_000, 'round resolved');
    expect(new Set(students.map((s) => s.you?.view?.round))).toEqual(new Set([students[0].you?.view?.round]));
    for (const x of [instructor, ...students]) await x.leave();
  });
});
