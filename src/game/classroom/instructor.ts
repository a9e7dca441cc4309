/**
 * The instructor's screens: create a session (a campaign level or their own scenario file), then the
 * lobby, the live dashboard of every table, the controls, the export and the shared debrief. The
 * instructor's secret lives only in their link.
 */
import { MAX_EXTRA_ROUNDS, type Message } from '../../engine';
import type { Dashboard, DashboardTable, Debrief } from '../../server/classroom';
import type { Text } from '../../levels/schema';
import { lt, msg, num, tr } from '../app';
import { announce, button, h } from '../ui/dom';
import { Connection } from './connection';
import { debriefChart, spaceChart } from './debrief';
import { ct, download, overlay, patch } from './shared';

interface LevelChoice {
  id: string;
  title: Text;
  date: { from: string; to: string };
  roles: { id: string; name: Text }[];
}

export async function runInstructor(code: string | null, key: string | null): Promise<void> {
  const panel = overlay('classroom-instructor');
  if (code && key) return connect(panel, code, key);
  const levels = (await (await fetch('api/levels')).json()) as LevelChoice[];
  showCreate(panel, levels);
}

function field(label: string, control: HTMLElement, id: string): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

function showCreate(panel: HTMLElement, levels: LevelChoice[]): void {
  const level = h('select', {}, ...levels.map((l) => h('option', { value: l.id, text: `${l.date.from.slice(0, 4)} · ${lt(l.title)}` })));
  const file = h('input', { type: 'file', accept: '.yaml,.yml,.json,text/yaml' });
  const roles = h('fieldset', { class: 'roles' });
  const tables = h('input', { type: 'number', min: 1, max: 60, value: 3 });
  const team = h('input', { type: 'number', min: 1, max: 6, value: 1 });
  const difficulty = h(
    'select',
    {},
    ...['easy', 'normal', 'hard'].map((d) => h('option', { value: d, selected: d === 'normal', text: tr(`settings.difficulty_${d}`) })),
  );
  const pick = h('input', { type: 'checkbox', checked: true });
  const errors = h('div', { role: 'alert', class: 'errors' });
  const drawRoles = () => {
    const chosen = levels.find((l) => l.id === level.value);
    roles.replaceChildren(
      h('legend', { text: ct('create.roles') }),
      ...(chosen?.roles ?? []).map((r) =>
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'human', value: r.id, checked: true }), ` ${lt(r.name)}`),
      ),
    );
    roles.hidden = !!file.files?.length;
  };
  level.addEventListener('change', drawRoles);
  file.addEventListener('change', drawRoles);
  drawRoles();
  const form = h(
    'form',
    { class: 'panel classroom-form wide' },
    h('h1', { tabindex: '-1', text: ct('create.heading') }),
    h('p', { text: ct('create.intro') }),
    field(ct('create.level'), level, 'class-level'),
    field(ct('create.file'), file, 'class-file'),
    roles,
    h(
      'div',
      { class: 'row' },
      field(ct('create.tables'), tables, 'class-tables'),
      field(ct('create.team'), team, 'class-team'),
      field(ct('create.difficulty'), difficulty, 'class-difficulty'),
    ),
    h('label', { class: 'check' }, pick, ` ${ct('create.pick')}`),
    errors,
    h('button', { type: 'submit', class: 'btn btn-primary', text: ct('create.submit') }),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const yaml = file.files?.[0] ? await file.files[0].text() : undefined;
    const human = new Set([...roles.querySelectorAll<HTMLInputElement>('input[name=human]')].filter((i) => i.checked).map((i) => i.value));
    const controls = yaml
      ? {}
      : Object.fromEntries((levels.find((l) => l.id === level.value)?.roles ?? []).map((r) => [r.id, human.has(r.id) ? 'human' : 'ai']));
    const body = {
      ...(yaml ? { yaml } : { level: level.value }),
      controls,
      tables: Number(tables.value),
      teamSize: Number(team.value),
      difficulty: difficulty.value,
      pick: pick.checked,
    };
    const res = await fetch('api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { code?: string; secret?: string; errors?: string[] };
    if (!res.ok || !json.code || !json.secret) {
      errors.replaceChildren(h('p', { text: ct('create.invalid') }), h('ul', {}, ...(json.errors ?? []).map((m) => h('li', { text: m }))));
      return;
    }
    history.replaceState(null, '', `?class=${json.code}&key=${encodeURIComponent(json.secret)}`);
    void connect(panel, json.code, json.secret);
  });
  panel.replaceChildren(form);
  form.querySelector('h1')?.focus();
}

