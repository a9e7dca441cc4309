import { effectsForKinds, firstValue } from '../indicators';
import { resistanceCost } from '../mechanics/trust';
import { defineMove, Id, otherSeat, reason } from './define';

/** Take a tabled package off the table; resisting a stronger party costs the trust it holds. */
export const reject = defineMove({
  kind: 'reject',
  cost: 0,
  tableOnly: true,
  phase: 'answer',
  directions: { trust: [-1] },
  args: { to: Id.describe('Whose proposal is rejected.') },
  candidates: (_level, ctx, _role, def) => ctx.table.map((p) => ({ kind: 'reject' as const, id: def.id, to: p.by })),
  check: (level, ctx, role, _def, move) =>
    otherSeat(level, role, move.to) && ctx.table.some((x) => x.by === move.to) ? null : reason('no_proposal'),
  resolve({ level, ctx, role, entry, params, name, change }, move) {
    const p = ctx.table.find((x) => x.by === move.to);
    if (!p) {
      params.to = name(move.to);
      return;
    }
    ctx.table = ctx.table.filter((x) => x !== p);
    params.to = name(p.by);
    if (level.actors[p.by].power > level.actors[role].power) {
      entry.mechanic = 'trust';
      change(effectsForKinds(level, role, { trust: -resistanceCost(firstValue(level, ctx.indicators, 'trust', role, p.by)) }, p.by));
    }
  },
  reference: {
    takes: 'the seat whose proposal it rejects',
    when: 'that seat has a package on the table',
    does: () => [
      'takes a tabled package off the table',
      `rejecting a stronger party's package costs the trust it holds in the rejecter: ${resistanceCost(70)} with trust at 60 or more, ${resistanceCost(50)} from 40, ${resistanceCost(30)} below`,
    ],
    ai: 'rejects a package worth less to it than no deal, or one its home level would refuse',
  },
});
