import { closest } from './result';
import { type Comparison, type Condition, type Effects, type Level, MOVE_KINDS, MOVE_PRESETS, movePreset, PRESET_ALIASES } from './schema';

export interface Problem {
  path: (string | number)[];
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/**
 * The most packages (one option per issue) a level may make. Every AI decision, the list of legal proposals
 * and the debrief's deal space go through them all; measured in docs/levels.md ("How big a level may be").
 */
export const MAX_PACKAGES = 1000;

const CONDITION_KEYS = new Set(['round', 'all', 'any', 'not', 'moved', 'event', 'proposed', 'agreed']);

/**
 * Cross-references the schema cannot express: every id used must be declared, lists must line up,
 * events must not depend on each other in a cycle. With `warnings`, also flags comparisons and round
 * conditions that fall outside their range (the deeper quality checks live in src/authoring).
 */
export function checkReferences(level: Level, { warnings = false } = {}): Problem[] {
  const out: Problem[] = [];
  const actors = Object.keys(level.actors);
  const indicators = Object.keys(level.indicators);
  const issues = Object.keys(level.issues);
  const sources = level.sources.map((s) => s.id);
  const eventIds = level.events.map((e) => e.id);
  const moveIds = new Set<string>([...MOVE_KINDS, ...Object.keys(MOVE_PRESETS), ...Object.keys(PRESET_ALIASES)]);
  for (const list of Object.values(level.moves)) for (const m of list) if (typeof m !== 'string' && m.id) moveIds.add(m.id);

  const error = (path: Problem['path'], message: string, hint?: string) => {
    out.push({ path, message, hint, severity: 'error' });
  };
  const warn = (path: Problem['path'], message: string, hint?: string) => {
    if (warnings) out.push({ path, message, hint, severity: 'warning' });
  };
  const ref = (path: Problem['path'], value: string | undefined, known: string[], what: string) => {
    if (value === undefined || known.includes(value)) return;
    const guess = closest(value, known);
    error(path, `unknown ${what} "${value}"`, guess ? `did you mean "${guess}"?` : `declared ${what}s: ${known.join(', ') || 'none'}`);
  };
  const packages = Object.values(level.issues).reduce((n, issue) => n * issue.options.length, 1);
  if (packages > MAX_PACKAGES)
    error(
      ['issues'],
      `the issues make ${packages} packages (each issue's number of options multiplied together); the game plays at most ${MAX_PACKAGES}`,
      'remove an option or an issue, or merge two issues into one',
    );
  const optionsOf = (issue: string) => level.issues[issue]?.options.map((o) => o.id) ?? [];
  const effects = (path: Problem['path'], e: Effects | undefined) => {
    for (const key of Object.keys(e ?? {})) ref([...path, key], key, indicators, 'indicator');
  };
  const comparisonNeverHolds = (c: Comparison, lo: number, hi: number) =>
    (c.below !== undefined && c.below <= lo) ||
    (c.above !== undefined && c.above >= hi) ||
    (c.at_least !== undefined && c.at_least > hi) ||
    (c.at_most !== undefined && c.at_most < lo);
  const condition = (path: Problem['path'], c: Condition | undefined) => {
    if (!c) return;
    for (const [key, value] of Object.entries(c)) {
      if (value === undefined) continue;
      if (key === 'all' || key === 'any')
        (value as Condition[]).forEach((sub, i) => {
          condition([...path, key, i], sub);
        });
      else if (key === 'not') condition([...path, key], value as Condition);
      else if (key === 'event') ref([...path, key], value as string, eventIds, 'event');
      else if (key === 'moved') {
        const m = value as { actor?: string; move: string };
        ref([...path, key, 'actor'], m.actor, actors, 'actor');
        ref([...path, key, 'move'], m.move, [...moveIds], 'move');
      } else if (key === 'proposed') {
        for (const [issue, option] of Object.entries(value as Record<string, string>)) {
          ref([...path, key, issue], issue, issues, 'issue');
          if (level.issues[issue]) ref([...path, key, issue], option, optionsOf(issue), `option of ${issue}`);
        }
      } else if (key === 'round') {
        const r = value as number | Comparison;
        const never = typeof r === 'number' ? r > level.rounds : comparisonNeverHolds(r, 1, level.rounds);
        if (never) warn([...path, key], `the level has ${level.rounds} rounds, so this round condition never holds`);
      } else if (!CONDITION_KEYS.has(key)) {
        const all = [...indicators, ...CONDITION_KEYS];
        if (!indicators.includes(key)) {
          const guess = closest(key, all);
          error(
            [...path, key],
            `unknown indicator or condition "${key}"`,
            guess ? `did you mean "${guess}"?` : `use an indicator id or one of: ${[...CONDITION_KEYS].join(', ')}`,
          );
        } else {
          const ind = level.indicators[key];
          if (comparisonNeverHolds(value as Comparison, ind.range[0], ind.range[1])) {
            warn([...path, key], `${key} ranges over ${ind.range[0]}..${ind.range[1]}, so this comparison never holds`);
          }
        }
      }
    }
  };

  if (actors.length < 2) error(['actors'], 'a negotiation needs at least two actors');
  if (!actors.some((a) => level.actors[a].veto))
    error(['actors'], 'no actor holds a veto, so no deal could ever be agreed', 'set "veto: true" on the parties at the table');
  for (const [a, actor] of Object.entries(level.actors)) {
    if (actor.veto && actor.seat !== 'table')
      error(['actors', a, 'veto'], 'only an actor at the table can hold a veto', 'set "seat: table" or "veto: false"');
    if (!level.moves[a]) error(['moves'], `actor "${a}" has no moves`, `add "${a}: [pass]" under moves`);
    if (!level.objectives[a])
      error(['objectives'], `actor "${a}" has no objectives, so it cannot be played or scored`, `add "${a}:" with at least one objective`);
  }

  for (const [i, ind] of Object.entries(level.indicators)) {
    const [lo, hi] = ind.range;
    if (!(lo < hi)) error(['indicators', i, 'range'], `the range must go from low to high, found [${lo}, ${hi}]`);
    else if (ind.start < lo || ind.start > hi) error(['indicators', i, 'start'], `start ${ind.start} is outside the range [${lo}, ${hi}]`);
    ref(['indicators', i, 'held_by'], ind.held_by, actors, 'actor');
    ref(['indicators', i, 'about'], ind.about, actors, 'actor');
    ref(['indicators', i, 'source'], ind.source, sources, 'source');
  }

  const seenSources = new Set<string>();
  level.sources.forEach((s, n) => {
    if (seenSources.has(s.id)) error(['sources', n, 'id'], `source id "${s.id}" is used twice`);
    seenSources.add(s.id);
  });

  for (const [i, issue] of Object.entries(level.issues)) {
    const ids = issue.options.map((o) => o.id);
    ids.forEach((o, n) => {
      if (ids.indexOf(o) !== n) error(['issues', i, 'options', n, 'id'], `option id "${o}" is used twice in this issue`);
    });
    issue.options.forEach((o, n) => {
      effects(['issues', i, 'options', n, 'effects'], o.effects);
      condition(['issues', i, 'options', n, 'requires'], o.requires);
      ref(['issues', i, 'options', n, 'source'], o.source, sources, 'source');
      o.unacceptable_to?.forEach((a, k) => {
        const path = ['issues', i, 'options', n, 'unacceptable_to', k];
        ref(path, a, actors, 'actor');
        if (actors.includes(a) && !Object.hasOwn(level.ratification, a))
          error(
            path,
            `${a} has no home level (ratification), so a red line for it changes nothing`,
            `add ratification.${a}, or remove "${a}" here`,
          );
      });
      if (n === 0 && o.unacceptable_to?.length)
        warn(
          ['issues', i, 'options', 0, 'unacceptable_to'],
          'the first option is the status quo: a red line on it only rules out agreeing to keep things as they are',
        );
    });
    for (const [a, values] of Object.entries(issue.value)) {
      ref(['issues', i, 'value', a], a, actors, 'actor');
      if (values.length !== issue.options.length) {
        error(
          ['issues', i, 'value', a],
          `${values.length} values for ${issue.options.length} options`,
          `give one value per option, in order: ${ids.join(', ')}`,
        );
      }
    }
    for (const a of actors)
      if (!issue.value[a]) error(['issues', i, 'value'], `no values for actor "${a}"`, `add "${a}: [${ids.map(() => 0).join(', ')}]"`);
  }

  for (const [a, list] of Object.entries(level.moves)) {
    ref(['moves', a], a, actors, 'actor');
    const seen = new Set<string>();
    list.forEach((m, n) => {
      const spec = typeof m === 'string' ? { kind: m } : m;
      const name = ('id' in spec && spec.id) || spec.kind;
      if (seen.has(name)) error(['moves', a, n], `move "${name}" is listed twice for ${a}`, 'give the second one its own "id"');
      seen.add(name);
      if (typeof m === 'string') {
        const preset = movePreset(m);
        if (preset?.target) ref(['moves', a, n], preset.target, actors, 'actor (the target of this preset)');
        return;
      }
      effects(['moves', a, n, 'effects'], m.effects);
      condition(['moves', a, n, 'requires'], m.requires);
      ref(['moves', a, n, 'target'], m.target, actors, 'actor');
      ref(['moves', a, n, 'source'], m.source, sources, 'source');
      if (m.kind === 'press' && !m.target)
        error(['moves', a, n], 'a press move needs a target actor', 'add "target: ottawa" (for example)');
      if (m.pairs && m.kind !== 'link_issues')
        error(
          ['moves', a, n, 'pairs'],
          `only a link_issues move takes pairs, not ${m.kind}`,
          'remove "pairs", or make the move kind: link_issues',
        );
      m.pairs?.forEach((pair, k) => {
        pair.forEach((issue, j) => {
          ref(['moves', a, n, 'pairs', k, j], issue, issues, 'issue');
        });
        if (pair[0] === pair[1])
          error(
            ['moves', a, n, 'pairs', k],
            `a pair links two different issues, not "${pair[0]}" with itself`,
            'name two different issues',
          );
      });
    });
  }

  for (const [a, actor] of Object.entries(level.actors)) {
    ref(['actors', a, 'negotiator', 'source'], actor.negotiator?.source, sources, 'source');
    actor.negotiator?.positions.forEach((pos, n) => {
      const path = ['actors', a, 'negotiator', 'positions', n];
      ref([...path, 'issue'], pos.issue, issues, 'issue');
      if (level.issues[pos.issue])
        pos.wants.forEach((o, k) => {
          ref([...path, 'wants', k], o, optionsOf(pos.issue), `option of ${pos.issue}`);
        });
    });
  }

  for (const [p, principle] of Object.entries(level.principles)) {
    ref(['principles', p, 'issue'], principle.issue, issues, 'issue');
    if (level.issues[principle.issue])
      principle.favours.forEach((o, n) => {
        ref(['principles', p, 'favours', n], o, optionsOf(principle.issue), `option of ${principle.issue}`);
      });
    for (const a of Object.keys(principle.resonance)) ref(['principles', p, 'resonance', a], a, actors, 'actor');
    ref(['principles', p, 'source'], principle.source, sources, 'source');
  }

  for (const [al, ally] of Object.entries(level.allies)) {
    ref(['allies', al, 'interest'], ally.interest, indicators, 'indicator');
    ally.issues.forEach((i, n) => {
      ref(['allies', al, 'issues', n], i, issues, 'issue');
    });
    ref(['allies', al, 'target'], ally.target, actors, 'actor');
    ally.available_to?.forEach((a, n) => {
      ref(['allies', al, 'available_to', n], a, actors, 'actor');
    });
    ref(['allies', al, 'source'], ally.source, sources, 'source');
  }

  level.events.forEach((e, n) => {
    if (eventIds.indexOf(e.id) !== n) error(['events', n, 'id'], `event id "${e.id}" is used twice`);
    condition(['events', n, 'when'], e.when);
    effects(['events', n, 'effects'], e.effects);
    ref(['events', n, 'source'], e.source, sources, 'source');
  });
  const cycle = eventCycle(level);
  if (cycle)
    error(
      ['events', level.events.findIndex((e) => e.id === cycle[0]), 'when'],
      `events wait on each other in a cycle (${cycle.join(' -> ')}), so none of them can happen`,
      'remove one of the "event:" conditions',
    );

  for (const [a, list] of Object.entries(level.objectives)) {
    ref(['objectives', a], a, actors, 'actor');
    list.forEach((o, n) => {
      const path = ['objectives', a, n];
      const kinds = [o.indicator !== undefined, o.issue !== undefined, o.agreement !== undefined].filter(Boolean).length;
      if (kinds !== 1) {
        error(
          path,
          'an objective names exactly one of: indicator, issue, agreement',
          'e.g. {indicator: trust, at_least: 60} or {issue: visas, prefer: [common]} or {agreement: true}',
        );
        return;
      }
      if (o.slack !== undefined && o.indicator === undefined)
        error([...path, 'slack'], 'slack only applies to an indicator objective (partial credit near its target)', 'remove slack');
      if (o.indicator !== undefined) {
        ref([...path, 'indicator'], o.indicator, indicators, 'indicator');
        if (o.at_least === undefined && o.at_most === undefined) error(path, 'an indicator objective needs at_least or at_most');
        const ind = level.indicators[o.indicator];
        if (ind && ((o.at_least ?? -Infinity) > ind.range[1] || (o.at_most ?? Infinity) < ind.range[0])) {
          warn(path, `no value of ${o.indicator} (${ind.range[0]}..${ind.range[1]}) can satisfy this objective`);
        }
      }
      if (o.issue !== undefined) {
        ref([...path, 'issue'], o.issue, issues, 'issue');
        if (!o.prefer && !o.avoid) error(path, 'an issue objective needs prefer or avoid');
        if (level.issues[o.issue]) {
          o.prefer?.forEach((op, k) => {
            ref([...path, 'prefer', k], op, optionsOf(o.issue as string), `option of ${o.issue}`);
          });
          o.avoid?.forEach((op, k) => {
            ref([...path, 'avoid', k], op, optionsOf(o.issue as string), `option of ${o.issue}`);
          });
          if (o.prefer?.length && o.avoid?.length && o.prefer.every((x) => o.avoid?.includes(x)))
            warn(path, 'every preferred option is also avoided, so this objective can never be met');
        }
      }
    });
  }

  effects(['fallback', 'effects'], level.fallback.effects);
  for (const a of Object.keys(level.fallback.roles)) ref(['fallback', 'roles', a], a, actors, 'actor');
  for (const [a, r] of Object.entries(level.ratification)) {
    ref(['ratification', a], a, actors, 'actor');
    r.requires.forEach((c, n) => {
      condition(['ratification', a, 'requires', n], c);
    });
  }
  if (level.history) {
    for (const [i, o] of Object.entries(level.history.deal)) {
      ref(['history', 'deal', i], i, issues, 'issue');
      if (level.issues[i]) ref(['history', 'deal', i], o, optionsOf(i), `option of ${i}`);
    }
    for (const i of issues)
      if (!level.history.deal[i])
        error(
          ['history', 'deal'],
          `the historical deal does not settle "${i}"`,
          'give an option for every issue, so the debrief can compare',
        );
    ref(['history', 'source'], level.history.source, sources, 'source');
  }
  level.carry.forEach((c, n) => {
    ref(['carry', n], c, indicators, 'indicator');
  });
  return out;
}

/** A cycle among events' `event:` conditions, if any (each would wait for the other forever). */
function eventCycle(level: Level): string[] | undefined {
  const deps = new Map<string, string[]>();
  const collect = (c: Condition | undefined, acc: string[]) => {
    if (!c) return acc;
    if (c.event) acc.push(c.event);
    for (const sub of [...(c.all ?? []), ...(c.any ?? [])]) collect(sub, acc);
    return acc;
  };
  for (const e of level.events) deps.set(e.id, collect(e.when, []));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) {
      const found = visit(d, [...trail, id]);
      if (found) return found;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const id of deps.keys()) {
    const found = visit(id, []);
    if (found) return found;
  }
  return undefined;
}
