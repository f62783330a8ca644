// Exact numbers without big-number arithmetic on the hot path: decimal doubles and small fractions.
// In: doubles, decimal literals, safe-integer fractions. Out: exact comparisons and sums, or a `Bail` when a
// value leaves the range where doubles are exact (the caller then asks the reference evaluator).
//
// Two representations, both exact:
// - A *decimal double* is a JavaScript number whose value is taken to be the shortest decimal that prints as it
//   (what `Rational.fromNumber` reads). Evidence numbers are decimal doubles by definition, and so is a literal
//   whose text equals that decimal (`isCanonical`). Comparing two decimal doubles with `<`, `===` is exact:
//   rounding to the nearest double is monotone, so x < y as doubles ⇔ dec(x) < dec(y), and equal doubles have
//   the same shortest decimal.
// - A *fraction* is a pair of safe integers (|n|, d < 2^53, d > 0) held in doubles. A product or sum of safe
//   integers is exact when the result is a safe integer (an exact result ≥ 2^53 rounds to a double ≥ 2^53, so the
//   check `Number.isSafeInteger` never passes a rounded value). Every operation checks; past the range it throws
//   `Bail` (sums) or compares with bigint (comparisons), so a result is never silently rounded.

import { isCompareOp, signHolds } from '../numbers/compare-op';
import { Rational } from '../numbers/rational';

/** Thrown when the plan cannot decide exactly or cheaply: the platform is assessed by the reference evaluator. */
export class Bail extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

/** The shortest-decimal Rational of a finite double, memoised (values repeat across platforms). */
const fromNumberCache = new Map<number, Rational>();
export function ratOf(x: number): Rational {
  let q = fromNumberCache.get(x);
  if (q === undefined) {
    if (Number.isSafeInteger(x)) q = Rational.fromInt(x);
    else {
      const r = Rational.fromNumber(x);
      if (r === undefined) throw new Bail('non-finite number');
      q = r;
    }
    if (fromNumberCache.size >= 1 << 16) fromNumberCache.clear();
    fromNumberCache.set(x, q);
  }
  return q;
}

/** Whether a decimal literal's exact value is the shortest decimal of its nearest double (compare as doubles). */
export function isCanonical(q: Rational): boolean {
  const d = Number(q.toDecimalString(40));
  if (!Number.isFinite(d)) return false;
  const back = Rational.fromNumber(d);
  return back !== undefined && back.eq(q);
}

/** The double of a canonical Rational. */
export function doubleOf(q: Rational): number {
  return Number(q.toDecimalString(40));
}

/** `q` as a fraction of safe integers, or undefined when it does not fit. */
export function fracOf(q: Rational): { n: number; d: number } | undefined {
  const n = Number(q.num);
  const d = Number(q.den);
  return Number.isSafeInteger(n) && Number.isSafeInteger(d) ? { n, d } : undefined;
}

/** The exact fraction of a decimal double (its shortest decimal), or undefined when it does not fit. */
export function fracOfDouble(x: number): { n: number; d: number } | undefined {
  if (Number.isSafeInteger(x)) return { n: x, d: 1 };
  return fracOf(ratOf(x));
}

export function gcd(a: number, b: number): number {
  if (a < 0) a = -a;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0 ? 1 : a;
}

/** Scratch result of fraction operations (no allocation on the hot path). */
export const R = { n: 0, d: 1 };

/** R = a/b reduced; Bail when outside safe integers. */
export function setFrac(n: number, d: number): void {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) throw new Bail('fraction out of range');
  if (d !== 1) {
    const g = gcd(n, d);
    if (g !== 1) {
      n /= g;
      d /= g;
    }
  }
  R.n = n;
  R.d = d;
}

/** R = an/ad + bn/bd. */
export function addFrac(an: number, ad: number, bn: number, bd: number): void {
  if (ad === bd) {
    // Same denominator (the common case: scores over 10ᴷ·100): no reduction needed, only the range check.
    const n = an + bn;
    if (!Number.isSafeInteger(n)) throw new Bail('fraction out of range');
    R.n = n;
    R.d = ad;
    return;
  }
  // Each product is checked on its own: two unsafe products could cancel into a safe-looking, rounded sum.
  const l = an * bd;
  const r = bn * ad;
  if (!Number.isSafeInteger(l) || !Number.isSafeInteger(r)) throw new Bail('fraction out of range');
  setFrac(l + r, ad * bd);
}

/**
 * R = an/ad + bn/bd over lcm(ad, bd), unreduced: no gcd of the (large) numerators, only of the (small)
 * denominators. Bail when outside safe integers.
 */
