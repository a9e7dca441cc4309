/**
 * Warnings for legal but suspicious level content: an objective that no option, move or event can
 * satisfy, a condition that can never hold, an ally whose coalition shifts nothing, a principle nobody
 * can appeal to, a seat that can only pass. The analysis is conservative: it asks which way each
 * indicator can move at all during a level (from effects and from the engine's mechanics), not
 * whether a particular game reaches a value.
 */
import type { Problem } from '../levels/references';
import { MOVES } from '../engine/moves';
import { type Comparison, type Condition, type Effects, LANGUAGE_CODE, type Level, type MoveKind, movePreset } from '../levels/schema';

type Direction = 1 | -1;

/** Whether a kind of move takes an argument (an ally, a principle...), as its module in the engine's catalogue says. */
const takes = (kind: MoveKind, argument: string) => Object.hasOwn(MOVES[kind].args, argument);

/** A change in thickness carries into waits, trade and travel (thickening). */
const THICKENING: Record<string, Direction> = { border_wait: 1, trade_flow: -1, travel: -1 };
const TABLE_MOVES = ['propose', 'accept', 'reject', 'pass'] as const;

/** Each actor's moves as (kind, id), with the table moves every table seat has. */
export function movesByActor(level: Level): Map<string, { kind: MoveKind; id: string }[]> {
  const byActor = new Map<string, { kind: MoveKind; id: string }[]>();
  for (const actor of Object.keys(level.actors)) {
    const specs = (level.moves[actor] ?? []).map((m) => {
      if (typeof m !== 'string') return { kind: m.kind, id: m.id ?? m.kind };
      return { kind: (movePreset(m)?.kind ?? m) as MoveKind, id: m as string };
    });
    const implicit = level.actors[actor].seat === 'table' ? TABLE_MOVES : (['pass'] as const);
    for (const k of implicit) if (!specs.some((x) => x.id === k)) specs.push({ kind: k, id: k });
    byActor.set(actor, specs);
  }
  return byActor;
}

/** Which ways each indicator can move during a level: option, move, event and fallback effects, and mechanics. */
export function indicatorDirections(level: Level): Map<string, Set<Direction>> {
  const dirs = new Map<string, Set<Direction>>(Object.keys(level.indicators).map((id) => [id, new Set<Direction>()]));
  const ofKind = (kind: string) =>
    Object.entries(level.indicators)
      .filter(([, ind]) => ind.kind === kind)
      .map(([id]) => id);
  const add = (id: string, d: Direction) => {
    const set = dirs.get(id);
    if (!set || set.has(d)) return;
    set.add(d);
    if (level.indicators[id].kind === 'thickness') {
      for (const [kind, sign] of Object.entries(THICKENING)) for (const x of ofKind(kind)) add(x, (sign * d) as Direction);
    }
  };
  const effects = (e: Effects | undefined) => {
    for (const [id, v] of Object.entries(e ?? {})) if (v !== 0) add(id, v > 0 ? 1 : -1);
  };
  for (const issue of Object.values(level.issues)) {
    for (const o of issue.options) {
      effects(o.effects);
      if (o.harmonization > 0) for (const id of ofKind('sovereignty')) add(id, -1);
    }
  }
  for (const list of Object.values(level.moves)) for (const m of list) if (typeof m !== 'string') effects(m.effects);
  for (const e of level.events) {
    effects(e.effects);
    if ((e as { failure?: number }).failure) for (const k of ['security', 'approval']) for (const id of ofKind(k)) add(id, -1);
  }
  effects(level.fallback.effects);
  const kinds = new Set([...movesByActor(level).values()].flat().map((m) => m.kind));
  for (const kind of kinds) {
    for (const [ik, ds] of Object.entries(MOVES[kind].directions ?? {})) for (const id of ofKind(ik)) for (const d of ds) add(id, d);
  }
  return dirs;
}

