// Token types of the Assay language (Chevrotain), in lexing order, plus the readable name of each.
// In: nothing. Out: token types, token categories, `ALL_TOKENS` (the lexer's list) and `KEYWORDS`.

import { createToken, Lexer, type CustomPatternMatcherFunc, type CustomPatternMatcherReturn, type TokenType } from 'chevrotain';

// --- categories (never produced by the lexer itself; grouped alternatives for the parser) --------

/** `>= <= != = < >` */
export const CmpOp = createToken({ name: 'CmpOp', pattern: Lexer.NA });
/** `+ -` */
export const AddOp = createToken({ name: 'AddOp', pattern: Lexer.NA });
/** `* /` */
export const MulOp = createToken({ name: 'MulOp', pattern: Lexer.NA });
/** `score share weight points value fired decided holds` */
export const PropWord = createToken({ name: 'PropWord', pattern: Lexer.NA });
/** `min max abs known ceil floor round` */
export const FnWord = createToken({ name: 'FnWord', pattern: Lexer.NA });
/** `dimension indicator veto prerequisite` after a quantifier */
export const QuantDomainWord = createToken({ name: 'QuantDomainWord', pattern: Lexer.NA });
/** `every some` */
export const Quantifier = createToken({ name: 'Quantifier', pattern: Lexer.NA });
/** `boolean integer number percent` */
export const ScalarTypeWord = createToken({ name: 'ScalarTypeWord', pattern: Lexer.NA });
/** `higher lower` */
export const DirectionWord = createToken({ name: 'DirectionWord', pattern: Lexer.NA });
/** `>= > <= <` in a domain */
export const BoundOp = createToken({ name: 'BoundOp', pattern: Lexer.NA });
/** `true false` */
export const BoolLit = createToken({ name: 'BoolLit', pattern: Lexer.NA });

// --- trivia ----------------------------------------------------------------------------------

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** The ideographic space U+3000, lexed as whitespace but reported (A109). */
export const WideSpace = createToken({ name: 'WideSpace', pattern: /\u3000+/, group: 'wide' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

// --- literals --------------------------------------------------------------------------------

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
export const StringLit = createToken({
  name: 'StringLit',
  // Any escape is lexed here; the lexer stage then reports invalid ones (A108).
  // Curly quotes (“…”) are accepted too and reported (A109), so a Chinese IME slip is one error.
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"|“[^”\n\r]*”/,
  start_chars_hint: ['"', '“'],
});
/** A string that reaches the end of the line without its closing quote (A103); parsed as a string. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?|“[^”\n\r]*/,
  start_chars_hint: ['"', '“'],
  categories: [StringLit],
});
export const DateLit = createToken({ name: 'DateLit', pattern: /\d{4}-\d{2}-\d{2}/ });
export const PercentLit = createToken({ name: 'PercentLit', pattern: /\d+(?:\.\d+)?%/ });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)?/ });
export const LangTag = createToken({
  name: 'LangTag',
  pattern: /zh-Hans|zh-Hant|en/,
  longer_alt: Identifier,
});

// --- keywords --------------------------------------------------------------------------------

/** True for the characters an identifier continues with (`[A-Za-z0-9_]`). */
function isIdentifierPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A keyword: the word, unless an identifier goes on after it (`index` is a name, not `in` + `dex`) — what a
 * `/word/` pattern with `longer_alt: Identifier` decides, without a regular expression, a substring and a
 * second match per keyword: a big file has a hundred thousand of them. The match is one shared array.
 */
function kw(word: string, categories: TokenType[] = []): TokenType {
  const match: CustomPatternMatcherReturn = [word];
  const pattern: CustomPatternMatcherFunc = (text, offset) =>
    text.startsWith(word, offset) && !isIdentifierPart(text.charCodeAt(offset + word.length)) ? match : null;
  return createToken({ name: `Kw_${word}`, pattern, start_chars_hint: [word.charAt(0)], line_breaks: false, categories });
}

