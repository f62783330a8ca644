// Weight redistribution (engine/semantics/weights.ts) over exact rationals and over plain numbers, and in source.

import { describe, expect, it } from 'vitest';
import { applicableWeightSum, contribution, effectiveWeight, RATIONAL_OPS, scaledScore, scaledShare, shareOf, weightSum, type DimensionWeights, type NumOps } from '../../engine/semantics/index';
import { Rational } from '../../engine/numbers/rational';
import { assess, dim, ind, rs } from '../engine/helpers';

const NUM: NumOps<number> = { zero: 0, hundred: 100, add: (a, b) => a + b, mul: (a, b) => a * b, div: (a, b) => a / b, isZero: (a) => a === 0 };
const q = (s: string) => Rational.parse(s) as Rational;

type Dim = { w: number[]; app: boolean[] };
const D: DimensionWeights<Dim, number> = { count: (d) => d.w.length, weight: (d, k) => d.w[k] as number, applicable: (d, k) => d.app[k] === true };

describe('redistribution', () => {
  it('an applicable indicator takes w × Σw ÷ Σw(applicable); a not-applicable one 0', () => {
    const d = { w: [2, 3, 5], app: [true, true, false] };
    const all = weightSum(NUM, D, d);
    const app = applicableWeightSum(NUM, D, d);
    expect([all, app]).toEqual([10, 5]);
    expect(d.w.map((w, k) => effectiveWeight(NUM, w, all, app, d.app[k] === true))).toEqual([4, 6, 0]);
    expect(effectiveWeight(RATIONAL_OPS, q('1'), q('3'), q('3'), true).toString()).toBe('1');
  });

  it('all not applicable: every effective weight is 0; weight 0 dimension: share 0', () => {
    expect(effectiveWeight(NUM, 2, 5, 0, true)).toBe(0);
    expect(shareOf(RATIONAL_OPS, q('7'), Rational.ZERO).toString()).toBe('0');
    expect(shareOf(RATIONAL_OPS, q('7'), q('14')).toString()).toBe('0.5');
    expect(contribution(RATIONAL_OPS, q('4'), q('50')).toString()).toBe('2');
    expect(contribution(RATIONAL_OPS, q('4'), null).toString()).toBe('0');
  });
});

describe('the same rule in source text', () => {
  const src = rs(`
input flow: boolean
dimension D {
  weight 10
  indicator a {
    weight 1
    type percent
    bands { else: 100 }
  }
  indicator b {
    weight 3
    type percent
    applies when flow
    bands { else: 100 }
  }
}`, 10);
  it('b not applicable: a carries the dimension, exactly', () => {
    const x = assess(src, { flow: false, a: 1, b: 1 });
    expect(ind(x, 'a').effectiveWeight.toString()).toBe('4');
    expect(ind(x, 'b').effectiveWeight.toString()).toBe('0');
    expect(dim(x, 'D').score.toString()).toBe('4');
    expect(dim(x, 'D').share.toFraction()).toBe('2/5');
  });
});

describe('the integer forms (the plan’s hot path) equal the rule over exact rationals', () => {
  // A small deterministic generator: weights with up to 2 decimals, points n/pd, some indicators not applicable.
  let seed = 7;
  // mulberry32: 32-bit integer steps (Math.imul), exact in doubles.
  const rnd = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  type RDim = { w: Rational[]; app: boolean[]; points: (Rational | null)[] };
  const RD: DimensionWeights<RDim, Rational> = { count: (d) => d.w.length, weight: (d, k) => d.w[k] as Rational, applicable: (d, k) => d.app[k] === true };
  it('scaledScore and scaledShare give the score and share of effectiveWeight, contribution and shareOf', () => {
    let nonZero = 0;
    for (let round = 0; round < 400; round++) {
      const scale = [1, 10, 100][rnd(3)] as number;
      const n = 1 + rnd(6);
      const W = Array.from({ length: n }, () => rnd(30 * scale));
      const pd = [1, 2, 4][rnd(3)] as number;
      const d: RDim = {
        w: W.map((x) => Rational.fromInt(x).div(Rational.fromInt(scale))),
        app: W.map(() => rnd(4) !== 0),
        points: W.map(() => (rnd(5) === 0 ? null : Rational.fromInt(rnd(101 * pd)).div(Rational.fromInt(pd)))),
      };
      // The exact rule.
      const all = weightSum(RATIONAL_OPS, RD, d);
      const app = applicableWeightSum(RATIONAL_OPS, RD, d);
      let score = Rational.ZERO;
      for (let k = 0; k < n; k++) score = score.add(contribution(RATIONAL_OPS, effectiveWeight(RATIONAL_OPS, d.w[k] as Rational, all, app, d.app[k] === true), d.app[k] ? (d.points[k] ?? null) : null));
      const dimWeight = Rational.fromInt(rnd(3) === 0 ? 0 : 1 + rnd(40));
      const share = shareOf(RATIONAL_OPS, score, dimWeight);
      // The integer form: T, A over scaled weights; M/md = Σ Wᵢ·pᵢ over applicable indicators with points.
      const T = W.reduce((a, b) => a + b, 0);
      const A = W.reduce((a, w, k) => a + (d.app[k] ? w : 0), 0);
      let M = Rational.ZERO;
      for (let k = 0; k < n; k++) if (d.app[k] && d.points[k]) M = M.add(Rational.fromInt(W[k] as number).mul(d.points[k] as Rational));
      const out = { n: -1, d: -1 };
      // Every point's denominator divides pd, so M = mn / pd with mn a whole number.
      const mn = M.mul(Rational.fromInt(pd));
      expect(mn.den).toBe(1n);
      expect(scaledScore(T, A, Number(mn.num), pd, scale, out)).toBe(true);
      const got = Rational.fromInt(out.n).div(Rational.fromInt(out.d));
      expect(got.toFraction(), JSON.stringify({ W, app: d.app, scale })).toBe(score.toFraction());
      if (!got.isZero()) nonZero++;
      expect(scaledShare(out.n, out.d, Number(dimWeight.num), Number(dimWeight.den), out)).toBe(true);
      expect(Rational.fromInt(out.n).div(Rational.fromInt(out.d)).toFraction()).toBe(share.toFraction());
    }
    expect(nonZero).toBeGreaterThan(200);
  });

  it('says so when a number leaves the safe-integer range', () => {
    const out = { n: 0, d: 1 };
    expect(scaledScore(2 ** 40, 3, 2 ** 20, 1, 1, out)).toBe(false);
    expect(scaledShare(2 ** 52, 1, 1, 7, out)).toBe(false);
  });
});