async function connect(panel: HTMLElement, code: string, key: string): Promise<void> {
  let dashboard: Dashboard | null = null;
  let debrief: Debrief | null = null;
  const status = h('p', { class: 'conn', role: 'status' });
  const header = h('header', { class: 'class-head' });
  const lobby = h('section', { class: 'panel', 'aria-labelledby': 'students-h' });
  const tables = h('section', { class: 'tables', 'aria-labelledby': 'tables-h' });
  const debriefEl = h('section', { class: 'panel debrief-all', 'aria-labelledby': 'debrief-h', hidden: true });
  const conn = new Connection(code, () => ({ key }), {
    status: (s) => {
      status.textContent = ct(`status.${s}`);
    },
    message: (type, body) => {
      if (type === 'dashboard') dashboard = body as Dashboard;
      else if (type === 'debrief') debrief = body as Debrief;
      else if (type === 'export') {
        const { csv, json } = body as { csv: string; json: string };
        download(`borderlines-${code}.csv`, 'text/csv;charset=utf-8', csv);
        download(`borderlines-${code}.json`, 'application/json', json);
        return;
      } else if (type === 'instructed') {
        announce(ct('steer.done'));
        return;
      } else if (type === 'refused') {
        announce(msg((body as { reason: Message }).reason));
        return;
      }
      render();
    },
  });
  const link = `${location.origin}${location.pathname}?join=${code}`;
  const qr = h('canvas', { class: 'qr', role: 'img', 'aria-label': ct('run.qr', { link }) });
  header.append(
    h(
      'div',
      {},
      h('h1', { tabindex: '-1', text: ct('run.heading') }),
      h('p', { class: 'code-line' }, ct('run.code'), ' ', h('strong', { class: 'join-code', text: code })),
      h('p', {}, ct('run.link'), ' ', h('a', { href: link, text: link })),
    ),
    qr,
    status,
  );
  const controls = h('div', { class: 'row controls' });
  let steer: ReturnType<typeof steering> | null = null;
  const steerEl = h('section', { class: 'panel steer', 'aria-labelledby': 'steer-h', hidden: true });
  const tablesHeading = h('h2', { id: 'tables-h', text: ct('run.tables') });
  // What the instructor needs first comes first: the roster in the lobby, every table at a glance in play, the
  // class debrief at the end; the steering controls and the roster follow the tables once play starts.
  let arranged = '';
  const arrange = (stage: 'lobby' | 'play' | 'debrief') => {
    if (stage === arranged) return;
    arranged = stage;
    const active = document.activeElement;
    const parts =
      stage === 'lobby'
        ? [lobby, tablesHeading, tables, steerEl, debriefEl]
        : stage === 'play'
          ? [tablesHeading, tables, steerEl, lobby, debriefEl]
          : [debriefEl, tablesHeading, tables, steerEl, lobby];
    panel.replaceChildren(header, controls, ...parts);
    if (active instanceof HTMLElement && panel.contains(active)) active.focus();
  };
  arrange('lobby');
  void import('qrcode').then((QR) => QR.toCanvas(qr, link, { margin: 1, width: 180 }));

  const render = () => {
    if (!dashboard) return;
    const d = dashboard;
    const roleName = (id: string | null) => lt(d.roles.find((r) => r.id === id)?.name) || '—';
    const act = (type: string) => () => conn.send(type);
    steer ??= steering(steerEl, d, (table, instruction) => conn.send('instruct', { table, instruction }));
    steer.update(d);
    patch(
      controls,
      d.status === 'lobby' && button(ct('run.start'), act('start'), { cls: 'btn btn-primary', focus: 'class-start' }),
      d.status === 'playing' && button(ct('run.pause'), act('pause'), { cls: 'btn', focus: 'class-pause' }),
      d.status === 'paused' && button(ct('run.resume'), act('resume'), { cls: 'btn btn-primary', focus: 'class-resume' }),
      d.status !== 'ended' && d.status !== 'lobby' && button(ct('run.end'), act('end'), { cls: 'btn', focus: 'class-end' }),
      button(ct('run.export'), act('export'), { cls: 'btn', focus: 'class-export' }),
      h('p', { class: 'state', text: ct(`state.${d.status === 'playing' && d.tables.every((t) => t.outcome) ? 'finished' : d.status}`) }),
    );
    const seatOptions = d.tables.flatMap((t) =>
      d.roles
        .filter((r) => !r.ai)
        .map((r) => ({ value: `${t.no}:${r.id}`, text: ct('lobby.seat_short', { table: t.no + 1, role: roleName(r.id) }) })),
    );
    patch(
      lobby,
      h('h2', { id: 'students-h', text: ct('run.students', { count: d.students.length }) }),
      d.students.length === 0
        ? h('p', { text: ct('run.no_students') })
        : h(
            'table',
            { class: 'students' },
            h(
              'thead',
              {},
              h('tr', {}, ...['name', 'seat', 'connection', 'idle'].map((c) => h('th', { scope: 'col', text: ct(`run.col.${c}`) }))),
            ),
            h(
              'tbody',
              {},
              ...d.students.map((s) => {
                const assign = h(
                  'select',
                  { 'aria-label': ct('run.assign', { name: s.name }), 'data-key': `assign-${s.id}` },
                  h('option', { value: '', text: '—' }),
                  ...seatOptions.map((o) => h('option', { value: o.value, text: o.text, selected: o.value === `${s.table}:${s.role}` })),
                );
                assign.addEventListener('change', () => {
                  const [table, role] = assign.value.split(':');
                  if (role) conn.send('assign', { student: s.id, table: Number(table), role });
                });
                return h(
                  'tr',
                  { class: s.connected ? '' : 'away', 'data-key': `student-${s.id}` },
                  h('td', { text: s.name }),
                  h(
                    'td',
                    {},
                    // In the lobby every seat may change; after the start a student without one (a late joiner) is given one.
                    d.status === 'lobby' || (s.table === null && d.status !== 'ended')
                      ? assign
                      : s.table === null
                        ? '—'
                        : ct('lobby.seat_short', { table: s.table + 1, role: roleName(s.role) }),
                  ),
                  h('td', { text: ct(s.connected ? 'run.connected' : s.present ? 'run.reconnecting' : 'run.left') }),
                  h('td', { text: s.idle >= 60 ? ct('run.idle', { minutes: Math.floor(s.idle / 60) }) : '' }),
                );
              }),
            ),
          ),
    );
    patch(tables, ...d.tables.map((t) => tableCard(d, t, roleName)));
    arrange(debrief ? 'debrief' : d.status === 'lobby' ? 'lobby' : 'play');
    if (debrief) {
      debriefEl.hidden = false;
      patch(debriefEl, h('h2', { id: 'debrief-h', text: ct('debrief.heading') }), ...debriefChart(debrief, d));
    }
  };

  await conn.open({ key }).catch(() => {
    status.textContent = ct('status.failed');
  });
}

