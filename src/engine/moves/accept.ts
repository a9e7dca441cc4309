import { defineMove, Id, otherSeat, reason } from './define';

/** Accept a tabled package; once every veto holder has accepted the same one it is agreed. */
export const accept = defineMove({
  kind: 'accept',
  cost: 0,
  tableOnly: true,
  phase: 'answer',
  args: { to: Id.describe('Whose proposal is accepted.') },
  candidates: (_level, ctx, _role, def) => ctx.table.map((p) => ({ kind: 'accept' as const, id: def.id, to: p.by })),
  check(level, ctx, role, _def, move) {
    const p = ctx.table.find((x) => x.by === move.to);
    if (!otherSeat(level, role, move.to) || !p) return reason('no_proposal');
    if (p.accepted.includes(role)) return reason('already_accepted');
    return null;
  },
  resolve({ ctx, role, params, name }, move) {
    const p = ctx.table.find((x) => x.by === move.to);
    // Another seat's reject earlier in this round may have taken the proposal off the table.
    if (!p) {
      params.to = name(move.to);
      return;
    }
    p.accepted = [...p.accepted, role];
    params.to = name(p.by);
  },
  reference: {
    takes: 'the seat whose proposal it accepts',
    when: 'that seat has a package on the table the seat has not accepted yet',
    does: () => [
      'accepts a tabled package; once every veto holder has accepted the same package it is agreed and goes home for ratification',
    ],
    ai: "accepts a package its home level would ratify that is worth at least its current aspiration (in the last round, anything better than no deal); never one that crosses a party's red line",
  },
});
