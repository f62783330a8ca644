// The CLI's JSON shape of a result (`ResultJson`) straight from the plan's runtime state: no Rational is built.
// In: the runtime state of a platform the plan decided (untraced variant), its layout and weights. Out: the object
// `toResultJson(assess(input))` gives, key for key — numbers printed by `jsonOfFrac`, the same doubles as
// `Rational.toJSONNumber` (test/plan/json.test.ts checks both against each other and against the reference).

import type { Model } from '../model/model';
import { derivedJson, issueJson, missingJson, type IndicatorStatus, type MissingEvidence, type Outcome, type ResultJson, type ValueJson } from '../evaluate/result';
import { ObjV, type Raw } from '../evidence/fast';
import { outcomeOf } from '../semantics/outcome';
import { jsonOfFrac } from './num';
import { STATUS, T_TRUE, type Layout, type Rt } from './runtime';
import { effFrac, totalRat, type Weights } from './scores';
import { shownOf, Unk } from './values';

/** What does not change from platform to platform: ids and declared weights as JSON numbers. */
export interface JsonLayout {
  readonly dimIds: readonly string[];
  readonly dimWeights: readonly number[];
  readonly indIds: readonly string[];
  readonly preIds: readonly string[];
  readonly vetoIds: readonly string[];
  readonly derivedIds: readonly string[];
  /**
   * An object with every indicator id as a key (values null), read from JSON text so V8 gives it a fast-mode shape:
   * a platform's `indicators` is a copy (`{ ...template }`) whose values are then set. Adding 35 keys one by one
   * to `{}` leaves the object in dictionary mode (about twice the cost to build and a third more to stringify).
   * Undefined when an id is `__proto__`: `toResultJson`'s assignment to `{}` sets no key of that name, a copy's would.
   */
  readonly indTemplate: Readonly<Record<string, null>> | undefined;
  /**
   * Where a generated module is attached: its function returning the `indicators` object as one object literal of
   * the ids (written as JSON strings) over the entries in model order, built without a store per key (the
   * template's keyed stores cost a tenth of a full result). Undefined: the template.
   */
  readonly indicatorsOf: ((entries: readonly IndicatorJson[]) => ResultJson['indicators']) | undefined;
  /** The entries handed to `indicatorsOf` (reused: the object it returns holds them, not the array). */
  readonly entries: IndicatorJson[];
  /** Each indicator's last effective weight as a JSON number, and what it depends on (`weightJson`). */
  readonly weightMemo: { readonly A: Float64Array; readonly applicable: Int8Array; readonly eff: Int8Array; readonly json: Float64Array };
}

export function jsonLayoutOf(model: Model, indicatorsOf?: (entries: readonly IndicatorJson[]) => ResultJson['indicators']): JsonLayout {
  return {
    dimIds: model.dimensions.map((d) => d.id),
    dimWeights: model.dimensions.map((d) => d.weight.toJSONNumber()),
    indIds: model.indicators.map((i) => i.id),
    preIds: model.prerequisites.map((p) => p.id),
    vetoIds: model.vetoes.map((v) => v.id),
    derivedIds: model.derived.map((d) => d.id),
    indTemplate: model.indicators.some((i) => i.id === '__proto__') ? undefined : keysTemplate(model.indicators.map((i) => i.id)),
    indicatorsOf,
    entries: [],
    weightMemo: {
      A: new Float64Array(model.indicators.length).fill(Number.NaN),
      applicable: new Int8Array(model.indicators.length),
      eff: new Int8Array(model.indicators.length),
      json: new Float64Array(model.indicators.length),
    },
  };
}

/**
 * A fast-mode object with these keys, in this order, each null. Ids are written as JSON strings (data) and read
 * back by `JSON.parse`, which defines every key as an own data property.
 */
export function keysTemplate(ids: readonly string[]): Readonly<Record<string, null>> {
  return JSON.parse(`{${ids.map((id) => `${JSON.stringify(id)}:null`).join(',')}}`) as Record<string, null>;
}

/** The JSON of an accepted raw value (`valueToJson(evidenceOf(raw))`): a decimal double prints as itself. */
function rawJson(v: Raw): ValueJson {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  if (typeof v !== 'object') return v;
  return objJson(v);
}

function objJson(v: ObjV): ValueJson {
  const o: Record<string, ValueJson> = {};
  for (let k = 0; k < v.names.length; k++) o[v.names[k] as string] = rawJson(v.vals[k] as Raw);
  return o;
}

export type IndicatorJson = ResultJson['indicators'][string];

/**
 * Indicator `i`'s effective weight as a JSON number (`effFrac`, printed): remembered with what it depends on besides
 * constants — whether it counts, its dimension's applicable weight A and its own applicability — since a corpus
 * repeats few combinations.
 */
