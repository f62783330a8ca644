// The result JSON of one assessment (or one decision) as one NDJSON line, fast: the text of
// `JSON.stringify(toResultJson(a))` (`toDecisionJson(d)`). In: an Assessment or a Decision. Out: that text (tested
// equal), written straight as a string: no intermediate result object,
// ids and enum values quoted once, numbers rendered from (numerator, denominator) through a cache, since points,
// weights, scores and shares repeat between platforms, and evidence doubles printed as themselves.

import {
  RAW_NUMBER,
  type Rational,
  missingJson,
  missingOf,
  toResultJson,
  valueToJson,
  type Assessment,
  type Decision,
  type EvidenceIssue,
  type EvidenceValue,
  type MissingEvidence,
} from '../../engine/index';

/** Caches cleared when they grow past this many entries (bounded memory on any corpus). */
const CACHE_MAX = 1 << 16;

/** Exact number text by denominator, then numerator (both safe integers). */
const fracText = new Map<number, Map<number, string>>();
let fracCount = 0;

function jsonNumber(x: number): string {
  // JSON.stringify writes a non-finite number as null and -0 as 0, as String does.
  return Number.isFinite(x) ? String(x) : 'null';
}

const SMALL_INT_TEXT: readonly string[] = Array.from({ length: 1024 }, (_, k) => String(k));

/** `JSON.stringify(q.toJSONNumber())`. */
function numText(q: Rational): string {
  if (q.den === 1n) {
    const n = Number(q.num);
    return n >= 0 && n < 1024 ? (SMALL_INT_TEXT[n] as string) : jsonNumber(n);
  }
  const n = Number(q.num);
  const d = Number(q.den);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return jsonNumber(q.toJSONNumber());
  let byNum = fracText.get(d);
  if (byNum === undefined) {
    if (fracCount >= CACHE_MAX) {
      fracText.clear();
      fracCount = 0;
    }
    fracText.set(d, (byNum = new Map()));
  }
  let s = byNum.get(n);
  if (s === undefined) {
    if (fracCount >= CACHE_MAX) {
      fracText.clear();
      fracCount = 0;
      fracText.set(d, byNum);
    }
    byNum.set(n, (s = jsonNumber(q.toJSONNumber())));
    fracCount++;
  }
  return s;
}

/** JSON text of strings that repeat (ids, enum values, codes, levels). */
const quoted = new Map<string, string>();

function q(s: string): string {
  let j = quoted.get(s);
  if (j === undefined) {
    if (quoted.size >= CACHE_MAX) quoted.clear();
    quoted.set(s, (j = JSON.stringify(s)));
  }
  return j;
}

function valueText(v: EvidenceValue): string {
  switch (v.kind) {
    case 'num': {
      const raw = (v as { [RAW_NUMBER]?: number })[RAW_NUMBER];
      return raw !== undefined ? jsonNumber(raw) : numText(v.q);
    }
    case 'bool':
      return v.b ? 'true' : 'false';
    case 'sym':
      return q(v.s);
    case 'obj':
      return JSON.stringify(valueToJson(v));
  }
}

/**
 * Id lists (dimensions, indicators) known to be distinct, not `__proto__` and not integer-like (those a plain
 * object puts first), so that writing them as keys in order is what assigning them to a plain object and
 * stringifying it gives; any other list takes the object path.
 */
let plainDims: readonly string[] = [];
let plainInds: readonly string[] = [];

function sameIds(xs: readonly { readonly id: string }[], ids: readonly string[]): boolean {
  if (xs.length !== ids.length) return false;
  for (let k = 0; k < xs.length; k++) if ((xs[k] as { id: string }).id !== ids[k]) return false;
  return true;
}

function plainIds(xs: readonly { readonly id: string }[]): readonly string[] | undefined {
  const ids = xs.map((x) => x.id);
  return new Set(ids).size === ids.length && ids.every((id) => id !== '__proto__' && !/^\d+$/.test(id)) ? ids : undefined;
}

