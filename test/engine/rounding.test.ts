// Exact ceil, floor, round (three tie modes) and whole-number powers on `Rational` (issue #13).
// In: decimal texts. Out: exact results, ties settled by the mode, negative digits and exponents, no doubles.

import { describe, expect, it } from 'vitest';
import { Rational } from '../../engine/index';

const q = (s: string): Rational => {
  const r = Rational.parse(s);
  if (!r) throw new Error(s);
  return r;
};
const text = (r: Rational): string => r.toDecimalString(40);

describe('ceil and floor', () => {
  it('go to the next multiple of 10^-d, exact on a multiple', () => {
    expect(text(q('4.01').ceil(1))).toBe('4.1');
    expect(text(q('4.1').ceil(1))).toBe('4.1');
    expect(text(q('4.09').floor(1))).toBe('4');
    expect(text(q('-4.01').ceil(1))).toBe('-4');
    expect(text(q('-4.01').floor(1))).toBe('-4.1');
    expect(text(q('7.3').ceil())).toBe('8');
    expect(text(q('-7.3').floor())).toBe('-8');
  });
  it('take negative digits (tens, hundreds)', () => {
    expect(text(q('121').ceil(-1))).toBe('130');
    expect(text(q('129').floor(-2))).toBe('100');
    expect(text(q('-121').ceil(-1))).toBe('-120');
  });
  it('are exact where a double is not: CVSS roundup of 0.1 + 0.2 style sums', () => {
    // 4.000000000000001 as a double would ceil to 4.1; exactly 4 stays 4.
    expect(text(q('3.9').add(q('0.1')).ceil(1))).toBe('4');
    expect(text(Rational.of(1n, 3n).ceil(2))).toBe('0.34');
  });
});

describe('round', () => {
  it('settles ties by the mode, away from / toward zero and to even', () => {
    expect(text(q('2.5').round(0, 'half_up'))).toBe('3');
    expect(text(q('-2.5').round(0, 'half_up'))).toBe('-3');
    expect(text(q('2.5').round(0, 'half_down'))).toBe('2');
    expect(text(q('-2.5').round(0, 'half_down'))).toBe('-2');
    expect(text(q('2.5').round(0, 'half_even'))).toBe('2');
    expect(text(q('3.5').round(0, 'half_even'))).toBe('4');
    expect(text(q('-3.5').round(0, 'half_even'))).toBe('-4');
    expect(text(q('0.125').round(2, 'half_even'))).toBe('0.12');
    expect(text(q('0.135').round(2, 'half_even'))).toBe('0.14');
  });
  it('rounds non-ties to the nearest, whatever the mode', () => {
    for (const mode of ['half_up', 'half_even', 'half_down'] as const) {
      expect(text(q('2.51').round(0, mode))).toBe('3');
      expect(text(q('-2.49').round(0, mode))).toBe('-2');
      expect(text(q('125').round(-1, mode))).toBe(mode === 'half_down' ? '120' : mode === 'half_up' ? '130' : '120');
    }
  });
});

describe('pow', () => {
  it('is exact, with x^0 = 1 and negative exponents', () => {
    expect(text(q('0.97').pow(15))).toBe(text(Array.from({ length: 15 }, () => q('0.97')).reduce((a, b) => a.mul(b))));
    expect(text(q('2').pow(-3))).toBe('0.125');
    expect(text(q('-0.5').pow(-3))).toBe('-8');
    expect(text(q('-2').pow(2))).toBe('4');
    expect(text(q('0').pow(0))).toBe('1');
    expect(q('-2').pow(3).toFraction()).toBe('-8');
  });
  it('refuses 0 to a negative power', () => {
    expect(() => q('0').pow(-1)).toThrow(RangeError);
  });
  it('is fast: repeated squaring, normalised once', () => {
    const t0 = performance.now();
    const r = q('1.0001').pow(1000);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.den).toBe(10n ** 4000n);
  });
});
