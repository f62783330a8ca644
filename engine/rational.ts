// Exact rational numbers over bigint, the arithmetic of the reference evaluator.
// In: decimal text or integers. Out: normalised rationals (den > 0, gcd 1), exact comparison, and
// decimal rendering (half-up rounding to n places; JSON numbers printed from the exact value).

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
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return undefined;
    let num = BigInt((intPart || '0') + fracPart);
    let den = 10n ** BigInt(fracPart.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    if (sign === '-') num = -num;
    return Rational.of(num, den);
  }

  /**
   * The exact value of a finite JavaScript number as the decimal it prints as (the shortest
   * round-trip form, which is what a human wrote in YAML or JSON): 0.1 → 1/10, not the binary value.
   */
  static fromNumber(n: number): Rational | undefined {
    if (!Number.isFinite(n)) return undefined;
    return Rational.parse(String(n));
  }

  add(o: Rational): Rational {
    return this.den === o.den
      ? Rational.of(this.num + o.num, this.den)
      : Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
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

  /** True when the value has a finite decimal expansion (den has only factors 2 and 5). */
  isFiniteDecimal(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
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
    if (this.isFiniteDecimal()) {
      let places = 0;
      let d = this.den;
      // places = max(exponent of 2, exponent of 5) in den
      let twos = 0;
      let fives = 0;
      while (d % 2n === 0n) {
        d /= 2n;
        twos++;
      }
      while (d % 5n === 0n) {
        d /= 5n;
        fives++;
      }
      places = Math.max(twos, fives);
      return this.toFixed(places);
    }
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

function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  s = s.replace(/0+$/, '');
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
