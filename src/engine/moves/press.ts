import { roles } from '../catalog';
import { pressShift } from '../mechanics/pressure';
import { own } from '../own';
import { defineMove, Id, otherSeat, reason } from './define';

/** The pressure a press puts on one issue: `shift` on each option the presser values most. */
function pressOn(values: readonly number[], shift: number): number[] {
  const top = Math.max(...values);
  return values.map((v) => (v === top ? shift : 0));
}

/** Press another party: pressure on its home level towards what the presser values most. */
export const press = defineMove({
  kind: 'press',
  cost: 1,
  phase: 'act',
  args: { to: Id.optional().describe('The party pressed, unless the move names its target.') },
  candidates: (level, _ctx, role, def) =>
    def.target
      ? [{ kind: 'press' as const, id: def.id }]
      : roles(level)
          .filter((r) => r !== role)
          .map((to) => ({ kind: 'press' as const, id: def.id, to })),
  check(level, _ctx, role, def, move) {
    // A move that names its own target takes no other.
    if (def.target !== undefined && move.to !== undefined && move.to !== def.target) return reason('bad_target');
    return otherSeat(level, role, def.target ?? move.to) ? null : reason('bad_target');
  },
  resolve({ level, role, def, entry, params, name, addPressure }, move) {
    const to = def.target ?? move.to ?? role;
    const shift = pressShift(level.actors[role].power, level.actors[to].power);
    for (const [issue, def2] of Object.entries(level.issues)) addPressure(to, issue, pressOn(own(def2.value, role) ?? [], shift));
    entry.mechanic = 'pressure';
    params.to = name(to);
  },
  appraise(a, move) {
    const { view } = a;
    const to = move.to ?? a.def?.target;
    if (!to) return undefined;
    const shift = pressShift(view.actors[view.role].power, view.actors[to]?.power ?? 1);
    let value = 0;
    for (const issue of view.issues) value += a.pressureValue(issue.id, pressOn(view.me.values[issue.id] ?? [], shift));
    if (!view.actors[to]?.veto && view.actors[to]?.seat !== 'table') value *= 0.3;
    if (a.learned) value += a.effectValue(a.apply(a.learned));
    return { value, reason: a.say('press', { actor: a.actor, to: view.actors[to]?.name ?? to }) };
  },
  reference: {
    takes: 'another seat, unless the level sets `target`',
    when: 'the target is another seat',
    does: () => [
      `adds pressure to the target's home level for each option the presser values most, on every issue: ${pressShift(1, 1)} between equals, ${pressShift(4, 1)} against a party a quarter as strong (capped), ${pressShift(1, 4)} against one four times as strong (floor)`,
    ],
    ai: 'the projected pressure on the options it prefers, less against a target neither at the table nor holding a veto',
  },
});
