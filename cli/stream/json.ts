// The NDJSON line of one decision (`assay eval --decision` on a corpus), fast: the text of
// `JSON.stringify(toDecisionJson(d))` (tested equal), written straight as a string — no intermediate object, ids and
// enum values quoted once, the total rendered from (numerator, denominator) through a cache, since totals repeat
// between platforms. In: a Decision. Out: that text. (A full result line is `JSON.stringify(ruleset.evaluate(p))`:
// the plan writes the result object from its integer fractions, and the native JSON.stringify is faster than any
// writer in JavaScript — measured.)

import { type Rational, missingJson, type Decision, type EvidenceIssue, type MissingEvidence } from '../../engine/index';

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

function issues(xs: readonly EvidenceIssue[]): string {
  let s = '[';
  for (let k = 0; k < xs.length; k++) {
    const e = xs[k] as EvidenceIssue;
    s += `${k > 0 ? ',' : ''}{"field":${JSON.stringify(e.field)},"message":${JSON.stringify(e.message)},"code":${q(e.code)}}`;
  }
  return s + ']';
}

/** `JSON.stringify(toDecisionJson(d))`, written straight (the stream's line with `--decision`). */
export function decisionLine(d: Decision): string {
  return head(d) + tail(idList(d.prerequisitesFailed), idList(d.vetoes), d.missing, d.errors, d.warnings);
}

/** What a decision line starts with, up to the total. */
function head(v: Pick<Decision, 'platform' | 'name' | 'outcome' | 'level' | 'total'>): string {
  let s = `{"platform":${JSON.stringify(v.platform)}`;
  if (v.name !== undefined) s += `,"name":${JSON.stringify(v.name)}`;
  return `${s},"outcome":${q(v.outcome)},"level":${v.level === null ? 'null' : q(v.level)},"total":${numText(v.total)}`;
}

/** What it ends with: failed prerequisites and fired vetoes (JSON arrays), missing evidence if any, errors and warnings. */
function tail(failed: string, fired: string, missing: readonly MissingEvidence[], errors: readonly EvidenceIssue[], warnings: readonly EvidenceIssue[]): string {
  const m = missing.length > 0 ? `,"missing":${JSON.stringify(missing.map(missingJson))}` : '';
  return `,"prerequisitesFailed":${failed},"vetoes":${fired}${m},"errors":${issues(errors)},"warnings":${issues(warnings)}}`;
}

function idList(ids: readonly string[]): string {
  let s = '[';
  for (let k = 0; k < ids.length; k++) s += `${k > 0 ? ',' : ''}${q(ids[k] as string)}`;
  return s + ']';
}
