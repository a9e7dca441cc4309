/**
 * Bench: full-level playthroughs per second with the AI on every seat (one core, this process),
 * beside the engine alone (every seat passing) in the same run, AI decision time p50/p99, memory held per session, and what a server pays per seat after each event (the
 * first playerView and legalMoves of the new state, in microseconds).
 * Usage: npm run bench [-- levels/01-....yaml ...] [--seconds S] [--ai easy|normal|hard] [--json]
 * With no level given it measures every levels/*.yaml. Run with --expose-gc (npm run bench does) for
 * steadier memory figures.
 */
import os from 'node:os';
import { aiPolicy } from '../src/ai';
import { createSession, type Level, type Policy, roles, type Session } from '../src/engine';
import { difficultyOrExit, levelFiles, readLevelOrExit } from './files';
import { argsOrExit } from './args';

/** Issue 13's aims: an AI decision well inside a frame, and at least 1,000 full-level playthroughs a second. */
const AIM_P99_MS = 20;
const AIM_GAMES_PER_SECOND = 1000;

const { values, positionals } = argsOrExit(
  'npm run bench [-- levels...] [--seconds S] [--ai easy|normal|hard] [--json]',
  'Measures full-level playthroughs per second with the AI on every seat, AI decision time and memory per session.',
  {
    seconds: { type: 'string', default: '1.5', description: 'CPU seconds of play per level (and as many per level to warm up)' },
    ai: { type: 'string', default: 'normal', description: 'the AI on every seat: easy, normal or hard' },
    json: { type: 'boolean', default: false, description: 'print JSON as well as the table' },
  },
  { positionals: true },
);
const seconds = Number(values.seconds);
if (!(seconds > 0)) {
  console.error(`--seconds takes a positive number, not "${values.seconds}"`);
  process.exit(2);
}
const difficulty = difficultyOrExit(values.ai);
const files = levelFiles(positionals);

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * A stopwatch of this process's own CPU time, in seconds. Every phase runs for a budget of CPU time, not of wall
 * clock: on a loaded machine a wall-clock window held a handful of games, whose rate said more about the load
 * than the code (the same code gave 65 and 185 games per CPU second with windows of 2 and 6 s of wall clock).
 */
function cpuClock(): () => number {
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
}

function session(level: Level, seed: number, policy: Policy): Session {
  const rs = roles(level);
  return createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, policy])),
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Result {
  level: string;
  playthroughsPerSecond: number;
  /** The same per second of this process's own CPU time: steadier when other work shares the cores. */
  playthroughsPerCpuSecond: number;
  /** The baseline: games per CPU second with every seat passing, the engine's cost with no AI (every round played). */
  passOnlyPerCpuSecond: number;
  /** Events per pass-only game (START and every seat's move each round): what the baseline pays for. */
  passOnlyEvents: number;
  decisionsPerGame: number;
  decisionMs: { p50: number; p99: number; max: number };
  /** Share of a playthrough's time spent inside the AI's decisions (the rest is the engine). */
  aiShareOfTime: number;
  kbPerSession: number | null;
  /** What a server pays per seat after each event: the first playerView(role) and legalMoves(role) of a new state, in microseconds. */
  seatRefreshUs: { view: number; legal: number };
}

/**
 * Play every level for a while first (as much CPU time as each is measured for, levels in turn), so that no level
 * is measured while the JIT is still compiling, then
 * collect the warm-up's garbage: sessions are stopped as the measured ones are, so the first level measured
 * does not pay for the others' leftovers (it used to come out at about half speed).
 */
function warmUp(levels: Level[]): void {
  const policy = aiPolicy(difficulty);
  const cpu = cpuClock();
  for (let seed = 1; cpu() < seconds * levels.length; seed++) {
    for (const level of levels) {
      const s = session(level, seed, policy);
      s.start();
      s.stop();
    }
  }
  gc?.();
}

