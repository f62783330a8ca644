// The entry point of the syntax pipeline: text → AST + every syntax diagnostic, sorted and capped.
// In: the text of a ruleset file. Out: `{ ast, diagnostics }`; never throws, even on hostile input
// (size, nesting and expression-depth limits have their own diagnostics: A107, A106, A111).
// A file without syntax errors is parsed and built item by item (`parseByItems`), with the same result.

import { EOF, tokenMatcher, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import { NO_SPAN, type Comment, type Ruleset, type Span } from './ast';
import { buildAst, ItemsBuilder, spanOf, type BuildResult } from './cst-to-ast';
import { diag, notShown, sortDiagnostics, type Diagnostic } from './diagnostics';
import { lex } from './lexer';
import { parseTokens, parseTokensAs, type ExpectedPayload } from './parser';
import { foundWords, wordsArgs, type Words } from './token-words';
import { words } from './words';
import * as T from './tokens';

/** Files larger than this (UTF-8 bytes) are refused (A107). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Brackets and prefix operators nested deeper than this are refused before parsing (A106). */
export const MAX_NESTING = 64;
/** At most this many diagnostics are returned, then one A105 "n more". */
export const MAX_DIAGNOSTICS = 100;

export interface ParseResult {
  readonly ast: Ruleset;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a ruleset file: every independent syntax error in one run, sorted by position. `byItems: false`
 * parses the whole file in one go even when it could go item by item (tests compare the two).
 */
export function parseRuleset(text: string, opts: { byItems?: boolean } = {}): ParseResult {
  if (exceedsBytes(text, MAX_FILE_BYTES)) {
    return { ast: emptyRuleset(), diagnostics: [diag('A107', { start: 0, end: 0 }, { limit: MAX_FILE_BYTES })] };
  }
  const lexed = lex(text);
  const tooDeep = findTooDeep(lexed.tokens);
  if (tooDeep) {
    const diagnostics = [...lexed.diagnostics, diag('A106', spanOf(tooDeep), { limit: MAX_NESTING })];
    return { ast: { ...emptyRuleset(), comments: lexed.comments }, diagnostics: cap(sortDiagnostics(diagnostics)) };
  }
  try {
    const pieces = opts.byItems === false ? undefined : parseByItems(lexed.tokens, lexed.comments);
    if (pieces) return { ast: pieces.ast, diagnostics: cap(sortDiagnostics([...lexed.diagnostics, ...pieces.diagnostics])) };
    const { cst, errors } = parseTokens(lexed.tokens);
    const built = buildAst(cst, lexed.comments);
    const echoes = tokensAfterLexErrors(lexed.tokens, lexed.diagnostics, text.length);
    const syntax = syntaxDiagnostics(errors, lexed.tokens, text).filter((d) => !echoes.has(d.span.start));
    const all = [...lexed.diagnostics, ...syntax, ...built.diagnostics];
    return { ast: built.ast, diagnostics: cap(sortDiagnostics(all)) };
  } catch (e) {
    // Safety net: the nesting check should make this unreachable.
    if (e instanceof RangeError) {
      return { ast: emptyRuleset(), diagnostics: [diag('A106', { start: 0, end: 0 }, { limit: MAX_NESTING })] };
    }
    throw e;
  }
}

/** Token types that start the header or a top-level item. */
export const TOP_STARTS: ReadonlySet<TokenType> = new Set([
  T.Ruleset, T.Method, T.Input, T.Derive, T.Total, T.Dimension, T.Prerequisite, T.Veto, T.Levels,
]);

/**
 * The file parsed piece by piece — the header, then each top-level item (split where a keyword that starts
 * one stands outside every brace) — and each item's AST built at once, so that its CST is dropped young: a
 * large file then spends far less on garbage collection. Only for files that parse without any error this
 * way; otherwise undefined, and the whole file is parsed in one go (recovery then sees the whole context).
 * Without errors both ways make the same tree: the grammar decides each item from its own tokens.
 */
function parseByItems(tokens: IToken[], comments: readonly Comment[]): BuildResult | undefined {
  const starts = pieceStarts(tokens);
  if (starts === undefined) return undefined;
  const header = parseTokensAs('header', tokens.slice(0, starts[1]));
  if (header.errors.length > 0) return undefined;
  const items = new ItemsBuilder();
  for (let k = 1; k + 1 < starts.length; k++) {
    const item = parseTokensAs('topItem', tokens.slice(starts[k], starts[k + 1]));
    if (item.errors.length > 0) return undefined;
    items.item(item.cst);
  }
  return items.finish(header.cst, fileSpan(tokens), comments);
}

/** Where the header and each top-level item start (and, last, the number of tokens); undefined when braces do not balance or the file does not start with `ruleset`. */
function pieceStarts(tokens: readonly IToken[]): number[] | undefined {
  if (tokens[0]?.tokenType !== T.Ruleset) return undefined;
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = (tokens[i] as IToken).tokenType;
    if (type === T.LBrace) depth++;
    else if (type === T.RBrace) {
      if (--depth < 0) return undefined;
    } else if (depth === 0 && TOP_STARTS.has(type)) starts.push(i);
  }
  if (depth !== 0) return undefined;
  starts.push(tokens.length);
  return starts;
}

function fileSpan(tokens: readonly IToken[]): Span {
  const first = tokens[0] as IToken;
  const last = tokens[tokens.length - 1] as IToken;
  return { start: first.startOffset, end: last.startOffset + last.image.length };
}

/**
 * The header alone — id, version, status, date, title — with no items: the file lexed, and only the tokens before
 * its first top-level item parsed (what a registry lists to find one file among many). Undefined when the file is
 * not a clean header followed by balanced items (too big, a lexing error, a header with syntax errors): parse it
 * whole then.
 */
export function parseHeader(text: string): Ruleset | undefined {
  if (exceedsBytes(text, MAX_FILE_BYTES)) return undefined;
  const lexed = lex(text);
  if (lexed.diagnostics.length > 0 || findTooDeep(lexed.tokens)) return undefined;
  const starts = pieceStarts(lexed.tokens);
  if (starts === undefined) return undefined;
  const header = parseTokensAs('header', lexed.tokens.slice(0, starts[1]));
  if (header.errors.length > 0) return undefined;
  const built = new ItemsBuilder().finish(header.cst, fileSpan(lexed.tokens), lexed.comments);
  return built.diagnostics.length > 0 ? undefined : built.ast;
}

function emptyRuleset(): Ruleset {
  return {
    kind: 'Ruleset',
    id: { kind: 'Str', value: '', span: NO_SPAN },
    header: { span: NO_SPAN },
    items: [],
    comments: [],
    span: NO_SPAN,
  };
}

/** True when the UTF-8 encoding of `text` is longer than `limit` bytes (without encoding it). */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

// --- nesting, measured on tokens before the (recursive) parser sees them ------------------------

const OPERAND_END: ReadonlySet<string> = new Set([
  T.Identifier.name,
  T.NumberLit.name,
  T.PercentLit.name,
  T.True.name,
  T.False.name,
  T.Total.name,
  T.RParen.name,
  T.RBrace.name,
  ...[T.Score, T.Share, T.Weight, T.PointsKw, T.Value, T.Fired, T.Decided, T.Holds].map((t) => t.name),
]);

/** Keywords that may appear inside an expression; any other keyword starts a new clause. */
const EXPRESSION_WORDS: ReadonlySet<string> = new Set(
  [
    T.If, T.Then, T.Else, T.Every, T.Some, T.In, T.Not, T.And, T.Or, T.True, T.False, T.Total,
    T.Score, T.Share, T.Weight, T.PointsKw, T.Value, T.Fired, T.Decided, T.Holds,
    T.Min, T.Max, T.Abs, T.Known, T.Ceil, T.Floor, T.Round, T.Table, T.Dimension, T.Indicator, T.Veto, T.Prerequisite,
  ].map((t) => t.name),
);
const KEYWORD_NAMES: ReadonlySet<string> = new Set(T.KEYWORDS.map((t) => t.name));

interface Frame {
  /** `if`, `every`, `some` not yet closed in this bracket: each nests what follows. */
  nest: number;
  /** Prefix `not` / unary `-` waiting for their operand. */
  run: number;
}

/**
 * The first token at which brackets plus pending prefix operators nest deeper than MAX_NESTING.
 * Over-approximates the parser's recursion, so the parser can never overflow the stack.
 */
export function findTooDeep(tokens: readonly IToken[]): IToken | undefined {
  const frames: Frame[] = [{ nest: 0, run: 0 }];
  let pending = 0; // sum of nest + run over all frames
  let prev: IToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    const name = t.tokenType.name;
    let cur = frames[frames.length - 1] ?? { nest: 0, run: 0 };
    if (t.tokenType === T.LParen || t.tokenType === T.LBrace) {
      frames.push({ nest: 0, run: 0 });
    } else if (t.tokenType === T.RParen || t.tokenType === T.RBrace) {
      if (frames.length > 1) {
        frames.pop();
        pending -= cur.nest + cur.run;
        cur = frames[frames.length - 1] ?? cur;
      }
      pending -= cur.run;
      cur.run = 0;
    } else if (t.tokenType === T.If || t.tokenType === T.Every || t.tokenType === T.Some) {
      cur.nest++;
      pending++;
    } else if (t.tokenType === T.Not || (t.tokenType === T.Minus && !(prev && OPERAND_END.has(prev.tokenType.name)))) {
      cur.run++;
      pending++;
    } else if (KEYWORD_NAMES.has(name) && !EXPRESSION_WORDS.has(name)) {
      pending -= cur.nest + cur.run;
      cur.nest = 0;
      cur.run = 0;
    } else if (OPERAND_END.has(name)) {
      pending -= cur.run;
      cur.run = 0;
    }
    if (frames.length - 1 + pending > MAX_NESTING) return t;
    prev = t;
  }
  return undefined;
}

