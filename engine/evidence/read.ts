// Reading evidence files: YAML 1.2 (core schema) or JSON text → platform documents, with file-level problems.
// In: the file's text and name (callers read files; this module never touches a file system). Out: plain-data
// platform documents `{ platform, name?, evidence }` whose numbers keep their exact source text (see `exactNumber`).
//
// A file holds one platform (a mapping), a list of platforms, or several YAML documents. Limits: size, nesting
// depth and the number of values after alias expansion (so "billion laughs" files are refused). Keys are
// defined as own properties, so `__proto__` or `constructor` keys are plain data and never touch prototypes.

import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { assertNever, LANGS, type Lang } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import type { Code } from '../../dsl/messages';
import { lineCol } from '../../dsl/source';
import { setExact } from '../numbers/exact';
import { readJsonExact, type JsonProblem, type LongNumber } from './json-exact';
import { readPlainYaml } from './yaml-plain';
import { isShortestText, readDecimal } from '../numbers/number-text';
import { Rational } from '../numbers/rational';
import type { EvidenceIssue } from '../evaluate/result';

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

export { exactNumber, exactNumbersOf, setExact } from '../numbers/exact';

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

/** A key given twice in one mapping: E130, naming the key and where its second use is. */
class Duplicate extends Error {
  constructor(
    readonly key: string,
    readonly offset: number,
  ) {
    super(key);
  }
}

class Reader {
  private count = 0;
  private aliases = 0;
  /** Keys from the document's top value down to the value being read (for numbers beyond the limits). */
  private readonly path: string[] = [];
  readonly long: LongNumber[] = [];
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
        if (isShortestText(src, v)) return v;
        const read = readDecimal(src);
        if (read !== undefined && !('q' in read)) {
          this.long.push({ path: [...this.path], limit: read });
          return null;
        }
        const q = read !== undefined ? read.q : Number.isSafeInteger(v) ? Rational.fromInt(v) : Rational.fromNumber(v);
        // A decimal whose double is not finite (1e309) stays a non-finite number: it is reported, not read.
        if (q && Number.isFinite(v)) setExact(container, key, q);
      }
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    if (isMap(node)) {
      const o: Record<string, unknown> = {};
      // Keys are checked here, in one pass with a Set: the YAML library's own check compares each key with every
      // earlier one (150,000 keys took minutes).
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        const name = typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : renderFound(k);
        if (seen.has(name)) throw new Duplicate(name, (pair.key as { range?: [number] } | null)?.range?.[0] ?? 0);
        seen.add(name);
        this.path.push(name);
        defineOwn(o, name, this.value(pair.value, depth + 1, o, name));
        this.path.pop();
      }
      return o;
    }
    if (isSeq(node)) {
      const a: unknown[] = [];
      node.items.forEach((item, i) => {
        this.path.push(String(i));
        a.push(this.value(item, depth + 1, a, String(i)));
        this.path.pop();
      });
      return a;
    }
    return null;
  }
}

/** The message of a duplicate key (E130), in the words the YAML library uses for its errors. */
function duplicateMessage(text: string, key: string, offset: number): string {
  const { line, col } = lineCol(text, offset);
  return `duplicate key ${renderFound(key)} at line ${line}, column ${col}`;
}

