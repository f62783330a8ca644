// Every word catalogue (dsl/words.ts is their one mechanism): every entry has zh-Hans, zh-Hant and en, none empty,
// and the three texts of an entry fill the same placeholders. Also the mechanism's lookup and fill.

import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../dsl/ast';
import { CATALOGUE } from '../../dsl/messages';
import { PHRASES as SYNTAX_PHRASES, TOKEN_WORDS, BLOCK_ITEMS } from '../../dsl/token-words';
import { fill, lookup, placeholders, words, type Words } from '../../dsl/words';
import { WORDS as EXPLAIN_WORDS } from '../../engine/analyses/explain/words';
import { KIND_TITLES, PHRASES as DIFF_PHRASES } from '../../engine/analyses/diff/words';
import { WORDS as REPORT_WORDS } from '../../engine/report/words';
import { TEMPLATE_WORDS } from '../../engine/evidence/template';
import { LISTING_WORDS } from '../../engine/analyses/testing/listing';
import { FLAG_HELP, T as CLI_WORDS } from '../../cli/i18n';
import { STRINGS as PLAYGROUND_WORDS } from '../../playground/src/i18n';

/** Every catalogue, as `name.key` → entry. */
function entries(): Map<string, Words> {
  const out = new Map<string, Words>();
  const add = (name: string, table: Iterable<[string, Words]>): void => {
    for (const [k, v] of table) out.set(`${name}.${k}`, v);
  };
  add('dsl/messages', Object.entries(CATALOGUE).map(([k, d]): [string, Words] => [k, d.message]));
  add('dsl/messages help', Object.entries(CATALOGUE).flatMap(([k, d]): [string, Words][] => (d.help ? [[k, d.help]] : [])));
  add('dsl/token-words', [...TOKEN_WORDS.entries()].map(([t, v]): [string, Words] => [t.name, v]));
  add('dsl/token-words phrases', Object.entries(SYNTAX_PHRASES));
  add('dsl/token-words blocks', [...BLOCK_ITEMS.entries()].flatMap(([k, list]) => list.map((v, i): [string, Words] => [`${k}.${i}`, v])));
  add('explain', Object.entries(EXPLAIN_WORDS));
  add('diff kinds', Object.entries(KIND_TITLES));
  add('diff phrases', Object.entries(DIFF_PHRASES));
  add('report', Object.entries(REPORT_WORDS));
  add('template', Object.entries(TEMPLATE_WORDS));
  add('listing', Object.entries(LISTING_WORDS));
  add('cli', Object.entries(CLI_WORDS));
  add('cli flags', Object.entries(FLAG_HELP));
  add('playground', Object.entries(PLAYGROUND_WORDS));
  return out;
}

function incomplete(all: ReadonlyMap<string, Words>): string[] {
  return [...all].filter(([, w]) => LANGS.some((l: Lang) => typeof w[l] !== 'string' || w[l].trim() === '') || Object.keys(w).length !== 3).map(([k]) => k);
}

function mismatched(all: ReadonlyMap<string, Words>): string[] {
  return [...all]
    .filter(([, w]) => {
      const en = placeholders(w.en).join(',');
      return placeholders(w['zh-Hans']).join(',') !== en || placeholders(w['zh-Hant']).join(',') !== en;
    })
    .map(([k, w]) => `${k}: ${LANGS.map((l) => `${l} {${placeholders(w[l]).join(', ')}}`).join(' · ')}`);
}

describe('every catalogue', () => {
  const all = entries();

  it('has the catalogues of every part (messages, syntax, explain, diff, report, template, listing, CLI, playground)', () => {
    const names = new Set([...all.keys()].map((k) => k.slice(0, k.indexOf('.'))));
    expect(names.size).toBe(14);
    expect(all.size).toBeGreaterThan(800);
  });

  it('gives every entry in zh-Hans, zh-Hant and en, none empty', () => {
    expect(incomplete(all)).toEqual([]);
    expect(incomplete(new Map([['x', { en: 'a', 'zh-Hans': ' ' } as unknown as Words]]))).toEqual(['x']);
  });

  it('fills the same placeholders in the three languages of an entry', () => {
    expect(mismatched(all)).toEqual([]);
    expect(mismatched(new Map([['x', words('{a} of {b}', '{b} 的 {a}', '{a}')]]))).toEqual(['x: zh-Hans {a, b} · zh-Hant {a} · en {a, b}']);
  });
});

describe('the mechanism', () => {
  const C = { hello: words('{n} {n#platform|platforms} in {dim}', '{dim} 中 {n} 个平台', '{dim} 中 {n} 個平台') };

  it('looks an entry up in a language and fills it (English plurals, own properties only)', () => {
    expect(lookup(C, 'hello', 'en', { n: 1, dim: 'G' })).toBe('1 platform in G');
    expect(lookup(C, 'hello', 'en', { n: 3, dim: 'G' })).toBe('3 platforms in G');
    expect(lookup(C, 'hello', 'zh-Hant', { n: 3, dim: 'G' })).toBe('G 中 3 個平台');
    expect(fill('{toString} {x}', { x: 1 })).toBe('{toString} 1');
  });

  it('lets an argument given per language win in its language', () => {
    const args = { expected: 'a number', 'expected@zh-Hans': '数字' };
    expect(fill('expected {expected}', args, 'en')).toBe('expected a number');
    expect(fill('此处应为{expected}', args, 'zh-Hans')).toBe('此处应为数字');
    expect(fill('此處應為{expected}', args, 'zh-Hant')).toBe('此處應為a number');
  });

  it('names the placeholders of a template', () => {
    expect(placeholders('{b} {a#x|y} {b}')).toEqual(['a', 'b']);
  });
});
