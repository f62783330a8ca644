// Weights, redistribution, dimension scores and the total in safe-integer fractions (exact, no bigint).
// In: a model's weights (once), then the indicators' points of one platform (in `Rt`). Out: scores, shares and
// the total as fractions in `Rt`, and their exact `Rational` views for results and trace events.
//
// With weights scaled to integers Wᵢ = wᵢ·10ᴷ (K = most decimals of any indicator weight), T = Σ Wᵢ over the
// dimension and A = Σ Wᵢ over its applicable indicators, the reference's
//   effᵢ = wᵢ·T/A,  score = Σ effᵢ·pᵢ/100,  share = score/w(D),  total = Σ score
// become score = T·M / (A·10ᴷ·100) with M = Σ Wᵢ·pᵢ. Bound: with points p = pn/pd, |M| ≤ T·100·pd, so every
// numerator and denominator stays below T²·10ᴷ·10⁴·pd² per dimension; for csp-assessment (K = 0, T ≤ 20,
// integer points) below 4·10⁶, far from 2⁵³ ≈ 9·10¹⁵. Any operation that would leave the safe range throws
// `Bail` (num.ts), so a platform is never assessed with a rounded number: the reference evaluator takes over.

import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import { addFrac, addFracLcm, Bail, fracOf, R, ratOf, ratOfFrac } from './num';
import { contribution, effectiveWeight, scaledScore, scaledShare, type FracOut, type NumOps } from '../semantics/weights';
import type { Layout, Rt, Snap } from './runtime';

export interface Weights {
  /** 10ᴷ. */
  readonly scale: number;
  /** Scaled weight of each indicator. */
  readonly w: readonly number[];
  /** Declared weight of each indicator. */
  readonly wRat: readonly Rational[];
  /** Σ scaled weights of each dimension's indicators (T), and as a fraction T/1. */
  readonly total: readonly number[];
  readonly totalF: readonly Frac[];
  /** Declared weight of each indicator as a fraction Wᵢ/10ᴷ. */
  readonly wF: readonly Frac[];
  /** Dimension weight as a fraction. */
  readonly dw: readonly Frac[];
  /** Indicator indices of each dimension, in declaration order. */
  readonly members: readonly (readonly number[])[];
}

/** Fewest decimals that write a finite decimal exactly (the smallest k with den | 10ᵏ). */
function decimals(q: Rational): number {
  for (let k = 0; k <= 40; k++) if ((10n ** BigInt(k)) % q.den === 0n) return k;
  return 41;
}

/** Scaled weights; undefined when a weight is not a short decimal or a sum would not be a safe integer. */
export function compileWeights(model: Model, layout: Layout): Weights | undefined {
  let k = 0;
  for (const i of model.indicators) {
    if (!i.weight.isFiniteDecimal()) return undefined;
    k = Math.max(k, decimals(i.weight));
  }
  if (k > 6) return undefined;
  const scale = 10 ** k;
  const w: number[] = [];
  for (const i of model.indicators) {
    const x = Number(i.weight.mul(Rational.fromInt(scale)).num);
    if (!Number.isSafeInteger(x) || x < 0) return undefined;
    w.push(x);
  }
  const members: number[][] = model.dimensions.map(() => []);
  const total: number[] = model.dimensions.map(() => 0);
  for (const d of model.dimensions) {
    const di = layout.dimIndex.get(d.id) as number;
    for (const id of d.indicators) {
      const ii = layout.indIndex.get(id);
      if (ii === undefined) continue;
      (members[di] as number[]).push(ii);
      total[di] = (total[di] as number) + (w[ii] as number);
    }
  }
  const dw: Frac[] = [];
  for (const d of model.dimensions) {
    const f = fracOf(d.weight);
    if (!f || f.n < 0) return undefined;
    dw.push(fixed(f.n, f.d));
  }
  // Static bound (see header): T² · 10ᴷ · 10⁴ must be safe for integer points; finer points are checked per run.
  for (const t of total) if (!Number.isSafeInteger(t * t * scale * 10_000)) return undefined;
  const totalF = total.map((t) => fixed(t, 1));
  const wF = w.map((x) => fixed(x, scale));
  return { scale, w, wRat: model.indicators.map((i) => i.weight), total, totalF, wF, dw, members };
}

/** A safe-integer fraction n/d (d > 0), not reduced: the plan's numbers for engine/semantics/weights.ts. */
export interface Frac {
  readonly n: number;
  readonly d: number;
}
const FRAC_ZERO: Frac = { n: 0, d: 1 };
const FRAC_ONE: Frac = { n: 1, d: 1 };

/** A fraction kept with the weights (compiled once). */
function fixed(n: number, d: number): Frac {
  return n === 0 ? FRAC_ZERO : { n, d };
}

/** n/d, or Bail when either leaves the safe range (the reference takes over). */
function frac(n: number, d: number): Frac {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new Bail('fraction out of range');
  return n === 0 ? FRAC_ZERO : { n, d };
}

