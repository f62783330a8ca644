// Notices: messages that stay on the page until dismissed or resolved (a stopped analysis, a refused share
// link, a failed autosave). In: a notice id and its words (a catalogue key). Out: the #notices strip, redrawn
// in the current language on every change and by `renderNotices` after a language switch.

import { byId, h } from './dom';
import { t, type StringKey } from './i18n';

export interface Notice {
  readonly key: StringKey;
  readonly args: Readonly<Record<string, string | number>>;
  readonly bad?: boolean;
  /** A button beside the words (its `data-action` is the notice id). */
  readonly action?: { readonly key: StringKey; readonly run: () => void };
}

/** The notices shown, by id (one per concern: `paused`, `share`, `autosave`, `history`). */
export const notices = new Map<string, Notice>();

export function setNotice(id: string, n: Notice | undefined): void {
  if (n) notices.set(id, n);
  else notices.delete(id);
  renderNotices();
}

export function renderNotices(): void {
  byId('notices').replaceChildren(
    ...[...notices].map(([id, n]) =>
      h(
        'p',
        { class: `notice ${n.bad ? 'bad' : ''}`, 'data-notice': id },
        h('span', { class: 'notice-text' }, t(n.key, n.args)),
        n.action ? h('button', { class: 'primary', 'data-action': id, onclick: n.action.run }, t(n.action.key)) : '',
        h('button', { class: 'link', title: t('close'), onclick: () => setNotice(id, undefined) }, '×'),
      ),
    ),
  );
}
