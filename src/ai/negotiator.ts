/**
 * The AI negotiator. It plays one seat from that seat's PlayerView and legal moves only.
 *
 * - Interests: its utility for a package is the score its own objectives would get if the package took
 *   effect now (projected from the public indicators and the options' public effects), plus what the
 *   package is worth to its home level (its valuations and the domestic pressure others have built).
 * - Concession (Faratin, Sierra & Jennings 1998): its aspiration falls from its best package towards its
 *   reservation (no deal) as the deadline nears, as a polynomial in time: Boulware (beta < 1) holds out,
 *   Conceder (beta > 1) gives ground early. Relative tit-for-tat mixes in the other side's own concessions.
 * - Trade-off: among packages above its aspiration it proposes the one its model of the other side
 *   (./opponent.ts) likes best.
 * - Other moves are valued by projecting their effect on its objectives; when it is the weaker party at
 *   the table, the weak party's strategies (appeal to principle, coalitions on particular issues,
 *   contributions) and the trust it holds with the stronger side weigh more (Zartman 1997, in [S001]).
 *
 * Every move carries a one-line reason (a Message under "ai."). Randomness only comes from `random`.
 */
import type { Deal, Message, Move, MoveInput, PlayerView, Policy, Role } from '../engine';
import { allDeals, moveName, objectiveSatisfaction, redLines } from '../engine';
import { movePreset } from '../levels/presets';
import type { Comparison, MoveKind, Text } from '../levels/schema';
import { describeComparison } from '../engine/conditions';
import { MOVES, moveKind } from '../engine/moves';
import type { Appraiser } from '../engine/moves/define';
import { buildOpponentModel, estimatedLiking, type OpponentModel } from './opponent';
import {
  currentIndicators,
  dealInfo,
  exactKey,
  homeThreshold,
  homeValue,
  homeValuer,
  ownScore,
  projectDeal,
  projectRaw,
  type Projector,
  projector,
  salienceOf,
  unmetHomeRequirement,
  viewLevel,
} from './project';

export interface Profile {
  /** Faratin's beta: below 1 Boulware (holds out), above 1 Conceder (gives ground early). */
  beta: number;
  /** Weight of relative tit-for-tat against time-dependent concession, 0..1. */
  titForTat: number;
  /** Use the model of the other side's preferences to choose among acceptable packages. */
  opponentModel: boolean;
  /** Random noise (in score points) added to the value of each non-table move. */
  noise: number;
  /** Chance of making a random non-table move instead of the best one. */
  explore: number;
  /** Multiplier on the weak party's strategies when this seat is the weaker side at the table. */
  weakParty: number;
  /** How far above its no-deal score the seat's reservation sits, in score points. */
  margin: number;
  /** Score points per unit of home-level value in the seat's utility. */
  homeWeight: number;
  /** Opening rounds in which the weaker side makes a worthwhile strategic move (a coalition, an appeal...) before tabling a package. */
  opening?: number;
}

const r0 = (x: number) => Math.round(x);
const r1 = (x: number) => Math.round(x * 10) / 10;
const msg = (key: string, params: Message['params']): Message => ({ key: `ai.${key}`, params });

interface Scored {
  move: Move;
  deal: Deal;
  utility: number;
  feasible: boolean;
  /** What its home level would make of it (homeValue). */
  home: number;
  /** Per issue of the view, the position of the option it chooses (dealIndex). */
  index: readonly number[];
}

/** Everything the seat works out once per decision. */
interface Situation {
  view: PlayerView;
  profile: Profile;
  level: ReturnType<typeof viewLevel>;
  indicators: Record<string, number>;
  salience: Record<string, number>;
  me: { name: PlayerView['actors'][string]['name']; power: number };
  /** Whether the seat sits at the table (tables and answers packages) or acts away from it. */
  atTable: boolean;
  opponents: Role[];
  weaker: boolean;
  threshold: number | undefined;
  deals: Scored[];
  reservation: number;
  best: number;
  /** Models of the other seats at the table (built when first read; empty without the opponent model). */
  models: () => OpponentModel[];
  projections: Projector;
  utility: (deal: Deal) => number;
  /** Would its own home level ratify the package (value and indicator requirements)? */
  feasible: (deal: Deal) => boolean;
  /** Its score on its own objectives if the package took effect now. */
  score: (deal: Deal) => number;
  /** Its moves by id. */
  defs: Map<string, Known>;
  kind: (m: { id: string }) => string;
}

