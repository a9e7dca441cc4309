import { describe, expect, it } from 'vitest';
import type { StudentPayload } from '../../src/server/classroom';
import { applyDelta, type Delta, deltaMessage, nothingHeld, textsOf } from '../../src/server/delta';

/** What the server sends for this payload to a client holding `held`, read back as the client reads it. */
function send(held: ReturnType<typeof nothingHeld>, payload: Record<string, unknown>): Delta | null {
  const { view, ...rest } = payload;
  const text = deltaMessage(held, textsOf(rest), view ? textsOf(view as object) : null);
  return text === null ? null : (JSON.parse(text) as Delta);
}

const lobby = { status: 'lobby', name: 'Ana', seats: [{ table: 0, role: 'quebec', taken: 0 }], view: null, legal: [] };
const seated = {
  status: 'playing',
  name: 'Ana',
  seats: [],
  view: { round: 1, chosen: false, actors: { quebec: { status: 'choosing' } }, log: [] },
  legal: [{ id: 'pass' }],
  aiHolds: false,
};

describe('a student payload sent as what changed', () => {
  it('sends the whole payload first, then only the keys whose value changed, and nothing when none did', () => {
    const held = nothingHeld();
    const first = send(held, lobby);
    expect(first).toEqual(lobby);
    let client = applyDelta(null, first as Delta);
    expect(send(held, lobby)).toBeNull();

    const toSeat = send(held, seated) as Delta;
    client = applyDelta(client, toSeat);
    expect(client).toEqual(seated);
    expect(Object.keys(toSeat).sort()).toEqual(['aiHolds', 'legal', 'seats', 'status', 'view']);

    const next = { ...seated, view: { ...seated.view, chosen: true, actors: { quebec: { status: 'chosen' } } } };
    const move = send(held, next) as Delta;
    expect(move).toEqual({ view: { chosen: true, actors: { quebec: { status: 'chosen' } } } });
    const before = client;
    client = applyDelta(client, move);
    expect(client).toEqual(next);
    expect(before).toEqual(seated);
  });

  it('removes the keys that are gone, from a copy of what the client held', () => {
    const held = nothingHeld();
    const withEveryone = { ...seated, view: { ...seated.view, everyone: { quebec: {} } } };
    const client = applyDelta(null, send(held, withEveryone) as Delta);
    const { aiHolds: _gone, ...withoutAi } = seated;
    const delta = send(held, withoutAi) as Delta;
    expect(delta.gone?.sort()).toEqual(['aiHolds', 'view.everyone']);
    const after = applyDelta(client, delta);
    expect(after).toEqual(withoutAi);
    expect((client.view as unknown as Record<string, unknown>).everyone).toEqual({ quebec: {} });
  });

  it('sends a null view once when a student goes back to having no seat, and a fresh client everything again', () => {
    const held = nothingHeld();
    applyDelta(null, send(held, seated) as Delta);
    expect(send(held, lobby)?.view).toBeNull();
    expect(send(held, lobby)).toBeNull();
    const fresh = nothingHeld();
    expect(applyDelta(undefined as StudentPayload | undefined, send(fresh, seated) as Delta)).toEqual(seated);
  });
});
