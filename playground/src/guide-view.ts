// The editors' guide inside the playground: docs/guide/<lang>.md, rendered when the Guide button is pressed.
// In: the UI language. Out: the guide dialog's content (Markdown rendered by `marked`, loaded on first use).
//
// The guide is our own text, bundled at build time; its links to the other languages switch the shown language.

import type { Lang } from '../../dsl/index';
import en from '../../docs/guide/en.md?raw';
import zhHans from '../../docs/guide/zh-Hans.md?raw';
import zhHant from '../../docs/guide/zh-Hant.md?raw';
import { byId } from './dom';

const GUIDES: Readonly<Record<Lang, string>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
const FILE_LANG: Readonly<Record<string, Lang>> = { 'en.md': 'en', 'zh-Hans.md': 'zh-Hans', 'zh-Hant.md': 'zh-Hant' };

/** Opens the guide dialog in `lang`. */
export async function showGuide(lang: Lang): Promise<void> {
  const { marked } = await import('marked');
  const body = byId('guide-body');
  const render = (l: Lang): void => {
    body.innerHTML = marked.parse(GUIDES[l], { async: false });
    body.setAttribute('lang', l);
    body.scrollTop = 0;
    // Wide examples scroll sideways: each is a tab stop, so a keyboard can scroll it too.
    for (const pre of body.querySelectorAll('pre')) pre.tabIndex = 0;
    // Links between the three languages open the other text here; other links are the guide's own file names.
    for (const a of body.querySelectorAll('a')) {
      const target = FILE_LANG[a.getAttribute('href') ?? ''];
      if (target !== undefined)
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          render(target);
        });
    }
  };
  render(lang);
  const dialog = byId<HTMLDialogElement>('guide-dialog');
  if (!dialog.open) dialog.showModal();
}