export function addFracLcm(an: number, ad: number, bn: number, bd: number): void {
  if (ad === bd || an === 0) {
    const n = an + bn;
    if (!Number.isSafeInteger(n)) throw new Bail('fraction out of range');
    R.n = an === 0 ? bn : n;
    R.d = an === 0 ? bd : ad;
    return;
  }
  const g = gcd(ad, bd);
  const l = (ad / g) * bd;
  const x = an * (l / ad);
  const y = bn * (l / bd);
  const n = x + y;
  if (!Number.isSafeInteger(l) || !Number.isSafeInteger(x) || !Number.isSafeInteger(y) || !Number.isSafeInteger(n)) throw new Bail('fraction out of range');
  R.n = n;
  R.d = l;
}

/** R = an/ad × bn/bd. */
export function mulFrac(an: number, ad: number, bn: number, bd: number): void {
  setFrac(an * bn, ad * bd);
}

/** Sign of an/ad − bn/bd (denominators positive); exact, with bigint when the products are not safe. */
export function cmpFrac(an: number, ad: number, bn: number, bd: number): number {
  if (ad === bd) return an < bn ? -1 : an > bn ? 1 : 0;
  const l = an * bd;
  const r = bn * ad;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  const L = BigInt(an) * BigInt(bd);
  const Rr = BigInt(bn) * BigInt(ad);
  return L < Rr ? -1 : L > Rr ? 1 : 0;
}

/**
 * The Rational of a fraction, memoised per (n, d) in a direct-mapped table (scores, shares and totals repeat across
 * platforms; a miss only costs building the Rational). Larger than the other tables: a corpus's exact totals are
 * many (6,000 distinct among the benchmark's 20,000 platforms: a third of them missed at 4,096 slots, a tenth at 16,384).
 */
const FRAC_SLOTS = 4096;
const RAT_SLOTS = 16384;
const fracN = new Float64Array(RAT_SLOTS).fill(Number.NaN);
const fracD = new Float64Array(RAT_SLOTS);
const fracQ: (Rational | undefined)[] = new Array<Rational | undefined>(RAT_SLOTS).fill(undefined);
export function ratOfFrac(n: number, d: number): Rational {
  if (d === 1) return n === 0 ? Rational.ZERO : ratOf(n);
  const h = (Math.imul(n | 0, 31) + (d | 0)) & (RAT_SLOTS - 1);
  if (fracN[h] === n && fracD[h] === d) return fracQ[h] as Rational;
  const q = Rational.ofSafe(n, d);
  fracN[h] = n;
  fracD[h] = d;
  fracQ[h] = q;
  return q;
}

/** Result of a comparison operator applied to a sign. */
export function opHolds(op: string, c: number): boolean {
  if (!isCompareOp(op)) throw new Bail(`operator ${op}`);
  return signHolds(op, c);
}

/** 10¹⁰: the places a JSON number of a value without a finite decimal expansion is rounded to. */
const TEN_PLACES = 1e10;

/**
 * `ratOfFrac(n, d).toJSONNumber()` without building a Rational: the same double, from safe integers.
 * - A finite decimal (reduced d = 2ᵃ5ᵇ) prints exactly; `Number` of that text is the double nearest n/d, which is
 *   what the division n / d gives (IEEE division is correctly rounded; n and d are exact).
 * - Otherwise the text is n/d rounded half up (away from zero) to 10 places, q/10¹⁰; with q a safe integer,
 *   `q / 1e10` is again the correctly rounded double of that decimal. q is computed exactly (remainder, not a
 *   rounded quotient) when |n|·10¹⁰ is a safe integer; past that, the Rational path.
 * Zero is +0 (the text `0` or `-0.0000000000` never reads as −0 through `toFixed`).
 */
export function jsonOfFrac(n: number, d: number): number {
  if (n === 0) return 0;
  if (d === 1) return n;
  // Memoised like `ratOfFrac` (effective weights, scores and shares repeat across platforms).
  const h = (Math.imul(n | 0, 31) + (d | 0)) & (FRAC_SLOTS - 1);
  if (jsonN[h] === n && jsonD[h] === d) return jsonX[h] as number;
  const x = jsonOfFracOnce(n, d);
  jsonN[h] = n;
  jsonD[h] = d;
  jsonX[h] = x;
  return x;
}

const jsonN = new Float64Array(FRAC_SLOTS).fill(Number.NaN);
const jsonD = new Float64Array(FRAC_SLOTS);
const jsonX = new Float64Array(FRAC_SLOTS);

function jsonOfFracOnce(n: number, d: number): number {
  const g = gcd(n, d);
  const rn = n / g;
  const rd = d / g;
  let m = rd;
  while (m % 2 === 0) m /= 2;
  while (m % 5 === 0) m /= 5;
  if (m === 1) return rn / rd;
  const neg = rn < 0;
  const x = (neg ? -rn : rn) * TEN_PLACES;
  if (!Number.isSafeInteger(x)) return ratOfFrac(n, d).toJSONNumber();
  const r = x % rd;
  let q = (x - r) / rd;
  if (r * 2 >= rd) q += 1;
  if (q === 0) return 0;
  return (neg ? -q : q) / TEN_PLACES;
}
