/**
 * One classroom session, without the network: its students, its tables (one engine session each) and
 * the rules of the classroom around the engine's rules (who sits where, teams, AI on empty seats,
 * pause). Every change is a ClassEvent; `record` is called with each accepted event before it takes
 * effect (the room stores it there), and replaying the same events rebuilds the same classroom.
 * The engine is the authority on moves: this module only decides who may speak for a seat.
 */
import { aiPolicy, type Difficulty } from '../ai';
import {
  type Checked,
  createSession,
  fail,
  ok,
  refused,
  type Instruction,
  lastRound,
  type Message,
  type Move,
  type MoveInput,
  type PlayerView,
  type Role,
  roles,
  type Session,
  type Text,
  vetoHolders,
} from '../engine';
import type { Level } from '../levels/schema';
import { analyseOutcome, fallbackScores, packagePoint, stateOf } from '../analysis';
import { dealText } from '../analysis/describe';
import { nextRandom, seedState } from '../engine/rng';
import { parseMove } from '../engine/move';

export interface ClassSettings {
  level: string;
  /** Which roles students play and which the AI plays at every table. */
  controls: Record<Role, 'human' | 'ai'>;
  tables: number;
  /** The most students that share one role at one table. */
  teamSize: number;
  difficulty: Difficulty;
  /** Students choose their seat; otherwise the instructor assigns them (or the start fills seats). */
  pick: boolean;
  seed: number;
}

export type ClassEvent =
  | { type: 'join'; student: string; token: string; name: string }
  | { type: 'seat'; student: string; table: number; role: Role }
  | { type: 'start' }
  | { type: 'move'; table: number; role: Role; move: MoveInput; by: string; proposer?: string }
  /** A team member proposes the team's move; a teammate confirms it (a move) or it is withdrawn. */
  | { type: 'propose'; student: string; table: number; role: Role; move: MoveInput }
  | { type: 'withdraw'; table: number; role: Role }
  /** An instruction to one table's engine session, or to every table still in play (null). */
  | { type: 'instruct'; table: number | null; instruction: Instruction }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'end' };

export type Status = 'lobby' | 'playing' | 'paused' | 'ended';
/** What the classroom answers to a command: the engine's one result shape. */
export type Outcome = Checked;

export interface Student {
  id: string;
  token: string;
  name: string;
  table: number | null;
  role: Role | null;
  /** Connected, or within the time allowed to reconnect. */
  present: boolean;
  connected: boolean;
  lastActive: number;
}

interface TeamProposal {
  by: string;
  move: MoveInput;
}

interface Table {
  no: number;
  session: Session;
  /** A move a team member proposed and another has yet to confirm, per role. */
  proposals: Map<Role, TeamProposal>;
  /** Who sent each accepted move, by round and role ("ai" for the AI). */
  by: Map<string, { by: string; proposer?: string }>;
}

const refuse = (key: string, params?: Record<string, string | number>): Outcome => refused(key, params);
const OK: Outcome = ok();

export class Classroom {
  readonly students = new Map<string, Student>();
  readonly tables: Table[];
  status: Status = 'lobby';
  /** Tables whose students' views changed since the room last sent them (null: every student). */
  private changed = new Set<number | null>();
  /** Counts the events taken: what was computed from the classroom at one revision holds until the next. */
  revision = 0;
  /** Per table, a count of its changes: what was computed from one table at one count holds until the next. */
  private readonly tableRevisions: number[];
  private readonly policy;
  private readonly roleIds: Role[];

  constructor(
    readonly level: Level,
    readonly settings: ClassSettings,
    private readonly record: (event: ClassEvent) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.roleIds = roles(level);
    this.tableRevisions = Array.from({ length: settings.tables }, () => 0);
    this.policy = aiPolicy(settings.difficulty);
    this.tables = Array.from({ length: settings.tables }, (_, no) => ({
      no,
      session: createSession(level, { seed: settings.seed + no * 7919 }),
      proposals: new Map(),
      by: new Map(),
    }));
  }

  get roles(): Role[] {
    return this.roleIds;
  }

  humanRoles(): Role[] {
    return this.roleIds.filter((r) => this.settings.controls[r] !== 'ai');
  }

