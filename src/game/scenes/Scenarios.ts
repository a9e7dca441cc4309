import { lt, tr } from '../app';
import { drawMap } from '../art';
import type { LevelError } from '../../levels/result';
import { isScenario, prepare, register, scenarioKey } from '../scenario/registry';
import { decodeShare, SHARE_PARAM, shareLink } from '../scenario/share';
import { download } from '../scenario/download';
import { offerLink } from '../scenario/offer-link';
import { deleteScenario, listScenarios, saveScenario, type StoredScenario } from '../scenario/store';
import { announce, button, h } from '../ui/dom';
import { View } from './View';

/** A file larger than this is not read at all (the loader's own limit is lower still). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const LINK_PARAM = SHARE_PARAM;

/** A scenario that did not pass the checks, kept here so it can be fixed in the studio. */
export interface Pending {
  text: string;
  file: string;
}

/**
 * "My scenarios": open a scenario file (file picker, drag and drop, or a link), see its errors at
 * their lines, keep it in this browser, and play it from any seat. The checker (YAML and schema) is
 * loaded only when a file is opened.
 */
export class Scenarios extends View {
  private report!: HTMLElement;
  private list!: HTMLElement;
  private pending: Pending | null = null;
  private link = false;

  constructor() {
    super('Scenarios');
  }

  init(data: { link?: boolean; pending?: Pending }): void {
    this.link = data?.link === true;
    this.pending = data?.pending ?? null;
  }

  protected heading(): string {
    return tr('scenarios.heading');
  }

  protected draw(): void {
    drawMap(this, 0.35);
  }

