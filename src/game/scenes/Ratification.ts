import type { PlayerView } from '../../engine';
import { capitalize } from '../../i18n/grammar';
import { app, lt, msg, tr } from '../app';
import { drawSeat } from '../art';
import { roleColour, INK, OKABE_ITO } from '../palette';
import { button, h } from '../ui/dom';
import { describeComparison } from '../../engine/conditions';
import type { Comparison } from '../../levels/schema';
import { actorText, indicatorName, optionLabel } from '../ui/format';
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
      // The home level by its own name, from the level (revealed now that the talks are over); a label, so
      // "the Bundestag", written for the middle of a sentence, starts with a capital here.
      const body = view.everyone?.[r]?.ratification?.body;
      this.add
        .text(x, y + 100, capitalize(lt(body) || lt(view.actors[r].name)), {
          fontFamily: '"Atkinson Hyperlegible", sans-serif',
          fontSize: '20px',
          fontStyle: 'bold',
          color: '#1f2430',
          align: 'center',
          wordWrap: { width: 260 },
        })
        .setOrigin(0.5, 0);
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
    // Each home level as itself (Congress, Parliament...), revealed once the level is over, with what it needed in words.
    const items = results.map((r) => {
      const rule = view.everyone?.[r.actor]?.ratification;
      const verdict = r.ratified ? tr('ratify.yes') : tr('ratify.no');
      const name = rule
        ? msg({ key: 'ui.ratify.body_of', params: { body: rule.body, actor: actorText(view, r.actor), verdict } })
        : msg({ key: 'ui.ratify.actor_verdict', params: { actor: actorText(view, r.actor), verdict } });
      const needs = [
        ...(r.threshold !== undefined
          ? [tr('ratify.needs_value', { actor: actorText(view, r.actor), threshold: r.threshold, value: r.value ?? 0 })]
          : []),
        ...(rule?.requires ?? []).flatMap((c) =>
          Object.entries(c)
            .filter(([id]) => view.indicators.some((i) => i.id === id))
            .map(([id, test]) =>
              tr('ratify.needs_indicator', { indicator: indicatorName(view, id), need: describeComparison(test as Comparison) }),
            ),
        ),
      ];
      return h(
        'li',
        { class: `ratify ${r.ratified ? 'yes' : 'no'}`, 'data-role': r.actor },
        h('strong', { text: `${r.ratified ? '✔' : '✘'} ${name}` }),
        needs.length
          ? h('p', { class: 'small needed', text: tr('ratify.needed', { needs: needs.join(tr('ratify.needs_separator')) }) })
          : null,
        r.failed?.length ? h('ul', {}, ...r.failed.map((f) => h('li', { text: msg(f) }))) : null,
      );
    });
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
