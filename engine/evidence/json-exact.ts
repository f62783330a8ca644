// Reading JSON text exactly, in one linear pass: text → plain data whose numbers keep their exact source value.
// In: JSON text and the evidence limits. Out: the data (own-property objects, arrays, doubles recorded with `setExact`)
// and the numbers that break a number limit, or the first problem (syntax, duplicate key, depth, value count).
//
// Evidence files written as JSON and NDJSON records that JSON.parse would round are read here. Limits are checked
// while reading, so a hostile file costs at most what it takes to reach the limit: a 3 MB nest of `[` stops at
// depth 33, a file of 150,000 keys at the 100,001st value. Keys are own data properties (`__proto__` is a key).

import { setExact } from '../numbers/exact';
import { isShortestText, readDecimal, type NumberText } from '../numbers/number-text';

export interface JsonLimits {
  /** Deepest value (the top value is at depth 0, its members at 1, …). */
  readonly maxDepth: number;
  /** Most values (objects, arrays and scalars, the top value included). */
  readonly maxValues: number;
  /** A key given twice in one object: a problem (evidence files), or the last one wins (as JSON.parse, NDJSON). */
  readonly duplicates: 'error' | 'last';
}

/** A number that breaks a limit, where it is: keys from the top value down (array indices as text). */
export interface LongNumber {
  readonly path: readonly string[];
  readonly limit: Exclude<NumberText, { q: unknown }>;
}

export type JsonProblem =
  | { readonly kind: 'syntax'; readonly offset: number; readonly message: string }
  | { readonly kind: 'duplicate'; readonly offset: number; readonly key: string }
  | { readonly kind: 'depth' }
  | { readonly kind: 'values' };

export type JsonRead =
  | { readonly value: unknown; readonly long: readonly LongNumber[] }
  | { readonly problem: JsonProblem };

class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Reads one JSON text. A number within the limits is a double with its exact value recorded (`exactNumber`); one
 * beyond them is `null` in the data and listed in `long`, so the caller can name the platform and field. Never throws.
 */
export function readJsonExact(text: string, limits: JsonLimits): JsonRead {
  const r = new JsonReader(text, limits);
  if (text.charCodeAt(0) === 0xfeff) r.pos = 1; // a byte order mark, as YAML readers skip it
  try {
    r.space();
    const value = r.value(0, undefined, '');
    r.space();
    if (r.pos < text.length) r.fail('unexpected text after the JSON value');
    return { value, long: r.long };
  } catch (e) {
    if (e instanceof Stop) return { problem: e.problem };
    throw e;
  }
}

class JsonReader {
  pos = 0;
  private count = 0;
  private readonly path: string[] = [];
  readonly long: LongNumber[] = [];

  constructor(
    private readonly text: string,
    private readonly limits: JsonLimits,
  ) {}

  fail(message: string, offset = this.pos): never {
    throw new Stop({ kind: 'syntax', offset, message });
  }

  space(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  /** The value at `pos`, which goes to `container[key]` (for exact numbers). */
  value(depth: number, container: object | undefined, key: string): unknown {
    if (++this.count > this.limits.maxValues) throw new Stop({ kind: 'values' });
    if (depth > this.limits.maxDepth) throw new Stop({ kind: 'depth' });
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth + 1);
    if (c === 91 /* [ */) return this.array(depth + 1);
    if (c === 34 /* " */) return this.string();
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number(container, key);
    if (t.startsWith('true', this.pos)) return this.word(4, true);
    if (t.startsWith('false', this.pos)) return this.word(5, false);
    if (t.startsWith('null', this.pos)) return this.word(4, null);
    return this.fail(this.pos < t.length ? `unexpected ${JSON.stringify(t[this.pos])}` : 'unexpected end of the text');
  }

  private word(length: number, v: boolean | null): boolean | null {
    this.pos += length;
    return v;
  }

  private object(depth: number): Record<string, unknown> {
    const t = this.text;
    const o: Record<string, unknown> = {};
    this.pos++;
    this.space();
    if (t.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return o;
    }
    for (;;) {
      if (t.charCodeAt(this.pos) !== 34) this.fail('expected a key in double quotes');
      const at = this.pos;
      const k = this.string();
      this.space();
      if (t.charCodeAt(this.pos) !== 58 /* : */) this.fail('expected `:` after the key');
      this.pos++;
      this.space();
      if (Object.prototype.hasOwnProperty.call(o, k) && this.limits.duplicates === 'error') {
        throw new Stop({ kind: 'duplicate', offset: at, key: k });
      }
      this.path.push(k);
      const v = this.value(depth, o, k);
      this.path.pop();
      if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      else o[k] = v;
      this.space();
      const c = t.charCodeAt(this.pos);
      this.pos++;
      if (c === 125) return o;
      if (c !== 44 /* , */) this.fail('expected `,` or `}`', this.pos - 1);
      this.space();
    }
  }

  private array(depth: number): unknown[] {
    const t = this.text;
    const a: unknown[] = [];
    this.pos++;
    this.space();
    if (t.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return a;
    }
    for (;;) {
      const k = String(a.length);
      this.path.push(k);
      a.push(this.value(depth, a, k));
      this.path.pop();
      this.space();
      const c = t.charCodeAt(this.pos);
      this.pos++;
      if (c === 93) return a;
      if (c !== 44) this.fail('expected `,` or `]`', this.pos - 1);
      this.space();
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92 /* \ */) {
        escaped = true;
        p += 2;
        continue;
      }
      if (c < 32 || Number.isNaN(c)) this.fail(p >= t.length ? 'unterminated string' : 'control character in a string', p);
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start + 1, p);
    // Escapes are JSON's own: JSON.parse of the literal decodes them (and refuses bad ones).
    try {
      return JSON.parse(t.slice(start, p + 1)) as string;
    } catch {
      return this.fail('bad escape in a string', start);
    }
  }

  private number(container: object | undefined, key: string): number | null {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) return this.fail('bad number');
    const src = m[0];
    this.pos += src.length;
    const x = Number(src);
    if (isShortestText(src, x)) return x;
    const read = readDecimal(src);
    if (read !== undefined && !('q' in read)) {
      this.long.push({ path: [...this.path], limit: read });
      return null;
    }
    // A decimal whose double is not finite (1e309) stays a non-finite number: it is reported, not read.
    if (read !== undefined && container !== undefined && Number.isFinite(x)) setExact(container, key, read.q);
    return x;
  }
}
