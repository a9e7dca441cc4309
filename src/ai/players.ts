/**
 * Player strategies for the balance simulator: how a person might play a seat, used to test whether a
 * level can be won by sensible play and not by chance. They play through the same Policy interface,
 * from the seat's own view, so they never see more than a person would.
 */
import { moveName, type Policy } from '../engine';
import { PROFILES } from './index';
import { negotiator } from './negotiator';

export type Strategy = 'random' | 'greedy' | 'literature';
export const STRATEGIES: readonly Strategy[] = ['random', 'greedy', 'literature'];

/** Any legal move, uniformly. */
export const randomPlayer: Policy = (view, legal, random) => {
  const move = legal[Math.min(legal.length - 1, Math.floor(random() * legal.length))] ?? { id: 'pass' };
  return {
    ...move,
    reason: {
      key: 'ai.try',
      params: {
        actor: view.actors[view.role]?.name ?? view.role,
        move: moveName(
          view.moves.find((d) => d.id === move.id),
          move.id,
        ),
      },
    },
  };
};

/**
 * Myopic and greedy: demands its best package until the deadline, and otherwise makes the move with the
 * best immediate effect on its own objectives, with no model of the other side.
 */
export const greedyPlayer: Policy = negotiator({
  beta: 0.05,
  titForTat: 0,
  opponentModel: false,
  noise: 0,
  explore: 0,
  weakParty: 1,
  margin: 0,
  homeWeight: 1,
});

/**
 * Informed by the literature: spends the opening on the weak party's tools (coalitions on particular
 * issues, appeals to principle, contributions) before tabling, concedes slowly, mirrors the other
 * side's concessions and trades off towards what it seems to want.
 */
export const literaturePlayer: Policy = negotiator({ ...PROFILES.hard, beta: 0.6, weakParty: 2.5, opening: 1 });

export const PLAYERS: Record<Strategy, Policy> = { random: randomPlayer, greedy: greedyPlayer, literature: literaturePlayer };