function bench(level: Level): Result {
  const policy = aiPolicy(difficulty);
  gc?.();

  // 1. Playthroughs per second, the AI on every seat.
  let games = 0;
  const t0 = performance.now();
  const cpu = cpuClock();
  while (cpu() < seconds) {
    const s = session(level, 1000 + games, policy);
    s.start();
    s.stop();
    games++;
  }
  const rate = (games * 1000) / (performance.now() - t0);
  // CPU time this process spent: on a shared machine, wall-clock rates fall with the load, this one much less.
  const cpuRate = games / cpu();

  // 1b. The baseline in the same run: the engine alone, every seat passing (no AI to pay for, every round played).
  const passing: Policy = () => ({ id: 'pass' });
  let passGames = 0;
  let passEvents = 0;
  const cpuPass = cpuClock();
  while (cpuPass() < seconds / 2) {
    const s = session(level, 3000 + passGames, passing);
    s.start();
    passEvents += s.events.length;
    s.stop();
    passGames++;
  }
  const passRate = passGames / cpuPass();

  // 2. Time per AI decision (the policy alone, not the engine around it).
  const times: number[] = [];
  const timed: Policy = (view, legal, random) => {
    const a = performance.now();
    const move = policy(view, legal, random);
    times.push(performance.now() - a);
    return move;
  };
  const t1 = performance.now();
  const cpu2 = cpuClock();
  let timedGames = 0;
  while (cpu2() < seconds / 2) {
    session(level, 5000 + timedGames, timed).start();
    timedGames++;
  }
  const elapsed = performance.now() - t1;
  const aiShare = times.reduce((a, b) => a + b, 0) / elapsed;
  times.sort((a, b) => a - b);

  // 3. Memory held by finished sessions kept alive (a classroom server keeps one per table).
  let kb: number | null = null;
  if (gc) {
    const keep: Session[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) {
      const s = session(level, 9000 + i, policy);
      s.start();
      keep.push(s);
    }
    gc();
    kb = Math.round((process.memoryUsage().heapUsed - before) / keep.length / 1024);
    keep.length = 0;
  }
  // 4. A server's refresh after every event: each seat's view and legal moves of the new state (a session of its own, so the
  // AI's own asks do not warm them).
  let viewUs = 0;
  let legalUs = 0;
  let refreshes = 0;
  const cpu4 = cpuClock();
  for (let g = 0; cpu4() < seconds / 4; g++) {
    const s = session(level, 7000 + g, policy);
    const rs = roles(level);
    s.subscribe(() => {
      for (const r of rs) {
        const a = performance.now();
        s.playerView(r);
        const b = performance.now();
        s.legalMoves(r);
        viewUs += b - a;
        legalUs += performance.now() - b;
        refreshes++;
      }
    });
    s.start();
    s.stop();
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    level: level.id,
    playthroughsPerSecond: Math.round(rate),
    playthroughsPerCpuSecond: Math.round(cpuRate),
    passOnlyPerCpuSecond: Math.round(passRate),
    passOnlyEvents: Math.round(passEvents / Math.max(1, passGames)),
    decisionsPerGame: Math.round(times.length / Math.max(1, timedGames)),
    decisionMs: { p50: r3(percentile(times, 50)), p99: r3(percentile(times, 99)), max: r3(times[times.length - 1] ?? 0) },
    aiShareOfTime: Math.round(aiShare * 100) / 100,
    kbPerSession: kb,
    seatRefreshUs: {
      view: Math.round((viewUs * 1000) / Math.max(1, refreshes)),
      legal: Math.round((legalUs * 1000) / Math.max(1, refreshes)),
    },
  };
}

const levels = files.map(readLevelOrExit);
warmUp(levels);
const results = levels.map(bench);
const report = {
  ai: difficulty,
  node: process.version,
  /** Other work on the machine inflates wall-clock figures: read them against the load. */
  loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  cores: os.cpus().length,
  secondsPerLevel: seconds,
  gcExposed: gc !== undefined,
  results,
  aims: {
    decisionP99UnderMs: AIM_P99_MS,
    playthroughsPerSecondAtLeast: AIM_GAMES_PER_SECOND,
    met: results.every((r) => r.decisionMs.p99 < AIM_P99_MS && r.playthroughsPerSecond >= AIM_GAMES_PER_SECOND),
  },
};
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `AI (${difficulty}) on every seat, one core, Node ${process.version}, load average ${report.loadAverage} on ${report.cores} cores\n`,
  );
  console.log(
    `${'level'.padEnd(28)}${'games/s'.padStart(9)}${'per CPU s'.padStart(11)}${'pass-only'.padStart(11)}${'moves/game'.padStart(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'KB/session'.padStart(12)}${'AI share'.padStart(10)}${'view µs'.padStart(9)}${'legal µs'.padStart(10)}`,
  );
  for (const r of results) {
    console.log(
      `${r.level.padEnd(28)}${String(r.playthroughsPerSecond).padStart(9)}${String(r.playthroughsPerCpuSecond).padStart(11)}${String(r.passOnlyPerCpuSecond).padStart(11)}${String(r.decisionsPerGame).padStart(12)}${r.decisionMs.p50.toFixed(3).padStart(9)}${r.decisionMs.p99.toFixed(3).padStart(9)}${r.decisionMs.max.toFixed(3).padStart(9)}${String(r.kbPerSession ?? 'n/a').padStart(12)}${`${Math.round(r.aiShareOfTime * 100)}%`.padStart(10)}${String(r.seatRefreshUs.view).padStart(9)}${String(r.seatRefreshUs.legal).padStart(10)}`,
    );
  }
  console.log(
    '\npass-only: the baseline, the same level with every seat passing, games per CPU second: the engine alone, with no AI to pay for, every round played to the deadline (an AI game that agrees early plays fewer).',
  );
  console.log(`\nAims (p99 < ${AIM_P99_MS} ms, >= ${AIM_GAMES_PER_SECOND} games/s on every level): ${report.aims.met ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify(report));
}
