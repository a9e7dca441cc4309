/**
 * One Colyseus room per classroom session, with an engine session per table inside it. The room has
 * no shared state: each client gets its own payload as a message (a student its seat's view, the
 * instructor the dashboard), so nothing secret ever sits in state every client receives.
 */
import { randomBytes } from 'node:crypto';
import { type Client, Room } from '@colyseus/core';
import type { Level } from '../levels/schema';
import { refused } from '../engine';
import type { Role } from '../engine';
import { type ClassEvent, Classroom, NO_SEAT, type Outcome } from './classroom';
import { deltaMessage, type Held, nothingHeld, type Texts, textsOf } from './delta';
import { exportCsv, exportJson } from './export';
import { AssignMessage, cleanName, InstructMessage, JoinOptions, RateLimit, SeatMessage } from './protocol';
import type { Store, StoredSession } from './store';

export interface RoomContext {
  store: Store;
  levelOf(session: StoredSession): Level | null;
  /** Seconds a dropped client may take to come back to its seat (a laptop asleep for a minute included). */
  reconnectSeconds: number;
}

let context: RoomContext | null = null;
export function configureRooms(c: RoomContext): void {
  context = c;
}

type Auth = { instructor: true } | { instructor: false; student: string };

/** Refusals beyond this many in a row close the connection: a client that floods is let go. */
const MAX_REFUSED = 50;

export class ClassroomRoom extends Room {
  maxClients = 500;
  private classroom!: Classroom;
  private secret = '';
  private code = '';
  private limits = new WeakMap<Client, { rate: RateLimit; refused: number }>();
  private dashboardTimer: { clear(): void } | null = null;
  /** Per role, the texts of the view's parts that never change in the level. */
  private staticTexts = new Map<Role, Texts>();
  private debrief: { revision: number; text: string } | null = null;
  private dashboardTables: { revision: number; text: string }[] = [];
  private pushing: NodeJS.Immediate | null = null;

  onCreate(options: { code: string }): void {
    const ctx = context;
    if (!ctx) throw new Error('configureRooms was not called');
    const stored = ctx.store.session(options.code);
    const level = stored && ctx.levelOf(stored);
    if (!stored || !level) throw new Error(`no session ${options.code}`);
    this.roomId = stored.code;
    this.code = stored.code;
    this.secret = stored.secret;
    this.autoDispose = false;
    this.setMetadata({ code: stored.code });
    this.classroom = new Classroom(level, stored.settings, (e) => ctx.store.append(stored.code, e));
    const past = ctx.store.events(stored.code);
    this.classroom.replay(past);
    if (past.length > 0) this.graceAfterRestart(ctx.reconnectSeconds);
    // A kill can fall between a stored move and the AI moves it called for: the AI plays them now, not when someone next acts.
    this.classroom.playAI();
    // Idle times on the dashboard move on even when nobody plays.
    this.clock.setInterval(() => this.pushDashboard(), 5000);

    this.onMessage('move', (client, message) => this.fromStudent(client, (id) => this.classroom.propose(id, message)));
    this.onMessage('confirm', (client) => this.fromStudent(client, (id) => this.classroom.confirm(id)));
    this.onMessage('pick', (client, message) =>
      this.fromStudent(client, (id) => {
        const m = SeatMessage.safeParse(message);
        if (!m.success) return refusal('classroom.reason.malformed');
        // Where the instructor assigns seats, a student never takes one, before the start or after it (a late joiner).
        if (!this.classroom.settings.pick) return refusal('classroom.reason.assigned');
        return this.classroom.apply({ type: 'seat', student: id, table: m.data.table, role: m.data.role });
      }),
    );
    this.onMessage('assign', (client, message) =>
      this.fromInstructor(client, () => {
        const m = AssignMessage.safeParse(message);
        return m.success ? this.classroom.apply({ type: 'seat', ...m.data }) : refusal('classroom.reason.malformed');
      }),
    );
    this.onMessage('start', (client) =>
      this.fromInstructor(client, () => {
        const check = this.classroom.check({ type: 'start' });
        if (!check.ok) return check;
        this.classroom.fillSeats();
        return this.classroom.apply({ type: 'start' });
      }),
    );
    this.onMessage('instruct', (client, message) =>
      this.fromInstructor(client, () => {
        const m = InstructMessage.safeParse(message);
        const done = m.success ? this.classroom.instruct(m.data.table, m.data.instruction) : refusal('classroom.reason.malformed');
        if (done.ok) client.send('instructed', {});
        return done;
      }),
    );
    for (const type of ['pause', 'resume', 'end'] as const) {
      this.onMessage(type, (client) => this.fromInstructor(client, () => this.classroom.apply({ type } as ClassEvent)));
    }
    this.onMessage('export', (client) =>
      this.fromInstructor(client, () => {
        client.send('export', { json: exportJson(this.classroom, this.code), csv: exportCsv(this.classroom) });
        return { ok: true };
      }),
    );
    this.onMessage('*', (client) => this.refuse(client, refusal('classroom.reason.malformed')));
  }