type MoveCard = PlayerView['moves'][number];

/** What the seat knows of one of its moves before making it: its card, a preset's settings, its name. */
interface Known {
  def: MoveCard | undefined;
  preset: { amount?: number; arena?: 'home' | 'away' };
  name: Text | Message;
}

function known(def: MoveCard | undefined, id: string): Known {
  // A preset's settings when the move id names one (the view lists kinds and costs, not amounts).
  return { def, preset: movePreset(id) ?? {}, name: moveName(def, id) };
}

/** Per move list of a seat (the engine's, cached per level and role): each move by id (the last card of an id, as before). */
const movesById = new WeakMap<PlayerView['moves'], Map<string, Known>>();

function movesOf(view: PlayerView): Map<string, Known> {
  let byId = movesById.get(view.moves);
  if (!byId) {
    const cards = new Map(view.moves.map((d) => [d.id, d]));
    byId = new Map([...cards].map(([id, def]) => [id, known(def, id)]));
    movesById.set(view.moves, byId);
  }
  return byId;
}

function situation(view: PlayerView, legal: Move[], profile: Profile): Situation {
  const level = viewLevel(view);
  const indicators = currentIndicators(view);
  const salience = salienceOf(view);
  const threshold = homeThreshold(view);
  const projections = projector(view, level, indicators, salience);
  // A package's utility and home value, worked out once per decision for each distinct package.
  const cache = new Map<string, { utility: number; score: number; feasible: boolean; home: number; index: readonly number[] }>();
  const homeAt = homeValuer(view);
  const evaluate = (deal: Deal) => {
    const info = dealInfo(view, deal);
    const key = exactKey(view, deal, info);
    let e = cache.get(key);
    if (e === undefined) {
      const home = homeAt(info.index);
      const { score, unmet } = projections.read(deal, key);
      // A package crossing anyone's red line is never ratified: the seat neither tables nor accepts one.
      const feasible = (threshold === undefined || home >= threshold) && unmet === undefined && !info.redLine;
      e = { utility: score + profile.homeWeight * home, score, feasible, home, index: info.index };
      cache.set(key, e);
    }
    return e;
  };
  const utility = (deal: Deal) => evaluate(deal).utility;
  const feasible = (deal: Deal) => evaluate(deal).feasible;
  const score = (deal: Deal) => evaluate(deal).score;
  const defs = movesOf(view);
  const kind = (m: { id: string }) => defs.get(m.id)?.def?.kind ?? m.id;
  const deals: Scored[] = [];
  for (const move of legal) {
    if (!move.deal || kind(move) !== 'propose') continue;
    const e = evaluate(move.deal);
    deals.push({ move, deal: move.deal, utility: e.utility, feasible: e.feasible, home: e.home, index: e.index });
  }
  if (!deals.length) {
    for (const deal of allDeals(level)) {
      const e = evaluate(deal);
      deals.push({
        move: { kind: 'propose', id: 'propose', deal },
        deal,
        utility: e.utility,
        feasible: e.feasible,
        home: e.home,
        index: e.index,
      });
    }
  }
  const meActor = view.actors[view.role];
  const opponents: Role[] = [];
  let strongest = 0;
  for (const r in view.actors) {
    const a = view.actors[r];
    if (r === view.role || !a.veto || a.seat !== 'table') continue;
    opponents.push(r);
    strongest = Math.max(strongest, a.power);
  }
  const reservation = projections.none() + profile.homeWeight * (threshold ?? 0) + profile.margin;
  let best = reservation;
  for (const d of deals) if (d.feasible) best = Math.max(best, d.utility);
  let built: OpponentModel[] | undefined;
  return {
    view,
    profile,
    level,
    indicators,
    salience,
    me: { name: meActor.name, power: meActor.power },
    atTable: meActor.seat === 'table',
    opponents,
    weaker: meActor.power < strongest,
    threshold,
    deals,
    reservation,
    best,
    models: () => {
      built ??= profile.opponentModel ? opponents.map((r) => buildOpponentModel(view, r)) : [];
      return built;
    },
    projections,
    utility,
    feasible,
    score,
    defs,
    kind,
  };
}

