// Readable words for tokens and grammar places, in zh-Hans, zh-Hant and en, for syntax errors (A102).
// In: Chevrotain token types, tokens, and the phrase keys the grammar uses. Out: `Words` per language.

import { EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import type { Lang } from './ast';
import * as T from './tokens';
import { words, type Words } from './words';

export type { Words };
const w = words;
function same(text: string): Words {
  return w(text, text, text);
}

export const TOKEN_WORDS = new Map<TokenType, Words>([
  [T.Identifier, w('a name', '名称', '名稱')],
  [T.NumberLit, w('a number', '数字', '數字')],
  [T.PercentLit, w('a percentage (`80%`)', '百分数（`80%`）', '百分數（`80%`）')],
  [T.StringLit, w('a string (`"…"`)', '字符串（`"…"`）', '字串（`"…"`）')],
  [T.DateLit, w('a date (`2026-01-13`)', '日期（`2026-01-13`）', '日期（`2026-01-13`）')],
  [
    T.LangTag,
    w(
      'a language tag (`zh-Hans`, `zh-Hant`, `en`)',
      '语言标记（`zh-Hans`、`zh-Hant`、`en`）',
      '語言標記（`zh-Hans`、`zh-Hant`、`en`）',
    ),
  ],
  [T.CmpOp, w('a comparison (`>=`, `<`, `=`, …)', '比较运算符（`>=`、`<`、`=` 等）', '比較運算子（`>=`、`<`、`=` 等）')],
  [T.BoundOp, w('a bound (`>=`, `>`, `<=`, `<`)', '界限（`>=`、`>`、`<=`、`<`）', '界限（`>=`、`>`、`<=`、`<`）')],
  [T.AddOp, same('`+` / `-`')],
  [T.MulOp, same('`*` / `/`')],
  [T.PropWord, w('a property (`score`, `share`, …)', '属性（`score`、`share` 等）', '屬性（`score`、`share` 等）')],
  [
    T.FnWord,
    w(
      'a function (`min`, `max`, `abs`, `known`, `ceil`, `floor`, `round`)',
      '函数（`min`、`max`、`abs`、`known`、`ceil`、`floor`、`round`）',
      '函式（`min`、`max`、`abs`、`known`、`ceil`、`floor`、`round`）',
    ),
  ],
  [
    T.QuantDomainWord,
    w(
      '`dimension`, `indicator`, `veto` or `prerequisite`',
      '`dimension`、`indicator`、`veto` 或 `prerequisite`',
      '`dimension`、`indicator`、`veto` 或 `prerequisite`',
    ),
  ],
  [T.Quantifier, w('`every` or `some`', '`every` 或 `some`', '`every` 或 `some`')],
  [
    T.ScalarTypeWord,
    w(
      'a type (`boolean`, `integer`, `number`, `percent`)',
      '类型（`boolean`、`integer`、`number`、`percent`）',
      '型別（`boolean`、`integer`、`number`、`percent`）',
    ),
  ],
  [T.DirectionWord, w('`higher` or `lower`', '`higher` 或 `lower`', '`higher` 或 `lower`')],
  [T.BoolLit, w('`true` or `false`', '`true` 或 `false`', '`true` 或 `false`')],
  [EOF, w('the end of the file', '文件末尾', '檔案末尾')],
]);

const PUNCTUATION = new Map<TokenType, string>([
  [T.GtEq, '>='],
  [T.LtEq, '<='],
  [T.NotEq, '!='],
  [T.Eq, '='],
  [T.Lt, '<'],
  [T.Gt, '>'],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.Caret, '^'],
  [T.LParen, '('],
  [T.RParen, ')'],
  [T.LBrace, '{'],
  [T.RBrace, '}'],
  [T.Comma, ','],
  [T.Colon, ':'],
  [T.Dot, '.'],
]);

/** What a token type is called in a message ("a number", "`}`", "`bands`"). */
export function tokenTypeWords(t: TokenType): Words {
  const words = TOKEN_WORDS.get(t);
  if (words) return words;
  const punct = PUNCTUATION.get(t);
  if (punct !== undefined) return same(`\`${punct}\``);
  return same(`\`${T.keywordText(t)}\``);
}

const KEYWORD_SET: ReadonlySet<TokenType> = new Set(T.KEYWORDS);

function shorten(text: string, max = 24): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What the parser found instead ("`foo`", "the keyword `value`", "the end of the file"). */
export function foundWords(token: IToken): Words {
  if (tokenMatcher(token, EOF)) return tokenTypeWords(EOF);
  const image = shorten(token.image).replace(/`/g, "'");
  if (KEYWORD_SET.has(token.tokenType)) return w(`the keyword \`${image}\``, `关键字 \`${image}\``, `關鍵字 \`${image}\``);
  return same(`\`${image}\``);
}

