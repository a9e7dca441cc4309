/**
 * The engine's hot paths (applying effects and packages, objective satisfaction) are written for
 * speed. Each is checked here against a plain reference implementation, the straightforward code they
 * replaced, on random inputs: same indicators, same record of changes (key order included), same scores.
 * parseMove's quick path is checked against MoveSchema itself, on the AI's own moves and on messages bent out of shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aiPolicy } from '../../src/ai';
import { applyDeal, createSession, type Deal, type Level, objectiveSatisfaction, roles, statusQuo } from '../../src/engine';
import { moveDef } from '../../src/engine/catalog';
import { MoveSchema, parseMove, plainCopy } from '../../src/engine/move';
import { applyEffects, indicatorsFor } from '../../src/engine/indicators';
import type { IndicatorKind } from '../../src/engine/mechanics/kinds';
import { sovereigntyCost } from '../../src/engine/mechanics/sovereignty';
import { thickeningEffects } from '../../src/engine/mechanics/thickening';
import type { Objective } from '../../src/levels/schema';
import { mini, readLevel, sample } from '../helpers';

const round1 = (x: number) => Math.round(x * 10) / 10;

function referenceEffects(
  level: Level,
  indicators: Record<string, number>,
  effects: Record<string, number>,
  deltas: Record<string, number> = {},
): Record<string, number> {
  const change = (id: string, by: number) => {
    const ind = level.indicators[id];
    if (!ind || by === 0) return 0;
    const before = indicators[id];
    const after = round1(Math.min(ind.range[1], Math.max(ind.range[0], before + by)));
    indicators[id] = after;
    const d = round1(after - before);
    if (d !== 0) {
      const total = round1((deltas[id] ?? 0) + d);
      if (total === 0) delete deltas[id];
      else deltas[id] = total;
    }
    return d;
  };
  let thickened = 0;
  for (const [id, by] of Object.entries(effects)) {
    const d = change(id, by);
    if (level.indicators[id]?.kind === 'thickness') thickened += d;
  }
  if (thickened !== 0) {
    for (const [kind, by] of Object.entries(thickeningEffects(thickened))) {
      for (const id of indicatorsFor(level, kind as IndicatorKind, '')) change(id, by ?? 0);
    }
  }
  return deltas;
}

function referenceDeal(
  level: Level,
  salience: Record<string, number>,
  indicators: Record<string, number>,
  deal: Deal,
): Record<string, number> {
  const deltas: Record<string, number> = {};
  const clauses: { harmonization: number; salience: number }[] = [];
  for (const [issue, option] of Object.entries(deal)) {
    const def = level.issues[issue]?.options.find((o) => o.id === option);
    if (!def) continue;
    if (def.effects) referenceEffects(level, indicators, def.effects, deltas);
    clauses.push({ harmonization: def.harmonization, salience: salience[issue] ?? 1 });
  }
  const cost = sovereigntyCost(clauses);
  if (cost > 0) {
    const sovereignty = Object.entries(level.indicators)
      .filter(([, ind]) => ind.kind === 'sovereignty')
      .map(([id]) => id);
    referenceEffects(level, indicators, Object.fromEntries(sovereignty.map((id) => [id, -cost])), deltas);
  }
  return deltas;
}

function referenceSatisfaction(level: Level, o: Objective, indicators: Record<string, number>, deal: Deal | null): number {
  if (o.indicator !== undefined) {
    const ind = level.indicators[o.indicator];
    const v = indicators[o.indicator];
    if (!ind || v === undefined) return 0;
    const slack = o.slack ?? (ind.range[1] - ind.range[0]) / 4;
    const gapLow = o.at_least !== undefined ? Math.max(0, o.at_least - v) : 0;
    const gapHigh = o.at_most !== undefined ? Math.max(0, v - o.at_most) : 0;
    if (gapLow + gapHigh === 0) return 1;
    return slack === 0 ? 0 : Math.max(0, 1 - (gapLow + gapHigh) / slack);
  }
  if (o.issue !== undefined) {
    const chosen = (deal ?? statusQuo(level))[o.issue];
    if (o.prefer && !o.prefer.includes(chosen)) return 0;
    if (o.avoid?.includes(chosen)) return 0;
    return 1;
  }
  if (o.agreement !== undefined) return (deal !== null) === o.agreement ? 1 : 0;
  return 0;
}

const levels: [string, Level][] = [
  ['the mini level', mini()],
  ['the sample level', sample()],
  ['action plan 2011', readLevel('levels/12-action-plan-2011.yaml')],
];

/** Indicator values anywhere in (and a little beyond) each range, on the engine's tenths grid or not. */
function indicatorsArb(level: Level) {
  return fc.record(
    Object.fromEntries(
      Object.entries(level.indicators).map(([id, ind]) => [
        id,
        fc.oneof(
          fc.integer({ min: ind.range[0] * 10 - 50, max: ind.range[1] * 10 + 50 }).map((x) => x / 10),
          fc.double({ min: ind.range[0], max: ind.range[1], noNaN: true }),
        ),
      ]),
    ),
  );
}

function effectsArb(level: Level) {
  const ids = [...Object.keys(level.indicators), 'not_an_indicator'];
  return fc.dictionary(
    fc.constantFrom(...ids),
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: -300, max: 300 }).map((x) => x / 10),
      fc.double({ min: -40, max: 40, noNaN: true }),
    ),
    { maxKeys: 6 },
  );
}

