// Incremental reparse: an editor's keystroke usually falls inside one top-level item (a dimension, a veto, …), so the
// new text's tree is the old tree with that item parsed anew and the items after it moved by the edit's length.
// In: the previous `Tracked` parse and the new text. Out: a `Tracked` whose `result` equals `parseRuleset(text)`, made
// from one item when the edit stays inside one item of a file without diagnostics, else by parsing the whole file.

import type { IToken } from 'chevrotain';
import type { Comment, Ruleset, Span, TopItem } from './ast';
import { NO_SPAN } from './ast';
import { ItemsBuilder } from './cst-to-ast';
import { lex } from './lexer';
import { exceedsBytes, findTooDeep, MAX_FILE_BYTES, parseRuleset, TOP_STARTS, type ParseResult } from './parse';
import { parseTokensAs } from './parser';
import * as T from './tokens';

/** A parse kept for the next edit. */
export interface Tracked {
  readonly text: string;
  readonly result: ParseResult;
  /** How `result` was made: `item` (one item reparsed) or `full`. */
  readonly how: 'item' | 'full';
  /** With `item`: the item reparsed, as it was before the edit and as it is now. */
  readonly replaced?: { readonly before: TopItem; readonly after: TopItem };
}

/** Parses `text` in full, kept for `reparse`. */
export function track(text: string): Tracked {
  return { text, result: parseRuleset(text), how: 'full' };
}

/** The parse of `text`: by reparsing one item of `prev` when the edit allows it (see the header), else in full. */
export function reparse(prev: Tracked | undefined, text: string): Tracked {
  if (prev !== undefined && prev.text === text) return prev;
  const one = prev !== undefined ? reparseItem(prev, text) : undefined;
  return one !== undefined ? { text, result: one.result, how: 'item', replaced: one.replaced } : track(text);
}

/**
 * The edit from `a` to `b` as one replaced range: `[start, endA)` of `a` became `[start, endB)` of `b`
 * (common prefix and suffix, the suffix not overlapping the prefix).
 */
export function editBetween(a: string, b: string): { start: number; endA: number; endB: number } {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, endA: a.length - s, endB: b.length - s };
}

function reparseItem(prev: Tracked, text: string): { result: ParseResult; replaced: { before: TopItem; after: TopItem } } | undefined {
  const old = prev.result;
  // Only a file without any diagnostic: with errors, recovery needs the whole file's context.
  if (old.diagnostics.length > 0 || old.ast.items.length === 0 || exceedsBytes(text, MAX_FILE_BYTES)) return undefined;
  const items = old.ast.items;
  const edit = editBetween(prev.text, text);
  // Slot k: from item k's first token to item k+1's first token (its trailing blanks and comments included).
  const k = slotOf(items, edit.start);
  if (k === undefined) return undefined;
  const slotStart = (items[k] as TopItem).span.start;
  const next = items[k + 1];
  const slotEndOld = next !== undefined ? next.span.start : prev.text.length;
  // The edit must leave the item's first character and the next item's start untouched (strictly inside the slot).
  if (!(edit.start > slotStart && (next === undefined || edit.endA < slotEndOld))) return undefined;
  const delta = text.length - prev.text.length;
  const slotEnd = slotEndOld + delta;
  const piece = itemAt(text, slotStart, slotEnd);
  if (piece === undefined) return undefined;

  const after = (x: { readonly span: Span }): boolean => x.span.start >= slotEndOld;
  const before = (x: { readonly span: Span }): boolean => x.span.start < slotStart;
  const newItems: TopItem[] = [...items.slice(0, k), piece.item, ...items.slice(k + 1).map((it) => shifted(it, delta))];
  const comments: Comment[] = [...old.ast.comments.filter(before), ...piece.comments, ...old.ast.comments.filter(after).map((c) => shifted(c, delta))];
  const end = next === undefined ? piece.lastEnd : old.ast.span.end + delta;
  const ast: Ruleset = { ...old.ast, items: newItems, comments, span: { start: old.ast.span.start, end } };
  return { result: { ast, diagnostics: [] }, replaced: { before: items[k] as TopItem, after: piece.item } };
}

