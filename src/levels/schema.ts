/**
 * The one definition of a level file. The TypeScript types, the validator and the published
 * `levels/level.schema.json` (for editors) all come from here. Every field carries a description,
 * because instructors read the schema in their editor as documentation.
 */
import { z } from 'zod';

// Zod would probe for eval, which the game's Content-Security-Policy forbids: parse without it.
z.config({ jitless: true });
import { badFigures } from './figures';
import { LANGUAGE_CODE } from './language';
import { MOVE_PRESETS, type MovePresetName, movePreset, PRESET_ALIASES, type PresetSettings } from './presets';

/** The largest magnitude a number in a level may have: far beyond any real figure, and small enough that scores stay finite. */
export const MAX_NUMBER = 1_000_000;
/** An objective's weight is relative to the others': a thousand times another is already all that counts. */
export const MAX_WEIGHT = 1000;
/** Every number in a level: finite and bounded (1e300 as a weight would turn scores into NaN). */
const Num = z.number().min(-MAX_NUMBER).max(MAX_NUMBER);

export { LANGUAGE_CODE };
export { MOVE_PRESETS, type MovePresetName, movePreset, PRESET_ALIASES, type PresetSettings };

export const LEVEL_FORMAT = 1;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an id of lower-case letters, digits and underscores, starting with a letter')
  .describe('A plain word chosen by the author: lower-case letters, digits and underscores.');

const figures = (s: string) => badFigures(s).length === 0;
const figuresMessage = {
  error: (issue: { input?: unknown }) =>
    `cannot format ${badFigures(String(issue.input)).join(', ')}: write {date:YYYY-MM-DD}, {money:1.8e9} or {money:1.8e9 USD}, {number:4800} or {percent:40}`,
};
/** One language's text; figures in it ({date:2001-12-12}, {money:1.8e9 USD}, {number:4800}, {percent:40}) are formatted for the reader. */
const textString = z.string().min(1).refine(figures, figuresMessage);
const textFields = {
  en: textString.describe('English text. Figures may be written {date:2001-12-12}, {money:1.8e9 USD}, {number:4800}, {percent:40}.'),
  fr: textString.optional().describe('French text. When missing, English is shown with a marker.'),
};

/** Every key of a text is a language code, but for the `extra` keys a name may carry. */
function languageKeys(extra: readonly string[] = []) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of Object.keys(value)) {
      if (!extra.includes(key) && !LANGUAGE_CODE.test(key)) {
        const dashed = key.replace(/_/g, '-');
        const fixed = `${dashed.split('-')[0].toLowerCase()}${dashed.slice(dashed.indexOf('-') < 0 ? dashed.length : dashed.indexOf('-'))}`;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          input: key,
          message: `"${key}" is not a language code: use a code such as en, fr, es, de or fr-CA`,
          params: {
            hint: LANGUAGE_CODE.test(fixed)
              ? `did you mean "${fixed}"?`
              : 'write the language by its code: es for Spanish, de for German, fr-CA for Quebec French',
          },
        });
      }
    }
  };
}

/**
 * Player-facing text: English is required (every player can fall back on it), French and any other
 * language are optional; a missing language falls back to English, visibly marked.
 */
export const Text = z
  .object(textFields)
  .catchall(textString.describe('The text in the language this key names (es, de, fr-CA...).'))
  .superRefine(languageKeys())
  .describe('Player-facing text: English (required), French, and any other language by its code (es, de, fr-CA...).');

const FRENCH_FORMS = ['fr_article', 'fr_de', 'fr_a'] as const;

