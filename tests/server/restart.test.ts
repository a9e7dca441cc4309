/** Kill a real server process with SIGKILL mid-session, start it again: every acknowledged move is still there. */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bot, createSession } from './bots';
import { ALL_HUMAN, freePort, killed, startChild } from './setup';

const dataDir = mkdtempSync(join(tmpdir(), 'borderlines-restart-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) {
    c.kill('SIGKILL');
    await killed(c);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL and restart', { timeout: 120_000 }, () => {
  it('resumes every session at its last stored move, and students take their seats back', async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, RECONNECT_SECONDS: '30' };
    const base = `http://127.0.0.1:${port}`;
    const endpoint = `ws://127.0.0.1:${port}`;
    let child = await startChild(env);
    children.push(child);
    const created = await createSession(base, { level: 'smart_border_2001', controls: ALL_HUMAN, tables: 2, teamSize: 1 });
    const instructor = await new Bot(endpoint, created.code).join({ key: created.secret });
    const roles = ['washington', 'ottawa', 'quebec'];
    const students: Bot[] = [];
    for (const [i, role] of roles.entries()) {
      const s = await new Bot(endpoint, created.code).join({ name: `Student ${i + 1}` });
      s.send('pick', { table: 0, role });
      await s.until(() => s.you?.role === role, 5000, 'seat');
      students.push(s);
    }
    instructor.send('start');
    // Two full rounds, then one more move acknowledged just before the kill.
    for (let round = 1; round <= 2; round++) {
      for (const s of students) {
        await s.until(() => s.myTurn(), 10_000, 'turn');
        s.playOne();
      }
      for (const s of students) await s.until(() => (s.you?.view?.round ?? 0) > round, 10_000, 'round resolves');
    }
    const [first] = students;
    first.playOne();
    await first.until(() => !!first.you?.view?.chosen, 5000, 'acknowledged');
    const before = students.map((s) => ({
      round: s.you?.view?.round,
      log: s.you?.view?.log.length,
      chosen: s.you?.view?.chosen,
      indicators: s.you?.view?.indicators,
    }));
    // The untouched table, whose empty seats the AI plays, as a dashboard fresh from the server shows it.
    const table1 = (d: Bot['dashboard']) => {
      const t = d?.tables[1];
      return { round: t?.round, phase: t?.phase, seats: t?.seats, indicators: t?.indicators, moves: t?.moves };
    };
    const look = await new Bot(endpoint, created.code).join({ key: created.secret });
    await look.until(() => !!look.dashboard, 5000, 'dashboard before');
    const table1Before = table1(look.dashboard);

    child.kill('SIGKILL');
    await killed(child);
    for (const s of students) await s.until(() => s.left !== null, 10_000, 'connection dropped');

    child = await startChild(env);
    children.push(child);
    const back = await Promise.all(students.map((s) => new Bot(endpoint, created.code).join({ token: s.token })));
    for (const [i, s] of back.entries()) await s.until(() => s.you?.role === roles[i] && !!s.you?.view, 10_000, 'seat after restart');
    const after = back.map((s) => ({
      round: s.you?.view?.round,
      log: s.you?.view?.log.length,
      chosen: s.you?.view?.chosen,
      indicators: s.you?.view?.indicators,
    }));
    expect(after).toEqual(before);
    // The game goes on from there.
    const second = back[1];
    second.playOne();
    await second.until(() => !!second.you?.view?.chosen, 5000, 'plays on');
    const again = await new Bot(endpoint, created.code).join({ key: created.secret });
    await again.until(() => !!again.dashboard, 5000, 'dashboard');
    expect(table1(again.dashboard)).toEqual(table1Before);
    for (const b of [...back, again]) await b.leave();
  });
});