function issues(xs: readonly EvidenceIssue[]): string {
  let s = '[';
  for (let k = 0; k < xs.length; k++) {
    const e = xs[k] as EvidenceIssue;
    s += `${k > 0 ? ',' : ''}{"field":${JSON.stringify(e.field)},"message":${JSON.stringify(e.message)},"code":${q(e.code)}}`;
  }
  return s + ']';
}

/** `JSON.stringify(toResultJson(a))`, without building the result object. */
export function resultLine(a: Assessment): string {
  // Derived values (exact decimal text, truth values, enum values) are written by `toResultJson` itself.
  if (a.derived) return JSON.stringify(toResultJson(a));
  const dims = a.dimensions;
  const inds = a.indicators;
  if (!sameIds(dims, plainDims)) {
    const ids = plainIds(dims);
    if (!ids) return JSON.stringify(toResultJson(a));
    plainDims = ids;
  }
  if (!sameIds(inds, plainInds)) {
    const ids = plainIds(inds);
    if (!ids) return JSON.stringify(toResultJson(a));
    plainInds = ids;
  }
  let s = `${head(a)},"dimensions":{`;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k] as (typeof dims)[number];
    s += `${k > 0 ? ',' : ''}${q(d.id)}:{"score":${numText(d.score)},"weight":${numText(d.weight)},"share":${numText(d.share)}}`;
  }
  s += '},"indicators":{';
  for (let k = 0; k < inds.length; k++) {
    const i = inds[k] as (typeof inds)[number];
    s += `${k > 0 ? ',' : ''}${q(i.id)}:{`;
    if (i.value !== undefined) s += `"value":${valueText(i.value)},`;
    s += `"points":${i.points === null ? 'null' : numText(i.points)},"status":${q(i.status)},"weight":${numText(i.effectiveWeight)}`;
    s += i.field !== undefined && i.field !== i.id ? `,"field":${q(i.field)}}` : '}';
  }
  s += '}';
  return s + tail(ruleIds(a.prerequisites, false), ruleIds(a.vetoes, true), a.outcome === 'invalid' ? NO_MISSING : missingOf(a), a.errors, a.warnings);
}

/** `JSON.stringify(toDecisionJson(d))`, written straight (the stream's line with `--decision`). */
export function decisionLine(d: Decision): string {
  return head(d) + tail(idList(d.prerequisitesFailed), idList(d.vetoes), d.missing, d.errors, d.warnings);
}

/** What a result line and a decision line start with, up to the total. */
function head(v: Pick<Decision, 'platform' | 'name' | 'outcome' | 'level' | 'total'>): string {
  let s = `{"platform":${JSON.stringify(v.platform)}`;
  if (v.name !== undefined) s += `,"name":${JSON.stringify(v.name)}`;
  return `${s},"outcome":${q(v.outcome)},"level":${v.level === null ? 'null' : q(v.level)},"total":${numText(v.total)}`;
}

const NO_MISSING: readonly MissingEvidence[] = [];

/** What they end with: failed prerequisites and fired vetoes (JSON arrays), missing evidence if any, errors and warnings. */
function tail(failed: string, fired: string, missing: readonly MissingEvidence[], errors: readonly EvidenceIssue[], warnings: readonly EvidenceIssue[]): string {
  const m = missing.length > 0 ? `,"missing":${JSON.stringify(missing.map(missingJson))}` : '';
  return `,"prerequisitesFailed":${failed},"vetoes":${fired}${m},"errors":${issues(errors)},"warnings":${issues(warnings)}}`;
}

function idList(ids: readonly string[]): string {
  let s = '[';
  for (let k = 0; k < ids.length; k++) s += `${k > 0 ? ',' : ''}${q(ids[k] as string)}`;
  return s + ']';
}

/** The ids of the rules whose truth is (`is`) or is not (`!is`) true, as a JSON array. */
function ruleIds(rules: readonly { readonly id: string; readonly truth: unknown }[], is: boolean): string {
  let s = '[';
  let n = 0;
  for (const r of rules) if ((r.truth === true) === is) s += `${n++ > 0 ? ',' : ''}${q(r.id)}`;
  return s + ']';
}
