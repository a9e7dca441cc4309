import type * as Phaser from 'phaser';
import type { Deal, IndicatorView, LogEntry, MoveInput, PlayerView } from '../../engine';
import { hasKey } from '../../i18n/core';
import { capitalize } from '../../i18n/grammar';
import { app, applySettings, cue, lt, msg, shownCues, signed, tr } from '../app';
import { bake, seatImage } from '../art';
import type { Change } from '../bridge';
import { css, INK, OKABE_ITO, OWN_RING, PAPER_DARK, roleColour, seatInk, WOOD } from '../palette';
import { causesOf } from '../causes';
import { marksOf, moodOf, personOf, voiceOf } from '../people';
import { portrait } from '../ui/portrait';
import { agreedInstead, answerable, answerTo, crossedAcceptance, type Forecast, forecast, objectiveChange, offers } from '../forecast';
import { ask } from '../ui/dialogs';
import { announce, button, h, keepFocus } from '../ui/dom';
import { actorName, actorText, entryLines, indicatorName, objectiveText, optionLabel, seatText, valueText } from '../ui/format';
import { wake } from '../idle';
import { advance, TUTORIAL, type TutorialEvent } from '../tutorial';
import { View } from './View';

const TABLE_KINDS = new Set(['propose', 'accept', 'reject']);
/**
 * The drawn table's centre on the 1280 x 720 canvas, and how far the seats sit from it: all of it, the
 * player's pulsing ring included, inside the gap the middle column leaves for it (.stage-hole, 27% of the height).
 */
const TABLE = { x: 602, y: 145, seatsX: 250, seatsY: 72 };

/** A text cut short by its line limit takes focus, so that a keyboard shows its whole text as hovering does. */
function markCut(el: HTMLElement): void {
  const cut = el.scrollHeight > el.clientHeight + 1;
  el.classList.toggle('cut', cut);
  if (cut) el.tabIndex = 0;
  else el.removeAttribute('tabindex');
}

/** The negotiation table: actors, meters, the proposal builder, moves, replies and news. */
export class Table extends View {
  private selection: Deal = {};
  private meters = new Map<string, { root: HTMLElement; fill: HTMLElement; value: HTMLElement; delta: HTMLElement; cause: HTMLElement }>();
  private seats = new Map<string, Phaser.GameObjects.Container>();
  private clock!: Phaser.GameObjects.Graphics;
  /** Tokens by each seat, one per mark its moves left (the cards under the table say what each is). */
  private tokens!: Phaser.GameObjects.Graphics;
  private openMove: string | null = null;
  private sections: Record<string, HTMLElement> = {};
  private lastRound: LogEntry[] = [];
  private agreedInstead: { accepted: string; agreed: string } | null = null;
  /** Whether the deadline is cut short, again whenever its size changes (a resized window, another text size). */
  private deadlineCut = new ResizeObserver((seen) => {
    for (const e of seen) if (e.target.classList.contains('deadline')) markCut(e.target as HTMLElement);
    this.alignTable();
  });

  constructor() {
    super('Table');
  }

  protected heading(): string {
    return tr('table.heading');
  }

