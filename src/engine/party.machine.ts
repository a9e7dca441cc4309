import { setup } from 'xstate';
import type { Role } from './model';

export type Control = 'human' | 'ai';

export interface PartyInput {
  role: Role;
  control: Control;
}

/**
 * One actor per party. It tracks a seat's status so a table, a server or an AI driver can see who is
 * still choosing; the level machine owns the rules and tells each party what happened.
 */
export const partyMachine = setup({
  types: {
    context: {} as PartyInput,
    input: {} as PartyInput,
    events: {} as { type: 'round.opened' } | { type: 'move.chosen' } | { type: 'level.ended' },
  },
}).createMachine({
  id: 'party',
  context: ({ input }) => ({ role: input.role, control: input.control }),
  initial: 'waiting',
  states: {
    waiting: { on: { 'round.opened': 'choosing', 'level.ended': 'done' } },
    choosing: { on: { 'move.chosen': 'chosen', 'level.ended': 'done' } },
    chosen: { on: { 'round.opened': 'choosing', 'level.ended': 'done' } },
    done: { type: 'final' },
  },
});