  members(table: number, role: Role): Student[] {
    return [...this.students.values()].filter((s) => s.table === table && s.role === role);
  }

  /** An AI plays a seat set to AI, and a human seat once it has no one present (and hands it back on return). */
  aiHolds(table: number, role: Role): boolean {
    return this.settings.controls[role] === 'ai' || !this.members(table, role).some((s) => s.present);
  }

  /** Apply one event after checking it; accepted events are recorded first. */
  apply(event: ClassEvent): Outcome {
    const why = this.check(event);
    if (!why.ok) return why;
    this.record(event);
    this.take(event);
    this.playAI();
    return OK;
  }

  /** Rebuild from a stored log: every event was accepted once, so each is taken as it was. */
  replay(events: readonly ClassEvent[]): void {
    for (const e of events) this.take(e);
  }

  /** Check an event against the classroom's rules and the engine's; change nothing. */
  check(event: ClassEvent): Outcome {
    switch (event.type) {
      case 'join':
        return this.students.has(event.student) ? refuse('classroom.reason.known') : OK;
      case 'seat': {
        const s = this.students.get(event.student);
        if (!s) return refuse('classroom.reason.unknown_student');
        if (!Number.isInteger(event.table) || event.table < 0 || event.table >= this.tables.length)
          return refuse('classroom.reason.no_table');
        if (!this.humanRoles().includes(event.role)) return refuse('classroom.reason.no_role');
        if (s.table === event.table && s.role === event.role) return OK;
        if (this.members(event.table, event.role).length >= this.settings.teamSize) return refuse('classroom.reason.team_full');
        if (s.table !== null && this.status !== 'lobby') return refuse('classroom.reason.seated');
        return OK;
      }
      case 'start':
        return this.status === 'lobby' ? OK : refuse('reason.not_now');
      case 'pause':
        return this.status === 'playing' ? OK : refuse('reason.not_now');
      case 'resume':
        return this.status === 'paused' ? OK : refuse('reason.not_now');
      case 'end':
        return this.status === 'ended' ? refuse('reason.not_now') : OK;
      case 'instruct': {
        if (this.status !== 'playing' && this.status !== 'paused') return refuse('reason.not_now');
        const targets = this.targets(event.table);
        if (!targets) return refuse('classroom.reason.no_table');
        const refusals = targets.map((t) => t.session.checkInstruction(event.instruction));
        const first = refusals.find((r) => !r.ok);
        return refusals.some((r) => r.ok) ? OK : first && !first.ok ? first : refuse('reason.not_now');
      }
      case 'withdraw':
        return this.tables[event.table]?.proposals.has(event.role) ? OK : refuse('classroom.reason.no_proposal');
      case 'propose':
      case 'move': {
        if (this.status === 'paused') return refuse('classroom.reason.paused');
        if (this.status === 'ended') return refuse('classroom.reason.ended');
        if (this.status !== 'playing') return refuse('reason.not_now');
        const table = this.tables[event.table];
        if (!table) return refuse('classroom.reason.no_table');
        const why = table.session.whyIllegal(event.role, event.move);
        return why ? fail([why]) : OK;
      }
    }
  }

  /** A table changed (null: every table). */
  private touch(table: number | null): void {
    this.changed.add(table);
    for (let t = 0; t < this.tableRevisions.length; t++) if (table === null || table === t) this.tableRevisions[t]++;
  }

  tableRevision(table: number): number {
    return this.tableRevisions[table];
  }

  /** Whose view changed since the last call: a student's table number, or null for everyone. */
  takeChanged(): (table: number | null) => boolean {
    const changed = this.changed;
    this.changed = new Set();
    return (table) => changed.has(null) || (table !== null && changed.has(table));
  }