export function suspicious(level: Level): Problem[] {
  const out: Problem[] = [];
  const warn = (path: Problem['path'], message: string, hint?: string) => out.push({ path, message, hint, severity: 'warning' });
  const dirs = indicatorDirections(level);
  const moves = movesByActor(level);
  const can = (id: string, d: Direction) => dirs.get(id)?.has(d) ?? false;
  const carried = (id: string) => (level.carry.includes(id) ? ' (unless a value carried in from an earlier level already meets it)' : '');

  /** Why a comparison on an indicator can never hold, or undefined. */
  const stuck = (id: string, c: Comparison): string | undefined => {
    const v = level.indicators[id]?.start;
    if (v === undefined) return undefined;
    if (
      (c.at_least !== undefined && c.at_most !== undefined && c.at_least > c.at_most) ||
      (c.above !== undefined && c.below !== undefined && c.above >= c.below)
    ) {
      return `the comparison on ${id} contradicts itself`;
    }
    const needUp = (c.at_least !== undefined && v < c.at_least) || (c.above !== undefined && v <= c.above);
    const needDown = (c.at_most !== undefined && v > c.at_most) || (c.below !== undefined && v >= c.below);
    if (needUp && !can(id, 1)) return `${id} starts at ${v} and nothing in the level raises it${carried(id)}`;
    if (needDown && !can(id, -1)) return `${id} starts at ${v} and nothing in the level lowers it${carried(id)}`;
    return undefined;
  };
  const never = (path: Problem['path'], c: Condition | undefined, what: string) => {
    if (!c) return;
    for (const [key, value] of Object.entries(c)) {
      if (value === undefined) continue;
      if (key === 'all') {
        (value as Condition[]).forEach((sub, i) => {
          never([...path, key, i], sub, what);
        });
      } else if (key === 'moved') {
        const m = value as { actor?: string; move: string };
        const who = m.actor ? [m.actor] : [...moves.keys()];
        if (!who.some((a) => moves.get(a)?.some((x) => x.id === m.move))) {
          warn(
            [...path, key],
            `${m.actor ? `${m.actor} does not have` : 'no actor has'} the move "${m.move}", so ${what} never holds`,
            `add "${m.move}" to the moves of ${m.actor ?? 'an actor'}, or change the condition`,
          );
        }
      } else if (level.indicators[key]) {
        const why = stuck(key, value as Comparison);
        if (why) warn([...path, key], `${why}, so ${what} never holds`);
      }
    }
  };

  for (const [a, list] of Object.entries(level.objectives)) {
    list.forEach((o, n) => {
      const path = ['objectives', a, n];
      if (o.indicator !== undefined && level.indicators[o.indicator]) {
        const [lo, hi] = level.indicators[o.indicator].range;
        if ((o.at_least === undefined || o.at_least <= lo) && (o.at_most === undefined || o.at_most >= hi)) {
          warn(
            path,
            `every value of ${o.indicator} (${lo}..${hi}) meets this objective, so it scores whatever happens`,
            'tighten at_least or at_most',
          );
        }
        const why = stuck(o.indicator, { at_least: o.at_least, at_most: o.at_most });
        if (why)
          warn(
            path,
            `${why}, so no option, move or event can satisfy this objective`,
            `give an option, move or event an effect on ${o.indicator}`,
          );
        const v = level.indicators[o.indicator].start;
        const metAtStart = (o.at_least === undefined || v >= o.at_least) && (o.at_most === undefined || v <= o.at_most);
        const undoable = (o.at_least !== undefined && can(o.indicator, -1)) || (o.at_most !== undefined && can(o.indicator, 1));
        if (metAtStart && !undoable && !level.carry.includes(o.indicator)) {
          warn(
            path,
            `${o.indicator} starts at ${v}, which already meets this objective, and nothing in the level can undo it`,
            'raise the bar, or give an option, move or event an effect against it',
          );
        }
      }
      if (o.issue !== undefined && level.issues[o.issue]) {
        const ids = level.issues[o.issue].options.map((x) => x.id);
        if (o.prefer && ids.every((x) => o.prefer?.includes(x)) && !o.avoid?.length)
          warn(path, `every option of ${o.issue} is preferred, so this objective is always met`);
        if (o.avoid && ids.every((x) => o.avoid?.includes(x)))
          warn(path, `every option of ${o.issue} is avoided, so this objective can never be met`);
      }
    });
  }

  level.events.forEach((e, n) => {
    never(['events', n, 'when'], e.when, `the condition of event "${e.id}"`);
  });
  for (const [i, issue] of Object.entries(level.issues)) {
    issue.options.forEach((o, n) => {
      never(['issues', i, 'options', n, 'requires'], o.requires, `the condition for proposing "${o.id}"`);
    });
  }
  for (const [a, r] of Object.entries(level.ratification)) {
    r.requires.forEach((c, n) => {
      never(['ratification', a, 'requires', n], c, `${a}'s ratification condition (so no deal can pass)`);
    });
  }

  const recruiters = [...moves.entries()].filter(([, list]) => list.some((m) => takes(m.kind, 'ally'))).map(([a]) => a);
  for (const [al, ally] of Object.entries(level.allies)) {
    const touched = ally.issues.some((i) => level.issues[i]?.options.some((o) => (o.effects?.[ally.interest] ?? 0) !== 0));
    if (!touched) {
      warn(
        ['allies', al, 'interest'],
        `no option of ${ally.issues.join(', ')} changes ${ally.interest}, so this ally's coalition shifts nothing`,
        `give an option of those issues an effect on ${ally.interest}, or change the ally's interest`,
      );
    }
    const allowed = ally.available_to ?? Object.keys(level.actors).filter((r) => level.actors[r].seat === 'table');
    if (!allowed.some((r) => recruiters.includes(r)))
      warn(
        ['allies', al],
        'no actor who may recruit this ally has a build_coalition move',
        `add build_coalition to the moves of ${allowed.join(' or ') || 'an actor'}`,
      );
  }
  // Every figure a player reads must rest on a quoted source: each number in the briefing texts must
  // occur in one of the level's quotes (years and days of the month aside).
  const quoted = level.sources.map((x) => x.quote.replace(/\s+/g, ' ')).join(' | ');
  const texts: [Problem['path'], string | undefined][] = [
    [['situation'], level.situation.en],
    ...Object.entries(level.actors).map(([a, actor]): [Problem['path'], string | undefined] => [['actors', a, 'brief'], actor.brief?.en]),
    [['history', 'next'], level.history?.next.en],
  ];
  for (const [path, text] of texts) {
    for (const figure of unquotedFigures(text ?? '', quoted)) {
      warn(
        path,
        `the figure "${figure}" does not occur in any of the level's quoted sources`,
        'quote the words it rests on under sources, or remove the figure',
      );
    }
  }

  const works = new Set(level.works.map((w) => w.file));
  level.sources.forEach((s, i) => {
    if (/\.txt$/.test(s.file) && !works.has(s.file))
      warn(
        ['sources', i, 'file'],
        `no entry under works names the author, title and year of ${s.file}`,
        `add { file: ${s.file}, author, title, year } under works`,
      );
  });

  const appealers = [...moves.values()].some((list) => list.some((m) => takes(m.kind, 'principle')));
  if (!appealers)
    for (const p of Object.keys(level.principles))
      warn(['principles', p], 'no actor has appeal_to_principle, so this principle is never used');
  for (const [a, list] of moves.entries()) {
    if (list.every((m) => m.kind === 'pass'))
      warn(['moves', a], `${a} can only pass: a spectator, not a player`, 'give it moves: build_coalition, contribute, press, action...');
  }
  redLineWarnings(level, warn);
  languageWarnings(level, warn);
  for (const [role, r] of Object.entries(level.ratification)) {
    const article = /^(The|A|An) /.exec(r.body.en)?.[1];
    if (article)
      warn(
        ['ratification', role, 'body', 'en'],
        `the body's name is used inside sentences ("The package is ratified at home by ${r.body.en}."), where "${article}" stays capitalised`,
        `write "${article.toLowerCase()}${r.body.en.slice(article.length)}": the game capitalises it at the start of a sentence`,
      );
  }
  return out;
}