/** A name used inside sentences (an actor, an ally, a body at home): French may say which article it takes. */
const Name = z
  .object({
    ...textFields,
    fr_article: z
      .enum(['le', 'la', "l'", 'les'])
      .optional()
      .describe(
        'The article the French name takes in a sentence: "le" gives le Québec, du Québec, au Québec. Omit it for a name without an article (Ottawa: d\'Ottawa, à Ottawa).',
      ),
    fr_de: z.string().min(1).optional().describe('The French name after "de", when the rule gets it wrong (e.g. "d\'Haïti").'),
    fr_a: z.string().min(1).optional().describe('The French name after "à", when the rule gets it wrong.'),
  })
  .catchall(textString.describe('The name in the language this key names (es, de, fr-CA...).'))
  .superRefine(languageKeys(FRENCH_FORMS))
  .describe('A name in English and other languages, with the French forms it takes in a sentence.');

const Comparison = z
  .strictObject({
    below: Num.optional(),
    above: Num.optional(),
    at_least: Num.optional(),
    at_most: Num.optional(),
  })
  .describe('A test on a number: any of below, above, at_least, at_most (all given must hold).');

export type Comparison = z.infer<typeof Comparison>;

/**
 * A condition is data, never code. A map reads as "all of these hold": keys are `round`, `all`, `any`,
 * `not`, `moved`, `event`, `proposed`, `agreed`, or an indicator id with a comparison.
 */
export interface Condition {
  round?: number | Comparison;
  all?: Condition[];
  any?: Condition[];
  not?: Condition;
  moved?: { actor?: string; move: string };
  event?: string;
  proposed?: Record<string, string>;
  agreed?: boolean;
  [indicator: string]: unknown;
}

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .object({
      round: z
        .union([Num.int().min(1), Comparison])
        .optional()
        .describe('The current round, or a comparison on it.'),
      all: z.array(Condition).optional().describe('Every condition in the list holds.'),
      any: z.array(Condition).optional().describe('At least one condition in the list holds.'),
      not: Condition.optional().describe('The condition does not hold.'),
      moved: z
        .strictObject({ actor: id.optional(), move: id })
        .optional()
        .describe('An actor (any, if omitted) has made this move earlier in the level.'),
      event: id.optional().describe('This event has already happened in the level.'),
      proposed: z.record(id, id).optional().describe('A proposal on the table chooses these options ({issue: option}).'),
      agreed: z.boolean().optional().describe('Whether a package has been agreed at the table.'),
    })
    .catchall(Comparison)
    .describe('A declarative condition. Indicator ids may be used as keys with a comparison, e.g. {trust: {below: 55}}.'),
);

/** Changes to indicators, e.g. `{ trust: 8, sovereignty: -4 }`. */
export const Effects = z.record(id, Num).describe('Changes to indicators by id, e.g. {trust: 8, sovereignty: -4}.');
export type Effects = z.infer<typeof Effects>;

export const INDICATOR_KINDS = [
  'trust',
  'approval',
  'sovereignty',
  'security',
  'expectation',
  'thickness',
  'border_wait',
  'trade_flow',
  'travel',
  'free_rider',
  'burden_share',
  'alignment',
  'personality',
  'exports',
  'other',
] as const;

const Indicator = z
  .strictObject({
    name: Text,
    describe: Text.optional().describe('What the indicator means, shown when a player focuses its meter.'),
    kind: z
      .enum(INDICATOR_KINDS)
      .default('other')
      .describe('What the engine mechanics read this indicator as (trust, approval, sovereignty, ...).'),
    range: z.tuple([Num, Num]).describe('[lowest, highest].'),
    start: Num.describe('Value at the start of the level (unless carried over from an earlier level).'),
    unit: z
      .union([z.string().min(1), Text])
      .optional()
      .describe('Unit shown after the value: one string for every language ("h") or a text per language ({ en: hours, fr: heures }).'),
    held_by: id.optional().describe('The actor whose indicator this is (trust held by washington, for example).'),
    about: id.optional().describe('For trust and alignment: the actor it is about.'),
    higher_is: z.enum(['better', 'worse']).default('better').describe('Whether a rise is good news for its holder.'),
    source: id.optional().describe('The id of the source the start value rests on.'),
  })
  .describe('A quantity shown as a meter and changed by moves and events.');

