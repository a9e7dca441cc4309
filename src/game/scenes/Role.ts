import { dateRange, lt, startLevel, tr } from '../app';
import { drawSeat } from '../art';
import { entryByKey, isScenario } from '../scenario/registry';
import { css, roleColour } from '../palette';
import { button, h } from '../ui/dom';
import { seatText } from '../ui/format';
import { View } from './View';

/** Choose a seat: each role with its identity (colour, emblem), its place at the table and what it wants. */
export class Role extends View {
  private levelId = '';
  private free = true;

  constructor() {
    super('Role');
  }

  init(data: { levelId?: string; free?: boolean }): void {
    this.levelId = data?.levelId ?? '';
    this.free = data?.free !== false;
  }

  protected heading(): string {
    return tr('role.heading');
  }

  private entry() {
    const e = entryByKey(this.levelId);
    if (!e) throw new Error(`unknown level ${this.levelId}`);
    return e;
  }

  protected draw(): void {
    const level = this.entry().level;
    const roles = Object.keys(level.actors).filter((r) => level.objectives[r]);
    const g = this.add.graphics();
    roles.forEach((r, i) => {
      const x = ((i + 0.5) / roles.length) * 1280;
      drawSeat(g, level.actors[r], x, 200, 52, roleColour(level.actors, r));
    });
  }

  protected build(): void {
    const entry = this.entry();
    const level = entry.level;
    const roles = Object.keys(level.actors).filter((r) => level.objectives[r]);
    const cards = roles.map((r, i) => {
      const a = level.actors[r];
      const seat = seatText(a);
      return h(
        'li',
        { class: 'role-card panel', style: `--actor:${css(roleColour(level.actors, r))}` },
        h('h2', { text: lt(a.name) }),
        h('p', { class: 'seat', text: seat }),
        h('h3', { text: tr('role.wants') }),
        h('ul', {}, ...(level.objectives[r] ?? []).map((o) => h('li', { text: lt(o.label) || o.indicator || o.issue || '' }))),
        button(
          tr('role.play_as', { role: a.name }),
          () => {
            startLevel(entry, r, { fresh: this.free });
            this.go('Briefing');
          },
          { key: String(i + 1), cls: 'btn btn-primary', focus: `role-${r}` },
        ),
      );
    });
    this.root.append(
      h(
        'header',
        { class: 'panel head' },
        this.title(tr('role.heading')),
        h('p', { text: `${lt(level.title)} · ${dateRange(level.date.from, level.date.to)}` }),
      ),
      h('ul', { class: 'role-list' }, ...cards),
      this.keys([
        ...roles.map((r, i) => ({
          key: String(i + 1),
          label: lt(level.actors[r].name),
          run: () => {
            startLevel(entry, r, { fresh: this.free });
            this.go('Briefing');
          },
        })),
        {
          key: 'b',
          label: tr('nav.back'),
          run: () => (isScenario(entry) ? this.go('Scenarios') : this.go('Campaign', { free: this.free })),
        },
      ]),
    );
  }
}
