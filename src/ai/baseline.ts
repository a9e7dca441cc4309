import type { Deal, Move, Policy, PlayerView } from '../engine';

/** What a package is worth to the viewing role's home level, from its own view only. */
export function ownValue(view: PlayerView, deal: Deal): number {
  let value = 0;
  for (const issue of view.issues) {
    const i = issue.options.findIndex((o) => o.id === deal[issue.id]);
    if (i < 0) continue;
    value += (view.me.values[issue.id]?.[i] ?? 0) + (view.me.pressure[issue.id]?.[i] ?? 0);
  }
  return value;
}

const TABLE = new Set(['propose', 'accept', 'reject', 'pass']);

/**
 * A simple baseline for headless runs: a time-dependent conceder (Faratin et al. 1998) that accepts a
 * package once it is worth its shrinking aspiration, proposes the package closest to that aspiration,
 * and otherwise makes one of its other moves at random.
 */
export const baselinePolicy: Policy = (view, legal, random) => {
  const kindOf = (m: Move) => view.moves.find((d) => d.id === m.id)?.kind ?? m.id;
  const reservation = (view.me.ratification?.min_value ?? 0) + 3 * view.me.tiedHands;
  const proposals = legal.filter((m) => kindOf(m) === 'propose' && m.deal);
  const best = proposals.reduce((mx, m) => Math.max(mx, ownValue(view, m.deal as Deal)), reservation);
  const progress = view.rounds <= 1 ? 1 : (view.round - 1) / (view.rounds - 1);
  const aspiration = best - (best - reservation) * progress;

  const acceptable = legal.filter((m) => {
    if (kindOf(m) !== 'accept') return false;
    const p = view.table.find((x) => x.by === m.to);
    return p !== undefined && ownValue(view, p.deal) >= aspiration;
  });
  if (acceptable.length) return acceptable[0];

  const mine = view.table.find((p) => p.by === view.role);
  if (proposals.length && (!mine || random() < 0.5)) {
    const within = proposals.filter((m) => ownValue(view, m.deal as Deal) >= aspiration);
    within.sort((a, b) => ownValue(view, a.deal as Deal) - ownValue(view, b.deal as Deal));
    if (within.length) return within[0];
  }

  const others = legal.filter((m) => !TABLE.has(kindOf(m)));
  if (others.length && random() < 0.6) return others[Math.floor(random() * others.length)];
  return legal.find((m) => m.id === 'pass') ?? legal[0];
};