  protected draw(): void {
    const view = app.bridge.view();
    const { x: cx, y: cy } = TABLE;
    const g = this.add.graphics();
    g.fillStyle(PAPER_DARK, 1);
    g.fillEllipse(212, 83, 420, 150);
    g.fillStyle(0x8a6a46, 1);
    g.fillEllipse(212, 77, 420, 150);
    g.fillStyle(WOOD, 1);
    g.fillEllipse(212, 77, 380, 120);
    bake(this, g, 'table', 424, 162).setPosition(cx - 212, cy - 77);
    this.clock = this.add.graphics();
    const roles = Object.keys(view.actors);
    this.seats.clear();
    roles.forEach((r, i) => {
      const a = (Math.PI * 2 * i) / roles.length - Math.PI / 2 + Math.PI / roles.length;
      const x = cx + Math.cos(a) * TABLE.seatsX;
      const y = cy + Math.sin(a) * TABLE.seatsY;
      const seat = seatImage(this, view.actors[r], 0, 0, 30, roleColour(view.actors, r), view.actors[r].seat !== 'table');
      const container = this.add.container(x, y, [seat]);
      this.seats.set(r, container);
      if (r === view.role) {
        // The player's ring keeps 3:1 contrast on the paper and on the table's wood.
        const ring = this.add.circle(x, y, 38).setStrokeStyle(4, OWN_RING, 1);
        this.animate({ targets: ring, scale: 1.15, alpha: 0.4, yoyo: true, repeat: -1, duration: 900 });
      }
    });
    this.drawClock(view);
    this.tokens = this.add.graphics();
    this.drawTokens(view);
    // Papers on the table drift slightly: the table is alive while players think.
    const pg = this.add.graphics();
    pg.fillStyle(0xffffff, 1);
    pg.fillRect(0, 0, 52, 36);
    pg.lineStyle(2, INK, 0.4);
    for (let i = 0; i < 4; i++) pg.lineBetween(8, 8 + i * 7, 44, 8 + i * 7);
    const papers = bake(this, pg, 'papers', 52, 36).setOrigin(0.5).setPosition(0, 0);
    const paperBox = this.add.container(cx - 110, cy + 10, [papers]).setAngle(-8);
    this.animate({ targets: paperBox, angle: 8, x: cx - 100, duration: 3000, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
  }

  private drawTokens(view: PlayerView): void {
    const g = this.tokens;
    g.clear();
    for (const [r, seat] of this.seats) {
      const colour = seatInk(roleColour(view.actors, r));
      marksOf(view, r).forEach((_, k) => {
        const x = seat.x + 30 + (k % 4) * 13;
        const y = seat.y + 26 + Math.floor(k / 4) * 13;
        g.fillStyle(colour, 1).fillCircle(x, y, 5.5);
        g.lineStyle(1.5, INK, 1).strokeCircle(x, y, 5.5);
      });
    }
  }

  private drawClock(view: PlayerView): void {
    const g = this.clock;
    const { x: cx, y: cy } = TABLE;
    g.clear();
    g.fillStyle(0xffffff, 1);
    g.fillCircle(cx, cy, 34);
    g.lineStyle(8, PAPER_DARK, 1);
    g.beginPath();
    g.arc(cx, cy, 26, 0, Math.PI * 2);
    g.strokePath();
    const done = view.phase === 'debrief' ? 1 : Math.max(0, view.round - 1) / view.rounds;
    g.lineStyle(8, OKABE_ITO.vermillion, 1);
    g.beginPath();
    g.arc(cx, cy, 26, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.max(0.001, done));
    g.strokePath();
  }

  protected build(): void {
    const view = app.bridge.view();
    const mk = (name: string, tag: 'section' | 'div' = 'section', label?: string) => {
      const el = h(tag, { class: `panel ${name}`, 'aria-labelledby': label ? `${name}-h` : undefined });
      this.sections[name] = el;
      return el;
    };
    const header = mk('topbar', 'div');
    const meters = mk('meters', 'section', 'x');
    const parties = mk('parties', 'section', 'x');
    const proposal = mk('proposal', 'section', 'x');
    // A seat away from the table has no control in the middle column: only then do its scrolling parts take focus themselves.
    const away = !this.atTable(view);
    if (away) proposal.tabIndex = 0;
    const tableBox = mk('ontable', 'section', 'x');
    const moves = mk('moves', 'section', 'x');
    // Not a live region: what is new is announced once when it happens (see changed()).
    const latest = h('div', { class: 'latest-list', id: 'latest' });
    const hintBox = h('div', { class: 'hint-box' });
    const latestBox = h(
      'section',
      { class: 'panel latest', 'aria-labelledby': 'latest-h' },
      h('h2', { id: 'latest-h', tabindex: '-1', text: tr('table.latest') }),
      hintBox,
      latest,
    );
    this.sections.latest = latest;
    this.sections.hint = hintBox;
    const log = mk('log', 'section', 'x');
    const coach = h('section', { class: 'panel coach', 'aria-labelledby': 'coach-h' });
    this.sections.coach = coach;
    this.buildMeters(view, meters);
    this.root.append(
      header,
      h('div', { class: 'col col-left' }, meters),
      h(
        'div',
        { class: 'col col-mid', tabindex: away ? '0' : undefined, role: 'region', 'aria-label': tr('table.table_word') },
        h('div', { class: 'stage-hole', 'aria-hidden': 'true' }),
        parties,
        proposal,
        tableBox,
      ),
      h('div', { class: 'col col-right' }, coach, moves, latestBox, log),
      this.keys([
        // Only a seat at the table tables packages and answers them.
        ...(view.actors[view.role]?.seat === 'table'
          ? [
              { key: 'p', label: tr('table.propose_key'), run: () => this.propose() },
              { key: 'a', label: tr('table.accept_key'), run: () => this.acceptKey() },
            ]
          : []),
        { key: 'w', label: tr('table.wait'), run: () => this.sendMove({ id: 'pass' }) },
        { key: 'm', label: tr('table.moves_key'), run: () => this.root.querySelector<HTMLElement>('.moves button')?.focus() },
        { key: 'v', label: tr('table.border'), run: () => this.go('Border', { from: 'Table' }) },
        { key: 'escape', label: tr('table.close_choice'), run: () => this.closeChoice() },
        { key: 'q', label: tr('nav.title'), run: () => this.leave() },
      ]),
    );
    const mine = view.table.find((p) => p.by === view.role);
    this.selection = mine ? { ...mine.deal } : Object.fromEntries(view.issues.map((i) => [i.id, i.options[0].id]));
    this.lastRound = view.log.filter((e) => e.round === Math.max(1, view.round - 1) || e.round === view.round);
    this.render(view);
    const off = app.bridge.on((c) => this.changed(c));
    this.onShutdown(off);
    this.onShutdown(() => this.deadlineCut.disconnect());
    // A cut deadline shown whole on hover or focus hides again with Escape (WCAG 1.4.13), until the pointer or focus leaves it.
    const dismiss = (e: KeyboardEvent) => {
      const d = this.sections.topbar?.querySelector<HTMLElement>('.deadline.cut:not(.dismissed)');
      if (e.key !== 'Escape' || !d?.matches(':hover, :focus')) return;
      d.classList.add('dismissed');
      e.preventDefault();
      e.stopPropagation();
    };
    document.addEventListener('keydown', dismiss, true);
    this.onShutdown(() => document.removeEventListener('keydown', dismiss, true));
    if (view.phase === 'debrief') this.time.delayedCall(300, () => this.go('Ratification'));
  }

  private changed(c: Change): void {
    if (c.entries.length) {
      this.lastRound = c.entries;
      this.agreedInstead = agreedInstead(c.view, c.entries);
      // Screen readers hear only what is new, once: what happened and what it changed (the reason stays on screen).
      const heard = c.entries
        .filter((e) => e.actor !== c.view.role || e.type !== 'move')
        .map((e) => {
          const line = entryLines(c.view, e);
          return [e.actor ? actorName(c.view, e.actor) : '', line.text, line.changes].filter(Boolean).join(' ');
        });
      if (this.agreedInstead) heard.unshift(this.insteadText(c.view));
      if (heard.length) announce(heard.join(' · '));
      for (const q of c.cues) cue(q);
      const moved = new Set(c.entries.map((e) => e.actor).filter(Boolean));
      for (const r of moved) {
        const s = this.seats.get(r as string);
        if (s) this.animate({ targets: s, scale: 1.2, yoyo: true, duration: 220 });
      }
    }
    const mine = c.view.table.find((p) => p.by === c.view.role);
    if (mine && c.entries.length) this.selection = { ...mine.deal };
    this.drawClock(c.view);
    this.drawTokens(c.view);
    this.render(c.view);
    if (c.view.phase === 'debrief') this.time.delayedCall(this.motion ? 1200 : 100, () => this.go('Ratification'));
  }

  private render(view: PlayerView): void {
    keepFocus(this.root, () => {
      this.renderHeader(view);
      this.updateMeters(view);
      this.renderParties(view);
      this.renderProposal(view);
      this.renderOnTable(view);
      this.renderMoves(view);
      this.renderLatest(view);
      this.sections.hint.replaceChildren(
        this.agreedInstead ? h('p', { class: 'notice instead', role: 'note', text: this.insteadText(view) }) : '',
        this.hint(view) ?? '',
      );
      this.renderLog(view);
      this.renderCoach();
    });
  }

  private renderHeader(view: PlayerView): void {
    const el = this.sections.topbar;
    const round = view.phase === 'debrief' ? tr('table.over') : tr('table.round', { round: view.round, rounds: view.rounds });
    // The deadline on a line of its own under the title row, at most two lines (its whole text stays in the page
    // for screen readers, and shows over the columns on hover or focus when cut), beside the cue's room.
    const deadline = h(
      'p',
      { class: 'deadline', 'data-focus': 'deadline' },
      h('span', { text: tr('table.deadline', { deadline: lt(view.level.deadline) }) }),
    );
    for (const leave of ['blur', 'mouseleave']) deadline.addEventListener(leave, () => deadline.classList.remove('dismissed'));
    el.replaceChildren(
      this.title(lt(view.level.title), 'table-title'),
      h('p', { class: 'round', text: round }),
      h('p', {
        class: 'capital',
        text:
          view.capital >= view.capitalMax
            ? tr('table.capital_full', { capital: view.capital, max: view.capitalMax })
            : tr('table.capital', { capital: view.capital, per: view.capitalPerRound, max: view.capitalMax }),
      }),
      h('p', { class: 'me', text: tr('table.you', { role: actorName(view, view.role) }) }),
      h('p', { class: 'win-at', text: tr('table.win_at', { score: view.level.win_at }) }),
      h(
        'div',
        { class: 'topbar-line' },
        deadline,
        h(
          'span',
          { class: 'cue-slot', 'data-cue-slot': '', 'aria-hidden': 'true' },
          ...shownCues().map((c) => h('span', { class: 'cue-pill', 'data-kind': c.kind, text: c.label })),
        ),
      ),
    );
    this.deadlineCut.disconnect();
    this.deadlineCut.observe(deadline);
    this.deadlineCut.observe(el);
    markCut(deadline);
  }

  /**
   * The drawn table sits in the gap the middle column leaves for it, under a top bar of 7.5% of the height;
   * a taller bar (a long title, text at 130%) moves it down with the gap rather than over it.
   */
  private alignTable(): void {
    const stage = document.getElementById('stage')?.getBoundingClientRect();
    if (!stage?.height || !this.sys.isActive()) return;
    const bar = this.sections.topbar.getBoundingClientRect();
    const over = document.body.classList.contains('reflow') ? 0 : Math.max(0, bar.bottom - stage.top - stage.height * 0.075);
    const y = -Math.round((over * 720) / stage.height);
    if (this.cameras.main.scrollY === y) return;
    this.cameras.main.setScroll(0, y);
    wake();
  }

  private buildMeters(view: PlayerView, el: HTMLElement): void {
    el.append(h('h2', { id: 'meters-h', text: tr('table.indicators') }));
    const list = h('div', { class: 'meter-list' });
    el.append(list);
    for (const ind of view.indicators) {
      const fill = h('span', { class: 'meter-fill' });
      const value = h('span', { class: 'meter-value' });
      const delta = h('span', { class: 'meter-delta' });
      const cause = h('span', { class: 'tip-cause' });
      const tip = h('span', { class: 'tip', id: `tip-${ind.id}`, role: 'tooltip' }, this.explain(view, ind), cause);
      const root = h(
        'div',
        {
          class: `meter ${ind.higher_is === 'worse' ? 'worse' : 'better'}`,
          tabindex: list.childElementCount === 0 ? '0' : '-1',
          role: 'meter',
          'aria-valuemin': ind.range[0],
          'aria-valuemax': ind.range[1],
          'aria-label': lt(ind.name),
          'aria-describedby': `tip-${ind.id}`,
          'data-focus': `meter-${ind.id}`,
          'data-id': ind.id,
        },
        h('span', { class: 'meter-name', text: lt(ind.name) }),
        value,
        delta,
        h(
          'span',
          { class: 'meter-track', 'aria-hidden': 'true' },
          fill,
          h('span', { class: 'meter-start', style: `left:${this.pct(ind, ind.start)}%` }),
        ),
        tip,
      );
      list.append(root);
      this.meters.set(ind.id, { root, fill, value, delta, cause });
    }
    // One tab stop for all the meters; the arrow keys move between them.
    list.addEventListener('focusin', () => this.tutor('meter'));
    list.addEventListener('keydown', (e) => {
      const items = [...list.querySelectorAll<HTMLElement>('.meter')];
      const at = items.indexOf(document.activeElement as HTMLElement);
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -at, End: items.length - 1 - at }[e.key];
      if (at < 0 || step === undefined) return;
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, at + step))];
      for (const m of items) m.tabIndex = m === next ? 0 : -1;
      next.focus();
    });
  }

  private pct(ind: IndicatorView, v: number): number {
    return Math.max(0, Math.min(100, ((v - ind.range[0]) / (ind.range[1] - ind.range[0] || 1)) * 100));
  }

  private explain(view: PlayerView, ind: IndicatorView): string {
    const parts = [
      lt(ind.describe),
      ind.higher_is === 'worse' ? tr('meter.lower_better') : tr('meter.higher_better'),
      tr('meter.started', { value: valueText(ind, ind.start) }),
    ];
    if (ind.held_by) parts.push(tr('meter.held_by', { actor: actorText(view, ind.held_by) }));
    return parts.filter(Boolean).join(' ');
  }

  private updateMeters(view: PlayerView): void {
    const previous = view.history.length >= 2 ? view.history[view.history.length - 2] : view.history[0];
    for (const ind of view.indicators) {
      const m = this.meters.get(ind.id);
      if (!m) continue;
      const was = Number(m.root.dataset.value ?? ind.value);
      const d = Math.round((ind.value - (previous?.[ind.id] ?? ind.start)) * 10) / 10;
      const good = d > 0 === (ind.higher_is === 'better');
      m.fill.style.width = `${this.pct(ind, ind.value)}%`;
      m.value.textContent = valueText(ind, ind.value);
      m.delta.textContent = d === 0 ? '' : `${d > 0 ? '▲' : '▼'} ${signed(d)}`;
      m.delta.className = `meter-delta ${d === 0 ? '' : good ? 'good' : 'bad'}`;
      m.root.setAttribute('aria-valuenow', String(ind.value));
      m.root.setAttribute('aria-valuetext', `${valueText(ind, ind.value)}${d ? `, ${signed(d)} ${tr('meter.this_round')}` : ''}`);
      if (was !== ind.value) {
        m.root.classList.remove('flash');
        void m.root.offsetWidth;
        m.root.classList.add('flash');
      }
      m.root.dataset.value = String(ind.value);
      // Cause and effect: who moved the meter, by how much, and the mechanic behind it.
      const causes = d === 0 ? [] : causesOf(view, ind.id);
      m.cause.textContent = causes.length
        ? ` ${tr('meter.caused', {
            causes: causes
              .map((e) =>
                tr(e.mechanic ? 'meter.cause_mechanic' : 'meter.cause', {
                  who: e.actor ? actorName(view, e.actor) : tr('table.news'),
                  delta: signed(Math.round(e.deltas[ind.id] * 10) / 10),
                  mechanic: e.mechanic ? msg({ key: `mechanic.${e.mechanic}` }) : '',
                }),
              )
              .join(tr('list_separator')),
          })}`
        : '';
    }
  }

  /** The people at the table: each side's negotiator with a portrait, a mood that follows trust, and the marks of its moves. */
  private renderParties(view: PlayerView): void {
    const el = this.sections.parties;
    el.replaceChildren(
      h('h2', { id: 'parties-h', class: 'sr-only', text: tr('table.parties') }),
      h(
        'ul',
        { class: 'party-list' },
        ...Object.entries(view.actors).map(([r, a], i) => {
          const colour = css(seatInk(roleColour(view.actors, r)));
          const feeling = r === view.role ? null : moodOf(view, r);
          const person = personOf(view, r);
          const seat = seatText(a);
          return h(
            'li',
            { class: 'party', style: `--actor:${colour}`, 'data-role': r },
            portrait(person, colour, feeling?.mood ?? 'neutral', i),
            h(
              'div',
              { class: 'party-text' },
              h('strong', { text: lt(a.name) }),
              r === view.role ? h('span', { class: 'tag', text: tr('table.you_tag') }) : null,
              h('span', { class: 'small who-title', text: tr('table.office_seat', { office: this.office(view, r), seat }) }),
              feeling
                ? h('span', {
                    class: `mood mood-${feeling.mood}`,
                    text: tr(`mood.${feeling.mood}`, {
                      indicator: indicatorName(view, feeling.indicator),
                      value: valueText(
                        view.indicators.find((x) => x.id === feeling.indicator),
                        feeling.value,
                      ),
                    }),
                  })
                : null,
              ...marksOf(view, r).map((m) => h('span', { class: 'mark', text: msg(m) })),
            ),
          );
        }),
      ),
    );
  }

  /** A side's negotiator by office: the level's title, else a generic head of delegation. */
  private office(view: PlayerView, role: string): string {
    const title = personOf(view, role).title;
    return title ? lt(title) : tr('people.default_title');
  }

  /** The parties at the table, by name, for a seat that is not. */
  private atTableNames(view: PlayerView): string {
    return Object.entries(view.actors)
      .filter(([, a]) => a.seat === 'table')
      .map(([r]) => actorName(view, r))
      .join(', ');
  }

  private atTable(view: PlayerView): boolean {
    return view.actors[view.role]?.seat === 'table';
  }

  /** Level-one style guidance for the first rounds; the settings turn it off. */
  private hint(view: PlayerView): HTMLElement | null {
    if (!app.settings.hints || view.round > 2 || view.phase !== 'choosing') return null;
    const key = this.atTable(view) ? `hint.table_${view.round}` : `hint.implementer_${view.round}`;
    const parties = this.atTableNames(view);
    return h(
      'div',
      { class: 'hint', role: 'note' },
      h('p', { text: tr(key, { parties }) }),
      button(
        tr('hint.hide'),
        () => {
          app.settings.hints = false;
          applySettings();
          this.render(app.bridge.view());
        },
        { focus: 'hide-hints', cls: 'btn btn-small' },
      ),
    );
  }

  private renderProposal(view: PlayerView): void {
    const el = this.sections.proposal;
    if (!this.atTable(view)) {
      el.replaceChildren(
        h('h2', { id: 'proposal-h', text: tr('table.proposal') }),
        h('p', { text: tr('table.no_seat', { parties: this.atTableNames(view) }) }),
      );
      return;
    }
    const legal = app.bridge.legalMoves().filter((m) => m.deal);
    const available = (issue: string, option: string) => legal.some((m) => m.deal?.[issue] === option);
    const fieldsets = view.issues.map((issue) =>
      h(
        'fieldset',
        { class: 'issue' },
        h('legend', { text: lt(issue.title) }),
        ...issue.options.map((o) => {
          const id = `opt-${issue.id}-${o.id}`;
          const locked = legal.length > 0 && !available(issue.id, o.id);
          const input = h('input', {
            type: 'radio',
            name: `issue-${issue.id}`,
            id,
            value: o.id,
            checked: this.selection[issue.id] === o.id,
            'data-focus': id,
          });
          input.addEventListener('change', () => {
            this.selection[issue.id] = o.id;
            cue('select');
            this.renderProposalButton(view);
            this.tutor('option');
          });
          // What sounding out revealed shows where the player decides: on the option itself.
          const known = view.revealed.filter((r) => r.issue === issue.id && r.option === o.id);
          return h(
            'label',
            { class: `option-card ${locked ? 'locked' : ''}`, for: id },
            input,
            h('span', { class: 'opt-label', text: lt(o.label) }),
            h('span', {
              class: 'harm',
              text: `${'■'.repeat(o.harmonization)}${'□'.repeat(3 - o.harmonization)} ${tr(`harmonization.${o.harmonization}`)}`,
            }),
            ...known.map((r) =>
              h('span', { class: 'revealed', text: tr('table.revealed', { actor: actorName(view, r.about), round: r.round }) }),
            ),
            locked ? h('span', { class: 'lock', text: tr('table.locked') }) : null,
          );
        }),
      ),
    );
    const bar = h('div', { class: 'propose-bar' });
    const outlook = h('div', { class: 'forecast', id: 'forecast-mine' });
    el.replaceChildren(
      h('h2', { id: 'proposal-h', text: tr('table.proposal') }),
      h('div', { class: 'issues' }, ...fieldsets),
      outlook,
      bar,
    );
    this.renderProposalButton(view);
  }

  private renderProposalButton(view: PlayerView): void {
    const bar = this.sections.proposal.querySelector('.propose-bar');
    const outlook = this.sections.proposal.querySelector('.forecast');
    if (!bar || !outlook) return;
    outlook.replaceChildren(...this.forecastLines(view, forecast(view, this.selection), true));
    const move: MoveInput = { id: this.moveIdOfKind(view, 'propose') ?? 'propose', deal: { ...this.selection } };
    const why = app.bridge.whyIllegal(move);
    const shared = this.blocked(view);
    const reason = why && why.key !== shared?.key ? h('p', { class: 'why', id: 'why-propose', text: msg(why) }) : null;
    bar.replaceChildren(
      button(tr('table.propose'), () => this.propose(), {
        key: 'p',
        cls: 'btn btn-primary',
        focus: 'propose',
        disabledReason: why ? 'x' : undefined,
        describedBy: reason ? 'why-propose' : 'forecast-mine',
      }),
    );
    if (reason) bar.append(reason);
  }

  /** What a package would do for the player: the score against the win threshold, home ratification, each objective. */
  private forecastLines(view: PlayerView, f: Forecast, detailed: boolean): HTMLElement[] {
    const body = view.me.ratification?.body;
    const lines: HTMLElement[] = [
      h(
        'p',
        { class: `fc-score ${f.wins ? 'good' : 'bad'}` },
        tr('forecast.score', { score: f.score, now: f.now }),
        ' ',
        h('strong', {
          text: f.wins ? tr('forecast.wins', { need: view.level.win_at }) : tr('forecast.short', { need: view.level.win_at }),
        }),
      ),
    ];
    if (f.ratifies !== null && body)
      lines.push(
        h('p', {
          class: `fc-home ${f.ratifies ? 'good' : 'bad'}`,
          text: f.ratifies
            ? tr('forecast.ratifies', { body: lt(body) })
            : msg(f.blocker ?? { key: 'ui.forecast.home_value', params: { body } }),
        }),
      );
    if (detailed) {
      lines.push(
        h(
          'ul',
          { class: 'fc-objectives' },
          ...view.me.objectives.map((o, i) => {
            // Coloured as its words say.
            const change = objectiveChange(f.objectives[i], app.locale);
            return h(
              'li',
              { class: change.trend === 'up' ? 'good' : change.trend === 'down' ? 'bad' : '' },
              h('span', { text: objectiveText(view, o) }),
              ' ',
              h('span', { class: 'fc-change', text: change.text }),
            );
          }),
        ),
      );
    } else {
      const met = f.objectives.filter((o) => o.after >= 1).length;
      lines.push(h('p', { class: 'small', text: tr('forecast.met', { count: met, total: f.objectives.length }) }));
    }
    return lines;
  }

  private moveIdOfKind(view: PlayerView, kind: string): string | undefined {
    return view.moves.find((m) => m.kind === kind)?.id;
  }

  /** A reason that blocks every move (the round is resolving, the move is already chosen), said once. */
  private blocked(view: PlayerView): ReturnType<typeof app.bridge.whyIllegal> {
    return view.phase !== 'choosing' || view.chosen ? app.bridge.whyIllegal({ id: this.moveIdOfKind(view, 'pass') ?? 'pass' }) : null;
  }

  private renderOnTable(view: PlayerView): void {
    const el = this.sections.ontable;
    const shared = this.blocked(view);
    const colour = (r: string) => css(roleColour(view.actors, r));
    const items = offers(view).map((offer, k) => {
      const acceptId = this.moveIdOfKind(view, 'accept');
      const rejectId = this.moveIdOfKind(view, 'reject');
      const to = answerTo(view, offer);
      const controls: HTMLElement[] = [];
      if (to && this.atTable(view)) {
        for (const [id, label, kind] of [
          [acceptId, tr('table.accept'), 'accept'],
          [rejectId, tr('table.reject'), 'reject'],
        ] as const) {
          if (!id) continue;
          const move = { id, to };
          const why = app.bridge.whyIllegal(move);
          const whyId = `why-${id}-${to}`;
          const said = why && why.key !== shared?.key;
          const run = () => (kind === 'accept' ? this.accept(to) : this.sendMove(move));
          controls.push(
            button(`${label} (${actorName(view, to)})`, run, {
              focus: `${id}-${to}`,
              cls: `btn ${kind}`,
              disabledReason: why ? 'x' : undefined,
              describedBy: said ? whyId : `fc-${k}`,
            }),
          );
          if (said) controls.push(h('span', { class: 'why', id: whyId, text: msg(why) }));
        }
      }
      const by = offer.by.map((r) => (r === view.role ? tr('table.you_tag') : actorName(view, r)));
      return h(
        'li',
        { class: 'proposal-card', style: `--actor:${colour(offer.by[0])}`, 'data-by': offer.by.join(' ') },
        h('p', {
          class: 'by',
          text:
            offer.by.length > 1
              ? tr('table.proposed_jointly', { actors: by.join(tr('table.and')), round: offer.round })
              : offer.by[0] === view.role
                ? tr('table.proposed_by_you', { round: offer.round })
                : tr('table.proposed_by', { actor: by[0], round: offer.round }),
        }),
        h(
          'ul',
          {},
          ...view.issues.map((issue) =>
            h('li', { text: tr('deal_line', { issue: lt(issue.title), option: optionLabel(view, issue.id, offer.deal[issue.id]) }) }),
          ),
        ),
        h('div', { class: 'forecast', id: `fc-${k}` }, ...this.forecastLines(view, forecast(view, offer.deal), false)),
        h('p', { class: 'small', text: tr('table.accepted_by', { actors: offer.accepted.map((r) => actorName(view, r)).join(', ') }) }),
        h('div', { class: 'row' }, ...controls),
      );
    });
    el.replaceChildren(
      h('h2', { id: 'ontable-h', text: tr('table.on_table') }),
      items.length ? h('ul', { class: 'proposals' }, ...items) : h('p', { class: 'small', text: tr('table.nothing') }),
    );
  }

  private moveLabel(id: string, kind: string, label: PlayerView['moves'][number]['label']): string {
    if (label) return lt(label);
    if (hasKey(`move.${id}`, app.locale)) return msg({ key: `move.${id}` });
    return msg({ key: `move.${kind}` });
  }

  private variantLabel(view: PlayerView, m: MoveInput): string {
    const parts: string[] = [];
    if (m.principle) parts.push(`“${lt(view.principles[m.principle]?.statement)}”`);
    if (m.ally)
      parts.push(`${capitalize(lt(view.allies[m.ally]?.name))} (${tr('table.ally_cost', { cost: view.allies[m.ally]?.cost ?? 0 })})`);
    if (m.issue) parts.push(lt(view.issues.find((i) => i.id === m.issue)?.title));
    if (m.issues) parts.push(m.issues.map((x) => lt(view.issues.find((i) => i.id === x)?.title)).join(' + '));
    if (m.to) parts.push(`→ ${actorName(view, m.to)}`);
    return parts.join(' ') || tr('table.go');
  }

  private renderMoves(view: PlayerView): void {
    const el = this.sections.moves;
    const legal = app.bridge.legalMoves();
    const shared = this.blocked(view);
    const items = view.moves
      .filter((d) => !TABLE_KINDS.has(d.kind))
      .map((d) => {
        const variants = legal.filter((m) => m.id === d.id);
        const illegal = variants.length ? null : app.bridge.whyIllegal({ id: d.id });
        const why = illegal && illegal.key !== shared?.key ? illegal : null;
        const whyId = `why-move-${d.id}`;
        const label = this.moveLabel(d.id, d.kind, d.label);
        const cost = tr('table.cost', { cost: d.cost });
        const act = () => {
          if (variants.length === 1 && Object.keys(variants[0]).length === 1) this.sendMove(variants[0]);
          else {
            this.openMove = this.openMove === d.id ? null : d.id;
            cue('select');
            this.render(app.bridge.view());
            this.root.querySelector<HTMLElement>(`.variants[data-move="${d.id}"] button`)?.focus();
          }
        };
        const about = lt(d.describe) || tr(`movehelp.${d.kind}`);
        const b = button(`${label} · ${cost}`, act, {
          focus: `move-${d.id}`,
          cls: 'btn move',
          disabledReason: illegal ? 'x' : undefined,
          describedBy: why ? `${whyId} desc-${d.id}` : `desc-${d.id}`,
          key: d.kind === 'pass' ? 'w' : undefined,
        });
        const showHelp = () => {
          const box = el.querySelector('.move-help');
          if (box) box.textContent = tr('labelled', { label, text: about });
        };
        b.addEventListener('focus', showHelp);
        b.addEventListener('mouseenter', showHelp);
        if (this.openMove === d.id && !illegal) b.setAttribute('aria-expanded', 'true');
        const variantList =
          this.openMove === d.id && variants.length
            ? h(
                'ul',
                { class: 'variants', 'data-move': d.id, 'aria-label': label },
                ...variants.map((m, i) =>
                  h(
                    'li',
                    {},
                    button(this.variantLabel(view, m), () => this.sendMove(m), { focus: `variant-${d.id}-${i}`, cls: 'btn variant' }),
                  ),
                ),
              )
            : null;
        return h(
          'li',
          {},
          b,
          why ? h('span', { class: 'why', id: whyId, text: msg(why) }) : null,
          h('span', { class: 'sr-only', id: `desc-${d.id}`, text: about }),
          variantList,
        );
      });
    el.replaceChildren(
      h('h2', { id: 'moves-h', text: view.chosen ? tr('table.waiting') : tr('table.moves') }),
      shared && !view.chosen ? h('p', { class: 'why', text: msg(shared) }) : '',
      h('ul', { class: 'move-list' }, ...items),
      app.settings.hints ? h('p', { class: 'move-help small', 'aria-hidden': 'true', text: tr('table.move_help') }) : '',
    );
  }

  private entryItem(view: PlayerView, e: LogEntry): HTMLElement {
    const line = entryLines(view, e);
    const news = e.type === 'event';
    const voice = this.voiceText(view, e);
    return h(
      'li',
      { class: `entry ${news ? 'news-card' : ''} entry-${e.type}` },
      news
        ? h('span', { class: 'news-label', text: tr('table.news') })
        : h('span', { class: 'who', text: e.actor ? this.speaker(view, e.actor) : tr('table.table_word') }),
      h('span', { class: 'what', text: line.text }),
      voice ? h('span', { class: 'voice', text: voice }) : null,
      line.reason ? h('span', { class: 'reason', text: `— ${line.reason}` }) : null,
      line.mechanic ? h('span', { class: 'mech', text: tr('table.mechanic', { mechanic: line.mechanic }) }) : null,
      line.changes ? h('span', { class: 'changes', text: line.changes }) : null,
    );
  }

  /** A side as the feed names it: its name and its negotiator's office. */
  private speaker(view: PlayerView, role: string): string {
    return tr('table.speaker', { actor: actorName(view, role), title: this.office(view, role) });
  }

  /** What the negotiator says, in words: the line for its move and mood, and the public position it cites. */
  private voiceText(view: PlayerView, e: LogEntry): string {
    const voice = voiceOf(view, e);
    if (!voice) return '';
    return tr('voice.quote', { words: [msg(voice.line), lt(voice.position)].filter(Boolean).join(' ') });
  }

  private renderLatest(view: PlayerView): void {
    const el = this.sections.latest;
    const entries = this.lastRound.filter((e) => e.actor !== view.role || e.type !== 'move');
    el.replaceChildren(
      entries.length
        ? h('ul', { class: 'feed' }, ...entries.map((e) => this.entryItem(view, e)))
        : h('p', { class: 'small', text: tr('table.no_news') }),
    );
  }

  private renderLog(view: PlayerView): void {
    const el = this.sections.log;
    const rounds = [...new Set(view.log.map((e) => e.round))].reverse();
    el.replaceChildren(
      h(
        'details',
        {},
        h('summary', { text: tr('table.log', { count: view.log.length }) }),
        ...rounds.map((r) =>
          h(
            'div',
            {},
            h('h3', { text: tr('table.round_short', { round: r }) }),
            h('ul', { class: 'feed' }, ...view.log.filter((e) => e.round === r).map((e) => this.entryItem(view, e))),
          ),
        ),
      ),
    );
  }

  private closeChoice(): void {
    if (this.openMove) {
      const id = this.openMove;
      this.openMove = null;
      this.render(app.bridge.view());
      this.root.querySelector<HTMLElement>(`[data-focus="move-${id}"]`)?.focus();
    }
  }

  private propose(): void {
    const view = app.bridge.view();
    if (!this.atTable(view)) return;
    this.sendMove({ id: this.moveIdOfKind(view, 'propose') ?? 'propose', deal: { ...this.selection } });
  }

  /** `A`: accept the one package waiting for an answer; with several, ask which (focus goes to their Accept buttons). */
  private acceptKey(): void {
    const view = app.bridge.view();
    const waiting = answerable(view);
    if (waiting.length === 1) {
      const to = answerTo(view, waiting[0]);
      if (to) this.accept(to);
      return;
    }
    if (waiting.length === 0) {
      announce(tr('table.nothing_to_accept'));
      return;
    }
    this.root.querySelector<HTMLElement>('.proposals .btn.accept')?.focus();
    announce(tr('table.which_package', { count: waiting.length }));
  }

  /** Accept another seat's package; if the player's own different package stands, warn first which one would be agreed. */
  private async accept(to: string): Promise<void> {
    const view = app.bridge.view();
    const id = this.moveIdOfKind(view, 'accept');
    if (!id) return;
    const crossed = crossedAcceptance(view, to);
    if (crossed) {
      const ok = await ask(
        'confirm-accept',
        tr('table.crossed_title'),
        tr('table.crossed_text', {
          actor: actorText(view, to),
          first: crossed.first === view.role ? tr('table.crossed_yours') : tr('table.crossed_theirs', { actor: actorText(view, to) }),
        }),
        tr('table.crossed_yes', { actor: actorText(view, to) }),
        tr('table.crossed_no'),
      );
      if (!ok) return;
    }
    this.sendMove({ id, to });
  }

  private insteadText(view: PlayerView): string {
    const instead = this.agreedInstead;
    if (!instead) return '';
    const agreed =
      instead.agreed === view.role ? tr('table.crossed_yours') : tr('table.crossed_theirs', { actor: actorText(view, instead.agreed) });
    return tr('table.instead', { actor: actorText(view, instead.accepted), agreed });
  }

  /** The guided first level: one step at a time, each done by doing it; Next where there is nothing to do, Skip always. */
  private renderCoach(): void {
    const el = this.sections.coach;
    const step = app.tutorial === null ? undefined : TUTORIAL[app.tutorial];
    el.hidden = !step;
    this.root.dataset.coach = step?.id ?? '';
    if (!step || app.tutorial === null) {
      el.replaceChildren();
      return;
    }
    const last = app.tutorial === TUTORIAL.length - 1;
    const next =
      step.until === 'next'
        ? button(last ? tr('tutorial.finish') : tr('tutorial.next'), () => this.tutor('next'), {
            cls: 'btn btn-primary',
            focus: 'coach-next',
          })
        : null;
    el.replaceChildren(
      h('h2', { id: 'coach-h', tabindex: '-1', text: tr('tutorial.heading', { step: app.tutorial + 1, total: TUTORIAL.length }) }),
      h('p', { id: 'coach-text', text: tr(`tutorial.${step.id}`) }),
      h(
        'div',
        { class: 'row' },
        next,
        button(tr('tutorial.skip'), () => this.endTutorial(), { cls: 'btn', focus: 'coach-skip' }),
      ),
    );
  }

  private tutor(event: TutorialEvent): void {
    if (app.tutorial === null) return;
    const next = advance(app.tutorial, event);
    if (next === app.tutorial) return;
    app.tutorial = next;
    this.renderCoach();
    const step = next === null ? undefined : TUTORIAL[next];
    announce(step ? tr(`tutorial.${step.id}`) : tr('tutorial.done'));
    this.sections.coach.scrollIntoView({ block: 'nearest' });
    // After Next, focus goes to the new step (its Next button, or its text), or back to the game when the tour ends.
    if (event === 'next') this.root.querySelector<HTMLElement>(step ? '[data-focus="coach-next"], #coach-h' : '#latest-h')?.focus();
  }

  private endTutorial(): void {
    app.tutorial = null;
    this.renderCoach();
    announce(tr('tutorial.skipped'));
    this.root.querySelector<HTMLElement>('[data-focus="propose"], .moves button')?.focus();
  }

  /** `Q`: leaving the table is asked, never done by a stray key. */
  private async leave(): Promise<void> {
    if (await ask('confirm-leave', tr('table.leave_title'), tr('table.leave_text'), tr('table.leave_yes'), tr('table.leave_no')))
      this.go('Title');
  }

  private sendMove(move: MoveInput): void {
    // Close any choice list first: the renders the move triggers must not bring it back.
    this.openMove = null;
    const r = app.bridge.send(move);
    if (!r.ok) {
      announce(msg(r.errors[0]));
      this.render(app.bridge.view());
      return;
    }
    const kind = app.bridge.view().moves.find((m) => m.id === move.id)?.kind ?? '';
    if (TABLE_KINDS.has(kind) && move.deal) cue('tabled');
    this.tutor(kind === 'propose' ? 'propose' : TABLE_KINDS.has(kind) ? 'answer' : 'move');
    // When the control that had focus is gone (a choice list closed), land on what just happened.
    if (!document.activeElement || document.activeElement === document.body) {
      const heading = this.root.querySelector<HTMLElement>('#latest-h');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
  }
}
