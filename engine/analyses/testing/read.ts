// Reading a rule-test file: YAML text → plain data (exact numbers) → JSON Schema (ajv) → `TestFile` + issues.
// In: the file's text and path, a loader for platform files (callers read files; this module never does).
// Out: the cases that are well formed, each with its evidence assembled; every problem names file, case and field.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { LANGS, type Lang } from '../../../dsl/ast';
import { defineOwn, exactNumber, parseEvidenceText, setExact, type PlatformDoc } from '../../evidence/read';
import { Rational } from '../../numbers/rational';
import type { IndicatorStatus, Outcome } from '../../evaluate/result';
import { renderHelp, renderMessage } from '../../../dsl/diagnostics';
import type { Code } from '../../../dsl/messages';
import type { DimensionExpectation, Expectations, ExpectedDerived, ExpectedNumber, IndicatorExpectation, TestCase, TestFile, TestIssue } from './model';
import { DEFINITION_EXPECTED, TEST_FILE_SCHEMA } from './schema';

/** Largest test file read (UTF-16 units). */
export const MAX_TEST_FILE_CHARS = 4 * 1024 * 1024;
const MAX_VALUES = 200_000;
const MAX_DEPTH = 32;

export interface ReadOptions {
  /** Language of the messages. */
  readonly lang?: Lang;
  /** Reads a platform file by its resolved path (`dirname(test file)/written`); undefined when it cannot. */
  readonly load?: (path: string) => string | undefined;
  /** Platform files already read, by resolved path (shared between files of one run). */
  readonly platformCache?: Map<string, PlatformDoc | string>;
}

export interface ReadResult {
  readonly file: TestFile;
  readonly issues: readonly TestIssue[];
}

class TooComplex extends Error {}

/** Converts YAML nodes to plain data: own properties only, numbers' exact values recorded (engine/evidence/read.ts). */
class Reader {
  private count = 0;
  constructor(private readonly doc: Document) {}

  value(node: unknown, depth: number, container?: object, key?: string): unknown {
    if (++this.count > MAX_VALUES || depth > MAX_DEPTH) throw new TooComplex();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.value(node.resolve(this.doc), depth, container, key);
    if (isScalar(node)) {
      const v: unknown = node.value;
      if (typeof v === 'number' && container && key !== undefined && Number.isFinite(v)) {
        const src = typeof node.source === 'string' ? node.source.trim() : '';
        const q = Rational.parse(src) ?? Rational.fromNumber(v);
        if (q) setExact(container, key, q);
      }
      if (typeof v === 'bigint') return Number(v);
      return v;
    }
    if (isMap(node)) {
      const o: Record<string, unknown> = {};
      const merges: unknown[] = [];
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        const merge = typeof k === 'symbol' && isScalar(pair.key) && pair.key.source === '<<';
        const name = typeof k === 'string' || typeof k === 'number' || typeof k === 'boolean' ? String(k) : merge ? '<<' : '?';
        if (merge) merges.push(pair.value);
        else defineOwn(o, name, this.value(pair.value, depth + 1, o, name));
      }
      // `<<: *anchor` merges the anchored mapping's keys that the mapping does not give itself.
      for (const m of merges) {
        const from = this.value(m, depth, undefined, undefined);
        if (typeof from !== 'object' || from === null || Array.isArray(from)) continue;
        for (const k of Object.keys(from)) {
          if (Object.hasOwn(o, k)) continue;
          const v: unknown = Object.getOwnPropertyDescriptor(from, k)?.value;
          defineOwn(o, k, v);
          const q = typeof v === 'number' ? exactNumber(from, k) : undefined;
          if (q) setExact(o, k, q);
        }
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

let validator: ValidateFunction | undefined;
function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, verbose: true, ownProperties: true }).compile(TEST_FILE_SCHEMA);
  return validator;
}

/** Own property of plain data. */
export function own(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null || !Object.hasOwn(o, key)) return undefined;
  return Object.getOwnPropertyDescriptor(o, key)?.value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `dirname(file)/rel`, normalised (`..` and `.` resolved); absolute `rel` is kept. */
