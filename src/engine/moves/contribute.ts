import { moveDef } from '../catalog';
import { effectsForKinds } from '../indicators';
import { contributionEffects } from '../mechanics/burden';
import type { Board, Role } from '../model';
import { own } from '../own';
import { defineMove, listed } from './define';

/** What a contribution does for a role: burden shared, free-riding perceived less, trust; diminishing with each earlier one. */
function contributionFor(board: Board, role: Role, amount: number, arena: 'home' | 'away', prior: number) {
  return effectsForKinds(board, role, contributionEffects(amount, prior, arena));
}

function describe(amount: number, arena: 'home' | 'away'): string[] {
  return [
    `${arena === 'home' ? 'at home' : 'abroad'}, amount ${amount}: ${listed(contributionEffects(amount, 0, arena))} (first contribution)`,
    `diminishing returns: the second gives ${listed(contributionEffects(amount, 1, arena))}, the third ${listed(contributionEffects(amount, 2, arena))}`,
  ];
}

/** Contribute to the common effort, at home (security measures) or away (deployments). */
export const contribute = defineMove({
  kind: 'contribute',
  cost: 2,
  phase: 'act',
  directions: { burden_share: [1], free_rider: [-1], trust: [1], sovereignty: [1], approval: [-1] },
  args: {},
  candidates: (_level, _ctx, _role, def) => [{ kind: 'contribute' as const, id: def.id }],
  resolve({ level, ctx, role, def, entry, change }) {
    const prior =
      Object.entries(own(ctx.moveCounts, role) ?? {})
        .filter(([id]) => moveDef(level, role, id)?.kind === 'contribute')
        .reduce((s, [, n]) => s + n, 0) - 1;
    entry.mechanic = 'burden_sharing';
    change(contributionFor(level, role, def.amount, def.arena, prior));
  },
  appraise(a) {
    const prior = a.earlier.filter((m) => a.kindOf(m) === 'contribute').length;
    // The view lists no amounts: a seat that has contributed before goes by what it saw, unless a preset says.
    const after =
      a.learned && !a.preset.amount
        ? a.apply(a.learned)
        : a.apply(contributionFor(a.board, a.view.role, a.preset.amount ?? 1, a.preset.arena ?? 'home', prior));
    return { value: a.effectValue(after) * a.weak, reason: a.say('contribute', { actor: a.actor, ...a.bestDelta(after) }) };
  },
  reference: {
    takes: 'nothing (the level sets `amount` and `arena`)',
    when: 'always',
    does: (settings) =>
      settings ? describe(settings.amount ?? 1, settings.arena ?? 'home') : [...describe(1, 'home'), ...describe(1, 'away')],
    ai: 'the projected change to its objectives (and, when weaker, to the trust it holds with the stronger side); weighed up when the seat is the weaker party at the table',
  },
});
