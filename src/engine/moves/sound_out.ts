import { roles } from '../catalog';
import { own } from '../own';
import { defineMove, Id, otherSeat, reason } from './define';

/** Learn, privately, the option another seat values most on one issue drawn at random. */
export const sound_out = defineMove({
  kind: 'sound_out',
  cost: 1,
  phase: 'act',
  args: { to: Id.describe('The party sounded out.') },
  candidates: (level, _ctx, role, def) =>
    roles(level)
      .filter((r) => r !== role)
      .map((to) => ({ kind: 'sound_out' as const, id: def.id, to })),
  check: (level, _ctx, role, _def, move) => (otherSeat(level, role, move.to) ? null : reason('bad_target')),
  resolve({ level, ctx, role, params, draw, name }, move) {
    const to = move.to;
    const issues = Object.keys(level.issues);
    const issue = issues[Math.floor(draw() * issues.length)];
    const values = own(level.issues[issue].value, to) ?? [];
    const best = values.indexOf(Math.max(...values));
    const option = level.issues[issue].options[Math.max(0, best)].id;
    ctx.revealed[role] = [...(own(ctx.revealed, role) ?? []), { round: ctx.round, about: to, issue, option }];
    params.to = name(to);
  },
  appraise(a, move) {
    const observed = a.observations(move.to);
    const target = a.isOpponent(move.to) ? 1 : 0.2;
    const value =
      (observed !== undefined ? 1.5 * Math.max(0, 1 - observed / 3) : 0.3) * target -
      0.2 * a.view.revealed.filter((r) => r.about === move.to).length;
    return { value, reason: a.say('sound_out', { actor: a.actor, to: a.view.actors[move.to]?.name ?? move.to }) };
  },
  reference: {
    takes: 'another seat',
    when: 'always',
    does: () => ['reveals, to the seat alone, the option the target values most on one issue drawn at random'],
    ai: 'worth more the less it has observed of the target; less for each thing already revealed',
  },
});
