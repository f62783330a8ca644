// The `Decision` objects the plan and an attached generated module return. In: a platform's input and what was
// decided (outcome, level, exact total, rule ids, messages), and for evidence with fields missing the source of its
// `missing` list. Out: a plain object (prototype `Object.prototype`) whose keys are the decision's, in its order;
// `missing` is an own enumerable accessor computed on first read where the list is asked of a source.

import type { PlatformInput } from '../evaluate/evaluate';
import type { Decision, EvidenceIssue, MissingEvidence, Outcome } from '../evaluate/result';
import { Rational } from '../numbers/rational';

const NO_ISSUES: readonly EvidenceIssue[] = [];
const NO_MISSING: readonly MissingEvidence[] = [];
const NO_IDS: readonly string[] = [];

/** Where a lazy decision's `missing` list comes from: called once, on first read, with the two values kept. */
export type MissingFrom<A, B> = (a: A, b: B) => readonly MissingEvidence[];

/**
 * A decision decided by the plan or a generated module (no errors: those of invalid evidence are the reference's to
 * give). With `from`, its `missing` is computed on first read, by `from(a, b)` (a module-level function and two
 * values: no closure per decision, and no decision built twice).
 */
export function verdict<A = undefined, B = undefined>(
  input: PlatformInput,
  outcome: Outcome,
  level: string | null,
  total: Rational,
  prerequisitesFailed: readonly string[],
  vetoes: readonly string[],
  warnings: readonly EvidenceIssue[],
  from?: MissingFrom<A, B>,
  a?: A,
  b?: B,
): Decision {
  const platform = String(input.platform);
  if (from !== undefined) {
    const name = input.name === undefined ? undefined : String(input.name);
    const d = new (Lazy as unknown as LazyCtor)(platform, name, outcome, level, total, prerequisitesFailed, vetoes, NO_ISSUES, warnings);
    new Source(d, from as MissingFrom<unknown, unknown>, a, b);
    return d;
  }
  // Two fixed shapes in the result's key order (a conditional spread costs more than the rest of the object).
  return input.name === undefined
    ? { platform, outcome, level, total, prerequisitesFailed, vetoes, missing: NO_MISSING, errors: NO_ISSUES, warnings }
    : { platform, name: String(input.name), outcome, level, total, prerequisitesFailed, vetoes, missing: NO_MISSING, errors: NO_ISSUES, warnings };
}

/** `verdict` with errors: invalid evidence whose messages are known (one field at fault). */
export function invalidVerdict(input: PlatformInput, errors: readonly EvidenceIssue[], warnings: readonly EvidenceIssue[]): Decision {
  const platform = String(input.platform);
  return input.name === undefined
    ? { platform, outcome: 'invalid', level: null, total: Rational.ZERO, prerequisitesFailed: NO_IDS, vetoes: NO_IDS, missing: NO_MISSING, errors, warnings }
    : { platform, name: String(input.name), outcome: 'invalid', level: null, total: Rational.ZERO, prerequisitesFailed: NO_IDS, vetoes: NO_IDS, missing: NO_MISSING, errors, warnings };
}
/**
 * Keeps the source of a lazy decision's `missing` in private fields of the decision object itself (the
 * return-override idiom: the base constructor returns the object it is given, so the fields are added to that
 * plain object). Private fields are invisible to keys, spreading, JSON and deep equality, cost no
 * `defineProperty`, and stay writable when the decision is frozen.
 */
const Same = function (o: object): object {
  return o;
} as unknown as new (o: object) => object;
class Source extends Same {
  #from: MissingFrom<unknown, unknown> | null;
  #a: unknown;
  #b: unknown;
  constructor(o: object, from: MissingFrom<unknown, unknown>, a: unknown, b: unknown) {
    super(o);
    this.#from = from;
    this.#a = a;
    this.#b = b;
  }
  /** The list, asked of the source on the first call and kept (the source and its values are let go). */
  static missing(o: Source): readonly MissingEvidence[] {
    const from = o.#from;
    if (from === null) return o.#a as readonly MissingEvidence[];
    const v = from(o.#a, o.#b);
    o.#from = null;
    o.#a = v;
    o.#b = undefined;
    return v;
  }
}
const MISSING_ACCESSOR: PropertyDescriptor = {
  get(this: Source): readonly MissingEvidence[] {
    return Source.missing(this);
  },
  enumerable: true,
  configurable: true,
};

type LazyCtor = new (
  platform: string,
  name: string | undefined,
  outcome: Outcome,
  level: string | null,
  total: Rational,
  prerequisitesFailed: readonly string[],
  vetoes: readonly string[],
  errors: readonly EvidenceIssue[],
  warnings: readonly EvidenceIssue[],
) => Decision;
type Fields = Record<string, unknown>;
// One constructor: each object gets its keys in the decision's order (two shapes: with and without `name`). Its
// prototype is `Object.prototype`: the objects are plain.
function Lazy(this: Fields, platform: string, name: string | undefined, outcome: Outcome, level: string | null, total: Rational, prerequisitesFailed: readonly string[], vetoes: readonly string[], errors: readonly EvidenceIssue[], warnings: readonly EvidenceIssue[]): void {
  this['platform'] = platform;
  if (name !== undefined) this['name'] = name;
  this['outcome'] = outcome;
  this['level'] = level;
  this['total'] = total;
  this['prerequisitesFailed'] = prerequisitesFailed;
  this['vetoes'] = vetoes;
  Object.defineProperty(this, 'missing', MISSING_ACCESSOR);
  this['errors'] = errors;
  this['warnings'] = warnings;
}
Lazy.prototype = Object.prototype;

const call = (make: () => readonly MissingEvidence[]): readonly MissingEvidence[] => make();

/** The decision `d` with `missing` computed on first read by `make`. */
export function withMissing(d: Decision, make: () => readonly MissingEvidence[]): Decision {
  const o = new (Lazy as unknown as LazyCtor)(d.platform, d.name, d.outcome, d.level, d.total, d.prerequisitesFailed, d.vetoes, d.errors, d.warnings);
  new Source(o, call as MissingFrom<unknown, unknown>, make, undefined);
  return o;
}