  private take(event: ClassEvent): void {
    this.revision++;
    // A seat taken in the lobby changes the open seats every student sees.
    this.touch(event.type !== 'seat' && 'table' in event ? event.table : null);
    switch (event.type) {
      case 'join':
        this.students.set(event.student, {
          id: event.student,
          token: event.token,
          name: event.name,
          table: null,
          role: null,
          present: false,
          connected: false,
          lastActive: this.now(),
        });
        return;
      case 'seat': {
        const s = this.students.get(event.student);
        if (s) Object.assign(s, { table: event.table, role: event.role });
        return;
      }
      case 'start':
        this.status = 'playing';
        for (const t of this.tables) t.session.start();
        return;
      case 'pause':
        this.status = 'paused';
        return;
      case 'resume':
        this.status = 'playing';
        return;
      case 'end':
        this.status = 'ended';
        return;
      case 'instruct':
        for (const t of this.targets(event.table) ?? []) t.session.instruct(event.instruction);
        return;
      case 'propose':
        this.tables[event.table].proposals.set(event.role, { by: event.student, move: event.move });
        return;
      case 'withdraw':
        this.tables[event.table].proposals.delete(event.role);
        return;
      case 'move': {
        const t = this.tables[event.table];
        const round = t.session.context().round;
        const r = t.session.send(event.role, event.move);
        if (r.ok) {
          t.by.set(`${round}:${event.role}`, { by: event.by, proposer: event.proposer });
          t.proposals.delete(event.role);
          const s = this.students.get(event.by);
          if (s) s.lastActive = this.now();
        }
        return;
      }
    }
  }

  /** One table, or every table (null); undefined when there is no such table. */
  private targets(table: number | null): Table[] | undefined {
    if (table === null) return this.tables;
    return Number.isInteger(table) && this.tables[table] ? [this.tables[table]] : undefined;
  }

  /** The instructor's instruction (extend the deadline, an event, a card) for one table or all: the engine checks it, a clean copy is stored. */
  instruct(table: number | null, raw: unknown): Outcome {
    const checked = (this.targets(table) ?? []).map((t) => t.session.checkInstruction(raw)).find((r) => r.ok);
    return this.apply({ type: 'instruct', table, instruction: checked?.ok ? checked.value : (raw as Instruction) });
  }

  /** A student asks to move for their seat: alone it is played, in a team it waits for a teammate's confirmation. */
  propose(studentId: string, raw: unknown): Outcome {
    const s = this.students.get(studentId);
    if (!s || s.table === null || s.role === null) return refuse('classroom.reason.no_seat');
    if (this.settings.controls[s.role] === 'ai') return refuse('classroom.reason.no_role');
    const parsed = parseMove(this.level, s.role, raw);
    if (!parsed.ok) return parsed;
    // A move's reason is the AI's account of its choice; a student's move carries none.
    const { reason: _none, ...move } = parsed.value;
    s.lastActive = this.now();
    const teammates = this.members(s.table, s.role).filter((m) => m.present && m.id !== s.id);
    if (teammates.length === 0) return this.apply({ type: 'move', table: s.table, role: s.role, move, by: s.id });
    return this.apply({ type: 'propose', student: s.id, table: s.table, role: s.role, move });
  }

  /** A teammate confirms the team's proposed move: it is played. */
  confirm(studentId: string): Outcome {
    const s = this.students.get(studentId);
    if (!s || s.table === null || s.role === null) return refuse('classroom.reason.no_seat');
    const p = this.tables[s.table].proposals.get(s.role);
    if (!p) return refuse('classroom.reason.no_proposal');
    if (p.by === s.id) return refuse('classroom.reason.own_proposal');
    s.lastActive = this.now();
    return this.apply({ type: 'move', table: s.table, role: s.role, move: p.move, by: s.id, proposer: p.by });
  }

  /** Presence changed (a join, a return, a final leave): the AI may take or hand back seats. */
  setPresence(studentId: string, present: boolean, connected = present): void {
    const s = this.students.get(studentId);
    if (!s) return;
    s.present = present;
    s.connected = connected;
    this.touch(this.status === 'lobby' ? null : s.table);
    if (present) s.lastActive = this.now();
    else if (s.table !== null && s.role !== null && this.tables[s.table].proposals.get(s.role)?.by === s.id)
      this.apply({ type: 'withdraw', table: s.table, role: s.role });
    this.playAI();
  }

