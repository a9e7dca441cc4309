import { describe, expect, it } from 'vitest';
import { deleteScenario, getScenario, listScenarios, SCENARIOS_KEY, SET_ASIDE_KEY, saveScenario } from '../../src/game/scenario/store';

/** localStorage's contract in memory, optionally refusing writes as a full or blocked store does. */
function memory(full = false) {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('"My scenarios" in browser storage', () => {
  it('keeps, lists, finds and deletes scenarios, newest first', () => {
    const s = memory();
    const a = saveScenario('a.yaml', 'A', 'format: 1\nid: a', s);
    const b = saveScenario('b.yaml', 'B', 'format: 1\nid: b', s);
    expect(listScenarios(s).items.map((x) => x.file)).toEqual(['b.yaml', 'a.yaml']);
    expect(getScenario(a?.id ?? '', s)?.text).toBe('format: 1\nid: a');
    deleteScenario(b?.id ?? '', s);
    expect(listScenarios(s)).toEqual({ items: [a], setAside: 0 });
  });

  it('opening a file of the same name again replaces it and keeps its id', () => {
    const s = memory();
    const first = saveScenario('a.yaml', 'A', 'old', s);
    const again = saveScenario('a.yaml', 'A2', 'new', s);
    expect(again?.id).toBe(first?.id);
    expect(listScenarios(s).items.map((x) => [x.title, x.text])).toEqual([['A2', 'new']]);
  });

  it('sets a damaged entry aside, keeps the others, and says how many', () => {
    const s = memory();
    const good = saveScenario('a.yaml', 'A', 'text', s);
    const raw = JSON.parse(s.getItem(SCENARIOS_KEY) ?? '');
    raw.items.push({ id: 'x', file: 7 }, 'junk');
    s.setItem(SCENARIOS_KEY, JSON.stringify(raw));
    expect(listScenarios(s)).toEqual({ items: [good], setAside: 2 });
    expect(JSON.parse(s.getItem(SET_ASIDE_KEY) ?? '')).toEqual([{ id: 'x', file: 7 }, 'junk']);
    // Once set aside, the list reads clean.
    expect(listScenarios(s).setAside).toBe(0);
  });

  it('sets an unreadable store aside whole, never deletes it, and starts an empty list', () => {
    const s = memory();
    s.setItem(SCENARIOS_KEY, '{"version":1,"items":[{"id":');
    expect(listScenarios(s)).toEqual({ items: [], setAside: 1 });
    expect(JSON.parse(s.getItem(SET_ASIDE_KEY) ?? '')).toEqual(['{"version":1,"items":[{"id":']);
    expect(s.getItem(SCENARIOS_KEY)).toBeNull();
    // A second damaged store is added beside the first, not over it.
    s.setItem(SCENARIOS_KEY, 'nonsense');
    listScenarios(s);
    expect(JSON.parse(s.getItem(SET_ASIDE_KEY) ?? '')).toHaveLength(2);
    expect(saveScenario('a.yaml', 'A', 'text', s)).not.toBeNull();
  });

  it('says a scenario could not be kept when storage refuses, without throwing', () => {
    expect(saveScenario('a.yaml', 'A', 'text', memory(true))).toBeNull();
    expect(saveScenario('a.yaml', 'A', 'text', null)).toBeNull();
    expect(listScenarios(null)).toEqual({ items: [], setAside: 0 });
  });
});
