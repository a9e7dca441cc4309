import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLevel } from '../../src/levels/load';
import { formatLevelError } from '../../src/levels/result';
import { historicalPlay } from '../../src/authoring/search';

/**
 * How the literature judges the historical outcome of each level for each side, and the moves the side made
 * on the way (so a verdict that rests on what a side did is checked with it doing it). Sources are the seed
 * files: 000 Kitchen; 001 von Hlatky and Trisko (2012); 002 their slides; 003 the volume on security in the
 * Americas (the home game / away game chapter; Rudolph's chapter); 004 the encyclopedia entry.
 */
interface Verdict {
  won: boolean;
  moves?: string[];
  /** Where the literature says so. */
  source: string;
}
const JUDGED: Record<string, Record<string, Verdict>> = {
  '01-smart-border-2001.yaml': {
    washington: {
      won: true,
      moves: ['add_agents', 'specific_request'],
      source:
        '000: "the process was generally declared a success"; 003 (Rudolph): cooperation lets the US "leverage" its anti-terrorism efforts',
    },
    ottawa: {
      won: true,
      moves: ['appeal_to_principle', 'naval_deployment'],
      source:
        '000: "The smart border declaration was largely a Canadian document"; 004: Chrétien\'s government "persuaded the Bush administration"',
    },
    quebec: {
      won: true,
      moves: ['quebec_delegations', 'provincial_security_initiative', 'quebec_delegations'],
      source:
        '001: Quebec and Ottawa pursued similar objectives, "reassuring Americans ... while finding ways to do so that would not impede trade"; Quebec\'s actions "enhanced Canada\'s position"',
    },
  },
  '02-safe-third-country-2002.yaml': {
    washington: {
      won: true,
      moves: ['add_agents', 'specific_request'],
      source:
        '003 (Rudolph): a State Department official: the agreement is "something that ...Canada wants and that we are willing to agree to as a trade-off for other important counter-terrorism measures"',
    },
    ottawa: {
      won: true,
      source: '003 (Rudolph): the agreement is what "Canada wants"; it applies only to land crossings, with exceptions for family',
    },
    // The seeds give Quebec no part in this agreement: its verdict is not judged.
  },
  '03-iraq-2003.yaml': {
    washington: {
      won: false,
      source:
        '003 (home game / away game): Canada "refused to enter the war in Baghdad", and its contributions "would prove to be insufficient in terms mending relations with Washington"',
    },
    // Ottawa's verdict is mixed in 003 (it stayed out, but did not mend relations), and Quebec has no part in
    // the seeds' account of Iraq: neither is judged.
  },
  '04-mirroring-dhs-2003.yaml': {
    washington: {
      won: true,
      moves: ['specific_request'],
      source:
        '001: "Canada followed suit with the creation of its Department of Public Safety in 2003", a centre that keeps contact with the United States',
    },
    ottawa: {
      won: true,
      source:
        '001: "Canadian border security policy has not been simply dictated by the United States"; the new department coordinates rather than merges (003: "coordination rather than collaboration")',
    },
    quebec: {
      won: true,
      moves: ['protect_hydro', 'quebec_delegations', 'sq_counter_terrorism'],
      source:
        '001: Quebec\'s security initiatives and organizational relationships "served to enhance rather than restrict the autonomy of Quebec as a political actor"',
    },
  },
  '05-commission-2004.yaml': {
    washington: {
      won: true,
      source: '001: after the 9/11 Commission report, "the point at which US border interests became hegemonic in North America"',
    },
    // The seeds do not say how Ottawa or Quebec fared on the 2004 document rules: not judged.
  },
};

describe.each(Object.entries(JUDGED))('the historical deal of %s', (file, verdicts) => {
  const loaded = loadLevel(readFileSync(`levels/${file}`, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLevelError).join('\n'));
  const level = loaded.value;
  const moves = Object.fromEntries(Object.entries(verdicts).map(([role, v]) => [role, v.moves ?? []]));
  const played = historicalPlay(level, moves);

  it('is ratified', () => {
    expect(played?.ratified).toBe(true);
  });

  it.each(Object.entries(verdicts))('is judged as the literature judges it for %s', (role, verdict) => {
    const score = played?.scores[role];
    expect(score?.won, `${role} scores ${score?.score} (win at ${level.win_at}); ${verdict.source}`).toBe(verdict.won);
  });
});
