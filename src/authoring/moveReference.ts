/**
 * The move reference: every kind of move and every preset, with its cost, its effects in numbers, when
 * it is legal and how the AI values it. The numbers are computed here by calling the engine's own
 * mechanics, so the reference (docs/moves.md, and the studio) cannot drift from the code.
 */
import { DEFAULT_COST, TABLE_KINDS } from '../engine/catalog';
import { contributionEffects } from '../engine/mechanics/burden';
import { coalitionPressure } from '../engine/mechanics/coalition';
import { LINKAGE_BONUS } from '../engine/mechanics/linkage';
import { pressShift } from '../engine/mechanics/pressure';
import { appealToPrinciple } from '../engine/mechanics/principle';
import { securityMeasure } from '../engine/mechanics/security';
import { reframedSalience, SOVEREIGNTY_POINTS_PER_LEVEL } from '../engine/mechanics/sovereignty';
import { facilitationEffects, thickeningEffects } from '../engine/mechanics/thickening';
import { refusalEffects, resistanceCost } from '../engine/mechanics/trust';
import { MAX_TIED_HANDS, TIED_HANDS_STEP } from '../engine/mechanics/twoLevel';
import { MOVE_KINDS, MOVE_PRESETS, type MoveKind, movePreset, PRESET_ALIASES, type PresetSettings } from '../levels/schema';

export interface KindReference {
  kind: MoveKind;
  /** Capital it costs unless the level sets `cost`. */
  cost: number;
  /** Whether only a seat at the table may make it. */
  tableOnly: boolean;
  /** What the move names when it is made (a package, a target, an ally...). */
  takes: string;
  /** When it is legal, beyond having the capital and meeting the move's own `requires` and `limit`. */
  when: string;
  /** What it does, with the engine's numbers. */
  effects: string[];
  /** How the game's AI weighs it. */
  ai: string;
}

export interface PresetReference {
  name: string;
  kind: MoveKind;
  cost: number;
  settings: Omit<PresetSettings, 'kind' | 'cost'>;
  /** What one use does, with the preset's own settings. */
  effects: string[];
}

export interface AliasReference {
  name: string;
  preset: string;
  target?: string;
}

export interface MoveReference {
  kinds: KindReference[];
  presets: PresetReference[];
  aliases: AliasReference[];
}

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n * 100) / 100)}`;
/** Effects on indicator kinds as text, e.g. "burden_share +5, free_rider −4". */
const listed = (effects: Record<string, number | undefined>) =>
  Object.entries(effects)
    .filter(([, v]) => v !== undefined && v !== 0)
    .map(([k, v]) => `${k} ${signed(v as number)}`)
    .join(', ');

function contributeEffects(amount: number, arena: 'home' | 'away'): string[] {
  return [
    `${arena === 'home' ? 'at home' : 'abroad'}, amount ${amount}: ${listed(contributionEffects(amount, 0, arena))} (first contribution)`,
    `diminishing returns: the second gives ${listed(contributionEffects(amount, 1, arena))}, the third ${listed(contributionEffects(amount, 2, arena))}`,
  ];
}

function securityEffects(amount: number): string[] {
  return [
    `amount ${amount}: ${listed(securityMeasure(amount, 0))} with the seat's expectation at 0; ${listed(securityMeasure(amount, 50))} at 50; ${listed(securityMeasure(amount, 100))} at 100 (the more security, the more it needs)`,
    `thickness carries into waits, trade and travel: per point of thickness ${listed(thickeningEffects(1))}`,
  ];
}

function facilitateEffects(amount: number): string[] {
  return [
    `amount ${amount}: ${listed(facilitationEffects(amount))}, and so ${listed(thickeningEffects(facilitationEffects(amount).thickness ?? 0))}`,
  ];
}

function pressEffects(): string[] {
  return [
    `adds pressure to the target's home level for each option the presser values most, on every issue: ${pressShift(1, 1)} between equals, ${pressShift(4, 1)} against a party a quarter as strong (capped), ${pressShift(1, 4)} against one four times as strong (floor)`,
  ];
}

