/** The classroom server with real WebSocket clients on loopback: join, play to the debrief, forged moves, reconnection. */
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classroom, type ClassSettings } from '../../src/server/classroom';
import { sample } from '../helpers';
import { Bot, createSession } from './bots';
import { ALL_HUMAN, seatedClass, type TestServer, testServer } from './setup';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
}, 30_000);
afterAll(async () => {
  await server.stop();
}, 30_000);

/** Every student plays a legal move whenever it is their turn, until their table reaches the debrief. */
async function playToDebrief(students: Bot[]): Promise<void> {
  await Promise.all(
    students.map(async (s) => {
      while (s.you?.view?.phase !== 'debrief') {
        await s.until(() => s.myTurn() || s.you?.view?.phase === 'debrief', 20_000, 'turn');
        if (s.myTurn()) {
          const before = s.you?.view?.log.length ?? 0;
          const round = s.you?.view?.round;
          s.playOne();
          await s.until(
            () => !s.myTurn() || s.you?.view?.round !== round || (s.you?.view?.log.length ?? 0) !== before,
            20_000,
            'move taken',
          );
        }
      }
    }),
  );
}

describe('a class of three students and an instructor', { timeout: 120_000 }, () => {
  it('joins, starts, plays a level to the debrief and exports every move with its student', async () => {
    const { instructor, students } = await seatedClass(server);
    await instructor.until(() => instructor.dashboard?.students.length === 3, 5000, 'three students on the dashboard');
    expect(instructor.dashboard?.students.map((s) => s.name)).toEqual(['Ana', 'Ben', 'Chloé']);
    instructor.send('start');
    for (const s of students) await s.until(() => s.you?.view?.phase === 'choosing', 5000, 'play starts');
    // Each student sees only their own role's confidential brief.
    const [ana, ben] = students;
    expect(ana.you?.view?.role).toBe('washington');
    expect(ana.you?.view?.me.brief).toBeDefined();
    expect(JSON.stringify(ana.you)).not.toContain(JSON.stringify(ben.you?.view?.me.brief));
    await playToDebrief(students);
    await instructor.until(() => !!instructor.last.debrief, 5000, 'debrief');
    instructor.send('export');
    await instructor.until(() => !!instructor.last.export, 5000, 'export');
    const exported = instructor.last.export as { json: string; csv: string };
    const json = JSON.parse(exported.json) as {
      tables: { scores: Record<string, number> | null; events: unknown[] }[];
      moves: { student: string }[];
    };
    expect(json.tables[0].scores).not.toBeNull();
    expect(new Set(json.moves.map((m) => m.student))).toEqual(new Set(['Ana', 'Ben', 'Chloé']));
    const lines = exported.csv.trim().split('\r\n');
    expect(lines[0]).toContain('"student"');
    expect(lines.length).toBe(json.moves.length + 1);
    for (const b of [instructor, ...students]) await b.leave();
  });

  it('refuses forged, malformed and out-of-turn messages with a reason and changes nothing', async () => {
    const { instructor, students } = await seatedClass(server);
    const [ana, ben] = students;
    // Before the start: a move is out of phase.
    ana.send('move', { id: 'pass' });
    await ana.until(() => ana.refusals.length === 1, 5000, 'refusal before start');
    expect(ana.refusals[0].key).toBe('reason.not_now');
    // A student cannot act as the instructor.
    ben.send('start');
    await ben.until(() => ben.refusals.length === 1, 5000, 'refusal of start');
    expect(ben.refusals[0].key).toBe('classroom.reason.not_instructor');
    instructor.send('start');
    await ana.until(() => ana.you?.view?.phase === 'choosing', 5000, 'play');
    const events = () => server.running.store.events(instructor.code).length;
    const stored = events();
    ana.refusals = [];
    // Malformed, read by the engine's own parseMove: extra fields, wrong types, a prototype name, an unknown move; then an unknown message type.
    for (const bad of [
      { id: 'pass', role: 'ottawa' },
      { id: 42 },
      'pass',
      null,
      { id: 'sound_out', to: '__proto__' },
      { id: 'x'.repeat(100) },
    ])
      ana.send('move', bad);
    ana.send('become_instructor', {});
    await ana.until(() => ana.refusals.length === 7, 5000, 'seven refusals');
    expect(ana.refusals.map((r) => r.key)).toEqual([
      'reason.bad_argument',
      'reason.malformed',
      'reason.malformed',
      'reason.malformed',
      'reason.bad_argument',
      'reason.unknown_move',
      'classroom.reason.malformed',
    ]);
    // Illegal for this seat: accepting a proposal nobody made.
    ana.send('move', { id: 'accept', to: 'ottawa' });
    await ana.until(() => ana.refusals.length === 8, 5000, 'illegal refused');
    expect(ana.refusals[7].key).toMatch(/^reason\./);
    expect(events()).toBe(stored);
    // The session still works: a legal move is taken and stored.
    ana.playOne();
    await ana.until(() => !!ana.you?.view?.chosen, 5000, 'legal move taken');
    expect(events()).toBe(stored + 1);
    for (const b of [instructor, ...students]) await b.leave();
  });

  it('lets a flooding client go without harming the session, and closes on an oversized message', async () => {
    const { instructor, students } = await seatedClass(server);
    const [ana, ben, chloe] = students;
    instructor.send('start');
    await ben.until(() => ben.you?.view?.phase === 'choosing', 5000, 'play');
    for (let i = 0; i < 200; i++) ana.send('confirm');
    await ana.until(() => ana.left !== null, 10_000, 'flooder disconnected');
    expect(ana.refusals.some((r) => r.key === 'classroom.reason.too_fast')).toBe(true);
    chloe.send('move', { id: 'pass', deal: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`issue${i}`, 'x'.repeat(20)])) });
    await chloe.until(() => chloe.left !== null, 10_000, 'oversized message closes the connection');
    // Ben still plays.
    ben.playOne();
    await ben.until(() => !!ben.you?.view?.chosen, 5000, 'ben still plays');
    await instructor.leave();
    await ben.leave();
  });

  it('gives a dropped student their seat back by reconnection token, and by their own token after it expires', async () => {
    const { instructor, students } = await seatedClass(server);
    const [ana] = students;
    instructor.send('start');
    await ana.until(() => ana.you?.view?.phase === 'choosing', 5000, 'play');
    // Drop the socket without saying goodbye, as a sleeping laptop does.
    (ana.room.connection as unknown as { transport: { ws: { close(): void } } }).transport.ws.close();
    await ana.until(() => ana.left !== null, 5000, 'dropped');
    await instructor.until(
      () => instructor.dashboard?.students.find((s) => s.name === 'Ana')?.connected === false,
      5000,
      'shown disconnected',
    );
    await ana.reconnect();
    await ana.until(() => ana.you?.role === 'washington', 5000, 'seat back');
    await instructor.until(() => instructor.dashboard?.students.find((s) => s.name === 'Ana')?.connected === true, 5000, 'shown connected');
    // A new tab (or a restarted server): the student's own token finds the same seat.
    const again = await new Bot(server.endpoint, instructor.code).join({ token: ana.token });
    await again.until(() => again.you?.role === 'washington' && again.you?.name === 'Ana', 5000, 'same seat by token');
    for (const b of [instructor, again, ...students]) await b.leave();
  });

  it("refuses a wrong instructor key, an empty name, and an invalid scenario with the level checker's errors", async () => {
    const created = await createSession(server.base, { level: 'smart_border_2001', controls: ALL_HUMAN, tables: 2, teamSize: 2 });
    await expect(new Bot(server.endpoint, created.code).join({ key: 'guess' })).rejects.toThrow();
    await expect(new Bot(server.endpoint, created.code).join({ name: '  \u0000 ' })).rejects.toThrow();
    const res = await fetch(`${server.base}/api/sessions`, {
      method: 'POST',
      body: JSON.stringify({ yaml: 'id: x\ntitle: 3\n', controls: {}, tables: 1, teamSize: 1 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors[0]).toMatch(/^scenario\.yaml/);
  });

  it('lets no student take a seat where the instructor assigns them, before or after the start', async () => {
    const created = await createSession(server.base, {
      level: 'smart_border_2001',
      controls: ALL_HUMAN,
      tables: 1,
      teamSize: 2,
      pick: false,
    });
    const instructor = await new Bot(server.endpoint, created.code).join({ key: created.secret });
    const early = await new Bot(server.endpoint, created.code).join({ name: 'Ana' });
    await early.until(() => !!early.you, 5000, 'first view');
    early.send('pick', { table: 0, role: 'ottawa' });
    await early.until(() => early.refusals.length === 1, 5000, 'refused in the lobby');
    instructor.send('start');
    await early.until(() => early.you?.status === 'playing', 5000, 'started');
    const late = await new Bot(server.endpoint, created.code).join({ name: 'Ben' });
    await late.until(() => late.you?.status === 'playing', 5000, 'late view');
    late.send('pick', { table: 0, role: 'ottawa' });
    await late.until(() => late.refusals.length === 1, 5000, 'refused after the start');
    expect([early.refusals[0].key, late.refusals[0].key]).toEqual(['classroom.reason.assigned', 'classroom.reason.assigned']);
    expect(late.you?.role).toBeNull();
    for (const b of [instructor, early, late]) await b.leave();
  });
});

describe('teams and the AI', { timeout: 60_000 }, () => {
  it('a team proposes and confirms one move; an AI plays an AI role and a seat its students left', async () => {
    const created = await createSession(server.base, {
      level: 'smart_border_2001',
      controls: { ...ALL_HUMAN, quebec: 'ai' },
      tables: 1,
      teamSize: 2,
    });
    const instructor = await new Bot(server.endpoint, created.code).join({ key: created.secret });
    const join = async (name: string, role: string) => {
      const b = await new Bot(server.endpoint, created.code).join({ name });
      b.send('pick', { table: 0, role });
      await b.until(() => b.you?.role === role, 5000, 'seat');
      return b;
    };
    const [w1, w2, o1] = [await join('W1', 'washington'), await join('W2', 'washington'), await join('O1', 'ottawa')];
    instructor.send('start');
    await w1.until(() => w1.you?.view?.phase === 'choosing', 5000, 'play');
    expect(w1.you?.team.map((m) => m.name)).toEqual(['W1', 'W2']);
    w1.playOne();
    await w2.until(() => !!w2.you?.proposal && !w2.you.proposal.mine, 5000, 'teammate sees the proposal');
    expect(w1.you?.view?.chosen).toBe(false);
    // The proposal is stored: a restarted server rebuilds it from the log, waiting for the same confirmation.
    const rebuilt = new Classroom(sample(), server.running.store.session(created.code)?.settings as ClassSettings);
    rebuilt.replay(server.running.store.events(created.code));
    expect(rebuilt.tables[0].proposals.get('washington')).toEqual({ by: 's1', move: w2.you?.proposal?.move });
    w1.send('confirm');
    await w1.until(() => w1.refusals.length === 1, 5000, 'cannot confirm own proposal');
    expect(w1.refusals[0].key).toBe('classroom.reason.own_proposal');
    w2.send('confirm');
    await w1.until(() => !!w1.you?.view?.chosen || (w1.you?.view?.round ?? 1) > 1, 5000, 'team move played');
    // Ottawa's only student leaves for good: the AI takes the seat and the round resolves.
    const round = o1.you?.view?.round ?? 1;
    await o1.leave(true);
    await instructor.until(() => instructor.dashboard?.tables[0].seats.ottawa.ai === true, 5000, 'AI holds Ottawa');
    await w1.until(() => (w1.you?.view?.round ?? 0) > round || w1.you?.view?.phase === 'debrief', 5000, 'round resolves with the AI');
    for (const b of [instructor, w1, w2]) await b.leave();
  });
});

describe("the instructor's controls", { timeout: 60_000 }, () => {
  it('extends the deadline, deals an event or a written card to one table or all; stored, replayed, refused to students', async () => {
    const { created, instructor, students } = await seatedClass(server, { tables: 2 });
    const [ana] = students;
    const dee = await new Bot(server.endpoint, created.code).join({ name: 'Dee' });
    dee.send('pick', { table: 1, role: 'washington' });
    await dee.until(() => dee.you?.role === 'washington', 5000, 'seat at table 2');
    instructor.send('start');
    for (const s of [ana, dee]) await s.until(() => s.you?.view?.phase === 'choosing', 5000, 'play');
    const rounds = ana.you?.view?.rounds ?? 0;
    const lastLog = (b: Bot) => b.you?.view?.log.at(-1)?.message;

    ana.send('instruct', { table: null, instruction: { kind: 'extend', rounds: 1 } });
    await ana.until(() => ana.refusals.length === 1, 5000, 'student refused');
    expect(ana.refusals[0].key).toBe('classroom.reason.not_instructor');

    // Every table: both see the new deadline and why.
    instructor.send('instruct', { table: null, instruction: { kind: 'extend', rounds: 2 } });
    for (const s of [ana, dee]) await s.until(() => s.you?.view?.rounds === rounds + 2, 5000, 'deadline extended');
    expect(lastLog(dee)).toEqual({ key: 'log.extended', params: { count: 2, last: rounds + 2 } });
    await instructor.until(() => instructor.dashboard?.tables.every((t) => t.rounds === rounds + 2) === true, 5000, 'dashboard deadline');

    // One table: a written card, kept as the words given; the other table hears nothing of it.
    instructor.send('instruct', { table: 1, instruction: { kind: 'card', title: '<b>Flash</b>', text: 'A plant closes in Zebulon.' } });
    await dee.until(() => lastLog(dee)?.key === 'log.card', 5000, 'card at table 2');
    expect(lastLog(dee)?.params).toEqual({ title: '<b>Flash</b>', text: 'A plant closes in Zebulon.' });
    expect(JSON.stringify(ana.you)).not.toContain('Zebulon');

    // One of the level's events, now: its news and effects; it happens once.
    const event = instructor.dashboard?.events.find((e) => !instructor.dashboard?.tables[0].events.includes(e.id));
    expect(event).toBeDefined();
    instructor.send('instruct', { table: 0, instruction: { kind: 'event', event: event?.id } });
    await ana.until(() => lastLog(ana)?.key === 'log.event', 5000, 'event at table 1');
    expect(lastLog(ana)?.params).toEqual({ news: event?.news });
    await instructor.until(() => instructor.dashboard?.tables[0].events.includes(event?.id ?? '') === true, 5000, 'dashboard event');

    // Refused with a reason, nothing stored: again the same event, a table that does not exist, a bad instruction.
    const stored = server.running.store.events(created.code).length;
    instructor.send('instruct', { table: 0, instruction: { kind: 'event', event: event?.id } });
    instructor.send('instruct', { table: 7, instruction: { kind: 'extend', rounds: 1 } });
    instructor.send('instruct', { table: 0, instruction: { kind: 'extend', rounds: 99 } });
    instructor.send('instruct', { table: 0 });
    await instructor.until(() => instructor.refusals.length === 4, 5000, 'four refusals');
    expect(instructor.refusals.map((r) => r.key)).toEqual([
      'reason.event_happened',
      'classroom.reason.no_table',
      'reason.bad_instruction',
      'classroom.reason.malformed',
    ]);
    const log = server.running.store.events(created.code);
    expect(log).toHaveLength(stored);
    expect(log.filter((e) => e.type === 'instruct').map((e) => (e.type === 'instruct' ? [e.table, e.instruction.kind] : null))).toEqual([
      [null, 'extend'],
      [1, 'card'],
      [0, 'event'],
    ]);

    // The stored log rebuilds the same tables, as a restarted server does.
    const session = server.running.store.session(created.code);
    const rebuilt = new Classroom(sample(), session?.settings as ClassSettings);
    rebuilt.replay(log);
    const room = (await matchMaker.getLocalRoomById(created.code)) as unknown as { classroom: Classroom };
    expect(rebuilt.tables.map((t) => t.session.context())).toEqual(room.classroom.tables.map((t) => t.session.context()));
    for (const b of [instructor, dee, ...students]) await b.leave();
  });
});
