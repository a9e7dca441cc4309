import { app, continueLevel, newCampaign, tr } from '../app';
import { prepare } from '../scenario/registry';
import { SHARE_PARAM } from '../scenario/share';
import { drawMap, drawSeat } from '../art';
import { borderLine, lineY } from '../border/geometry';
import { campaign, levelProblems } from '../levels';
import { OKABE_ITO, roleColour } from '../palette';
import { button, h } from '../ui/dom';
import { ask, openHelp, openSettings } from '../ui/dialogs';
import { View } from './View';

/** The title: new campaign, continue, choose a level, how to play, settings. */
export class Title extends View {
  constructor() {
    super('Title');
  }

  protected heading(): string {
    return tr('title.heading');
  }

  /** The first campaign level's map, crossings and parties: the game's look comes from its levels. */
  protected draw(): void {
    app.audio?.startMusic();
    const level = campaign[0]?.level;
    drawMap(this, 1, level?.border);
    const { width, height } = this.scale;
    const g = this.add.graphics();
    const line = borderLine(level?.border);
    for (const c of level?.border.crossings ?? []) {
      const x = c.x * width;
      const y = lineY(line, c.x) * height;
      g.fillStyle(OKABE_ITO.orange, 1);
      g.fillCircle(x, y, 9);
      g.lineStyle(2, 0x1f2430, 1);
      g.strokeCircle(x, y, 9);
      const ring = this.add.circle(x, y, 12).setStrokeStyle(2, OKABE_ITO.orange, 1);
      this.animate({ targets: ring, scale: 2.4, alpha: 0, duration: 2200, repeat: -1, delay: x * 2 });
    }
    const seats = this.add.graphics();
    const spots: [number, number][] = [[0.82, 0.72], [0.78, 0.2], [0.9, 0.3]];
    const actors = level?.actors ?? {};
    Object.entries(actors)
      .slice(0, spots.length)
      .forEach(([r, a], i) => {
        drawSeat(seats, a, width * spots[i][0], height * spots[i][1], 34, roleColour(actors, r));
      });
  }

  protected build(): void {
    if (Title.scenarioLink()) {
      this.go('Scenarios', { link: true });
      return;
    }
    const notices: HTMLElement[] = [];
    if (app.problem) {
      notices.push(h('div', { class: 'notice', role: 'alert' }, h('p', { text: tr(`save_problem.${app.problem}`) })));
      app.problem = null;
    }
    if (levelProblems.length) notices.push(h('div', { class: 'notice', role: 'status' }, h('p', { text: tr('title.level_problems', { count: levelProblems.length }) })));
    const canContinue = app.store.current !== null;
    const items: [string, string, () => void, boolean][] = [
      [tr('title.continue'), 'c', () => void this.continue(), canContinue],
      [tr('title.new_campaign'), 'n', () => this.confirmNew(), true],
      [tr('title.choose_level'), 'l', () => this.go('Campaign', { free: true }), campaign.length > 0],
      [tr('title.campaign'), 't', () => this.go('Campaign', { free: false }), app.store.campaign.completed.length > 0],
      [tr('title.scenarios'), 'm', () => this.go('Scenarios'), true],
      [tr('help.open'), 'h', () => openHelp(), true],
      [tr('settings.open'), 'o', () => openSettings(), true],
    ];
    const shown = items.filter(([, , , on]) => on);
    const menu = h('nav', { class: 'menu', 'aria-label': tr('title.menu') }, ...shown.map(([label, key, run]) => button(label, run, { key, cls: 'btn btn-big', focus: `menu-${key}` })));
    const keys = this.keys(shown.filter(([, k]) => k !== 'h' && k !== 'o').map(([label, key, run]) => ({ key, label, run })));
    this.root.append(
      h('div', { class: 'title-card panel' }, this.title('Borderlines', 'game-title'), h('p', { class: 'tagline', text: tr('title.tagline') }), ...notices, menu, h('p', { class: 'small', text: tr('title.footer') })),
      keys,
    );
  }

  /** A page opened with a scenario link (`?scenario=<file>` or a share link) goes straight to opening it. */
  private static scenarioLink(): boolean {
    const { search, hash } = window.location;
    return new URLSearchParams(search).has(SHARE_PARAM) || new URLSearchParams(hash.replace(/^#/, '')).has(SHARE_PARAM);
  }

  /** The level in play may be a scenario from "My scenarios": it is read and checked again first. */
  private async continue(): Promise<void> {
    const current = app.store.current;
    if (current) await prepare(current.levelId);
    if (!this.scene.isActive()) return;
    if (continueLevel()) this.go('Table');
    else this.scene.restart();
  }

  private async confirmNew(): Promise<void> {
    const progress = app.store.current || app.store.campaign.completed.length;
    if (progress && !(await ask('confirm-new', tr('title.confirm_title'), tr('title.confirm'), tr('title.confirm_yes'), tr('title.confirm_no')))) return;
    newCampaign();
    this.go('Campaign', { free: false });
  }
}