/** Red lines (`unacceptable_to`) that rule out every agreement, or every agreement a seat's aim needs. */
function redLineWarnings(level: Level, warn: (path: Problem['path'], message: string, hint?: string) => void): void {
  const crossing = (issue: string, option: string) =>
    level.issues[issue]?.options.find((o) => o.id === option)?.unacceptable_to?.filter((r) => Object.hasOwn(level.ratification, r)) ?? [];
  const blockedIssue = Object.entries(level.issues).find(([id, issue]) => issue.options.every((o) => crossing(id, o.id).length > 0));
  if (blockedIssue)
    warn(
      ['issues', blockedIssue[0]],
      `every option of ${blockedIssue[0]} is someone's red line, so no package can be ratified: every seat falls back at the deadline`,
      'take the red line off at least one option',
    );
  for (const [role, objectives] of Object.entries(level.objectives)) {
    objectives.forEach((o, n) => {
      if (o.issue === undefined || !o.prefer?.length) return;
      const blockers = new Set(o.prefer.flatMap((option) => crossing(o.issue as string, option)));
      if (!o.prefer.every((option) => crossing(o.issue as string, option).length > 0)) return;
      const total = objectives.reduce((sum, x) => sum + x.weight, 0);
      // Without a deal the status quo counts: an aim it meets can still be won by falling back.
      const statusQuo = level.issues[o.issue]?.options[0]?.id;
      const unwinnable = !o.prefer.includes(statusQuo as string) && (100 * (total - o.weight)) / total < level.win_at;
      warn(
        ['objectives', role, n],
        `every option ${role} prefers on ${o.issue} is a red line for ${[...blockers].join(' or ')}, so no ratified agreement meets this aim${unwinnable ? `, and without it ${role} cannot reach ${level.win_at}: the seat cannot be won` : ''}`,
        'let it prefer an option no one rules out, or take the red line off',
      );
    });
  }
}