export function resolvePath(file: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return r;
  const f = file.replace(/\\/g, '/');
  const cut = f.lastIndexOf('/');
  const parts = (cut >= 0 ? f.slice(0, cut) : '').split('/');
  if (parts.length === 1 && parts[0] === '') parts.pop();
  for (const seg of r.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/') || '.';
}

/** The exact value of a number or number text (`8479/110`, `50%`). */
export function exactOf(v: unknown, container: object, key: string): Rational | undefined {
  if (typeof v === 'number') return exactNumber(container, key) ?? Rational.fromNumber(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s.endsWith('%')) return Rational.parse(s.slice(0, -1))?.div(Rational.HUNDRED);
  const slash = s.indexOf('/');
  if (slash < 0) return Rational.parse(s);
  const n = Rational.parse(s.slice(0, slash));
  const d = Rational.parse(s.slice(slash + 1));
  return n && d && !d.isZero() ? n.div(d) : undefined;
}

function textOf(v: unknown, q: Rational): string {
  return typeof v === 'string' ? v.trim() : q.toDecimalString();
}

/** Reads one test file. Never throws. */
export function readTestFile(text: string, path: string, opts: ReadOptions = {}): ReadResult {
  const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
  const issues: TestIssue[] = [];
  const empty = (): ReadResult => ({ file: { path, cases: [], listed: 0 }, issues });
  const fileIssue = (line: number, key: Code, args: Record<string, string | number> = {}): void => {
    issues.push({ file: path, line, field: '', message: renderMessage({ code: key, args }, lang) });
  };
  if (text.length > MAX_TEST_FILE_CHARS) {
    fileIssue(0, 'T102', { limit: MAX_TEST_FILE_CHARS });
    return empty();
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, merge: true, strict: true, lineCounter: lines });
  } catch (e) {
    fileIssue(0, 'T101', { message: firstLine(e instanceof Error ? e.message : String(e)) });
    return empty();
  }
  const err = doc.errors[0];
  if (err) {
    fileIssue(err.linePos?.[0]?.line ?? 0, 'T101', { message: firstLine(err.message) });
    return empty();
  }
  let data: unknown;
  try {
    data = new Reader(doc).value(doc.contents as YamlNode | null, 0);
  } catch (e) {
    if (e instanceof TooComplex) fileIssue(0, 'T103', { limit: MAX_VALUES, depth: MAX_DEPTH });
    else fileIssue(0, 'T101', { message: firstLine(e instanceof Error ? e.message : String(e)) });
    return empty();
  }
  const offsetOf = (segs: readonly string[]): number => {
    for (let n = segs.length; n >= 0; n--) {
      const keys = segs.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return range[0];
    }
    return -1;
  };
  const lineOf = (segs: readonly string[]): number => {
    const o = offsetOf(segs);
    return o < 0 ? 0 : lines.linePos(o).line;
  };
  const offsets = new Map<TestIssue, number>();
  const cases = own(data, 'cases');
  const listed = Array.isArray(cases) ? cases.length : 0;
  const caseName = (i: number): string | undefined => {
    const n = own(Array.isArray(cases) ? cases[i] : undefined, 'name');
    return typeof n === 'string' && n !== '' ? n : undefined;
  };
  /** Issue at a path of segments (`['cases', '2', 'expect', 'total']`). */
  const at = (segs: readonly string[], message: string): void => {
    const inCase = segs[0] === 'cases' && segs[1] !== undefined && /^\d+$/.test(segs[1]);
    const idx = inCase ? Number(segs[1]) : undefined;
    const field = (inCase ? segs.slice(2) : segs).join('.');
    const name = idx !== undefined ? caseName(idx) : undefined;
    const offset = offsetOf(segs);
    const issue: TestIssue = {
      file: path,
      line: offset < 0 ? 0 : lines.linePos(offset).line,
      ...(idx !== undefined ? { caseIndex: idx + 1 } : {}),
      ...(name !== undefined ? { caseName: name } : {}),
      field,
      message,
    };
    offsets.set(issue, offset);
    issues.push(issue);
  };

  // 1. The schema.
  const v = validate();
  if (!v(data)) for (const e of pruneErrors(v.errors ?? [])) schemaIssue(e, at, lang);
  // In file order (ajv reports in schema order).
  issues.sort((a, b) => (offsets.get(a) ?? -1) - (offsets.get(b) ?? -1));
  const badCases = new Set(issues.flatMap((i) => (i.caseIndex !== undefined ? [i.caseIndex - 1] : [])));
  if (issues.some((i) => i.caseIndex === undefined) || !isRecord(data) || !Array.isArray(cases)) {
    return { file: { path, cases: [], listed }, issues };
  }

  // 2. What the schema cannot say; then the model.
  const description = own(data, 'description');
  const defaults = {
    platform: own(data, 'platform') as string | undefined,
    versions: own(data, 'versions') as string[] | undefined,
    lang: (own(data, 'lang') as Lang | undefined) ?? 'en',
  };
  const cache = opts.platformCache ?? new Map<string, PlatformDoc | string>();
  const names = new Map<string, number>();
  const out: TestCase[] = [];
  cases.forEach((c, i) => {
    const name = own(c, 'name');
    if (typeof name === 'string') {
      const other = names.get(name);
      if (other !== undefined) {
        at(['cases', String(i), 'name'], renderMessage({ code: 'T110', args: { other: other + 1 } }, lang));
        badCases.add(i);
      } else names.set(name, i);
    }
    if (badCases.has(i) || !isRecord(c)) return;
    const tc = readCase(c, i, defaults, { path, lang, cache, load: opts.load, at, lineOf });
    if (tc) out.push(tc);
  });
  return {
    file: { path, ...(typeof description === 'string' ? { description } : {}), cases: out, listed },
    issues,
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

interface CaseCtx {
  readonly path: string;
  readonly lang: Lang;
  readonly cache: Map<string, PlatformDoc | string>;
  readonly load: ((path: string) => string | undefined) | undefined;
  readonly at: (segs: readonly string[], message: string) => void;
  readonly lineOf: (segs: readonly string[]) => number;
}

function readCase(
  c: Record<string, unknown>,
  i: number,
  defaults: { platform: string | undefined; versions: string[] | undefined; lang: Lang },
  ctx: CaseCtx,
): TestCase | undefined {
  const seg = (...s: string[]): string[] => ['cases', String(i), ...s];
  let ok = true;
  const fail = (segs: string[], key: Code, args: Record<string, string | number> = {}): void => {
    ctx.at(segs, withHelp(ctx.lang, key, args));
    ok = false;
  };
  const name = own(c, 'name') as string;
  const inline = own(c, 'evidence');
  const platformOwn = own(c, 'platform') as string | undefined;
  if (platformOwn !== undefined && inline !== undefined) fail(seg('evidence'), 'T111');
  const platform = inline === undefined ? (platformOwn ?? defaults.platform) : undefined;
  const set = (own(c, 'set') as Record<string, unknown> | undefined) ?? {};
  const unset = (own(c, 'unset') as string[] | undefined) ?? [];
  for (const f of unset) if (Object.hasOwn(set, f)) fail(seg('unset'), 'T115', { name: f });

  // The base evidence.
  let base: Readonly<Record<string, unknown>> | undefined;
  let platformId = `case-${i + 1}`;
  if (inline !== undefined) base = inline as Record<string, unknown>;
  else if (platform !== undefined) {
    const resolved = resolvePath(ctx.path, platform);
    let doc = ctx.cache.get(resolved);
    if (doc === undefined) {
      const text = ctx.load?.(resolved);
      if (text === undefined) doc = renderMessage({ code: 'T113', args: { path: platform } }, ctx.lang);
      else {
        const parsed = parseEvidenceText(text, resolved, { lang: ctx.lang });
        const bad = parsed.issues.find((x) => x.code !== 'E137');
        const first = parsed.platforms[0];
        doc =
          bad || !first || parsed.platforms.length !== 1
            ? renderMessage({ code: 'T114', args: { path: platform, message: bad?.message ?? String(parsed.platforms.length) } }, ctx.lang)
            : first;
      }
      ctx.cache.set(resolved, doc);
    }
    if (typeof doc === 'string') {
      ctx.at(platformOwn !== undefined ? seg('platform') : ['platform'], doc);
      ok = false;
    } else {
      base = doc.evidence;
      platformId = doc.platform;
    }
  } else fail(seg(), 'T112');

  const expect = readExpect(own(c, 'expect') as Record<string, unknown>, (s, key, args) => fail(seg('expect', ...s), key, args));
  if (!ok || !base) return undefined;

  // The evidence assessed: a fresh object (own properties, exact numbers carried over).
  const evidence: Record<string, unknown> = {};
  const copy = (from: object, k: string, value: unknown): void => {
    defineOwn(evidence, k, value);
    const q = typeof value === 'number' ? exactNumber(from, k) : undefined;
    if (q) setExact(evidence, k, q);
  };
  for (const k of Object.keys(base)) if (!unset.includes(k)) copy(base, k, own(base, k));
  for (const k of Object.keys(set)) copy(set, k, own(set, k));
  const description = own(c, 'description');
  const versions = (own(c, 'versions') as string[] | undefined) ?? defaults.versions;
  return {
    index: i + 1,
    name,
    ...(typeof description === 'string' ? { description } : {}),
    line: ctx.lineOf(seg()),
    ...(platform !== undefined ? { platform } : {}),
    platformId,
    set,
    unset,
    evidence,
    ...(versions !== undefined ? { versions } : {}),
    lang: (own(c, 'lang') as Lang | undefined) ?? defaults.lang,
    expect,
  };
}

type Fail = (segs: string[], key: Code, args?: Record<string, string | number>) => void;

function expectedNumber(container: object, key: string, fail: Fail, segs: string[]): ExpectedNumber | undefined {
  const v = own(container, key);
  if (isRecord(v)) {
    const value = exactOf(own(v, 'value'), v, 'value');
    const tolerance = exactOf(own(v, 'tolerance'), v, 'tolerance');
    if (!value || !tolerance) return undefined;
    if (tolerance.sign() < 0) {
      fail([...segs, 'tolerance'], 'T119');
      return undefined;
    }
    const text = `${textOf(own(v, 'value'), value)} ± ${textOf(own(v, 'tolerance'), tolerance)}`;
    return { kind: 'approx', value, tolerance, text };
  }
  const q = exactOf(v, container, key);
  if (!q) return undefined;
  return { kind: 'exact', value: q, text: textOf(v, q) };
}

function readExpect(e: Record<string, unknown>, fail: Fail): Expectations {
  const out: {
    -readonly [K in keyof Expectations]: Expectations[K];
  } = {};
  const outcome = own(e, 'outcome');
  if (typeof outcome === 'string') out.outcome = outcome as Outcome;
  if (Object.hasOwn(e, 'level')) out.level = own(e, 'level') as string | null;
  if (Object.hasOwn(e, 'total')) {
    const t = expectedNumber(e, 'total', fail, ['total']);
    if (t) out.total = t;
  }
  const dims = own(e, 'dimensions');
  if (isRecord(dims)) {
    const m = new Map<string, DimensionExpectation>();
    for (const id of Object.keys(dims)) {
      const d = own(dims, id) as Record<string, unknown>;
      const score = Object.hasOwn(d, 'score') ? expectedNumber(d, 'score', fail, ['dimensions', id, 'score']) : undefined;
      const share = Object.hasOwn(d, 'share') ? expectedNumber(d, 'share', fail, ['dimensions', id, 'share']) : undefined;
      m.set(id, { ...(score ? { score } : {}), ...(share ? { share } : {}) });
    }
    out.dimensions = m;
  }
  const inds = own(e, 'indicators');
  if (isRecord(inds)) {
    const m = new Map<string, IndicatorExpectation>();
    for (const id of Object.keys(inds)) {
      const x = own(inds, id) as Record<string, unknown>;
      const status = own(x, 'status') as IndicatorStatus | undefined;
      let points: ExpectedNumber | null | undefined;
      if (Object.hasOwn(x, 'points')) {
        points = own(x, 'points') === null ? null : expectedNumber(x, 'points', fail, ['indicators', id, 'points']);
      }
      m.set(id, { ...(points !== undefined ? { points } : {}), ...(status !== undefined ? { status } : {}) });
    }
    out.indicators = m;
  }
  const derived = own(e, 'derived');
  if (isRecord(derived)) {
    const m = new Map<string, ExpectedDerived>();
    for (const id of Object.keys(derived)) {
      const v = own(derived, id);
      // An enum value is an identifier (never a number's text); true/false a boolean; null an unknown value.
      if (v === null || typeof v === 'boolean' || (typeof v === 'string' && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(v.trim()))) {
        const value = typeof v === 'string' ? v.trim() : v;
        m.set(id, { kind: 'value', value, text: value === null ? 'null' : String(value) });
        continue;
      }
      const x = expectedNumber(derived, id, fail, ['derived', id]);
      if (x) m.set(id, x);
    }
    out.derived = m;
  }
  const list = (k: string): string[] | undefined => own(e, k) as string[] | undefined;
  const vetoes = list('vetoes');
  if (vetoes) out.vetoes = vetoes;
  const failed = list('prerequisites_failed');
  if (failed) out.prerequisitesFailed = failed;
  const errors = list('evidence_errors');
  if (errors) out.evidenceErrors = errors;
  const explanation = list('explanation');
  if (explanation) out.explanation = explanation;
  return out;
}

// --- ajv errors → issues ----------------------------------------------------------------------------

function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Keeps the errors a person needs: for a value that matches no alternative of an `anyOf`, one error saying what
 * it must be, except when the value is a mapping that one alternative allows (then what is wrong inside it).
 */
export function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const places = new Map<string, ErrorObject>(); // instance path → outermost anyOf (reported last)
  for (const e of errors) if (e.keyword === 'anyOf') places.set(e.instancePath, e);
  for (const [p, outer] of places) {
    const under = (e: ErrorObject): boolean => e.instancePath === p || e.instancePath.startsWith(p + '/');
    const inMapping = isRecord(outer.data)
      ? errors.filter((e) => under(e) && !(e.instancePath === p && ['type', 'pattern', 'anyOf'].includes(e.keyword)))
      : [];
    for (const e of errors) if (under(e) && (inMapping.length === 0 ? e !== outer : !inMapping.includes(e))) drop.add(e);
  }
  return errors.filter((e) => !drop.has(e));
}

