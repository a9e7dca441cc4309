import { effectsForKinds } from '../indicators';
import { facilitationEffects, thickeningEffects } from '../mechanics/thickening';
import { defineMove, listed } from './define';

/** Facilitate crossings: a thinner border, shorter waits, more trade and travel. */
export const facilitate = defineMove({
  kind: 'facilitate',
  cost: 2,
  phase: 'act',
  directions: { thickness: [-1] },
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'facilitate' as const, id: def.id }],
  resolve({ level, role, def, entry, change }) {
    entry.mechanic = 'thickening';
    change(effectsForKinds(level, role, facilitationEffects(def.amount)));
  },
  appraise(a) {
    const after = a.apply(effectsForKinds(a.board, a.view.role, facilitationEffects(a.preset.amount ?? 1)));
    return { value: a.effectValue(after), reason: a.say('facilitate', { actor: a.actor, ...a.bestDelta(after) }) };
  },
  reference: {
    takes: 'nothing (the level sets `amount`)',
    when: 'always',
    does: (settings) => {
      const amount = settings?.amount ?? 1;
      return [
        `amount ${amount}: ${listed(facilitationEffects(amount))}, and so ${listed(thickeningEffects(facilitationEffects(amount).thickness ?? 0))}`,
      ];
    },
    ai: 'the projected change to its objectives',
  },
});
