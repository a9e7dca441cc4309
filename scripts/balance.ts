/**
 * Balance: play many seeded games per level x role x player strategy, with the AI on every other seat,
 * and report win rates and move usage.
 * Usage: npm run balance [-- levels/01-....yaml ...] [--games N] [--ai easy|normal|hard] [--json]
 * With no level given it plays every levels/*.yaml. Writes reports/balance.json (or prints JSON with --json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { aiPolicy } from '../src/ai';
import { PLAYERS, STRATEGIES, type Strategy } from '../src/ai/players';
import { type Game, playGame, type Row, summarise } from '../src/authoring/balance';
import { applyDeal, type Level, objectiveSatisfaction, type Policy, roles } from '../src/engine';
import { applyEffects } from '../src/engine/indicators';
import { movesFor } from '../src/engine/catalog';
import { dealSpace, isFeasible } from '../src/analysis';
import { difficultyOrExit, levelFiles, readLevelOrExit } from './files';
import { dealSpaceVerdicts, SENSIBLE, unwinnable } from '../src/authoring/verdict';
import { argsOrExit } from './args';

const { values, positionals } = argsOrExit(
  'npm run balance [-- levels...] [--games N] [--ai easy|normal|hard] [--json]',
  'Plays seeded games per level x role x player strategy with the AI on the other seats and reports win rates, scores, move usage and findings.',
  {
    games: { type: 'string', default: '40', description: 'games per level, role and strategy' },
    ai: { type: 'string', default: 'normal', description: 'the AI on the other seats: easy, normal or hard' },
    json: { type: 'boolean', default: false, description: 'print the report as JSON instead of writing reports/balance.json' },
  },
  { positionals: true },
);
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) {
  console.error(`--games takes a whole number above 0, not "${values.games}"`);
  process.exit(2);
}
const ai = difficultyOrExit(values.ai);
const files = levelFiles(positionals);

const TABLE_MOVES = new Set(['propose', 'accept', 'reject', 'pass']);

interface Finding {
  level: string;
  role: string;
  kind: 'unwinnable' | 'random_wins' | 'dominant_move' | 'key_move' | 'fallback_wins' | 'any_deal_wins' | 'win_at';
  detail: string;
}

/** The deal space from the start: each role's fallback score and how many feasible packages it wins with. */
interface SpaceRow {
  level: string;
  role: string;
  fallback: number;
  fallbackWins: boolean;
  feasiblePackages: number;
  packagesWon: number;
  /** Per objective (in the level's order): how far the fallback meets it, and the least and most any feasible package does. */
  objectives: { label: string; fallback: number; minFeasible: number; maxFeasible: number }[];
}

/** How far each of a role's objectives is met by the fallback and by each feasible package, from the start. */
function objectiveRanges(level: Level, role: string, deals: Record<string, string>[]): SpaceRow['objectives'] {
  const start = Object.fromEntries(Object.entries(level.indicators).map(([id, ind]) => [id, ind.start]));
  const salience = Object.fromEntries(Object.entries(level.issues).map(([id, i]) => [id, i.salience]));
  const afterFallback = { ...start };
  applyEffects(level, afterFallback, level.fallback.effects);
  const projected = deals.map((deal) => {
    const after = { ...start };
    applyDeal(level, { salience }, after, deal);
    return { deal, after };
  });
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return (level.objectives[role] ?? []).map((o, i) => {
    const sat = projected.map(({ deal, after }) => objectiveSatisfaction(level, o, after, deal));
    const label =
      o.label?.en ??
      (o.indicator
        ? `${o.indicator} ${o.at_least !== undefined ? `>= ${o.at_least}` : ''}${o.at_most !== undefined ? `<= ${o.at_most}` : ''}`
        : o.issue
          ? `issue ${o.issue}`
          : `agreement ${o.agreement}`);
    return {
      label: `#${i + 1} ${label}`,
      fallback: r2(objectiveSatisfaction(level, o, afterFallback, null)),
      minFeasible: r2(Math.min(1, ...sat)),
      maxFeasible: r2(Math.max(0, ...sat)),
    };
  });
}