/** The index of the item whose slot holds `offset` (undefined in the header). */
function slotOf(items: readonly TopItem[], offset: number): number | undefined {
  let lo = 0;
  let hi = items.length - 1;
  if (offset < (items[0] as TopItem).span.start) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((items[mid] as TopItem).span.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The one item that `text[start, end)` holds, with its comments and the end of its last token; undefined when the
 * slot does not lex, parse and build without any diagnostic as exactly one item ending in `}`, or when a token of
 * the whole file could cross the slot's end (a comment running into the next item).
 */
function itemAt(text: string, start: number, end: number): { item: TopItem; comments: Comment[]; lastEnd: number } | undefined {
  const slot = text.slice(start, end);
  const lexed = lex(slot);
  if (lexed.diagnostics.length > 0) return undefined;
  const tokens = lexed.tokens;
  const last = tokens[tokens.length - 1];
  if (tokens.length === 0 || !TOP_STARTS.has((tokens[0] as IToken).tokenType) || last?.tokenType !== T.RBrace) return undefined;
  // Exactly one item: no other item keyword at depth 0, braces balanced, closed by the last token.
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = (tokens[i] as IToken).tokenType;
    if (type === T.LBrace) depth++;
    else if (type === T.RBrace) {
      if (--depth < 0 || (depth === 0 && i !== tokens.length - 1)) return undefined;
    } else if (depth === 0 && i > 0 && TOP_STARTS.has(type)) return undefined;
  }
  if (depth !== 0) return undefined;
  // A comment that ends the slot would run on into the next item's keyword in the whole file.
  if (end < text.length && lexed.comments.some((c) => c.span.end >= slot.length)) return undefined;
  for (const t of tokens) {
    t.startOffset += start;
    if (t.endOffset !== undefined) t.endOffset += start;
  }
  if (findTooDeep(tokens) !== undefined) return undefined;
  const parsed = parseTokensAs('topItem', tokens);
  if (parsed.errors.length > 0) return undefined;
  const b = new ItemsBuilder();
  b.item(parsed.cst);
  const built = b.built();
  const item = built.items[0];
  if (item === undefined || built.items.length !== 1 || built.diagnostics.length > 0) return undefined;
  return { item, comments: lexed.comments.map((c) => shifted(c, start)), lastEnd: last.startOffset + last.image.length };
}

/** A copy of `node` with every span moved by `delta` (`NO_SPAN` kept: it is no position). */
function shifted<N>(node: N, delta: number): N {
  return moveSpans(node, delta, -Infinity);
}

/**
 * A copy of `node` (an AST, display lines, symbols, evaluation events) in which every span (an object of exactly `start`
 * and `end`) has its offsets at or after `from` moved by `delta`: a span after `from` moves, a span around it grows or
 * shrinks; `NO_SPAN` and spans before `from` are kept. Only arrays and plain objects are copied (a number object inside
 * is kept as it is). `node` itself when `delta` is 0.
 */
export function moveSpans<N>(node: N, delta: number, from: number): N {
  if (delta === 0) return node;
  return copy(node, delta, from) as N;
}

/**
 * True when `moveSpans(a, delta, from)` would be equal to `b` as JSON text (same keys in the same order, same values),
 * found without copying `a` or writing either out.
 */
export function sameAfterMove(a: unknown, b: unknown, delta: number, from: number): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b && (typeof a !== 'number' || Number.isFinite(a));
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameAfterMove(a[i], b[i], delta, from)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const proto: unknown = Object.getPrototypeOf(a);
  if (proto !== Object.prototype && proto !== null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  if (kx.length === 2 && typeof x['start'] === 'number' && typeof x['end'] === 'number' && a !== NO_SPAN && delta !== 0) {
    const moved = movedSpan(x['start'], x['end'], delta, from);
    return ky[0] === kx[0] && ky[1] === kx[1] && y['start'] === moved.start && y['end'] === moved.end;
  }
  for (let i = 0; i < kx.length; i++) {
    const k = kx[i] as string;
    if (ky[i] !== k) return false;
    const u = x[k];
    const w = y[k];
    // JSON leaves out a key whose value is undefined: compare such objects as text would not, as different.
    if (u === undefined || w === undefined || !sameAfterMove(u, w, delta, from)) return false;
  }
  return true;
}

/** The span `[start, end)` after the text at or after `from` moved by `delta` (see `moveSpans`). */
function movedSpan(start: number, end: number, delta: number, from: number): { start: number; end: number } {
  if (end < from) return { start, end };
  return { start: start >= from ? start + delta : start, end: end + delta };
}

function copy(v: unknown, delta: number, from: number): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const a = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) a[i] = copy(v[i], delta, from);
    return a;
  }
  if (v === NO_SPAN) return v;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const o = v as Record<string, unknown>;
  // One read of the keys serves both the span test and the copy (a keystroke in a 2,000-indicator file copies the
  // half of the tree after it: this loop is most of an incremental reparse).
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o['start'] === 'number' && typeof o['end'] === 'number') {
    const end = o['end'];
    return end < from ? o : movedSpan(o['start'], end, delta, from);
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const x = o[key];
    out[key] = typeof x === 'object' && x !== null ? copy(x, delta, from) : x;
  }
  return out;
}