function dealArb(level: Level) {
  return fc.record(
    Object.fromEntries(
      Object.entries(level.issues).map(([id, issue]) => [id, fc.constantFrom(...issue.options.map((o) => o.id), 'no_such_option')]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Deal>;
}

function salienceArb(level: Level) {
  return fc.record(Object.fromEntries(Object.keys(level.issues).map((id) => [id, fc.constantFrom(0.25, 0.36, 0.6, 1, 1.5)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Record<string, number>>;
}

describe.each(levels)('fast paths on %s agree with the reference code', (_name, level) => {
  it('applyEffects', () => {
    fc.assert(
      fc.property(indicatorsArb(level), effectsArb(level), effectsArb(level), (start, effects, earlier) => {
        const a = { ...start };
        const b = { ...start };
        const da = referenceEffects(level, a, earlier);
        const db = applyEffects(level, b, earlier);
        referenceEffects(level, a, effects, da);
        applyEffects(level, b, effects, db);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(db)).toBe(JSON.stringify(da));
      }),
      { numRuns: 300 },
    );
  });

  it('applyDeal', () => {
    fc.assert(
      fc.property(indicatorsArb(level), dealArb(level), salienceArb(level), (start, deal, salience) => {
        const a = { ...start };
        const b = { ...start };
        const da = referenceDeal(level, salience, a, deal);
        const db = applyDeal(level, { salience }, b, deal);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(db)).toBe(JSON.stringify(da));
      }),
      { numRuns: 300 },
    );
  });

  it('objectiveSatisfaction, with and without a package', () => {
    const objectives = Object.values(level.objectives).flat();
    fc.assert(
      fc.property(indicatorsArb(level), fc.option(dealArb(level), { nil: null }), fc.constantFrom(...objectives), (indicators, deal, o) => {
        expect(objectiveSatisfaction(level, o, indicators, deal)).toBe(referenceSatisfaction(level, o, indicators, deal));
      }),
      { numRuns: 300 },
    );
  });
});

/** What MoveSchema alone answers for a move a role sends (what parseMove answered before its quick path). */
function referenceParse(level: Level, role: string, raw: unknown): string {
  const data = plainCopy(raw) as Record<string, unknown>;
  const def = moveDef(level, role, String(data.id));
  const parsed = MoveSchema.safeParse({ ...data, kind: def?.kind });
  return parsed.success ? JSON.stringify(parsed.data) : 'refused';
}

const textArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 500 }),
  fc.double({ noNaN: true, min: -10, max: 10 }),
  fc.record({ en: fc.string({ maxLength: 8 }), fr: fc.string({ maxLength: 8 }) }),
  fc.record({ fr: fc.string({ maxLength: 8 }), en: fc.string({ maxLength: 8 }) }),
  fc.record({ en: fc.string({ maxLength: 8 }), fr_CA: fc.constantFrom('x', 7) }),
  fc.record({ key: fc.constantFrom('log.event', 'ai.x', 'Bad key', 'a'.repeat(101)) }),
  fc.record({ params: fc.constant({}), key: fc.constant('ai.x') }),
  fc.constantFrom(
    'x'.repeat(2001),
    null,
    [],
    true,
    { en: 3 },
    { key: 'ai.x', params: { n: { key: 'ai.y', params: { m: { key: 'ai.z' } } } } },
  ),
);

const messageArb = fc.oneof(
  fc.record(
    {
      key: fc.constantFrom('ai.accept', 'reason.x.y', '9bad', ''),
      params: fc.dictionary(fc.constantFrom('actor', 'value', 'to', '_x', 'A', 'x'.repeat(41)), textArb, { maxKeys: 4 }),
    },
    { requiredKeys: ['key'] },
  ),
  fc.record({ params: fc.dictionary(fc.constantFrom('actor', 'value'), textArb, { maxKeys: 2 }), key: fc.constant('ai.accept') }),
  fc.constantFrom(undefined, null, 'ai.pass', { key: 'ai.pass', extra: 1 }),
);

describe("parseMove's quick path gives MoveSchema's answer", () => {
  for (const [name, level] of levels) {
    it(`on every AI move of a game on ${name}, and on those moves with bent messages`, () => {
      const rs = roles(level);
      const session = createSession(level, {
        seed: 3,
        controls: Object.fromEntries(rs.map((r) => [r, 'ai'])),
        policies: Object.fromEntries(rs.map((r) => [r, aiPolicy('hard')])),
      });
      session.start();
      const moves = session.events.flatMap((e) => (e.type === 'MOVE' ? [{ role: e.role, move: e.move }] : []));
      expect(moves.length).toBeGreaterThan(3);
      for (const { role, move } of moves) {
        const checked = parseMove(level, role, move);
        expect(checked.ok ? JSON.stringify(checked.value) : 'refused').toBe(referenceParse(level, role, move));
      }
      fc.assert(
        fc.property(fc.constantFrom(...moves), messageArb, messageArb, ({ role, move }, reason, said) => {
          const bent = { ...move, reason, said };
          const checked = parseMove(level, role, bent);
          expect(checked.ok ? JSON.stringify(checked.value) : 'refused').toBe(referenceParse(level, role, bent));
        }),
        { numRuns: 400 },
      );
      session.stop();
    });
  }
});
