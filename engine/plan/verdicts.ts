// The `Decision` objects the plan and an attached generated module return. In: a platform's input and what was
// decided (outcome, level, exact total, rule ids, messages), and for evidence with fields missing the source of its
// `missing` list. Out: a plain object (prototype `Object.prototype`) whose keys are the decision's, in its order;
// `missing` is an own enumerable accessor computed on first read where the list is asked of a source (kept under a
// symbol key that is not enumerable).

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
    keep(d, from as MissingFrom<unknown, unknown>, a, b);
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
 * Where a lazy decision keeps the source of its `missing`: a holder under a symbol key that is not enumerable (keys,
 * spreading, JSON and deep equality never see it). A property, not a private field or a WeakMap entry, so that the
 * accessor also works when the decision is read through a Proxy (as reactive stores wrap objects): it is then called
 * with the proxy as `this`, and only a property lookup reaches the object behind it. The holder is not frozen with the
 * decision, so a frozen decision still computes its list once.
 */
const SOURCE: unique symbol = Symbol('assay.missing');
interface Source {
  from: MissingFrom<unknown, unknown> | null;
  a: unknown;
  b: unknown;
}
type WithSource = { [SOURCE]?: Source };
const SOURCE_DESC: PropertyDescriptor = { value: undefined, writable: false, enumerable: false, configurable: false };
function keep(o: object, from: MissingFrom<unknown, unknown>, a: unknown, b: unknown): void {
  SOURCE_DESC.value = { from, a, b } satisfies Source;
  Object.defineProperty(o, SOURCE, SOURCE_DESC);
  SOURCE_DESC.value = undefined;
}
const MISSING_ACCESSOR: PropertyDescriptor = {
  get(this: WithSource): readonly MissingEvidence[] {
    const s = this[SOURCE];
    // Only an accessor copied onto another object (by its descriptor) lacks the source.
    if (s === undefined) throw new TypeError('a decision\'s `missing` accessor read from an object that is not a decision');
    const from = s.from;
    if (from === null) return s.a as readonly MissingEvidence[];
    const v = from(s.a, s.b);
    s.from = null;
    s.a = v;
    s.b = undefined;
    return v;
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
