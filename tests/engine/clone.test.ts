import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clonePlain } from '../../src/engine/clone';

/** Same shape as structuredClone's copy: types, prototypes, keys in order, holes, Object.is on values, aliasing. */
function sameCopy(a: unknown, b: unknown, seenA = new Map<object, object>()): boolean {
  if (a === null || typeof a !== 'object') return Object.is(a, b);
  if (b === null || typeof b !== 'object') return false;
  if (seenA.has(a)) return seenA.get(a) === b;
  seenA.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameCopy((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seenA));
}

describe('clonePlain', () => {
  it('copies anything structuredClone can copy into the same shape, and never shares objects with the original', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: true, withBoxedValues: true, maxDepth: 4 }), (value) => {
        const expected = structuredClone(value);
        const actual = clonePlain(value);
        expect(sameCopy(expected, actual)).toBe(true);
        if (value !== null && typeof value === 'object') expect(actual).not.toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps aliasing and cycles as structuredClone does, and refuses what it refuses', () => {
    const shared = { en: 'Ottawa' };
    const event = { type: 'MOVE', move: { id: 'accept', reason: { key: 'ai.accept', params: { actor: shared, to: shared } } } };
    const copy = clonePlain(event);
    expect(copy.move.reason.params.actor).toBe(copy.move.reason.params.to);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const c = clonePlain(cycle);
    expect(c.self).toBe(c);
    expect(() => clonePlain({ f: () => 1 })).toThrow();
    const proto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}');
    expect(sameCopy(structuredClone(proto), clonePlain(proto))).toBe(true);
  });

  it('copies a move event as structuredClone does', () => {
    const event = { type: 'MOVE', role: 'ottawa', move: { id: 'propose', deal: Object.freeze({ a: 'x', b: 'y' }), reason: { key: 'ai.propose_open', params: { actor: { en: 'Ottawa', fr: 'Ottawa' }, value: -0 } } } };
    expect(sameCopy(structuredClone(event), clonePlain(event))).toBe(true);
    expect(Object.isFrozen(clonePlain(event).move.deal)).toBe(false);
  });
});
