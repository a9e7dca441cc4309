import {
  app,
  continueLevel,
  exportSave,
  importSave,
  loadFailed,
  newCampaign,
  type SaveProblem,
  startMusic,
  startTutorial,
  tr,
} from '../app';
import { prepare } from '../scenario/registry';
import { SHARE_PARAM } from '../scenario/share';
import { drawMap, drawSeat } from '../art';
import { borderLine, lineY } from '../border/geometry';
import art from 'virtual:levels/title';
import { loadPlay, prepareScreen } from '../screens';
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
    startMusic();
    drawMap(this, 1, art?.border);
    const { width, height } = this.scale;
    const g = this.add.graphics();
    const line = borderLine(art?.border);
    for (const c of art?.border.crossings ?? []) {
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
    const spots: [number, number][] = [
      [0.82, 0.72],
      [0.78, 0.2],
      [0.9, 0.3],
    ];
    const actors = art?.actors ?? {};
    Object.entries(actors)
      .slice(0, spots.length)
      .forEach(([r, a], i) => {
        drawSeat(seats, a, width * spots[i][0], height * spots[i][1], 34, roleColour(actors, r));
      });
  }

  protected build(data: { imported?: boolean }): void {
    if (Title.scenarioLink()) {
      this.go('Scenarios', { link: true });
      return;
    }
    const notices: HTMLElement[] = [];
    if (app.problem) {
      notices.push(this.problemNotice(app.problem));
      app.problem = null;
    }
    if (data?.imported === true) notices.push(h('div', { class: 'notice', role: 'status' }, h('p', { text: tr('save_file.imported') })));
    if (data?.imported === false) notices.push(h('div', { class: 'notice', role: 'alert' }, h('p', { text: tr('save_file.not_a_save') })));
    const canContinue = app.store.current !== null;
    const items: [string, string, () => void, boolean][] = [
      [tr('title.continue'), 'c', () => this.continue(), canContinue],
      [tr('title.new_campaign'), 'n', () => this.confirmNew(), true],
      [tr('title.tutorial'), 'u', () => this.tutorial(), true],
      [tr('title.choose_level'), 'l', () => this.go('Campaign', { free: true }), true],
      [tr('title.campaign'), 't', () => this.go('Campaign', { free: false }), app.store.campaign.completed.length > 0],
      [tr('title.scenarios'), 'm', () => this.go('Scenarios'), true],
      [tr('help.open'), 'h', () => openHelp(), true],
      [tr('settings.open'), 'o', () => openSettings(), true],
    ];
    const shown = items.filter(([, , , on]) => on);
    const menu = h(
      'nav',
      { class: 'menu', 'aria-label': tr('title.menu') },
      ...shown.map(([label, key, run]) => button(label, run, { key, cls: 'btn btn-big', focus: `menu-${key}` })),
    );
    const keys = this.keys(shown.filter(([, k]) => k !== 'h' && k !== 'o').map(([label, key, run]) => ({ key, label, run })));
    this.root.append(
      h(
        'div',
        { class: 'title-card panel' },
        this.title('Borderlines', 'game-title'),
        h('p', { class: 'tagline', text: tr('title.tagline') }),
        ...notices,
        menu,
        this.saveFiles(),
        this.classroomEntry(),
        h('p', { class: 'small', text: tr('title.footer') }),
      ),
      keys,
    );
    // Once the title is usable, fetch the next screen's chunk and the levels while the player reads.
    window.setTimeout(() => prepareScreen(this.game, 'Campaign').catch(() => undefined), 500);
  }

  /**
   * Joining or running a class, offered only on a page the classroom server served (`npm start` marks it), not
   * from a static host: a student who typed the address the instructor showed, without the code, finds the way in.
   */
  private classroomEntry(): HTMLElement | null {
    if (!document.querySelector('meta[name="borderlines-classroom"]')) return null;
    return h(
      'div',
      { class: 'row class-entry' },
      button(tr('title.join_class'), () => Title.reopenWith('join'), { focus: 'join-class' }),
      button(tr('title.run_class'), () => Title.reopenWith('classroom'), { focus: 'run-class' }),
    );
  }

  /** The page again with one more parameter (the classroom's pages are chosen by the address), keeping the others. */
  private static reopenWith(param: string): void {
    const query = new URLSearchParams(location.search);
    query.set(param, '');
    location.assign(`?${query}`);
  }

  /** The guided first level: loads what play needs, then starts it at the briefing. */
  private tutorial(): void {
    loadPlay().then(
      () => {
        if (this.scene.isActive() && startTutorial()) this.go('Briefing');
      },
      (error) => loadFailed(error),
    );
  }

  /** The level in play may be a scenario from "My scenarios": it is read and checked again first. */
  private continue(): void {
    const current = app.store.current;
    loadPlay()
      .then(() => (current ? prepare(current.levelId) : undefined))
      .then(
        () => {
          if (!this.scene.isActive()) return;
          if (continueLevel()) this.go('Table');
          else this.scene.restart();
        },
        (error) => {
          loadFailed(error);
          this.scene.restart();
        },
      );
  }

  /** What happened to the save, why, and where it is kept, with the set-aside save offered as a file. */
  private problemNotice(p: SaveProblem): HTMLElement {
    const aside = p.aside;
    return h(
      'div',
      { class: 'notice save-problem', role: 'alert' },
      h('p', { text: tr(`save_problem.${p.kind}`, p.params) }),
      p.reason ? h('p', { class: 'reason', text: tr('save_problem.reason', { reason: p.reason }) }) : null,
      aside ? h('p', { text: aside.keptAs ? tr('save_problem.kept', { key: aside.keptAs }) : tr('save_problem.not_kept') }) : null,
      aside ? button(tr('save_problem.export'), () => exportSave(aside.text), { focus: 'export-aside' }) : null,
    );
  }

  /** Export the save as a file, or import one back. */
  private saveFiles(): HTMLElement {
    // Hidden: the button opens the browser's file picker through it.
    const input = h('input', {
      type: 'file',
      accept: '.json,application/json',
      id: 'import-file',
      hidden: true,
      'aria-label': tr('save_file.import'),
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void file.text().then((text) => this.scene.restart({ imported: importSave(text) }));
    });
    const hasSave = app.store.current !== null || app.store.campaign.completed.length > 0;
    return h(
      'div',
      { class: 'row save-files' },
      hasSave ? button(tr('save_file.export'), () => exportSave(JSON.stringify(app.store)), { focus: 'export-save' }) : null,
      button(tr('save_file.import'), () => input.click(), { focus: 'import-save' }),
      input,
    );
  }

  /** A page opened with a scenario link (`?scenario=<file>` or a share link) goes straight to opening it. */
  private static scenarioLink(): boolean {
    const { search, hash } = window.location;
    return new URLSearchParams(search).has(SHARE_PARAM) || new URLSearchParams(hash.replace(/^#/, '')).has(SHARE_PARAM);
  }

  private async confirmNew(): Promise<void> {
    const progress = app.store.current || app.store.campaign.completed.length;
    if (
      progress &&
      !(await ask('confirm-new', tr('title.confirm_title'), tr('title.confirm'), tr('title.confirm_yes'), tr('title.confirm_no')))
    )
      return;
    newCampaign();
    this.go('Campaign', { free: false });
  }
}
