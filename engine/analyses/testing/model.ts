// The model of a rule-test file after reading: cases with their evidence source and typed, exact expectations.
// In: nothing (types). Out: `TestFile`, `TestCase`, `Expectations`, `TestIssue` — what read.ts builds and the runner uses.

import type { Lang } from '../../../dsl/ast';
import type { Rational } from '../../numbers/rational';
import type { IndicatorStatus, Outcome } from '../../evaluate/result';

/** An expected number: exact (`91.2`, `"8479/110"`, `"50%"`) or within a tolerance (`{value, tolerance}`). */
export type ExpectedNumber =
  | { readonly kind: 'exact'; readonly value: Rational; readonly text: string }
  | { readonly kind: 'approx'; readonly value: Rational; readonly tolerance: Rational; readonly text: string };

/** An expected derived value: a number, or an enum value, a boolean, or null (unknown), written as in the file. */
export type ExpectedDerived = ExpectedNumber | { readonly kind: 'value'; readonly value: string | boolean | null; readonly text: string };

export interface DimensionExpectation {
  readonly score?: ExpectedNumber;
  readonly share?: ExpectedNumber;
}

export interface IndicatorExpectation {
  /** null: the indicator is not applicable (no points). */
  readonly points?: ExpectedNumber | null;
  readonly status?: IndicatorStatus;
}

export interface Expectations {
  readonly outcome?: Outcome;
  /** null: no level (the outcome is not `graded`). */
  readonly level?: string | null;
  readonly total?: ExpectedNumber;
  /** In file order. */
  readonly dimensions?: ReadonlyMap<string, DimensionExpectation>;
  readonly indicators?: ReadonlyMap<string, IndicatorExpectation>;
  /**
   * Derived values (`derive`) by id, in file order: a number compared exactly or within its tolerance; an enum
   * value or a boolean compared as it is; null: the value is unknown (evidence it needs is missing).
   */
  readonly derived?: ReadonlyMap<string, ExpectedDerived>;
  readonly vetoes?: readonly string[];
  readonly prerequisitesFailed?: readonly string[];
  readonly evidenceErrors?: readonly string[];
  readonly explanation?: readonly string[];
}

export interface TestCase {
  /** 1-based position in the file. */
  readonly index: number;
  readonly name: string;
  readonly description?: string;
  /** 1-based line of the case in the file (0 when unknown). */
  readonly line: number;
  /** The platform file as written in the test file (relative to it), when the evidence comes from one. */
  readonly platform?: string;
  /** The platform id given to the engine (the platform file's id, else `case-<index>`). */
  readonly platformId: string;
  /** Fields replaced or added (own properties only, exact numbers kept). */
  readonly set: Readonly<Record<string, unknown>>;
  readonly unset: readonly string[];
  /** The evidence assessed: the platform file's or the inline evidence, with `set` and `unset` applied. */
  readonly evidence: Readonly<Record<string, unknown>>;
  /** undefined: every version tested. */
  readonly versions?: readonly string[];
  readonly lang: Lang;
  readonly expect: Expectations;
}

export interface TestFile {
  readonly path: string;
  readonly description?: string;
  /** The cases that were read without problems (a malformed case is reported and left out). */
  readonly cases: readonly TestCase[];
  /** How many cases the file lists (valid or not). */
  readonly listed: number;
}

/** A problem in a test file: which file, which case (index and name when known), which field, and what. */
export interface TestIssue {
  readonly file: string;
  /** 1-based line (0 when unknown). */
  readonly line: number;
  readonly caseIndex?: number;
  readonly caseName?: string;
  /** Dotted path inside the case (or the file), e.g. `expect.indicators.pue.points`; '' for the file itself. */
  readonly field: string;
  readonly message: string;
}
