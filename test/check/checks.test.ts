// The static checks, in source text: the bundled rulesets check clean, each family finds what it must and stays
// quiet where the standard is fine (exact decimals, integer edges, three-valued logic), syntax errors are
// independent, sorted and capped. In: DSL snippets. Out: codes + underlined text.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../dsl/ast';
import { CATALOGUE } from '../../dsl/messages';
import { MAX_DIAGNOSTICS, parseRuleset } from '../../dsl/parse';
import { compileRuleset } from '../../engine/index';

const L = 'label { zh-Hans "标" zh-Hant "標" en "L" }';
const HEAD = `ruleset "t" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "测" zh-Hant "測" en "T" }\n  total 10\n}\n`;

/** One dimension A (weight 10) holding one indicator `a` of `type` scored by `scoring`, then `extra`. */
function one(type: string, scoring: string, extra = '', clauses = ''): string {
  return `${HEAD}dimension A {\n  ${L}\n  weight 10\n  indicator a {\n    ${L}\n    weight 10\n    type ${type}\n    ${clauses}\n    ${scoring}\n  }\n}\n${extra}`;
}
const input = (id: string, type: string): string => `input ${id}: ${type} { ${L} }\n`;

/** `CODE \`underlined\`` for every diagnostic. */
function found(text: string): string[] {
  return compileRuleset(text).diagnostics.map((d) => `${d.code} \`${text.slice(d.span.start, d.span.end)}\``);
}

describe('bundled rulesets', () => {
  for (const v of ['0.9', '1.0']) {
    it(`csp-assessment ${v} checks clean: zero diagnostics`, () => {
      expect(found(readFileSync(`rulesets/csp-assessment/${v}.assay`, 'utf8'))).toEqual([]);
    });
  }
});

describe('catalogue entries of the checks', () => {
  const mine = Object.entries(CATALOGUE).filter(([c]) => /^A[3-8]\d\d$/.test(c));
  it('there are codes in every family A3xx to A8xx', () => {
    for (const f of ['A3', 'A4', 'A5', 'A6', 'A7', 'A8']) expect(mine.some(([c]) => c.startsWith(f)), f).toBe(true);
  });
  for (const [code, def] of mine) {
    it(`${code}: same placeholders in every language, house style`, () => {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const l of LANGS) expect(holes(def.message[l])).toEqual(holes(def.message.en));
      const help = 'help' in def ? def.help : undefined;
      if (help) for (const l of LANGS) expect(holes(help[l])).toEqual(holes(help.en));
      expect(def.message.en).not.toMatch(/\.$/);
      expect(def.message.en[0]).toBe(def.message.en[0]?.toLowerCase());
    });
  }
});

describe('weights', () => {
  it('sums exactly in decimal: 0.1 + 0.2 is 0.3', () => {
    const text = `${HEAD.replace('total 10', 'total 0.3')}dimension A {\n  ${L}\n  weight 0.3\n  indicator a { ${L} weight 0.1 type number bands { else: 0 } }\n  indicator b { ${L} weight 0.2 type number bands { else: 0 } }\n}\n`;
    expect(found(text)).toEqual([]);
  });
  it('reports the indicator sum on the dimension and points at its weight', () => {
    const text = one('number', 'bands { else: 0 }').replace('weight 10\n  indicator', 'weight 10.01\n  indicator');
    const d = compileRuleset(text).diagnostics.find((x) => x.code === 'A401');
    expect(d?.args).toMatchObject({ sum: '10', weight: '10.01' });
    expect(d?.related?.map((r) => text.slice(r.span.start, r.span.end))).toEqual(['10.01']);
  });
});

