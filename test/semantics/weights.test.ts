// Weight redistribution (engine/semantics/weights.ts) over exact rationals and over plain numbers, and in source.

import { describe, expect, it } from 'vitest';
import { applicableWeightSum, contribution, effectiveWeight, RATIONAL_OPS, shareOf, weightSum, type DimensionWeights, type NumOps } from '../../engine/semantics/index';
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
