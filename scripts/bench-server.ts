/**
 * `npm run bench:server`: starts the classroom server as its own process, fills it with real
 * WebSocket clients on loopback (sessions of 10 tables of three students and an instructor), plays
 * every table to its debrief, and prints the students held, the pace driven, the move round-trip
 * (p50/p99) beside a baseline (a message the room answers without the engine), and the server's CPU
 * (per move and per table) and memory per table (read from /proc, so Linux only).
 * The pace: each student, once it is their turn, thinks a random time (uniform, 0.5 to 1.5 times the
 * mean) before moving. The default mean, 3 s, is a brisk class (people reading a negotiation take tens
 * of seconds); --stress thinks 400 ms, several times faster than any class, to find the server's limit.
 * Usage: npm run bench:server [-- --tables 100] [--stress | --think MS]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot as BotType } from '../tests/server/bots';
import { argsOrExit } from './args';

const { values } = argsOrExit(
  'npm run bench:server [-- --tables N] [--stress | --think MS]',
  'Plays N tables of real WebSocket students against a classroom server process; prints students held, the pace, move round-trip p50/p99 beside a baseline, and server CPU per move and memory per table.',
  {
    tables: { type: 'string', default: '100', description: 'tables to fill (sessions of 10 tables of three students)' },
    think: { type: 'string', description: "a student's mean think time before each move, in ms (default 3000: a brisk class)" },
    stress: { type: 'boolean', description: 'a stress pace: think 400 ms, several times faster than a class' },
    'cpu-prof': { type: 'string', description: "write the server's CPU profile (node --cpu-prof) into this folder" },
  },
);
// The clients and the server come after the arguments, so --help answers at once.
const { Bot, createSession } = await import('../tests/server/bots');
const { freePort, killed, startChild } = await import('../tests/server/setup');
const TABLES = Number(values.tables);
const THINK = values.think !== undefined ? Number(values.think) : values.stress ? 400 : 3000;
const PER_SESSION = 10;
const ROLES = ['washington', 'ottawa', 'quebec'];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
};

function usage(pid: number): { cpu: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  return { cpu: ticks / 100, rss };
}

const dataDir = mkdtempSync(join(tmpdir(), 'borderlines-bench-'));
const port = await freePort();
const profileDir = values['cpu-prof'];
const child = await startChild({ PORT: String(port), DATA_DIR: dataDir }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
const pid = child.pid as number;
const base = `http://127.0.0.1:${port}`;
const endpoint = `ws://127.0.0.1:${port}`;

try {
  const idle = usage(pid);
  const students: BotType[] = [];
  const instructors: BotType[] = [];
  for (let made = 0; made < TABLES; made += PER_SESSION) {
    const tables = Math.min(PER_SESSION, TABLES - made);
    const created = await createSession(base, {
      level: 'smart_border_2001',
      controls: { washington: 'human', ottawa: 'human', quebec: 'human' },
      tables,
      teamSize: 1,
    });
    instructors.push(await new Bot(endpoint, created.code).join({ key: created.secret }));
    for (let t = 0; t < tables; t++)
      for (const role of ROLES) {
        const s = await new Bot(endpoint, created.code).join({ name: `T${t + 1} ${role}` });
        s.send('pick', { table: t, role });
        students.push(s);
      }
  }
  await Promise.all(students.map((s) => s.until(() => !!s.you?.role, 600_000, 'seated')));
  const seated = usage(pid);

  // Baseline: a message the room refuses at once (a confirmation with no proposal): transport and room, no engine.
  const baseline: number[] = [];
  for (const s of students.slice(0, 100)) {
    const before = s.refusals.length;
    const t0 = performance.now();
    s.send('confirm');
    await s.until(() => s.refusals.length > before, 10_000, 'baseline refusal');
    baseline.push(performance.now() - t0);
  }

  for (const i of instructors) i.send('start');
  const start = usage(pid);
  const driverStart = process.cpuUsage();
  const t0 = performance.now();
  const trips: number[] = [];
  await Promise.all(
    students.map(async (s) => {
      for (;;) {
        await s.until(() => s.myTurn() || s.you?.view?.phase === 'debrief', 600_000, 'turn');
        if (s.you?.view?.phase === 'debrief') return;
        await pause(THINK * (0.5 + Math.random()));
        const round = s.you?.view?.round;
        const sent = performance.now();
        s.playOne();
        await s.until(
          () => !!s.you?.view?.chosen || s.you?.view?.round !== round || s.you?.view?.phase === 'debrief',
          600_000,
          'move answered',
        );
        trips.push(performance.now() - sent);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const end = usage(pid);
  const driver = process.cpuUsage(driverStart);
  for (const b of [...students, ...instructors]) await b.leave().catch(() => undefined);

  const f = (n: number) => n.toFixed(1);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `held: ${TABLES} tables in ${instructors.length} sessions, ${students.length} students + ${instructors.length} instructors connected at once`,
  );
  console.log(
    `baseline round-trip (refused at once, no engine): p50 ${f(percentile(baseline, 50))} ms, p99 ${f(percentile(baseline, 99))} ms (${baseline.length} messages)`,
  );
  console.log(
    `pace: each student thinks ${THINK / 2}-${(THINK * 3) / 2} ms (mean ${THINK} ms) once it is their turn; played ${f(trips.length / wall)} moves/s in all, ${(trips.length / wall / TABLES).toFixed(2)} moves/s per table`,
  );
  console.log(
    `move round-trip (validated, stored, views sent): p50 ${f(percentile(trips, 50))} ms, p99 ${f(percentile(trips, 99))} ms (${trips.length} moves in ${f(wall)} s)`,
  );
  const cpu = end.cpu - start.cpu;
  console.log(
    `server CPU while playing: ${f((cpu / wall) * 100)}% of one core, ${f(((cpu / wall) * 100) / TABLES)}% per table; ${((cpu * 1000) / trips.length).toFixed(2)} ms of CPU per move (so one core would serve about ${Math.floor(trips.length / cpu)} moves/s)`,
  );
  console.log(
    `this driver's own CPU while playing (${students.length + instructors.length} clients in one process, on the same cores): ${f(((driver.user + driver.system) / 1e6 / wall) * 100)}% of one core`,
  );
  console.log(
    `server memory: ${f(idle.rss / 2 ** 20)} MB idle, ${f(seated.rss / 2 ** 20)} MB seated, ${f(end.rss / 2 ** 20)} MB after play; ${f((end.rss - idle.rss) / 2 ** 20 / TABLES)} MB per table`,
  );
} finally {
  // A profiled server stops cleanly, so that Node writes its profile.
  child.kill(profileDir ? 'SIGTERM' : 'SIGKILL');
  await killed(child);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
