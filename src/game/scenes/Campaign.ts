import { app, dateRange, isUnlocked, lt, num, tr } from '../app';

import { campaign, type LevelEntry, scenarios } from '../levels';
import { INK, OKABE_ITO } from '../palette';
import { button, h } from '../ui/dom';
import { View } from './View';

const FIRST = 2001;
const LAST = 2012;
const x0 = 90;
const x1 = 1190;

function yearFraction(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** The campaign timeline, 2001 to 2011: every level, which are unlocked, what carried over. */
export class Campaign extends View {
  private free = false;

  constructor() {
    super('Campaign');
  }

  protected heading(): string {
    return this.free ? tr('campaign.choose') : tr('campaign.heading');
  }

  init(data: { free?: boolean }): void {
    this.free = data?.free === true;
  }

  protected draw(): void {
    const g = this.add.graphics();
    const y = 120;
    g.lineStyle(4, INK, 1);
    g.lineBetween(x0, y, x1, y);
    for (let year = FIRST; year <= LAST; year++) {
      const x = x0 + ((year - FIRST) / (LAST - FIRST)) * (x1 - x0);
      g.lineBetween(x, y - 10, x, y + 10);
    }
    for (const entry of campaign) {
      const x = x0 + ((yearFraction(entry.level.date.from) - FIRST) / (LAST - FIRST)) * (x1 - x0);
      const done = app.store.campaign.completed.includes(entry.level.id);
      const open = this.free || isUnlocked(entry);
      g.fillStyle(done ? OKABE_ITO.green : open ? OKABE_ITO.orange : 0xbdb5a6, 1);
      g.fillCircle(x, y, 12);
      g.lineStyle(3, INK, 1);
      g.strokeCircle(x, y, 12);
      if (done) {
        g.lineStyle(3, 0xffffff, 1);
        g.lineBetween(x - 5, y, x - 1, y + 5);
        g.lineBetween(x - 1, y + 5, x + 6, y - 5);
      }
    }
  }

  protected build(): void {
    const years = h('ol', { class: 'years', 'aria-hidden': 'true' });
    for (let year = FIRST; year <= LAST; year++)
      years.append(h('li', { style: `left:${((year - FIRST) / (LAST - FIRST)) * 86 + 7}%`, text: String(year) }));
    const list = h('ol', { class: 'level-list' }, ...campaign.map((entry, i) => this.card(entry, i)));
    const carried = Object.entries(app.store.campaign.carried);
    const carriedBox =
      !this.free && carried.length
        ? h(
            'section',
            { class: 'panel carried', 'aria-labelledby': 'carried-h' },
            h('h2', { id: 'carried-h', text: tr('campaign.carried') }),
            h('p', { text: carried.map(([id, v]) => `${this.indicatorName(id)} ${num(v)}`).join(' · ') }),
          )
        : null;
    // Levels that stand alone are offered with the free choice only: they are not part of the campaign.
    const standalone =
      this.free && scenarios.length
        ? h(
            'section',
            { class: 'scenarios', 'aria-labelledby': 'scenarios-h' },
            h('h2', { id: 'scenarios-h', text: tr('campaign.scenarios') }),
            h('p', { text: tr('campaign.scenarios_intro') }),
            h('ol', { class: 'level-list' }, ...scenarios.map((entry, i) => this.card(entry, i))),
          )
        : null;
    this.root.append(
      years,
      h(
        'div',
        { class: 'campaign-body' },
        h(
          'header',
          { class: 'panel head' },
          this.title(this.heading()),
          h('p', { text: tr(this.free ? 'campaign.free_intro' : 'campaign.intro') }),
        ),
        carriedBox,
        list,
        standalone,
      ),
      this.keys([{ key: 'b', label: tr('nav.back'), run: () => this.go('Title') }]),
    );
  }

  private indicatorName(id: string): string {
    for (const e of campaign) if (e.level.indicators[id]) return lt(e.level.indicators[id].name);
    return id;
  }

  private card(entry: LevelEntry, index: number): HTMLElement {
    const open = this.free || isUnlocked(entry);
    const done = app.store.campaign.completed.includes(entry.level.id);
    const best = app.store.campaign.best[entry.level.id];
    const status = done ? tr('campaign.done', { score: best ?? 0 }) : open ? tr('campaign.open') : tr('campaign.locked');
    const play = button(
      tr('campaign.play', { title: lt(entry.level.title) }),
      () => this.go('Role', { levelId: entry.level.id, free: this.free }),
      {
        cls: 'btn btn-primary',
        focus: `play-${entry.level.id}`,
        disabledReason: open ? undefined : 'locked',
        describedBy: `status-${entry.level.id}`,
      },
    );
    return h(
      'li',
      { class: `level-card panel ${open ? '' : 'locked'}` },
      h('p', { class: 'date', text: `${index + 1}. ${dateRange(entry.level.date.from, entry.level.date.to)}` }),
      h('h2', { text: lt(entry.level.title) }),
      h('p', { class: 'status', id: `status-${entry.level.id}`, text: `${done ? '✔ ' : open ? '▶ ' : '⊘ '}${status}` }),
      play,
    );
  }
}