/** Time-dependent aspiration (Faratin et al. 1998), mixed with relative tit-for-tat. */
function aspiration(s: Situation): { aim: number; tft: boolean } {
  const { view, profile, best, reservation } = s;
  const floor = Math.min(best, reservation);
  const t = view.rounds <= 1 ? 1 : Math.min(1, Math.max(0, (view.round - 1) / (view.rounds - 1)));
  const timeAim = best - (best - floor) * t ** (1 / profile.beta);
  if (profile.titForTat <= 0) return { aim: timeAim, tft: false };
  // How far the others have come towards me, measured in my own utility.
  let ratio: number | undefined;
  for (const opp of s.opponents) {
    // Only their first and latest packages count (valued once each).
    let firstDeal: Deal | undefined;
    let lastDeal: Deal | undefined;
    for (const e of view.log) {
      if (e.actor !== opp || !e.move?.deal) continue;
      if (firstDeal === undefined) firstDeal = e.move.deal;
      else lastDeal = e.move.deal;
    }
    if (!firstDeal || !lastDeal) continue;
    const first = s.utility(firstDeal);
    const last = s.utility(lastDeal);
    const r = best - first <= 1e-9 ? 1 : Math.max(0, Math.min(1, (last - first) / (best - first)));
    ratio = ratio === undefined ? r : Math.min(ratio, r);
  }
  if (ratio === undefined) return { aim: timeAim, tft: false };
  const tftAim = best - (best - floor) * ratio;
  return { aim: (1 - profile.titForTat) * timeAim + profile.titForTat * tftAim, tft: true };
}

function liking(s: Situation, deal: Deal): number {
  const models = s.models();
  if (!models.length) return 0.5;
  return models.reduce((p, m) => p * estimatedLiking(m, s.view, deal), 1);
}

/** The package the seat would table now, given its aspiration. */
function choosePackage(s: Situation, aim: number): Scored | undefined {
  const feasible = s.deals.filter((d) => d.feasible);
  if (!feasible.length) return undefined;
  const within = feasible.filter((d) => d.utility >= aim - 1e-9);
  if (!within.length) return feasible.reduce((a, b) => (b.utility > a.utility ? b : a));
  if (s.profile.opponentModel) {
    const likings = new Map<Scored, number>();
    const liked = (d: Scored) => {
      let l = likings.get(d);
      if (l === undefined) {
        l = liking(s, d.deal);
        likings.set(d, l);
      }
      return l;
    };
    return within.reduce((a, b) => {
      const la = liked(a);
      const lb = liked(b);
      return lb > la + 1e-9 || (Math.abs(lb - la) <= 1e-9 && b.utility > a.utility) ? b : a;
    });
  }
  return within.reduce((a, b) => (b.utility < a.utility ? b : a));
}

/**
 * What a package does most for the seat against no deal, as a one-line reason: an indicator it lifts
 * to its target, or an aim on an issue it meets (named by the objective's label, or the option chosen).
 * `prefix` is "accept" or "propose_open"; without such an objective the reason is `fallback`.
 */