  protected build(): void {
    const picker = h('input', {
      type: 'file',
      id: 'scenario-file',
      accept: '.yaml,.yml,.json,text/yaml,application/json',
      class: 'sr-only',
      tabindex: '-1',
      'aria-hidden': 'true',
    });
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      if (file) void this.openFile(file);
      picker.value = '';
    });
    const choose = () => picker.click();
    const drop = h(
      'div',
      { class: 'drop-zone', id: 'drop-zone' },
      h('p', { text: tr('scenarios.drop') }),
      h(
        'div',
        { class: 'row' },
        button(tr('scenarios.choose'), choose, { key: 'f', cls: 'btn btn-primary', focus: 'choose-file' }),
        button(tr('studio.open'), () => this.go('Studio'), { key: 's', focus: 'open-studio' }),
      ),
      picker,
    );
    this.report = h('div', { class: 'scenario-report', id: 'scenario-report' });
    this.list = h('ul', { class: 'scenario-list', 'aria-labelledby': 'kept-h' });
    this.root.append(
      h(
        'div',
        { class: 'scenarios-body' },
        h('header', { class: 'panel head' }, this.title(tr('scenarios.heading')), h('p', { text: tr('scenarios.intro') })),
        h(
          'section',
          { class: 'panel open-box', 'aria-labelledby': 'open-h' },
          h('h2', { id: 'open-h', text: tr('scenarios.open') }),
          drop,
          h('p', { class: 'small', text: tr('scenarios.link_help') }),
        ),
        this.report,
        h('section', { class: 'panel kept' }, h('h2', { id: 'kept-h', text: tr('scenarios.kept') }), this.list),
      ),
      this.keys([
        { key: 'f', label: tr('scenarios.choose'), run: choose },
        { key: 's', label: tr('studio.open'), run: () => this.go('Studio', this.pending ?? {}) },
        { key: 'b', label: tr('nav.title'), run: () => this.go('Title') },
      ]),
    );
    this.listenForDrops();
    this.renderList();
    if (this.pending) void this.openText(this.pending.text, this.pending.file);
    else if (this.link) void this.openLink();
  }

  /** Files dropped anywhere on the screen are opened; the drop zone shows where. */
  private listenForDrops(): void {
    const zone = this.root.querySelector('#drop-zone');
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      zone?.classList.add('over');
    };
    const leave = () => zone?.classList.remove('over');
    const dropped = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0];
      leave();
      if (!file) return;
      e.preventDefault();
      void this.openFile(file);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', dropped);
    this.onShutdown(() => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', dropped);
    });
  }

  private async openFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.say(tr('scenarios.too_big', { file: file.name }), true);
      return;
    }
    await this.openText(await file.text(), file.name);
  }

  /** `?scenario=<address>` (a file on this site) or `#scenario=...` (a share link carrying the file). */
  private async openLink(): Promise<void> {
    const url = new URL(window.location.href);
    const address = url.searchParams.get(LINK_PARAM);
    const shared = url.hash.includes(`${LINK_PARAM}=`) ? await decodeShare(url.hash) : null;
    url.searchParams.delete(LINK_PARAM);
    url.hash = '';
    window.history.replaceState(null, '', url.toString());
    if (shared) {
      if (shared.ok) await this.openText(shared.text, shared.file);
      else this.say(tr(`scenarios.link_${shared.reason}`), true);
      return;
    }
    if (!address) return;
    const target = new URL(address, window.location.href);
    const file = decodeURIComponent(target.pathname.split('/').pop() || 'scenario.yaml');
    if (target.origin !== window.location.origin) {
      this.say(tr('scenarios.link_elsewhere', { address: target.toString() }), true);
      return;
    }
    try {
      const r = await fetch(target);
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      // A static host answers a missing file with its own page: that is no scenario.
      if (r.headers.get('content-type')?.includes('text/html')) throw new Error(tr('scenarios.not_a_file'));
      await this.openText(await r.text(), file);
    } catch (e) {
      this.say(tr('scenarios.link_failed', { address: target.toString(), reason: (e as Error).message }), true);
    }
  }

  /** Check a scenario's text; keep it and offer to play it, or show each error at its line. */
  async openText(text: string, file: string): Promise<void> {
    this.say(tr('scenarios.checking', { file }), false);
    const { checkScenario } = await import('../scenario/open');
    if (!this.scene.isActive()) return;
    const checked = checkScenario(text, file);
    if (!checked.level) {
      this.pending = { text, file };
      this.showErrors(text, file, checked.errors);
      return;
    }
    this.pending = null;
    const stored = saveScenario(file, checked.level.title.en, text);
    if (!stored) {
      this.say(tr('scenarios.not_kept', { file }), true);
      return;
    }
    register({ file, level: checked.level, scenario: stored.id });
    this.renderList();
    const play = button(tr('scenarios.play_now', { title: lt(checked.level.title) }), () => this.play(stored), {
      cls: 'btn btn-primary',
      focus: 'play-now',
    });
    this.report.replaceChildren(
      h(
        'div',
        { class: 'panel opened', role: 'status' },
        h('h2', { text: tr('scenarios.opened', { title: lt(checked.level.title), file }) }),
        h('p', { text: tr('scenarios.kept_note') }),
        checked.warnings.length
          ? this.problemList(text, checked.warnings, tr('scenarios.warnings', { count: checked.warnings.length }))
          : null,
        play,
      ),
    );
    play.focus();
  }

  private say(message: string, alert: boolean): void {
    this.report.replaceChildren(
      h('div', { class: `panel ${alert ? 'notice' : ''}`, role: alert ? 'alert' : 'status' }, h('p', { text: message })),
    );
    announce(message);
  }

  private showErrors(text: string, file: string, errors: LevelError[]): void {
    const box = h(
      'div',
      { class: 'panel errors', role: 'alert', 'aria-labelledby': 'errors-h' },
      h('h2', { id: 'errors-h', text: tr('scenarios.errors', { file, count: errors.length }) }),
      this.problemList(text, errors),
      h('p', { class: 'small', text: tr('scenarios.errors_help') }),
      button(tr('studio.fix'), () => this.go('Studio', { text, file }), { cls: 'btn btn-primary', focus: 'fix-in-studio' }),
    );
    this.report.replaceChildren(box);
    (box.querySelector('h2') as HTMLElement).setAttribute('tabindex', '-1');
    (box.querySelector('h2') as HTMLElement).focus();
  }

  /** Each problem with where it is, what is wrong, the hint, and the lines around it numbered as in the file. */
  private problemList(text: string, problems: LevelError[], summary?: string): HTMLElement {
    const lines = text.split(/\r?\n/);
    const items = problems.map((p) => {
      const where = p.line ? tr('scenarios.at_line', { line: p.line, column: p.column ?? 1 }) : tr('scenarios.whole_file');
      return h(
        'li',
        { class: 'problem', 'data-line': p.line ?? '' },
        h('p', {}, h('strong', { text: where }), p.path ? ' · ' : '', p.path ? h('code', { text: p.path }) : null),
        h('p', { text: p.message }),
        p.hint ? h('p', { class: 'hint-line', text: tr('scenarios.hint', { hint: p.hint }) }) : null,
        p.line ? excerpt(lines, p.line) : null,
      );
    });
    const list = h('ol', { class: 'problems' }, ...items);
    return summary ? h('details', { class: 'warnings' }, h('summary', { text: summary }), list) : list;
  }

  private renderList(): void {
    const { items, setAside } = listScenarios();
    const cards = items.map((s) => this.card(s));
    this.list.replaceChildren(...(cards.length ? cards : [h('li', { class: 'empty', text: tr('scenarios.none') })]));
    if (setAside) this.list.before(h('p', { class: 'notice', role: 'alert', text: tr('scenarios.set_aside', { count: setAside }) }));
  }

  private card(s: StoredScenario): HTMLElement {
    const link = h('p', { class: 'share-out' });
    const confirmBox = h('div', { class: 'row' });
    const del = () => {
      const yes = button(
        tr('scenarios.delete_yes'),
        () => {
          deleteScenario(s.id);
          announce(tr('scenarios.deleted', { title: s.title }));
          this.renderList();
          this.root.querySelector<HTMLElement>('[data-focus="choose-file"]')?.focus();
        },
        { cls: 'btn', focus: `delete-yes-${s.id}` },
      );
      const no = button(tr('scenarios.delete_no'), () => confirmBox.replaceChildren(), { focus: `delete-no-${s.id}` });
      confirmBox.replaceChildren(h('p', { role: 'alert', text: tr('scenarios.delete_confirm', { title: s.title }) }), yes, no);
      no.focus();
    };
    const share = async () =>
      offerLink(
        link,
        await shareLink(window.location.href, s.text, s.file),
        `share-${s.id}`,
        tr('scenarios.share_label', { title: s.title }),
      );
    return h(
      'li',
      { class: 'scenario-card panel', 'data-id': s.id },
      h('h3', { text: s.title }),
      h('p', { class: 'small', text: tr('scenarios.card_meta', { file: s.file, date: s.saved.slice(0, 10) }) }),
      h(
        'div',
        { class: 'row' },
        button(tr('scenarios.play'), () => this.play(s), { cls: 'btn btn-primary', focus: `play-${s.id}` }),
        button(tr('studio.edit'), () => this.go('Studio', { text: s.text, file: s.file }), { focus: `edit-${s.id}` }),
        button(tr('scenarios.download'), () => download(s.file, s.text), { focus: `download-${s.id}` }),
        button(tr('scenarios.share'), () => void share(), { focus: `share-${s.id}` }),
        button(tr('scenarios.delete'), del, { focus: `delete-${s.id}` }),
      ),
      confirmBox,
      link,
    );
  }

  /** Play a stored scenario: checked again (the format may have moved on), then the seats. */
  private async play(s: StoredScenario): Promise<void> {
    const entry = await prepare(scenarioKey(s.id));
    if (!this.scene.isActive()) return;
    if (entry && isScenario(entry)) this.go('Role', { levelId: scenarioKey(s.id) });
    else await this.openText(s.text, s.file);
  }
}

/** The numbered lines around a problem, the problem's line marked; numbers are the file's own. */
function excerpt(lines: string[], line: number): HTMLElement {
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const rows = [];
  for (let n = first; n <= last; n++) {
    rows.push(
      h(
        'li',
        { class: n === line ? 'here' : '', 'aria-current': n === line ? 'true' : undefined },
        h('code', { text: lines[n - 1] || ' ' }),
      ),
    );
  }
  return h('ol', { class: 'source', start: first, 'aria-label': tr('scenarios.excerpt', { line }) }, ...rows);
}
