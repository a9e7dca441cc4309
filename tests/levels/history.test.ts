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
  '06-spp-2005.yaml': {
    washington: {
      won: true,
      moves: ['specific_request', 'bring_mexico_in'],
      source:
        '001: the dual-bilateral approach reflects "a reluctance on the part of the American government to cede risk-management responsibilities to its counterparts"; the SPP was "a promising dual–bilateral strategy"',
    },
    ottawa: {
      won: true,
      source:
        '001: "a commitment to advancing Canada’s privileged position vis-à-vis Mexico"; "bilateral negotiations have proven to be a successful strategy in the past"',
    },
    quebec: {
      won: true,
      moves: ['regional_consortium', 'quebec_delegations', 'quebec_delegations', 'provincial_security_initiative'],
      source:
        '001: the SPP set out to "remove obstacles to trade" and improve "critical infrastructure protection", the MRI\'s aims; Quebec\'s regional relationships "served to enhance rather than restrict the autonomy of Quebec"',
    },
  },
  '07-kandahar-2006.yaml': {
    washington: {
      won: true,
      source:
        '003: Rumsfeld kept "reminding the Canadians of the need for military support"; the 2,500 troops delivered "boots (and blood) on the ground"',
    },
    ottawa: {
      won: true,
      moves: ['brigade_headquarters'],
      source:
        '003: the commitment "appears to have gained Canada new respect in Washington"; the policy "may be regarded ... to be, for time being, a political success"',
    },
    // The seeds say nothing of Quebec and Afghanistan: its verdict is not judged.
  },
  '08-documents-and-guns-2007.yaml': {
    washington: {
      won: true,
      source:
        '001: Canada armed its border officers, which "helps bring the capabilities of Canada’s border guards in line with those of their American counterparts"',
    },
    ottawa: {
      won: true,
      source:
        '001: the enhanced licence "may be used in place of a passport"; arming the guards is "a clear attempt by Canada to overcome an existing asymmetry at the border"',
    },
    quebec: {
      won: true,
      moves: ['launch_edl', 'quebec_delegations', 'quebec_delegations'],
      source:
        '001: Quebec\'s enhanced driver\'s licence, developed by the SAAQ, "may be used in place of a passport by travellers entering the US by land or sea"',
    },
  },
  '09-quebec-strategy-2008.yaml': {
    washington: {
      won: true,
      source:
        '001: Quebec concluded "bilateral agreements with bordering states" and secured Hydro-Québec\'s plants, "collaboration with the United States to ensure the security of critical infrastructure"',
    },
    ottawa: {
      won: true,
      moves: ['appeal_to_principle'],
      source:
        '001: "the actions of Quebec have enhanced Canada’s position vis-à-vis the United States because of a clear alignment in the policy objectives"',
    },
    quebec: {
      won: true,
      moves: ['border_state_agreement', 'provincial_security', 'provincial_security', 'delegation_lobbying'],
      source:
        '001: "Quebec is emerging as an important actor in North American border security"; its network is "an asset which is unmatched on the American side"',
    },
  },
  '10-napolitano-2009.yaml': {
    washington: {
      won: true,
      moves: ['add_agents', 'end_the_fiction'],
      source:
        '001: "the 2009 move to dispatch an additional 700 agents"; Napolitano "stressed the legal non-differentiation between the United States’ northern and southern borders"',
    },
    ottawa: {
      won: false,
      source:
        '001: the northern border treated in law like the southern one, on the strength of a claim Napolitano made "incorrectly"; Harper repeatedly voiced Canada\'s concern about a "thickening of the border"',
    },
    // 001 ties the licence's future to "the continued ease of travel": still open in 2009, Quebec is not judged.
  },
  '11-shared-vision-2011.yaml': {
    washington: {
      won: true,
      source:
        '001: the deal\'s goal "is to target threats before they reach North America", with "a harmonized entry-exit system" and "greater information sharing"',
    },
    ottawa: {
      won: true,
      source:
        '001: a "modest step" toward a perimeter that eases "traffic at their shared border in order to facilitate trade", without the EU-like structure Ottawa rejected',
    },
    // The seeds do not say how Quebec fared on the declaration: not judged.
  },
  '12-action-plan-2011.yaml': {
    washington: {
      won: true,
      source: '004: the plan had initiatives in four areas, including "Addressing Threats Early" and "Cross-Border Law Enforcement"',
    },
    // 001: with "no set budget" it is "difficult to estimate how different Beyond the Border will be": Ottawa and
    // Quebec are not judged.
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
