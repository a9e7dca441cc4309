/**
 * Real WebSocket clients of the classroom server (colyseus.js), for the server tests and
 * `npm run bench:server`: an instructor and students that remember the last message of each kind
 * and wait on conditions (never on time).
 */
import { Client, type Room } from 'colyseus.js';
import type { Dashboard, StudentPayload } from '../../src/server/classroom';
import { applyDelta, type Delta } from '../../src/server/delta';

export interface Created {
  code: string;
  secret: string;
}

export async function createSession(base: string, body: Record<string, unknown>): Promise<Created> {
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Created & { errors?: string[] };
  if (res.status !== 201) throw new Error(`create failed (${res.status}): ${json.errors?.join('; ')}`);
  return json;
}

type Waiter = { test: () => boolean; resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

export class Bot {
  room!: Room;
  last: Record<string, unknown> = {};
  refusals: { key: string }[] = [];
  left: number | null = null;
  token = '';
  private waiters = new Set<Waiter>();

  constructor(
    readonly endpoint: string,
    readonly code: string,
  ) {}

  get you(): StudentPayload | undefined {
    return this.last.you as StudentPayload | undefined;
  }

  get dashboard(): Dashboard | undefined {
    return this.last.dashboard as Dashboard | undefined;
  }

  async join(options: Record<string, unknown>): Promise<this> {
    this.attach(await new Client(this.endpoint).joinById(this.code, options));
    return this;
  }

  async reconnect(): Promise<this> {
    this.attach(await new Client(this.endpoint).reconnect(this.room.reconnectionToken));
    return this;
  }

  attach(room: Room): void {
    this.room = room;
    this.left = null;
    room.onMessage('*', (type, raw) => {
      // Views and dashboards come as JSON text, as the browser client reads them.
      const message = typeof raw === 'string' ? JSON.parse(raw) : raw;
      // A student's payload comes as what changed since the last one, merged as the browser client does.
      this.last[String(type)] = type === 'you' ? applyDelta(this.you, message as Delta) : message;
      if (type === 'welcome' && (message as { token?: string }).token) this.token = (message as { token: string }).token;
      if (type === 'refused') this.refusals.push((message as { reason: { key: string } }).reason);
      this.check();
    });
    room.onLeave((code) => {
      this.left = code;
      this.check();
    });
  }

  send(type: string, message?: unknown): void {
    this.room.send(type, message);
  }

  /** Resolve when the condition holds after a message (or now); fail after `ms` with what was last seen. */
  until(test: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        test,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(w);
          reject(
            new Error(
              `${what} not reached in ${ms} ms; last: ${JSON.stringify(Object.keys(this.last))} refusals: ${JSON.stringify(this.refusals.slice(-3))}`,
            ),
          );
        }, ms),
      };
      this.waiters.add(w);
    });
  }

  private check(): void {
    for (const w of [...this.waiters]) {
      if (!w.test()) continue;
      clearTimeout(w.timer);
      this.waiters.delete(w);
      w.resolve();
    }
  }

  /** A student's turn: seated, in play, and not yet chosen this round. */
  myTurn(): boolean {
    const v = this.you?.view;
    return !!v && this.you?.status === 'playing' && v.phase === 'choosing' && !v.chosen && !this.you?.proposal;
  }

  /** Play one legal move: the first that tables or accepts a package, else a pass. */
  playOne(): void {
    const legal = this.you?.legal ?? [];
    const move =
      legal.find((m) => m.to && m.id.includes('accept')) ?? legal.find((m) => m.deal) ?? legal.find((m) => m.id === 'pass') ?? legal[0];
    this.send('move', move);
  }

  leave(consented = true): Promise<number> {
    return this.room.leave(consented);
  }
}