/**
 * The instructor's steering controls, built once (what is typed survives the dashboard's updates):
 * extend the deadline, or deal one of the level's events or a card of one's own, to one table or all.
 * The engine decides what each does; a refusal comes back as a reason, announced.
 */
function steering(el: HTMLElement, first: Dashboard, instruct: (table: number | null, instruction: unknown) => void) {
  const target = h(
    'select',
    { id: 'steer-table' },
    h('option', { value: 'all', text: ct('steer.all_tables') }),
    ...first.tables.map((t) => h('option', { value: String(t.no), text: ct('run.table', { table: t.no + 1 }) })),
  );
  const table = () => (target.value === 'all' ? null : Number(target.value));
  let last = first;
  target.addEventListener('change', () => api.update(last));
  const rounds = h('input', { id: 'steer-rounds', type: 'number', min: 1, max: MAX_EXTRA_ROUNDS, value: 1, required: true });
  const extend = h(
    'form',
    { class: 'row' },
    field(ct('steer.rounds'), rounds, 'steer-rounds'),
    h('button', { type: 'submit', class: 'btn', 'data-focus': 'steer-extend', text: ct('steer.extend') }),
  );
  extend.addEventListener('submit', (e) => {
    e.preventDefault();
    instruct(table(), { kind: 'extend', rounds: Number(rounds.value) });
  });
  const OWN = '';
  const event = h(
    'select',
    { id: 'steer-event' },
    ...first.events.map((ev) => h('option', { value: ev.id, text: lt(ev.news) })),
    h('option', { value: OWN, text: ct('steer.own_card') }),
  );
  const title = h('input', { id: 'steer-title', maxlength: 80, autocomplete: 'off' });
  const text = h('textarea', { id: 'steer-text', maxlength: 600, rows: 3 });
  const own = h('div', { class: 'own-card' }, field(ct('steer.title'), title, 'steer-title'), field(ct('steer.text'), text, 'steer-text'));
  const showOwn = () => {
    own.hidden = event.value !== OWN;
    title.required = text.required = event.value === OWN;
  };
  event.addEventListener('change', showOwn);
  showOwn();
  const card = h(
    'form',
    { class: 'card-form' },
    field(ct('steer.event'), event, 'steer-event'),
    own,
    h('button', { type: 'submit', class: 'btn', 'data-focus': 'steer-deal', text: ct('steer.deal') }),
  );
  card.addEventListener('submit', (e) => {
    e.preventDefault();
    instruct(table(), event.value === OWN ? { kind: 'card', title: title.value, text: text.value } : { kind: 'event', event: event.value });
    if (event.value === OWN) {
      title.value = '';
      text.value = '';
    }
  });
  el.replaceChildren(
    h('h2', { id: 'steer-h', text: ct('steer.heading') }),
    h('p', { class: 'small', text: ct('steer.intro') }),
    field(ct('steer.table'), target, 'steer-table'),
    h('div', { class: 'steer-grid' }, extend, card),
  );
  const api = {
    update(d: Dashboard) {
      last = d;
      el.hidden = d.status !== 'playing' && d.status !== 'paused';
      // An event that happened at every table chosen cannot happen again: say so in the list.
      for (const option of event.options) {
        const ev = d.events.find((x) => x.id === option.value);
        const chosen = table();
        const where = (chosen === null ? d.tables : d.tables.filter((t) => t.no === chosen)).filter((t) => !t.outcome);
        const happened = !!ev?.once && where.every((t) => t.events.includes(ev.id));
        if (ev) option.textContent = happened ? ct('steer.happened', { news: lt(ev.news) }) : lt(ev.news);
        option.disabled = happened;
      }
    },
  };
  return api;
}

