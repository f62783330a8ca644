// The per-platform state a plan fills in, and the fixed layout (indices by id) the compiler resolves names to.
// In: a model (layout, once). Out: `Rt`, reused between platforms (typed arrays; reset per run) so that
// assessing a platform allocates little besides its result.

import type { Lang } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import type { EvalEvent, QuantElement, Read } from '../evaluate/events';
import type { Model } from '../model/model';
import type { EvidenceIssue, EvidenceValue, LevelCheck } from '../evaluate/result';
import { evidenceOf, type Raw, type WarnCode } from '../evidence/fast';
import type { PV } from './values';

export const ST_SCORED = 0;
export const ST_MISSING = 1;
export const ST_NA = 2;
export const STATUS = ['scored', 'missing', 'not_applicable'] as const;

/** Truth codes of vetoes and prerequisites: engine/semantics/truth.ts's (−1: not computed yet). */
export { FALSE as T_FALSE, TRUE as T_TRUE, UNKNOWN as T_UNKNOWN } from '../semantics/truth';

export interface Layout {
  readonly model: Model;
  readonly slotOf: ReadonlyMap<string, number>;
  readonly indIndex: ReadonlyMap<string, number>;
  readonly dimIndex: ReadonlyMap<string, number>;
  readonly vetoIndex: ReadonlyMap<string, number>;
  readonly preIndex: ReadonlyMap<string, number>;
  /** Index of each derived value (declaration order). */
  readonly derIndex: ReadonlyMap<string, number>;
  /** Evidence slot of each indicator (by indicator index). */
  readonly indSlot: readonly number[];
  /** Dimension index of each indicator. */
  readonly indDim: readonly number[];
}

export function layoutOf(model: Model, slotOf: ReadonlyMap<string, number>): Layout {
  const idx = <T extends { readonly id: string }>(xs: readonly T[]): Map<string, number> => new Map(xs.map((x, i) => [x.id, i]));
  const dimIndex = idx(model.dimensions);
  return {
    model,
    slotOf,
    indIndex: idx(model.indicators),
    dimIndex,
    vetoIndex: idx(model.vetoes),
    preIndex: idx(model.prerequisites),
    derIndex: idx(model.derived),
    indSlot: model.indicators.map((i) => slotOf.get(i.id) ?? -1),
    indDim: model.indicators.map((i) => dimIndex.get(i.dimension) ?? -1),
  };
}

/** The per-platform arrays the exact views of scores, weights and points read, copied by `snapshot`. */
const SNAP_KEYS = ['iSet', 'iStatus', 'iApplicable', 'iPn', 'iPd', 'iMatched', 'iEff', 'dSet', 'dScoreN', 'dScoreD', 'dShareN', 'dShareD', 'dA', 'raw', 'keys'] as const;

/** What the exact views read: `Rt` itself, or a copy of its arrays kept by a lazy result. */
export type Snap = { readonly [K in (typeof SNAP_KEYS)[number]]: Rt[K] };

/** A copy of the per-platform arrays (the runtime state is reused by the next platform). */
export function snapshot(rt: Rt): Snap {
  return {
    iSet: rt.iSet.slice(),
    iStatus: rt.iStatus.slice(),
    iApplicable: rt.iApplicable.slice(),
    iPn: rt.iPn.slice(),
    iPd: rt.iPd.slice(),
    iMatched: rt.iMatched.slice(),
    iEff: rt.iEff.slice(),
    dSet: rt.dSet.slice(),
    dScoreN: rt.dScoreN.slice(),
    dScoreD: rt.dScoreD.slice(),
    dShareN: rt.dShareN.slice(),
    dShareD: rt.dShareD.slice(),
    dA: rt.dA.slice(),
    raw: rt.raw.slice(),
    keys: rt.keys.slice(),
  };
}

/** Rendered evidence warnings by language, code, field and arguments (bounded). */
const issues = new Map<string, EvidenceIssue>();

/** The warning as `Rt.warn` records it, frozen and shared. */
export function sharedIssue(code: WarnCode, field: string, args: Record<string, string>, lang: Lang): EvidenceIssue {
  const key = `${lang}\u0000${code}\u0000${field}\u0000${Object.values(args).join('\u0000')}`;
  let issue = issues.get(key);
  if (issue === undefined) {
    if (issues.size >= 4096) issues.clear();
    issue = Object.freeze({ field, code, message: renderMessage({ code, args }, lang), args: Object.freeze({ ...args }) });
    issues.set(key, issue);
  }
  return issue;
}

