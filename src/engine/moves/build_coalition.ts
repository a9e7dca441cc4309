import { roles } from '../catalog';
import { firstValue } from '../indicators';
import { allyJoins, coalitionPressure } from '../mechanics/coalition';
import type { Board, Level } from '../model';
import { own } from '../own';
import { defineMove, Id, reason, signed } from './define';

/** The pressure an ally puts on its target's home level, per option of an issue it joins on. */
function allyPressure(board: Board, ally: Level['allies'][string], issue: string, alignment: number | undefined) {
  const interest = board.issues[issue].options.map((o) => o.effects?.[ally.interest] ?? 0);
  return coalitionPressure(ally.influence, interest, alignment);
}

/** Recruit an ally on one of its issues: it lobbies its target's home level. */
export const build_coalition = defineMove({
  kind: 'build_coalition',
  cost: 0,
  phase: 'act',
  args: { ally: Id.describe('The ally recruited.'), issue: Id.describe('The issue it joins on.') },
  candidates: (level, _ctx, _role, def) =>
    Object.entries(level.allies).flatMap(([ally, a]) =>
      a.issues.map((issue) => ({ kind: 'build_coalition' as const, id: def.id, ally, issue })),
    ),
  check(level, ctx, role, _def, move) {
    const ally = own(level.allies, move.ally);
    if (!ally) return reason('bad_ally');
    const allowed = ally.available_to ?? roles(level).filter((r) => level.actors[r].seat === 'table');
    if (!allowed.includes(role)) return reason('ally_unavailable', { ally: ally.name });
    if (!ally.issues.includes(move.issue)) return reason('ally_issue', { ally: ally.name });
    if (ctx.coalitions.some((c) => c.ally === move.ally && c.issue === move.issue)) return reason('ally_taken', { ally: ally.name });
    return null;
  },
  resolve({ level, ctx, role, entry, params, addPressure, name }, move) {
    const ally = level.allies[move.ally];
    const issue = move.issue;
    if (!allyJoins(ally.issues, issue)) return;
    addPressure(ally.target, issue, allyPressure(level, ally, issue, firstValue(level, ctx.indicators, 'alignment', role)));
    ctx.coalitions.push({ by: role, ally: move.ally, issue, round: ctx.round });
    entry.mechanic = 'coalition';
    params.ally = ally.name;
    params.issue = level.issues[issue].title;
    params.to = name(ally.target);
  },
  appraise(a, move) {
    const ally = a.view.allies[move.ally];
    if (!ally || !Object.hasOwn(a.board.issues, move.issue)) return undefined;
    const issue = a.view.issues.find((i) => i.id === move.issue);
    // Never recruit an ally against itself.
    const value =
      ally.target === a.view.role
        ? -1
        : a.pressureValue(
            move.issue,
            allyPressure(a.board, ally, move.issue, firstValue(a.board, a.indicators, 'alignment', a.view.role)),
          ) * a.weak;
    return {
      value,
      reason: a.say('coalition', {
        actor: a.actor,
        ally: ally.name,
        issue: issue?.title ?? move.issue,
        to: a.view.actors[ally.target]?.name ?? ally.target,
      }),
    };
  },
  reference: {
    takes: 'an ally and one of its issues',
    when: "the ally is available to the seat, the issue is one of the ally's, and the ally has not already joined on it",
    does: () => {
      const [helps, , hurts] = coalitionPressure(1, [1, 0, -1]);
      const [aligned] = coalitionPressure(1, [1], 100);
      return [
        `the ally lobbies its target's home level on one of its issues: per point of influence, pressure ${signed(helps)} for an option that helps the ally's interest, ${signed(hurts)} for one that hurts it`,
        `a recruiter with an alignment indicator multiplies it by 0.5 + alignment/100 (${signed(aligned)} per point at alignment 100); the ally's own cost is added to the move's`,
      ];
    },
    ai: 'the projected pressure on the options it prefers; weighed up when the seat is the weaker party at the table; never recruits an ally against itself',
  },
});
