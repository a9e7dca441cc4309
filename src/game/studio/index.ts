/**
 * The scenario studio: write or change a scenario with live checking (the errors of `levels:check`,
 * at their line, with the hint), read each seat's briefing as players will, play-test it at once from
 * any seat, run a quick balance check in a web worker, and export the file or a share link. This
 * module, the YAML parser and the schema load only when the studio is opened.
 */
import './studio.css';
import { createSession, type Level } from '../../engine';
import type { LevelError } from '../../levels/result';
import { app, lt, tr } from '../app';
import { checkScenario } from '../scenario/open';
import { register, scenarioKey } from '../scenario/registry';
import { shareLink } from '../scenario/share';
import { saveScenario } from '../scenario/store';
import { download } from '../scenario/download';
import { offerLink } from '../scenario/offer-link';
import { announce, button, h } from '../ui/dom';
import { objectiveText } from '../ui/format';
import type { BalanceCell, BalanceReply, BalanceRequest } from './balance.worker';
import template from './template.yaml?raw';

export interface StudioHost {
  root: HTMLElement;
  text?: string;
  file?: string;
  go: (scene: string, data?: object) => void;
  keys: (list: { key: string; label: string; run: () => void }[]) => HTMLElement;
  onShutdown: (fn: () => void) => void;
}