const Option = z
  .strictObject({
    id,
    label: Text,
    harmonization: z
      .number()
      .int()
      .min(0)
      .max(3)
      .describe('0 coordination, 1 mutual recognition, 2 harmonized rules, 3 common policy: sovereignty cost scales with it.'),
    effects: Effects.optional().describe('Indicator changes when a deal containing this option is ratified.'),
    requires: Condition.optional().describe('When this option may be proposed (e.g. {trust: {at_least: 60}}).'),
    unacceptable_to: z
      .array(id)
      .optional()
      .describe(
        'A red line: the roles whose home level never ratifies a package with this option, and whose AI never tables or accepts one (public: a party states its red lines).',
      ),
    source: id.optional(),
  })
  .describe('One way to settle an issue.');

const Issue = z
  .strictObject({
    title: Text,
    describe: Text.optional(),
    options: z.array(Option).min(2).describe('At least two options; the first is the status quo when there is no deal.'),
    value: z
      .record(id, z.array(Num))
      .describe('For each actor, its value for each option, in the order of options (confidential to that actor).'),
    salience: Num.min(0).default(1).describe('How much sovereignty costs on this issue weigh (reframing lowers it).'),
  })
  .describe('A question on the table, settled by choosing one option.');

/** The in-house emblems (drawn in code by src/game/art.ts), and initials. */
export const EMBLEMS = [
  'maple',
  'eagle',
  'fleur',
  'star',
  'circle',
  'square',
  'shield',
  'crown',
  'tower',
  'sun',
  'mountain',
  'stars',
  'cactus',
  'wheel',
  'diamond',
  'triangle',
  'cross',
  'wave',
  'initials',
] as const;

/** The drawn portrait's looks: a figure by office, never a real person's likeness. */
export const LOOKS = ['short', 'long', 'bun', 'bald', 'curly'] as const;

const Position = z
  .strictObject({
    issue: id.describe('The issue this position is about.'),
    wants: z.array(id).min(1).describe('The options of that issue the side asks for in public.'),
    says: Text.describe('What its negotiator says of it, in the first person ("We need to know who is crossing.").'),
  })
  .describe("A side's public position on one issue: known to every seat, so its negotiator may say it aloud.");

const Negotiator = z
  .strictObject({
    title: Text.describe("The negotiator's office, not a person's name (e.g. 'Minister of Public Safety')."),
    source: id.optional().describe("The id of the source that gives this office at the level's date."),
    look: z.enum(LOOKS).default('short').describe("The drawn portrait's hair (never a real person's likeness)."),
    glasses: z.boolean().default(false).describe('The drawn portrait wears glasses.'),
    positions: z
      .array(Position)
      .default([])
      .describe('Public positions the negotiator cites when tabling, accepting or refusing a package.'),
  })
  .describe('The person who speaks for a side at the table, by office, drawn as a portrait.');

const Actor = z
  .strictObject({
    name: Name,
    seat: z.enum(['table', 'implementer', 'observer']).describe('At the table (can propose and answer) or not.'),
    veto: z.boolean().default(false).describe('Whether a deal needs this actor to accept it.'),
    power: Num.min(0).default(1).describe('Aggregate power: prices unilateral action only (structuralist paradox).'),
    capital: z
      .strictObject({
        start: Num.int().min(0).default(3),
        per_round: Num.int().min(0).default(2),
        max: Num.int().min(1).default(6),
      })
      .prefault({})
      .describe('Political capital: the budget that moves spend.'),
    brief: Text.optional().describe('Confidential brief: only this actor sees it.'),
    signals: z.array(Text).default([]).describe("Public hints about this actor's stance that others see."),
    emblem: z
      .enum(EMBLEMS)
      .default('circle')
      .describe('The shape drawn on the actor\'s seat, from the game\'s own set; "initials" draws its initials.'),
    initials: z
      .string()
      .regex(/^\p{L}{1,3}$/u, 'one to three letters')
      .optional()
      .describe('Letters for the "initials" emblem (default: the first letters of the English name).'),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
      .optional()
      .describe(
        "The actor's colour on the table, the map and the charts, as #rrggbb. Pick one that stands out on white (3:1 or more). Default: one from a colour-blind-safe set.",
      ),
    negotiator: Negotiator.optional().describe(
      'Who speaks for this side at the table (default: a "chief negotiator" with a drawn portrait).',
    ),
  })
  .describe('A party in the negotiation.');

