import { reframedSalience, SOVEREIGNTY_POINTS_PER_LEVEL } from '../mechanics/sovereignty';
import { own } from '../own';
import { defineMove, Id, reason } from './define';

/** Reframe an issue: its harmonization costs less sovereignty. */
export const reframe = defineMove({
  kind: 'reframe',
  cost: 2,
  phase: 'act',
  args: { issue: Id.describe('The issue reframed.') },
  candidates: (level, _ctx, _role, def) => Object.keys(level.issues).map((issue) => ({ kind: 'reframe' as const, id: def.id, issue })),
  check(level, ctx, _role, _def, move) {
    if (!Object.hasOwn(level.issues, move.issue)) return reason('bad_issue');
    return (own(ctx.salience, move.issue) ?? 1) <= 0.25 ? reason('salience_floor') : null;
  },
  resolve({ level, ctx, entry, params }, move) {
    ctx.salience[move.issue] = reframedSalience(own(ctx.salience, move.issue) ?? 1);
    entry.mechanic = 'sovereignty';
    params.issue = level.issues[move.issue].title;
  },
  appraise(a, move) {
    const salience = { ...a.salience, [move.issue]: reframedSalience(a.salience[move.issue] ?? 1) };
    return {
      value: a.gain(a.indicators, salience),
      reason: a.say('reframe', { actor: a.actor, issue: a.view.issues.find((i) => i.id === move.issue)?.title ?? move.issue }),
    };
  },
  reference: {
    takes: 'an issue',
    when: "the issue's salience is above 0.25",
    does: () => [
      `lowers an issue's salience from 1 to ${reframedSalience(1)}, then ${reframedSalience(reframedSalience(1))} (never below 0.25); each clause costs harmonization × salience × ${SOVEREIGNTY_POINTS_PER_LEVEL} sovereignty points`,
    ],
    ai: "the gain to its objectives with the issue's sovereignty cost lowered",
  },
});