export const Ruleset = kw('ruleset');
export const Version = kw('version');
export const Status = kw('status');
export const DateKw = kw('date');
export const Title = kw('title');
export const Total = kw('total');
export const Method = kw('method');
export const Methods = kw('methods');
export const Label = kw('label');
export const Input = kw('input');
export const Unit = kw('unit');
export const Note = kw('note');
export const BooleanKw = kw('boolean', [ScalarTypeWord]);
export const IntegerKw = kw('integer', [ScalarTypeWord]);
export const NumberKw = kw('number', [ScalarTypeWord]);
export const PercentKw = kw('percent', [ScalarTypeWord]);
export const EnumKw = kw('enum');
export const ObjectKw = kw('object');
export const To = kw('to');
export const Dimension = kw('dimension', [QuantDomainWord]);
export const Weight = kw('weight', [PropWord]);
export const Indicator = kw('indicator', [QuantDomainWord]);
export const TypeKw = kw('type');
export const Higher = kw('higher', [DirectionWord]);
export const Lower = kw('lower', [DirectionWord]);
export const Is = kw('is');
export const Better = kw('better');
export const Basis = kw('basis');
export const Applies = kw('applies');
export const When = kw('when');
export const Formerly = kw('formerly');
export const Bands = kw('bands');
export const Else = kw('else');
export const MapKw = kw('map');
export const Formula = kw('formula');
export const Prerequisite = kw('prerequisite', [QuantDomainWord]);
export const Require = kw('require');
export const Veto = kw('veto', [QuantDomainWord]);
export const Levels = kw('levels');
export const Level = kw('level');
export const Cumulative = kw('cumulative');
export const Fallback = kw('fallback');
export const If = kw('if');
export const Then = kw('then');
export const Every = kw('every', [Quantifier]);
export const Some = kw('some', [Quantifier]);
export const In = kw('in');
export const Not = kw('not');
export const And = kw('and');
export const Or = kw('or');
export const True = kw('true', [BoolLit]);
export const False = kw('false', [BoolLit]);
export const Score = kw('score', [PropWord]);
export const Share = kw('share', [PropWord]);
export const PointsKw = kw('points', [PropWord]);
export const Value = kw('value', [PropWord]);
export const Fired = kw('fired', [PropWord]);
export const Decided = kw('decided', [PropWord]);
export const Holds = kw('holds', [PropWord]);
export const Min = kw('min', [FnWord]);
export const Max = kw('max', [FnWord]);
export const Abs = kw('abs', [FnWord]);
export const Known = kw('known', [FnWord]);
export const Ceil = kw('ceil', [FnWord]);
export const Floor = kw('floor', [FnWord]);
export const Round = kw('round', [FnWord]);
export const Derive = kw('derive');
export const Table = kw('table');
export const Required = kw('required');
export const Precision = kw('precision');
export const Evidence = kw('evidence');

/** Every keyword, longest first so that `methods` wins over `method` and `levels` over `level`. */
export const KEYWORDS: readonly TokenType[] = [
  Ruleset, Version, Status, DateKw, Title, Total, Method, Methods, Label, Input, Unit, Note,
  BooleanKw, IntegerKw, NumberKw, PercentKw, EnumKw, ObjectKw, To, Dimension, Weight, Indicator,
  TypeKw, Higher, Lower, Is, Better, Basis, Applies, When, Formerly, Bands, Else, MapKw, Formula,
  Prerequisite, Require, Veto, Levels, Level, Cumulative, Fallback, If, Then, Every, Some, In, Not,
  And, Or, True, False, Score, Share, PointsKw, Value, Fired, Decided, Holds, Min, Max, Abs, Known,
  Ceil, Floor, Round, Derive, Table, Required, Precision, Evidence,
].slice().sort((a, b) => keywordText(b).length - keywordText(a).length);

/** The word of a keyword token type (`Kw_bands` → `bands`). */
export function keywordText(t: TokenType): string {
  return t.name.startsWith('Kw_') ? t.name.slice(3) : t.name;
}

// --- operators and punctuation ----------------------------------------------------------------

export const GtEq = createToken({ name: 'GtEq', pattern: /[>＞][=＝]|≥/, categories: [CmpOp, BoundOp] });
export const LtEq = createToken({ name: 'LtEq', pattern: /[<＜][=＝]|≤/, categories: [CmpOp, BoundOp] });
export const NotEq = createToken({ name: 'NotEq', pattern: /[!！][=＝]|≠/, categories: [CmpOp] });
export const Eq = createToken({ name: 'Eq', pattern: /[=＝]/, categories: [CmpOp] });
export const Lt = createToken({ name: 'Lt', pattern: /[<＜]/, categories: [CmpOp, BoundOp] });
export const Gt = createToken({ name: 'Gt', pattern: /[>＞]/, categories: [CmpOp, BoundOp] });
export const Plus = createToken({ name: 'Plus', pattern: /[+＋]/, categories: [AddOp] });
export const Minus = createToken({ name: 'Minus', pattern: /[-－]/, categories: [AddOp] });
export const Star = createToken({ name: 'Star', pattern: /[*＊]/, categories: [MulOp] });
export const Slash = createToken({ name: 'Slash', pattern: /[/／]/, categories: [MulOp] });
/** `^`: whole-number power (its own token: it binds tighter than `*` and than unary minus). */
export const Caret = createToken({ name: 'Caret', pattern: /\^/ });
// Full-width punctuation and operators (`（ ） ｛ ｝ ， ： ＞ ＜ ＝ ！ ＋ － ＊ ／`) are lexed as their ASCII twins and
// reported (A109): a Chinese input method left on is one clear error, not a cascade.
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,|，/ });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });

/** The lexer's token list, in matching order. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  WideSpace,
  Comment,
  StringLit,
  UnterminatedString,
  DateLit,
  PercentLit,
  NumberLit,
  ...KEYWORDS,
  LangTag, // after the keywords so that `enum` is a keyword, before Identifier so that `en` is a tag
  Identifier,
  GtEq,
  LtEq,
  NotEq,
  Eq,
  Lt,
  Gt,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Dot,
  // categories last: the parser needs them in its vocabulary, the lexer never matches them
  CmpOp,
  AddOp,
  MulOp,
  PropWord,
  FnWord,
  QuantDomainWord,
  Quantifier,
  ScalarTypeWord,
  DirectionWord,
  BoundOp,
  BoolLit,
];

/** Tokens that open a bracket for the nesting-depth check. */
export const OPENERS: ReadonlySet<TokenType> = new Set([LParen, LBrace]);
export const CLOSERS: ReadonlySet<TokenType> = new Set([RParen, RBrace]);