function tableCard(d: Dashboard, t: Dashboard['tables'][number], roleName: (id: string) => string): HTMLElement {
  const student = (id: string) => d.students.find((s) => s.id === id);
  const lobby = d.status === 'lobby';
  const outcome = t.outcome as { kind: string } | null;
  // The session ended before this table reached an outcome: nobody is choosing any more.
  const stopped = d.status === 'ended' && !outcome;
  const seats = Object.entries(t.seats).map(([role, seat]) => {
    const who = seat.members.map((m) => student(m)?.name ?? m).join(', ');
    const aiRole = d.roles.find((r) => r.id === role)?.ai;
    // Before the start nobody chooses yet: who sits there, or what happens to a seat nobody takes.
    const parts = aiRole
      ? [ct('run.ai_role')]
      : lobby
        ? [who || ct('run.open_seat')]
        : [
            who || ct('run.empty'),
            seat.ai ? ct('run.ai') : outcome || stopped ? '' : ct(`run.seat_${seat.status === 'chosen' ? 'chosen' : 'choosing'}`),
            seat.pending ? ct('run.team_pending') : '',
          ];
    return h('li', {}, h('strong', { text: roleName(role) }), ...parts.filter(Boolean).map((p) => ` · ${p}`));
  });
  const indicators = d.indicators.map((i) => h('li', { text: `${lt(i.name)} ${t.indicators[i.id]}` }));
  // Newest first, so the latest move or card shows at a glance without scrolling the list.
  const moves = (t.moves as { round: number; actor?: string; message: Message }[])
    .map((e) => h('li', { text: `${ct('run.round_short', { round: e.round })} · ${msg(e.message)}` }))
    .reverse();
  const round = outcome
    ? ct(`run.outcome_${outcome.kind}`)
    : lobby
      ? ct('run.not_started', { count: t.rounds })
      : stopped
        ? ct('run.stopped', { round: t.round, rounds: t.rounds })
        : ct('run.round', { round: t.round, rounds: t.rounds });
  return h(
    'article',
    { class: 'panel table-card', 'aria-label': ct('run.table', { table: t.no + 1 }), 'data-key': `table-${t.no}` },
    h('h3', { text: ct('run.table', { table: t.no + 1 }) }),
    h('p', { class: 'round', text: round }),
    h('ul', { class: 'seats' }, ...seats),
    offersPart(d, t, roleName),
    h('details', {}, h('summary', { text: ct('run.indicators') }), h('ul', {}, ...indicators)),
    h(
      'details',
      { open: true },
      h('summary', { text: ct('run.moves') }),
      h('ol', { class: 'moves', reversed: true, tabindex: '0', 'aria-label': ct('run.moves') }, ...moves),
    ),
  );
}

