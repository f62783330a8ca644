// Exact rational numbers over bigint, the arithmetic of the reference evaluator.
// In: decimal text or integers. Out: normalised rationals (den > 0, gcd 1), exact comparison, and
// decimal rendering (half-up rounding to n places; JSON numbers printed from the exact value).

import type { RoundingModeName } from '../../dsl/ast';

/** Largest exponent magnitude `parse` reads (`1e-400` is read; `1e-401` is not a number to it). */
export const MAX_EXPONENT = 400;

/** Denominators up to this are factored with doubles (exact below 2^53). */
const SAFE_DEN = BigInt(Number.MAX_SAFE_INTEGER);

export class Rational {
  /** Always normalised: den > 0 and gcd(|num|, den) = 1. */
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly HUNDRED = new Rational(100n, 1n);

  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  /**
   * n / d for safe integers n and d (d ≠ 0), reduced with doubles (exact below 2^53): no bigint gcd, two bigints
   * made. Throws a RangeError for anything else.
   */
  static ofSafe(n: number, d: number): Rational {
    if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) throw new RangeError('ofSafe: not a fraction of safe integers');
    if (d < 0) {
      n = -n;
      d = -d;
    }
    let a = n < 0 ? -n : n;
    let b = d;
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    // a = gcd(|n|, d) ≥ 1 (d > 0); 0 / d is 0 / 1.
    return a === 1 ? new Rational(BigInt(n), BigInt(d)) : new Rational(BigInt(n / a), BigInt(d / a));
  }

  static fromInt(n: number | bigint): Rational {
    return new Rational(BigInt(n), 1n);
  }

  /**
   * Parses a plain decimal (`-12`, `99.99`, `1.00`, `.5`, `1e-3`). Returns undefined for anything else.
   * Exponents are accepted so that JSON numbers and YAML floats read exactly as written.
   */
  static parse(text: string): Rational | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m) return undefined;
    const [, sign, intPart = '', fracPart = '', expPart] = m;
    if (intPart === '' && fracPart === '') return undefined;
    const exp = expPart === undefined ? 0 : Number(expPart);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
    let num = BigInt((intPart || '0') + fracPart);
    const places = fracPart.length - exp;
    if (num === 0n) return Rational.ZERO;
    if (places <= 0) {
      num *= 10n ** BigInt(-places);
      return new Rational(sign === '-' ? -num : num, 1n);
    }
    // num / 10^places: the only common factors are 2s and 5s, counted without Euclid's gcd (quadratic in the digits).
    const twos = Math.min(places, twosIn(num));
    const fives = Math.min(places, factorsIn(num, 5n, places)[0]);
    num = (num >> BigInt(twos)) / 5n ** BigInt(fives);
    const den = (1n << BigInt(places - twos)) * 5n ** BigInt(places - fives);
    return new Rational(sign === '-' ? -num : num, den);
  }

  /**
   * The exact value of a finite JavaScript number as the decimal it prints as (the shortest
   * round-trip form, which is what a human wrote in YAML or JSON): 0.1 → 1/10, not the binary value.
   */
  static fromNumber(n: number): Rational | undefined {
    if (!Number.isFinite(n)) return undefined;
    return Rational.parse(String(n));
  }

  /**
   * Knuth's addition (TAOCP 4.5.1): the gcd is taken with the gcd of the denominators, not with their product, so
   * sums of long decimals (a power's 90 digits) stay cheap; the result is normalised without a final gcd.
   */
  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    const d1 = gcd(this.den, o.den);
    if (d1 === 1n) return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
    const t = this.num * (o.den / d1) + o.num * (this.den / d1);
    if (t === 0n) return Rational.ZERO;
    const d2 = gcd(t < 0n ? -t : t, d1);
    return new Rational(t / d2, (this.den / d1) * (o.den / d2));
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  /** Knuth's multiplication: cross-cancel numerator with the other denominator (two small gcds, no final one). */
  mul(o: Rational): Rational {
    if (this.num === 0n || o.num === 0n) return Rational.ZERO;
    const g1 = gcd(this.num < 0n ? -this.num : this.num, o.den);
    const g2 = gcd(o.num < 0n ? -o.num : o.num, this.den);
    return new Rational((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
  }
  /** Throws RangeError on division by zero; callers decide what that means. */
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }
  cmp(o: Rational): -1 | 0 | 1 {
    // Same denominator (integers, most bounds and points): no products to build.
    if (this.den === o.den) return this.num < o.num ? -1 : this.num > o.num ? 1 : 0;
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }

  /**
   * `this ^ n` for a whole number n, exactly: repeated squaring of numerator and denominator separately. They are
   * coprime, so their powers are too: the result needs no gcd. `x ^ 0` = 1; throws RangeError for `0 ^ negative`.
   */
  pow(n: number): Rational {
    if (!Number.isSafeInteger(n)) throw new RangeError('the exponent must be a whole number');
    if (n === 0) return Rational.ONE;
    const e = BigInt(n < 0 ? -n : n);
    let num = powBig(this.num, e);
    let den = powBig(this.den, e);
    if (n < 0) {
      if (num === 0n) throw new RangeError('division by zero');
      [num, den] = num < 0n ? [-den, -num] : [den, num];
    }
    return new Rational(num, den);
  }

  /** The smallest multiple of 10^-digits that is ≥ this (`digits` may be negative: -1 is tens). */
  ceil(digits = 0): Rational {
    return this.toStep(digits, (n, d) => -floorDiv(-n, d));
  }

  /** The largest multiple of 10^-digits that is ≤ this. */
  floor(digits = 0): Rational {
    return this.toStep(digits, floorDiv);
  }

  /**
   * The nearest multiple of 10^-digits; a tie goes away from zero (`half_up`), to the even multiple (`half_even`) or
   * toward zero (`half_down`).
   */
  round(digits: number, mode: RoundingModeName): Rational {
    return this.toStep(digits, (n, d) => {
      const q = floorDiv(n, d);
      const twice = 2n * (n - q * d); // 2 × the remainder, 0 ≤ remainder < d
      if (twice > d) return q + 1n;
      if (twice < d) return q;
      switch (mode) {
        case 'half_up':
          return n < 0n ? q : q + 1n;
        case 'half_down':
          return n < 0n ? q + 1n : q;
        case 'half_even':
          return q % 2n === 0n ? q : q + 1n;
      }
    });
  }

  /** `this` scaled by 10^digits, turned into an integer k by `pick(num, den)`, scaled back: k × 10^-digits. */
  private toStep(digits: number, pick: (num: bigint, den: bigint) => bigint): Rational {
    if (!Number.isSafeInteger(digits)) throw new RangeError('digits must be a whole number');
    const scale = 10n ** BigInt(digits < 0 ? -digits : digits);
    const [n, d] = digits >= 0 ? [this.num * scale, this.den] : [this.num, this.den * scale];
    const k = d === 1n ? n : pick(n, d);
    return digits >= 0 ? Rational.of(k, scale) : new Rational(k * scale, 1n);
  }

  /** True when the value has a finite decimal expansion (den has only factors 2 and 5). */
  isFiniteDecimal(): boolean {
    return this.decimalPlaces() !== undefined;
  }

  /**
   * Decimals of the exact expansion (the larger exponent of 2 and 5 in den), or undefined when it does not end.
   * Linear-time steps on the bits: trailing zero bits for 2, division by 5^(2^k) in doubling steps for 5.
   */
  private decimalPlaces(): number | undefined {
    if (this.den <= SAFE_DEN) {
      // The common case (points, scores, decimals of evidence): a few double operations, no bigint arithmetic.
      let d = Number(this.den);
      let twos = 0;
      let fives = 0;
      while (d % 2 === 0) {
        d /= 2;
        twos++;
      }
      while (d % 5 === 0) {
        d /= 5;
        fives++;
      }
      return d === 1 ? Math.max(twos, fives) : undefined;
    }
    const twos = twosIn(this.den);
    const [fives, rest] = factorsIn(this.den >> BigInt(twos), 5n);
    return rest === 1n ? Math.max(twos, fives) : undefined;
  }

  /** Fixed-point text rounded half up (away from zero on ties) to `places` decimals: 77.075 → "77.08". */
  toFixed(places: number): string {
    const neg = this.num < 0n;
    const n = neg ? -this.num : this.num;
    const scale = 10n ** BigInt(places);
    const scaled = n * scale;
    let q = scaled / this.den;
    const r = scaled % this.den;
    if (r * 2n >= this.den) q += 1n;
    const digits = q.toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = places > 0 ? '.' + digits.slice(digits.length - places) : '';
    return (neg && q !== 0n ? '-' : '') + int + frac;
  }

  /**
   * Shortest exact decimal text when the expansion is finite (`77.3`, `0.917857…` is not), otherwise
   * rounded half up to `maxPlaces` (default 10) with trailing zeros removed.
   */
  toDecimalString(maxPlaces = 10): string {
    if (this.den === 1n) return this.num.toString();
    const places = this.decimalPlaces();
    if (places !== undefined) return this.toFixed(places);
    return trimZeros(this.toFixed(maxPlaces));
  }

  /** A JSON number printed from the exact value: `JSON.stringify` of it shows the decimal text. */
  toJSONNumber(maxPlaces = 10): number {
    return Number(this.toDecimalString(maxPlaces));
  }

  /** Approximate double, for display-only uses (charts). Never for decisions. */
  toNumber(): number {
    return Number(this.toDecimalString(15));
  }

  /** `8479/110` or `12` */
  toFraction(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toString(): string {
    return this.toDecimalString();
  }
}

/** b^e for e ≥ 1 by repeated squaring. */
function powBig(b: bigint, e: bigint): bigint {
  let result = 1n;
  let base = b;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) result *= base;
    if (k > 1n) base *= base;
  }
  return result;
}

