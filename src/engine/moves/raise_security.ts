import { effectsForKinds, firstValue } from '../indicators';
import { securityMeasure } from '../mechanics/security';
import { thickeningEffects } from '../mechanics/thickening';
import type { Board, Role } from '../model';
import { defineMove, listed } from './define';

/** What a security measure does for a role: the more security it already expects, the less each measure gives. */
function measureFor(board: Board, indicators: Record<string, number>, role: Role, amount: number) {
  return effectsForKinds(board, role, securityMeasure(amount, firstValue(board, indicators, 'expectation', role) ?? 0));
}

/** Raise security: more security, higher expectations, a thicker border. */
export const raise_security = defineMove({
  kind: 'raise_security',
  cost: 1,
  phase: 'act',
  directions: { security: [1], expectation: [1], thickness: [1] },
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'raise_security' as const, id: def.id }],
  resolve({ level, ctx, role, def, entry, change }) {
    entry.mechanic = 'security_dilemma';
    change(measureFor(level, ctx.indicators, role, def.amount));
  },
  appraise(a) {
    const after = a.apply(measureFor(a.board, a.indicators, a.view.role, a.preset.amount ?? 1));
    return { value: a.effectValue(after), reason: a.say('security', { actor: a.actor, ...a.bestDelta(after) }) };
  },
  reference: {
    takes: 'nothing (the level sets `amount`)',
    when: 'always',
    does: (settings) => {
      const amount = settings?.amount ?? 1;
      return [
        `amount ${amount}: ${listed(securityMeasure(amount, 0))} with the seat's expectation at 0; ${listed(securityMeasure(amount, 50))} at 50; ${listed(securityMeasure(amount, 100))} at 100 (the more security, the more it needs)`,
        `thickness carries into waits, trade and travel: per point of thickness ${listed(thickeningEffects(1))}`,
      ];
    },
    ai: 'the projected change to its objectives at its current expectation',
  },
});
