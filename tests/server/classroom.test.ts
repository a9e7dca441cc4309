/** The classroom's rules without the network: a log cut short by a kill is completed by the AI on restore. */
import { describe, expect, it } from 'vitest';
import { type ClassEvent, Classroom, type ClassSettings } from '../../src/server/classroom';
import { exportCsv } from '../../src/server/export';
import { sample } from '../helpers';

const settings: ClassSettings = {
  level: 'smart_border_2001',
  controls: { washington: 'human', ottawa: 'human', quebec: 'ai' },
  tables: 1,
  teamSize: 1,
  difficulty: 'normal',
  pick: true,
  seed: 5,
};

describe('restoring a classroom from its log', () => {
  it('lets the AI play at once the turns it owed when a kill fell between a stored move and the AI moves it called for', () => {
    const log: ClassEvent[] = [];
    const live = new Classroom(sample(), settings, (e) => log.push(structuredClone(e)));
    for (const [student, role] of [
      ['s1', 'washington'],
      ['s2', 'ottawa'],
    ]) {
      expect(live.apply({ type: 'join', student, token: `t-${student}`, name: student }).ok).toBe(true);
      live.setPresence(student, true);
      expect(live.apply({ type: 'seat', student, table: 0, role }).ok).toBe(true);
    }
    expect(live.apply({ type: 'start' }).ok).toBe(true);
    expect(live.propose('s1', { id: 'pass' }).ok).toBe(true);
    expect(live.propose('s2', { id: 'pass' }).ok).toBe(true);
    // Round 2 is open and the AI has already chosen Quebec's move for it: that is the log's last event.
    const last = log.at(-1);
    expect(last).toMatchObject({ type: 'move', role: 'quebec', by: 'ai' });
    expect(live.tables[0].session.context().round).toBe(2);

    // The kill fell just before that last write: the restored room has the log without it.
    const restored = new Classroom(sample(), settings, (e) => log.push(structuredClone(e)));
    restored.replay(log.slice(0, -1));
    for (const s of restored.students.values()) if (s.table !== null) s.present = true;
    expect(restored.tables[0].session.context().pending.quebec).toBeNull();
    restored.playAI();
    expect(restored.tables[0].session.context()).toEqual(live.tables[0].session.context());
  });
});

describe("the dashboard's tables", () => {
  it('a table whose revision did not move shows the same as before; one that changed has a new revision', () => {
    const room = new Classroom(sample(), {
      ...settings,
      controls: { washington: 'human', ottawa: 'human', quebec: 'human' },
      tables: 2,
      teamSize: 2,
    });
    const seen = room.tables.map((t) => ({ revision: room.tableRevision(t.no), text: JSON.stringify(room.dashboardTable(t.no)) }));
    let changes = 0;
    const check = () => {
      for (const t of room.tables) {
        const now = { revision: room.tableRevision(t.no), text: JSON.stringify(room.dashboardTable(t.no)) };
        if (now.revision === seen[t.no].revision) expect(now.text).toBe(seen[t.no].text);
        else changes++;
        seen[t.no] = now;
      }
    };
    const seats = [
      ['s1', 0, 'washington'],
      ['s2', 0, 'ottawa'],
      ['s3', 0, 'quebec'],
      ['s4', 1, 'washington'],
      ['s5', 1, 'washington'],
    ] as const;
    for (const [student, table, role] of seats) {
      room.apply({ type: 'join', student, token: `t-${student}`, name: student });
      check();
      room.setPresence(student, true);
      check();
      expect(room.apply({ type: 'seat', student, table, role }).ok).toBe(true);
      check();
    }
    expect(room.apply({ type: 'start' }).ok).toBe(true);
    check();
    // Table 2: a team proposes, the proposer leaves (withdrawn, the AI holds nothing yet: a teammate is there), then the last one leaves.
    expect(room.propose('s4', { id: 'pass' }).ok).toBe(true);
    check();
    room.setPresence('s4', false);
    check();
    room.setPresence('s5', false);
    check();
    // Table 1: Washington has chosen, then its student leaves and comes back: only who holds the seat changes.
    expect(room.propose('s1', { id: 'pass' }).ok).toBe(true);
    check();
    room.setPresence('s1', false);
    expect(room.dashboardTable(0).seats.washington.ai).toBe(true);
    check();
    room.setPresence('s1', true);
    check();
    for (const student of ['s2', 's3']) {
      expect(room.propose(student, { id: 'pass' }).ok).toBe(true);
      check();
    }
    expect(room.tables[0].session.context().round).toBe(2);
    expect(changes).toBeGreaterThan(10);
  });
});

