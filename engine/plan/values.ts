// Runtime values of the plan and the operations on them, mirroring engine/evaluate/expr.ts (three-valued logic).
// In: values produced by compiled closures. Out: values; anything the reference would report as an evaluation
// error (E150–E152) throws `Bail`, and the reference evaluator then assesses the platform and reports it.
//
// A value is a plain JavaScript value, so the hot path allocates nothing: boolean, number (a decimal double, see
// num.ts), Rational (any other exact number), string (an enum value), ObjV (an object value) or Unk (unknown,
// with the evidence fields whose absence made it so).

import type { RoundingModeName } from '../../dsl/ast';
import { Rational } from '../numbers/rational';
import type { EvidenceValue, Truth } from '../evaluate/result';
import type { Read } from '../evaluate/events';
import { evidenceOf, ObjV } from '../evidence/fast';
import { Bail, ratOf } from './num';
import { and as kleeneAnd, FALSE, not as kleeneNot, or as kleeneOr, TRUE, UNKNOWN, type KleeneOps, type TruthCode } from '../semantics/truth';

/** Unknown: `missing` lists the evidence fields whose absence made it so (immutable, shared). */
export class Unk {
  constructor(readonly missing: readonly string[]) {}
}
export const UNK_NONE = new Unk([]);

export type PV = boolean | number | string | Rational | ObjV | Unk;

export function isNum(v: PV): v is number | Rational {
  return typeof v === 'number' || v instanceof Rational;
}

export function asRat(v: number | Rational): Rational {
  return typeof v === 'number' ? ratOf(v) : v;
}

/** Truth of a condition value: true, false or an Unk; anything else is the reference's E152. */
export function truthOf(v: PV): boolean | Unk {
  if (typeof v === 'boolean' || v instanceof Unk) return v;
  throw new Bail('expected a condition');
}

export function toTruth(t: boolean | Unk): Truth {
  return t instanceof Unk ? 'unknown' : t;
}

export function missingOf(v: PV): readonly string[] {
  return v instanceof Unk ? v.missing : [];
}

/** The union of the missing fields of the unknown values among a and b, in order (as `unknownOf` does). */
export function unknownOf2(a: PV, b: PV): Unk {
  const am = a instanceof Unk ? a.missing : undefined;
  const bm = b instanceof Unk ? b.missing : undefined;
  if (bm === undefined || bm.length === 0) return am !== undefined ? a as Unk : UNK_NONE;
  if (am === undefined || am.length === 0) return b as Unk;
  const s = new Set(am);
  for (const m of bm) s.add(m);
  return new Unk([...s]);
}

export function unknownOfAll(vs: readonly PV[]): Unk {
  const s = new Set<string>();
  for (const v of vs) if (v instanceof Unk) for (const m of v.missing) s.add(m);
  return s.size === 0 ? UNK_NONE : new Unk([...s]);
}

/** Sign of a − b for two exact numbers. */
export function cmpNum(a: number | Rational, b: number | Rational): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return asRat(a).cmp(asRat(b));
}

export const OP_EQ = 0;
export const OP_NE = 1;
export const OP_LT = 2;
export const OP_LE = 3;
export const OP_GT = 4;
export const OP_GE = 5;

