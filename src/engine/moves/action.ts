import { defineMove } from './define';

/** A move of the level's own: it does only the effects the level gives it. */
export const action = defineMove({
  kind: 'action',
  cost: 1,
  phase: 'act',
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'action' as const, id: def.id }],
  resolve() {},
  appraise(a) {
    // A configured move's card lists its effects; otherwise the seat goes by what it did last time.
    const known = a.def?.effects ?? a.learned;
    if (!known) return { value: 1, reason: a.say('try', { actor: a.actor, move: a.moveName }) };
    const after = a.apply(known);
    return { value: a.effectValue(after), reason: a.say('action', { actor: a.actor, move: a.moveName, ...a.bestDelta(after) }) };
  },
  reference: {
    takes: 'nothing',
    when: 'always',
    does: () => ['only the effects the level gives it (`effects`)'],
    ai: "the projected change to its objectives from the move's listed effects, or tries it once to learn them",
  },
});