const EFFECTS: Record<MoveKind, () => string[]> = {
  propose: () => ["tables a package (one option per issue), replacing the seat's earlier proposal; the proposer counts as accepting it"],
  accept: () => [
    'accepts a tabled package; once every veto holder has accepted the same package it is agreed and goes home for ratification',
  ],
  reject: () => [
    'takes a tabled package off the table',
    `rejecting a stronger party's package costs the trust it holds in the rejecter: ${resistanceCost(70)} with trust at 60 or more, ${resistanceCost(50)} from 40, ${resistanceCost(30)} below`,
  ],
  pass: () => ["banks one point of political capital (up to the seat's maximum)"],
  sound_out: () => ['reveals, to the seat alone, the option the target values most on one issue drawn at random'],
  appeal_to_principle: () => {
    const full = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 0, repeats: 0 });
    const again = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 0, repeats: 1 });
    const backfire = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 1, repeats: 0 });
    return [
      `with full resonance: pressure ${signed(full.pressure)} on the target's home level for each option the principle favours, approval ${signed(full.approvalHome)} at home (both scale with the principle's resonance for each audience)`,
      `repeated, it fades: the second appeal to the same principle gives pressure ${signed(again.pressure)}, approval ${signed(again.approvalHome)}`,
      `it backfires after the seat proposed a package against the principle: approval ${signed(backfire.approvalHome)}, the target's trust ${signed(-backfire.trustLost)}, no pressure`,
    ];
  },
  build_coalition: () => {
    const [helps, , hurts] = coalitionPressure(1, [1, 0, -1]);
    const [aligned] = coalitionPressure(1, [1], 100);
    return [
      `the ally lobbies its target's home level on one of its issues: per point of influence, pressure ${signed(helps)} for an option that helps the ally's interest, ${signed(hurts)} for one that hurts it`,
      `a recruiter with an alignment indicator multiplies it by 0.5 + alignment/100 (${signed(aligned)} per point at alignment 100); the ally's own cost is added to the move's`,
    ];
  },
  tie_hands: () => [
    `raises the seat's own ratification threshold by ${TIED_HANDS_STEP} (at most ${MAX_TIED_HANDS} times): a stronger hand at the table, a greater risk of failing at home; approval +1`,
  ],
  link_issues: () => [
    `links two issues: each home level values a package ${signed(LINKAGE_BONUS)} more when it gets its best option on at least one of the two`,
  ],
  reframe: () => [
    `lowers an issue's salience from 1 to ${reframedSalience(1)}, then ${reframedSalience(reframedSalience(1))} (never below 0.25); each clause costs harmonization × salience × ${SOVEREIGNTY_POINTS_PER_LEVEL} sovereignty points`,
  ],
  contribute: () => [...contributeEffects(1, 'home'), ...contributeEffects(1, 'away')],
  raise_security: () => securityEffects(1),
  facilitate: () => facilitateEffects(1),
  press: pressEffects,
  refuse: () => [
    `${listed(refusalEffects(70))} with the other side's trust in the seat at 60 or more; ${listed(refusalEffects(50))} from 40; ${listed(refusalEffects(30))} below`,
  ],
  action: () => ['only the effects the level gives it (`effects`)'],
};

const TAKES: Record<MoveKind, string> = {
  propose: 'a package: one option for every issue',
  accept: 'the seat whose proposal it accepts',
  reject: 'the seat whose proposal it rejects',
  pass: 'nothing',
  sound_out: 'another seat',
  appeal_to_principle: 'a principle and the seat addressed',
  build_coalition: 'an ally and one of its issues',
  tie_hands: 'nothing',
  link_issues: 'two issues (only the `pairs` the level lists, if it lists any)',
  reframe: 'an issue',
  contribute: 'nothing (the level sets `amount` and `arena`)',
  raise_security: 'nothing (the level sets `amount`)',
  facilitate: 'nothing (the level sets `amount`)',
  press: 'another seat, unless the level sets `target`',
  refuse: 'nothing',
  action: 'nothing',
};

const WHEN: Record<MoveKind, string> = {
  propose: 'every option chosen meets its `requires`; not the same package the seat already has on the table',
  accept: 'that seat has a package on the table the seat has not accepted yet',
  reject: 'that seat has a package on the table',
  pass: 'always',
  sound_out: 'always',
  appeal_to_principle: 'the principle exists',
  build_coalition: "the ally is available to the seat, the issue is one of the ally's, and the ally has not already joined on it",
  tie_hands: `the seat has tied its hands fewer than ${MAX_TIED_HANDS} times`,
  link_issues: 'two different issues, not already linked',
  reframe: "the issue's salience is above 0.25",
  contribute: 'always',
  raise_security: 'always',
  facilitate: 'always',
  press: 'the target is another seat',
  refuse: 'always',
  action: 'always',
};

