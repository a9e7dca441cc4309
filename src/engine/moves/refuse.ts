import { effectsForKinds, firstValue } from '../indicators';
import { refusalEffects } from '../mechanics/trust';
import type { Board, Role } from '../model';
import { defineMove, listed } from './define';

/** What refusing does for a role: sovereignty and approval at home, trust lost abroad (more when trust is low). */
function refusalFor(board: Board, indicators: Record<string, number>, role: Role) {
  return effectsForKinds(board, role, refusalEffects(firstValue(board, indicators, 'trust', role)));
}

/** Refuse a demand in public. */
export const refuse = defineMove({
  kind: 'refuse',
  cost: 1,
  phase: 'act',
  directions: { sovereignty: [1], approval: [1], trust: [-1] },
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'refuse' as const, id: def.id }],
  resolve({ level, ctx, role, entry, change }) {
    entry.mechanic = 'trust';
    change(refusalFor(level, ctx.indicators, role));
  },
  appraise(a) {
    const after = a.apply(refusalFor(a.board, a.indicators, a.view.role));
    return { value: a.effectValue(after), reason: a.say('refuse', { actor: a.actor }) };
  },
  reference: {
    takes: 'nothing',
    when: 'always',
    does: () => [
      `${listed(refusalEffects(70))} with the other side's trust in the seat at 60 or more; ${listed(refusalEffects(50))} from 40; ${listed(refusalEffects(30))} below`,
    ],
    ai: 'the projected change to its objectives, trust lost included',
  },
});
