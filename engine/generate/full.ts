// The full result of a platform the generated module's full variant decided (`makeFull`). In: the model, once;
// per platform its input, the variant's output (each field's value, each indicator's points and applicability,
// each rule's truth code, the level) and the warnings of its unknown keys. Out: the `ResultJson` the plan writes
// for that platform: the plan's runtime state filled from that output, its dimensions and total by the plan's own
// `computeDimension` and `computeTotal`, the missing evidence by its `missingSource`, the JSON by its
// `resultJsonOf` (so every number is the plan's, and the reference's).

import type { Lang } from '../../dsl/ast';
import type { PlatformInput } from '../evaluate/evaluate';
import { missingOf, type EvidenceIssue, type MissingEvidence, type ResultJson } from '../evaluate/result';
import { compileEvidenceReader, ObjV, type Raw } from '../evidence/fast';
import type { Model } from '../model/model';
import type { ValueType } from '../model/value-type';
import { jsonLayoutOf, resultJsonOf, type IndicatorJson } from '../plan/json';
import { anyMissing, missingSource } from '../plan/plan';
import { layoutOf, Rt, ST_MISSING, ST_NA, ST_SCORED } from '../plan/runtime';
import { compileWeights, computeDimension, computeTotal } from '../plan/scores';

/** What the full variant writes besides the decision: indexed like `model.indicators`, `prerequisites`, `vetoes`. */
export interface FullDetail {
  /** Points (an integer 0–100) of each indicator. */
  readonly P: Int32Array;
  /** 1 when the indicator applies (`applies`), else 0. */
  readonly Q: Uint8Array;
  /** Truth code of each prerequisite and veto. */
  readonly PT: Int8Array;
  readonly VT: Int8Array;
  /** Each field's value as the generated code read it (in `model.fields` order). */
  readonly V: unknown[];
}

export function fullDetailOf(m: Model): FullDetail {
  return {
    P: new Int32Array(m.indicators.length),
    Q: new Uint8Array(m.indicators.length),
    PT: new Int8Array(m.prerequisites.length),
    VT: new Int8Array(m.vetoes.length),
    V: new Array<unknown>(m.fields.size).fill(undefined),
  };
}

const NO_MISSING: readonly MissingEvidence[] = [];

/**
 * A field's value as the plan's evidence reader keeps it (engine/evidence/fast.ts): numbers, strings and booleans
 * as they are, an object as an `ObjV` of its members in the type's order. Only for values the generated checks
 * passed (no exact source text: those go to the plan).
 */
function rawOf(t: ValueType, x: unknown): Raw | undefined {
  if (x === null || x === undefined) return undefined;
  if (t.kind !== 'object') return x as Raw;
  const names = [...t.fields.keys()];
  const o = x as Record<string, unknown>;
  return new ObjV(names, names.map((n) => rawOf(t.fields.get(n) as ValueType, o[n]) as Raw), undefined);
}

/** The writer of a model's full results, or undefined where the plan has no fast path (nor a generated module). */
export function fullWriter(m: Model, indicatorsOf: ((entries: readonly IndicatorJson[]) => ResultJson['indicators']) | undefined): ((input: PlatformInput, o: { readonly level: number }, detail: FullDetail, lang: Lang, warnings: readonly EvidenceIssue[]) => ResultJson) | undefined {
  const reader = compileEvidenceReader(m);
  if (!reader) return undefined;
  const L = layoutOf(m, reader.slotOf);
  const W = compileWeights(m, L);
  if (!W) return undefined;
  const J = jsonLayoutOf(m, indicatorsOf);
  const rt = new Rt(L, reader.slots.length);
  const fields = [...m.fields].flatMap(([id, f], at) => {
    const slot = reader.slotOf.get(id);
    return slot === undefined || !f.type ? [] : [{ id, slot, at, type: f.type, object: f.type.kind === 'object' }];
  });
  const levelIds = m.levels.map((l) => l.id);
  const fallback = m.fallback?.id ?? null;
  const order = m.order.flatMap((n) => (n.kind === 'dimension' ? [L.dimIndex.get(n.id) as number] : n.kind === 'total' ? [-1] : []));
  return (input, o, detail, lang, warnings) => {
    rt.reset(lang);
    // Each field as the plan's reader keeps it: absent (null) fields undefined, the others read under their own id.
    const { P, Q, PT, VT, V } = detail;
    for (const f of fields) {
      const x = V[f.at];
      rt.raw[f.slot] = x === null || x === undefined ? undefined : f.object ? rawOf(f.type, x) : (x as Raw);
      rt.keys[f.slot] = f.id;
    }
    // Each indicator as the plan's indicator node sets it: not applicable; missing (0 points) when its field is
    // absent; else scored with its points.
    for (let i = 0; i < P.length; i++) {
      const applies = Q[i] === 1;
      const slot = L.indSlot[i] as number;
      const present = slot >= 0 && rt.raw[slot] !== undefined;
      rt.iSet[i] = 1;
      rt.iStatus[i] = !applies ? ST_NA : present ? ST_SCORED : ST_MISSING;
      rt.iPn[i] = applies && present ? (P[i] as number) : 0;
      rt.iPd[i] = applies ? 1 : 0;
      rt.iApplicable[i] = applies ? 1 : 0;
    }
    for (const d of order) {
      if (d >= 0) computeDimension(rt, W, d);
      else computeTotal(rt);
    }
    for (let k = 0; k < PT.length; k++) rt.pTruth[k] = PT[k] as number;
    for (let k = 0; k < VT.length; k++) rt.vTruth[k] = VT[k] as number;
    rt.level = o.level >= 0 ? (levelIds[o.level] as string) : o.level === -1 ? fallback : null;
    for (const w of warnings) rt.warnings.push(w);
    // The missing evidence, from the same state (every rule's truth is known: the variant returns 0 otherwise).
    const missing = anyMissing(rt) ? missingOf(missingSource(rt, m, L, W)) : NO_MISSING;
    return resultJsonOf(rt, J, L, W, String(input.platform), input.name === undefined ? undefined : String(input.name), missing);
  };
}
