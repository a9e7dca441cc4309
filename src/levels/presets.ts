/**
 * Named presets an author may list by name, and the old names they are still accepted by. Apart from
 * the schema, so the engine and the AI read them without loading Zod.
 */
import type { MoveKind } from './schema';

/** Each preset is a library kind with settings (see docs/moves.md). */
export const MOVE_PRESETS = {
  unilateral_investment: { kind: 'contribute', arena: 'home', amount: 2, cost: 2 },
  regional_security_initiative: { kind: 'contribute', arena: 'home', amount: 1, cost: 1 },
  away_deployment: { kind: 'contribute', arena: 'away', amount: 3, cost: 3 },
  raise_alert: { kind: 'raise_security', amount: 2, cost: 1 },
  add_agents: { kind: 'raise_security', amount: 1, cost: 2 },
  offer_facilitation: { kind: 'facilitate', amount: 2, cost: 2 },
  neighbour_agreement: { kind: 'build_coalition' },
  delegation_lobbying: { kind: 'build_coalition' },
  public_rebuke: { kind: 'press', cost: 1 },
  press_partner: { kind: 'press', cost: 1 },
  specific_request: { kind: 'press', cost: 1 },
} as const;

/**
 * The names some presets had before they were made generic, still accepted with the settings they
 * had: an old level plays as it did (its move ids, labels and saves unchanged).
 */
export const PRESET_ALIASES = {
  provincial_security_initiative: { preset: 'regional_security_initiative' },
  border_state_agreement: { preset: 'neighbour_agreement' },
  press_ottawa: { preset: 'press_partner', target: 'ottawa' },
} as const satisfies Record<string, { preset: keyof typeof MOVE_PRESETS; target?: string }>;

export type PresetSettings = { kind: MoveKind; arena?: 'home' | 'away'; amount?: number; cost?: number; target?: string };

/** A preset's settings by its name or an old alias, or undefined for any other name. */
export function movePreset(name: string): PresetSettings | undefined {
  if (Object.hasOwn(MOVE_PRESETS, name)) return MOVE_PRESETS[name as keyof typeof MOVE_PRESETS];
  if (!Object.hasOwn(PRESET_ALIASES, name)) return undefined;
  const alias: { preset: keyof typeof MOVE_PRESETS; target?: string } = PRESET_ALIASES[name as keyof typeof PRESET_ALIASES];
  return { ...MOVE_PRESETS[alias.preset], ...(alias.target ? { target: alias.target } : {}) };
}

export type MovePresetName = keyof typeof MOVE_PRESETS | keyof typeof PRESET_ALIASES;
