import { defineMove } from './define';

/** Do nothing this round and bank a point of political capital. */
export const pass = defineMove({
  kind: 'pass',
  cost: 0,
  phase: 'act',
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'pass' as const, id: def.id }],
  resolve({ level, ctx, role }) {
    ctx.capital[role] = Math.min(level.actors[role].capital.max, ctx.capital[role] + 1);
  },
  // Passing banks a point of capital for a stronger move later.
  appraise: (a) => ({ value: 0.3, reason: a.say('pass', { actor: a.actor }) }),
  reference: {
    takes: 'nothing',
    when: 'always',
    does: () => ["banks one point of political capital (up to the seat's maximum)"],
    ai: 'a small value (0.3): it banks capital for a stronger move later',
  },
});