  /** Let the AI choose for every seat it holds whose turn it is; each choice is recorded as a move. */
  playAI(): void {
    if (this.status !== 'playing') return;
    for (let guard = 0; guard < 10_000; guard++) {
      const next = this.aiTurn();
      if (!next) return;
      const { table, role } = next;
      const session = this.tables[table].session;
      const view = session.playerView(role);
      const legal = session.legalMoves(role);
      let state = seedState(this.settings.seed ^ (table * 7919) ^ (session.events.length * 104729) ^ view.round);
      const random = () => {
        const [v, s] = nextRandom(state);
        state = s;
        return v;
      };
      const chosen = legal.length ? this.policy(view, legal, random) : { id: 'pass' };
      const move = session.whyIllegal(role, chosen) ? { id: 'pass' } : chosen;
      if (session.whyIllegal(role, move)) return;
      this.record({ type: 'move', table, role, move, by: 'ai' });
      this.take({ type: 'move', table, role, move, by: 'ai' });
    }
  }

  private aiTurn(): { table: number; role: Role } | null {
    for (const t of this.tables) {
      if (t.session.phase() !== 'choosing') continue;
      const pending = t.session.context().pending;
      for (const role of this.roleIds) if (pending[role] === null && this.aiHolds(t.no, role)) return { table: t.no, role };
    }
    return null;
  }

  /** Fill seats at the start: each student without a seat goes to the human seat with the fewest students. */
  fillSeats(): ClassEvent[] {
    const out: ClassEvent[] = [];
    for (const s of this.students.values()) {
      if (s.table !== null) continue;
      let best: { table: number; role: Role; n: number } | null = null;
      for (const t of this.tables)
        for (const role of this.humanRoles()) {
          const n = this.members(t.no, role).length;
          if (n < this.settings.teamSize && (!best || n < best.n)) best = { table: t.no, role, n };
        }
      if (!best) break;
      const e: ClassEvent = { type: 'seat', student: s.id, table: best.table, role: best.role };
      if (this.apply(e).ok) out.push(e);
    }
    return out;
  }

  /**
   * What one student sees besides their seat's view: the session, their team and its proposal, and
   * which seat's view goes with it (`seatView`, the same for every member of a team); null in the lobby.
   */
  studentView(studentId: string): { student: StudentPart; seat: { table: number; role: Role } | null } | null {
    const s = this.students.get(studentId);
    if (!s) return null;
    const base = {
      status: this.status,
      name: s.name,
      level: this.level.id,
      title: this.level.title,
      table: s.table,
      role: s.role,
      teamSize: this.settings.teamSize,
      roles: this.publicRoles(),
    };
    if (s.table === null || s.role === null || this.status === 'lobby') {
      // In the lobby, or without a seat after the start (a late joiner), a student who chooses is offered the seats.
      const choosing = this.settings.pick && (this.status === 'lobby' || this.status === 'playing' || this.status === 'paused');
      return {
        student: { ...base, seats: choosing ? this.openSeats() : [], team: [], proposal: null },
        seat: null,
      };
    }
    const p = this.tables[s.table].proposals.get(s.role);
    const student = {
      ...base,
      seats: [],
      team: this.members(s.table, s.role).map((m) => ({ name: m.name, present: m.present, me: m.id === s.id })),
      proposal: p ? { by: this.students.get(p.by)?.name ?? '', mine: p.by === s.id, move: p.move } : null,
    };
    return { student, seat: { table: s.table, role: s.role } };
  }

  /** What every member of a seat sees alike: the seat's view from the engine, its legal moves and why each other move is closed. */
  seatView(table: number, role: Role): SeatPayload {
    const t = this.tables[table];
    const view = t.session.playerView(role);
    const legal = t.session.legalMoves(role);
    const open = new Set(legal.map((l) => l.id));
    const blocked: Record<string, Message> = {};
    for (const m of view.moves) {
      if (open.has(m.id)) continue;
      const why = t.session.whyIllegal(role, { id: m.id });
      if (why) blocked[m.id] = why;
    }
    return { view, legal, blocked, aiHolds: this.aiHolds(table, role) };
  }

  private publicRoles(): StudentPayload['roles'] {
    return this.roleIds.map((r) => ({ id: r, name: this.level.actors[r].name, ai: this.settings.controls[r] === 'ai' }));
  }

