/**
 * The people at the table, read from the player's view (pure): who speaks for each side, its mood
 * (which follows a trust or alignment indicator the view shows), the marks its strategic moves leave,
 * and what its negotiator says when it tables, accepts or refuses a package. Everything here comes
 * from public parts of the view (the level's negotiators and positions, indicators, the log), never
 * from another seat's confidential brief, values or reasons.
 */
import type { Deal, LogEntry, Message, PlayerView, Role } from '../engine';
import { LOOKS, type Text } from '../levels/schema';

export type Mood = 'warm' | 'neutral' | 'cold';
export type Look = (typeof LOOKS)[number];

export interface Person {
  /** The office, from the level; null: the generic "head of delegation". */
  title: Text | null;
  look: Look;
  glasses: boolean;
}

/** Who speaks for a side: the level's negotiator, else a generic head of delegation drawn by the side's place. */
export function personOf(view: PlayerView, role: Role): Person {
  const n = view.actors[role]?.negotiator;
  if (n) return { title: n.title, look: n.look, glasses: n.glasses };
  const index = Math.max(0, Object.keys(view.actors).indexOf(role));
  return { title: null, look: LOOKS[index % LOOKS.length], glasses: index % 2 === 1 };
}

export interface Feeling {
  mood: Mood;
  /** The indicator the mood follows, and its value now. */
  indicator: string;
  value: number;
}

const RELATION = new Set(['trust', 'alignment']);

/**
 * A side's mood towards the player: the trust (or alignment) it holds in the player's side; else any it
 * holds; else the one the player's side holds in it (trust runs both ways at a table). Warm in the top
 * 40% of the indicator's range, cold in the bottom 40%. Null when no such indicator exists.
 */
export function moodOf(view: PlayerView, role: Role): Feeling | null {
  const relational = view.indicators.filter((i) => RELATION.has(i.kind));
  const ind =
    relational.find((i) => i.held_by === role && i.about === view.role) ??
    relational.find((i) => i.held_by === role) ??
    relational.find((i) => i.held_by === view.role && i.about === role) ??
    relational.find((i) => i.about === role);
  if (!ind) return null;
  const share = (ind.value - ind.range[0]) / (ind.range[1] - ind.range[0] || 1);
  return { mood: share >= 0.6 ? 'warm' : share <= 0.4 ? 'cold' : 'neutral', indicator: ind.id, value: ind.value };
}

/** A move's kind as the log records it (its message key), for any seat's move. */
export function kindOf(e: LogEntry): string | null {
  if (e.type !== 'move') return null;
  const key = e.message.key.replace(/^log\./, '');
  return key === 'appeal_backfired' ? 'appeal_to_principle' : key;
}

/** The visible marks a side's strategic moves leave on the table: coalitions, appeals, linked issues, tied hands. */
export function marksOf(view: PlayerView, role: Role): Message[] {
  const issue = (id: string) => view.issues.find((i) => i.id === id)?.title ?? { en: id };
  const out: Message[] = [];
  for (const c of view.coalitions.filter((x) => x.by === role))
    out.push({
      key: 'ui.mark.coalition',
      params: { ally: view.allies[c.ally]?.name ?? { en: c.ally }, issue: issue(c.issue), round: c.round },
    });
  for (const l of view.links.filter((x) => x.by === role))
    out.push({ key: 'ui.mark.link', params: { a: issue(l.issues[0]), b: issue(l.issues[1]), round: l.round } });
  for (const e of view.log.filter((x) => x.actor === role)) {
    const kind = kindOf(e);
    if (kind === 'appeal_to_principle') {
      const statement = e.move?.principle ? view.principles[e.move.principle]?.statement : undefined;
      const backfired = e.message.key === 'log.appeal_backfired';
      out.push({ key: backfired ? 'ui.mark.appeal_backfired' : 'ui.mark.appeal', params: { principle: statement ?? '', round: e.round } });
    }
    if (kind === 'tie_hands') out.push({ key: 'ui.mark.tied', params: { round: e.round } });
  }
  return out;
}

/** The package a table move is about: its own for a proposal, else the last one the answered side tabled by then. */
function dealOf(view: PlayerView, e: LogEntry, kind: string): Deal | undefined {
  if (kind === 'propose') return e.move?.deal;
  const to = e.move?.to;
  const at = view.log.indexOf(e);
  return view.log
    .slice(0, at < 0 ? view.log.length : at)
    .reverse()
    .find((x) => x.actor === to && kindOf(x) === 'propose')?.move?.deal;
}

export interface Voice {
  /** The line for the move and the mood (ui.voice.<kind>_<mood>). */
  line: Message;
  /** The public position it cites, if one fits. */
  position?: Text;
}

/**
 * What a side's negotiator says when it tables, accepts or refuses a package: a line for the move and
 * its mood, with one of its public positions the package meets (tabling, accepting) or does not
 * (refusing). Only the level's public positions are quoted; null for the player's own moves and others.
 */
export function voiceOf(view: PlayerView, e: LogEntry): Voice | null {
  const kind = kindOf(e);
  if (!e.actor || e.actor === view.role || (kind !== 'propose' && kind !== 'accept' && kind !== 'reject')) return null;
  const mood = moodOf(view, e.actor)?.mood ?? 'neutral';
  const deal = dealOf(view, e, kind);
  const positions = view.actors[e.actor]?.negotiator?.positions ?? [];
  const met = (p: (typeof positions)[number]) => deal !== undefined && p.wants.includes(deal[p.issue]);
  const position = deal === undefined ? undefined : kind === 'reject' ? positions.find((p) => !met(p)) : positions.find(met);
  return { line: { key: `ui.voice.${kind}_${mood}` }, position: position?.says };
}
