// Lexer: token kinds, Chinese text in strings, comments, unknown characters and string problems.

import { describe, expect, it } from 'vitest';
import { lex, makeLexer, unescapeString } from '../../dsl/lexer';
import { KEYWORDS, keywordText } from '../../dsl/tokens';
import { show } from './helpers';

function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.tokenType.name.replace(/^Kw_/, 'kw:')} ${t.image}`);
}
function lexDiags(text: string): string[] {
  return lex(text).diagnostics.map((d) => show(text, d));
}

describe('lexer', () => {
  it('tells keywords from identifiers that start with one', () => {
    expect(kinds('total total_compute_scale value value_x methods method levels level enum en')).toEqual([
      'kw:total total',
      'Identifier total_compute_scale',
      'kw:value value',
      'Identifier value_x',
      'kw:methods methods',
      'kw:method method',
      'kw:levels levels',
      'kw:level level',
      'kw:enum enum',
      'LangTag en',
    ]);
  });

  it('reads every keyword as a keyword only where no name goes on after it', () => {
    for (const kw of KEYWORDS) {
      const word = keywordText(kw);
      const at = (text: string): string[] => kinds(text);
      expect(at(word)).toEqual([`kw:${word} ${word}`]);
      expect(at(`${word}(`)).toEqual([`kw:${word} ${word}`, 'LParen (']);
      expect(at(`${word}.x`)).toEqual([`kw:${word} ${word}`, 'Dot .', 'Identifier x']);
      expect(at(`${word}-1`)).toEqual([`kw:${word} ${word}`, 'Minus -', 'NumberLit 1']);
      expect(at(`${word}中`).slice(0, 1)).toEqual([`kw:${word} ${word}`]);
      const words = new Set(KEYWORDS.map(keywordText));
      for (const tail of ['x', 'X', '_', '0', 's', 'es']) {
        const longer = `${word}${tail}`;
        expect(at(longer)).toEqual([words.has(longer) ? `kw:${longer} ${longer}` : `Identifier ${longer}`]);
      }
      expect(at(`x${word}`)).toEqual([`Identifier x${word}`]);
    }
  });

  it('makes tokens with their end offsets as the lexer builds them', () => {
    // The parser's node locations need them; the lexer hook that adds them is a Chevrotain internal.
    const tokens = makeLexer().tokenize('indicator a { weight 10 }').tokens;
    expect(tokens.map((t) => [t.startOffset, t.endOffset])).toEqual([[0, 8], [10, 10], [12, 12], [14, 19], [21, 22], [24, 24]]);
  });

  it('reads language tags, numbers, percentages and dates', () => {
    expect(kinds('zh-Hans zh-Hant en entry 1.00 99.99 80% 12.5% 2026-01-13 14')).toEqual([
      'LangTag zh-Hans',
      'LangTag zh-Hant',
      'LangTag en',
      'Identifier entry',
      'NumberLit 1.00',
      'NumberLit 99.99',
      'PercentLit 80%',
      'PercentLit 12.5%',
      'DateLit 2026-01-13',
      'NumberLit 14',
    ]);
  });

  it('reads operators, with ≥ ≤ ≠ as alternatives of >= <= !=', () => {
    expect(kinds('>= ≥ <= ≤ != ≠ = < > + - * / ( ) { } , : .').map((k) => k.split(' ')[0])).toEqual([
      'GtEq', 'GtEq', 'LtEq', 'LtEq', 'NotEq', 'NotEq', 'Eq', 'Lt', 'Gt', 'Plus', 'Minus', 'Star', 'Slash',
      'LParen', 'RParen', 'LBrace', 'RBrace', 'Comma', 'Colon', 'Dot',
    ]);
  });

  it('keeps Chinese text in strings and resolves escapes', () => {
    const r = lex('"算力服务平台能力评估" "a\\"b\\\\c\\n\\t\\u00e9"');
    expect(r.diagnostics).toEqual([]);
    expect(r.tokens.map((t) => unescapeString(t.image))).toEqual(['算力服务平台能力评估', 'a"b\\c\n\té']);
  });

  it('collects comments apart from tokens, marking the ones that trail code', () => {
    const text = '# heading\nweight 4  # why four\n  # own line\n';
    const r = lex(text);
    expect(kinds(text)).toEqual(['kw:weight weight', 'NumberLit 4']);
    expect(r.comments.map((c) => [c.text, c.trailing === true])).toEqual([
      ['# heading', false],
      ['# why four', true],
      ['# own line', false],
    ]);
  });

  it('reports unknown characters with their text and keeps lexing', () => {
    expect(lexDiags('weight @ 4 $$ x')).toEqual(['A101 "@"', 'A101 "$$"']);
    expect(kinds('weight @ 4 $$ x')).toEqual(['kw:weight weight', 'NumberLit 4', 'Identifier x']);
    expect(lexDiags('名称 = 1')).toEqual(['A101 "名称"']);
  });

  it('reports an unterminated string once and still gives a string token', () => {
    const text = 'unit "PFLOPS\nweight 4';
    expect(lexDiags(text)).toEqual(['A103 "\\"PFLOPS"']);
    expect(kinds(text)).toEqual(['kw:unit unit', 'UnterminatedString "PFLOPS', 'kw:weight weight', 'NumberLit 4']);
  });

  it('reports invalid escapes', () => {
    expect(lexDiags('"a\\qb" "\\u12" "\\u00e9 ok"')).toEqual(['A108 "\\\\q"', 'A108 "\\\\u12"']);
  });

  it('reports full-width punctuation but reads it as its ASCII twin', () => {
    const text = 'min（a，b）：“文档”';
    expect(lexDiags(text)).toEqual(['A109 "（"', 'A109 "，"', 'A109 "）"', 'A109 "："', 'A109 "“"', 'A109 "”"']);
    expect(kinds(text).map((k) => k.split(' ')[0])).toEqual(['kw:min', 'LParen', 'Identifier', 'Comma', 'Identifier', 'RParen', 'Colon', 'StringLit']);
  });

  it('reports full-width operators and braces, one diagnostic each, and reads them as their ASCII twins', () => {
    const text = 'a ＞＝ 1 ＞= 2 ！＝ ＜ ＝ ＋ － ＊ ／ ｛ ｝ ≥ ≤ ≠';
    expect(lexDiags(text)).toEqual([
      'A109 "＞＝"',
      'A109 "＞="',
      'A109 "！＝"',
      'A109 "＜"',
      'A109 "＝"',
      'A109 "＋"',
      'A109 "－"',
      'A109 "＊"',
      'A109 "／"',
      'A109 "｛"',
      'A109 "｝"',
    ]);
    expect(kinds(text).map((k) => k.split(' ')[0])).toEqual([
      'Identifier', 'GtEq', 'NumberLit', 'GtEq', 'NumberLit', 'NotEq', 'Lt', 'Eq', 'Plus', 'Minus', 'Star', 'Slash', 'LBrace', 'RBrace', 'GtEq', 'LtEq', 'NotEq',
    ]);
  });
});