// --- syntax errors → diagnostics --------------------------------------------------------------

function decodeExpected(message: string): Words {
  try {
    const parsed: unknown = JSON.parse(message);
    if (typeof parsed === 'object' && parsed !== null && 'expected' in parsed) {
      const e = (parsed as ExpectedPayload).expected;
      if (typeof e.en === 'string' && typeof e['zh-Hans'] === 'string' && typeof e['zh-Hant'] === 'string') return e;
    }
  } catch {
    // not a payload: fall through
  }
  return words(message, message, message);
}


/** Tokens the parser must read without error after one error before it reports the next. */
const QUIET_AFTER_ERROR = 2;

/**
 * A102 per recognition error. An error at the same token as the one before, or fewer than
 * QUIET_AFTER_ERROR tokens after the last token that one skipped, is an echo of recovery (it resumed
 * at a place that only looked like a start) and is not reported.
 */
function syntaxDiagnostics(errors: readonly IRecognitionException[], tokens: readonly IToken[], text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const indexOf = (t: IToken): number => (tokenMatcher(t, EOF) ? tokens.length : tokenIndex(tokens, t.startOffset));
  const sorted = [...errors].sort((a, b) => indexOf(a.token) - indexOf(b.token));
  let quietUntil = -1;
  for (const e of sorted) {
    const at = indexOf(e.token);
    if (at < quietUntil) continue;
    const skipped = e.resyncedTokens.reduce((max, t) => Math.max(max, indexOf(t)), at);
    quietUntil = skipped + 1 + QUIET_AFTER_ERROR;
    const atEnd = tokenMatcher(e.token, EOF);
    let span: Span = atEnd ? NO_SPAN : spanOf(e.token);
    if (span === NO_SPAN) span = { start: text.length, end: text.length };
    const args = { ...wordsArgs('expected', decodeExpected(e.message)), ...wordsArgs('found', foundWords(e.token)) };
    out.push(diag('A102', span, args));
  }
  return out;
}

/** Index of the token starting at `offset` (or of the first one after it). */
function tokenIndex(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t && t.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Start offsets of the first token after each lexing error (and of the end of the file). A parse error
 * there is an echo of the lexing error (a dropped `４`, a string that swallowed its `}`) and is not reported.
 */
function tokensAfterLexErrors(tokens: readonly IToken[], lexing: readonly Diagnostic[], end: number): Set<number> {
  const out = new Set<number>();
  for (const d of lexing) {
    if (d.code !== 'A101' && d.code !== 'A103') continue;
    const next = tokens[tokenIndex(tokens, d.span.end)];
    out.add(next ? next.startOffset : end);
  }
  return out;
}

/** Keeps the first MAX_DIAGNOSTICS and summarises the rest in one A105. */
function cap(sorted: Diagnostic[]): Diagnostic[] {
  if (sorted.length <= MAX_DIAGNOSTICS) return sorted;
  const rest = sorted.slice(MAX_DIAGNOSTICS);
  const errors = rest.filter((d) => d.severity === 'error').length;
  return [...sorted.slice(0, MAX_DIAGNOSTICS), notShown(rest[0]?.span ?? { start: 0, end: 0 }, errors, rest.length - errors)];
}
