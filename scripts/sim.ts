/**
 * Play a level headless with the game's own AI on every seat, at a chosen difficulty, and print a
 * transcript with each AI's reason for each move.
 * Usage: npm run sim -- <level file> [--ai easy|normal|hard] [--seed N] [--lang en|fr] [--json]
 */
import { aiPolicy } from '../src/ai';
import { createSession, roles } from '../src/engine';
import { type Locale, message, text } from '../src/i18n';
import { argsOrExit } from './args';
import { difficultyOrExit, readLevelOrExit } from './files';

const USAGE = 'npm run sim -- <level file> [--ai easy|normal|hard] [--seed N] [--lang en|fr] [--json]';
const { values, positionals } = argsOrExit(
  USAGE,
  "Plays a level headless with the game's AI on every seat and prints each move with the reason the AI gave for it.",
  {
    ai: { type: 'string', default: 'normal', description: 'the AI difficulty on every seat: easy, normal or hard' },
    seed: { type: 'string', default: '1', description: 'the seed of the game (a whole number)' },
    lang: { type: 'string', default: 'en', description: 'the language of the transcript: en or fr' },
    json: { type: 'boolean', default: false, description: 'print the events, outcome and indicators as JSON' },
  },
  { positionals: true },
);
if (positionals.length !== 1) {
  console.error(`give one level file\nusage: ${USAGE}`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed takes a whole number, not "${values.seed}"`);
  process.exit(2);
}
const difficulty = difficultyOrExit(values.ai);
const locale = (values.lang === 'fr' ? 'fr' : 'en') as Locale;
const level = readLevelOrExit(positionals[0]);
const rs = roles(level);
const session = createSession(level, {
  seed,
  controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
  policies: Object.fromEntries(rs.map((r) => [r, aiPolicy(difficulty)])),
});
session.start();
const ctx = session.context();
if (values.json) {
  console.log(JSON.stringify({ level: level.id, seed, events: session.events, outcome: ctx.outcome, indicators: ctx.indicators }, null, 2));
  process.exit(0);
}

const name = (id: string) => text(level.indicators[id]?.name, locale) || id;
const signed = (d: number) => (d > 0 ? `+${d}` : `${d}`);
console.log(`${text(level.title, locale)} (${level.date.from} .. ${level.date.to}), seed ${seed}, AI ${difficulty} on every seat`);
let round = 0;
for (const entry of ctx.log) {
  if (entry.round !== round) {
    round = entry.round;
    console.log(`\n== Round ${round} of ${level.rounds} ==`);
  }
  const who = entry.actor ? text(level.actors[entry.actor].name, locale) : entry.type === 'event' ? 'News' : 'Table';
  const move = entry.move ? ` [${entry.move.id}]` : '';
  const why = entry.mechanic ? ` (${message({ key: `mechanic.${entry.mechanic}` }, locale)})` : '';
  const changes = Object.entries(entry.deltas)
    .map(([id, d]) => `${name(id)} ${signed(d)}`)
    .join(', ');
  const reason = entry.move?.reason ? `\n      why: ${message(entry.move.reason, locale)}` : '';
  console.log(`  ${who}${move}: ${message(entry.message, locale)}${why}${reason}${changes ? `\n      ${changes}` : ''}`);
}
const outcome = ctx.outcome;
console.log('\n== Outcome ==');
if (!outcome) {
  console.log('  The level did not finish.');
  process.exit(1);
}
console.log(`  ${message({ key: `outcome.${outcome.kind}`, params: { round: outcome.round } }, locale)}`);
if (outcome.deal) {
  for (const [issue, option] of Object.entries(outcome.deal)) {
    const o = level.issues[issue].options.find((x) => x.id === option);
    console.log(`  - ${text(level.issues[issue].title, locale)}: ${text(o?.label, locale)}`);
  }
}
for (const r of rs) {
  const s = outcome.scores[r];
  console.log(`  ${text(level.actors[r].name, locale)}: ${s.score}/100 ${s.won ? '(won)' : '(lost)'}`);
}
console.log(
  `  Final: ${Object.entries(ctx.indicators)
    .map(([id, v]) => `${name(id)} ${v}`)
    .join(', ')}`,
);