/** The plan's number operations for the weight rules (x ÷ x is 1, × 1 keeps the operand: denominators stay small). */
class FracOps implements NumOps<Frac> {
  readonly zero = FRAC_ZERO;
  readonly hundred: Frac = { n: 100, d: 1 };
  add(a: Frac, b: Frac): Frac {
    return a.d === b.d ? frac(a.n + b.n, a.d) : frac(a.n * b.d + b.n * a.d, a.d * b.d);
  }
  mul(a: Frac, b: Frac): Frac {
    return a === FRAC_ONE ? b : b === FRAC_ONE ? a : frac(a.n * b.n, a.d * b.d);
  }
  div(a: Frac, b: Frac): Frac {
    if (a.n === b.n && a.d === b.d) return FRAC_ONE;
    return b.n < 0 ? frac(-a.n * b.d, -a.d * b.n) : frac(a.n * b.d, a.d * b.n);
  }
  isZero(a: Frac): boolean {
    return a.n === 0;
  }
}
const FRAC_OPS = new FracOps();
/** The integer forms' result (one per module: the plan is synchronous). */
const OUT: FracOut = { n: 0, d: 1 };

/** Computes dimension `d` as the reference does (indicators computed before it count; others are skipped). */
export function computeDimension(rt: Rt, W: Weights, d: number): void {
  const members = W.members[d] as readonly number[];
  // One pass: A (the weights of the indicators not known to be inapplicable) and M (Σ weight × points of the
  // computed, applicable ones). When A is 0 every weight of an applicable indicator is 0, so M is 0 too.
  let A = 0;
  let mn = 0;
  let md = 1;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const w = W.w[i] as number;
    if (rt.iSet[i] === 0) {
      A += w;
      continue;
    }
    rt.iEff[i] = 1;
    if (rt.iApplicable[i] === 0) continue;
    A += w;
    const pd = rt.iPd[i] as number;
    if (pd === 0) continue;
    const wp = w * (rt.iPn[i] as number);
    if (!Number.isSafeInteger(wp)) throw new Bail('weight × points out of range');
    if (pd === md) {
      mn += wp;
      if (!Number.isSafeInteger(mn)) throw new Bail('fraction out of range');
    } else {
      addFrac(mn, md, wp, pd);
      mn = R.n;
      md = R.d;
    }
  }
  rt.dA[d] = A;
  // The score and share by the integer forms of engine/semantics/weights.ts (no allocation: the decision's hot
  // path). Unreduced, so the denominators of the scores are small multiples of 10ᴷ·100, cheap to add in the total;
  // shares are compared by cross-multiplication and reduced when a Rational is built.
  if (!scaledScore(W.total[d] as number, A, mn, md, W.scale, OUT)) throw new Bail('score out of range');
  rt.dScoreN[d] = OUT.n;
  rt.dScoreD[d] = OUT.d;
  const dw = W.dw[d] as Frac;
  if (!scaledShare(OUT.n, OUT.d, dw.n, dw.d, OUT)) throw new Bail('share out of range');
  rt.dShareN[d] = OUT.n;
  rt.dShareD[d] = OUT.d;
  rt.dSet[d] = 1;
  rt.dOrder.push(d);
}

/** The total: Σ scores of the dimensions computed so far, over the least common denominator (unreduced). */
export function computeTotal(rt: Rt): void {
  let n = 0;
  let dd = 1;
  for (let k = 0; k < rt.dOrder.length; k++) {
    const d = rt.dOrder[k] as number;
    addFracLcm(n, dd, rt.dScoreN[d] as number, rt.dScoreD[d] as number);
    n = R.n;
    dd = R.d;
  }
  rt.totN = n;
  rt.totD = dd;
  rt.totSet = true;
}

export function scoreRat(rt: Snap, d: number): Rational {
  return ratOfFrac(rt.dScoreN[d] as number, rt.dScoreD[d] as number);
}
export function shareRat(rt: Snap, d: number): Rational {
  return ratOfFrac(rt.dShareN[d] as number, rt.dShareD[d] as number);
}
/** The total: Σ scores, or the formula's value (0 when it is unknown, as the result reports it). */
export function totalRat(rt: Rt): Rational {
  const v = rt.totV;
  if (v !== undefined) return typeof v === 'number' ? ratOf(v) : v instanceof Rational ? v : Rational.ZERO;
  return ratOfFrac(rt.totN, rt.totD);
}

/** Effective weight of indicator i (0 when not recorded, not applicable, or nothing applicable). */
export function effFrac(rt: Snap, W: Weights, L: Layout, i: number): Frac {
  const d = L.indDim[i] as number;
  if (d < 0 || rt.iEff[i] === 0) return FRAC_ZERO;
  // Declared weight wᵢ/10ᴷ; all and applicableSum both scaled by 10ᴷ (only their ratio counts).
  const A = rt.dA[d] as number;
  return effectiveWeight(FRAC_OPS, W.wF[i] as Frac, W.totalF[d] as Frac, A === W.total[d] ? (W.totalF[d] as Frac) : frac(A, 1), rt.iApplicable[i] === 1);
}

export function effRat(rt: Snap, W: Weights, L: Layout, i: number): Rational {
  const e = effFrac(rt, W, L, i);
  return ratOfFrac(e.n, e.d);
}

/** effective weight × points ÷ 100 (0 when points are null). */
export function contributionRat(rt: Snap, W: Weights, L: Layout, i: number): Rational {
  const pd = rt.iPd[i] as number;
  const c = contribution(FRAC_OPS, effFrac(rt, W, L, i), pd === 0 ? null : frac(rt.iPn[i] as number, pd));
  return ratOfFrac(c.n, c.d);
}

/** Points of indicator i (null when not applicable). */
export function pointsRat(rt: Snap, i: number): Rational | null {
  const pd = rt.iPd[i] as number;
  if (pd === 0) return null;
  return ratOfFrac(rt.iPn[i] as number, pd);
}

export { Bail };