describe('bands', () => {
  it('a ladder of `>=` bands with `else` is fine; so is one with every edge covered', () => {
    expect(found(one('number >= 0', 'bands { >= 100: 100 >= 10: 50 else: 0 }', '', 'higher is better'))).toEqual([]);
    expect(found(one('number', 'bands { >= 10: 100 < 10: 0 }'))).toEqual([]);
    expect(found(one('integer 0 to 7', 'bands { >= 5: 100 >= 1: 50 = 0: 0 }'))).toEqual([]);
  });
  it('finds the gap at an exclusive edge, but not between consecutive integers', () => {
    expect(found(one('number', 'bands { > 10: 100 < 10: 0 }'))).toEqual(['A504 `bands`']);
    expect(compileRuleset(one('number', 'bands { > 10: 100 < 10: 0 }')).diagnostics[0]?.args['gap']).toBe('a = 10');
    expect(found(one('integer', 'bands { > 10: 100 <= 10: 0 }'))).toEqual([]);
    expect(found(one('integer', 'bands { >= 11: 100 <= 10: 0 }'))).toEqual([]);
  });
  it('does not call `else` unused when an earlier band reads a fact that may be missing', () => {
    const text = one('number', 'bands { >= 5 and fp64: 100 >= 5 and not fp64: 80 < 5: 50 else: 0 }'.replace(/>= 5 and/g, 'a >= 5 and').replace('< 5:', 'a < 5:'), input('fp64', 'boolean'));
    expect(found(text)).toEqual([]);
  });
  it('reports `else` unused when only the own value is read', () => {
    expect(found(one('percent', 'bands { >= 50: 100 < 50: 0 else: 10 }'))).toEqual(['A505 `else`']);
  });
  it('warns when points go against the direction, never for a direction-free indicator', () => {
    expect(found(one('number', 'bands { >= 10: 50 >= 5: 80 else: 0 }', '', 'higher is better'))).toEqual(['A507 `>= 10: 50`']);
    expect(found(one('number', 'bands { >= 10: 50 >= 5: 80 else: 0 }'))).toEqual([]);
  });
});

describe('types, units, domains', () => {
  it('a percent-typed value is compared with plain numbers; a share with `%`', () => {
    expect(found(one('percent', 'bands { >= 50: 100 else: 0 }', `levels { level L1 { ${L} require share(A) >= 60% require a >= 50 } fallback L0 { ${L} } }`))).toEqual([]);
    expect(found(one('percent', 'bands { >= 50%: 100 else: 0 }'))).toEqual(['A305 `50%`']);
  });
  it('an enum value compared with a number, and an enum ordered', () => {
    const t = input('tier', 'enum { gold, silver }');
    expect(found(one('number', 'bands { else: 0 }', `${t}veto V { ${L} when tier = 3 }`))).toEqual(['A301 `tier = 3`']);
    expect(found(one('number', 'bands { else: 0 }', `${t}veto V { ${L} when tier in {gold} }`))).toEqual([]);
  });
});

describe('levels, prerequisites, vetoes', () => {
  it('does not call a level unreachable when the higher one reads a fact the lower does not', () => {
    // L2 needs `x >= 0`, always true when x is given; with x missing L2 does not hold and L1 is the result.
    const text = one('number', 'bands { else: 0 }', `${input('x', 'number >= 0')}levels { level L2 { ${L} require x >= 0 } level L1 { ${L} require total >= 5 } fallback L0 { ${L} } }`);
    expect(found(text)).toEqual([]);
  });
  it('thresholds that rise with the levels are fine, equal ones too', () => {
    const lv = `levels cumulative { level L2 { ${L} require total >= 9 require every dimension: share >= 80% } level L1 { ${L} require total >= 9 require every dimension: share >= 70% } fallback L0 { ${L} } }`;
    expect(found(one('number', 'bands { else: 0 }', lv))).toEqual([]);
    expect(found(one('number', 'bands { else: 0 }', lv.replace('share >= 70%', 'share >= 90%')))).toEqual(['A703 `every dimension: share >= 90%`']);
  });
  it('a veto that reads two facts, each free, fires for some platforms and not for others', () => {
    const text = one('number', 'bands { else: 0 }', `${input('b', 'boolean')}${input('g', 'percent')}veto V { ${L} when b and g > 10 }`);
    expect(found(text)).toEqual([]);
  });
});

describe('syntax errors', () => {
  it('five unrelated errors give five diagnostics, sorted by position', () => {
    const text = readFileSync('test/check/broken/syntax-five-errors.assay', 'utf8');
    const ds = compileRuleset(text).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['A102', 'A102', 'A102', 'A102', 'A102']);
    const starts = ds.map((d) => d.span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
  it(`caps at ${MAX_DIAGNOSTICS} with one "n more"`, () => {
    const body = Array.from({ length: 150 }, (_, i) => `method M${i} { label { en } }`).join('\n');
    const ds = parseRuleset(HEAD + body).diagnostics;
    expect(ds).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(ds.at(-1)?.code).toBe('A105');
    expect(ds.at(-1)?.args['count']).toBe(50);
  });
});
