import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, transition } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { roles } from '../../src/engine/catalog';
import type { Move } from '../../src/engine/model';
import { createNegotiationMachine, type NegotiationEvent } from '../../src/engine/negotiation.machine';
import { legalMoves } from '../../src/engine/rules';
import { mini } from '../helpers';

/**
 * Model-based tests over the level machine (xstate/graph). The mini level is small enough to explore
 * with a representative move set per seat: every reachable state must be able to reach the debrief,
 * and events the rules refuse must change nothing.
 */
const level = mini();
const machine = createNegotiationMachine(level);
const input = { seed: 5 };

const representative = (role: string, moves: Move[]): Move[] => {
  const pick = (id: string, pred: (m: Move) => boolean = () => true) => moves.find((m) => m.id === id && pred(m));
  return [
    pick('pass'),
    pick('propose', (m) => m.deal?.data === 'shared' && m.deal?.lanes === 'fast'),
    pick('propose', (m) => m.deal?.data === 'none' && m.deal?.lanes === 'fast'),
    pick('accept'),
    pick('reject'),
    role === 'small' ? pick('refuse') : role === 'big' ? pick('raise_alert') : pick('reach_out'),
  ].filter((m): m is Move => m !== undefined);
};

const events = (snapshot: AnyMachineSnapshot): NegotiationEvent[] => {
  if (snapshot.matches('briefing')) return [{ type: 'START' }];
  if (!snapshot.matches('choosing')) return [];
  return roles(level).flatMap((role) =>
    representative(role, legalMoves(level, snapshot.context, true, role)).map((move) => ({ type: 'MOVE' as const, role, move })),
  );
};

const serializeState = (s: AnyMachineSnapshot) => JSON.stringify({ value: s.value, context: s.context });

const illegal: NegotiationEvent[] = [
  { type: 'START' },
  { type: 'MOVE', role: 'nobody', move: { kind: 'pass', id: 'pass' } },
  { type: 'MOVE', role: 'province', move: { kind: 'propose', id: 'propose', deal: { data: 'none', lanes: 'none' } } },
  { type: 'MOVE', role: 'small', move: { kind: 'action', id: 'warp' } },
  { type: 'MOVE', role: 'small', move: { kind: 'accept', id: 'accept', to: 'nobody' } },
  { type: 'MOVE', role: 'small', move: { kind: 'accept', id: 'pass', to: 'big' } },
];

describe('the level machine as a graph', () => {
  const limit = 200_000;
  const adjacency = getAdjacencyMap(machine, { input, events, serializeState, limit });
  const map = adjacency as unknown as Record<string, (typeof adjacency)[keyof typeof adjacency]>;
  const nodes = Object.keys(map);

  it('is explored completely (the traversal did not stop at its limit)', () => {
    expect(nodes.length).toBeGreaterThan(1000);
    expect(nodes.length).toBeLessThan(limit);
  });

  it('has no dead end: every reachable state can reach the debrief', () => {
    const reaches = new Set(nodes.filter((k) => map[k].state.matches('debrief')));
    expect(reaches.size).toBeGreaterThan(0);
    const incoming = new Map<string, string[]>();
    for (const from of nodes) {
      for (const { state } of Object.values(map[from].transitions)) {
        const to = serializeState(state);
        if (!incoming.has(to)) incoming.set(to, []);
        incoming.get(to)?.push(from);
      }
    }
    const queue = [...reaches];
    while (queue.length) {
      for (const from of incoming.get(queue.pop() as string) ?? []) {
        if (!reaches.has(from)) {
          reaches.add(from);
          queue.push(from);
        }
      }
    }
    const stuck = nodes.filter((k) => !reaches.has(k)).map((k) => map[k].state.value);
    expect(stuck).toEqual([]);
  });

  it('reaches both endings: a ratified agreement and the deadline', () => {
    const outcomes = new Set(nodes.map((k) => map[k].state.context.outcome?.kind).filter(Boolean));
    expect(outcomes).toEqual(new Set(['agreement', 'no_deal']));
  });

  it('refused events change nothing in any choosing state', () => {
    const choosing = nodes.map((k) => map[k].state).filter((s) => s.matches('choosing'));
    for (const snapshot of choosing) {
      const chosen = roles(level).filter((r) => snapshot.context.pending[r] !== null);
      const again = chosen.map((role): NegotiationEvent => ({ type: 'MOVE', role, move: { kind: 'pass', id: 'pass' } }));
      for (const event of [...illegal, ...again]) {
        const [next] = transition(machine, snapshot, event);
        expect(serializeState(next)).toBe(serializeState(snapshot));
      }
    }
  });

  it('the shortest way to an agreement is two rounds: a proposal, then its acceptance', () => {
    const paths = getShortestPaths(machine, { input, events, serializeState, toState: (s) => s.context.outcome?.kind === 'agreement' });
    const shortest = Math.min(...paths.map((p) => p.steps.filter((step) => (step.event.type as string) !== 'xstate.init').length));
    // START, three choices in round 1, three in round 2.
    expect(shortest).toBe(7);
  });
});
