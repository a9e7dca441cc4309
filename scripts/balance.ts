/**
 * Balance: play many seeded games per level x role x player strategy, with the AI on every other seat,
 * and report win rates and move usage.
 * Usage: npm run balance [-- levels/01-....yaml ...] [--games N] [--ai easy|normal|hard] [--json]
 * With no level given it plays every levels/*.yaml. Writes reports/balance.json (or prints JSON with --json).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aiPolicy, type Difficulty } from '../src/ai';
import { PLAYERS, STRATEGIES, type Strategy } from '../src/ai/players';
import { createSession, type Level, type Policy, roles } from '../src/engine';
import { movesFor } from '../src/engine/catalog';
import { readLevelOrExit } from './files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { games: { type: 'string', default: '40' }, ai: { type: 'string', default: 'normal' }, json: { type: 'boolean', default: false } },
});
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) {
  console.error(`--games takes a whole number above 0, not "${values.games}"`);
  process.exit(2);
}
const ai = values.ai as Difficulty;
if (!['easy', 'normal', 'hard'].includes(ai)) {
  console.error(`--ai takes easy, normal or hard, not "${values.ai}"`);
  process.exit(2);
}
const files = positionals.length
  ? positionals
  : readdirSync('levels')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join('levels', f));

interface Game {
  won: boolean;
  score: number;
  agreement: boolean;
  moves: string[];
}

function play(level: Level, seat: string, player: Policy, seed: number): Game {
  const rs = roles(level);
  const others = aiPolicy(ai);
  const session = createSession(level, {
    seed,
    controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
    policies: Object.fromEntries(rs.map((r) => [r, r === seat ? player : others])),
  });
  session.start();
  const ctx = session.context();
  session.stop();
  const score = ctx.outcome?.scores[seat];
  return {
    won: score?.won ?? false,
    score: score?.score ?? 0,
    agreement: ctx.outcome?.kind === 'agreement',
    moves: ctx.log.filter((e) => e.type === 'move' && e.actor === seat && e.move).map((e) => e.move?.id as string),
  };
}

interface Row {
  level: string;
  file: string;
  role: string;
  strategy: Strategy | 'ai';
  games: number;
  winRate: number;
  meanScore: number;
  agreementRate: number;
  /** Share of this seat's moves, by move id, over all games. */
  moveUsage: Record<string, number>;
  /** Share of winning games in which each move was made at least once. */
  inWins: Record<string, number>;
}

const TABLE_MOVES = new Set(['propose', 'accept', 'reject', 'pass']);

function summarise(level: Level, file: string, role: string, strategy: Row['strategy'], list: Game[]): Row {
  const usage: Record<string, number> = {};
  let total = 0;
  for (const g of list)
    for (const m of g.moves) {
      usage[m] = (usage[m] ?? 0) + 1;
      total++;
    }
  const wins = list.filter((g) => g.won);
  const inWins: Record<string, number> = {};
  for (const g of wins) for (const m of new Set(g.moves)) inWins[m] = (inWins[m] ?? 0) + 1;
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 1000);
  return {
    level: level.id,
    file,
    role,
    strategy,
    games: list.length,
    winRate: share(wins.length, list.length),
    meanScore: Math.round((10 * list.reduce((s, g) => s + g.score, 0)) / list.length) / 10,
    agreementRate: share(list.filter((g) => g.agreement).length, list.length),
    moveUsage: Object.fromEntries(Object.entries(usage).sort((a, b) => b[1] - a[1]).map(([m, n]) => [m, share(n, total)])),
    inWins: Object.fromEntries(Object.entries(inWins).sort((a, b) => b[1] - a[1]).map(([m, n]) => [m, share(n, wins.length)])),
  };
}

interface Finding {
  level: string;
  role: string;
  kind: 'unwinnable' | 'random_wins' | 'dominant_move';
  detail: string;
}

const started = performance.now();
const rows: Row[] = [];
const findings: Finding[] = [];
for (const file of files) {
  const level = readLevelOrExit(file);
  for (const role of roles(level)) {
    const byStrategy: Partial<Record<Strategy, Game[]>> = {};
    for (const strategy of STRATEGIES) {
      const list = Array.from({ length: games }, (_, i) => play(level, role, PLAYERS[strategy], i + 1));
      byStrategy[strategy] = list;
      rows.push(summarise(level, file, role, strategy, list));
    }
    rows.push(summarise(level, file, role, 'ai', Array.from({ length: games }, (_, i) => play(level, role, aiPolicy(ai), i + 1))));
    const mine = rows.filter((r) => r.level === level.id && r.role === role);
    const sensible = mine.filter((r) => r.strategy === 'greedy' || r.strategy === 'literature');
    if (Math.max(...sensible.map((r) => r.winRate)) < 0.5) {
      findings.push({ level: level.id, role, kind: 'unwinnable', detail: `best sensible win rate ${Math.max(...sensible.map((r) => r.winRate))}` });
    }
    const random = mine.find((r) => r.strategy === 'random');
    if (random && random.winRate > 0.25) findings.push({ level: level.id, role, kind: 'random_wins', detail: `random play wins ${random.winRate}` });
    // A move dominates when games that use it are nearly always won and games without it nearly never.
    const pooled = Object.values(byStrategy).flat();
    const strategic = movesFor(level, role).map((m) => m.id).filter((m) => !TABLE_MOVES.has(m));
    for (const m of strategic) {
      const withM = pooled.filter((g) => g.moves.includes(m));
      const without = pooled.filter((g) => !g.moves.includes(m));
      if (withM.length < 10 || without.length < 10) continue;
      const w = withM.filter((g) => g.won).length / withM.length;
      const wo = without.filter((g) => g.won).length / without.length;
      if (w >= 0.8 && wo <= 0.2) findings.push({ level: level.id, role, kind: 'dominant_move', detail: `${m}: win rate ${w.toFixed(2)} with it, ${wo.toFixed(2)} without` });
    }
  }
}
const seconds = (performance.now() - started) / 1000;
const report = { games, ai, seconds: Math.round(seconds * 10) / 10, rows, findings };

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
  console.log(`${games} games per level x role x strategy, AI (${ai}) on the other seats, ${report.seconds}s\n`);
  console.log(`${'level'.padEnd(28)}${'role'.padEnd(12)}${'strategy'.padEnd(12)}  win  score  deal  top moves (share of the seat's moves)`);
  for (const r of rows) {
    const top = Object.entries(r.moveUsage)
      .slice(0, 4)
      .map(([m, s]) => `${m} ${Math.round(s * 100)}%`)
      .join(', ');
    console.log(`${r.level.padEnd(28)}${r.role.padEnd(12)}${r.strategy.padEnd(12)}${pct(r.winRate)} ${String(r.meanScore).padStart(6)}${pct(r.agreementRate)}  ${top}`);
  }
  console.log(findings.length ? '\nFindings:' : '\nNo findings: every role winnable, random play rarely wins, no dominant move.');
  for (const f of findings) console.log(`  ${f.level} ${f.role}: ${f.kind} (${f.detail})`);
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/balance.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nJSON written to reports/balance.json');
}