const AI: Record<MoveKind, string> = {
  propose:
    'tables, among the packages above its aspiration (which falls towards its reservation as the deadline nears), the one its model of the others likes best',
  accept:
    'accepts a package its home level would ratify that is worth at least its current aspiration (in the last round, anything better than no deal)',
  reject: 'rejects a package worth less to it than no deal, or one its home level would refuse',
  pass: 'a small value (0.3): it banks capital for a stronger move later',
  sound_out: 'worth more the less it has observed of the target; less for each thing already revealed',
  appeal_to_principle:
    'the projected pressure on the options it prefers (more when the target holds a veto) plus the approval at home; weighed up when the seat is the weaker party at the table',
  build_coalition:
    'the projected pressure on the options it prefers; weighed up when the seat is the weaker party at the table; never recruits an ally against itself',
  tie_hands: 'only in the first two rounds, when its best packages clear the higher threshold with room to spare',
  link_issues: 'when the package it expects gives it its best option on one of the two issues',
  reframe: "the gain to its objectives with the issue's sovereignty cost lowered",
  contribute:
    'the projected change to its objectives (and, when weaker, to the trust it holds with the stronger side); weighed up when the seat is the weaker party at the table',
  raise_security: 'the projected change to its objectives at its current expectation',
  facilitate: 'the projected change to its objectives',
  press: 'the projected pressure on the options it prefers, less against a target neither at the table nor holding a veto',
  refuse: 'the projected change to its objectives, trust lost included',
  action: "the projected change to its objectives from the move's listed effects, or tries it once to learn them",
};

function presetEffects(p: PresetSettings): string[] {
  const amount = p.amount ?? 1;
  if (p.kind === 'contribute') return contributeEffects(amount, p.arena ?? 'home');
  if (p.kind === 'raise_security') return securityEffects(amount);
  if (p.kind === 'facilitate') return facilitateEffects(amount);
  return EFFECTS[p.kind]();
}

/** The whole reference as data (the studio shows it; docs/moves.md is written from it). */
export function moveReference(): MoveReference {
  return {
    kinds: MOVE_KINDS.map((kind) => ({
      kind,
      cost: DEFAULT_COST[kind],
      tableOnly: TABLE_KINDS.includes(kind),
      takes: TAKES[kind],
      when: WHEN[kind],
      effects: EFFECTS[kind](),
      ai: AI[kind],
    })),
    presets: Object.keys(MOVE_PRESETS).map((name) => {
      const p = movePreset(name) as PresetSettings;
      const { kind, cost, ...settings } = p;
      return { name, kind, cost: cost ?? DEFAULT_COST[kind], settings, effects: presetEffects(p) };
    }),
    aliases: Object.entries(PRESET_ALIASES).map(([name, a]) => ({
      name,
      preset: a.preset,
      ...('target' in a ? { target: a.target } : {}),
    })),
  };
}

/** docs/moves.md, written by `npm run moves` from moveReference(). */
export function movesMarkdown(ref: MoveReference = moveReference()): string {
  const lines = [
    '# Move reference',
    '',
    '<!-- Generated by `npm run moves` from the engine (src/authoring/moveReference.ts). Do not edit by hand: a test fails when it is stale. -->',
    '',
    'Every move a level can give a role, by kind and by preset. A level lists moves under `moves:` by kind name, by',
    'preset name, or configured (`{ kind, id, label, cost, amount, arena, target, pairs, effects, requires, limit }`);',
    "see [levels.md](levels.md). Every move also pays its cost in political capital; a configured move's `effects`",
    'are added to what its kind does. Effects are on indicators by the kind the level gives them (`trust`,',
    '`sovereignty`...), held by the seat or, when it has none, by its partner.',
    '',
    '## Kinds',
    '',
  ];
  for (const k of ref.kinds) {
    lines.push(
      `### \`${k.kind}\``,
      '',
      `- **Cost:** ${k.cost}${k.tableOnly ? ' · table seats only' : ''}`,
      `- **Takes:** ${k.takes}`,
      `- **Legal when:** ${k.when}`,
    );
    lines.push(`- **Does:** ${k.effects.join('; ')}`, `- **The AI:** ${k.ai}`, '');
  }
  lines.push('## Presets', '', '| preset | kind | cost | settings | one use does |', '|---|---|---|---|---|');
  for (const p of ref.presets) {
    const settings =
      Object.entries(p.settings)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ') || '—';
    lines.push(`| \`${p.name}\` | \`${p.kind}\` | ${p.cost} | ${settings} | ${p.effects.join('; ')} |`);
  }
  lines.push('', '## Old preset names', '', 'Still accepted, with the settings they had; the move keeps the old name as its id.', '');
  for (const a of ref.aliases) lines.push(`- \`${a.name}\`: \`${a.preset}\`${a.target ? ` with \`target: ${a.target}\`` : ''}`);
  lines.push('');
  return lines.join('\n');
}