/** Phrases for places in the grammar, named by the keys the parser passes as `ERR_MSG`. */
export const PHRASES = {
  headerClause: w(
    'a header clause (`version`, `status`, `date`, `title`, `total`, `evidence required`, `precision`)',
    '头部子句（`version`、`status`、`date`、`title`、`total`、`evidence required`、`precision`）',
    '頭部子句（`version`、`status`、`date`、`title`、`total`、`evidence required`、`precision`）',
  ),
  topItem: w(
    'a declaration (`method`, `input`, `derive`, `total`, `dimension`, `prerequisite`, `veto`, `levels`)',
    '声明（`method`、`input`、`derive`、`total`、`dimension`、`prerequisite`、`veto`、`levels`）',
    '宣告（`method`、`input`、`derive`、`total`、`dimension`、`prerequisite`、`veto`、`levels`）',
  ),
  indicatorClause: w(
    'an indicator clause (`label`, `weight`, `type`, `bands`, …)',
    '指标子句（`label`、`weight`、`type`、`bands` 等）',
    '指標子句（`label`、`weight`、`type`、`bands` 等）',
  ),
  textEntry: tokenTypeWords(T.LangTag),
  band: w('a band (`>= 10: 100`)', '分档（`>= 10: 100`）', '分檔（`>= 10: 100`）'),
  mapEntry: w('a mapping entry (`L3: 100`)', '映射项（`L3: 100`）', '映射項（`L3: 100`）'),
  tableEntry: w(
    'a table entry (`N: 0.85`, `(N, U): 0.85`, `else: 0`)',
    '查找表项（`N: 0.85`、`(N, U): 0.85`、`else: 0`）',
    '查找表項（`N: 0.85`、`(N, U): 0.85`、`else: 0`）',
  ),
  expression: w('an expression', '表达式', '運算式'),
  type: w(
    'a type (`number`, `enum { … }`, `object { … }`, …)',
    '类型（`number`、`enum { … }`、`object { … }` 等）',
    '型別（`number`、`enum { … }`、`object { … }` 等）',
  ),
  wholeNumber: w('a whole number (`4`)', '整数（`4`）', '整數（`4`）'),
  domain: w('a domain (`>= 0`, `0 to 7`)', '取值范围（`>= 0`、`0 to 7`）', '取值範圍（`>= 0`、`0 to 7`）'),
  scoring: w('`bands`, `map` or `formula`', '`bands`、`map` 或 `formula`', '`bands`、`map` 或 `formula`'),
} as const satisfies Record<string, Words>;

export type PhraseKey = keyof typeof PHRASES;

const kwWords = (...words: string[]): Words[] => words.map((x) => same(`\`${x}\``));

/** What may come next inside a block, by the grammar rule of the block (before its closing `}`). */
export const BLOCK_ITEMS: ReadonlyMap<string, readonly Words[]> = new Map([
  ['header', [PHRASES.headerClause]],
  ['methodDecl', kwWords('label')],
  ['inputDecl', kwWords('label', 'unit', 'note', 'required')],
  ['deriveDecl', kwWords('label', 'unit', 'note', 'formula')],
  ['totalDecl', kwWords('label', 'unit', 'note', 'formula')],
  ['dimensionDecl', kwWords('label', 'weight', 'indicator')],
  ['indicatorDecl', [PHRASES.indicatorClause]],
  ['prerequisiteDecl', kwWords('label', 'require')],
  ['vetoDecl', kwWords('label', 'when')],
  ['levelsDecl', kwWords('level', 'fallback')],
  ['levelDecl', kwWords('label', 'require')],
  ['fallbackDecl', kwWords('label')],
  ['text', [PHRASES.textEntry]],
  ['bandsClause', [PHRASES.band]],
  ['mapClause', [PHRASES.mapEntry]],
  ['tableExpr', [PHRASES.tableEntry]],
]);

export function isPhraseKey(s: string): s is PhraseKey {
  return Object.hasOwn(PHRASES, s);
}

/** Diagnostic arguments that give `words` in each language under `key` (`key`, `key@zh-Hans`, `key@zh-Hant`). */
export function wordsArgs(key: string, words: Words): Readonly<Record<string, string>> {
  return { [key]: words.en, [`${key}@zh-Hans`]: words['zh-Hans'], [`${key}@zh-Hant`]: words['zh-Hant'] };
}

/** Joins alternatives: "a or b", "a, b or c"; in Chinese with 、 and 或. */
export function alternatives(list: readonly Words[]): Words {
  const join = (lang: Lang, or: string, sep: string): string => {
    const items = [...new Set(list.map((x) => x[lang]))];
    if (items.length <= 1) return items[0] ?? '';
    return `${items.slice(0, -1).join(sep)}${or}${items[items.length - 1] ?? ''}`;
  };
  return words(join('en', ' or ', ', '), join('zh-Hans', ' 或 ', '、'), join('zh-Hant', ' 或 ', '、'));
}
