import { describe, expect, it } from 'vitest';
import { emptyStore, migrate, STORE_VERSION } from '../../src/game/store';

const record = { format: 1, level: 'smart_border_2001', seed: 7, events: [{ type: 'START' }] };

describe('the game save: migration and damage', () => {
  it('reads nothing as an empty store, without a problem', () => {
    expect(migrate(null)).toEqual({ store: emptyStore(), problem: null });
  });

  it('migrates a version 1 save (a bare engine record) to the level in play', () => {
    const { store, problem } = migrate(record);
    expect(problem).toBeNull();
    expect(store.version).toBe(STORE_VERSION);
    expect(store.current).toEqual({ levelId: 'smart_border_2001', role: 'ottawa', difficulty: 'normal', record });
  });

  it('keeps a current save as it is', () => {
    const saved = {
      version: 2,
      campaign: { completed: ['a'], carried: { trust: 61 }, finals: { a: { trust: 61 } }, best: { a: 80 } },
      current: { levelId: 'a', role: 'quebec', difficulty: 'hard', record },
    };
    expect(migrate(saved)).toEqual({ store: saved, problem: null });
  });

  it('reads a save from before per-level carry as what the last finished level handed on', () => {
    const { store } = migrate({ version: 2, campaign: { completed: ['a', 'b'], carried: { trust: 61 }, best: {} }, current: null });
    expect(store.campaign.finals).toEqual({ b: { trust: 61 } });
  });

  it('drops damaged campaign fields but keeps what is readable', () => {
    const { store, problem } = migrate({
      version: 2,
      campaign: { completed: ['a', 3], carried: { trust: 'high', sovereignty: 70 }, best: null },
      current: null,
    });
    expect(problem).toBeNull();
    expect(store.campaign).toEqual({ completed: ['a'], carried: { sovereignty: 70 }, finals: { a: { sovereignty: 70 } }, best: {} });
  });

  it('reports a level in play it cannot read as corrupt, keeping the campaign', () => {
    const { store, problem } = migrate({ version: 2, campaign: { completed: ['a'] }, current: { levelId: 7 } });
    expect(problem).toBe('corrupt');
    expect(store.current).toBeNull();
    expect(store.campaign.completed).toEqual(['a']);
  });

  it('reports a save from a newer version', () => {
    expect(migrate({ version: STORE_VERSION + 1 }).problem).toBe('newer');
  });

  it('reports anything else as corrupt', () => {
    for (const junk of [42, 'text', [1, 2], { hello: 'world' }]) expect(migrate(junk).problem).toBe('corrupt');
  });
});