  /** After a restart nobody is connected yet: seated students keep their seats for a while before an AI takes them. */
  private graceAfterRestart(seconds: number): void {
    for (const s of this.classroom.students.values()) if (s.table !== null) s.present = true;
    this.clock.setTimeout(() => {
      for (const s of this.classroom.students.values()) if (!s.connected && s.present) this.classroom.setPresence(s.id, false);
      this.pushAll();
    }, seconds * 1000);
  }

  onAuth(_client: Client, raw: unknown): Auth {
    const options = JoinOptions.safeParse(raw ?? {});
    if (!options.success) throw new Error('malformed join');
    const { key, token, name } = options.data;
    if (key !== undefined) {
      if (key !== this.secret) throw new Error('wrong instructor key');
      return { instructor: true };
    }
    if (token) {
      const known = [...this.classroom.students.values()].find((s) => s.token === token);
      if (known) return { instructor: false, student: known.id };
    }
    const clean = cleanName(name);
    if (!clean) throw new Error('a name is needed');
    if (this.classroom.status === 'ended') throw new Error('the session has ended');
    const id = `s${this.classroom.students.size + 1}`;
    const r = this.classroom.apply({ type: 'join', student: id, token: randomBytes(18).toString('base64url'), name: clean });
    if (!r.ok) throw new Error('cannot join');
    return { instructor: false, student: id };
  }

  onJoin(client: Client, _options: unknown, auth: Auth): void {
    if (auth.instructor) {
      client.userData = { ...auth, shown: {} } satisfies InstructorState;
      client.send('welcome', { instructor: true, code: this.code });
      this.pushInstructor(client);
      return;
    }
    const s = this.classroom.students.get(auth.student);
    client.userData = { ...auth, held: nothingHeld() } satisfies StudentState;
    client.send('welcome', { instructor: false, code: this.code, token: s?.token, name: s?.name });
    this.classroom.setPresence(auth.student, true);
    this.pushAll();
  }

  async onLeave(client: Client, consented: boolean): Promise<void> {
    const auth = client.userData as Auth | undefined;
    if (!auth || auth.instructor) {
      if (consented) return;
      // A client that comes back holds nothing of what was sent before: it is sent everything again.
      const back = await this.allowReconnection(client, context?.reconnectSeconds ?? 90).catch(() => null);
      if (back && auth) {
        back.userData = { instructor: true, shown: {} } satisfies InstructorState;
        this.pushInstructor(back);
      }
      return;
    }
    if (!this.stillConnected(auth.student, client)) {
      this.classroom.setPresence(auth.student, !consented, false);
      this.pushAll();
    }
    if (consented) return;
    try {
      const back = await this.allowReconnection(client, context?.reconnectSeconds ?? 90);
      back.userData = { ...auth, held: nothingHeld() } satisfies StudentState;
      this.classroom.setPresence(auth.student, true);
    } catch {
      if (!this.stillConnected(auth.student, client)) this.classroom.setPresence(auth.student, false);
    }
    this.pushAll();
  }

  private stillConnected(student: string, leaving: Client): boolean {
    return this.clients.some(
      (c) =>
        c !== leaving && (c.userData as Auth | undefined)?.instructor === false && (c.userData as { student: string }).student === student,
    );
  }

  private allowed(client: Client): boolean {
    let l = this.limits.get(client);
    if (!l) {
      l = { rate: new RateLimit(), refused: 0 };
      this.limits.set(client, l);
    }
    if (l.rate.take()) return true;
    this.refuse(client, refusal('classroom.reason.too_fast'));
    return false;
  }

  private refuse(client: Client, outcome: Outcome): void {
    if (outcome.ok) return;
    const l = this.limits.get(client);
    if (l && ++l.refused > MAX_REFUSED) {
      client.leave(4008);
      return;
    }
    client.send('refused', { reason: outcome.errors[0] });
  }

  private fromStudent(client: Client, act: (student: string) => Outcome): void {
    const auth = client.userData as Auth | undefined;
    if (!this.allowed(client)) return;
    this.settle(client, !auth || auth.instructor ? refusal('classroom.reason.not_student') : act(auth.student));
  }

  private fromInstructor(client: Client, act: () => Outcome): void {
    const auth = client.userData as Auth | undefined;
    if (!this.allowed(client)) return;
    this.settle(client, auth?.instructor ? act() : refusal('classroom.reason.not_instructor'));
  }

  private settle(client: Client, outcome: Outcome): void {
    if (!outcome.ok) {
      this.refuse(client, outcome);
      return;
    }
    const l = this.limits.get(client);
    if (l) l.refused = 0;
    if (this.classroom.status === 'ended') context?.store.finish(this.code);
    this.pushAll();
  }

  /**
   * Changes are pushed once the messages that arrived together have all been handled (setImmediate runs
   * after the event loop's reads): when the server is busy, several moves at a table go out as one push.
   */
  private pushAll(): void {
    this.pushing ??= setImmediate(() => {
      this.pushing = null;
      this.push();
    });
  }

  onDispose(): void {
    if (this.pushing) clearImmediate(this.pushing);
  }

