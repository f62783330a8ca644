// Text a ruleset gives in one language only (a unit, a basis: the language has one string for them, where labels have
// one per language). In: the text and the UI language. Out: a visible note when the text is not in the UI language
// ("English only"), so a reader of the Chinese UI sees it is the ruleset's own words, not a missing translation here.

import type { Lang } from '../../dsl/index';
import { getLang, t } from './i18n';

/** The script family a text is written in: Chinese when it holds Han characters, English when Latin letters only. */
function familyOf(text: string): 'zh' | 'en' | undefined {
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return 'zh';
  if (/[A-Za-z]/.test(text)) return 'en';
  return undefined;
}

/** The note to show beside `text` in `lang`'s UI, or undefined when it reads in that language (or has no words). */
export function oneLanguageNote(text: string, lang: Lang = getLang()): string | undefined {
  const family = familyOf(text);
  if (family === undefined) return undefined;
  const ui = lang === 'en' ? 'en' : 'zh';
  if (family === ui) return undefined;
  return t(family === 'en' ? 'onlyInEnglish' : 'onlyInChinese');
}