function servingReason(s: Situation, deal: Deal, prefix: string, params: NonNullable<Message['params']>, fallback: Message): Message {
  const { view, level } = s;
  const after = s.projections.project(deal);
  let best: { o: (typeof view.me.objectives)[number]; gain: number } | undefined;
  for (const o of view.me.objectives) {
    if (o.agreement !== undefined) continue;
    const gain = o.weight * (objectiveSatisfaction(level, o, after, deal) - objectiveSatisfaction(level, o, s.indicators, null));
    if (gain > (best?.gain ?? 0.05)) best = { o, gain };
  }
  if (best?.o.indicator !== undefined) {
    const ind = view.indicators.find((i) => i.id === best?.o.indicator);
    const low = best.o.at_least !== undefined;
    return msg(`${prefix}_${low ? 'low' : 'high'}`, {
      ...params,
      indicator: ind?.name ?? best.o.indicator,
      value: r0(after[best.o.indicator]),
      need: (low ? best.o.at_least : best.o.at_most) ?? 0,
    });
  }
  if (best?.o.issue !== undefined) {
    const issue = view.issues.find((i) => i.id === best?.o.issue);
    const option = issue?.options.find((o) => o.id === deal[best?.o.issue as string]);
    if (best.o.label) return msg(`${prefix}_aim`, { ...params, aim: best.o.label });
    return msg(`${prefix}_issue`, { ...params, issue: issue?.title ?? best.o.issue, option: option?.label ?? deal[best.o.issue] });
  }
  return fallback;
}

function acceptanceReason(s: Situation, deal: Deal, to: Role): Message {
  const params = { actor: s.me.name, to: s.view.actors[to]?.name ?? to };
  return servingReason(s, deal, 'accept', params, msg('accept', params));
}

/** The option each other seat at the table last tabled on each issue (what the seat knows they want). */
function theirLastOffers(s: Situation): Deal[] {
  return s.opponents.flatMap((r) => {
    const last = [...s.view.log].reverse().find((e) => e.actor === r && e.move?.deal)?.move?.deal;
    return last ? [last] : [];
  });
}

/**
 * Why the seat tables a package: its opening names what the package does for it; a later package names
 * the issue on which it gives ground: one where it gives up value at home and moves towards what the
 * other side tabled (never away from both sides' preferred option).
 */
function proposalReason(s: Situation, deal: Deal, tft: boolean): Message {
  const { view } = s;
  const actor = s.me.name;
  const previous = [...view.log].reverse().find((e) => e.actor === view.role && e.move?.deal)?.move?.deal;
  if (!previous) return servingReason(s, deal, 'propose_open', { actor }, msg('propose_open', { actor }));
  const fallback = msg(tft ? 'propose_tft' : 'propose_concede', { actor });
  const theirs = theirLastOffers(s);
  let given: { issue: (typeof view.issues)[number]; from: number; to: number; loss: number } | undefined;
  for (const issue of view.issues) {
    const from = issue.options.findIndex((o) => o.id === previous[issue.id]);
    const to = issue.options.findIndex((o) => o.id === deal[issue.id]);
    if (from < 0 || to < 0 || from === to) continue;
    // Towards the other side: closer to an option another seat has tabled (any move counts before they table).
    const towards =
      theirs.length === 0 ||
      theirs.some((d) => {
        const wanted = issue.options.findIndex((o) => o.id === d[issue.id]);
        return wanted >= 0 && Math.abs(to - wanted) < Math.abs(from - wanted);
      });
    if (!towards) continue;
    const values = view.me.values[issue.id] ?? [];
    const loss = (values[from] ?? 0) - (values[to] ?? 0);
    if (!given || loss > given.loss) given = { issue, from, to, loss };
  }
  // A trade-off can move several issues at once; name the one where it gives up most at home.
  if (!given || given.loss <= 0) return fallback;
  return msg(tft ? 'propose_tft_on' : 'propose_concede_on', {
    actor,
    issue: given.issue.title,
    from: given.issue.options[given.from].label,
    option: given.issue.options[given.to].label,
  });
}

