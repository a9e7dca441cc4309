import { tr } from '../app';
import { announce, h } from '../ui/dom';

/** Shows a share link in `into` as a selected, labelled field and copies it to the clipboard when allowed. */
export async function offerLink(into: HTMLElement, url: string, id: string, label: string): Promise<void> {
  const field = h('input', { type: 'text', readonly: true, value: url, class: 'share-field', id, 'aria-label': label });
  into.replaceChildren(h('label', { for: id, text: label }), field);
  field.select();
  try {
    await navigator.clipboard.writeText(url);
    announce(tr('scenarios.copied'));
  } catch {
    announce(tr('scenarios.copy_yourself'));
  }
}