export const MOVE_KINDS = [
  'propose',
  'accept',
  'reject',
  'pass',
  'sound_out',
  'appeal_to_principle',
  'build_coalition',
  'tie_hands',
  'link_issues',
  'reframe',
  'contribute',
  'raise_security',
  'facilitate',
  'press',
  'refuse',
  'action',
] as const;

const PRESET_NAMES = [...Object.keys(MOVE_PRESETS), ...Object.keys(PRESET_ALIASES)] as [MovePresetName, ...MovePresetName[]];
export type MoveKind = (typeof MOVE_KINDS)[number];

const MoveSpec = z
  .strictObject({
    kind: z.enum(MOVE_KINDS).describe('The engine mechanic this move uses.'),
    id: id.optional().describe('A name for this configured move (defaults to the kind).'),
    label: Text.optional(),
    describe: Text.optional(),
    cost: Num.int().min(0).optional().describe('Political capital it costs (defaults per kind).'),
    effects: Effects.optional().describe('Extra indicator changes each time it is made.'),
    requires: Condition.optional().describe('When the move is available.'),
    amount: Num.min(0).optional().describe('Size of a contribution, security measure or facilitation.'),
    arena: z.enum(['home', 'away']).optional().describe('For contribute: at the border (home) or abroad (away).'),
    target: id.optional().describe('For press: the actor pressed.'),
    pairs: z
      .array(z.tuple([id, id]))
      .min(1)
      .optional()
      .describe('For link_issues: the pairs of issues this move may link, e.g. [[refugees, security]] (any two issues, if omitted).'),
    limit: Num.int().min(1).optional().describe('How many times the move can be made in the level.'),
    source: id.optional(),
  })
  .describe("A move a role may make, configured from the engine's library of mechanics.");

export const MovesList = z
  .array(z.union([z.enum(MOVE_KINDS), z.enum(PRESET_NAMES), MoveSpec]))
  .describe('Moves by kind name, preset name, or a configured move. Table seats always have propose, accept, reject and pass.');

const Principle = z
  .strictObject({
    statement: Text,
    issue: id.describe('The issue the principle speaks to.'),
    favours: z.array(id).min(1).describe('The options of that issue the principle argues for.'),
    resonance: z.record(id, Num.min(0).max(1)).describe("How strongly each actor's domestic audience responds to the principle, 0 to 1."),
    source: id.optional(),
  })
  .describe("A principle a party can appeal to (Zartman: a weak party's tool).");

const Ally = z
  .strictObject({
    name: Name,
    interest: id.describe('The indicator the ally cares about.'),
    issues: z.array(id).min(1).describe('The only issues on which the ally will join a coalition.'),
    influence: Num.min(0).describe('Weight it adds at the table or on a domestic level.'),
    cost: Num.int().min(0).describe('Political capital it costs to recruit.'),
    target: id.describe('The actor whose domestic level it lobbies.'),
    available_to: z.array(id).optional().describe('Actors who may recruit it (all table seats, if omitted).'),
    source: id.optional(),
  })
  .describe('A third party who can join a coalition on particular issues.');

const Event = z
  .strictObject({
    id,
    when: Condition.describe('When the event happens (checked as each round opens).'),
    chance: Num.min(0).max(1).default(1).describe('Probability, drawn from the seeded generator.'),
    news: Text,
    effects: Effects.default({}),
    failure: z
      .number()
      .min(0)
      .optional()
      .describe('A security failure of this size: it costs the security holder security and approval in proportion to its expectations.'),
    once: z.boolean().default(true),
    source: id.optional(),
  })
  .describe('A shock between rounds, arriving as a news card.');

