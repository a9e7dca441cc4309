import type { PlayerView } from '../../engine';
import { app, lt, msg, tr } from '../app';
import { drawSeat } from '../art';
import { roleColour, INK, OKABE_ITO } from '../palette';
import { button, h } from '../ui/dom';
import { actorName, optionLabel } from '../ui/format';
import { View } from './View';

/** The deal goes home: each side's domestic level ratifies it or not, or the deadline passes. */
export class Ratification extends View {
  constructor() {
    super('Ratification');
  }

  protected heading(): string {
    return tr('ratify.heading');
  }

  private view(): PlayerView {
    return app.bridge.view();
  }

  protected draw(): void {
    const view = this.view();
    const results = view.ratification ?? [];
    const roles = Object.keys(view.actors);
    const g = this.add.graphics();
    roles.forEach((r, i) => {
      const x = ((i + 0.5) / roles.length) * 1280;
      const y = 500;
      // A house of parliament or congress: a pediment, columns, steps.
      g.fillStyle(0xffffff, 1);
      g.fillTriangle(x - 90, y - 60, x + 90, y - 60, x, y - 110);
      g.fillRect(x - 80, y - 60, 160, 90);
      g.lineStyle(3, INK, 1);
      g.strokeTriangle(x - 90, y - 60, x + 90, y - 60, x, y - 110);
      g.strokeRect(x - 80, y - 60, 160, 90);
      for (let c = 0; c < 5; c++) g.fillStyle(0xd9d0bf, 1).fillRect(x - 68 + c * 30, y - 50, 12, 72);
      drawSeat(g, view.actors[r], x, y - 140, 26, roleColour(view.actors, r));
      const res = results.find((x2) => x2.actor === r);
      if (res) {
        const ok = res.ratified;
        const mark = this.add.graphics({ x, y: y + 60 });
        mark.fillStyle(ok ? OKABE_ITO.green : OKABE_ITO.vermillion, 1);
        mark.fillCircle(0, 0, 24);
        mark.lineStyle(6, 0xffffff, 1);
        if (ok) {
          mark.lineBetween(-10, 0, -2, 9);
          mark.lineBetween(-2, 9, 12, -9);
        } else {
          mark.lineBetween(-9, -9, 9, 9);
          mark.lineBetween(9, -9, -9, 9);
        }
        mark.setScale(this.motion ? 0 : 1);
        this.animate({ targets: mark, scale: 1, duration: 400, delay: 300 + i * 350, ease: 'Back.easeOut' });
      }
    });
  }

  protected build(): void {
    const view = this.view();
    const o = view.outcome;
    const results = view.ratification ?? [];
    const items = results.map((r) =>
      h(
        'li',
        { class: `ratify ${r.ratified ? 'yes' : 'no'}` },
        h('strong', { text: `${r.ratified ? '✔' : '✘'} ${actorName(view, r.actor)}` }),
        ' ',
        // The home level that ratifies (Congress, Parliament...): revealed to everyone once the level is over.
        view.everyone?.[r.actor]?.ratification ? h('span', { text: `(${lt(view.everyone[r.actor].ratification?.body)}) ` }) : null,
        h('span', { text: r.ratified ? tr('ratify.yes') : tr('ratify.no') }),
        ' ',
        r.value !== undefined
          ? h('span', { class: 'small', text: tr('ratify.value', { value: r.value, threshold: r.threshold ?? '' }) })
          : null,
        r.failed?.length ? h('ul', {}, ...r.failed.map((f) => h('li', { text: msg(f) }))) : null,
      ),
    );
    const deal = o?.deal
      ? h(
          'ul',
          { class: 'deal' },
          ...Object.entries(o.deal).map(([i, opt]) =>
            h('li', {
              text: tr('deal_line', { issue: lt(view.issues.find((x) => x.id === i)?.title), option: optionLabel(view, i, opt) }),
            }),
          ),
        )
      : null;
    const summary = o ? msg({ key: `outcome.${o.kind}`, params: { round: o.round } }) : tr('ratify.pending');
    const next = () => this.go('Border', { from: 'Ratification' });
    this.root.append(
      h(
        'section',
        { class: 'panel ratify-panel', 'aria-labelledby': 'ratify-h1' },
        this.title(tr('ratify.heading')),
        h('p', { class: 'outcome', role: 'status', text: summary }),
        deal,
        o?.kind === 'no_deal' ? h('p', { text: tr('ratify.fallback', { deadline: lt(view.level.deadline) }) }) : null,
        items.length ? h('h2', { text: tr('ratify.home') }) : null,
        items.length ? h('ul', { class: 'ratify-list' }, ...items) : null,
        button(tr('ratify.next'), next, { key: 'n', cls: 'btn btn-primary', focus: 'next' }),
      ),
      this.keys([{ key: 'n', label: tr('ratify.next'), run: next }]),
    );
    this.root.querySelector('h1')?.setAttribute('id', 'ratify-h1');
  }
}