/** The objective a package fails worst, as a one-line reason. */
function rejectionReason(s: Situation, deal: Deal, to: Role): Message {
  const { view, level } = s;
  const actor = s.me.name;
  const toName = view.actors[to]?.name ?? to;
  const mine = redLines(level, deal).find(({ option }) => option.unacceptable_to?.includes(view.role));
  if (mine) {
    const issue = view.issues.find((i) => i.id === mine.issue);
    return msg('reject_red_line', { actor, to: toName, issue: issue?.title ?? mine.issue, option: mine.option.label });
  }
  if (s.threshold !== undefined && homeValue(view, deal) < s.threshold && view.me.ratification) {
    return msg('reject_home', { actor, to: toName, body: view.me.ratification.body });
  }
  const after = s.projections.project(deal);
  const unmet = unmetHomeRequirement(view, level, after);
  const failing = unmet && Object.entries(unmet).find(([id]) => id in level.indicators);
  if (failing && view.me.ratification) {
    const [id, test] = failing;
    const indicator = view.indicators.find((i) => i.id === id)?.name ?? id;
    return msg('reject_requirement', {
      actor,
      to: toName,
      body: view.me.ratification.body,
      indicator,
      value: r0(after[id]),
      need: describeComparison(test as Comparison),
    });
  }
  let worst: { o: (typeof view.me.objectives)[number]; gap: number } | undefined;
  for (const o of view.me.objectives) {
    let gap = 0;
    if (o.indicator !== undefined) {
      const ind = view.indicators.find((i) => i.id === o.indicator);
      const v = after[o.indicator];
      if (!ind || v === undefined) continue;
      const span = Math.max(1e-9, ind.range[1] - ind.range[0]);
      gap = (Math.max(0, (o.at_least ?? -Infinity) - v) + Math.max(0, v - (o.at_most ?? Infinity))) / span;
    } else if (o.issue !== undefined) {
      const chosen = deal[o.issue];
      gap = (o.prefer && !o.prefer.includes(chosen)) || o.avoid?.includes(chosen) ? 0.3 : 0;
    }
    if (gap * o.weight > (worst ? worst.gap * worst.o.weight : 0)) worst = { o, gap };
  }
  if (worst?.o.indicator !== undefined) {
    const ind = view.indicators.find((i) => i.id === worst?.o.indicator);
    const low = worst.o.at_least !== undefined && after[worst.o.indicator] < worst.o.at_least;
    return msg(low ? 'reject_low' : 'reject_high', {
      actor,
      to: toName,
      indicator: ind?.name ?? worst.o.indicator,
      value: r0(after[worst.o.indicator]),
      need: (low ? worst.o.at_least : worst.o.at_most) ?? 0,
    });
  }
  if (worst?.o.issue !== undefined) {
    const issue = view.issues.find((i) => i.id === worst?.o.issue);
    return msg('reject_issue', { actor, to: toName, issue: issue?.title ?? worst.o.issue });
  }
  return msg('reject_value', { actor, to: toName });
}

interface Option {
  move: Move;
  value: number;
  reason: Message;
}

/** This seat's own earlier moves, with what each changed, read once per decision. */
function ownHistory(view: PlayerView) {
  const mine = view.log.filter((e) => e.actor === view.role && e.type === 'move' && e.move);
  const last = new Map<string, Record<string, number>>();
  for (const e of mine) last.set(e.move?.id as string, e.deltas);
  return {
    /** The last changes its own earlier use of a move made (for moves whose effects the view does not list). */
    learned: (id: string) => last.get(id),
    moves: mine.map((e) => e.move as Move),
  };
}

/** The best package another seat has tabled that the seat's home level would ratify, if any. */
function bestOffer(s: Situation): Deal | undefined {
  let best: { deal: Deal; utility: number } | undefined;
  for (const p of s.view.table) {
    if (p.by === s.view.role || !s.feasible(p.deal)) continue;
    const utility = s.utility(p.deal);
    if (!best || utility > best.utility) best = { deal: p.deal, utility };
  }
  return best?.deal;
}