export class Rt implements Snap {
  readonly raw: (Raw | undefined)[];
  readonly keys: (string | undefined)[];
  /** Each enum field's value as its index in the type's list (meaningful only where `raw` holds a value). */
  readonly sym: Int32Array;
  // Indicators, by index.
  readonly iSet: Uint8Array;
  readonly iStatus: Uint8Array;
  readonly iApplicable: Uint8Array;
  /** Points as a fraction; iPd = 0 means null (not applicable). */
  readonly iPn: Float64Array;
  readonly iPd: Float64Array;
  readonly iMatched: Int32Array;
  /** Whether the dimension recorded an effective weight for the indicator (it was computed before it). */
  readonly iEff: Uint8Array;
  // Dimensions, by index.
  readonly dSet: Uint8Array;
  readonly dScoreN: Float64Array;
  readonly dScoreD: Float64Array;
  readonly dShareN: Float64Array;
  readonly dShareD: Float64Array;
  /** Σ scaled weights of the applicable indicators (0: every effective weight is 0). */
  readonly dA: Float64Array;
  /** Computation order of dimensions (the total sums those computed before it). */
  readonly dOrder: number[] = [];
  totSet = false;
  totN = 0;
  totD = 1;
  /** The formula total's value (a number or unknown); undefined when the total is Σ scores or not computed yet. */
  totV: PV | undefined = undefined;
  /** Each derived value (undefined: not computed yet), by index in declaration order. */
  readonly dv: (PV | undefined)[];
  readonly vTruth: Int8Array;
  readonly vMissing: (readonly string[])[];
  readonly pTruth: Int8Array;
  readonly pMissing: (readonly string[])[];
  levels: LevelCheck[] = [];
  level: string | null = null;
  warnings: EvidenceIssue[] = [];
  lang: Lang = 'en';
  /** Quantifier bindings (ids), innermost last; `boundIx` the index of each in its domain, `boundDom` the domain. */
  readonly bound: string[] = [];
  readonly boundIx: number[] = [];
  readonly boundDom: string[] = [];
  /** Tracing only: reads and quantifier elements of the expression being evaluated, and buffered events. */
  reads: Read[] = [];
  elements: QuantElement[] = [];
  events: EvalEvent[] = [];
  busy = false;
  /** Traced runs: the evidence value of each slot, built once per platform (events repeat it band after band). */
  private readonly evCache: (EvidenceValue | undefined)[];
  private evCached = false;
  /** Records an evidence warning as the reference's `Issues.add` does. */
  readonly warn = (code: WarnCode, field: string, args: Record<string, string>): void => {
    this.warnings.push({ field, code, message: renderMessage({ code, args }, this.lang), args });
  };
  /** `warn` with the issue rendered once and shared by every platform that has it (for decisions of a corpus). */
  readonly warnShared = (code: WarnCode, field: string, args: Record<string, string>): void => {
    this.warnings.push(sharedIssue(code, field, args, this.lang));
  };

  constructor(readonly layout: Layout, slots: number) {
    const m = layout.model;
    const ni = m.indicators.length;
    const nd = m.dimensions.length;
    this.raw = new Array<Raw | undefined>(slots).fill(undefined);
    this.dv = new Array<PV | undefined>(m.derived.length).fill(undefined);
    this.evCache = new Array<EvidenceValue | undefined>(slots).fill(undefined);
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.sym = new Int32Array(slots);
    this.iSet = new Uint8Array(ni);
    this.iStatus = new Uint8Array(ni);
    this.iApplicable = new Uint8Array(ni);
    this.iPn = new Float64Array(ni);
    this.iPd = new Float64Array(ni);
    this.iMatched = new Int32Array(ni);
    this.iEff = new Uint8Array(ni);
    this.dSet = new Uint8Array(nd);
    this.dScoreN = new Float64Array(nd);
    this.dScoreD = new Float64Array(nd);
    this.dShareN = new Float64Array(nd);
    this.dShareD = new Float64Array(nd);
    this.dA = new Float64Array(nd);
    this.vTruth = new Int8Array(m.vetoes.length);
    this.vMissing = new Array<readonly string[]>(m.vetoes.length).fill([]);
    this.pTruth = new Int8Array(m.prerequisites.length);
    this.pMissing = new Array<readonly string[]>(m.prerequisites.length).fill([]);
  }

  /** The evidence value of slot `slot` (which holds a value), cached for the platform. */
  evidenceAt(slot: number): EvidenceValue {
    let v = this.evCache[slot];
    if (v === undefined) {
      v = evidenceOf(this.raw[slot] as Raw);
      this.evCache[slot] = v;
      this.evCached = true;
    }
    return v;
  }

  /**
   * Clears the state for the next platform. `decision`: only a decision is read from this state, never handed out
   * (`Plan.summary`): what only results read (matched entries, recorded effective weights) is left as it was, and
   * the lists are emptied in place instead of replaced.
   */
  reset(lang: Lang, decision = false): void {
    if (this.evCached) {
      this.evCache.fill(undefined);
      this.evCached = false;
    }
    this.iSet.fill(0);
    if (!decision) {
      this.iEff.fill(0);
      this.iMatched.fill(-1);
    }
    this.dSet.fill(0);
    this.dOrder.length = 0;
    this.totSet = false;
    this.totN = 0;
    this.totD = 1;
    this.totV = undefined;
    this.dv.fill(undefined);
    this.vTruth.fill(-1);
    this.pTruth.fill(-1);
    this.level = null;
    if (decision) {
      this.levels.length = 0;
      this.warnings.length = 0;
    } else {
      this.levels = [];
      this.warnings = [];
    }
    this.lang = lang;
    this.bound.length = 0;
    this.boundIx.length = 0;
    this.boundDom.length = 0;
  }
}
