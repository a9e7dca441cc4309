import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLevelText } from '../../src/authoring/check';
import { checkCitations, SEED_FILE } from '../../src/authoring/cite';
import { findEnding, findWin } from '../../src/authoring/search';
import { roles } from '../../src/engine';
import { campaignOrder, standalone } from '../../src/levels/campaign';
import type { Level } from '../../src/levels/schema';

const DIR = 'levels/scenarios';
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const file = join(DIR, f);
    const checked = checkLevelText(readFileSync(file, 'utf8'), file);
    return { file, checked, level: checked.level as Level };
  });

/** Every player-facing text in a level: each object with an `en` string. */
function texts(node: unknown, path = ''): { path: string; text: Record<string, string> }[] {
  if (node === null || typeof node !== 'object') return [];
  if (typeof (node as { en?: unknown }).en === 'string') return [{ path, text: node as Record<string, string> }];
  return Object.entries(node).flatMap(([k, v]) => texts(v, `${path}.${k}`));
}

describe('the example scenarios shipped outside the campaign', () => {
  it('are the two the game ships: the 2005 partnership with Mexico City seated, and Schengen 1985', () => {
    expect(scenarios.map((s) => s.level?.id).sort()).toEqual(['schengen_1985', 'spp_three_capitals_2005']);
    const spp = scenarios.find((s) => s.level?.id === 'spp_three_capitals_2005')?.level;
    expect(spp && roles(spp).filter((r) => spp.actors[r].seat === 'table')).toEqual(['washington', 'ottawa', 'mexico_city']);
    const schengen = scenarios.find((s) => s.level?.id === 'schengen_1985')?.level;
    expect(schengen && roles(schengen)).toEqual(['bonn', 'paris', 'benelux']);
  });

  it.each(scenarios.map((s) => [s.file, s] as const))(
    '%s loads with no error and no warning, stands alone, and is written in English and French',
    (_file, s) => {
      expect(s.checked.errors).toEqual([]);
      expect(s.checked.warnings).toEqual([]);
      expect(s.level.campaign).toBeUndefined();
      const entry = { file: s.file, level: s.level };
      expect(standalone([entry])).toEqual([entry]);
      expect(campaignOrder([entry])).toEqual([]);
      const missing = texts(s.level).filter((t) => !t.text.fr);
      expect(missing.map((t) => t.path)).toEqual([]);
    },
  );

  it.each(scenarios.map((s) => [s.file, s] as const))('%s has a map, crossings, places and colours of its own', (_file, s) => {
    const campaign = checkLevelText(readFileSync('levels/01-smart-border-2001.yaml', 'utf8')).level as Level;
    const names = (l: Level) => (l.border.crossings ?? []).map((c) => c.name.en);
    expect(names(s.level).length).toBeGreaterThan(1);
    expect(names(s.level)).not.toEqual(names(campaign));
    expect(s.level.border.places.length).toBeGreaterThan(2);
    expect(s.level.border.north?.fr && s.level.border.south?.fr).toBeTruthy();
    for (const r of roles(s.level)) expect(s.level.actors[r].colour, r).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each(scenarios.map((s) => [s.file, s] as const))('%s quotes its seeds word for word', (_file, s) => {
    const seeds = '../shared/seeds';
    const cited = s.level.sources.filter((x) => SEED_FILE.test(x.file));
    expect(cited.length).toBeGreaterThan(5);
    if (!existsSync(seeds)) return;
    const read = (f: string) => (existsSync(join(seeds, f)) ? readFileSync(join(seeds, f), 'utf8') : undefined);
    expect(checkCitations(s.level, read, (f) => SEED_FILE.test(f))).toEqual([]);
  });

  it.each(scenarios.flatMap((s) => roles(s.level).map((r) => [s.level.id, r, s.level] as const)))(
    '%s as %s: a game can end in an agreement, one without, and one can win',
    (_id, role, level) => {
      expect(findEnding(level, role, 'agreement', { seeds: [1] })?.deal).toBeTruthy();
      expect(findEnding(level, role, 'no_deal', { seeds: [1] })?.deal).toBeNull();
      expect(findWin(level, role, { seeds: [1] })?.won).toBe(true);
    },
  );
});
