/** How to play (with the glossary of concepts and their sources) and the settings, as modal dialogs. */
import { DIFFICULTIES, type Difficulty } from '../../ai/difficulty';
import { app, applySettings, tr } from '../app';
import { motionReduced } from '../store';
import { h } from './dom';

export const MECHANICS = [
  'principle',
  'coalition',
  'two_level',
  'linkage',
  'sovereignty',
  'burden_sharing',
  'security_dilemma',
  'thickening',
  'pressure',
  'trust',
];

function dialog(id: string, title: string, ...body: HTMLElement[]): HTMLDialogElement {
  document.getElementById(id)?.remove();
  const close = h('button', { type: 'button', class: 'btn', 'data-focus': `${id}-close`, text: tr('dialog.close') });
  const d = h(
    'dialog',
    { id, class: 'dialog', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, text: title, tabindex: '-1', autofocus: true }),
    ...body,
    h('div', { class: 'row' }, close),
  );
  close.addEventListener('click', () => d.close());
  d.addEventListener('close', () => d.remove());
  document.getElementById('ui')?.append(d);
  d.showModal();
  return d;
}

/**
 * A modal question with two answers (a real dialog: the page behind is inert, Escape answers no).
 * Focus starts on the safe answer; resolves true only for yes.
 */
export function ask(id: string, title: string, text: string, yes: string, no: string): Promise<boolean> {
  return new Promise((resolve) => {
    document.getElementById(id)?.remove();
    let answer = false;
    const yesButton = h('button', { type: 'button', class: 'btn btn-primary', 'data-focus': `${id}-yes`, text: yes });
    const noButton = h('button', { type: 'button', class: 'btn', 'data-focus': `${id}-no`, text: no });
    const d = h(
      'dialog',
      { id, class: 'dialog ask', role: 'alertdialog', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
      h('h2', { id: `${id}-title`, text: title }),
      h('p', { id: `${id}-text`, text }),
      h('div', { class: 'row' }, yesButton, noButton),
    );
    yesButton.addEventListener('click', () => {
      answer = true;
      d.close();
    });
    noButton.addEventListener('click', () => d.close());
    d.addEventListener('close', () => {
      d.remove();
      resolve(answer);
    });
    document.getElementById('ui')?.append(d);
    d.showModal();
    noButton.focus();
  });
}

export function openHelp(): void {
  if (document.getElementById('help')) return;
  const steps = ['1', '2', '3', '4', '5'].map((n) => h('li', { text: tr(`help.step${n}`) }));
  const glossary = h(
    'dl',
    { class: 'glossary' },
    ...MECHANICS.flatMap((m) => [
      h('dt', { text: tr(`glossary.${m}.term`) }),
      h('dd', {}, h('span', { text: tr(`glossary.${m}.text`) }), ' ', h('cite', { text: tr(`cite.${m}`) })),
    ]),
  );
  dialog(
    'help',
    tr('help.title'),
    h('ol', { class: 'steps' }, ...steps),
    h('p', { text: tr('help.keys') }),
    h('h3', { text: tr('glossary.title') }),
    glossary,
  );
}

export function openSettings(): void {
  if (document.getElementById('settings')) return;
  const s = app.settings;
  const volume = h('input', { type: 'range', id: 'set-volume', min: 0, max: 100, step: 5, value: Math.round(s.volume * 100) });
  volume.addEventListener('input', () => {
    s.volume = Number(volume.value) / 100;
    applySettings();
  });
  const mute = h('input', { type: 'checkbox', id: 'set-mute', checked: s.muted });
  mute.addEventListener('change', () => {
    s.muted = mute.checked;
    applySettings();
  });
  const size = h(
    'select',
    { id: 'set-size' },
    ...[0.9, 1, 1.15, 1.3, 1.6, 2].map((v) =>
      h('option', { value: v, selected: v === s.textScale, text: tr(`settings.size_${String(v).replace('.', '_')}`) }),
    ),
  );
  size.addEventListener('change', () => {
    s.textScale = Number(size.value);
    applySettings();
  });
  const motion = h('input', { type: 'checkbox', id: 'set-motion', checked: motionReduced(s) });
  motion.addEventListener('change', () => {
    s.reducedMotion = motion.checked;
    applySettings();
  });
  const keys = h('input', { type: 'checkbox', id: 'set-keys', checked: s.shortcuts });
  keys.addEventListener('change', () => {
    s.shortcuts = keys.checked;
    applySettings();
  });
  const hints = h('input', { type: 'checkbox', id: 'set-hints', checked: s.hints });
  hints.addEventListener('change', () => {
    s.hints = hints.checked;
    applySettings();
  });
  const difficulty = h(
    'select',
    { id: 'set-difficulty' },
    ...DIFFICULTIES.map((v) => h('option', { value: v, selected: v === s.difficulty, text: tr(`settings.difficulty_${v}`) })),
  );
  difficulty.addEventListener('change', () => {
    s.difficulty = difficulty.value as Difficulty;
    applySettings();
  });
  dialog(
    'settings',
    tr('settings.title'),
    h('div', { class: 'field' }, h('label', { for: 'set-volume', text: tr('settings.volume') }), volume),
    h('div', { class: 'field' }, mute, h('label', { for: 'set-mute', text: tr('settings.mute') })),
    h('div', { class: 'field' }, h('label', { for: 'set-size', text: tr('settings.text_size') }), size),
    h('div', { class: 'field' }, motion, h('label', { for: 'set-motion', text: tr('settings.reduced_motion') })),
    h('div', { class: 'field' }, keys, h('label', { for: 'set-keys', text: tr('settings.shortcuts') })),
    h('div', { class: 'field' }, hints, h('label', { for: 'set-hints', text: tr('settings.hints') })),
    h('div', { class: 'field' }, h('label', { for: 'set-difficulty', text: tr('settings.difficulty') }), difficulty),
    h('p', { class: 'note', text: tr('settings.note') }),
  );
}
