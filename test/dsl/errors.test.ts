// Bad inputs: the exact diagnostics (code + underlined text), no cascades from recovery, limits that hold.

import { describe, expect, it } from 'vitest';
import type { DimensionDecl, PrerequisiteDecl } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import { canonicalString } from '../../dsl/canonical';
import { MAX_FILE_BYTES, parseRuleset } from '../../dsl/parse';
import { diags, HEADER, sexpr } from './helpers';

describe('syntax errors', () => {
  it('names what was expected in words, in three languages', () => {
    const text = `${HEADER}dimension A { weight }`;
    const [d] = parseRuleset(text).diagnostics;
    expect(d && renderMessage(d, 'en')).toBe('expected a number but found `}`');
    expect(d && renderMessage(d, 'zh-Hans')).toBe('此处应为数字，实际为`}`');
    expect(d && renderMessage(d, 'zh-Hant')).toBe('此處應為數字，實際為`}`');
  });

  it.each([
    ['missing number', 'dimension A {\n  weight\n  indicator a { weight 4 }\n}', ['A102 "indicator"'], 'expected a number but found the keyword `indicator`'],
    ['junk clause', 'dimension A {\n  indicator a { weight 4 foo 3 type number }\n}', ['A102 "foo"'], 'expected an indicator clause (`label`, `weight`, `type`, `bands`, …) or `}` but found `foo`'],
    ['missing `}` before the next indicator', 'dimension A {\n  indicator a {\n    weight 4\n  indicator b { weight 5 }\n}\ndimension B { weight 3 }', ['A102 "indicator"'], 'expected an indicator clause (`label`, `weight`, `type`, `bands`, …) or `}` but found the keyword `indicator`'],
    ['missing `}` of the last indicator', 'dimension A {\n  indicator a {\n    weight 4\n}\ndimension B { weight 3 }', ['A102 "dimension"'], 'expected `label`, `weight`, `indicator` or `}` but found the keyword `dimension`'],
    ['missing `}` at the end of the file', 'veto V { when a', ['A102 ""'], 'expected `label`, `when` or `}` but found the end of the file'],
    ['incomplete comparison', 'prerequisite P {\n  require months >=\n  require x\n}', ['A102 "require"'], 'expected an expression but found the keyword `require`'],
    ['band without a bound', 'dimension A { indicator a { bands { >= : 100 else: 0 } } }', ['A102 ":"'], 'expected an expression but found `:`'],
    ['band without a colon', 'dimension A { indicator a { bands { >= 3 100 else: 0 } } }', ['A102 "100"'], 'expected `:` but found `100`'],
    ['band that is not one', 'dimension A { indicator a { bands { >= 3: 1 : 2 } } }', ['A102 ":"'], 'expected a band (`>= 10: 100`) or `}` but found `:`'],
    ['conditional points without else', 'dimension A { indicator a { map { x: 60 when c } } }', ['A102 "}"'], 'expected `else` but found `}`'],
    ['unclosed parenthesis', 'prerequisite P { require (a or b }', ['A102 "}"'], 'expected `)` but found `}`'],
    ['label without a string', 'method DR { label { zh-Hans "文档" en } }', ['A102 "}"'], 'expected a string (`"…"`) but found `}`'],
    ['label without its braces', 'levels { fallback L0 { label } }', ['A102 "}"'], 'expected `{` but found `}`'],
    ['a keyword used as a name', 'input value: number', ['A102 "value"'], 'expected a name but found the keyword `value`'],
    ['a bad language tag', 'method DR { label { zh-hans "x" } }', ['A102 "zh"'], 'expected a language tag (`zh-Hans`, `zh-Hant`, `en`) or `}` but found `zh`'],
    ['a chained comparison', 'veto V { when a < b < c }', ['A102 "<"'], 'expected `label`, `when` or `}` but found `<`'],
    ['junk at the top level', 'foo bar\ndimension A { weight 1 }', ['A102 "foo"'], 'expected a declaration (`method`, `input`, `derive`, `total`, `dimension`, `prerequisite`, `veto`, `levels`) but found `foo`'],
  ])('%s', (_name, body, expected, message) => {
    const text = `${HEADER}${body}`;
    expect(diags(text)).toEqual(expected);
    const [d] = parseRuleset(text).diagnostics;
    expect(d && renderMessage(d, 'en')).toBe(message);
  });

  it('reports a file without a header once, and still parses it', () => {
    const text = 'dimension A { weight 1 }';
    expect(diags(text)).toEqual(['A112 "dimension"']);
    expect(parseRuleset(text).ast.items).toHaveLength(1);
    expect(diags('')).toEqual(['A112 ""']);
  });

  it('reports a clause given twice once, and keeps the first', () => {
    const text = `${HEADER}dimension A { weight 1 weight 2 indicator a { bands { else: 0 } map { else: 1 } label { en "a" en "b" } } }`;
    expect(diags(text)).toEqual(['A104 "weight 2"', 'A110 "map { else: 1 }"', 'A104 "en \\"b\\""']);
    const dim = parseRuleset(text).ast.items[0] as DimensionDecl;
    expect(dim.weight?.text).toBe('1');
    expect(dim.indicators[0]?.scoring?.kind).toBe('Bands');
    const r = parseRuleset(text).diagnostics[0];
    expect(r?.related?.map((x) => [x.code, text.slice(x.span.start, x.span.end)])).toEqual([['A901', 'weight 1']]);
  });

  it('does not echo a lexing error as a syntax error', () => {
    expect(diags(`${HEADER}dimension A { weight ４ }`)).toEqual(['A101 "４"']);
    expect(diags(`${HEADER}method DR { label { en "abc } }\nmethod OS {}`)).toEqual(['A103 "\\"abc } }"']);
    expect(diags(`${HEADER}method DR { label { en "a\\q" } }`)).toEqual(['A108 "\\\\q"']);
  });

  it('reports five unrelated errors in five blocks as exactly five diagnostics', () => {
    const text = `${HEADER}
method DR { label { zh-Hans "文档" en } }
input x: integer >= { unit "m" }
dimension A { weight 14 indicator a { weight 4 bands { >= : 100 else: 0 } } }
prerequisite P { require (a or b }
veto V { when x = = 3 }
`;
    expect(diags(text)).toEqual(['A102 "}"', 'A102 "{"', 'A102 ":"', 'A102 "}"', 'A102 "="']);
  });

  it('keeps what it could read of a broken file', () => {
    const text = `${HEADER}
dimension A { weight }
prerequisite P {
  require months >=
  require x
}
dimension B { weight 3 }
`;
    const { ast, diagnostics } = parseRuleset(text);
    expect(diagnostics).toHaveLength(2);
    expect(ast.items.map((i) => i.kind)).toEqual(['Dimension', 'Prerequisite', 'Dimension']);
    const p = ast.items[1] as PrerequisiteDecl;
    expect(p.requires.map(sexpr)).toEqual(['(>= months <error>)', 'x']);
    expect((ast.items[2] as DimensionDecl).weight?.text).toBe('3');
  });

  it('sorts diagnostics by position', () => {
    const text = `${HEADER}method A { label { en } } @ method B { label { en } }`;
    const starts = parseRuleset(text).diagnostics.map((d) => d.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(diags(text)).toEqual(['A102 "}"', 'A101 "@"', 'A102 "}"']);
  });
});

describe('limits', () => {
  it('refuses brackets nested deeper than 64 before parsing', () => {
    const text = `${HEADER}veto V { when ${'('.repeat(100_000)}a${')'.repeat(100_000)} }`;
    expect(diags(text)).toEqual(['A106 "("']);
    const ok = `${HEADER}veto V { when ${'('.repeat(60)}a${')'.repeat(60)} }`;
    expect(diags(ok)).toEqual([]);
  });

  it('refuses long chains of prefix operators and nested conditionals', () => {
    expect(diags(`${HEADER}veto V { when ${'not '.repeat(100_000)}a }`)).toEqual(['A106 "not"']);
    expect(diags(`${HEADER}veto V { when ${'-'.repeat(100_000)}a > 0 }`)).toEqual(['A106 "-"']);
    expect(diags(`${HEADER}veto V { when ${'if a then 1 else '.repeat(50_000)}0 }`)).toEqual(['A106 "if"']);
    expect(diags(`${HEADER}veto V { when ${'every dimension: '.repeat(50_000)}x }`)).toEqual(['A106 "every"']);
    expect(diags(`${HEADER}veto V { when ${'x = 1 and not '.repeat(200)}y }`)).toEqual([]);
  });

  it('refuses expressions with more than 256 levels of operators, once', () => {
    const terms = Array.from({ length: 30_000 }, (_, i) => `a${i}`).join(' + ');
    const result = parseRuleset(`${HEADER}veto V { when ${terms} > 3 }`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['A111']);
    const fine = Array.from({ length: 200 }, (_, i) => `a${i}`).join(' + ');
    expect(diags(`${HEADER}veto V { when ${fine} > 3 }`)).toEqual([]);
  });

  it('refuses files larger than 4 MiB', () => {
    const big = `${HEADER}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expect(parseRuleset(big).diagnostics.map((d) => d.code)).toEqual(['A107']);
    // counted in UTF-8 bytes: 1.5 M Chinese characters are 4.5 MB
    const chinese = `${HEADER}# ${'算'.repeat(1_500_000)}\n`;
    expect(parseRuleset(chinese).diagnostics.map((d) => d.code)).toEqual(['A107']);
  });

  it('caps diagnostics at 100 and says how many more there are', () => {
    const text = `${HEADER}${'method M { label { en } }\n'.repeat(150)}`;
    const ds = parseRuleset(text).diagnostics;
    expect(ds).toHaveLength(101);
    expect(ds[100]?.code).toBe('A105');
    expect(ds[100] && renderMessage(ds[100], 'en')).toBe('50 more problems not shown (50 errors, 0 warnings)');
  });

  it('handles very long lines and huge numbers: a number beyond 1,000 digits is A113, a long label is fine', () => {
    const line = `${HEADER}veto V { when x = ${'1'.repeat(1_000_000)} label { en "${'长'.repeat(100_000)}" } }`;
    expect(diags(line)).toEqual([`A113 "${'1'.repeat(1_000_000)}"`]);
    expect(diags(line.replace('1'.repeat(1_000_000), '1'.repeat(1_000)))).toEqual([]);
  });
});

describe('a Chinese input method left on', () => {
  it('gives one A109 per full-width character, and the rule parses as if written in ASCII', () => {
    const ascii = `${HEADER}prerequisite P {\n  label { zh-Hans "前提" zh-Hant "前提" en "P" }\n  require months >= 6 and tier != none\n}\n`;
    const wide = ascii.replace('>=', '＞＝').replace('!=', '！=').replace('{\n  label', '｛\n  label');
    expect(diags(wide)).toEqual(['A109 "｛"', 'A109 "＞＝"', 'A109 "！="']);
    expect(canonicalString(parseRuleset(wide).ast)).toBe(canonicalString(parseRuleset(ascii).ast));
  });
});
