/**
 * What the player's seat can work out about packages from its own view (pure): what a package would do
 * to each of its objectives and its score, and whether its home level would ratify it. It uses the same
 * projection the AI seats use (src/ai/project.ts), so the screen and the AI never disagree.
 * Also: the packages on the table with identical ones merged, and which of them the seat can answer.
 */
import {
  currentIndicators,
  dealKey,
  homeThreshold,
  homeValue,
  ownScore,
  projectDeal,
  salienceOf,
  unmetHomeRequirement,
  viewLevel,
} from '../ai/project';
import type { Deal, LogEntry, Message, PlayerView, Role } from '../engine';
import { objectiveSatisfaction } from '../engine';
import { describeComparison } from '../engine/conditions';
import { type Locale, t } from '../i18n/core';
import { formatPercent } from '../i18n/format';
import type { Comparison } from '../levels/schema';

export interface Forecast {
  /** The seat's score out of 100 if the package took effect now. */
  score: number;
  /** Its score as things stand, without a deal. */
  now: number;
  /** Per objective (in the order of view.me.objectives): how far it is met now and with the package, 0..1. */
  objectives: { now: number; after: number }[];
  /** Would the seat's home level ratify it? Null when the seat has no home level that votes. */
  ratifies: boolean | null;
  /** Why the home level would refuse it, in words. */
  blocker: Message | null;
  /** The score reaches the level's win threshold. */
  wins: boolean;
}

export function forecast(view: PlayerView, deal: Deal): Forecast {
  const level = viewLevel(view);
  const indicators = currentIndicators(view);
  const after = projectDeal(level, indicators, salienceOf(view), deal);
  const score = Math.round(ownScore(view, level, after, deal));
  const objectives = view.me.objectives.map((o) => ({
    now: objectiveSatisfaction(level, o, indicators, null),
    after: objectiveSatisfaction(level, o, after, deal),
  }));
  const rule = view.me.ratification;
  let blocker: Message | null = null;
  if (rule) {
    const threshold = homeThreshold(view) ?? 0;
    const unmet = unmetHomeRequirement(view, level, after);
    const failing = unmet && Object.entries(unmet).find(([id]) => id in level.indicators);
    if (homeValue(view, deal) < threshold) blocker = { key: 'ui.forecast.home_value', params: { body: rule.body } };
    else if (failing) {
      const [id, test] = failing;
      const name = view.indicators.find((i) => i.id === id)?.name ?? { en: id };
      blocker = {
        key: 'ui.forecast.home_requirement',
        params: { body: rule.body, indicator: name, value: Math.round(after[id] * 10) / 10, need: describeComparison(test as Comparison) },
      };
    }
  }
  return {
    score,
    now: Math.round(ownScore(view, level, indicators, null)),
    objectives,
    ratifies: rule ? blocker === null : null,
    blocker,
    wins: score >= view.level.win_at,
  };
}

/**
 * What a package does to one objective, in words: how far it is met now and with the package
 * ("◐ 50% → ✔ 100%"), or how far it is met and that the package leaves it so ("✘ 0%, unchanged").
 * One unit, its spaces non-breaking: a value never wraps away from its mark or from its qualifier.
 */
/**
 * How far an objective is met, as the screen shows it: a mark and a whole percentage that never says more or less
 * than the mark (99.6% is not met, so 99%, not 100%; a sliver is 1%, not 0%).
 */
export function objectiveMet(satisfied: number): { mark: '✔' | '◐' | '✘'; pct: number } {
  if (satisfied >= 1) return { mark: '✔', pct: 100 };
  if (satisfied <= 0) return { mark: '✘', pct: 0 };
  return { mark: '◐', pct: Math.min(99, Math.max(1, Math.round(satisfied * 100))) };
}

export function objectiveChange(o: { now: number; after: number }, locale: Locale): { text: string; trend: 'up' | 'down' | 'same' } {
  const [now, after] = [objectiveMet(o.now), objectiveMet(o.after)];
  const met = (m: typeof now) => `${m.mark} ${formatPercent(m.pct, locale)}`;
  // A change too small to show is shown, and coloured, as none.
  const words = after.pct === now.pct ? t('ui.forecast.same', locale, { value: met(now) }) : `${met(now)} → ${met(after)}`;
  return { text: words.replace(/\s/g, '\u00a0'), trend: after.pct > now.pct ? 'up' : after.pct < now.pct ? 'down' : 'same' };
}

/** A package on the table; identical packages tabled by several seats are one offer. */
export interface Offer {
  deal: Deal;
  /** Who tabled it, in the order they did. */
  by: Role[];
  round: number;
  accepted: Role[];
}

export function offers(view: PlayerView): Offer[] {
  const merged = new Map<string, Offer>();
  for (const p of view.table) {
    const key = dealKey(view, p.deal);
    const known = merged.get(key);
    if (known) {
      known.by.push(p.by);
      known.round = Math.min(known.round, p.round);
      known.accepted = [...new Set([...known.accepted, ...p.accepted])];
    } else merged.set(key, { deal: p.deal, by: [p.by], round: p.round, accepted: [...p.accepted] });
  }
  return [...merged.values()];
}

/** The seat whose proposal an Accept of this offer answers: the first other seat that tabled it. */
export const answerTo = (view: PlayerView, offer: Offer): Role | undefined => offer.by.find((r) => r !== view.role);

/** Offers the seat can still accept: tabled by another seat, not yet accepted by it. */
export function answerable(view: PlayerView): Offer[] {
  return offers(view).filter(
    (o) => answerTo(view, o) !== undefined && !(view.table.find((p) => p.by === answerTo(view, o))?.accepted.includes(view.role) ?? false),
  );
}

/**
 * Accepting another seat's package while the seat's own (different) package stands: if the other side
 * accepts it in the same round, the package tabled first is agreed. Returns who tabled first, or null.
 */
export function crossedAcceptance(view: PlayerView, to: Role): { first: Role } | null {
  const mine = view.table.find((p) => p.by === view.role);
  const theirs = view.table.find((p) => p.by === to);
  if (!mine || !theirs || dealKey(view, mine.deal) === dealKey(view, theirs.deal)) return null;
  return { first: view.table.indexOf(mine) < view.table.indexOf(theirs) ? view.role : to };
}

/** After a round: the seat accepted one package, and another one was agreed instead. */
export function agreedInstead(view: PlayerView, entries: LogEntry[]): { accepted: Role; agreed: Role } | null {
  const agreement = entries.find((e) => e.type === 'agreement');
  const answer = entries.find(
    (e) => e.actor === view.role && e.type === 'move' && e.move?.to && view.moves.find((m) => m.id === e.move?.id)?.kind === 'accept',
  );
  const accepted = answer?.move?.to;
  if (!agreement?.actor || !accepted || agreement.actor === accepted) return null;
  return { accepted, agreed: agreement.actor };
}
