// The NDJSON line of one decision (`assay eval --decision` on a corpus), fast: the text of
// `JSON.stringify(toDecisionJson(d))` (tested equal), written straight as a string — no intermediate object, ids and
// enum values quoted once, the total rendered from (numerator, denominator) through a cache, since totals repeat
// between platforms. In: a Decision, or the full result of the same platform (`decisionLineOfResult`). Out: that text. (A full result line is `JSON.stringify(ruleset.evaluate(p))`:
// the plan writes the result object from its integer fractions, and the native JSON.stringify is faster than any
// writer in JavaScript — measured.)

import { type Rational, missingJson, type Decision, type EvidenceIssue, type ResultJson } from '../../engine/index';

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

type Issue = Pick<EvidenceIssue, 'field' | 'message' | 'code'>;

function issues(xs: readonly Issue[]): string {
  let s = '[';
  for (let k = 0; k < xs.length; k++) {
    const e = xs[k] as Issue;
    s += `${k > 0 ? ',' : ''}{"field":${JSON.stringify(e.field)},"message":${JSON.stringify(e.message)},"code":${q(e.code)}}`;
  }
  return s + ']';
}

/** `JSON.stringify(toDecisionJson(d))`, written straight (the stream's line with `--decision`). */
export function decisionLine(d: Decision): string {
  const m = d.missing;
  return head(d, numText(d.total)) + tail(d, m.length > 0 ? JSON.stringify(m.map(missingJson)) : undefined);
}

/**
 * The same line from the full result of the same platform (`ruleset.evaluate(p)`, whose decision fields are the
 * decision's JSON form): cheaper than a decision's `missing` list when evidence is missing, which the full result
 * computes in the same pass (the decision computes it again on first read).
 */
export function decisionLineOfResult(r: ResultJson): string {
  const m = r.missing;
  return head(r, jsonNumber(r.total)) + tail(r, m !== undefined && m.length > 0 ? JSON.stringify(m) : undefined);
}

/** What a decision line starts with, up to the total (its JSON text). */
function head(v: Pick<Decision, 'platform' | 'name' | 'outcome' | 'level'>, total: string): string {
  let s = `{"platform":${JSON.stringify(v.platform)}`;
  if (v.name !== undefined) s += `,"name":${JSON.stringify(v.name)}`;
  return `${s},"outcome":${q(v.outcome)},"level":${v.level === null ? 'null' : q(v.level)},"total":${total}`;
}

/** What it ends with: failed prerequisites, fired vetoes, missing evidence if any (its JSON text), errors and warnings. */
function tail(v: { readonly prerequisitesFailed: readonly string[]; readonly vetoes: readonly string[]; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] }, missing: string | undefined): string {
  const m = missing !== undefined ? `,"missing":${missing}` : '';
  return `,"prerequisitesFailed":${idList(v.prerequisitesFailed)},"vetoes":${idList(v.vetoes)}${m},"errors":${issues(v.errors)},"warnings":${issues(v.warnings)}}`;
}

function idList(ids: readonly string[]): string {
  let s = '[';
  for (let k = 0; k < ids.length; k++) s += `${k > 0 ? ',' : ''}${q(ids[k] as string)}`;
  return s + ']';
}