/** The package tabled most recently by a seat at the table (the more powerful side's, in one round): public, and what is likely to be signed. */
function latestOffer(s: Situation): Deal | undefined {
  let latest: PlayerView['table'][number] | undefined;
  for (const p of s.view.table) {
    const power = (r: Role) => s.view.actors[r]?.power ?? 0;
    if (!latest || p.round > latest.round || (p.round === latest.round && power(p.by) > power(latest.by))) latest = p;
  }
  return latest?.deal;
}

/** Value the seat's non-table moves by projecting their effect on its own objectives. */
function strategicOptions(s: Situation, legal: Move[], expected: Deal | undefined, alternative?: Deal): Option[] {
  const { view, level, profile } = s;
  const actor = s.me.name;
  // A move is worth what it adds under the package the seat expects, or under another it might yet sign.
  const scenarios: (Deal | undefined)[] = expected
    ? [expected, ...(alternative && alternative !== expected ? [alternative] : [])]
    : [undefined];
  const base = (deal: Deal | undefined, ind: Record<string, number>, sal: Record<string, number>) =>
    deal ? ownScore(view, level, projectDeal(level, ind, sal, deal), deal) : ownScore(view, level, ind, null);
  // Its score under each as things stand, as the situation worked it out.
  const now = scenarios.map((d) => (d ? s.score(d) : s.projections.none()));
  const gain = (after: Record<string, number>, sal = s.salience) => {
    let top = -Infinity;
    for (let i = 0; i < scenarios.length; i++) top = Math.max(top, base(scenarios[i], after, sal) - now[i]);
    return top;
  };
  const trustAboutMe = s.weaker
    ? view.indicators.filter((i) => i.about === view.role && (i.kind === 'trust' || i.kind === 'free_rider'))
    : [];
  const relationship = (after: Record<string, number>) =>
    s.weaker ? trustAboutMe.reduce((v, i) => v + (after[i.id] - s.indicators[i.id]) * (i.kind === 'trust' ? 0.3 : -0.2), 0) : 0;
  const effectValue = (after: Record<string, number>) => gain(after) + relationship(after);
  const defs = s.defs;
  const capitalCost = (m: Move) => {
    const def = defs.get(m.id)?.def;
    const ally = m.ally ? (view.allies[m.ally]?.cost ?? 0) : 0;
    return (def?.cost ?? 0) + ally;
  };
  // How much the seat gains when an issue moves towards each option (centred, in utility points).
  const preferences = new Map<string, number[]>();
  const preference = (issue: string): number[] => {
    const known = preferences.get(issue);
    if (known) return known;
    const q = view.issues.findIndex((i) => i.id === issue);
    const opts = q < 0 ? [] : view.issues[q].options;
    // The best package choosing each option, in one pass (a package's position is the first option of its id).
    const tops = opts.map(() => -1e9);
    for (const d of s.deals) {
      const i = d.index[q];
      if (i >= 0) tops[i] = Math.max(tops[i], d.utility);
    }
    const bestBy = opts.map((o) => tops[opts.findIndex((x) => x.id === o.id)]);
    const finite = bestBy.filter((v) => v > -1e9);
    const mean = finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : 0;
    const centred = bestBy.map((v) => (v > -1e9 ? v - mean : 0));
    preferences.set(issue, centred);
    return centred;
  };
  const pressureValue = (issue: string, perOption: number[]) =>
    preference(issue).reduce((sum, p, i) => sum + p * (perOption[i] ?? 0), 0) * 0.08;
  const weak = s.weaker ? profile.weakParty : 1;
  const bestDelta = (after: Record<string, number>) => {
    let top: { id: string; d: number } | undefined;
    for (const ind of view.indicators) {
      const d = after[ind.id] - s.indicators[ind.id];
      if (Math.abs(d) > Math.abs(top?.d ?? 0)) top = { id: ind.id, d };
    }
    const ind = view.indicators.find((i) => i.id === top?.id);
    return { indicator: ind?.name ?? '', delta: top ? (top.d > 0 ? `+${r1(top.d)}` : `${r1(top.d)}`) : '0' };
  };

  const history = ownHistory(view);
  // One object literal per move, its fields always in this order (spreading shared tools into each cost more than appraising).
  const apply = (effects: Record<string, number>, from = s.indicators) => projectRaw(level, from, effects);
  const homeRoom = () => {
    if (s.threshold === undefined) return 0;
    let top = -Infinity;
    for (const d of s.deals) top = Math.max(top, d.home);
    return top - s.threshold - 3;
  };
  const observations = (role: Role) => {
    const models = s.models();
    return models.length ? models.find((x) => x.role === role)?.observations : undefined;
  };
  const isOpponent = (role: Role) => s.opponents.includes(role);
  const appraiser = (id: string): Appraiser => {
    const card = defs.get(id) ?? known(undefined, id);
    return {
      view,
      board: level,
      indicators: s.indicators,
      salience: s.salience,
      actor,
      earlier: history.moves,
      kindOf: s.kind,
      weak,
      effectValue,
      gain,
      pressureValue,
      bestDelta,
      apply,
      homeRoom,
      observations,
      isOpponent,
      expected,
      homeWeight: profile.homeWeight,
      say: msg,
      def: card.def,
      preset: card.preset,
      learned: history.learned(id),
      moveName: card.name,
    };
  };
  const out: Option[] = [];
  for (const m of legal) {
    const kind = s.kind(m) as MoveKind;
    const module = Object.hasOwn(MOVES, kind) ? moveKind(kind) : undefined;
    // Table moves are weighed by the negotiation itself (aspiration, acceptance), not as moves of their own.
    if (!module?.appraise || module.tableOnly) continue;
    const appraised = module.appraise(appraiser(m.id), m);
    if (!appraised) continue;
    out.push({ move: m, value: appraised.value - capitalCost(m) * 0.8, reason: appraised.reason });
  }
  return out;
}