export function opCode(op: string): number {
  switch (op) {
    case '=':
      return OP_EQ;
    case '!=':
      return OP_NE;
    case '<':
      return OP_LT;
    case '<=':
      return OP_LE;
    case '>':
      return OP_GT;
    case '>=':
      return OP_GE;
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}

export function holds(op: number, c: number): boolean {
  switch (op) {
    case OP_EQ:
      return c === 0;
    case OP_NE:
      return c !== 0;
    case OP_LT:
      return c < 0;
    case OP_LE:
      return c <= 0;
    case OP_GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/** `a op b` on two decimal doubles (exact: see num.ts). */
export function doubleHolds(op: number, a: number, b: number): boolean {
  switch (op) {
    case OP_EQ:
      return a === b;
    case OP_NE:
      return a !== b;
    case OP_LT:
      return a < b;
    case OP_LE:
      return a <= b;
    case OP_GT:
      return a > b;
    default:
      return a >= b;
  }
}

/** Compares two values as `compareValues` does; ordering is defined on numbers only. */
export function compare(op: number, a: PV, b: PV): boolean | Unk {
  if (a instanceof Unk || b instanceof Unk) return unknownOf2(a, b);
  if (typeof a === 'number' && typeof b === 'number') return doubleHolds(op, a, b);
  if (isNum(a) && isNum(b)) return holds(op, cmpNum(a, b));
  if ((op === OP_EQ || op === OP_NE) && typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean')) {
    return op === OP_EQ ? a === b : a !== b;
  }
  throw new Bail('incompatible comparison');
}

/** How the plan reads and builds truths, for the rules of engine/semantics/truth.ts (built once). */
export const PLAN_TRUTH: KleeneOps<PV> = {
  TRUE: true,
  FALSE: false,
  code: truthCodeOf,
  join: (_op, a, b) => unknownOf2(a, b),
  negate: (t) => t,
};

/** The truth code of a condition value; anything else is the reference's E152. */
export function truthCodeOf(v: PV): TruthCode {
  if (typeof v === 'boolean') return v ? TRUE : FALSE;
  if (v instanceof Unk) return UNKNOWN;
  throw new Bail('expected a condition');
}

/** Kleene `and` (engine/semantics/truth.ts) over the plan's values. */
export function and(a: PV, b: PV): boolean | Unk {
  return kleeneAnd(PLAN_TRUTH, a, b) as boolean | Unk;
}

/** Kleene `or` (engine/semantics/truth.ts) over the plan's values. */
export function or(a: PV, b: PV): boolean | Unk {
  return kleeneOr(PLAN_TRUTH, a, b) as boolean | Unk;
}

/** Kleene `not` (engine/semantics/truth.ts) over the plan's values. */
export function not(a: PV): boolean | Unk {
  return kleeneNot(PLAN_TRUTH, a) as boolean | Unk;
}

/** A number operand (the reference's `num`): anything else is E152. */
export function numOf(v: PV): number | Rational {
  if (typeof v === 'number' || v instanceof Rational) return v;
  throw new Bail('expected a number');
}

/** Rational → the plan's number form (a double when it is a safe integer: integers are canonical). */
export function fromRat(q: Rational): number | Rational {
  if (q.den === 1n) {
    const n = Number(q.num);
    if (Number.isSafeInteger(n)) return n;
  }
  return q;
}

export function arith(op: '+' | '-' | '*' | '/', a: number | Rational, b: number | Rational): number | Rational {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    let r: number;
    switch (op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      case '/':
        if (b === 0) throw new Bail('division by zero');
        // Only an exact quotient stays a double: a rounded one could look like an integer.
        r = a % b === 0 ? a / b : NaN;
        break;
    }
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = asRat(a);
  const y = asRat(b);
  switch (op) {
    case '+':
      return fromRat(x.add(y));
    case '-':
      return fromRat(x.sub(y));
    case '*':
      return fromRat(x.mul(y));
    case '/':
      if (y.isZero()) throw new Bail('division by zero');
      return fromRat(x.div(y));
  }
}

/** The reference's `EvidenceValue` view of a value read from evidence (for trace events). */
export function evidenceValueOf(v: number | boolean | string | ObjV): EvidenceValue {
  return evidenceOf(v);
}

/** What a band event shows as the bound: a number, a symbol or a boolean. */
export function shownBound(v: PV): Rational | string | boolean | undefined {
  if (typeof v === 'number') return ratOf(v);
  if (v instanceof Rational) return v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

/** The digits argument of `ceil`, `floor`, `round` (an integer literal; none: 0). */
export function digitsOf(v: number | Rational | undefined): number {
  if (v === undefined) return 0;
  const d = typeof v === 'number' ? v : v.isInteger() ? Number(v.num) : NaN;
  if (!Number.isSafeInteger(d)) throw new Bail('digits must be a whole number');
  return d;
}

/** `ceil(x, d)`, `floor(x, d)`, `round(x, d, mode)`, exactly (an integer stays itself for d ≥ 0: no Rational built). */
export function stepTo(fn: 'ceil' | 'floor' | 'round', x: number | Rational, digits: number, mode: RoundingModeName | undefined): number | Rational {
  if (digits >= 0 && typeof x === 'number' && Number.isInteger(x)) return x;
  const q = asRat(x);
  switch (fn) {
    case 'ceil':
      return fromRat(q.ceil(digits));
    case 'floor':
      return fromRat(q.floor(digits));
    case 'round':
      if (mode === undefined) throw new Bail('round without a mode');
      return fromRat(q.round(digits, mode));
  }
}

/** `x ^ n` for a whole number n, exactly: safe integers multiplied as doubles while the product stays safe. */
export function power(x: number | Rational, n: number | Rational): number | Rational {
  const e = typeof n === 'number' ? n : n.isInteger() ? Number(n.num) : NaN;
  if (!Number.isSafeInteger(e)) throw new Bail('the exponent must be a whole number');
  if (e === 0) return 1;
  if (typeof x === 'number' && Number.isInteger(x) && e > 0 && e <= 64) {
    let r = 1;
    for (let k = 0; k < e && Number.isSafeInteger(r); k++) r *= x;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const q = asRat(x);
  if (e < 0 && q.isZero()) throw new Bail('division by zero');
  return fromRat(q.pow(e));
}

/** A known value as results and trace reads show it (`shownValue` of the reference). */
export function shownOf(v: Exclude<PV, Unk>): EvidenceValue {
  if (typeof v === 'number') return { kind: 'num', q: ratOf(v) };
  if (v instanceof Rational) return { kind: 'num', q: v };
  if (typeof v === 'boolean') return { kind: 'bool', b: v };
  if (typeof v === 'string') return { kind: 'sym', s: v };
  return evidenceOf(v);
}

/** The trace's read of a derived value. */
export function derivedRead(id: string, v: PV): Read {
  return v instanceof Unk ? { kind: 'derived', id, value: undefined, missing: v.missing } : { kind: 'derived', id, value: shownOf(v), missing: [] };
}
