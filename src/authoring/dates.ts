/**
 * Dates against sources: a fact must not reach players before it happened. Each source may say when what it
 * quotes happened (`describes`); a round stands for an even share of the level's period. A move or event that
 * a round can offer must not cite a source dated after that round; an option, principle or ally (what the
 * parties argue over and with, the whole level long) and a negotiator's office nothing dated after the level, nor after the round its
 * `requires` first allows; and a figure in a briefing must not come only from sources dated after the level.
 */
import type { Problem } from '../levels/references';
import type { Condition, Level, Source } from '../levels/schema';
import { figuresIn, quoteHas } from './warnings';

const DAY = 86_400_000;

/** The first day a date of the form YYYY, YYYY-MM or YYYY-MM-DD can mean. */
export function earliestDay(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day of round `round` (1 for the first): the level's period split evenly between its rounds. */
export function roundEnd(level: Pick<Level, 'date' | 'rounds'>, round: number): string {
  const from = Date.parse(level.date.from);
  const to = Date.parse(level.date.to);
  const end = from + ((to - from) * Math.min(round, level.rounds)) / level.rounds;
  return new Date(Math.floor(end / DAY) * DAY).toISOString().slice(0, 10);
}

/** The earliest round in which a condition can hold, judged from its `round` tests alone (1 when it has none). */
export function earliestRound(c: Condition | undefined): number {
  if (!c) return 1;
  let round = 1;
  for (const [key, value] of Object.entries(c)) {
    if (value === undefined) continue;
    if (key === 'round') {
      if (typeof value === 'number') round = Math.max(round, value);
      else {
        const cmp = value as { at_least?: number; above?: number };
        if (cmp.at_least !== undefined) round = Math.max(round, cmp.at_least);
        if (cmp.above !== undefined) round = Math.max(round, Math.floor(cmp.above) + 1);
      }
    } else if (key === 'all') round = Math.max(round, ...(value as Condition[]).map(earliestRound));
    else if (key === 'any') round = Math.max(round, Math.min(...(value as Condition[]).map(earliestRound)));
  }
  return round;
}

export function dateWarnings(level: Level): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(level.sources.map((s) => [s.id, s]));
  /** `round` is the first round that can use it; 0 for the whole level (an option with no round test, a principle, an ally). */
  const tooLate = (path: Problem['path'], sourceId: string | undefined, round: number, what: string) => {
    const s = sourceId ? byId.get(sourceId) : undefined;
    if (!s?.describes) return;
    const end = round > 0 ? roundEnd(level, round) : level.date.to;
    if (earliestDay(s.describes) > end)
      out.push({
        path,
        severity: 'warning',
        message: `${what} can be used ${round > 0 ? `in round ${round}` : 'during the level'} (to ${end}) but cites "${s.id}", which describes ${s.describes}`,
        hint: 'make it available later (requires: { round: { at_least: N } }), or cite a source of its own time',
      });
  };
  const optionRound = (c: Condition | undefined) => (earliestRound(c) > 1 ? earliestRound(c) : 0);
  for (const [issueId, issue] of Object.entries(level.issues))
    issue.options.forEach((o, i) => {
      tooLate(['issues', issueId, 'options', i], o.source, optionRound(o.requires), `option "${o.id}"`);
    });
  for (const [actor, list] of Object.entries(level.moves))
    list.forEach((m, i) => {
      if (typeof m !== 'string') tooLate(['moves', actor, i], m.source, earliestRound(m.requires), `move "${m.id ?? m.kind}"`);
    });
  level.events.forEach((e, i) => {
    tooLate(['events', i], e.source, earliestRound(e.when), `event "${e.id}"`);
  });
  for (const [id, p] of Object.entries(level.principles)) tooLate(['principles', id], p.source, 0, `principle "${id}"`);
  for (const [id, a] of Object.entries(level.allies)) tooLate(['allies', id], a.source, 0, `ally "${id}"`);
  for (const [id, a] of Object.entries(level.actors))
    tooLate(['actors', id, 'negotiator', 'source'], a.negotiator?.source, 0, `the office of ${id}'s negotiator`);

  // A figure in the briefing (situation, briefs, public signals) must be known by the level's end: warn when every quote that holds it is later.
  const texts: [Problem['path'], string | undefined][] = [
    [['situation'], level.situation.en],
    ...Object.entries(level.actors).map(([a, actor]): [Problem['path'], string | undefined] => [['actors', a, 'brief'], actor.brief?.en]),
    ...Object.entries(level.actors).flatMap(([a, actor]) =>
      actor.signals.map((s, i): [Problem['path'], string | undefined] => [['actors', a, 'signals', i], s.en]),
    ),
  ];
  for (const [path, text] of texts)
    for (const figure of figuresIn(text ?? '')) {
      const holding = level.sources.filter((s) => quoteHas(s.quote, figure));
      const later = (s: Source) => s.describes !== undefined && earliestDay(s.describes) > level.date.to;
      if (holding.length > 0 && holding.every(later))
        out.push({
          path,
          severity: 'warning',
          message: `the figure "${figure}" comes from ${holding.map((s) => `"${s.id}" (${s.describes})`).join(', ')}, later than the level (to ${level.date.to})`,
          hint: 'use a figure from a source of the level’s own time, or move it to the debrief (history or questions)',
        });
    }
  return out;
}
