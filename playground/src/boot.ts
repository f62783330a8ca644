// The page's entry: loads Monaco's own words (menus, find widget, command palette) in the UI language before Monaco is
// imported, then the playground. In: the language of the document last open (its autosave), else the browser's.
// Out: `globalThis._VSCODE_NLS_MESSAGES` set for zh-Hans (zh-cn) or zh-Hant (zh-tw), and `<html data-monaco-lang>`
// naming the language Monaco speaks (Monaco reads its words once, when loaded: another language needs a reload).

import type { Lang } from '../../dsl/index';
import { currentDoc, loadDoc } from './autosave';
import { preferredLang } from './i18n';

/** Monaco's message tables by UI language (English is Monaco's own; each table is a chunk loaded only when needed). */
const MONACO_WORDS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<unknown>>> = {
  'zh-Hans': () => import('monaco-editor/nls/lang/zh-cn.js'),
  'zh-Hant': () => import('monaco-editor/nls/lang/zh-tw.js'),
};

function startingLang(): Lang {
  try {
    const saved = loadDoc(currentDoc())?.work.lang;
    if (saved) return saved;
  } catch {
    // No storage: the browser's language.
  }
  return preferredLang(navigator.languages);
}

const lang = startingLang();
let spoken: Lang = 'en';
if (lang !== 'en') {
  try {
    await MONACO_WORDS[lang]();
    spoken = lang;
  } catch {
    // The table did not load: Monaco speaks English (the playground's own words still follow the UI language).
  }
}
document.documentElement.dataset['monacoLang'] = spoken;
await import('./main');
