// The result JSON of one assessment as one NDJSON line, fast: the text of `JSON.stringify(toResultJson(a))`.
// In: an Assessment. Out: that text (tested equal), written straight as a string: no intermediate result object,
// ids and enum values quoted once, numbers rendered from (numerator, denominator) through a cache, since points,
// weights, scores and shares repeat between platforms, and evidence doubles printed as themselves.

import { RAW_NUMBER } from '../../engine/plan/evidence';
import type { Rational } from '../../engine/rational';
import { valueToJson, type Assessment, type Decision, type EvidenceIssue, type EvidenceValue, type ResultJson, type ValueJson } from '../../engine/result';

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

/** `valueToJson(v)`, a number read from the double behind it when the plan kept one (no Rational built). */
function value(v: EvidenceValue): ValueJson {
  if (v.kind !== 'num') return valueToJson(v);
  const raw = (v as { [RAW_NUMBER]?: number })[RAW_NUMBER];
  return raw !== undefined ? raw : Number(numText(v.q));
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
      return JSON.stringify(value(v));
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
  const dims = a.dimensions;
  const inds = a.indicators;
  if (!sameIds(dims, plainDims)) {
    const ids = plainIds(dims);
    if (!ids) return JSON.stringify(resultJson(a));
    plainDims = ids;
  }
  if (!sameIds(inds, plainInds)) {
    const ids = plainIds(inds);
    if (!ids) return JSON.stringify(resultJson(a));
    plainInds = ids;
  }
  let s = `{"platform":${JSON.stringify(a.platform)}`;
  if (a.name !== undefined) s += `,"name":${JSON.stringify(a.name)}`;
  s += `,"outcome":${q(a.outcome)},"level":${a.level === null ? 'null' : q(a.level)},"total":${numText(a.total)},"dimensions":{`;
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
  s += '},"prerequisitesFailed":[';
  let n = 0;
  for (const p of a.prerequisites) if (p.truth !== true) s += `${n++ > 0 ? ',' : ''}${q(p.id)}`;
  s += '],"vetoes":[';
  n = 0;
  for (const v of a.vetoes) if (v.truth === true) s += `${n++ > 0 ? ',' : ''}${q(v.id)}`;
  return `${s}],"errors":${issues(a.errors)},"warnings":${issues(a.warnings)}}`;
}

/** `JSON.stringify(toDecisionJson(d))`, written straight (the stream's line with `--decision`). */
export function decisionLine(d: Decision): string {
  let s = `{"platform":${JSON.stringify(d.platform)}`;
  if (d.name !== undefined) s += `,"name":${JSON.stringify(d.name)}`;
  s += `,"outcome":${q(d.outcome)},"level":${d.level === null ? 'null' : q(d.level)},"total":${numText(d.total)},"prerequisitesFailed":[`;
  for (let k = 0; k < d.prerequisitesFailed.length; k++) s += `${k > 0 ? ',' : ''}${q(d.prerequisitesFailed[k] as string)}`;
  s += '],"vetoes":[';
  for (let k = 0; k < d.vetoes.length; k++) s += `${k > 0 ? ',' : ''}${q(d.vetoes[k] as string)}`;
  return `${s}],"errors":${issues(d.errors)},"warnings":${issues(d.warnings)}}`;
}

/** `toResultJson(a)` with cached number conversion (the object path of `resultLine`). */
export function resultJson(a: Assessment): ResultJson {
  const num = (x: Rational): number => Number(numText(x));
  const dimensions: ResultJson['dimensions'] = {};
  for (const d of a.dimensions) dimensions[d.id] = { score: num(d.score), weight: num(d.weight), share: num(d.share) };
  const indicators: ResultJson['indicators'] = {};
  for (const i of a.indicators) {
    indicators[i.id] = {
      ...(i.value !== undefined ? { value: value(i.value) } : {}),
      points: i.points === null ? null : num(i.points),
      status: i.status,
      weight: num(i.effectiveWeight),
      ...(i.field !== undefined && i.field !== i.id ? { field: i.field } : {}),
    };
  }
  return {
    platform: a.platform,
    ...(a.name !== undefined ? { name: a.name } : {}),
    outcome: a.outcome,
    level: a.level,
    total: num(a.total),
    dimensions,
    indicators,
    prerequisitesFailed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    errors: a.errors.map((e) => ({ field: e.field, message: e.message, code: e.code })),
    warnings: a.warnings.map((e) => ({ field: e.field, message: e.message, code: e.code })),
  };
}