  private openSeats(): { table: number; role: Role; taken: number }[] {
    return this.tables.flatMap((t) => this.humanRoles().map((role) => ({ table: t.no, role, taken: this.members(t.no, role).length })));
  }

  /** The instructor's live view of every table, without its tables (`dashboardTable`): the session, its level and its students. */
  dashboardSession(): Omit<Dashboard, 'tables'> {
    const now = this.now();
    return {
      status: this.status,
      level: this.level.id,
      title: this.level.title,
      settings: this.settings,
      roles: this.publicRoles(),
      axes: vetoHolders(this.level).slice(0, 2),
      indicators: Object.entries(this.level.indicators).map(([id, i]) => ({ id, name: i.name, range: i.range })),
      events: this.level.events.map((e) => ({ id: e.id, news: e.news, once: e.once })),
      students: [...this.students.values()].map((s) => ({
        id: s.id,
        name: s.name,
        table: s.table,
        role: s.role,
        connected: s.connected,
        present: s.present,
        idle: Math.round((now - s.lastActive) / 1000),
      })),
    };
  }

  /** One table on the dashboard: the same while `tableRevision` is. */
  dashboardTable(no: number): DashboardTable {
    const t = this.tables[no];
    const ctx = t.session.context();
    const statuses = t.session.seats();
    return {
      no: t.no,
      phase: t.session.phase(),
      round: ctx.round,
      rounds: lastRound(this.level, ctx),
      indicators: ctx.indicators,
      events: ctx.firedEvents,
      // The deal space so far: each package on the table placed as the deal space places it, from the table's state now
      // (none once the table has its outcome: "if agreed now" means nothing then).
      offers: (ctx.outcome ? [] : ctx.table).map((p) => {
        const point = packagePoint(this.level, stateOf(ctx), p.deal);
        return {
          by: p.by,
          round: p.round,
          accepted: p.accepted,
          words: dealText(this.level, p.deal),
          scores: point.scores,
          ratifiable: point.ratifiable,
        };
      }),
      // Once the table has its outcome, its scores are final: the fallback's effects are already in its indicators.
      fallback: ctx.outcome ? null : fallbackScores(this.level, stateOf(ctx)),
      final: ctx.outcome ? Object.fromEntries(Object.entries(ctx.outcome.scores).map(([r, sc]) => [r, sc.score])) : null,
      seats: Object.fromEntries(
        this.roleIds.map((r) => [
          r,
          { status: statuses[r], ai: this.aiHolds(t.no, r), members: this.members(t.no, r).map((m) => m.id), pending: t.proposals.has(r) },
        ]),
      ),
      // Moves and news (the level's events, the instructor's cards and extensions) as the seats read them.
      moves: ctx.log.filter((e) => e.type === 'move' || e.type === 'event' || e.type === 'info').slice(-8),
      outcome: ctx.outcome,
    };
  }

  /** The shared debrief: every table's deal on the level's deal space, beside the historical outcome. */
  debrief(): Debrief {
    const tables = this.tables.map((t) => {
      const ctx = t.session.context();
      const analysis = ctx.outcome ? analyseOutcome(this.level, ctx) : null;
      const mechanics: Record<string, number> = {};
      for (const e of ctx.log) if (e.type === 'move' && e.mechanic) mechanics[e.mechanic] = (mechanics[e.mechanic] ?? 0) + 1;
      return {
        no: t.no,
        round: ctx.round,
        rounds: lastRound(this.level, ctx),
        outcome: ctx.outcome,
        deal: ctx.outcome?.deal ?? null,
        point: analysis?.reached ? analysis.space.packages[analysis.reached.index].scores : null,
        historicalDistance: analysis?.historical?.distance ?? null,
        mechanics,
      };
    });
    const first = this.tables.find((t) => t.session.context().outcome);
    const space = first ? analyseOutcome(this.level, first.session.context()) : null;
    return {
      level: this.level.id,
      title: this.level.title,
      history: this.level.history ?? null,
      roles: space?.space.roles ?? this.roleIds.filter((r) => this.level.actors[r].veto),
      packages: space?.space.packages.map((p) => ({ scores: p.scores, ratifiable: p.ratifiable })) ?? [],
      historical: space?.historical?.placement ? space.space.packages[space.historical.placement.index].scores : null,
      tables,
    };
  }