function pick<T>(xs: T[], random: () => number): T {
  return xs[Math.min(xs.length - 1, Math.floor(random() * xs.length))];
}

/** The least gain, in score points under the package on the table, that makes a seat act before it accepts. */
const PREPARE_BEFORE_SIGNING = 4;

/**
 * Reasons phrased from public information only (names, issues, allies, principles, and the public
 * effects of a move): the seat may say these aloud. The others draw on its own valuations, aims or
 * home level and stay private until the debrief.
 */
const PUBLIC_REASONS = new Set(
  [
    'pass',
    'wait',
    'reject_red_line',
    'contribute',
    'security',
    'facilitate',
    'refuse',
    'tie_hands',
    'coalition',
    'appeal',
    'press',
    'reframe',
    'sound_out',
    'link',
    'try',
  ].map((k) => `ai.${k}`),
);

/** The move with what the seat says about it in public, when its reason can be said aloud. */
function speak(move: MoveInput): MoveInput {
  return move.reason && PUBLIC_REASONS.has(move.reason.key) ? { ...move, said: move.reason } : move;
}

/** Build a policy from a behaviour profile. */
export function negotiator(profile: Profile): Policy {
  const decide: Policy = (view, legal, random) => {
    const passMove = legal.find((m) => m.id === 'pass') ?? legal[0];
    if (!legal.length) return { id: 'pass', reason: msg('pass', { actor: view.actors[view.role]?.name ?? view.role }) };
    const s = situation(view, legal, profile);
    const actor = s.me.name;
    const { aim, tft } = aspiration(s);
    const lastRound = view.round >= view.rounds;

    // 1. Answer the table: accept the best package that meets the aim (at the deadline, anything better than no deal).
    const answers = legal
      .filter((m) => s.kind(m) === 'accept' && m.to)
      .map((m) => {
        const p = view.table.find((x) => x.by === m.to);
        const deal = p?.deal as Deal;
        return { move: m, deal, utility: deal ? s.utility(deal) : 0, feasible: deal !== undefined && s.feasible(deal) };
      })
      .filter((a) => a.deal && a.feasible);
    const mine = view.table.find((p) => p.by === view.role);
    const next = choosePackage(s, aim);
    // Close enough to what it would table itself: accepting settles it, where a counter-proposal costs a round.
    const tolerance = 1 + profile.margin / 2;
    const goodEnough = (u: number) =>
      u >= aim - 1e-6 || (next !== undefined && u >= next.utility - tolerance) || (lastRound && u > s.reservation - profile.margin);
    const acceptable = answers.filter((a) => goodEnough(a.utility));
    if (acceptable.length) {
      const a = acceptable.reduce((x, y) => (y.utility > x.utility ? y : x));
      // Signing ends the game: before the last round, first make a move of its own that the package leaves worth making.
      if (!lastRound) {
        const first = strategicOptions(s, legal, a.deal).reduce<Option | undefined>(
          (x, y) => (y.value > (x?.value ?? PREPARE_BEFORE_SIGNING) ? y : x),
          undefined,
        );
        if (first) return { ...first.move, reason: first.reason };
      }
      const to = view.actors[a.move.to as Role]?.name ?? a.move.to ?? '';
      const reason = lastRound && a.utility < aim ? msg('accept_deadline', { actor, to }) : acceptanceReason(s, a.deal, a.move.to as Role);
      return { ...a.move, reason };
    }

    // 2. Table a package: when none of its own is waiting for an answer, or the last one went unanswered.
    const canPropose = legal.some((m) => s.kind(m) === 'propose');
    const waited = !mine || mine.round <= view.round - 2;
    // A seat at the table expects its own package; one away from it expects what the table has on offer.
    const expected = mine?.deal ?? (s.atTable ? undefined : latestOffer(s)) ?? next?.deal;
    // Valued only when needed: a seat that tables a package without preparing first never looks at them.
    let valued: Option[] | undefined;
    const strategic = () => {
      valued ??= strategicOptions(s, legal, expected, bestOffer(s));
      return valued;
    };
    const prepare = s.weaker && view.round <= (profile.opening ?? 0) && strategic().some((o) => o.move.id !== 'pass' && o.value > 0.5);
    if (canPropose && !lastRound && !prepare && waited && next && (!mine || JSON.stringify(mine.deal) !== JSON.stringify(next.deal))) {
      return { ...next.move, reason: proposalReason(s, next.deal, tft) };
    }

    // 3. Reject a package worse than no deal, when that costs this seat nothing with a stronger side.
    const rejects = legal.filter((m) => s.kind(m) === 'reject' && m.to);
    for (const m of rejects) {
      const p = view.table.find((x) => x.by === m.to);
      if (!p) continue;
      const stronger = (view.actors[p.by]?.power ?? 0) > s.me.power;
      const bad = s.utility(p.deal) < s.reservation - profile.margin || !s.feasible(p.deal);
      if (bad && !stronger && p.round < view.round) return { ...m, reason: rejectionReason(s, p.deal, p.by) };
    }

    // 4. Otherwise the move whose projected effect on its own objectives is best.
    const options = strategic();
    if (!options.length) return { ...passMove, reason: msg('pass', { actor }) };
    if (profile.explore > 0 && random() < profile.explore) {
      const o = pick(options, random);
      return { ...o.move, reason: o.reason };
    }
    let best: Option | undefined;
    let bestValue = -Infinity;
    for (const o of options) {
      const v = o.value + (profile.noise > 0 ? (random() - 0.5) * profile.noise : 0);
      if (v > bestValue) {
        bestValue = v;
        best = o;
      }
    }
    const chosen = best as Option;
    if (bestValue <= 0) {
      const pass = options.find((o) => o.move.id === 'pass');
      if (pass) return { ...pass.move, reason: mine ? msg('wait', { actor }) : pass.reason };
    }
    return { ...chosen.move, reason: chosen.reason };
  };
  return (view, legal, random) => speak(decide(view, legal, random));
}
