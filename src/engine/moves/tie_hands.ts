import { effectsForKinds } from '../indicators';
import { MAX_TIED_HANDS, TIED_HANDS_STEP } from '../mechanics/twoLevel';
import { own } from '../own';
import { defineMove, reason } from './define';

/** Tie one's own hands: a higher ratification threshold at home, a stronger hand at the table. */
export const tie_hands = defineMove({
  kind: 'tie_hands',
  cost: 2,
  phase: 'act',
  directions: { approval: [1] },
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'tie_hands' as const, id: def.id }],
  check: (_level, ctx, role) => ((own(ctx.tiedHands, role) ?? 0) >= MAX_TIED_HANDS ? reason('hands_tied') : null),
  resolve({ level, ctx, role, entry, change }) {
    ctx.tiedHands[role] = Math.min(MAX_TIED_HANDS, (own(ctx.tiedHands, role) ?? 0) + 1);
    entry.mechanic = 'two_level';
    change(effectsForKinds(level, role, { approval: 1 }));
  },
  appraise(a) {
    const after = a.apply(effectsForKinds(a.board, a.view.role, { approval: 1 }));
    // Narrowing its own win-set only helps a seat whose best packages clear the higher bar comfortably.
    const room = a.homeRoom();
    return { value: a.effectValue(after) + (room > 3 && a.view.round <= 2 ? 0.5 : -1), reason: a.say('tie_hands', { actor: a.actor }) };
  },
  reference: {
    takes: 'nothing',
    when: `the seat has tied its hands fewer than ${MAX_TIED_HANDS} times`,
    does: () => [
      `raises the seat's own ratification threshold by ${TIED_HANDS_STEP} (at most ${MAX_TIED_HANDS} times): a stronger hand at the table, a greater risk of failing at home; approval +1`,
    ],
    ai: 'only in the first two rounds, when its best packages clear the higher threshold with room to spare',
  },
});
