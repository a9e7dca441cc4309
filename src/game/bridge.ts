/**
 * The one bridge between the engine session and the scenes. It owns the session, saves after every
 * accepted move, and turns engine changes into what the view needs: the new log entries and the cues
 * (sounds and their visible counterparts). Scenes subscribe here and unsubscribe when they shut down.
 */
import type { Difficulty } from '../ai';
import type { LogEntry, Move, MoveInput, PlayerView, Policy, SendResult, Session } from '../engine';
// From the model itself, not the engine's index: the index would bring the engine and its move schema into the first load.
import { type Message, refused } from '../engine/model';
import type { Cue } from '../audio';
import type { LevelEntry } from './levels';
import type * as Play from './play';

let play: typeof Play | null = null;

/** Load the engine and the AI once (their own chunk); a level cannot open before this resolves. */
export async function loadEngine(): Promise<void> {
  play ??= await import('./play');
}

function engine(): typeof Play {
  if (!play) throw new Error('the engine is not loaded yet (call loadEngine first)');
  return play;
}

export interface Change {
  view: PlayerView;
  entries: LogEntry[];
  cues: Cue[];
}

type Listener = (change: Change) => void;

/** A seat played through a server (the classroom): the server's engine decides, this mirrors it. */
export interface RemoteSeat {
  view(): PlayerView;
  legalMoves(): Move[];
  whyIllegal(move: MoveInput): Message | null;
  /** Sends the move; a refusal arrives later from the server and is announced. */
  send(move: MoveInput): SendResult;
  subscribe(listener: () => void): () => void;
}

function cuesFor(entries: LogEntry[], role: string): Cue[] {
  const cues = new Set<Cue>();
  for (const e of entries) {
    if (e.type === 'event') cues.add('news');
    else if (e.type === 'agreement') cues.add('agreement');
    else if (e.move?.id && e.actor !== role) {
      const key = e.message.key;
      if (key === 'log.propose') cues.add('tabled');
      if (key === 'log.reject') cues.add('rejection');
    }
    if (e.type === 'ratification' && e.message.key === 'log.not_ratified') cues.add('rejection');
  }
  return [...cues];
}

export class Bridge {
  session: Session | null = null;
  remote: RemoteSeat | null = null;
  entry: LevelEntry | null = null;
  role = 'ottawa';
  difficulty: Difficulty = 'normal';
  private seen = 0;
  private listeners = new Set<Listener>();
  private unsubscribe: (() => void) | null = null;
  private onSave: (() => void) | null = null;
  private onError: ((error: unknown) => void) | null = null;

  /** Called after each accepted move so the game can write the save. */
  setSaver(fn: () => void): void {
    this.onSave = fn;
  }

  /** Called when a scene fails while taking a change in, after the engine has finished its step. */
  setErrorHandler(fn: (error: unknown) => void): void {
    this.onError = fn;
  }

  private seat(entry: LevelEntry, role: string, difficulty: Difficulty) {
    const rs = engine().roles(entry.level);
    const policy = engine().aiPolicy(difficulty);
    return {
      controls: Object.fromEntries(rs.map((r) => [r, r === role ? 'human' : 'ai'])) as Record<string, 'human' | 'ai'>,
      policies: Object.fromEntries(rs.filter((r) => r !== role).map((r) => [r, policy])) as Record<string, Policy>,
    };
  }

  /** A new game of a level. The seed is the only non-determinism, drawn here in the game layer. */
  begin(entry: LevelEntry, role: string, difficulty: Difficulty, carried: Record<string, number>, seed: number): void {
    this.end();
    const { controls, policies } = this.seat(entry, role, difficulty);
    this.attach(entry, role, difficulty, engine().createSession(entry.level, { seed, carried, controls, policies }));
  }

  /** Continue a saved game: the event log is replayed, the snapshot checked against it. */
  resume(entry: LevelEntry, role: string, difficulty: Difficulty, record: unknown): { ok: true } | { ok: false; errors: Message[] } {
    this.end();
    const { policies } = this.seat(entry, role, difficulty);
    const r = engine().restore(entry.level, record, { policies });
    if (!r.ok) return { ok: false, errors: r.errors };
    this.attach(entry, role, difficulty, r.value.session);
    return { ok: true };
  }

  /** Play a seat of a classroom session: the scenes render the server's view and send moves to it. */
  playRemote(seat: RemoteSeat, role: string): void {
    this.end();
    this.remote = seat;
    this.role = role;
    this.seen = seat.view().log.length;
    this.unsubscribe = seat.subscribe(() => this.changed());
  }

  private attach(entry: LevelEntry, role: string, difficulty: Difficulty, session: Session): void {
    this.entry = entry;
    this.role = role;
    this.difficulty = difficulty;
    this.session = session;
    this.seen = session.context().log.length;
    this.unsubscribe = session.subscribe(() => this.changed());
  }

  private changed(): void {
    if (!this.session && !this.remote) return;
    const view = this.view();
    const entries = view.log.slice(this.seen);
    this.seen = view.log.length;
    const change: Change = { view, entries, cues: cuesFor(entries, this.role) };
    for (const l of [...this.listeners]) {
      try {
        l(change);
      } catch (error) {
        queueMicrotask(() => this.onError?.(error));
      }
    }
  }

  view(): PlayerView {
    if (this.remote) return this.remote.view();
    if (!this.session) throw new Error('no level in play');
    return this.session.playerView(this.role);
  }

  start(): SendResult {
    if (this.remote) return { ok: true };
    if (!this.session) return refused('reason.not_now');
    const r = this.session.phase() === 'briefing' ? this.session.start() : { ok: true as const };
    if (r.ok) this.onSave?.();
    return r;
  }

  send(move: MoveInput): SendResult {
    if (this.remote) return this.remote.send(move);
    if (!this.session) return refused('reason.not_now');
    const r = this.session.send(this.role, move);
    if (r.ok) this.onSave?.();
    return r;
  }

  legalMoves(): Move[] {
    return this.remote?.legalMoves() ?? this.session?.legalMoves(this.role) ?? [];
  }

  whyIllegal(move: MoveInput): Message | null {
    if (this.remote) return this.remote.whyIllegal(move);
    if (!this.session) return { key: 'reason.not_now' };
    return this.session.whyIllegal(this.role, move);
  }

  /** Subscribe a scene; the returned function unsubscribes it (call it on shutdown). */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  end(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session?.stop();
    this.session = null;
    this.remote = null;
    this.entry = null;
  }
}