/** The shipped level files (the campaign and the example scenarios), each its own chunk, read only when chosen as a starting point. */
const campaignFiles = import.meta.glob(['/levels/*.yaml', '/levels/scenarios/*.yaml'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

const BALANCE_GAMES = 10;
const CHECK_DELAY_MS = 350;

export function mountStudio(host: StudioHost): void {
  let file = host.file ?? 'my-scenario.yaml';
  let level: Level | null = null;
  let timer = 0;
  let worker: Worker | null = null;

  const editor = h('textarea', {
    id: 'studio-text',
    class: 'studio-text',
    spellcheck: 'false',
    wrap: 'off',
    autocapitalize: 'off',
    'aria-describedby': 'studio-status',
    'data-focus': 'studio-text',
  });
  editor.value = host.text ?? template;
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  const status = h('p', { id: 'studio-status', class: 'studio-status', role: 'status' });
  const problems = h('ol', { class: 'studio-problems' });
  const preview = h('div', { class: 'studio-preview' });
  const balance = h('div', { class: 'studio-balance' });
  const share = h('p', { class: 'share-out' });
  const fileName = h('input', { type: 'text', id: 'studio-file', value: file, class: 'studio-file', 'data-focus': 'studio-file' });
  fileName.addEventListener('change', () => {
    file = fileName.value.trim().replace(/[^\w.\- ]/g, '') || 'my-scenario.yaml';
    if (!/\.ya?ml$/i.test(file)) file += '.yaml';
    fileName.value = file;
    check();
  });

  /** Line numbers beside the text, the lines with errors marked. */
  const renderGutter = (bad: Set<number>) => {
    const count = editor.value.split('\n').length;
    gutter.replaceChildren(
      ...Array.from({ length: count }, (_, i) => h('span', { class: bad.has(i + 1) ? 'bad' : '', text: String(i + 1) })),
    );
    gutter.scrollTop = editor.scrollTop;
  };
  editor.addEventListener('scroll', () => {
    gutter.scrollTop = editor.scrollTop;
  });

  const goToLine = (line: number, column = 1) => {
    const lines = editor.value.split('\n');
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
    editor.focus();
    editor.setSelectionRange(at, at);
    const lineHeight = Number.parseFloat(getComputedStyle(editor).lineHeight) || 18;
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const problemItem = (p: LevelError) =>
    h(
      'li',
      { class: `studio-problem ${p.severity}` },
      p.line
        ? button(tr('scenarios.at_line', { line: p.line, column: p.column ?? 1 }), () => goToLine(p.line ?? 1, p.column), {
            cls: 'btn btn-small',
            focus: `goto-${p.line}-${p.path}`,
          })
        : h('strong', { text: tr('scenarios.whole_file') }),
      p.path ? h('code', { text: ` ${p.path}` }) : null,
      h('p', { text: p.message }),
      p.hint ? h('p', { class: 'hint-line', text: tr('scenarios.hint', { hint: p.hint }) }) : null,
    );

  let lastStatus = '';
  function check(): void {
    const checked = checkScenario(editor.value, file);
    level = checked.level;
    const all = [...checked.errors, ...checked.warnings];
    renderGutter(new Set(checked.errors.map((e) => e.line ?? 0)));
    problems.replaceChildren(...(all.length ? all.map(problemItem) : [h('li', { class: 'small', text: tr('studio.none') })]));
    const said = checked.errors.length
      ? tr('studio.errors', { count: checked.errors.length })
      : checked.warnings.length
        ? tr('studio.warnings', { count: checked.warnings.length })
        : tr('studio.ok');
    status.textContent = said;
    status.className = `studio-status ${checked.errors.length ? 'bad' : 'good'}`;
    if (said !== lastStatus) announce(said);
    lastStatus = said;
    renderPreview();
    for (const b of host.root.querySelectorAll<HTMLElement>('[data-needs-level]'))
      b.setAttribute('aria-disabled', level ? 'false' : 'true');
  }

  editor.addEventListener('input', () => {
    window.clearTimeout(timer);
    renderGutter(new Set());
    timer = window.setTimeout(check, CHECK_DELAY_MS);
  });

  function renderPreview(): void {
    if (!level) {
      preview.replaceChildren(h('p', { class: 'small', text: tr('studio.preview_waits') }));
      return;
    }
    const session = createSession(level, { seed: 1 });
    const roles = Object.keys(level.actors).filter((r) => level?.objectives[r]);
    const first = session.playerView(roles[0]);
    preview.replaceChildren(
      h('h3', { text: lt(level.title) }),
      h('p', { class: 'date', text: `${level.date.from} – ${level.date.to} · ${tr('studio.rounds', { count: level.rounds })}` }),
      h('p', { text: lt(first.level.situation) }),
      ...roles.map((r) => {
        const view = session.playerView(r);
        return h(
          'details',
          { class: 'studio-brief' },
          h('summary', { text: tr('briefing.confidential', { role: lt(level?.actors[r].name) }) }),
          h('p', { text: lt(view.me.brief) || tr('studio.no_brief') }),
          h('h4', { text: tr('briefing.objectives') }),
          h('ul', {}, ...view.me.objectives.map((o) => h('li', { text: objectiveText(view, o) }))),
          view.me.fallback ? h('p', { class: 'small', text: `${tr('briefing.fallback')}: ${lt(view.me.fallback)}` }) : null,
        );
      }),
    );
    session.stop();
  }

  const keep = (): string | null => {
    if (!level) return null;
    const stored = saveScenario(file, level.title.en, editor.value);
    if (!stored) {
      announce(tr('scenarios.not_kept', { file }));
      return null;
    }
    register({ file, level, scenario: stored.id });
    return scenarioKey(stored.id);
  };

  const playTest = () => {
    check();
    const key = keep();
    if (key) host.go('Role', { levelId: key });
  };

  const exportFile = () => download(file, editor.value);

  const exportLink = async () =>
    offerLink(share, await shareLink(window.location.href, editor.value, file), 'studio-link', tr('studio.link'));

  const runBalance = () => {
    if (!level) return;
    worker?.terminate();
    worker = new Worker(new URL('./balance.worker.ts', import.meta.url), { type: 'module' });
    const rows = h('tbody');
    const progress = h('progress', { max: 1, value: 0, 'aria-label': tr('studio.balance_progress') });
    const actors = level.actors;
    balance.replaceChildren(
      h('p', { class: 'small', text: tr('studio.balance_about', { games: BALANCE_GAMES }) }),
      progress,
      h(
        'table',
        { class: 'deal-table balance-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['studio.seat', 'studio.strategy', 'studio.win_rate', 'studio.mean_score', 'studio.deals'].map((k) =>
              h('th', { scope: 'col', text: tr(k) }),
            ),
          ),
        ),
        rows,
      ),
    );
    worker.onmessage = (e: MessageEvent<BalanceReply>) => {
      const m = e.data;
      if (m.type === 'cell') {
        progress.value = m.done / m.total;
        rows.append(balanceRow(m.cell, lt(actors[m.cell.role]?.name) || m.cell.role));
      } else {
        if (m.type === 'error') balance.append(h('p', { class: 'notice', role: 'alert', text: m.message }));
        else announce(tr('studio.balance_done'));
        balance.dataset.done = 'true';
        worker?.terminate();
        worker = null;
      }
    };
    const request: BalanceRequest = { level, games: BALANCE_GAMES, ai: app.settings.difficulty };
    worker.postMessage(request);
  };

  const startFrom = h(
    'select',
    { id: 'studio-start', 'data-focus': 'studio-start' },
    h('option', { value: '', text: tr('studio.start_choose') }),
    h('option', { value: 'template', text: tr('studio.start_template') }),
    ...Object.keys(campaignFiles)
      .sort()
      .map((p) => h('option', { value: p, text: p.replace(/^\/levels\//, '') })),
  );
  startFrom.addEventListener('change', async () => {
    const choice = startFrom.value;
    if (!choice) return;
    editor.value = choice === 'template' ? template : await campaignFiles[choice]();
    file = choice === 'template' ? 'my-scenario.yaml' : `my-${choice.split('/').pop()}`;
    fileName.value = file;
    startFrom.value = '';
    check();
  });
  const picker = h('input', {
    type: 'file',
    id: 'studio-open',
    accept: '.yaml,.yml,.json',
    class: 'sr-only',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  picker.addEventListener('change', async () => {
    const f = picker.files?.[0];
    if (!f) return;
    editor.value = await f.text();
    file = f.name;
    fileName.value = file;
    picker.value = '';
    check();
  });

  const needsLevel = (b: HTMLElement) => {
    b.setAttribute('data-needs-level', '');
    return b;
  };
  const actions = h(
    'div',
    { class: 'row studio-actions' },
    needsLevel(
      button(tr('studio.play_test'), () => (level ? playTest() : goToFirstError()), {
        key: 'p',
        cls: 'btn btn-primary',
        focus: 'studio-play',
      }),
    ),
    button(tr('studio.export'), exportFile, { key: 'x', focus: 'studio-export' }),
    needsLevel(button(tr('studio.share'), () => void exportLink(), { key: 'l', focus: 'studio-share' })),
    needsLevel(button(tr('studio.balance'), runBalance, { key: 'k', focus: 'studio-balance' })),
  );
  const goToFirstError = () => {
    const first = problems.querySelector<HTMLButtonElement>('.error button');
    first?.click();
  };

  host.root.append(
    h(
      'div',
      { class: 'studio' },
      h(
        'header',
        { class: 'panel head studio-head' },
        h('h1', { tabindex: '-1', text: tr('studio.heading') }),
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'studio-start', text: tr('studio.start_from') }),
          startFrom,
          button(tr('studio.open_file'), () => picker.click(), { focus: 'studio-open-file' }),
          picker,
          h('label', { for: 'studio-file', text: tr('studio.file') }),
          fileName,
        ),
      ),
      h(
        'section',
        { class: 'panel studio-edit', 'aria-labelledby': 'studio-edit-h' },
        h('h2', { id: 'studio-edit-h' }, h('label', { for: 'studio-text', text: tr('studio.text') })),
        h('div', { class: 'editor' }, gutter, editor),
        status,
        actions,
        share,
      ),
      h(
        'section',
        { class: 'panel studio-side', 'aria-labelledby': 'studio-problems-h' },
        h('h2', { id: 'studio-problems-h', text: tr('studio.problems') }),
        problems,
        h('h2', { text: tr('studio.preview') }),
        preview,
        h('h2', { text: tr('studio.balance_heading') }),
        balance,
      ),
    ),
    host.keys([
      { key: 'p', label: tr('studio.play_test'), run: () => (level ? playTest() : goToFirstError()) },
      { key: 'x', label: tr('studio.export'), run: exportFile },
      { key: 'l', label: tr('studio.share'), run: () => void exportLink() },
      { key: 'k', label: tr('studio.balance'), run: runBalance },
      { key: 'b', label: tr('scenarios.back'), run: () => host.go('Scenarios') },
    ]),
  );
  host.onShutdown(() => {
    window.clearTimeout(timer);
    worker?.terminate();
  });
  check();
  const firstError = problems.querySelector<HTMLButtonElement>('.error button');
  if (firstError) firstError.click();
  else host.root.querySelector<HTMLElement>('h1')?.focus();
}

function balanceRow(c: BalanceCell, seat: string): HTMLElement {
  const pct = (x: number) => tr('studio.percent', { value: Math.round(x * 100) });
  return h(
    'tr',
    { 'data-role': c.role, 'data-strategy': c.strategy },
    h('th', { scope: 'row', text: seat }),
    h('td', { text: tr(`studio.strategy_${c.strategy}`) }),
    h('td', { text: pct(c.winRate) }),
    h('td', { text: String(c.meanScore) }),
    h('td', { text: pct(c.agreementRate) }),
  );
}
