import * as Phaser from 'phaser';
import type { PlayerView } from '../../engine';
import { app, tr } from '../app';
import { borderY, drawMap, drawVehicle } from '../art';
import { INK, OKABE_ITO } from '../palette';
import { h } from '../ui/dom';
import { View } from './View';

/**
 * Crossings along the border. Queue lengths and wait times follow the level's border_wait and
 * thickness indicators: a display of the engine's numbers, not a rule of its own.
 */
const CROSSINGS = [
  { id: 'blaine', x: 140, share: 0.45, trucks: 0.4 },
  { id: 'windsor', x: 700, share: 1, trucks: 0.8 },
  { id: 'niagara', x: 905, share: 0.75, trucks: 0.6 },
  { id: 'lacolle', x: 1110, share: 0.6, trucks: 0.55 },
];

export function waitHours(view: PlayerView): number {
  const wait = view.indicators.find((i) => i.kind === 'border_wait');
  if (wait) return wait.value;
  const thick = view.indicators.find((i) => i.kind === 'thickness');
  return thick ? Math.round(((thick.value - thick.range[0]) / (thick.range[1] - thick.range[0] || 1)) * 12 * 10) / 10 : 1;
}

export class Border extends View {
  private from = 'Table';

  constructor() {
    super('Border');
  }

  init(data: { from?: string }): void {
    this.from = data?.from ?? 'Table';
  }

  protected heading(): string {
    return tr('border.heading');
  }

  private view(): PlayerView {
    return app.bridge.view();
  }

  protected draw(): void {
    drawMap(this, 0.9);
    const view = this.view();
    const hours = waitHours(view);
    const thick = view.indicators.find((i) => i.kind === 'thickness');
    const t = thick ? (thick.value - thick.range[0]) / (thick.range[1] - thick.range[0] || 1) : 0.5;
    const { height } = this.scale;
    for (const c of CROSSINGS) {
      const y = borderY(c.x, height);
      const g = this.add.graphics();
      // The lane leading north to the booth, and the booth itself on the line.
      g.fillStyle(0x6b6b6b, 1);
      g.fillRect(c.x - 22, y, 44, 300);
      g.fillStyle(0xffffff, 0.8);
      for (let k = 0; k < 14; k++) g.fillRect(c.x - 1, y + 10 + k * 20, 2, 10);
      g.fillStyle(0x6b6b6b, 1);
      g.fillRect(c.x - 22, y - 160, 44, 150);
      g.fillStyle(INK, 1);
      g.fillRect(c.x - 30, y - 10, 60, 12);
      // Barriers: more of them as the border thickens.
      const bars = Math.round(1 + t * 4);
      g.fillStyle(OKABE_ITO.vermillion, 1);
      for (let b = 0; b < bars; b++) g.fillRect(c.x - 28 + b * 12, y - 22, 8, 10);
      const vehicles = Math.max(1, Math.min(18, Math.round((hours * c.share) / 1.1)));
      const vg = this.add.graphics({ x: c.x, y: y + 24 });
      // Trucks queue in the left lane, cars in the right, each in its own line.
      let truckY = 0;
      let carY = 4;
      // The line is drawn down to the crossing's label; a longer one runs on out of sight.
      const room = Math.min(270, 590 - (y + 24));
      for (let v = 0; v < vehicles; v++) {
        const truck = (v * 7 + c.x) % 10 < c.trucks * 10;
        if ((truck ? truckY : carY) < room) drawVehicle(vg, truck ? -10 : 10, truck ? truckY : carY, truck, truck ? OKABE_ITO.orange : OKABE_ITO.sky);
        if (truck) truckY += 32;
        else carY += 21;
      }
      // The queue creeps forward: faster when the wait is short.
      this.animate({ targets: vg, y: y + 16, duration: 600 + hours * 160, yoyo: true, repeat: -1, ease: Phaser.Math.Easing.Sine.InOut });
    }
  }

  protected build(): void {
    const view = this.view();
    const hours = waitHours(view);
    const thick = view.indicators.find((i) => i.kind === 'thickness');
    const trade = view.indicators.find((i) => i.kind === 'trade_flow');
    const travel = view.indicators.find((i) => i.kind === 'travel');
    const rows = CROSSINGS.map((c) =>
      h(
        'li',
        { class: 'crossing', style: `left:${(c.x / 1280) * 100}%` },
        h('strong', { text: tr(`border.${c.id}`) }),
        h('span', { text: tr('border.wait', { hours: Math.round(hours * c.share * 10) / 10 }) }),
        h('span', { class: 'small', text: tr('border.queue', { count: Math.max(1, Math.min(18, Math.round((hours * c.share) / 1.1))) }) }),
      ),
    );
    const back = () => (this.from === 'Debrief' ? this.go('Debrief') : this.go(this.from));
    this.root.append(
      h(
        'header',
        { class: 'panel head border-head' },
        this.title(tr('border.heading')),
        h(
          'p',
          {
            text: [
              thick ? tr('border.thickness', { value: thick.value }) : '',
              trade ? tr('border.trade', { value: trade.value }) : '',
              travel ? tr('border.travel', { value: travel.value }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          },
        ),
        h('p', { class: 'small', text: tr('border.explain') }),
      ),
      h('ul', { class: 'crossings', 'aria-label': tr('border.crossings') }, ...rows),
      h('p', { class: 'legend panel', text: tr('border.legend') }),
      this.keys([{ key: 'b', label: this.from === 'Ratification' ? tr('border.to_debrief') : tr('nav.back'), run: () => (this.from === 'Ratification' ? this.go('Debrief') : back()) }]),
    );
  }
}