function weightJson(rt: Rt, J: JsonLayout, L: Layout, W: Weights, i: number): number {
  const d = L.indDim[i] as number;
  const A = d >= 0 ? (rt.dA[d] as number) : -1;
  const applicable = rt.iApplicable[i] as number;
  const eff = rt.iEff[i] as number;
  const memo = J.weightMemo;
  if (memo.A[i] === A && memo.applicable[i] === applicable && memo.eff[i] === eff) return memo.json[i] as number;
  const f = effFrac(rt, W, L, i);
  const x = jsonOfFrac(f.n, f.d);
  memo.A[i] = A;
  memo.applicable[i] = applicable;
  memo.eff[i] = eff;
  memo.json[i] = x;
  return x;
}

/**
 * The result of a platform the plan decided, as `toResultJson` writes it; `missing`: the missing evidence and what
 * it cost (`missingOf`), listed when there is any.
 */
export function resultJsonOf(
  rt: Rt,
  J: JsonLayout,
  L: Layout,
  W: Weights,
  platform: string,
  name: string | undefined,
  missing: readonly MissingEvidence[],
): ResultJson {
  let notRated = false;
  const prerequisitesFailed: string[] = [];
  for (let k = 0; k < J.preIds.length; k++) {
    if (rt.pTruth[k] !== T_TRUE) {
      notRated = true;
      prerequisitesFailed.push(J.preIds[k] as string);
    }
  }
  const vetoes: string[] = [];
  for (let k = 0; k < J.vetoIds.length; k++) if (rt.vTruth[k] === T_TRUE) vetoes.push(J.vetoIds[k] as string);
  const outcome: Outcome = outcomeOf(notRated, vetoes.length > 0);
  const level = outcome === 'graded' ? rt.level : null;
  const total = !rt.totSet ? 0 : rt.totV !== undefined ? totalRat(rt).toJSONNumber() : jsonOfFrac(rt.totN, rt.totD);
  let derived: Record<string, string | boolean | null> | undefined;
  if (J.derivedIds.length > 0) {
    derived = {};
    for (let k = 0; k < J.derivedIds.length; k++) {
      const v = rt.dv[k];
      derived[J.derivedIds[k] as string] = v === undefined || v instanceof Unk ? null : derivedJson(shownOf(v));
    }
  }

  const dimensions: ResultJson['dimensions'] = {};
  for (let d = 0; d < J.dimIds.length; d++) {
    const weight = J.dimWeights[d] as number;
    dimensions[J.dimIds[d] as string] =
      rt.dSet[d] === 1
        ? { score: jsonOfFrac(rt.dScoreN[d] as number, rt.dScoreD[d] as number), weight, share: jsonOfFrac(rt.dShareN[d] as number, rt.dShareD[d] as number) }
        : { score: 0, weight, share: 0 };
  }
  // Every key present from the start, in order (its value set below): the object keeps a fast-mode shape.
  const build = J.indicatorsOf;
  const indicators = (build !== undefined ? undefined : J.indTemplate === undefined ? {} : { ...J.indTemplate }) as unknown as ResultJson['indicators'];
  for (let i = 0; i < J.indIds.length; i++) {
    const id = J.indIds[i] as string;
    const slot = L.indSlot[i] as number;
    const raw = slot >= 0 ? rt.raw[slot] : undefined;
    const set = rt.iSet[i] === 1;
    const pd = rt.iPd[i] as number;
    const points = !set || pd === 0 ? null : jsonOfFrac(rt.iPn[i] as number, pd);
    const status = (set ? STATUS[rt.iStatus[i] as number] : 'missing') as IndicatorStatus;
    const weight = weightJson(rt, J, L, W, i);
    // Fixed shapes in `toResultJson`'s key order.
    let entry: IndicatorJson;
    if (raw === undefined) entry = { points, status, weight };
    else {
      const value = rawJson(raw);
      const field = rt.keys[slot] as string;
      entry = field !== id ? { value, points, status, weight, field } : { value, points, status, weight };
    }
    if (build !== undefined) J.entries[i] = entry;
    else indicators[id] = entry;
  }
  const warnings = rt.warnings.map(issueJson);
  // Key by key in `toResultJson`'s order (its optional keys make eight shapes; V8 shares the transitions).
  const out: ResultJson = name === undefined ? { platform, outcome, level, total } as ResultJson : { platform, name, outcome, level, total } as ResultJson;
  if (derived) out.derived = derived;
  out.dimensions = dimensions;
  out.indicators = build !== undefined ? build(J.entries) : indicators;
  out.prerequisitesFailed = prerequisitesFailed;
  out.vetoes = vetoes;
  if (missing.length > 0) out.missing = missing.map(missingJson);
  out.errors = [];
  out.warnings = warnings;
  return out;
}