const Objective = z
  .strictObject({
    label: Text.optional(),
    indicator: id.optional(),
    at_least: Num.optional(),
    at_most: Num.optional(),
    slack: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Partial credit for an indicator aim: a value this far short of the target still scores in proportion (0: all or nothing). Default: a quarter of the indicator's range.",
      ),
    issue: id.optional(),
    prefer: z.array(id).optional().describe('Satisfied if the ratified deal picks one of these options.'),
    avoid: z.array(id).optional().describe('Satisfied unless the ratified deal picks one of these options.'),
    agreement: z.boolean().optional().describe('true: satisfied by a ratified deal; false: by no deal.'),
    weight: z
      .number()
      .positive()
      .max(MAX_WEIGHT)
      .default(1)
      .describe('How much this aim counts against the others (relative: 1 to 10 is usual).'),
  })
  .describe("One of a role's aims: an indicator threshold, an issue preference, or reaching (or avoiding) a deal.");

const Ratification = z
  .strictObject({
    body: Name.describe('Who ratifies at home (Congress, Parliament and public, Quebec as implementer).'),
    requires: z.array(Condition).default([]).describe('Conditions on indicators after the deal takes effect.'),
    min_value: Num.default(0).describe("The least value (sum of this actor's option values) it accepts."),
  })
  .describe("The domestic win-set: what the actor's home level ratifies (Putnam's two-level game).");

const Share = Num.min(0).max(1);
const Crossing = z
  .strictObject({
    name: Text,
    x: Share.describe('Where the crossing is along the border, from 0 (left edge of the map) to 1 (right edge).'),
    traffic: Share.default(0.6).describe(
      "How busy it is beside the busiest crossing (1): its queue and wait are this share of the border's wait.",
    ),
    trucks: Share.default(0.5).describe('The share of its traffic that is trucks.'),
  })
  .describe('A border crossing in the border view.');

const Place = z
  .strictObject({
    name: Text,
    x: Share.describe('From 0 (left) to 1 (right) of the map.'),
    y: Share.describe('From 0 (top) to 1 (bottom) of the map.'),
    kind: z.enum(['capital', 'city', 'port', 'site']).default('city'),
  })
  .describe('A notable place shown on the border map.');

export const BORDER_MAPS = ['straight', 'lakes', 'river', 'coast'] as const;

const Border = z
  .strictObject({
    map: z
      .enum(BORDER_MAPS)
      .default('straight')
      .describe(
        'A built-in map: straight (a line across land), lakes (a line across a chain of lakes), river (a river as the line), coast (a strait between two shores).',
      ),
    line: z
      .array(z.tuple([Share, Share]))
      .min(2)
      .optional()
      .describe('A border line of your own instead of the built-in one: points [x, y] from 0 to 1, left to right.'),
    water: z
      .array(z.strictObject({ x: Share, y: Share, width: Share, height: Share }))
      .optional()
      .describe("Lakes and seas of your own, as ellipses centred on [x, y] (instead of the built-in map's)."),
    north: Text.optional().describe('The name of the land above the line.'),
    south: Text.optional().describe('The name of the land below the line.'),
    crossings: z.array(Crossing).max(8).optional().describe('The crossings shown (default: three unnamed crossings).'),
    places: z.array(Place).max(12).default([]).describe('Notable places of this level shown on the map.'),
  })
  .describe('The border view: its map, crossings and notable places.');

