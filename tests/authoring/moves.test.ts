import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moveReference, movesMarkdown } from '../../src/authoring/moveReference';
import { createSession, roles } from '../../src/engine';
import { movesFor } from '../../src/engine/catalog';
import { contributionEffects } from '../../src/engine/mechanics/burden';
import { loadLevel } from '../../src/levels/load';
import { MOVE_KINDS, MOVE_PRESETS, movePreset, PRESET_ALIASES } from '../../src/levels/schema';

describe('the move reference', () => {
  it('docs/moves.md is what the engine says today (run npm run moves after changing a move)', () => {
    expect(readFileSync('docs/moves.md', 'utf8')).toBe(movesMarkdown());
  });

  it('covers every kind and every preset, with the costs the engine charges', () => {
    const ref = moveReference();
    expect(ref.kinds.map((k) => k.kind)).toEqual([...MOVE_KINDS]);
    expect(ref.presets.map((p) => p.name)).toEqual(Object.keys(MOVE_PRESETS));
    const level = { ...readLevel('tests/fixtures/mini.yaml'), moves: { big: Object.keys(MOVE_PRESETS) } } as ReturnType<typeof readLevel>;
    const defs = movesFor(level, 'big');
    for (const p of ref.presets) expect(defs.find((d) => d.id === p.name)?.cost, p.name).toBe(p.cost);
  });

  it('gives the numbers the mechanics compute', () => {
    const contribute = moveReference().kinds.find((k) => k.kind === 'contribute');
    const first = contributionEffects(1, 0, 'home');
    expect(contribute?.effects[0]).toContain(`burden_share +${first.burden_share}`);
    expect(contribute?.effects[0]).toContain(`free_rider −${-(first.free_rider ?? 0)}`);
  });
});

function readLevel(file: string) {
  const r = loadLevel(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('old preset names', () => {
  it('resolve to the generic presets with the settings they had', () => {
    expect(movePreset('press_ottawa')).toEqual({ ...MOVE_PRESETS.press_partner, target: 'ottawa' });
    expect(movePreset('provincial_security_initiative')).toEqual(MOVE_PRESETS.regional_security_initiative);
    expect(movePreset('border_state_agreement')).toEqual(MOVE_PRESETS.neighbour_agreement);
    expect(movePreset('constructor')).toBeUndefined();
    for (const name of Object.keys(PRESET_ALIASES)) expect(Object.keys(MOVE_PRESETS)).not.toContain(name);
  });

  it('play exactly as the new names do, keeping the old name as the move id', () => {
    const file = 'levels/01-smart-border-2001.yaml';
    const old = readFileSync(file, 'utf8');
    expect(old).toContain('    - press_ottawa\n');
    const renamed = old.replace('    - provincial_security_initiative\n', '    - regional_security_initiative\n');
    const a = readLevel(file);
    const r = loadLevel(renamed, file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const b = r.value;
    const strip = (defs: ReturnType<typeof movesFor>) => defs.map(({ id: _id, ...d }) => d);
    expect(strip(movesFor(b, 'quebec'))).toEqual(strip(movesFor(a, 'quebec')));
    expect(movesFor(a, 'quebec').find((d) => d.id === 'press_ottawa')).toMatchObject({ kind: 'press', target: 'ottawa', cost: 1 });
    // The same seed and the same choices end the same way.
    const play = (level: typeof a) => {
      const s = createSession(level, { seed: 3 });
      s.start();
      while (s.phase() === 'choosing')
        for (const role of roles(level))
          if (s.phase() === 'choosing')
            s.send(role, s.legalMoves(role).find((m) => m.id.endsWith('security_initiative')) ?? { id: 'pass' });
      return s.context().indicators;
    };
    expect(play(b)).toEqual(play(a));
  });
});
