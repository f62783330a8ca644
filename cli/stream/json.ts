// The result JSON of one assessment as one NDJSON line, fast: `toResultJson` with memoised number conversion.
// In: an Assessment. Out: the same text as `JSON.stringify(toResultJson(a))` (tested), built without re-rendering
// the Rationals the plan shares between platforms (points, weights, scores repeat) or the doubles of evidence.

import { RAW_NUMBER } from '../../engine/plan/evidence';
import type { Rational } from '../../engine/rational';
import type { Assessment, EvidenceValue, ResultJson, ValueJson } from '../../engine/result';

const memo = new WeakMap<Rational, number>();

function num(q: Rational): number {
  let x = memo.get(q);
  if (x === undefined) {
    x = q.toJSONNumber();
    memo.set(q, x);
  }
  return x;
}

function value(v: EvidenceValue): ValueJson {
  switch (v.kind) {
    case 'num': {
      const raw = (v as { [RAW_NUMBER]?: number })[RAW_NUMBER];
      return raw !== undefined ? raw : num(v.q);
    }
    case 'bool':
      return v.b;
    case 'sym':
      return v.s;
    case 'obj': {
      const o: Record<string, ValueJson> = {};
      for (const [k, x] of v.fields) o[k] = value(x);
      return o;
    }
  }
}

/** `toResultJson(a)`, with memoised numbers. */
export function resultJson(a: Assessment): ResultJson {
  const dimensions: ResultJson['dimensions'] = {};
  for (const d of a.dimensions) dimensions[d.id] = { score: num(d.score), weight: num(d.weight), share: num(d.share) };
  const indicators: ResultJson['indicators'] = {};
  for (const i of a.indicators) {
    // Fixed shapes in toResultJson's key order (conditional spreads are slow here).
    const points = i.points === null ? null : num(i.points);
    const weight = num(i.effectiveWeight);
    const renamed = i.field !== undefined && i.field !== i.id;
    indicators[i.id] =
      i.value !== undefined
        ? renamed
          ? { value: value(i.value), points, status: i.status, weight, field: i.field as string }
          : { value: value(i.value), points, status: i.status, weight }
        : renamed
          ? { points, status: i.status, weight, field: i.field as string }
          : { points, status: i.status, weight };
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