const Source = z.strictObject({
  id,
  file: z.string().min(1).describe('A seed file name (../shared/seeds) or a named public source.'),
  quote: z.string().min(1).describe('The exact words the fact rests on.'),
  describes: z
    .string()
    .regex(/^\d{4}(-\d{2}){0,2}$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
    .optional()
    .describe('When what the quote tells of happened (YYYY, YYYY-MM or YYYY-MM-DD): levels:check warns when a round uses it earlier.'),
});

const Work = z
  .strictObject({
    file: z.string().min(1).describe('The file its sources name, as in sources[].file.'),
    author: z.string().min(1).optional().describe('Who wrote or edited it, e.g. "Veronica Kitchen".'),
    title: z.string().min(1).optional().describe('Its title, in its own language (omit when unknown).'),
    lang: z.string().min(2).optional().describe('The language of its title and quotes, e.g. "fr" (default "en").'),
    name: Text.optional().describe('What a public source is, in each language, when it has no author or title: a law, an event.'),
    in: Text.optional().describe('Where it appeared: a journal, a volume, an institution.'),
    year: Num.int().min(1000).max(3000).optional().describe('The year it was published (omit when undated).'),
  })
  .describe('A work the sources quote, shown to players by author, title and year.');

export const LevelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(LEVEL_FORMAT).describe('The level format version.'),
    id,
    title: Text,
    date: z
      .strictObject({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
      })
      .describe('The period the level covers.'),
    campaign: z
      .strictObject({
        id: id.describe('The campaign this level belongs to, e.g. canada_us_2001_2011.'),
        order: Num.int().min(1).describe('Its place in that campaign: 1 for the first level.'),
      })
      .optional()
      .describe(
        'The campaign the level is part of. Without it the level stands alone: it never unlocks, locks or carries into campaign levels.',
      ),
    rounds: Num.int().min(1).max(20).describe('Rounds before the deadline.'),
    round_length: Text.optional().describe('How long a round stands for, e.g. "two weeks".'),
    deadline: Text,
    situation: Text.describe('The briefing every player reads.'),
    sources: z.array(Source).default([]),
    works: z
      .array(Work)
      .default([])
      .describe('The works the sources quote, by the file they name: shown to players by author, title and year.'),
    actors: z.record(id, Actor).describe('The parties, by id.'),
    indicators: z.record(id, Indicator),
    issues: z.record(id, Issue),
    moves: z.record(id, MovesList).describe('For each actor, the moves it may make.'),
    principles: z.record(id, Principle).default({}),
    allies: z.record(id, Ally).default({}),
    events: z.array(Event).default([]),
    objectives: z.record(id, z.array(Objective).min(1)),
    win_at: Num.min(0).max(100).default(60).describe('Score out of 100 that counts as a win.'),
    fallback: z
      .strictObject({
        describe: Text.optional(),
        effects: Effects.default({}),
        roles: z.record(id, Text).default({}).describe('What each role falls back on, told in its confidential briefing.'),
      })
      .describe('What happens at the deadline without a ratified deal.'),
    ratification: z.record(id, Ratification).default({}),
    history: z
      .strictObject({
        deal: z.record(id, id).describe('What was really agreed, on the same issues and options.'),
        next: Text.describe('What happened next.'),
        source: id.optional(),
      })
      .optional(),
    border: Border.prefault({}),
    carry: z.array(id).default([]).describe('Indicators that carry into the next level of a campaign.'),
    questions: z.array(Text).default([]).describe('Questions for class discussion in the debrief.'),
  })
  .describe('A Borderlines level: a negotiation between actors over issues, round by round, to a deadline.');

export type LevelInput = z.input<typeof LevelSchema>;
export type Level = z.output<typeof LevelSchema>;
export type Text = z.output<typeof Text>;
export type Name = z.output<typeof Name>;
export type MoveSpec = z.infer<typeof MoveSpec>;
export type Objective = z.infer<typeof Objective>;
export type Actor = z.output<typeof Actor>;
export type Indicator = z.output<typeof Indicator>;
export type Issue = z.output<typeof Issue>;
export type IssueOption = z.output<typeof Option>;
export type LevelEvent = z.output<typeof Event>;
export type Ally = z.output<typeof Ally>;
export type Principle = z.output<typeof Principle>;
export type LevelBorder = z.output<typeof Border>;
export type Source = z.output<typeof Source>;
export type Work = z.output<typeof Work>;