  /**
   * Each student whose table changed gets what changed in their payload (nothing when nothing did); a
   * seat's view is computed once per push, however many of its members are connected. The instructors'
   * dashboard follows at most once a second (DASHBOARD_MS).
   */
  private push(): void {
    const changed = this.classroom.takeChanged();
    const seats = new Map<string, SeatTexts>();
    for (const c of this.clients) {
      const state = c.userData as ClientState | undefined;
      if (!state || state.instructor) continue;
      if (state.held.payload.size > 0 && !changed(this.classroom.students.get(state.student)?.table ?? null)) continue;
      const text = this.youFor(state, seats);
      if (text) c.send('you', text);
    }
    if (!this.dashboardTimer) {
      this.dashboardTimer = this.clock.setTimeout(() => {
        this.dashboardTimer = null;
        this.pushDashboard();
      }, DASHBOARD_MS);
    }
  }

  /** What changed in a student's payload since their client last heard, as text; null when nothing did. */
  private youFor(state: StudentState, seats: Map<string, SeatTexts>): string | null {
    const you = this.classroom.studentView(state.student);
    if (!you) return null;
    const seat = you.seat ? this.seatTexts(you.seat.table, you.seat.role, seats) : LOBBY;
    return deltaMessage(state.held, new Map([...textsOf(you.student), ...seat.payload]), seat.view);
  }

  /** A seat's payload as texts, computed once per push; the view's parts that never change in a level are stringified once per role. */
  private seatTexts(table: number, role: Role, seats: Map<string, SeatTexts>): SeatTexts {
    const key = `${table}:${role}`;
    const done = seats.get(key);
    if (done) return done;
    const { view, ...rest } = this.classroom.seatView(table, role);
    const known = this.staticTexts.get(role);
    const texts = { payload: textsOf(rest), view: view && textsOf(view, known) };
    if (!known && texts.view) this.staticTexts.set(role, new Map(STATIC_VIEW_KEYS.map((k) => [k, texts.view?.get(k) ?? 'null'])));
    seats.set(key, texts);
    return texts;
  }

  /** The dashboard is computed and stringified once per push for every instructor, and sent to those who have not seen it. */
  private pushDashboard(): void {
    const instructors = this.clients.filter((c) => (c.userData as ClientState | undefined)?.instructor);
    if (instructors.length === 0) return;
    const dashboard = this.dashboardText();
    const debrief = this.debriefText();
    for (const c of instructors) this.show(c, dashboard, debrief);
  }

  private pushInstructor(client: Client): void {
    this.show(client, this.dashboardText(), this.debriefText());
  }

  /** The dashboard as text; a table's part is built and stringified again only once that table has changed. */
  private dashboardText(): string {
    const tables = this.classroom.tables.map(({ no }) => {
      const revision = this.classroom.tableRevision(no);
      let cached = this.dashboardTables[no];
      if (cached?.revision !== revision) {
        cached = { revision, text: asText(this.classroom.dashboardTable(no)) };
        this.dashboardTables[no] = cached;
      }
      return cached.text;
    });
    return `${asText(this.classroom.dashboardSession()).slice(0, -1)},"tables":[${tables.join(',')}]}`;
  }

  private show(client: Client, dashboard: string, debrief: string | null): void {
    const shown = (client.userData as InstructorState).shown;
    if (shown.dashboard !== dashboard) client.send('dashboard', dashboard);
    if (debrief && shown.debrief !== debrief) client.send('debrief', debrief);
    shown.dashboard = dashboard;
    shown.debrief = debrief ?? undefined;
  }

  /** The shared debrief once every table has reached it (or the session ended), kept until a table changes again. */
  private debriefText(): string | null {
    if (this.classroom.status !== 'ended' && !this.classroom.tables.every((t) => t.session.phase() === 'debrief')) return null;
    const revision = this.classroom.revision;
    if (this.debrief?.revision !== revision) this.debrief = { revision, text: asText(this.classroom.debrief()) };
    return this.debrief.text;
  }
}

/**
 * The instructors' dashboard is sent at most once a second per session: building and stringifying it for a
 * session of 10 tables takes about 1.5 ms (36 kB), more than a move's views.
 */
const DASHBOARD_MS = 1000;

/** The view's parts that never change in a level for a role: sent once per connection, stringified once per role. */
const STATIC_VIEW_KEYS = ['level', 'principles', 'allies', 'moves'];

interface SeatTexts {
  payload: Texts;
  view: Texts | null;
}

const LOBBY: SeatTexts = { payload: textsOf((({ view: _view, ...rest }) => rest)(NO_SEAT)), view: null };

type StudentState = { instructor: false; student: string; held: Held };
type InstructorState = { instructor: true; shown: { dashboard?: string; debrief?: string } };
/** What the room keeps on each client: who it is, and what it was last sent. */
type ClientState = StudentState | InstructorState;

const refusal = (key: string): Outcome => refused(key);

/**
 * Views and dashboards go as JSON text: the engine's plain-JSON objects are stringified natively, several
 * times faster than the transport's MessagePack walks a 20 KB view object by object (measured with
 * bench:server's profile); the clients parse any text payload back (see connection.ts).
 */
const asText = (payload: unknown): string => JSON.stringify(payload);
