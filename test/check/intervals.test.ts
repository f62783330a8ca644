// Sets of numbers as unions of intervals (engine/check/intervals.ts): complement, union and intersection agree
// with membership at sample points, results stay normalised, and memoised results equal fresh ones.
// In: random intervals over small integers and halves. Out: set laws checked at every sample point.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumSet, type End, type Interval } from '../../engine/check/intervals';
import { Rational } from '../../engine/numbers/rational';

const q = (x: number): Rational => Rational.parse(String(x)) as Rational;

const end = fc.option(
  fc.record({ value: fc.integer({ min: -8, max: 8 }).map((n) => q(n / 2)), inclusive: fc.boolean() }),
  { nil: undefined, freq: 4 },
);
const interval = fc.tuple(end, end).map(([lo, hi]): Interval => ({ ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) }));
const parts = fc.array(interval, { maxLength: 4 });
/** Two sets of the same kind (both integer or both not: the checks never mix kinds in one operation). */
const pair = fc.tuple(parts, parts, fc.boolean()).map(([a, b, integer]) => [NumSet.of(a, integer), NumSet.of(b, integer)] as const);

/** Sample points: every half and quarter from -5 to 5. */
const POINTS = Array.from({ length: 41 }, (_, i) => Rational.of(BigInt(i - 20), 4n));

function inEnd(v: Rational, e: End | undefined, lower: boolean): boolean {
  if (!e) return true;
  const c = v.cmp(e.value);
  return lower ? c > 0 || (c === 0 && e.inclusive) : c < 0 || (c === 0 && e.inclusive);
}
function has(s: NumSet, v: Rational): boolean {
  if (s.integer && !v.isInteger()) return false;
  return s.parts.some((p) => inEnd(v, p.lo, true) && inEnd(v, p.hi, false));
}
const normalised = (s: NumSet): readonly Interval[] => NumSet.of(s.parts, s.integer).parts;

describe('NumSet', () => {
  it('complement, union, intersection and difference agree with membership and stay normalised', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const c = a.complement();
        const u = a.union(b);
        const i = a.intersect(b);
        const d = a.minus(b);
        for (const v of POINTS) {
          if (a.integer && !v.isInteger()) continue;
          expect(has(c, v)).toBe(!has(a, v));
          expect(has(u, v)).toBe(has(a, v) || has(b, v));
          expect(has(i, v)).toBe(has(a, v) && has(b, v));
          expect(has(d, v)).toBe(has(a, v) && !has(b, v));
        }
        for (const s of [c, u, i, d]) expect(s.parts).toEqual(normalised(s));
        // asked again: the same (memoised) answers
        expect(a.complement()).toBe(c);
        expect(a.union(b)).toBe(u);
        expect(a.intersect(b)).toBe(i);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