/** True when the text is JSON-shaped (its first character, after a byte order mark and spaces, opens an object or list). */
function looksLikeJson(text: string): boolean {
  const m = /^\ufeff?[ \t\r\n]*([{[])/.exec(text);
  return m !== null;
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
  const platforms: PlatformDoc[] = [];
  if (looksLikeJson(text)) {
    // JSON is read by the exact JSON reader: one linear pass with the limits checked while reading. Text it does not
    // take as JSON (YAML flow style such as `{pue: 1.2}`, or broken JSON) goes on to the YAML reader, whose messages
    // then say what is wrong and where.
    const read = readJsonExact(text, { maxDepth: MAX_EVIDENCE_DEPTH, maxValues: MAX_EVIDENCE_VALUES, duplicates: 'error' });
    if ('value' in read) {
      addPlatforms(read.value, read.long, add, platforms);
      return finish(platforms, issues, add);
    }
    if (read.problem.kind !== 'syntax') {
      addProblem(text, read.problem, add);
      return finish(platforms, issues, add);
    }
  }
  // Plain block YAML (most evidence files) is read without the YAML library, which reads the rest.
  const plain = readPlainYaml(text);
  if (plain !== undefined) {
    addPlatforms(plain.value, [], add, platforms);
    return finish(platforms, issues, add);
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.2',
      schema: 'core',
      // Duplicate keys are found by the Reader (linear); the library's check is quadratic in the keys of a mapping.
      uniqueKeys: false,
      merge: false,
      prettyErrors: true,
      strict: true,
    }) as Document.Parsed[];
  } catch (e) {
    add('E130', '', { message: e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e) });
    return { platforms: [], issues };
  }
  if (!Array.isArray(docs)) docs = [docs];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      add('E130', '', { message: err.message.split('\n')[0] ?? err.message });
      continue;
    }
    const reader = new Reader(doc);
    let data: unknown;
    try {
      data = reader.value(doc.contents as YamlNode | null, 0);
    } catch (e) {
      if (e instanceof Limit) add(e.code, '', e.args);
      else if (e instanceof Duplicate) add('E130', '', { message: duplicateMessage(text, e.key, e.offset) });
      else add('E130', '', { message: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) });
      continue;
    }
    addPlatforms(data, reader.long, add, platforms);
  }
  return finish(platforms, issues, add);
}

type Add = (code: Code, field: string, args?: Record<string, string | number>) => void;

function finish(platforms: PlatformDoc[], issues: EvidenceIssue[], add: Add): ParsedEvidence {
  if (platforms.length === 0 && !issues.some((i) => i.code !== 'E137')) add('E139', '');
  return { platforms, issues };
}

/** A problem of the JSON reader other than syntax, as the issue the YAML reader gives for it. */
function addProblem(text: string, problem: Exclude<JsonProblem, { kind: 'syntax' }>, add: Add): void {
  switch (problem.kind) {
    case 'duplicate':
      add('E130', '', { message: duplicateMessage(text, problem.key, problem.offset) });
      return;
    case 'depth':
      add('E132', '', { limit: MAX_EVIDENCE_DEPTH });
      return;
    case 'values':
      add('E133', '', { limit: MAX_EVIDENCE_VALUES });
      return;
    default:
      assertNever(problem, 'JSON problem');
  }
}

/**
 * The platforms of one document's data (a platform or a list of them). A platform with a number beyond the
 * number limits is left out, with an error naming the platform, the field and the limit (E145, E146).
 */
function addPlatforms(data: unknown, long: readonly LongNumber[], add: Add, platforms: PlatformDoc[]): void {
  if (data === null && long.length === 0) return;
  const items = Array.isArray(data) ? data : [data];
  const longOf = new Map<number, LongNumber[]>();
  for (const l of long) {
    const at = Array.isArray(data) ? Number(l.path[0]) : 0;
    const list = longOf.get(at) ?? [];
    list.push({ path: Array.isArray(data) ? l.path.slice(1) : l.path, limit: l.limit });
    longOf.set(at, list);
  }
  items.forEach((item, i) => {
    const p = platformOf(item, add);
    const bad = longOf.get(i);
    if (bad === undefined) {
      if (p) platforms.push(p);
      return;
    }
    const platform = p?.platform ?? (typeof item === 'object' && item !== null ? renderFound(own(item, 'platform')) : '');
    for (const { path, limit } of bad) {
      const field = (path[0] === 'evidence' ? path.slice(1) : path).join('.');
      add(limit.code, field, { ...limit.args, platform, field });
    }
  });
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
