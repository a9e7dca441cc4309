/**
 * A student in a classroom session: join with the code and a name, pick a seat, then play in the
 * game's own scenes through the bridge, which now talks to the server. A banner keeps the team, its
 * proposed move, a pause and the connection in view.
 */
import type * as Phaser from 'phaser';
import { type Message, type Move, type MoveInput, ok, type PlayerView, refused, type SendResult } from '../../engine';
import type { StudentPayload } from '../../server/classroom';
import { applyDelta, type Delta } from '../../server/delta';
import { app, lt, msg } from '../app';
import type { RemoteSeat } from '../bridge';
import { prepareScreen } from '../screens';
import { announce, button, h } from '../ui/dom';
import { Connection, type Status } from './connection';
import { ct, overlay, patch, whenTitleReady } from './shared';

/** A move's arguments in a fixed order, without its kind (the engine fills it in) or its reasons. */
const canonical = ({ kind: _kind, reason: _reason, said: _said, ...args }: MoveInput): string =>
  JSON.stringify(args, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
const sameMove = (a: MoveInput, b: MoveInput) => canonical(a) === canonical(b);

/** The student's seat as the scenes see it: the last view the server sent and the moves it allows. */
class Seat implements RemoteSeat {
  payload: StudentPayload | null = null;
  private listeners = new Set<() => void>();
  constructor(readonly conn: Connection) {}

  /** The server sends what changed since its last payload (see the server's delta.ts). */
  update(delta: Delta): void {
    this.payload = applyDelta(this.payload, delta);
    for (const l of [...this.listeners]) l();
  }

  view(): PlayerView {
    if (!this.payload?.view) throw new Error('no seat yet');
    return this.payload.view;
  }

  legalMoves(): Move[] {
    return this.payload?.legal ?? [];
  }

  whyIllegal(move: MoveInput): Message | null {
    const p = this.payload;
    if (!p?.view) return { key: 'reason.not_now' };
    if (p.status === 'paused') return { key: 'classroom.reason.paused' };
    if (p.status === 'ended') return { key: 'classroom.reason.ended' };
    if (p.legal.some((m) => sameMove(m, move))) return null;
    return p.blocked[move.id] ?? { key: 'classroom.reason.not_legal' };
  }

  send(move: MoveInput): SendResult {
    return this.conn.send('move', move) ? ok() : refused('classroom.reason.offline');
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export async function runStudent(game: Phaser.Game, code: string | null): Promise<void> {
  const booted = whenTitleReady(game);
  const panel = overlay('classroom-student');
  const banner = h('div', { class: 'classroom-banner', role: 'status', 'aria-live': 'polite' });
  let status: Status = 'connecting';
  let seat: Seat | null = null;
  let playing = false;

  /** The join form; after a failed try it keeps what was typed and says why, by the code (the likely mistake). */
  const showJoin = (problem?: string, typed?: { code: string; name: string }) => {
    const codeInput = h('input', {
      id: 'class-code',
      name: 'code',
      autocomplete: 'off',
      maxlength: 6,
      required: true,
      value: typed?.code ?? code ?? '',
      autocapitalize: 'characters',
      spellcheck: 'false',
      'aria-describedby': problem ? 'class-join-problem' : undefined,
    });
    const nameInput = h('input', {
      id: 'class-name',
      name: 'name',
      autocomplete: 'nickname',
      maxlength: 40,
      required: true,
      value: typed?.name ?? '',
    });
    const form = h(
      'form',
      { class: 'panel classroom-form' },
      h('h1', { tabindex: '-1', text: ct('join.heading') }),
      h('p', { text: ct('join.intro') }),
      h('label', { for: 'class-code', text: ct('join.code') }),
      codeInput,
      h('label', { for: 'class-name', text: ct('join.name') }),
      nameInput,
      h('p', { class: 'small', text: ct('join.privacy') }),
      problem ? h('p', { class: 'why', role: 'alert', id: 'class-join-problem', text: problem }) : null,
      h('button', { type: 'submit', class: 'btn btn-primary', text: ct('join.submit') }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void join(codeInput.value.trim().toUpperCase(), nameInput.value);
    });
    panel.replaceChildren(form);
    if (problem) codeInput.select();
    else (code ? nameInput : codeInput).focus();
  };

  const join = async (joinCode: string, name: string) => {
    const tokenKey = `borderlines.classroom.${joinCode}.token`;
    const conn = new Connection(joinCode, () => ({ token: localStorage.getItem(tokenKey) ?? undefined, name }), {
      status(s) {
        status = s;
        renderBanner();
      },
      message(type, body) {
        if (type === 'welcome') {
          const token = (body as { token?: string }).token;
          if (token) localStorage.setItem(tokenKey, token);
        } else if (type === 'you') {
          seat?.update(body as Delta);
          render();
        } else if (type === 'refused') {
          const reason = msg((body as { reason: Message }).reason);
          announce(reason);
          banner.dataset.refused = reason;
          renderBanner();
        }
      },
    });
    seat = new Seat(conn);
    try {
      const token = localStorage.getItem(tokenKey);
      await conn.open(token ? { token } : { name });
      history.replaceState(null, '', `?join=${joinCode}`);
    } catch {
      seat = null;
      showJoin(ct('join.failed'), { code: joinCode, name });
    }
  };

  const render = () => {
    const p = seat?.payload;
    if (!p || !seat) return;
    renderBanner();
    if (p.view && p.role && p.status !== 'lobby') {
      panel.hidden = true;
      if (!playing) {
        playing = true;
        const first = p.view.round <= 1 && !p.view.chosen ? 'Briefing' : 'Table';
        app.bridge.playRemote(seat, p.role);
        void booted.then(() => prepareScreen(game, first)).then(() => game.scene.getScene('Title').scene.start(first));
      }
      return;
    }
    panel.hidden = false;
    const seats = p.seats.map((s) =>
      button(
        ct('lobby.seat', { table: s.table + 1, role: roleName(s.role), taken: s.taken, size: p.teamSize }),
        () => connSend('pick', { table: s.table, role: s.role }),
        {
          cls: `btn ${s.table === p.table && s.role === p.role ? 'btn-primary' : ''}`,
          focus: `seat-${s.table}-${s.role}`,
        },
      ),
    );
    patch(
      panel,
      h(
        'div',
        { class: 'panel classroom-form', 'data-key': 'lobby' },
        h('h1', { tabindex: '-1', text: ct('lobby.heading', { name: p.name }) }),
        p.role !== null && p.table !== null
          ? h('p', { 'data-key': 'seated', text: ct('lobby.seated', { table: p.table + 1, role: roleName(p.role) }) })
          : null,
        h('p', {
          text: ct(
            p.status === 'ended'
              ? 'lobby.ended'
              : p.status === 'lobby'
                ? 'lobby.wait'
                : seats.length
                  ? 'lobby.late_pick'
                  : 'lobby.late_wait',
          ),
        }),
        seats.length ? h('div', { class: 'seat-grid', role: 'group', 'aria-label': ct('lobby.pick') }, ...seats) : null,
      ),
    );
  };

  const roleName = (role: string) => lt(seat?.payload?.roles.find((r) => r.id === role)?.name) || role;
  const connSend = (type: string, body?: unknown) => seat?.conn.send(type, body);

  const renderBanner = () => {
    const p = seat?.payload;
    const parts: (HTMLElement | null)[] = [];
    if (status === 'reconnecting') parts.push(h('p', { class: 'warn', text: ct('banner.reconnecting') }));
    if (p?.status === 'paused') parts.push(h('p', { class: 'warn', text: ct('banner.paused') }));
    // A table stopped by the end of the session says so (a finished one is at its debrief already).
    if (p?.status === 'ended' && p.view && p.view.phase !== 'debrief') parts.push(h('p', { class: 'warn', text: ct('banner.ended') }));
    if (p?.view) {
      parts.push(h('p', { text: ct('banner.seat', { table: (p.table ?? 0) + 1, role: lt(p.view.actors[p.view.role]?.name) }) }));
      if (p.team.length > 1)
        parts.push(
          h('p', {
            text: ct('banner.team', { names: p.team.map((m) => m.name + (m.present ? '' : ` (${ct('banner.away')})`)).join(', ') }),
          }),
        );
      if (p.proposal) {
        const what = msg({ key: `move.${p.view.moves.find((m) => m.id === p.proposal?.move.id)?.kind ?? 'pass'}` });
        parts.push(
          h('p', {
            text: p.proposal.mine
              ? ct('banner.waiting_teammate', { move: what })
              : ct('banner.teammate_proposes', { name: p.proposal.by, move: what }),
          }),
        );
        if (!p.proposal.mine)
          parts.push(button(ct('banner.confirm'), () => connSend('confirm'), { cls: 'btn btn-primary', focus: 'confirm-team' }));
      }
    }
    if (banner.dataset.refused) {
      parts.push(h('p', { class: 'why', text: banner.dataset.refused }));
      delete banner.dataset.refused;
    }
    patch(banner, ...parts);
    banner.hidden = parts.length === 0;
  };

  // At the end of each screen's key bar once play starts; over the lobby until then.
  document.getElementById('ui')?.append(banner);
  app.keybarNote = banner;
  const tokenKey = code ? `borderlines.classroom.${code}.token` : null;
  if (code && tokenKey && localStorage.getItem(tokenKey)) void join(code, '');
  else showJoin();
}
