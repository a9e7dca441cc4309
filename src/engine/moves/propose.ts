import { z } from 'zod';
import { holds } from '../conditions';
import { allDeals, issueIds, joinLabels, optionIndex, optionOf, sameDeal } from '../deal';
import type { Level } from '../../levels/schema';
import { inner, memo } from '../memo';
import { defineMove, Id, type MoveWith, reason } from './define';

// Every package as a proposal of one move id, made once per level (the packages are the level's frozen deal space).
const everyProposal = new WeakMap<Level, Map<string, MoveWith<'propose', { deal: z.ZodRecord<typeof Id, typeof Id> }>[]>>();

function proposals(level: Level, id: string) {
  return memo(inner(everyProposal, level), id, () => allDeals(level).map((deal) => Object.freeze({ kind: 'propose' as const, id, deal })));
}

/** Table a package: one option per issue, replacing the seat's earlier proposal. */
export const propose = defineMove({
  kind: 'propose',
  cost: 1,
  tableOnly: true,
  phase: 'table',
  args: { deal: z.record(Id, Id).describe('The package tabled: one option per issue.') },
  candidates: (level, _ctx, _role, def) => proposals(level, def.id),
  check(level, ctx, role, _def, move) {
    const deal = move.deal;
    const issues = issueIds(level);
    if (Object.keys(deal).length !== issues.length) return reason('incomplete_deal');
    for (const issue of issues) {
      const option = optionOf(level, issue, deal[issue]);
      if (!option) return reason('incomplete_deal');
      if (!holds(level, ctx, option.requires)) return reason('option_locked', { issue: level.issues[issue].title, option: option.label });
    }
    const mine = ctx.table.find((p) => p.by === role);
    if (mine && sameDeal(mine.deal, deal)) return reason('same_proposal');
    return null;
  },
  resolve({ level, ctx, role, params }, move) {
    const deal = move.deal;
    ctx.table = ctx.table.filter((p) => p.by !== role);
    ctx.table.push({ by: role, deal, round: ctx.round, accepted: [role] });
    params.deal = joinLabels(
      Object.entries(deal).map(([issue, option]) => level.issues[issue].options[optionIndex(level, issue, option)].label),
    );
  },
  reference: {
    takes: 'a package: one option for every issue',
    when: 'every option chosen meets its `requires`; not the same package the seat already has on the table',
    does: () => ["tables a package (one option per issue), replacing the seat's earlier proposal; the proposer counts as accepting it"],
    ai: "tables, among the packages above its aspiration (which falls towards its reservation as the deadline nears), the one its model of the others likes best; never one that crosses a party's red line (`unacceptable_to`)",
  },
});
