import { assign, enqueueActions, setup } from 'xstate';
import type { Level } from '../levels/schema';
import { roles } from './catalog';
import { own } from './own';
import type { Move, NegotiationContext, Role, SessionInput } from './model';
import { type Control, partyMachine } from './party.machine';
import {
  closeRound,
  conclude,
  dropFailedAgreement,
  everyoneHasChosen,
  initialContext,
  isRatified,
  openRound,
  ratify,
  recordMove,
  resolveRound,
} from './resolve';
import { isLegalMove } from './rules';
import { follow, type Instruction, lastRound, parseInstruction } from './instruction';

/** A seat's move, or an instruction from whoever runs the session (see instruction.ts). */
export type NegotiationEvent =
  | { type: 'START' }
  | { type: 'MOVE'; role: Role; move: Move }
  | { type: 'INSTRUCT'; instruction: Instruction };

export interface NegotiationInput extends Omit<SessionInput, 'level'> {
  controls?: Record<Role, Control>;
}

/**
 * The level's flow: briefing -> rounds of simultaneous choices -> resolution -> ratification at home ->
 * debrief, or the deadline and each side's fallback. Every seat chooses at once and moves resolve in
 * a fixed order, so nobody in a classroom waits on a slow table. The level is closed over (it is
 * props); the context is the session's state.
 */
export function createNegotiationMachine(level: Level) {
  const rs = roles(level);
  return setup({
    types: {
      context: {} as NegotiationContext,
      input: {} as NegotiationInput,
      events: {} as NegotiationEvent,
    },
    actors: { party: partyMachine },
    guards: {
      'is a legal move': ({ context, event }) => event.type === 'MOVE' && isLegalMove(level, context, event),
      'every seat has chosen': ({ context }) => everyoneHasChosen(level, context),
      'a package is agreed': ({ context }) => context.agreement !== null,
      'the package is ratified': ({ context }) => isRatified(context),
      'the deadline has come': ({ context }) => context.round >= lastRound(level, context),
      'is a valid instruction': ({ context, event }) => event.type === 'INSTRUCT' && parseInstruction(level, context, event.instruction).ok,
    },
    actions: {
      'open the next round': assign(({ context }) => openRound(level, context)),
      'follow the instruction': assign(({ context, event }) =>
        event.type === 'INSTRUCT' ? follow(level, context, event.instruction) : context,
      ),
      'record the move': assign(({ context, event }) => (event.type === 'MOVE' ? recordMove(context, event.role, event.move) : context)),
      'resolve the round': assign(({ context }) => resolveRound(level, context)),
      'send the package home': assign(({ context }) => ratify(level, context)),
      'take the failed package off the table': assign(({ context }) => dropFailedAgreement(context)),
      'close the round': assign(({ context }) => closeRound(context)),
      'put the deal in force': assign(({ context }) => conclude(level, context, 'agreement')),
      'fall back at the deadline': assign(({ context }) => conclude(level, context, 'no_deal')),
      'tell the parties the round is open': enqueueActions(({ enqueue }) => {
        for (const r of rs) enqueue.sendTo(`party.${r}`, { type: 'round.opened' });
      }),
      'tell the party its move is in': enqueueActions(({ enqueue, event }) => {
        if (event.type === 'MOVE') enqueue.sendTo(`party.${event.role}`, { type: 'move.chosen' });
      }),
      'tell the parties the level is over': enqueueActions(({ enqueue }) => {
        for (const r of rs) enqueue.sendTo(`party.${r}`, { type: 'level.ended' });
      }),
    },
  }).createMachine({
    id: 'negotiation',
    context: ({ input, spawn }) => {
      for (const role of rs)
        spawn('party', { id: `party.${role}`, input: { role, control: own(input.controls, role) === 'ai' ? 'ai' : 'human' } });
      return initialContext({ level, seed: input.seed, carried: input.carried });
    },
    initial: 'briefing',
    states: {
      briefing: {
        on: { START: { target: 'choosing', actions: ['open the next round', 'tell the parties the round is open'] } },
      },
      choosing: {
        always: { guard: 'every seat has chosen', target: 'resolving' },
        on: {
          MOVE: { guard: 'is a legal move', actions: ['record the move', 'tell the party its move is in'] },
          INSTRUCT: { guard: 'is a valid instruction', actions: 'follow the instruction' },
        },
      },
      resolving: {
        entry: 'resolve the round',
        always: [{ guard: 'a package is agreed', target: 'ratification' }, { target: 'closing' }],
      },
      ratification: {
        entry: 'send the package home',
        always: [
          { guard: 'the package is ratified', target: 'debrief', actions: ['close the round', 'put the deal in force'] },
          { target: 'closing', actions: 'take the failed package off the table' },
        ],
      },
      closing: {
        entry: 'close the round',
        always: [
          { guard: 'the deadline has come', target: 'debrief', actions: 'fall back at the deadline' },
          { target: 'choosing', actions: ['open the next round', 'tell the parties the round is open'] },
        ],
      },
      debrief: { type: 'final', entry: 'tell the parties the level is over' },
    },
  });
}

export type NegotiationMachine = ReturnType<typeof createNegotiationMachine>;
