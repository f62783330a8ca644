// The History dialog (documents in this browser, texts replaced earlier) and the question asked before a
// replace. In: autosaved documents, history entries, callbacks. Out: the dialogs of index.html, filled in.

import type { SavedDoc } from './autosave';
import { byId, h } from './dom';
import type { HistoryEntry } from './history';
import { getLang, t } from './i18n';

/** Asks before the unsaved edits of `file` are replaced by `other`; resolves true when the user agrees. */
export function confirmReplace(file: string, other: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm-dialog');
  byId('confirm-text').textContent = t('confirmReplace', { file, other });
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'replace'), { once: true }));
}

export interface HistoryHandlers {
  open(id: string): void;
  remove(d: SavedDoc): void;
  restore(e: HistoryEntry): void;
}

function when(ms: number): string {
  return ms > 0 ? new Date(ms).toLocaleString(getLang()) : '';
}

/** A row's description: file name, then `meta` and the size muted, then the text's first line. */
function describe(work: SavedDoc['work'], ...meta: string[]): HTMLElement {
  const first = work.text.split('\n', 1)[0]?.slice(0, 120) ?? '';
  return h(
    'span',
    { class: 'what' },
    work.fileName,
    ' ',
    h('span', { class: 'muted' }, [...meta, t('historyChars', { n: work.text.length })].filter((x) => x !== '').join(' · ')),
    h('span', { class: 'first' }, first),
  );
}

/** Fills the History dialog and shows it (if it is not open already). `current`: the document being edited. */
export function showHistoryDialog(docs: readonly SavedDoc[], entries: readonly HistoryEntry[], current: string, on: HistoryHandlers): void {
  const dialog = byId<HTMLDialogElement>('history-dialog');
  const empty = h('li', { class: 'muted' }, t('historyEmpty'));
  byId('history-docs').replaceChildren(
    ...(docs.length === 0 ? [empty] : []),
    ...docs.map((d) =>
      h(
        'li',
        { 'data-doc': d.id },
        describe(d.work, when(d.savedAt)),
        d.id === current
          ? h('span', { class: 'muted' }, t('historyCurrent'))
          : [
              h('button', { type: 'button', onclick: () => (dialog.close(), on.open(d.id)) }, t('historyOpen')),
              h('button', { type: 'button', 'data-remove': d.id, onclick: () => on.remove(d) }, t('historyRemove')),
            ],
      ),
    ),
  );
  byId('history-entries').replaceChildren(
    ...(entries.length === 0 ? [empty.cloneNode(true)] : []),
    ...entries.map((e) =>
      h(
        'li',
        { 'data-entry': e.id },
        describe(e.work, when(e.at), t(`reason_${e.reason}`)),
        h('button', { type: 'button', onclick: () => (dialog.close(), on.restore(e)) }, t('historyRestore')),
      ),
    ),
  );
  if (!dialog.open) dialog.showModal();
}