/** Codes authors write for a language whose code is another: a country's code, or an abbreviation of its name. */
const LANGUAGE_SLIPS: Record<string, string> = {
  sp: 'es',
  esp: 'es',
  mx: 'es',
  jp: 'ja',
  cn: 'zh',
  gr: 'el',
  dk: 'da',
  cz: 'cs',
  ua: 'uk',
  vn: 'vi',
  il: 'he',
  ir: 'fa',
  us: 'en',
  qc: 'fr-CA',
};

let languageNames: Intl.DisplayNames | null | undefined;

/** The English name of a language code, or undefined when it names no language the browser knows. */
export function languageName(code: string): string | undefined {
  if (languageNames === undefined)
    languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }) : null;
  if (languageNames === null) return code; // without Intl.DisplayNames every well-formed code passes
  try {
    return languageNames.of(code);
  } catch {
    return undefined;
  }
}

/** The code an author probably meant by a language code no browser knows, if it is obvious. */
export function meantLanguage(code: string): string | undefined {
  const [base, ...rest] = code.split('-');
  const slip = LANGUAGE_SLIPS[base.toLowerCase()];
  if (slip) return slip.includes('-') ? slip : [slip, ...rest].join('-');
  if (languageName(base) === undefined) return undefined;
  // A known language with a region no one has: Quebec French is fr-CA, not fr-QC.
  if (rest.length === 1 && rest[0].toUpperCase() === 'QC') return `${base}-CA`;
  return base;
}

/** Texts with a language key no browser knows ("sp" for Spanish), which no player would ever read. */
function languageWarnings(level: Level, warn: (path: Problem['path'], message: string, hint?: string) => void): void {
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        walk(x, [...path, i]);
      });
      return;
    }
    const entries = Object.entries(node);
    if (typeof (node as { en?: unknown }).en === 'string') {
      for (const [key, value] of entries) {
        if (key === 'en' || key === 'fr' || typeof value !== 'string' || !LANGUAGE_CODE.test(key) || languageName(key) !== undefined)
          continue;
        const meant = meantLanguage(key);
        const name = meant && languageName(meant);
        warn(
          [...path, key],
          `"${key}" is not a language code any browser knows, so no player will read this text`,
          meant && name
            ? `did you mean "${meant}" (${name})?`
            : 'write the language by its code: es for Spanish, de for German, fr-CA for Quebec French',
        );
      }
      return;
    }
    for (const [key, value] of entries) walk(value, [...path, key]);
  };
  walk(level, []);
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAY_OF_MONTH = new RegExp(`^(?:${MONTHS})\\b|\\b(?:${MONTHS})$`);

/** Numbers in a text that a source must back, leaving out years, days of the month and "9/11". */
export function figuresIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const figure = m[0];
    const before = text.slice(Math.max(0, m.index - 12), m.index).trim();
    const after = text.slice(m.index + figure.length, m.index + figure.length + 12).trim();
    if (/^(19|20)\d\d$/.test(figure)) continue;
    if (Number(figure) <= 31 && (DAY_OF_MONTH.test(after) || DAY_OF_MONTH.test(before))) continue;
    if (
      /^\d+\/\d+$/.test(`${figure}${after.slice(0, 3)}`) ||
      /^9\/11/.test(text.slice(m.index, m.index + 4)) ||
      text.slice(m.index - 2, m.index) === '9/'
    )
      continue;
    if (!out.includes(figure)) out.push(figure);
  }
  return out;
}

/** Whether a quote holds a figure as a number of its own (not inside a longer one). */
export function quoteHas(quote: string, figure: string): boolean {
  return new RegExp(`(^|[^\\d.,])${figure.replace(/[.,]/g, '\\$&')}($|[^\\d]|[.,](?!\\d))`).test(quote.replace(/\s+/g, ' '));
}

/** Numbers in a text that no quote contains, leaving out years and days of the month. */
export function unquotedFigures(text: string, quoted: string): string[] {
  return figuresIn(text).filter((figure) => !quoteHas(quoted, figure));
}