/**
 * The deal space so far at one table: each package on the table, numbered, with what it would give every side if it
 * took effect now and whether every home would ratify it, in words and on a small chart of the two sides across and
 * up, with their fallbacks dashed.
 */
function offersPart(d: Dashboard, t: DashboardTable, roleName: (id: string) => string): HTMLElement {
  const heading = h('h4', { text: ct('run.proposals', { count: t.offers.length }) });
  if (t.offers.length === 0) return h('div', { class: 'offers' }, heading);
  const [x, y] = d.axes;
  const id = `offers-${t.no}`;
  const chart =
    x && y
      ? h(
          'figure',
          {},
          spaceChart({
            size: 170,
            axes: [x, y],
            names: [roleName(x), roleName(y)],
            describedBy: `${id}-caption`,
            cls: 'offer-space',
            fallback: t.fallback ?? undefined,
            marks: t.offers.map((o, i) => ({ scores: o.scores, label: String(i + 1) })),
          }) as unknown as HTMLElement,
          h('figcaption', { id: `${id}-caption`, class: 'small', text: ct('run.offers_caption', { x: roleName(x), y: roleName(y) }) }),
        )
      : null;
  const scores = (sc: Record<string, number>) =>
    Object.entries(sc)
      .map(([r, v]) => `${roleName(r)} ${num(v)}`)
      .join(' · ');
  return h(
    'div',
    { class: 'offers' },
    heading,
    chart,
    h(
      'ol',
      {},
      ...t.offers.map((o) =>
        h(
          'li',
          {},
          h('strong', { text: ct('run.offer_by', { role: roleName(o.by), round: o.round }) }),
          ` ${lt(o.words)}`,
          h('br'),
          h('span', {
            class: 'small',
            text: [
              ct('run.offer_scores', { scores: scores(o.scores) }),
              ct(o.ratifiable ? 'run.offer_ratified' : 'run.offer_refused'),
              o.accepted.length ? ct('run.offer_accepted', { roles: o.accepted.map(roleName).join(', ') }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          }),
        ),
      ),
    ),
    h(
      'p',
      { class: 'small' },
      t.final
        ? ct('run.offer_final', { scores: scores(t.final) })
        : t.fallback
          ? ct('run.offer_fallback', { scores: scores(t.fallback) })
          : '',
    ),
  );
}
