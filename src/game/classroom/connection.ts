/**
 * A classroom connection that comes back by itself: after a dropped network, a laptop that slept or a
 * server restart it retries (reconnection token first, then the student's or instructor's own key),
 * sooner when the browser says it is online or visible again.
 */
import { Client, type Room } from 'colyseus.js';

export type Status = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface Handlers {
  message(type: string, body: unknown): void;
  status(status: Status, detail?: string): void;
}

/** Close codes after which coming back would not help. */
const FINAL = new Set([1000, 4000, 4008]);

export function endpoint(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export class Connection {
  private client = new Client(endpoint());
  private room: Room | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private closed = false;

  constructor(
    readonly code: string,
    /** Options to join again with when the reconnection token no longer works. */
    private rejoin: () => Record<string, unknown>,
    private handlers: Handlers,
  ) {
    const wake = () => {
      if (!this.room && !this.closed) this.tryNow();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && wake());
  }

  async open(options: Record<string, unknown>): Promise<void> {
    this.handlers.status('connecting');
    this.attach(await this.client.joinById(this.code, options));
  }

  send(type: string, body?: unknown): boolean {
    if (!this.room) return false;
    this.room.send(type, body);
    return true;
  }

  leave(): void {
    this.closed = true;
    void this.room?.leave(true);
  }

  private attach(room: Room): void {
    this.room = room;
    this.attempts = 0;
    localStorage.setItem(`borderlines.classroom.${this.code}.reconnect`, room.reconnectionToken);
    // Views and dashboards come as JSON text (see the server's room.ts); other messages as objects.
    room.onMessage('*', (type, body) => this.handlers.message(String(type), typeof body === 'string' ? JSON.parse(body) : body));
    room.onLeave((code) => {
      this.room = null;
      if (this.closed || FINAL.has(code)) {
        this.handlers.status('closed', String(code));
        return;
      }
      this.handlers.status('reconnecting');
      this.schedule();
    });
    this.handlers.status('connected');
  }

  private schedule(): void {
    if (this.retry) clearTimeout(this.retry);
    const delay = Math.min(10_000, 500 * 2 ** this.attempts++);
    this.retry = setTimeout(() => this.tryNow(), delay);
  }

  private async tryNow(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const token = localStorage.getItem(`borderlines.classroom.${this.code}.reconnect`);
    try {
      if (token) {
        this.attach(await this.client.reconnect(token));
        return;
      }
    } catch {
      // The token is gone with the old server process: join again with the seat's own key.
    }
    try {
      this.attach(await this.client.joinById(this.code, this.rejoin()));
    } catch {
      if (!this.closed) this.schedule();
    }
  }
}
