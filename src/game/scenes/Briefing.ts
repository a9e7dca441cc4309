import { app, dateRange, lt, tr } from '../app';
import { drawSeat } from '../art';
import { roleColour } from '../palette';
import { button, h } from '../ui/dom';
import { objectiveText } from '../ui/format';
import { sourcesList } from '../ui/sources';
import { View } from './View';

/** The briefing: the situation, the sources, the role's confidential brief and objectives. */
export class Briefing extends View {
  constructor() {
    super('Briefing');
  }

  protected heading(): string {
    return tr('briefing.heading');
  }

  protected draw(): void {
    const view = app.bridge.view();
    const role = view.role;
    const g = this.add.graphics();
    drawSeat(g, view.actors[role], 1180, 90, 44, roleColour(view.actors, role));
  }

  protected build(): void {
    const view = app.bridge.view();
    const me = view.actors[view.role];
    const toTable = () => {
      app.bridge.start();
      this.go('Table');
    };
    const objectives = h('ul', { class: 'objectives' }, ...view.me.objectives.map((o) => h('li', { text: objectiveText(view, o) })));
    const sources = h(
      'details',
      { class: 'sources' },
      h('summary', { text: tr('briefing.sources', { count: view.level.sources.length }) }),
      sourcesList(view.level, tr, lt),
    );
    const signals = Object.entries(view.actors)
      .filter(([r]) => r !== view.role)
      .flatMap(([, a]) => a.signals.map((sig) => h('li', { text: lt(sig) })));
    this.root.append(
      h(
        'div',
        { class: 'briefing-grid' },
        h(
          'article',
          { class: 'panel situation' },
          h('p', { class: 'date', text: dateRange(view.level.date.from, view.level.date.to) }),
          this.title(lt(view.level.title)),
          h('p', { text: lt(view.level.situation) }),
          h('p', {
            class: 'deadline',
            text: tr('briefing.deadline', { deadline: view.level.deadline, count: view.rounds, length: view.level.round_length ?? '' }),
          }),
          signals.length ? h('h3', { text: tr('briefing.signals') }) : null,
          signals.length ? h('ul', {}, ...signals) : null,
          sources,
        ),
        h(
          'aside',
          { class: 'panel confidential', 'aria-labelledby': 'brief-h' },
          app.tutorial !== null
            ? h('p', { class: 'hint', role: 'note', text: tr('tutorial.briefing', { score: view.level.win_at }) })
            : null,
          h('h2', { id: 'brief-h', text: tr('briefing.confidential', { role: me.name }) }),
          h('p', { text: lt(view.me.brief) }),
          h('h3', { text: tr('briefing.objectives') }),
          objectives,
          view.me.fallback ? h('h3', { text: tr('briefing.fallback') }) : null,
          view.me.fallback ? h('p', { text: lt(view.me.fallback) }) : null,
          button(tr('briefing.go'), toTable, { key: 'g', cls: 'btn btn-primary btn-big', focus: 'go' }),
        ),
      ),
      this.keys([
        { key: 'g', label: tr('briefing.go'), run: toTable },
        { key: 'b', label: tr('nav.title'), run: () => this.go('Title') },
      ]),
    );
  }
}
