/**
 * Check level files: validate each against the schema and its references, flag suspicious but legal
 * content (warnings), and dry-run it in the engine: headless playthroughs with the baseline AI in every
 * seat, and a guided search for a ratified agreement and for an ending without one from every seat.
 * Usage: npm run levels:check [-- files...] [--no-play]
 * Exit code 1 when any file has an error (warnings alone do not fail).
 */
import { readFileSync } from 'node:fs';
import { levelFiles } from './files';
import { baselinePolicy } from '../src/ai/baseline';
import { createSession, ratifiable, roles, statusQuo } from '../src/engine';
import { carryGaps } from '../src/levels/campaign';
import { checkLevelText } from '../src/authoring/check';
import { formatLevelError, type LevelError } from '../src/levels/result';
import type { Level } from '../src/levels/schema';
import { findEnding, findWin } from '../src/authoring/search';
import { quickVerdict } from '../src/authoring/verdict';
import { argsOrExit } from './args';

const { values, positionals } = argsOrExit(
  'npm run levels:check [-- files...] [--no-play]',
  'Validates level files (all of levels/ and levels/scenarios/ by default), warns about suspicious content, and dry-runs each level from every seat. Exit code 1 on any error.',
  {
    'no-play': {
      type: 'boolean',
      default: false,
      description: 'skip the dry run and the balance verdict (schema, references and warnings only)',
    },
    games: {
      type: 'string',
      default: '4',
      description: 'games per seat and sensible strategy for the balance verdict (npm run balance plays many more)',
    },
  },
  { positionals: true },
);
const files = levelFiles(positionals);
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1) {
  console.error(`--games takes a whole number above 0, not "${values.games}"`);
  process.exit(2);
}

let current = '';
process.on('uncaughtException', (e) => {
  console.error(`${current}: error at (dry run): the engine failed while playing: ${e.message}`);
  process.exit(1);
});

const dryRunError = (file: string, message: string, hint?: string): LevelError => ({
  file,
  path: '(dry run)',
  message,
  hint,
  severity: 'error',
});
const dryRunWarning = (file: string, message: string, hint?: string): LevelError => ({
  file,
  path: '(dry run)',
  message,
  hint,
  severity: 'warning',
});

/** Play the level headless and search it from every seat; problems come back as errors or warnings. */
function dryRun(level: Level, file: string): LevelError[] {
  const out: LevelError[] = [];
  const rs = roles(level);
  for (const seed of [1, 2, 3]) {
    const session = createSession(level, {
      seed,
      controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
      policies: Object.fromEntries(rs.map((r) => [r, baselinePolicy])),
    });
    session.start();
    const outcome = session.context().outcome;
    if (session.phase() !== 'debrief' || !outcome)
      out.push(
        dryRunError(
          file,
          `a headless game with the baseline AI (seed ${seed}) did not reach the debrief`,
          'look for a seat with no legal move',
        ),
      );
    session.stop();
  }
  for (const role of rs) {
    if (!findEnding(level, role, 'agreement', { seeds: [1] })) {
      out.push(
        dryRunError(
          file,
          `from ${role}'s seat no game reaches a ratified agreement`,
          'check that some package lies inside every ratification win-set (min_value and requires)',
        ),
      );
    }
    if (!findEnding(level, role, 'no_deal', { seeds: [1] }))
      out.push(dryRunError(file, `from ${role}'s seat every game ends in an agreement`));
    const win = findWin(level, role, { seeds: [1] });
    if (!win?.won) {
      out.push(
        dryRunWarning(
          file,
          `no strategy tried wins as ${role} (best score ${win?.score ?? 0}, win at ${level.win_at})`,
          'make one of its objectives reachable by its own moves, or lower win_at',
        ),
      );
    }
  }
  // The balance verdict, by the same rules as npm run balance, on a few games.
  for (const v of quickVerdict(level, { games })) {
    const why =
      v.kind === 'unwinnable'
        ? `balance would call ${v.role} unwinnable: no sensible way of playing it wins half of ${games} games against the AI (${v.detail})`
        : v.kind === 'fallback_wins'
          ? `${v.role} wins without any deal: ${v.detail}`
          : `${v.role} wins whatever is agreed: ${v.detail}`;
    const hint =
      v.kind === 'unwinnable'
        ? 'lower win_at or make one of its objectives reachable; npm run balance -- <file> gives the full figures'
        : 'raise win_at or tighten its objectives, so its choices matter';
    out.push(dryRunWarning(file, why, hint));
  }
  if (level.history) {
    const s = createSession(level, { seed: 1 });
    s.start();
    const deal = level.history.deal;
    const sq = statusQuo(level);
    const isStatusQuo = Object.keys(sq).every((k) => sq[k] === deal[k]);
    if (!isStatusQuo && !ratifiable(level, s.context(), deal)) {
      out.push(
        dryRunWarning(
          file,
          'the historical deal would not be ratified with the start values',
          'the debrief compares players with history: check min_value and requires',
        ),
      );
    }
    s.stop();
  }
  return out;
}

let errors = 0;
let warnings = 0;
const loaded: { file: string; level: Level }[] = [];
for (const file of files) {
  current = file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: error: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    errors++;
    continue;
  }
  const checked = checkLevelText(text, file);
  if (checked.level) loaded.push({ file, level: checked.level });
  const problems = [...checked.errors, ...checked.warnings];
  if (checked.level && !values['no-play']) problems.push(...dryRun(checked.level, file));
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
    (p.severity === 'error' ? console.error : console.warn)(formatLevelError(p));
  }
  if (!problems.length) console.log(`${file}: ok`);
}
// Campaign memory: what one level carries, the next should take.
if (loaded.length > 1) {
  for (const gap of carryGaps(loaded)) {
    warnings++;
    console.warn(formatLevelError({ file: gap.file, path: 'carry', message: gap.message, severity: 'warning' }));
  }
}
console.log(`levels:check: ${files.length} file(s), ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors === 0 ? 0 : 1);