const started = performance.now();
const rows: Row[] = [];
const spaces: SpaceRow[] = [];
/** Sensible play's win rate with and without each move it relies on (seeds 1..games/2). */
const ablations: { level: string; role: string; move: string; winRate: number; winRateWithout: number }[] = [];
const findings: Finding[] = [];
for (const file of files) {
  const level = readLevelOrExit(file);
  const space = dealSpace(level);
  const feasible = space.packages.filter(isFeasible);
  const startVerdicts = dealSpaceVerdicts(level);
  for (const role of roles(level)) {
    const won = feasible.filter((p) => p.scores[role] >= level.win_at).length;
    const fallback = space.fallback[role];
    const objectives = objectiveRanges(
      level,
      role,
      feasible.map((p) => p.deal),
    );
    spaces.push({
      level: level.id,
      role,
      fallback,
      fallbackWins: fallback >= level.win_at,
      feasiblePackages: feasible.length,
      packagesWon: won,
      objectives,
    });
    for (const v of startVerdicts.filter((x) => x.role === role)) findings.push({ level: level.id, ...v });
    const byStrategy: Partial<Record<Strategy, Game[]>> = {};
    for (const strategy of STRATEGIES) {
      const list = Array.from({ length: games }, (_, i) => playGame(level, role, PLAYERS[strategy], i + 1, ai));
      byStrategy[strategy] = list;
      rows.push(summarise(level, file, role, strategy, list));
    }
    rows.push(
      summarise(
        level,
        file,
        role,
        'ai',
        Array.from({ length: games }, (_, i) => playGame(level, role, aiPolicy(ai), i + 1, ai)),
      ),
    );
    const mine = rows.filter((r) => r.level === level.id && r.role === role);
    // Sensible play: greedy, literature-informed, or the game's own AI at the chosen difficulty.
    const sensible = mine.filter((r) => SENSIBLE.includes(r.strategy));
    const verdict = unwinnable(role, Object.fromEntries(sensible.map((r) => [r.strategy, r.winRate])));
    if (verdict) findings.push({ level: level.id, ...verdict });
    const random = mine.find((r) => r.strategy === 'random');
    if (random && random.winRate > 0.25)
      findings.push({ level: level.id, role, kind: 'random_wins', detail: `random play wins ${random.winRate}` });
    // A win_at that random play rarely reaches (its 80th percentile, and above the fallback) while the
    // best sensible strategy still wins at least half its games (its median), when there is one.
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const randomScores = sorted((byStrategy.random ?? []).map((g) => g.score));
    const bestSensible = sensible.map((r) => r.scores[Math.floor(r.scores.length / 2)] ?? 0);
    const floor =
      Math.max(
        randomScores[Math.floor(0.8 * (randomScores.length - 1))] ?? 0,
        spaces.find((x) => x.level === level.id && x.role === role)?.fallback ?? 0,
      ) + 1;
    const ceiling = Math.max(...bestSensible);
    if (floor <= ceiling && floor > level.win_at)
      findings.push({
        level: level.id,
        role,
        kind: 'win_at',
        detail: `a win_at between ${floor} and ${ceiling} would separate random from sensible play (now ${level.win_at})`,
      });
    else if (floor > ceiling)
      findings.push({
        level: level.id,
        role,
        kind: 'win_at',
        detail: `no win_at separates random play (80th percentile ${floor - 1}) from sensible play (median ${ceiling}): the objectives need changing`,
      });
    // Does one move dominate winning play? An ablation: replay the sensible strategies with the move
    // taken out of their legal moves. A move dominates when sensible play that wins without the ban
    // mostly loses with it. Only moves made in at least half of the sensible strategies' won games are
    // tried (a move they rarely make cannot be what wins). A key move (games with it nearly always won,
    // games without it nearly never) is reported as information: it may be the level's lesson.
    const pooled = Object.values(byStrategy).flat();
    const sensibleGames = (['greedy', 'literature'] as Strategy[]).flatMap((st) => byStrategy[st] ?? []);
    const sensibleWins = sensibleGames.filter((g) => g.won);
    const strategic = movesFor(level, role)
      .map((m) => m.id)
      .filter((m) => !TABLE_MOVES.has(m));
    const ablationGames = Math.max(1, Math.ceil(games / 2));
    for (const m of strategic) {
      const withM = pooled.filter((g) => g.moves.includes(m));
      const without = pooled.filter((g) => !g.moves.includes(m));
      const w = withM.length ? withM.filter((g) => g.won).length / withM.length : 0;
      const wo = without.length ? without.filter((g) => g.won).length / without.length : 0;
      const share = sensibleWins.length ? sensibleWins.filter((g) => g.moves.includes(m)).length / sensibleWins.length : 0;
      if (withM.length >= 10 && without.length >= 10 && w >= 0.8 && wo <= 0.2)
        findings.push({
          level: level.id,
          role,
          kind: 'key_move',
          detail: `${m}: games with it win ${Math.round(w * 100)}%, without it ${Math.round(wo * 100)}%`,
        });
      if (sensibleWins.length < 10 || share < 0.5) continue;
      const banned =
        (policy: Policy): Policy =>
        (view, legal, random) =>
          policy(view, legal.filter((x) => x.id !== m).length ? legal.filter((x) => x.id !== m) : legal, random);
      let before = 0;
      let after = 0;
      for (const st of ['greedy', 'literature'] as Strategy[]) {
        for (let i = 0; i < ablationGames; i++) {
          before += byStrategy[st]?.[i]?.won ? 1 : 0;
          after += playGame(level, role, banned(PLAYERS[st]), i + 1, ai).won ? 1 : 0;
        }
      }
      const n = 2 * ablationGames;
      ablations.push({ level: level.id, role, move: m, winRate: before / n, winRateWithout: after / n });
      if (before / n >= 0.5 && after / n < 0.5 * (before / n)) {
        findings.push({
          level: level.id,
          role,
          kind: 'dominant_move',
          detail: `sensible play wins ${Math.round((100 * before) / n)}% with ${m} and ${Math.round((100 * after) / n)}% when it is banned`,
        });
      }
    }
  }
}
// What if every level used another win_at: how many level x role cells would random play still win more than
// a quarter of the time, and how many would no sensible strategy win at least half the time?
const whatIf = [60, 70, 75, 80, 85, 90, 95].map((winAt) => {
  const cells = new Map<string, { random?: number; sensible: number }>();
  for (const r of rows) {
    const key = `${r.level} ${r.role}`;
    const cell = cells.get(key) ?? { sensible: 0 };
    const rate = r.scores.filter((x) => x >= winAt).length / Math.max(1, r.scores.length);
    if (r.strategy === 'random') cell.random = rate;
    else cell.sensible = Math.max(cell.sensible, rate);
    cells.set(key, cell);
  }
  const all = [...cells.values()];
  return {
    winAt,
    cells: all.length,
    randomWinsOverQuarter: all.filter((c) => (c.random ?? 0) > 0.25).length,
    sensibleUnderHalf: all.filter((c) => c.sensible < 0.5).length,
  };
});
const seconds = (performance.now() - started) / 1000;
const report = { games, ai, seconds: Math.round(seconds * 10) / 10, rows, spaces, whatIf, ablations, findings };

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
    console.log(
      `${r.level.padEnd(28)}${r.role.padEnd(12)}${r.strategy.padEnd(12)}${pct(r.winRate)} ${String(r.meanScore).padStart(6)}${pct(r.agreementRate)}  ${top}`,
    );
  }
  console.log(`\n${'level'.padEnd(28)}${'role'.padEnd(12)}fallback  feasible packages won (from the start)`);
  for (const sp of spaces) {
    console.log(
      `${sp.level.padEnd(28)}${sp.role.padEnd(12)}${String(sp.fallback).padStart(8)}${sp.fallbackWins ? '*' : ' '} ${sp.packagesWon}/${sp.feasiblePackages}`,
    );
    const trivial = sp.objectives.filter((o) => o.fallback >= 1 && o.minFeasible >= 1).map((o) => o.label);
    const never = sp.objectives.filter((o) => o.maxFeasible <= 0 && o.fallback <= 0).map((o) => o.label);
    if (trivial.length) console.log(`${''.padEnd(40)}met with or without a deal: ${trivial.join('; ')}`);
    if (never.length) console.log(`${''.padEnd(40)}met by no package nor the fallback (needs moves): ${never.join('; ')}`);
  }
  console.log('\nIf every level had win_at = X: cells random play wins > 25% / cells no sensible strategy wins >= 50%');
  for (const w of whatIf)
    console.log(`  ${String(w.winAt).padStart(3)}: ${w.randomWinsOverQuarter}/${w.cells} / ${w.sensibleUnderHalf}/${w.cells}`);
  console.log(findings.length ? '\nFindings:' : '\nNo findings: every role winnable, random play rarely wins, no dominant move.');
  for (const f of findings) console.log(`  ${f.level} ${f.role}: ${f.kind} (${f.detail})`);
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/balance.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nJSON written to reports/balance.json');
}
