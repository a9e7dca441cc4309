import type { Level } from '../../levels/schema';
import { effectsForKinds } from '../indicators';
import { appealToPrinciple } from '../mechanics/principle';
import type { Board, Role } from '../model';
import { own } from '../own';
import { roles } from '../catalog';
import { defineMove, Id, otherSeat, type PastMove, reason, signed } from './define';

/**
 * What an appeal does: pressure on the target's home level for the options the principle favours, approval at
 * home, and trust lost when it backfires (the seat proposed against the principle before).
 */
function appealEffects(
  board: Board,
  principle: Level['principles'][string],
  role: Role,
  to: Role,
  earlier: readonly PastMove[],
  id: string,
) {
  const result = appealToPrinciple({
    resonanceThere: own(principle.resonance, to) ?? 0,
    resonanceHome: own(principle.resonance, role) ?? 0,
    contradictions: earlier.filter((m) => m.deal && !principle.favours.includes(m.deal[principle.issue])).length,
    repeats: earlier.filter((m) => m.principle === id).length,
  });
  return {
    result,
    pressure: board.issues[principle.issue].options.map((o) => (principle.favours.includes(o.id) ? result.pressure : 0)),
    approval: effectsForKinds(board, role, { approval: result.approvalHome }),
    trust: result.trustLost ? effectsForKinds(board, role, { trust: -result.trustLost }, to) : undefined,
  };
}

/** Appeal to a principle the other side's public shares: pressure where it resonates, approval at home. */
export const appeal_to_principle = defineMove({
  kind: 'appeal_to_principle',
  cost: 2,
  phase: 'act',
  directions: { approval: [1, -1], trust: [-1] },
  args: { principle: Id.describe('The principle invoked.'), to: Id.describe('The party addressed.') },
  candidates: (level, _ctx, role, def) =>
    Object.keys(level.principles).flatMap((principle) =>
      roles(level)
        .filter((r) => r !== role)
        .map((to) => ({ kind: 'appeal_to_principle' as const, id: def.id, principle, to })),
    ),
  check(level, _ctx, role, _def, move) {
    if (!own(level.principles, move.principle)) return reason('bad_principle');
    return otherSeat(level, role, move.to) ? null : reason('bad_target');
  },
  resolve({ level, role, entry, params, name, change, addPressure, earlier }, move) {
    const principle = level.principles[move.principle];
    const { result, pressure, approval, trust } = appealEffects(level, principle, role, move.to, earlier(), move.principle);
    entry.mechanic = 'principle';
    entry.message.key = result.backfired ? 'log.appeal_backfired' : 'log.appeal_to_principle';
    params.principle = principle.statement;
    params.to = name(move.to);
    if (result.pressure) addPressure(move.to, principle.issue, pressure);
    change(approval);
    if (trust) change(trust);
  },
  appraise(a, move) {
    const principle = a.view.principles[move.principle];
    if (!principle) return undefined;
    const { pressure, approval, trust } = appealEffects(a.board, principle, a.view.role, move.to, a.earlier, move.principle);
    const toVeto = a.view.actors[move.to]?.veto ? 1 : 0.2;
    let after = a.apply(approval);
    if (trust) after = a.apply(trust, after);
    const value = (a.pressureValue(principle.issue, pressure) * toVeto + a.effectValue(after)) * a.weak;
    return {
      value,
      reason: a.say('appeal', { actor: a.actor, to: a.view.actors[move.to]?.name ?? move.to, principle: principle.statement }),
    };
  },
  reference: {
    takes: 'a principle and the seat addressed',
    when: 'the principle exists',
    does: () => {
      const full = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 0, repeats: 0 });
      const again = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 0, repeats: 1 });
      const backfire = appealToPrinciple({ resonanceThere: 1, resonanceHome: 1, contradictions: 1, repeats: 0 });
      return [
        `with full resonance: pressure ${signed(full.pressure)} on the target's home level for each option the principle favours, approval ${signed(full.approvalHome)} at home (both scale with the principle's resonance for each audience)`,
        `repeated, it fades: the second appeal to the same principle gives pressure ${signed(again.pressure)}, approval ${signed(again.approvalHome)}`,
        `it backfires after the seat proposed a package against the principle: approval ${signed(backfire.approvalHome)}, the target's trust ${signed(-backfire.trustLost)}, no pressure`,
      ];
    },
    ai: 'the projected pressure on the options it prefers (more when the target holds a veto) plus the approval at home; weighed up when the seat is the weaker party at the table',
  },
});