describe("the dashboard's deal space so far", () => {
  it('places a package on the table at the scores the engine gives every side when it is agreed', () => {
    const room = new Classroom(sample(), { ...settings, controls: { washington: 'human', ottawa: 'human', quebec: 'human' } });
    const seats = { s1: 'washington', s2: 'ottawa', s3: 'quebec' };
    for (const [student, role] of Object.entries(seats)) {
      room.apply({ type: 'join', student, token: `t-${student}`, name: student });
      room.setPresence(student, true);
      expect(room.apply({ type: 'seat', student, table: 0, role }).ok).toBe(true);
    }
    expect(room.apply({ type: 'start' }).ok).toBe(true);
    const deal = { border_regime: 'smart_border', information_sharing: 'passenger_lists', trusted_traffic: 'nexus_fast' };
    const round = (moves: Record<string, object>) => {
      for (const [student, move] of Object.entries(moves)) expect(room.propose(student, move).ok).toBe(true);
    };
    round({ s1: { id: 'propose', deal }, s2: { id: 'pass' }, s3: { id: 'pass' } });
    // Round 2 is open: the dashboard places Washington's package from the table's state now.
    const [offer] = room.dashboardTable(0).offers;
    expect(offer).toMatchObject({ by: 'washington', round: 1, accepted: ['washington'] });
    expect(offer.words.en).toContain('smart border');
    // Ottawa accepts, nobody else moves: the deal takes effect from that same state, and the engine scores it.
    round({ s1: { id: 'pass' }, s2: { id: 'accept', to: 'washington' }, s3: { id: 'pass' } });
    const outcome = room.tables[0].session.context().outcome;
    expect(outcome?.kind).toBe('agreement');
    expect(offer.scores).toEqual(Object.fromEntries(Object.entries(outcome?.scores ?? {}).map(([r, sc]) => [r, sc.score])));
  });
});

/** Two students at table 1 and the session started; Quebec is the AI's. */
function started(extra: Partial<ClassSettings> = {}): Classroom {
  const room = new Classroom(sample(), { ...settings, tables: 2, ...extra });
  for (const [student, role] of [
    ['s1', 'washington'],
    ['s2', 'ottawa'],
  ]) {
    room.apply({ type: 'join', student, token: `t-${student}`, name: student });
    room.setPresence(student, true);
    expect(room.apply({ type: 'seat', student, table: 0, role }).ok).toBe(true);
  }
  expect(room.apply({ type: 'start' }).ok).toBe(true);
  return room;
}

describe('a student who joins after the start', () => {
  it('is offered the open seats when students choose theirs, takes one, and the AI hands it over', () => {
    const room = started();
    room.apply({ type: 'join', student: 's3', token: 't-s3', name: 'Late' });
    room.setPresence('s3', true);
    const seats = room.studentView('s3')?.student.seats ?? [];
    expect(seats).toContainEqual({ table: 1, role: 'ottawa', taken: 0 });
    expect(room.aiHolds(1, 'ottawa')).toBe(true);
    expect(room.apply({ type: 'seat', student: 's3', table: 1, role: 'ottawa' }).ok).toBe(true);
    expect(room.aiHolds(1, 'ottawa')).toBe(false);
    expect(room.studentView('s3')?.seat).toEqual({ table: 1, role: 'ottawa' });
    // Seated, they are offered nothing more and cannot move themselves.
    expect(room.studentView('s3')?.student.seats).toEqual([]);
    expect(room.apply({ type: 'seat', student: 's3', table: 1, role: 'washington' }).ok).toBe(false);
  });

  it('is offered no seat when the instructor assigns them', () => {
    const room = started({ pick: false });
    room.apply({ type: 'join', student: 's3', token: 't-s3', name: 'Late' });
    expect(room.studentView('s3')?.student.seats).toEqual([]);
    expect(room.apply({ type: 'seat', student: 's3', table: 1, role: 'ottawa' }).ok).toBe(true);
  });
});

describe('ending the session before a table has finished', () => {
  it('refuses moves there as ended, not as out of a round, and says so in the debrief, the dashboard and the export', () => {
    const room = started();
    expect(room.propose('s1', { id: 'pass' }).ok).toBe(true);
    expect(room.propose('s2', { id: 'pass' }).ok).toBe(true);
    expect(room.propose('s1', { id: 'pass' }).ok).toBe(true);
    expect(room.apply({ type: 'end' }).ok).toBe(true);
    const why = room.propose('s2', { id: 'pass' });
    expect(why.ok ? null : why.errors[0].key).toBe('classroom.reason.ended');
    const table = room.debrief().tables[0];
    expect(table).toMatchObject({ outcome: null, round: 2, rounds: 6 });
    expect(exportCsv(room)).not.toContain('in play');
    expect(exportCsv(room)).toContain('"ended unfinished"');
  });
});

describe("a finished table's no-deal line", () => {
  it('is the outcome itself, not the fallback applied a second time, and no package on it is priced any more', () => {
    const room = started({ tables: 1 });
    for (let round = 1; round <= 6; round++) {
      expect(
        room.propose(
          's1',
          round === 1
            ? {
                id: 'propose',
                deal: { border_regime: 'smart_border', information_sharing: 'passenger_lists', trusted_traffic: 'nexus_fast' },
              }
            : { id: 'pass' },
        ).ok,
      ).toBe(true);
      expect(room.propose('s2', { id: 'pass' }).ok).toBe(true);
      if (round === 1) expect(room.dashboardTable(0).offers).toHaveLength(1);
    }
    const outcome = room.tables[0].session.context().outcome;
    expect(outcome?.kind).toBe('no_deal');
    const dash = room.dashboardTable(0);
    expect(dash.fallback).toBeNull();
    expect(dash.offers).toEqual([]);
    expect(dash.final).toEqual(Object.fromEntries(Object.entries(outcome?.scores ?? {}).map(([r, sc]) => [r, sc.score])));
  });
});
