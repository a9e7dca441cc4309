/** Formatting engine data for people: objectives, deltas, deals, log entries. Presentation only. */
import type { IndicatorView, LogEntry, PlayerView } from '../../engine';
import type { Objective, Text } from '../../levels/schema';
import { lt, msg, num, signed, tr } from '../app';

/** An indicator's value with its unit in the reader's language, kept on one line: "15 h", "3 heures". */
export function valueText(ind: Pick<IndicatorView, 'unit'> | undefined, value: number): string {
  const unit = typeof ind?.unit === 'string' ? ind.unit : lt(ind?.unit);
  return unit ? `${num(value)}\u00a0${unit}` : num(value);
}

export function indicatorName(view: PlayerView, id: string): string {
  return lt(view.indicators.find((i) => i.id === id)?.name) || id;
}

export function optionLabel(view: PlayerView, issue: string, option: string): string {
  const i = view.issues.find((x) => x.id === issue);
  return lt(i?.options.find((o) => o.id === option)?.label) || option;
}

export function objectiveText(view: PlayerView, o: Objective): string {
  const label = lt(o.label);
  let target = '';
  if (o.indicator) {
    const ind = view.indicators.find((i) => i.id === o.indicator);
    if (o.at_least !== undefined)
      target = tr('objective.at_least', { indicator: indicatorName(view, o.indicator), value: valueText(ind, o.at_least) });
    if (o.at_most !== undefined)
      target = tr('objective.at_most', { indicator: indicatorName(view, o.indicator), value: valueText(ind, o.at_most) });
  } else if (o.issue) {
    const opts = (o.prefer ?? o.avoid ?? []).map((x) => optionLabel(view, o.issue as string, x)).join(' / ');
    target = o.prefer ? tr('objective.prefer', { options: opts }) : tr('objective.avoid', { options: opts });
  } else if (o.agreement !== undefined) target = o.agreement ? tr('objective.agreement') : tr('objective.no_agreement');
  const weight = tr('objective.weight', { weight: o.weight });
  return label ? tr('objective.format', { label, target, weight }) : tr('objective.format_bare', { target, weight });
}

export function deltasText(view: PlayerView, deltas: Record<string, number>): string {
  return Object.entries(deltas)
    .filter(([, d]) => d !== 0)
    .map(([id, d]) => `${indicatorName(view, id)} ${signed(d)}`)
    .join(', ');
}

/** Where a side sits, in words: at the table (with a veto or not), carrying out the deal, or watching. */
export function seatText(actor: { seat: string; veto?: boolean }): string {
  if (actor.seat === 'table') return tr(actor.veto ? 'role.table_veto' : 'role.table');
  return tr(actor.seat === 'implementer' ? 'role.implementer' : 'role.observer');
}

export function actorName(view: PlayerView, role: string | undefined): string {
  if (!role) return '';
  return lt(view.actors[role]?.name) || role;
}

/** An actor's name as level text, for a sentence that needs its grammatical forms ("la proposition du Québec"). */
export function actorText(view: PlayerView, role: string): Text {
  return view.actors[role]?.name ?? { en: role, fr: role };
}

/** One line for a log entry: what happened, the mechanic behind it, the changes, and a reply's reason. */
export function entryLines(view: PlayerView, e: LogEntry): { text: string; mechanic: string; changes: string; reason: string } {
  return {
    text: msg(e.message),
    mechanic: e.mechanic ? msg({ key: `mechanic.${e.mechanic}` }) : '',
    changes: deltasText(view, e.deltas),
    reason: e.move?.reason ? msg(e.move.reason) : e.move?.said ? msg(e.move.said) : '',
  };
}