  /** Rows for grading: every move, who sent it, its reason and mechanic. */
  exportRows(): ExportRow[] {
    const rows: ExportRow[] = [];
    for (const t of this.tables) {
      for (const e of t.session.context().log) {
        if (e.type !== 'move' || !e.actor) continue;
        const who = t.by.get(`${e.round}:${e.actor}`);
        const name = (id?: string) => (id === 'ai' ? 'AI' : (this.students.get(id ?? '')?.name ?? ''));
        rows.push({
          table: t.no + 1,
          round: e.round,
          role: e.actor,
          student: name(who?.by),
          proposer: who?.proposer ? name(who.proposer) : '',
          move: e.move?.id ?? '',
          mechanic: e.mechanic ?? '',
          message: e.message,
          reason: e.move?.reason ?? null,
        });
      }
    }
    return rows;
  }
}

/** A student's payload: their own part and their seat's (no seat yet: a null view, no moves). */
export type StudentPayload = StudentPart & SeatPayload;

export const NO_SEAT: SeatPayload = { view: null, legal: [], blocked: {} };

export interface StudentPart {
  status: Status;
  name: string;
  level: string;
  title: Level['title'];
  teamSize: number;
  roles: { id: Role; name: Level['actors'][string]['name']; ai: boolean }[];
  table: number | null;
  role: Role | null;
  seats: { table: number; role: Role; taken: number }[];
  team: { name: string; present: boolean; me: boolean }[];
  proposal: { by: string; mine: boolean; move: MoveInput } | null;
}

export interface SeatPayload {
  view: PlayerView | null;
  legal: Move[];
  blocked: Record<string, Message>;
  aiHolds?: boolean;
}

export type Dashboard = {
  status: Status;
  level: string;
  title: Level['title'];
  settings: ClassSettings;
  roles: StudentPayload['roles'];
  /** The two sides whose scores the deal-space charts put across and up (the first two veto holders). */
  axes: Role[];
  indicators: { id: string; name: Level['indicators'][string]['name']; range: [number, number] }[];
  /** The level's events, which the instructor may deal to a table. */
  events: { id: string; news: Level['events'][number]['news']; once: boolean }[];
  students: { id: string; name: string; table: number | null; role: Role | null; connected: boolean; present: boolean; idle: number }[];
  tables: DashboardTable[];
};

export type DashboardTable = {
  no: number;
  phase: string;
  round: number;
  rounds: number;
  indicators: Record<string, number>;
  /** The events that have happened at this table. */
  events: string[];
  /** The packages on the table, each with every side's score if it took effect now and whether every home would ratify it. */
  offers: { by: Role; round: number; accepted: Role[]; words: Text; scores: Record<Role, number>; ratifiable: boolean }[];
  /** Every side's score if the deadline passed now without a deal; null once the table has its outcome. */
  fallback: Record<Role, number> | null;
  /** Every side's final score once the table has its outcome. */
  final: Record<Role, number> | null;
  seats: Record<Role, { status: string; ai: boolean; members: string[]; pending: boolean }>;
  moves: unknown[];
  outcome: unknown;
};

export type Debrief = {
  level: string;
  title: Level['title'];
  history: Level['history'] | null;
  roles: Role[];
  packages: { scores: Record<Role, number>; ratifiable: boolean }[];
  historical: Record<Role, number> | null;
  tables: {
    no: number;
    /** Where the table stood (a table still without an outcome stopped there when the session ended). */
    round: number;
    rounds: number;
    outcome: unknown;
    deal: Record<string, string> | null;
    point: Record<Role, number> | null;
    historicalDistance: number | null;
    mechanics: Record<string, number>;
  }[];
};

export interface ExportRow {
  table: number;
  round: number;
  role: Role;
  /** The student who sent (or confirmed) the move, or "AI". */
  student: string;
  /** The teammate who proposed it, when a team member confirmed it. */
  proposer: string;
  move: string;
  mechanic: string;
  message: Message;
  reason: Message | null;
}
