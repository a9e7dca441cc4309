import type { PlayerView } from '../../engine';
import { app, lt, tr } from '../app';
import { drawEmblem, drawMap, drawVehicle } from '../art';
import { type BorderModel, borderModel } from '../border/model';
import { css, INK, OKABE_ITO } from '../palette';
import { h } from '../ui/dom';
import { View } from './View';

/** The colours of the border view, shared by the drawing and its legend. */
export const BORDER_COLOURS = { truck: OKABE_ITO.orange, car: OKABE_ITO.sky, barrier: OKABE_ITO.vermillion, place: INK } as const;

/** Room for the line of vehicles: from below the booth down to the crossing labels. */
const QUEUE_BOTTOM = 585;
const TRUCK_SLOT = 32;
const CAR_SLOT = 21;

/**
 * The border as the engine leaves it: the level's map, crossings and notable places; at each crossing
 * as many trucks and cars as its label says, moving up to the booth as fast as the wait allows, and
 * more barriers as the border thickens (border/model.ts computes all of it from the indicators).
 */
export class Border extends View {
  private from = 'Table';
  /** What was drawn, for the end-to-end tests to compare with the labels and the engine. */
  drawn: { model: BorderModel; vehicles: number[] } | null = null;

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
    const view = this.view();
    drawMap(this, 0.9, view.level.border);
    const model = borderModel(view);
    const { width, height } = this.scale;
    const vehicles = model.crossings.map((c) => this.drawCrossing(c.x * width, c.y * height, c, model.barriers));
    const g = this.add.graphics();
    for (const p of view.level.border?.places ?? []) {
      const x = p.x * width;
      const y = p.y * height;
      g.fillStyle(0xffffff, 1).fillCircle(x, y, 9);
      g.lineStyle(2, BORDER_COLOURS.place, 1).strokeCircle(x, y, 9);
      drawEmblem(
        g,
        p.kind === 'capital' ? 'star' : p.kind === 'port' ? 'wave' : p.kind === 'site' ? 'diamond' : 'circle',
        x,
        y,
        6,
        BORDER_COLOURS.place,
      );
    }
    this.drawn = { model, vehicles };
  }

  /** One crossing: the road, the booth and its barriers, the lines of trucks and cars. Returns the vehicles drawn. */
  private drawCrossing(x: number, y: number, c: BorderModel['crossings'][number], barriers: number): number {
    const g = this.add.graphics();
    g.fillStyle(0x6b6b6b, 1);
    g.fillRect(x - 22, y, 44, QUEUE_BOTTOM + 15 - y);
    g.fillRect(x - 22, y - 110, 44, 100);
    g.fillStyle(0xffffff, 0.8);
    for (let k = y + 10; k < QUEUE_BOTTOM; k += 20) g.fillRect(x - 1, k, 2, 10);
    g.fillStyle(INK, 1);
    g.fillRect(x - 30, y - 10, 60, 12);
    g.fillStyle(BORDER_COLOURS.barrier, 1);
    for (let b = 0; b < barriers; b++) g.fillRect(x - 28 + b * 12, y - 22, 8, 10);
    const room = Math.max(60, QUEUE_BOTTOM - (y + 24));
    const lane = (count: number, truck: boolean, dx: number): number => {
      if (count === 0) return 0;
      const slot = Math.min(truck ? TRUCK_SLOT : CAR_SLOT, room / count);
      const scale = slot / (truck ? TRUCK_SLOT : CAR_SLOT);
      const lg = this.add.graphics({ x: x + dx, y: y + 24 });
      for (let v = 0; v < count; v++) drawVehicle(lg, 0, v * slot, truck, truck ? BORDER_COLOURS.truck : BORDER_COLOURS.car, scale);
      // The line moves up by one vehicle every secondsPerVehicle; the booth takes the first one in.
      this.animate({ targets: lg, y: y + 24 - slot, duration: c.secondsPerVehicle * 1000, repeat: -1 });
      // And vehicles that have crossed drive on at the same pace.
      const away = this.add.graphics({ x: x + dx, y: y - 30 });
      drawVehicle(away, 0, 0, truck, truck ? BORDER_COLOURS.truck : BORDER_COLOURS.car, scale);
      this.animate({ targets: away, y: y - 100, duration: (70 / slot) * c.secondsPerVehicle * 1000, repeat: -1 });
      return count;
    };
    return lane(c.trucks, true, -10) + lane(c.cars, false, 10);
  }

  protected build(): void {
    const view = this.view();
    const model = borderModel(view);
    const border = view.level.border;
    const thick = view.indicators.find((i) => i.kind === 'thickness');
    const trade = view.indicators.find((i) => i.kind === 'trade_flow');
    const travel = view.indicators.find((i) => i.kind === 'travel');
    const rows = model.crossings.map((c, i) =>
      h(
        'li',
        {
          class: 'crossing',
          style: `left:${c.x * 100}%`,
          'data-vehicles': c.vehicles,
          'data-trucks': c.trucks,
          'data-cars': c.cars,
          'data-wait': c.wait,
          'data-seconds': c.secondsPerVehicle,
        },
        h('strong', { text: c.name ? lt(c.name) : tr('border.crossing', { n: i + 1 }) }),
        h('span', { text: tr('border.wait', { hours: c.wait }) }),
        h('span', {
          class: 'small',
          text: tr('border.queue', {
            count: c.vehicles,
            trucks: tr('border.trucks', { count: c.trucks }),
            cars: tr('border.cars', { count: c.cars }),
          }),
        }),
      ),
    );
    const places = (border?.places ?? []).map((p) =>
      h(
        'li',
        { class: `place place-${p.kind}${p.x > 0.75 ? ' place-left' : ''}`, style: `left:${p.x * 100}%;top:${p.y * 100}%` },
        h('span', { class: 'sr-only', text: `${tr(`border.place_${p.kind}`)}: ` }),
        lt(p.name),
      ),
    );
    const sides = [
      border?.north ? tr('border.north', { name: lt(border.north) }) : '',
      border?.south ? tr('border.south', { name: lt(border.south) }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const swatch = (colour: number, key: string, shape: string) =>
      h(
        'li',
        {},
        h('span', {
          class: `swatch swatch-${shape}`,
          style: `background:${css(colour)}`,
          'data-colour': css(colour),
          'aria-hidden': 'true',
        }),
        tr(key),
      );
    const legend = h(
      'ul',
      { class: 'legend panel', 'aria-label': tr('border.legend_label') },
      swatch(BORDER_COLOURS.truck, 'border.legend_truck', 'truck'),
      swatch(BORDER_COLOURS.car, 'border.legend_car', 'car'),
      swatch(BORDER_COLOURS.barrier, 'border.legend_barrier', 'barrier'),
      places.length ? swatch(BORDER_COLOURS.place, 'border.legend_place', 'place') : null,
    );
    const back = () => (this.from === 'Debrief' ? this.go('Debrief') : this.go(this.from));
    this.root.append(
      h(
        'header',
        { class: 'panel head border-head' },
        this.title(tr('border.heading')),
        sides ? h('p', { class: 'sides', text: sides }) : null,
        h('p', {
          text: [
            thick ? tr('border.thickness', { value: thick.value }) : '',
            trade ? tr('border.trade', { value: trade.value }) : '',
            travel ? tr('border.travel', { value: travel.value }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }),
        h('p', { class: 'small', text: tr('border.explain', { barriers: model.barriers }) }),
      ),
      h('ul', { class: 'places', 'aria-label': tr('border.places') }, ...places),
      h('ul', { class: 'crossings', 'aria-label': tr('border.crossings') }, ...rows),
      legend,
      this.keys([
        {
          key: 'b',
          label: this.from === 'Ratification' ? tr('border.to_debrief') : tr('nav.back'),
          run: () => (this.from === 'Ratification' ? this.go('Debrief') : back()),
        },
      ]),
    );
  }
}
