// Reading the plain block YAML that evidence files are mostly written in, without the YAML library.
// In: YAML text. Out: the plain data `read.ts`'s YAML path gives for it (own-property objects, doubles recorded with
// `setExact`, the same values for nulls, booleans and strings) and the line of every key — or undefined as soon as
// the text uses anything beyond the subset, and the YAML library reads it (with its own messages and limits).
//
// The subset: one document of nested mappings, one `key: value` or `key:` per line, indented by spaces; comments on
// their own line or after a value; plain scalars — null (`~`, `null`, empty), booleans, base-10 integers and
// decimals, and strings that could not be read as anything else — and quoted strings without escapes. Everything
// else (lists, escapes, flow collections,
// anchors, tags, block scalars, document markers, tabs, CR, control and surrogate characters, a key twice, a value
// continued on the next line, numbers beyond the number limits, number-like strings, deep nesting) is refused.
// test/engine/yaml-plain.test.ts compares it with the YAML library on the corpus and on generated texts.

import { setExact } from '../numbers/exact';
import { isShortestText, readDecimal } from '../numbers/number-text';

/** The data of a text in the subset, and the 1-based line of each key, by the object that holds it. */
export interface PlainYaml {
  readonly value: Record<string, unknown>;
  readonly keyLines: WeakMap<object, Map<string, number>>;
}

// The YAML 1.2 core schema's tests (the YAML library's, yaml/dist/schema/core).
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
/** Characters the subset never reads: control characters, NEL, line separators, BOM, surrogates, tabs, CR. */
const REFUSED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
/**
 * A string the core schema reads as itself: it starts with none of YAML's indicators nor anything number-like
 * (`-`, `+`, `.`, a digit), holds no flow indicator, quote or `#`, no `: ` and does not end with `:`.
 */
const STRING = /^[^-?:,[\]{}#&*!|>'"%@`+.0-9 ][^,[\]{}#'"]*$/;
const MAX_DEPTH = 30;
const MAX_VALUES = 100_000;
const MAX_KEY = 1000;

/** The scalar a plain value reads as (`container[key]` receives it), or `REFUSE`. */
function scalar(text: string, container: object, key: string): unknown {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  const int = INT.test(text);
  if (int || FLOAT.test(text) || FLOAT_EXP.test(text)) {
    const v = int ? parseInt(text, 10) : parseFloat(text);
    if (isShortestText(text, v)) return v;
    const read = readDecimal(text);
    if (read === undefined || !('q' in read)) return REFUSE;
    if (Number.isFinite(v)) setExact(container, key, read.q);
    return v;
  }
  if (!STRING.test(text) || text.endsWith(':') || text.includes(': ')) return REFUSE;
  return text;
}
const REFUSE = Symbol('refuse');

/** Reads `text` if it is in the subset (see the header); undefined otherwise. Never throws. */
export function readPlainYaml(text: string): PlainYaml | undefined {
  if (REFUSED.test(text)) return undefined;
  const keyLines = new WeakMap<object, Map<string, number>>();
  const root: Record<string, unknown> = {};
  keyLines.set(root, new Map());
  /** Open mappings, innermost last, with their indentation. */
  const stack: { indent: number; o: Record<string, unknown> }[] = [];
  /** A `key:` with nothing after it: its value is the mapping indented under it, or null. */
  let open: { o: Record<string, unknown>; key: string; indent: number } | undefined;
  let values = 1;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const s = text.slice(start, end);
    start = end + 1;
    line++;
    let indent = 0;
    while (indent < s.length && s.charCodeAt(indent) === 32) indent++;
    if (indent === s.length || s.charCodeAt(indent) === 35 /* # */) continue;
    // Where this line's mapping is: a new one under an open key, the same, or an enclosing one.
    if (open !== undefined && indent > open.indent) {
      if (stack.length >= MAX_DEPTH) return undefined;
      const o: Record<string, unknown> = {};
      defineOwn(open.o, open.key, o);
      keyLines.set(o, new Map());
      stack.push({ indent, o });
    } else {
      if (open !== undefined) defineOwn(open.o, open.key, null);
      if (stack.length === 0) {
        if (indent !== 0) return undefined;
        stack.push({ indent, o: root });
      }
      while (stack.length > 0 && indent < (stack[stack.length - 1] as { indent: number }).indent) stack.pop();
      if (stack.length === 0 || indent !== (stack[stack.length - 1] as { indent: number }).indent) return undefined;
    }
    open = undefined;
    const { o } = stack[stack.length - 1] as { o: Record<string, unknown> };
    // `key:` or `key: value`, the value ending at a comment.
    let colon = s.indexOf(': ', indent);
    const bare = colon < 0;
    if (bare) {
      if (s.charCodeAt(s.length - 1) !== 58 /* : */) return undefined;
      colon = s.length - 1;
    }
    const key = s.slice(indent, colon);
    if (key.length > MAX_KEY || key.endsWith(' ') || key === '<<' || typeof scalar(key, o, key) !== 'string') return undefined;
    if (Object.prototype.hasOwnProperty.call(o, key)) return undefined;
    if (++values > MAX_VALUES) return undefined;
    (keyLines.get(o) as Map<string, number>).set(key, line);
    let rest = bare ? '' : s.slice(colon + 2);
    const quoted = quotedString(rest);
    if (quoted !== undefined) {
      if (quoted === REFUSE) return undefined;
      defineOwn(o, key, quoted);
      if (nextIndent(text, start) > indent) return undefined;
      continue;
    }
    const hash = rest.indexOf(' #');
    if (hash >= 0) rest = rest.slice(0, hash);
    else if (rest.charCodeAt(0) === 35) rest = '';
    rest = rest.trim();
    if (rest === '') {
      open = { o, key, indent };
      continue;
    }
    const v = scalar(rest, o, key);
    if (v === REFUSE) return undefined;
    defineOwn(o, key, v);
    // A line indented under a key with a value continues that value (a multi-line plain scalar): refused.
    if (nextIndent(text, start) > indent) return undefined;
  }
  if (open !== undefined) defineOwn(open.o, open.key, null);
  if (stack.length === 0) return undefined;
  return { value: root, keyLines };
}

/**
 * A quoted string on one line without escapes (`"…"` without `\\` or `"` inside, `'…'` without `'`), then at most
 * a comment: its text; `REFUSE` for any other quoted value; undefined when the value is not quoted.
 */
function quotedString(rest: string): string | typeof REFUSE | undefined {
  const v = rest.trimStart();
  const q = v.charCodeAt(0);
  if (q !== 34 && q !== 39) return undefined;
  const close = v.indexOf(v[0] as string, 1);
  if (close < 0) return REFUSE;
  const inner = v.slice(1, close);
  if (q === 34 && inner.includes('\\')) return REFUSE;
  const after = v.slice(close + 1);
  return after.trim() === '' || /^ +#/.test(after) ? inner : REFUSE;
}

/** The indentation of the next line with content after `from` (comments and blank lines skipped); -1 at the end. */
function nextIndent(text: string, from: number): number {
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text.charCodeAt(i) !== 35) return i - start;
    start = end + 1;
  }
  return -1;
}

/** An own, enumerable data property (never the `__proto__` setter), as read.ts defines them. */
function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
