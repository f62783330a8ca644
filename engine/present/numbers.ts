// How every assessment number is printed: points, scores, totals, shares, weights, percentiles, coverage and derived
// values. In: exact values (`Rational`), or numbers that came from a result's JSON. Out: text, the same digits for the
// same quantity in every command, report and panel.
//
// Rounding: half up, i.e. a tie goes away from zero (77.075 → 77.08, −0.125 → −0.13), always from the exact value
// (`Rational.toFixed`), never from a double. The one exception is coverage, rounded down on purpose (see there).

import { Rational } from '../numbers/rational';

/** Digits after the decimal point of a derived value or a formula total when the ruleset states no `precision`. */
export const DEFAULT_PRECISION = 4;

/** Largest number of decimals an exact value is written with before it is rounded (an evidence value, points). */
export const EXACT_PLACES = 10;

/**
 * Decimal places of each rounded quantity: scores, contributions and a weighted-sum total have 2 (`77.30`), a share
 * 1 on the percent scale (`60.6%`), an effective (redistributed) weight 2, a percentile rank 0.
 */
export const PLACES = { score: 2, share: 1, effectiveWeight: 2, percentile: 0 } as const;

/** `q` rounded half up to `places` decimals, zeros kept: `fixedText(77.3, 2)` is `77.30`. */
export function fixedText(q: Rational, places: number): string {
  return q.toFixed(places);
}

/** The exact decimal when it has one (`77.3`, `0.125`), else rounded half up to `maxPlaces` with zeros trimmed. */
export function exactText(q: Rational, maxPlaces: number = EXACT_PLACES): string {
  return q.toDecimalString(maxPlaces);
}

/** A dimension score, a contribution, a gain in points, a weighted-sum total: `77.30`. */
export function scoreText(q: Rational): string {
  return fixedText(q, PLACES.score);
}

/** The total of a weighted-sum ruleset (a formula total is a derived value: `derivedText`). */
export const totalText = scoreText;

/** A share or any fraction shown as a percentage, from its value in 0..1: 0.60625 → `60.6%`. */
export function shareText(q: Rational): string {
  return `${fixedText(q.mul(Rational.HUNDRED), PLACES.share)}%`;
}

/** An indicator's points as the bands give them: exact (`100`, `62.5`). */
export function pointsText(q: Rational): string {
  return exactText(q);
}

/** A declared weight as written in the ruleset: `4`, `2.5`. */
export function weightText(q: Rational): string {
  return exactText(q);
}

/** An effective weight after redistribution: `5.09`. */
export function effectiveWeightText(q: Rational): string {
  return fixedText(q, PLACES.effectiveWeight);
}

/** A percentile rank (0–100) as a whole number: `62`. */
export function percentileText(q: Rational): string {
  return fixedText(q, PLACES.percentile);
}

/**
 * Covered items as a percentage with at most one decimal, rounded DOWN so that 99.95 % never shows as `100%`:
 * `100%`, `87.5%`, `66.6%` (2 of 3). No items count as fully covered.
 */
export function coverageText(covered: number, total: number): string {
  if (total === 0) return '100%';
  const tenths = (BigInt(covered) * 1000n) / BigInt(total);
  const q = Rational.of(tenths, 10n);
  return `${q.toDecimalString(1)}%`;
}

/** A derived value or a formula total at the ruleset's precision, and whether rounding changed it. */
export interface Shown {
  /** `0.9148`, `9.8`, `-3` (zeros after the point trimmed). */
  readonly text: string;
  /** True when `text` is not the exact value (it is then shown after `≈`). */
  readonly rounded: boolean;
}

/** `q` rounded half up to `precision` decimals (default 4); never 90 digits, whatever the exact value holds. */
export function derivedShown(q: Rational, precision: number = DEFAULT_PRECISION): Shown {
  const places = Number.isSafeInteger(precision) && precision >= 0 ? precision : DEFAULT_PRECISION;
  const text = trimZeros(fixedText(q, places));
  return { text, rounded: !(Rational.parse(text) ?? q).eq(q) };
}

/** A derived value as shown in a sentence: `0.9148` when exact, `≈ 0.9148` when rounded. */
export function derivedText(q: Rational, precision: number = DEFAULT_PRECISION): string {
  const s = derivedShown(q, precision);
  return s.rounded ? `≈ ${s.text}` : s.text;
}

/** A value expected or found by a rule test: `91.2`, or `77.0818… (8479/110)` when it has no finite decimal form. */
export function exactOrFractionText(q: Rational): string {
  if (q.isFiniteDecimal()) return q.toDecimalString(20);
  return `${fixedText(q, DEFAULT_PRECISION)}… (${q.toFraction()})`;
}

/**
 * The exact value of a number read from a result's JSON (which prints exact values as decimals of at most
 * `EXACT_PLACES` places), for the front ends that receive results as JSON: `JSON 77.075` is 77.075 again, not the
 * double below it. Not a number → undefined.
 */
export function fromJsonNumber(n: number | null | undefined): Rational | undefined {
  return n === null || n === undefined ? undefined : Rational.fromNumber(n);
}

function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  const t = s.replace(/0+$/, '');
  return t.endsWith('.') ? t.slice(0, -1) : t;
}
