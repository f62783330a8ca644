// The JSON form of an explanation: the same content as the text, with numbers as JSON numbers, reasons both as
// data and as text, and the raw evaluation events with the spans of the rules they come from (for the playground).
// In: an `Explanation` and a language. Out: a plain JSON-serialisable object.

import type { Lang } from '../../../dsl/ast';
import { Rational } from '../../numbers/rational';
import { derivedJson, valueToJson, type EvidenceValue, type ValueJson } from '../../evaluate/result';
import type { ConditionWhy } from './conditions';
import { benchmarkLines, indicatorParts, whyText } from './format';
import type { ComputedExplanation, Explanation } from './model';
import { labelIn } from './words';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isEvidenceValue(x: object): x is EvidenceValue {
  const o = x as { kind?: unknown; q?: unknown; b?: unknown; s?: unknown; fields?: unknown };
  return (
    (o.kind === 'num' && o.q instanceof Rational) ||
    (o.kind === 'bool' && typeof o.b === 'boolean' && Object.keys(x).length === 2) ||
    (o.kind === 'sym' && typeof o.s === 'string' && Object.keys(x).length === 2) ||
    (o.kind === 'obj' && o.fields instanceof Map)
  );
}

/** Any event or value as JSON: exact numbers become JSON numbers (printed from the exact decimal). */
export function toJson(x: unknown): Json {
  if (x === null || x === undefined) return null;
  if (typeof x === 'boolean' || typeof x === 'string') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (x instanceof Rational) return x.toJSONNumber();
  if (Array.isArray(x)) return x.map(toJson);
  if (x instanceof Map) {
    const o: Record<string, Json> = {};
    for (const [k, v] of x) o[String(k)] = toJson(v);
    return o;
  }
  if (typeof x === 'object') {
    if (isEvidenceValue(x)) return valueToJson(x) as Json;
    const o: Record<string, Json> = {};
    for (const k of Object.keys(x)) o[k] = toJson((x as Record<string, unknown>)[k]);
    return o;
  }
  return null;
}

function conditionJson(c: ConditionWhy, lang: Lang): Json {
  return {
    condition: c.text,
    span: { start: c.span.start, end: c.span.end },
    truth: c.truth,
    ...(c.missing.length > 0 ? { missing: [...c.missing] } : {}),
    why: c.why.map((w) => ({ ...(toJson(w) as Record<string, Json>), text: whyText(w, lang) })),
  };
}

function valueJson(v: EvidenceValue | undefined): Json {
  return v === undefined ? null : (valueToJson(v) as ValueJson as Json);
}

/** A derived value or the formula total: exact value (decimal text), the value as shown, what it read. */
function computedJson(c: ComputedExplanation): Json {
  return { id: c.id, value: derivedJson(c.value ?? null), shown: c.shown, missing: [...c.missing], values: c.values, span: { ...c.span } };
}

/** The explanation as JSON (`events: false` leaves the raw events out). */
export function explanationJson(e: Explanation, lang: Lang, opts: { events?: boolean } = {}): Json {
  const r = e.ruleset;
  return {
    platform: e.platform,
    ...(e.name !== undefined ? { name: e.name } : {}),
    ruleset: { id: r.id, version: r.version, status: r.status, hash: r.hash },
    outcome: e.outcome,
    level: e.level,
    scoreLevel: e.scoreLevel,
    total: e.total.toJSONNumber(),
    ...(e.derived.length > 0 ? { derived: e.derived.map(computedJson) } : {}),
    ...(e.totalFormula ? { totalFormula: computedJson(e.totalFormula) } : {}),
    dimensions: e.dimensions.map((d) => ({
      id: d.id,
      label: labelIn(d.label, lang) ?? null,
      weight: d.weight.toJSONNumber(),
      score: d.score.toJSONNumber(),
      share: d.share.toJSONNumber(),
      indicators: d.indicators.map((i) => {
        const p = indicatorParts(i, lang);
        return {
          id: i.id,
          label: labelIn(i.label, lang) ?? null,
          status: i.status,
          value: valueJson(i.value),
          field: i.field ?? null,
          ...(i.formerId !== undefined ? { formerId: i.formerId } : {}),
          rule: i.rule ? { kind: i.rule.kind, index: i.rule.index ?? null, text: i.rule.text, span: i.rule.span ? { ...i.rule.span } : null } : null,
          explanation: p.rule,
          points: i.points === null ? null : i.points.toJSONNumber(),
          weight: i.declaredWeight.toJSONNumber(),
          effectiveWeight: i.effectiveWeight.toJSONNumber(),
          redistributed: i.redistributed,
          contribution: i.contribution.toJSONNumber(),
          basis: i.basis ?? null,
          ...(i.applicability ? { applicability: { condition: i.applicability.text, truth: i.applicability.truth, span: { ...i.applicability.span } } } : {}),
        };
      }),
    })),
    prerequisites: e.prerequisites.map((p) => ({
      id: p.id,
      label: labelIn(p.label, lang) ?? null,
      truth: p.truth,
      missing: [...p.missing],
      failed: p.conditions.map((c) => conditionJson(c, lang)),
    })),
    vetoes: e.vetoes.map((v) => ({
      id: v.id,
      label: labelIn(v.label, lang) ?? null,
      truth: v.truth,
      fired: v.truth === true,
      missing: [...v.missing],
      conditions: v.conditions.map((c) => conditionJson(c, lang)),
    })),
    levels: e.levels.map((l) => ({
      id: l.id,
      label: labelIn(l.label, lang) ?? null,
      holds: l.holds,
      ownHolds: l.ownHolds,
      failed: l.failed.map((c) => conditionJson(c, lang)),
      ...(l.needs !== undefined ? { needs: l.needs } : {}),
    })),
    ...(e.benchmark
      ? {
          benchmark: {
            corpus: e.benchmark.corpus,
            n: e.benchmark.n,
            total: toJson(e.benchmark.total),
            dimensions: toJson(e.benchmark.dimensions),
            levels: toJson(e.benchmark.levels),
            text: benchmarkLines(e.benchmark, lang),
          },
        }
      : {}),
    errors: e.errors.map((x) => ({ field: x.field, code: x.code, message: x.message })),
    warnings: e.warnings.map((x) => ({ field: x.field, code: x.code, message: x.message })),
    ...(opts.events === false ? {} : { events: e.events.map(toJson) }),
  };
}