/** ⌊n ÷ d⌋ for d > 0 (bigint division truncates toward zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  s = s.replace(/0+$/, '');
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

/** The exponent of 2 in n (n ≠ 0; 0 for n = 0): its trailing zero bits. */
function twosIn(n: bigint): number {
  if (n === 0n) return 0;
  const m = n < 0n ? -n : n;
  return (m & -m).toString(2).length - 1;
}

/**
 * The exponent e of the prime p in n (at most `cap` when given) and n / p^e, for n ≠ 0. Divides by p^(2^k) for
 * growing k, then greedily from the largest power down: O(log e) big divisions instead of one per factor.
 */
function factorsIn(n: bigint, p: bigint, cap = Infinity): [number, bigint] {
  if (n === 0n || n % p !== 0n) return [0, n];
  const pows = [p];
  for (;;) {
    const last = pows[pows.length - 1] as bigint;
    if (2 ** pows.length > cap) break;
    const sq = last * last;
    if (sq > (n < 0n ? -n : n) || n % sq !== 0n) break;
    pows.push(sq);
  }
  let e = 0;
  for (let k = pows.length - 1; k >= 0; k--) {
    const pk = pows[k] as bigint;
    if (e + 2 ** k <= cap && n % pk === 0n) {
      n /= pk;
      e += 2 ** k;
    }
  }
  return [e, n];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
