// Weight redistribution and shares, generic over the number type (exact `Rational`, the plan's fractions):
// within a dimension, an applicable indicator's effective weight is w × Σw(all) ÷ Σw(applicable), a not-applicable
// one's 0 (all not applicable: every effective weight 0). Contribution = effective weight × points ÷ 100 (none
// without points); score = Σ contributions; share = score ÷ dimension weight (0 when that weight is 0).
// In: a `NumOps` record built once per backend, and numbers. Out: numbers; nothing else is allocated here.

import { Rational } from '../numbers/rational';

/** The number operations the rule needs. Build once per backend (a module constant). */
export interface NumOps<N> {
  readonly zero: N;
  readonly hundred: N;
  add(a: N, b: N): N;
  mul(a: N, b: N): N;
  /** Division by a non-zero number (the rules never divide by zero). */
  div(a: N, b: N): N;
  isZero(a: N): boolean;
}

/** Exact rationals: the reference evaluator's numbers. */
export const RATIONAL_OPS: NumOps<Rational> = {
  zero: Rational.ZERO,
  hundred: Rational.HUNDRED,
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  isZero: (a) => a.isZero(),
};

/**
 * An indicator's effective weight: `weight × all ÷ applicableSum` when it applies and some weight applies, else 0.
 * `all` is Σ declared weights of its dimension, `applicableSum` Σ over the applicable ones.
 */
export function effectiveWeight<N>(ops: NumOps<N>, weight: N, all: N, applicableSum: N, applicable: boolean): N {
  // weight × (all ÷ applicableSum): when everything applies the factor is 1, which a backend may keep cheap.
  return applicable && !ops.isZero(applicableSum) ? ops.mul(weight, ops.div(all, applicableSum)) : ops.zero;
}

/** An indicator's contribution to its dimension's score: effective weight × points ÷ 100; 0 without points. */
export function contribution<N>(ops: NumOps<N>, effective: N, points: N | null): N {
  return points === null ? ops.zero : ops.div(ops.mul(effective, points), ops.hundred);
}

/** A dimension's share: score ÷ its declared weight; 0 when the weight is 0. */
export function shareOf<N>(ops: NumOps<N>, score: N, weight: N): N {
  return ops.isZero(weight) ? ops.zero : ops.div(score, weight);
}

/** The weights of one dimension as the rule reads them: `weight(s, k)` and `applicable(s, k)` for k < count. */
export interface DimensionWeights<S, N> {
  count(s: S): number;
  weight(s: S, k: number): N;
  applicable(s: S, k: number): boolean;
}

/** Σ declared weights of a dimension's indicators. */
export function weightSum<S, N>(ops: NumOps<N>, d: DimensionWeights<S, N>, s: S): N {
  let all = ops.zero;
  const n = d.count(s);
  for (let k = 0; k < n; k++) all = ops.add(all, d.weight(s, k));
  return all;
}

/** Σ declared weights of the applicable indicators (an indicator applies unless its condition is false). */
export function applicableWeightSum<S, N>(ops: NumOps<N>, d: DimensionWeights<S, N>, s: S): N {
  let sum = ops.zero;
  const n = d.count(s);
  for (let k = 0; k < n; k++) if (d.applicable(s, k)) sum = ops.add(sum, d.weight(s, k));
  return sum;
}

/** Where the integer forms below write their result (no allocation on a hot path). */
export interface FracOut {
  n: number;
  d: number;
}

/**
 * A dimension's score over integers, for a backend that keeps weights scaled to integers (Wᵢ = wᵢ × scale): with
 * T = Σ Wᵢ over the dimension (`all`), A = Σ Wᵢ over the applicable ones (`applicableSum`) and M/md = Σ Wᵢ × pᵢ over
 * the applicable ones with points, the score Σ effectiveWeight × points ÷ 100 above is T·M / (A·scale·100·md) —
 * 0 when A or M is 0 (nothing applies, or nothing scores). Writes n/d (not reduced) into `out`; returns false when
 * a number leaves the safe-integer range, and the caller must then compute exactly another way. The same rule as
 * `effectiveWeight` and `contribution` summed (test/semantics/weights.test.ts holds them equal).
 */
export function scaledScore(T: number, A: number, M: number, md: number, scale: number, out: FracOut): boolean {
  if (A === 0 || M === 0) {
    out.n = 0;
    out.d = 1;
    return true;
  }
  // When everything applies the factor T ÷ A is 1: the denominators stay 100·scale·md, cheap to add in a total.
  const n = A === T ? M : T * M;
  const d = (A === T ? 1 : A) * scale * 100 * md;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return false;
  out.n = n;
  out.d = d;
  return true;
}

/** `shareOf` over integers: (sn/sd) ÷ (wn/wd), 0 when the weight is 0; false when out of the safe range. */
export function scaledShare(sn: number, sd: number, wn: number, wd: number, out: FracOut): boolean {
  if (wn === 0) {
    out.n = 0;
    out.d = 1;
    return true;
  }
  const n = sn * wd;
  const d = sd * wn;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return false;
  out.n = n;
  out.d = d;
  return true;
}
