// Reading evidence files: YAML 1.2 (core schema) or JSON text → platform documents, with file-level problems.
// In: the file's text and name (callers read files; this module never touches a file system). Out: plain-data
// platform documents `{ platform, name?, evidence }` whose numbers keep their exact source text (see `exactNumber`).
//
// A file holds one platform (a mapping), a list of platforms, or several YAML documents. Limits: size, nesting
// depth and the number of values after alias expansion (so "billion laughs" files are refused). Keys are
// defined as own properties, so `__proto__` or `constructor` keys are plain data and never touch prototypes.

import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { LANGS, type Lang } from '../dsl/ast';
import { renderMessage } from '../dsl/diagnostics';
import type { Code } from '../dsl/messages';
import { Rational } from './rational';
import type { EvidenceIssue } from './result';

/** Largest evidence text accepted (UTF-8 bytes). */
export const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of mappings and lists. */
export const MAX_EVIDENCE_DEPTH = 32;
/** Most values a file may expand to (aliases count every time they are used). */
export const MAX_EVIDENCE_VALUES = 100_000;
/** Most alias uses a file may make. */
export const MAX_ALIAS_COUNT = 1000;

/** One platform's document, as plain data. */
export interface PlatformDoc {
  readonly platform: string;
  readonly name?: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface ParsedEvidence {
  /** The platforms the file holds, in file order (possibly empty when the file has errors). */
  readonly platforms: readonly PlatformDoc[];
  /** File-level problems (errors and warnings; `field` is '' or a top-level key). */
  readonly issues: readonly EvidenceIssue[];
}

/** Exact values of numbers read from text, by container and key (numbers in YAML/JSON may exceed double precision). */
const EXACT = new WeakMap<object, Map<string, Rational>>();

/** The exact value of the number at `container[key]` if this module read it from text. */
export function exactNumber(container: object, key: string): Rational | undefined {
  return EXACT.get(container)?.get(key);
}

/** Every exact number recorded for `container` (undefined when none): one lookup for fast readers (engine/plan). */
export function exactNumbersOf(container: object): ReadonlyMap<string, Rational> | undefined {
  return EXACT.get(container);
}

/** Records the exact value of `container[key]` (for readers of other YAML files, e.g. rule tests). */
export function setExact(container: object, key: string, q: Rational): void {
  let m = EXACT.get(container);
  if (!m) EXACT.set(container, (m = new Map()));
  m.set(key, q);
}

/** Defines an own, enumerable data property (never invokes the `__proto__` setter). */
export function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

class Limit extends Error {
  constructor(
    readonly code: Code,
    readonly args: Record<string, string | number>,
  ) {
    super(code);
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Short, language-neutral rendering of a raw value for messages. */
export function renderFound(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    const s = v.length > 40 ? v.slice(0, 40) + '…' : v;
    return JSON.stringify(s);
  }
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : String(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return '[…]';
  return '{…}';
}

class Reader {
  private count = 0;
  private aliases = 0;
  constructor(private readonly doc: Document) {}

  /** Converts a YAML node to plain data; `container[key]` is where it goes (for exact numbers). */
  value(node: unknown, depth: number, container?: object, key?: string): unknown {
    if (++this.count > MAX_EVIDENCE_VALUES) throw new Limit('E133', { limit: MAX_EVIDENCE_VALUES });
    if (depth > MAX_EVIDENCE_DEPTH) throw new Limit('E132', { limit: MAX_EVIDENCE_DEPTH });
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIAS_COUNT) throw new Limit('E133', { limit: MAX_EVIDENCE_VALUES });
      return this.value(node.resolve(this.doc), depth, container, key);
    }
    if (isScalar(node)) {
      const v: unknown = node.value;
      if (typeof v === 'number' && container && key !== undefined) {
        const src = typeof node.source === 'string' ? node.source.trim() : '';
        const q =
          Number.isFinite(v) && DECIMAL.test(src)
            ? Rational.parse(src)
            : Number.isSafeInteger(v)
              ? Rational.fromInt(v)
              : Rational.fromNumber(v);
        // A decimal whose double is not finite (1e309) stays a non-finite number: it is reported, not read.
        if (q && Number.isFinite(v)) setExact(container, key, q);
      }
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    if (isMap(node)) {
      const o: Record<string, unknown> = {};
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        const name = typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : renderFound(k);
        defineOwn(o, name, this.value(pair.value, depth + 1, o, name));
      }
      return o;
    }
    if (isSeq(node)) {
      const a: unknown[] = [];
      node.items.forEach((item, i) => a.push(this.value(item, depth + 1, a, String(i))));
      return a;
    }
    return null;
  }
}

function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_EVIDENCE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Reads an evidence file. `fileName` is only used in messages; the format (YAML or JSON) needs no hint since
 * JSON is read as YAML 1.2 flow style. Never throws.
 */
export function parseEvidenceText(text: string, fileName = '', opts: { lang?: Lang } = {}): ParsedEvidence {
  const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
  const issues: EvidenceIssue[] = [];
  const add = (code: Code, field: string, args: Record<string, string | number> = {}): void => {
    issues.push({ field, code, message: renderMessage({ code, args }, lang), args: { ...args, ...(fileName ? { file: fileName } : {}) } });
  };
  if (utf8Length(text) > MAX_EVIDENCE_BYTES) {
    add('E131', '', { limit: MAX_EVIDENCE_BYTES });
    return { platforms: [], issues };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      merge: false,
      prettyErrors: true,
      strict: true,
    }) as Document.Parsed[];
  } catch (e) {
    add('E130', '', { message: e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e) });
    return { platforms: [], issues };
  }
  if (!Array.isArray(docs)) docs = [docs];
  const platforms: PlatformDoc[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      add('E130', '', { message: err.message.split('\n')[0] ?? err.message });
      continue;
    }
    let data: unknown;
    try {
      data = new Reader(doc).value(doc.contents as YamlNode | null, 0);
    } catch (e) {
      if (e instanceof Limit) add(e.code, '', e.args);
      else add('E130', '', { message: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) });
      continue;
    }
    if (data === null) continue;
    const items = Array.isArray(data) ? data : [data];
    for (const item of items) {
      const p = platformOf(item, add);
      if (p) platforms.push(p);
    }
  }
  if (platforms.length === 0 && !issues.some((i) => i.code !== 'E137')) add('E139', '');
  return { platforms, issues };
}

const PLATFORM_KEYS = new Set(['platform', 'name', 'evidence']);

function own(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function platformOf(
  item: unknown,
  add: (code: Code, field: string, args?: Record<string, string | number>) => void,
): PlatformDoc | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    add('E134', '', { found: renderFound(item) });
    return undefined;
  }
  for (const k of Object.keys(item)) if (!PLATFORM_KEYS.has(k)) add('E137', k, { key: k });
  const platform = own(item, 'platform');
  const name = own(item, 'name');
  const evidence = own(item, 'evidence');
  let ok = true;
  if (typeof platform !== 'string' || platform.trim() === '') {
    add('E135', 'platform');
    ok = false;
  }
  if (name !== undefined && name !== null && typeof name !== 'string') {
    add('E138', 'name', { found: renderFound(name) });
    ok = false;
  }
  if (typeof evidence !== 'object' || evidence === null || Array.isArray(evidence)) {
    add('E136', 'evidence', { found: renderFound(evidence) });
    ok = false;
  }
  if (!ok) return undefined;
  return {
    platform: platform as string,
    ...(typeof name === 'string' ? { name } : {}),
    evidence: evidence as Record<string, unknown>,
  };
}
