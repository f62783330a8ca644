// Stage 1, lex: source text → tokens, comments and lexing diagnostics (A101, A103, A108, A109, A113).
// In: the text of a ruleset. Out: `LexResult`; lexing never stops at an error and never throws.

import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Comment, Span } from './ast';
import { diag, type Diagnostic } from './diagnostics';
import * as T from './tokens';

export interface LexResult {
  /** Significant tokens, in order (no whitespace, no comments). */
  readonly tokens: IToken[];
  /** Every `# …` comment, in order. */
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

let lexer: Lexer | undefined;

/** Builds a lexer; `validate` runs Chevrotain's token validations (skipped by the shared one for start-up time). */
export function makeLexer(validate = false): Lexer {
  // Offsets only (spans are offsets; lines and columns are computed from the text when shown), plus the end
  // offset the parser's node locations are built from.
  const lexer = new Lexer([...T.ALL_TOKENS], { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: !validate });
  // Chevrotain (11) makes offset-only tokens through this instance hook; making them with their end offset
  // from the start spares `lex` adding a field to every token afterwards (a new shape and storage for each).
  // If a later Chevrotain no longer calls it, `lex` still sets the end offset: only speed is lost.
  (lexer as unknown as { createTokenInstance: TokenFactory }).createTokenInstance = offsetToken;
  return lexer;
}

type TokenFactory = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType) => IToken;

function offsetToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
  return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType } as IToken;
}

/** The one Chevrotain lexer, built on first use. */
function theLexer(): Lexer {
  lexer ??= makeLexer();
  return lexer;
}

const FULL_WIDTH: ReadonlyMap<string, string> = new Map([
  ['（', '('],
  ['）', ')'],
  ['｛', '{'],
  ['｝', '}'],
  ['，', ','],
  ['：', ':'],
  ['＞', '>'],
  ['＜', '<'],
  ['＝', '='],
  ['！', '!'],
  ['＋', '+'],
  ['－', '-'],
  ['＊', '*'],
  ['／', '/'],
]);

/** `image` with its full-width characters written in ASCII. */
function asciiOf(image: string): string {
  let out = '';
  for (const ch of image) out += FULL_WIDTH.get(ch) ?? ch;
  return out;
}

/**
 * Most digits a number may have (a ruleset literal, A113; an evidence number, E145). Far more than any threshold,
 * weight or measurement needs, and few enough that exact arithmetic on it stays instantaneous.
 */
export const MAX_NUMBER_DIGITS = 1000;

/** Lexes `text`. */
export function lex(text: string): LexResult {
  const result = theLexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];

  for (const e of result.errors) {
    const start = e.offset;
    const end = e.offset + Math.max(1, e.length);
    diagnostics.push(diag('A101', { start, end }, { text: text.slice(start, end) }));
  }

  const tokens = result.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as IToken;
    tok.endOffset = tok.startOffset + tok.image.length - 1;
    const type = tok.tokenType;
    if (type !== T.UnterminatedString && type !== T.StringLit) {
      // Punctuation and operators are one or two characters; the common case is plain ASCII.
      const img = tok.image;
      if (img.length > MAX_NUMBER_DIGITS && (type === T.NumberLit || type === T.PercentLit) && img.replace(/\D/g, '').length > MAX_NUMBER_DIGITS) {
        diagnostics.push(diag('A113', tokenSpan(tok), { limit: MAX_NUMBER_DIGITS }));
      }
      if (img.length > 2 || (img.charCodeAt(0) < 128 && (img.length === 1 || img.charCodeAt(1) < 128))) continue;
      const ascii = asciiOf(img);
      if (ascii !== img) diagnostics.push(diag('A109', tokenSpan(tok), { text: img, ascii }));
      continue;
    }
    const span = tokenSpan(tok);
    if (tok.tokenType === T.UnterminatedString) {
      diagnostics.push(diag('A103', span));
      if (tok.image.startsWith('“')) continue;
    }
    if (tok.tokenType === T.StringLit || tok.tokenType === T.UnterminatedString) {
      if (tok.image.startsWith('“')) {
        diagnostics.push(diag('A109', { start: span.start, end: span.start + 1 }, { text: '“', ascii: '"' }));
        if (tok.image.endsWith('”')) diagnostics.push(diag('A109', { start: span.end - 1, end: span.end }, { text: '”', ascii: '"' }));
      } else {
        for (const bad of badEscapes(tok.image)) {
          diagnostics.push(diag('A108', { start: span.start + bad.start, end: span.start + bad.end }, { text: bad.text }));
        }
      }
      continue;
    }
  }

  for (const tok of result.groups['wide'] ?? []) {
    diagnostics.push(diag('A109', tokenSpan(tok), { text: tok.image, ascii: ' ' }));
  }

  const comments: Comment[] = (result.groups['comments'] ?? []).map((tok) => {
    const span = tokenSpan(tok);
    return trailsCode(text, span.start) ? { text: tok.image, span, trailing: true } : { text: tok.image, span };
  });

  return { tokens: result.tokens, comments, diagnostics };
}

function tokenSpan(tok: IToken): Span {
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}

/** True when code precedes `offset` on its line (so a comment there trails that code). */
function trailsCode(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xfeff) return true;
  }
  return false;
}

interface BadEscape {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['n', '\n'],
  ['t', '\t'],
]);

/** Invalid escapes in a `"…"` string image, with offsets relative to the image. */
function badEscapes(image: string): BadEscape[] {
  const out: BadEscape[] = [];
  for (let i = 1; i < image.length; i++) {
    if (image[i] !== '\\') continue;
    const next = image[i + 1];
    if (next === undefined) break; // a lone `\` before the end of an unterminated string: A103 covers it
    if (SIMPLE_ESCAPES.has(next)) {
      i++;
    } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(image.slice(i + 2, i + 6))) {
      i += 5;
    } else {
      let end = i + 2;
      if (next === 'u') while (end < i + 6 && /[0-9A-Fa-f]/.test(image[end] ?? '')) end++;
      out.push({ start: i, end, text: image.slice(i, end) });
      i = end - 1;
    }
  }
  return out;
}

/** The value of a string token: quotes removed, escapes resolved (invalid escapes are kept as written). */
export function unescapeString(image: string): string {
  if (image.startsWith('“')) return image.slice(1, image.endsWith('”') ? -1 : undefined);
  if (!image.includes('\\')) return image.length >= 2 && image.endsWith('"') ? image.slice(1, -1) : image.slice(1);
  const body = image.length >= 2 && image.endsWith('"') && !isEscapedQuote(image) ? image.slice(1, -1) : image.slice(1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      out += c;
      continue;
    }
    const simple = SIMPLE_ESCAPES.get(next);
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += c;
    }
  }
  return out;
}

/** True when the final `"` of an image is escaped (`"abc\"`: an unterminated string). */
function isEscapedQuote(image: string): boolean {
  let backslashes = 0;
  for (let i = image.length - 2; i >= 1 && image[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