function found(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? v.slice(0, 40) + '…' : v;
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? '[…]' : '{…}';
}

/** The words for what a field must be (the `{expected}` of T106), by JSON Schema type and by definition. */
const SCHEMA_TYPE = { string: 'T120', object: 'T121', array: 'T122', number: 'T123' } as const satisfies Record<string, Code>;
const EXPECTED = {
  number: 'T123',
  ratio: 'T124',
  points: 'T125',
  level: 'T126',
  decimal: 'T127',
  versions: 'T128',
} as const satisfies Record<typeof DEFINITION_EXPECTED extends ReadonlyMap<string, infer V> ? V : never, Code>;

/** A problem's message, followed by the catalogue's advice when it has one. */
function withHelp(lang: Lang, code: Code, args: Readonly<Record<string, string | number>> = {}): string {
  const help = renderHelp({ code, args }, lang);
  const message = renderMessage({ code, args }, lang);
  return help === undefined ? message : `${message}${lang === 'en' ? ': ' : '：'}${help}`;
}

function schemaIssue(e: ErrorObject, at: (segs: readonly string[], message: string) => void, lang: Lang): void {
  const segs = segments(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      at(segs, renderMessage({ code: 'T104', args: { name: String(params['missingProperty']) } }, lang));
      return;
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      at([...segs, name], renderMessage({ code: 'T105', args: { name, allowed: Object.keys(props).map((k) => `\`${k}\``).join(', ') } }, lang));
      return;
    }
    case 'type': {
      const type = String(params['type']);
      const code = Object.hasOwn(SCHEMA_TYPE, type) ? SCHEMA_TYPE[type as keyof typeof SCHEMA_TYPE] : undefined;
      at(segs, renderMessage({ code: 'T106', args: { expected: code ? renderMessage({ code }, lang) : type } }, lang));
      return;
    }
    case 'enum': {
      const allowed = ((params['allowedValues'] as unknown[]) ?? []).map((x) => `\`${String(x)}\``).join(', ');
      at(segs, renderMessage({ code: 'T107', args: { found: found(e.data), allowed } }, lang));
      return;
    }
    case 'minItems':
    case 'minLength':
      at(segs, renderMessage({ code: 'T108' }, lang));
      return;
    case 'uniqueItems': {
      const j = Number(params['j']);
      at(segs, renderMessage({ code: 'T109', args: { found: found(Array.isArray(e.data) ? e.data[j] : e.data) } }, lang));
      return;
    }
    case 'anyOf':
    case 'pattern': {
      const def = /#\/definitions\/(\w+)/.exec(e.schemaPath)?.[1] ?? '';
      const what = DEFINITION_EXPECTED.get(def) ?? 'number';
      at(segs, renderMessage({ code: 'T106', args: { expected: renderMessage({ code: EXPECTED[what] }, lang) } }, lang));
      return;
    }
    default:
      at(segs, e.message ?? e.keyword);
  }
}
