// The one mechanism of every user-facing catalogue (diagnostics, syntax words, explanations, diffs, reports, the
// CLI, the evidence template, rule-test listings, the playground): entries in zh-Hans, zh-Hant and en, one lookup
// that fills placeholders. In: a catalogue, a key, a language and arguments. Out: the text.
//
// Placeholders: `{name}` is the argument; `{name@zh-Hans}`-style arguments (given as `name@zh-Hans`) win over
// `name` in their language (for words that are themselves translated, like "a number" in a syntax error);
// `{name#one|other}` picks `one` when the argument is 1 (English plurals; the Chinese texts have none).
// Unknown names stay as written. Arguments are read from own properties only.

import type { Lang } from './ast';

/** One entry: the same text in each language. */
export type Words = Readonly<Record<Lang, string>>;

export type WordArgs = Readonly<Record<string, string | number>>;

/** A catalogue: entries by key. */
export type Catalogue<K extends string = string> = Readonly<Record<K, Words>>;

/** An entry, in the order en, zh-Hans, zh-Hant. */
export function words(en: string, zhHans: string, zhHant: string): Words {
  return { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
}

/** Entry `key` of `catalogue` in `lang`, placeholders filled from `args`. */
export function lookup<K extends string>(catalogue: Catalogue<K>, key: K, lang: Lang, args: WordArgs = {}): string {
  return fill(catalogue[key][lang], args, lang);
}

/** Fills a template's placeholders (see the header); `lang` selects `name@lang` arguments. */
export function fill(template: string, args: WordArgs, lang?: Lang): string {
  // Most words have no placeholder (labels, headings): a report asks for them thousands of times.
  if (!template.includes('{')) return template;
  const arg = (k: string): string | undefined => {
    const localized = lang === undefined ? undefined : `${k}@${lang}`;
    if (localized !== undefined && Object.hasOwn(args, localized)) return String(args[localized]);
    return Object.hasOwn(args, k) ? String(args[k]) : undefined;
  };
  return template
    .replace(/\{(\w+)#([^|{}]*)\|([^{}]*)\}/g, (m, k: string, one: string, other: string) => {
      const v = arg(k);
      return v === undefined ? m : v === '1' ? one : other;
    })
    .replace(/\{(\w+)\}/g, (m, k: string) => arg(k) ?? m);
}

/** The names a template fills, sorted and once each (`{n#one|other}` counts as `n`). */
export function placeholders(template: string): string[] {
  const names = [...template.matchAll(/\{(\w+)(?:#[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}
