import { z } from 'zod';
import { LINKAGE_BONUS } from '../mechanics/linkage';
import { defineMove, Id, reason, signed } from './define';

/** Link two issues: each home level values a package more when it gets its best option on one of them. */
export const link_issues = defineMove({
  kind: 'link_issues',
  cost: 1,
  phase: 'act',
  args: { issues: z.tuple([Id, Id]).describe('The two issues linked.') },
  candidates(level, _ctx, _role, def) {
    if (def.pairs) return def.pairs.map(([a, b]) => ({ kind: 'link_issues' as const, id: def.id, issues: [a, b] as [string, string] }));
    const issues = Object.keys(level.issues);
    return issues.flatMap((a, i) =>
      issues.slice(i + 1).map((b) => ({ kind: 'link_issues' as const, id: def.id, issues: [a, b] as [string, string] })),
    );
  },
  check(level, ctx, _role, def, move) {
    const [a, b] = move.issues;
    if (a === b || !Object.hasOwn(level.issues, a) || !Object.hasOwn(level.issues, b)) return reason('bad_link');
    if (def.pairs && !def.pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return reason('link_not_offered');
    if (ctx.links.some((l) => l.issues.includes(a) && l.issues.includes(b))) return reason('already_linked');
    return null;
  },
  resolve({ level, ctx, role, entry, params }, move) {
    const issues = move.issues;
    ctx.links.push({ by: role, issues, round: ctx.round });
    entry.mechanic = 'linkage';
    params.a = level.issues[issues[0]].title;
    params.b = level.issues[issues[1]].title;
  },
  appraise(a, move) {
    const expected = a.expected;
    if (!expected) return undefined;
    const { view } = a;
    const [x, y] = move.issues;
    const vx = view.me.values[x] ?? [];
    const vy = view.me.values[y] ?? [];
    const ix = view.issues.find((i) => i.id === x)?.options.findIndex((o) => o.id === expected[x]) ?? -1;
    const iy = view.issues.find((i) => i.id === y)?.options.findIndex((o) => o.id === expected[y]) ?? -1;
    const gets = (ix >= 0 && vx[ix] >= Math.max(...vx)) || (iy >= 0 && vy[iy] >= Math.max(...vy));
    return {
      value: gets ? a.homeWeight * 1 : -0.5,
      reason: a.say('link', {
        actor: a.actor,
        a: view.issues.find((i) => i.id === x)?.title ?? x,
        b: view.issues.find((i) => i.id === y)?.title ?? y,
      }),
    };
  },
  reference: {
    takes: 'two issues (only the `pairs` the level lists, if it lists any)',
    when: 'two different issues, not already linked',
    does: () => [
      `links two issues: each home level values a package ${signed(LINKAGE_BONUS)} more when it gets its best option on at least one of the two`,
    ],
    ai: 'when the package it expects gives it its best option on one of the two issues',
  },
});
