/**
 * The border view in a real browser, against the engine: each crossing's label gives the wait and the
 * line the engine's border_wait implies, exactly as many vehicles are drawn as the label says, the
 * line moves slower when the wait is longer, the legend uses the drawn colours, and the level's places
 * are on the map.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, key, launch, openLevelOneAs, openPage, sceneIs, shot, state } from './browser';

interface Drawn {
  model: {
    hours: number;
    barriers: number;
    crossings: { wait: number; vehicles: number; trucks: number; cars: number; secondsPerVehicle: number }[];
  };
  vehicles: number[];
}

let browser: Browser;
beforeAll(async () => {
  // WebGL, as most players' browsers draw the game.
  browser = await launch({ webgl: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('the border view', () => {
  it('matches the engine: waits, vehicles drawn and labelled, speed, legend and places', async () => {
    const { page, errors } = await openPage(browser);
    await openLevelOneAs(page, 'washington');
    const engine = await state(page);
    await key(page, 'v');
    await sceneIs(page, 'Border');
    await shot(page, 'border-level1');
    const drawn = (await page.evaluate(() =>
      (window as unknown as { __borderlines: { border(): unknown } }).__borderlines.border(),
    )) as Drawn;
    expect(drawn.model.hours).toBe(engine?.indicators.border_wait);
    const labels = await page
      .locator('.crossing')
      .evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', vehicles: Number((e as HTMLElement).dataset.vehicles) })));
    expect(labels).toHaveLength(4);
    labels.forEach((l, i) => {
      const c = drawn.model.crossings[i];
      expect(drawn.vehicles[i]).toBe(c.vehicles);
      expect(l.vehicles).toBe(c.vehicles);
      expect(l.text).toContain(`Wait about ${c.wait} h`);
      const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      expect(l.text).toContain(`${n(c.vehicles, 'vehicle')} in line: ${n(c.trucks, 'truck')}, ${n(c.cars, 'car')}`);
    });
    // The busiest crossing waits longest and its line moves slowest.
    const busiest = drawn.model.crossings.reduce((a, b) => (b.wait > a.wait ? b : a));
    expect(Math.max(...drawn.model.crossings.map((c) => c.secondsPerVehicle))).toBe(busiest.secondsPerVehicle);
    const swatches = await page.locator('.legend .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches).toEqual(['rgb(230, 159, 0)', 'rgb(86, 180, 233)', 'rgb(213, 94, 0)', 'rgb(31, 36, 48)']);
    expect(await page.locator('.place').allTextContents()).toEqual(['Capital: Ottawa', 'Capital: Quebec City', 'Capital: Washington']);
    expect(await page.textContent('.sides')).toBe('Above the line: Canada · below: United States');
    expect(await axeProblems(page, 'border')).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 600_000);
});
