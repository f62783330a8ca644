// The building blocks of the JsonLogic export: how Assay's exact, three-valued values are written as JsonLogic.
// In: JsonLogic fragments and exact constants. Out: combined fragments that stay exact in IEEE doubles.
//
// - A truth value is a *trit*: 0 false, 1 unknown, 2 true, so that `and` = min, `or` = max, `not` = 2 − t, and no
//   sub-rule is ever written twice (JsonLogic has no variables; duplicating operands would grow rules exponentially).
// - A number is `{ jl, den }`: `jl` evaluates to an exact integer (|n| < 2^53) and the value is jl ÷ den, with `den`
//   a constant. Sums and comparisons bring both sides to a common constant denominator, so `x ≥ 93` becomes
//   `n ≥ 93·den` on integers: no rounding, no epsilon. Only where that is impossible (evidence with decimals used in
//   arithmetic, division by a computed value, magnitudes beyond 2^53) a number is a plain double (`exact: false`),
//   and the exporter reports it as a note.
// - Unknown-ness is kept apart from the value (`unk`): the evidence fields whose absence makes a value unknown,
//   groups of alternative ids (for former ids: unknown when all are absent) and other conditions. Absence is
//   tested as `{"===": [{"var": …}, null]}` (see `absent`).

import { signHolds } from '../numbers/compare-op';
import { Rational } from '../numbers/rational';
import { andAll, not, orAll, type KleeneOps } from '../semantics/truth';

/** A JsonLogic rule or literal. */
export type JsonLogic = null | boolean | number | string | readonly JsonLogic[] | { readonly [op: string]: JsonLogic };

/** 2^53: integers up to this size are exact doubles. */
export const SAFE = 2 ** 53;

/** When a value is unknown: any listed field absent, every id of a group absent, or any condition truthy. */
export interface Unk {
  readonly fields: readonly string[];
  readonly groups: readonly (readonly string[])[];
  readonly conds: readonly JsonLogic[];
}

export const KNOWN: Unk = { fields: [], groups: [], conds: [] };

export function isKnown(u: Unk): boolean {
  return u.fields.length === 0 && u.groups.length === 0 && u.conds.length === 0;
}

export function unkOr(...us: Unk[]): Unk {
  const fields = new Set<string>();
  const groups = new Map<string, readonly string[]>();
  const conds: JsonLogic[] = [];
  for (const u of us) {
    for (const f of u.fields) fields.add(f);
    for (const g of u.groups) groups.set(g.join('\n'), g);
    conds.push(...u.conds);
  }
  return { fields: [...fields], groups: [...groups.values()], conds };
}

/**
 * True when the evidence at `path` is absent or null (both mean "no evidence" to Assay). Written as a strict
 * comparison of `var` with null, not with `missing`: implementations disagree on whether a null value is
 * `missing` (json-logic-js: yes, as its documentation says; json-logic-engine: no), but agree on this.
 */
export function absent(path: string): JsonLogic {
  return { '===': [{ var: path }, null] };
}

/** True when the evidence at `path` is present (not null). */
export function present(path: string): JsonLogic {
  return { '!==': [{ var: path }, null] };
}

/** The JsonLogic condition that is truthy exactly when `u` holds; undefined when never unknown. */
export function unkRule(u: Unk): JsonLogic | undefined {
  const parts: JsonLogic[] = [];
  // Any of the fields absent; a group (a field under its ids) absent when all its ids are.
  for (const f of u.fields) parts.push(absent(f));
  for (const g of u.groups) parts.push(g.length === 1 ? absent(g[0] as string) : { and: g.map(absent) });
  parts.push(...u.conds);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? (parts[0] as JsonLogic) : { or: parts };
}

// --- trits ------------------------------------------------------------------------------------

export type Trit = { readonly jl: JsonLogic; readonly k?: 0 | 1 | 2 };

export const T_FALSE: Trit = { jl: 0, k: 0 };
export const T_UNKNOWN: Trit = { jl: 1, k: 1 };
export const T_TRUE: Trit = { jl: 2, k: 2 };

export function tritConst(k: 0 | 1 | 2): Trit {
  return k === 0 ? T_FALSE : k === 1 ? T_UNKNOWN : T_TRUE;
}

/** A two-valued condition (a JsonLogic boolean) as a trit, unknown when `u` holds. */
export function tritOf(cond: JsonLogic, u: Unk = KNOWN): Trit {
  const unknown = unkRule(u);
  return unknown === undefined ? { jl: { if: [cond, 2, 0] } } : { jl: { if: [unknown, 1, cond, 2, 0] } };
}

function flatten(op: 'min' | 'max', ts: readonly Trit[]): JsonLogic[] {
  const out: JsonLogic[] = [];
  for (const t of ts) {
    const j = t.jl;
    if (typeof j === 'object' && j !== null && !Array.isArray(j) && Object.keys(j).length === 1 && Object.hasOwn(j, op)) {
      out.push(...((j as Record<string, readonly JsonLogic[]>)[op] ?? []));
    } else out.push(j);
  }
  return out;
}

/**
 * How JsonLogic fragments are read and built for engine/semantics/truth.ts: a constant's code is its `k`; a run-time
 * fragment has none; two undecided operands join as the minimum (∧) or maximum (∨) of their codes, two unknown
 * constants as unknown; ¬ is 2 − x.
 */
const TRITS: KleeneOps<Trit> = {
  TRUE: T_TRUE,
  FALSE: T_FALSE,
  code: (t) => t.k,
  join: (op, a, b) => {
    if (a.k === 1 && b.k === 1) return T_UNKNOWN;
    const m = op === 'and' ? 'min' : 'max';
    return { jl: { [m]: flatten(m, [a, b]) } };
  },
  negate: (t) => ({ jl: { '-': [2, t.jl] } }),
};

/** Kleene conjunction (engine/semantics/truth.ts): the minimum. An empty conjunction is true. */
export function tAnd(ts: readonly Trit[]): Trit {
  return andAll(TRITS, ts);
}

/** Kleene disjunction (engine/semantics/truth.ts): the maximum. An empty disjunction is false. */
export function tOr(ts: readonly Trit[]): Trit {
  return orAll(TRITS, ts);
}

/** Kleene negation (engine/semantics/truth.ts). */
export function tNot(t: Trit): Trit {
  return not(TRITS, t);
}

/** The condition `c` when the trit is `{"if": [c, 2, 0]}` (a two-valued condition that is never unknown). */
export function twoValued(t: Trit): JsonLogic | undefined {
  const j = t.jl;
  if (typeof j !== 'object' || j === null || Array.isArray(j) || !Object.hasOwn(j, 'if')) return undefined;
  const args = (j as Record<string, JsonLogic>)['if'];
  if (!Array.isArray(args) || args.length !== 3 || args[1] !== 2 || args[2] !== 0) return undefined;
  return args[0] as JsonLogic;
}

/** JsonLogic condition (truthy or not): the trit is true. */
export function isTrue(t: Trit): JsonLogic {
  if (t.k !== undefined) return t.k === 2;
  return twoValued(t) ?? { '==': [t.jl, 2] };
}
/** JsonLogic condition: the trit is not false (e.g. an indicator applies unless its condition is false). */
export function notFalse(t: Trit): JsonLogic {
  if (t.k !== undefined) return t.k !== 0;
  return twoValued(t) ?? { '!=': [t.jl, 0] };
}
/** JsonLogic condition: the trit is decided (true or false). */
export function isDecided(t: Trit): JsonLogic {
  if (t.k !== undefined) return t.k !== 1;
  return twoValued(t) !== undefined ? true : { '!=': [t.jl, 1] };
}

// --- numbers ----------------------------------------------------------------------------------

export interface Num {
  /** Exact: an integer-valued rule, the value being jl ÷ den. Inexact: a double approximating the value. */
  readonly jl: JsonLogic;
  readonly den: bigint;
  readonly exact: boolean;
  /** Upper bound of |jl| for exact numbers (Infinity: not known, e.g. an unbounded integer input). */
  readonly max: number;
  /**
   * The double may differ from the exact value (floating-point arithmetic happened). An inexact number read
   * straight from evidence is not rounded: comparing it with a constant is still exact (rounding is monotonic).
   */
  readonly rounded: boolean;
  readonly unk: Unk;
  /** The value when it is a constant. */
  readonly konst?: Rational;
}

export function bigAbs(x: bigint): bigint {
  return x < 0n ? -x : x;
}
export function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
export function lcm(a: bigint, b: bigint): bigint {
  return a === 0n || b === 0n ? 0n : bigAbs(a * b) / gcd(a, b);
}

/** The double nearest to an exact rational (correctly rounded when numerator and denominator are safe). */
export function nearestDouble(q: Rational): number {
  const n = Number(q.num);
  const d = Number(q.den);
  if (Math.abs(n) <= SAFE && d <= SAFE) return n / d;
  return Number(q.toDecimalString(20));
}

export function konst(q: Rational): Num {
  if (bigAbs(q.num) <= BigInt(SAFE) && q.den <= BigInt(SAFE)) {
    return { jl: Number(q.num), den: q.den, exact: true, max: Math.abs(Number(q.num)), rounded: false, unk: KNOWN, konst: q };
  }
  return { jl: nearestDouble(q), den: 1n, exact: false, max: Infinity, rounded: false, unk: KNOWN, konst: q };
}

export const ZERO = konst(Rational.ZERO);

/** A double approximating the value (exact when the value is a safe integer ratio that rounds correctly). */
export function toDouble(a: Num): JsonLogic {
  if (a.konst) return nearestDouble(a.konst);
  if (!a.exact || a.den === 1n) return a.jl;
  return { '/': [a.jl, Number(a.den)] };
}

function inexact(jl: JsonLogic, unk: Unk): Num {
  return { jl, den: 1n, exact: false, max: Infinity, rounded: true, unk };
}

function tooBig(max: number): boolean {
  return Number.isFinite(max) && max > SAFE;
}

/** `a.jl` scaled by an integer factor. */
function scaled(a: Num, f: bigint): JsonLogic {
  if (f === 1n) return a.jl;
  if (typeof a.jl === 'number') return a.jl * Number(f);
  return { '*': [a.jl, Number(f)] };
}

/** Both numbers over their common denominator, or undefined when that is not exact. */
function common(a: Num, b: Num): { x: JsonLogic; y: JsonLogic; den: bigint; max: number } | undefined {
  if (!a.exact || !b.exact) return undefined;
  const den = lcm(a.den, b.den);
  const fa = den / a.den;
  const fb = den / b.den;
  if (den > BigInt(SAFE) || fa > BigInt(SAFE) || fb > BigInt(SAFE)) return undefined;
  const ma = a.max * Number(fa);
  const mb = b.max * Number(fb);
  if (tooBig(ma) || tooBig(mb)) return undefined;
  return { x: scaled(a, fa), y: scaled(b, fb), den, max: Math.max(ma, mb) };
}

export function add(a: Num, b: Num): Num {
  if (a.konst && b.konst) return konst(a.konst.add(b.konst));
  if (a.konst?.isZero()) return b;
  if (b.konst?.isZero()) return a;
  const unk = unkOr(a.unk, b.unk);
  const c = common(a, b);
  if (c && !tooBig(c.max * 2)) return { jl: { '+': [c.x, c.y] }, den: c.den, exact: true, max: c.max * 2, rounded: a.rounded || b.rounded, unk };
  return inexact({ '+': [toDouble(a), toDouble(b)] }, unk);
}

export function neg(a: Num): Num {
  if (a.konst) return konst(a.konst.neg());
  return { ...a, jl: { '-': [a.jl] } };
}

export function sub(a: Num, b: Num): Num {
  return add(a, neg(b));
}

export function mul(a: Num, b: Num): Num {
  if (a.konst && b.konst) return konst(a.konst.mul(b.konst));
  if (a.konst?.isZero() || b.konst?.isZero()) return { ...ZERO, unk: unkOr(a.unk, b.unk) };
  if (a.konst?.eq(Rational.ONE)) return { ...b, unk: unkOr(a.unk, b.unk) };
  if (b.konst?.eq(Rational.ONE)) return { ...a, unk: unkOr(a.unk, b.unk) };
  const unk = unkOr(a.unk, b.unk);
  // A constant 1/d only changes the denominator.
  if (b.konst && b.konst.num === 1n && a.exact && a.den * b.den <= BigInt(SAFE)) return { ...a, den: a.den * b.den, unk };
  if (a.konst && a.konst.num === 1n && b.exact && a.den * b.den <= BigInt(SAFE)) return { ...b, den: a.den * b.den, unk };
  if (a.exact && b.exact) {
    const den = a.den * b.den;
    const max = a.max * b.max;
    if (den <= BigInt(SAFE) && !tooBig(max)) {
      // Keep the denominator small: cancel a constant factor against the other side's denominator.
      const jl = typeof a.jl === 'number' && typeof b.jl === 'number' ? a.jl * b.jl : { '*': [a.jl, b.jl] };
      return reduce({ jl, den, exact: true, max, rounded: a.rounded || b.rounded, unk });
    }
  }
  return inexact({ '*': [toDouble(a), toDouble(b)] }, unk);
}

/** Cancels a constant integer numerator factor against the denominator (`{"*": [c, x]}` over d). */
function reduce(a: Num): Num {
  const j = a.jl;
  if (typeof j !== 'object' || j === null || Array.isArray(j) || !Object.hasOwn(j, '*')) return a;
  const args = (j as Record<string, readonly JsonLogic[]>)['*'] ?? [];
  const c = args.find((x): x is number => typeof x === 'number' && Number.isInteger(x));
  if (c === undefined) return a;
  const g = gcd(BigInt(c), a.den);
  if (g <= 1n) return a;
  const rest = [...args];
  rest.splice(rest.indexOf(c), 1);
  const nc = c / Number(g);
  const jl: JsonLogic = nc === 1 ? (rest.length === 1 ? (rest[0] as JsonLogic) : { '*': rest }) : { '*': [nc, ...rest] };
  return { ...a, jl, den: a.den / g, max: a.max / Number(g) };
}

/** Division: exact by a constant, a double otherwise (division by zero is the engine's E150). */
export function div(a: Num, b: Num): Num {
  if (b.konst && !b.konst.isZero()) {
    if (a.konst) return konst(a.konst.div(b.konst));
    return mul(a, konst(Rational.ONE.div(b.konst)));
  }
  return inexact({ '/': [toDouble(a), toDouble(b)] }, unkOr(a.unk, b.unk));
}

/** `cond ? a : b` on numbers (cond a JsonLogic boolean). */
export function ifNum(cond: JsonLogic, a: Num, b: Num): Num {
  if (cond === true) return a;
  if (cond === false) return b;
  const ua = unkRule(a.unk);
  const ub = unkRule(b.unk);
  const unk: Unk = ua === undefined && ub === undefined ? KNOWN : { fields: [], groups: [], conds: [{ if: [cond, ua ?? false, ub ?? false] }] };
  const c = common(a, b);
  if (c) return { jl: { if: [cond, c.x, c.y] }, den: c.den, exact: true, max: c.max, rounded: a.rounded || b.rounded, unk };
  return { ...inexact({ if: [cond, toDouble(a), toDouble(b)] }, unk), rounded: a.rounded || b.rounded || (a.exact && a.den !== 1n) || (b.exact && b.den !== 1n) };
}

export function minMax(op: 'min' | 'max', xs: readonly Num[]): Num {
  const [first, ...rest] = xs;
  if (!first) return ZERO;
  if (xs.every((x) => x.konst)) {
    return konst(rest.reduce((acc, x) => (op === 'min' ? Rational.min : Rational.max)(acc, x.konst as Rational), first.konst as Rational));
  }
  const unk = unkOr(...xs.map((x) => x.unk));
  if (xs.every((x) => x.exact)) {
    let den = 1n;
    for (const x of xs) den = lcm(den, x.den);
    const parts = xs.map((x) => ({ f: den / x.den, x }));
    const max = Math.max(...parts.map((p) => p.x.max * Number(p.f)));
    if (den <= BigInt(SAFE) && !tooBig(max)) return { jl: { [op]: parts.map((p) => scaled(p.x, p.f)) }, den, exact: true, max, rounded: xs.some((x) => x.rounded), unk };
  }
  return { ...inexact({ [op]: xs.map(toDouble) }, unk), rounded: xs.some((x) => x.rounded || (x.exact && x.den !== 1n)) };
}

export function abs(a: Num): Num {
  if (a.konst) return konst(a.konst.abs());
  return { ...a, jl: { max: [a.jl, { '-': [a.jl] }] } };
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
const JL_OP: Readonly<Record<CompareOp, string>> = { '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Comparison of two numbers as a trit (unknown when either is unknown). Exact on a common denominator. */
export function compareNum(op: CompareOp, a: Num, b: Num): Trit {
  const unk = unkOr(a.unk, b.unk);
  if (a.konst && b.konst && isKnown(unk)) {
    const c = a.konst.cmp(b.konst);
    const r = signHolds(op, c);
    return r ? T_TRUE : T_FALSE;
  }
  const c = common(a, b);
  const cond: JsonLogic = c ? { [JL_OP[op]]: [c.x, c.y] } : { [JL_OP[op]]: [toDouble(a), toDouble(b)] };
  return tritOf(cond, unk);
}

// --- powers, ceil, floor, round ----------------------------------------------------------------

/** `{"reduce": [[[x]], body, 0]}`: `x` computed once, read as `{"var": "current.0"}` (see jsonlogic-layers.ts). */
export function bind(x: JsonLogic, body: (ref: JsonLogic) => JsonLogic): JsonLogic {
  return { reduce: [[[x]], body({ var: 'current.0' }), 0] };
}

/** `x ^ n` (n a whole number): x bound once and multiplied n times; exact while xⁿ and denⁿ stay below 2^53. */
export function pow(a: Num, n: number): Num {
  if (n === 0) return { ...konst(Rational.ONE), unk: a.unk };
  if (a.konst && isKnown(a.unk) && !(n < 0 && a.konst.isZero())) return konst(a.konst.pow(n));
  if (n < 0) return div({ ...konst(Rational.ONE) }, pow(a, -n));
  if (n === 1) return a;
  const times = (ref: JsonLogic): JsonLogic => ({ '*': Array.from({ length: n }, () => ref) });
  if (a.exact) {
    const den = a.den ** BigInt(n);
    const max = a.max ** n;
    if (den <= BigInt(SAFE) && !tooBig(max)) return { jl: bind(a.jl, times), den, exact: true, max, rounded: a.rounded, unk: a.unk };
  }
  return inexact(bind(toDouble(a), times), a.unk);
}

export type StepFn = 'ceil' | 'floor' | 'round';
export type RoundMode = 'half_up' | 'half_even' | 'half_down';

/** `((n % d) + d) % d`: the remainder of n ÷ d in [0, d) whatever n's sign (JsonLogic's `%` keeps the sign of n). */
function modPos(n: JsonLogic, d: number): JsonLogic {
  return { '%': [{ '+': [{ '%': [n, d] }, d] }, d] };
}

/**
 * k = ceil, floor or round of n ÷ d (an integer when n and d are), written with `%` on the bound n: floor is
 * (n − n mod d) ÷ d, an exact division; ceil is −floor(−n ÷ d); round compares twice the remainder with d and settles
 * a tie by `mode` (n ≥ 0 ⇔ the floor is ≥ 0).
 */
function stepOf(fn: StepFn, n: JsonLogic, d: number, mode: RoundMode | undefined): JsonLogic {
  const r = modPos(n, d);
  const q: JsonLogic = d === 1 ? { '-': [n, r] } : { '/': [{ '-': [n, r] }, d] };
  const q1: JsonLogic = { '+': [q, 1] };
  switch (fn) {
    case 'floor':
      return q;
    case 'ceil':
      return { '-': [d === 1 ? { '-': [{ '-': [n] }, modPos({ '-': [n] }, d)] } : { '/': [{ '-': [{ '-': [n] }, modPos({ '-': [n] }, d)] }, d] }] };
    case 'round': {
      const twice: JsonLogic = { '*': [2, r] };
      const tie: JsonLogic =
        mode === 'half_even' ? { if: [{ '==': [{ '%': [q, 2] }, 0] }, q, q1] } : mode === 'half_down' ? { if: [{ '>=': [n, 0] }, q, q1] } : { if: [{ '>=': [n, 0] }, q1, q] };
      return { if: [{ '>': [twice, d] }, q1, { '<': [twice, d] }, q, tie] };
    }
  }
}

/**
 * `ceil(x, digits)`, `floor(x, digits)`, `round(x, digits, mode)`. Exact for an exact x while x·10^digits stays a
 * safe integer ratio: the result is k ÷ 10^digits with k from `stepOf`. Otherwise in doubles (rounded: noted).
 */
export function step(fn: StepFn, a: Num, digits: number, mode: RoundMode | undefined): Num {
  if (a.konst && isKnown(a.unk)) {
    const q = a.konst;
    return konst(fn === 'ceil' ? q.ceil(digits) : fn === 'floor' ? q.floor(digits) : q.round(digits, mode ?? 'half_up'));
  }
  const scale = 10n ** BigInt(Math.abs(digits));
  if (a.exact) {
    // x·10^digits = N ÷ D with N = jl·10^digits (digits ≥ 0) or D = den·10^-digits (digits < 0).
    const D = digits >= 0 ? a.den : a.den * scale;
    const nMax = digits >= 0 ? a.max * Number(scale) : a.max;
    if (D <= BigInt(SAFE) && !tooBig(nMax * 2)) {
      const k = bind(digits >= 0 && scale !== 1n ? { '*': [a.jl, Number(scale)] } : a.jl, (n) => stepOf(fn, n, Number(D), mode));
      const kMax = Math.ceil(nMax / Number(D)) + 1;
      if (digits >= 0) return { jl: k, den: scale, exact: true, max: kMax, rounded: a.rounded, unk: a.unk };
      const max = kMax * Number(scale);
      if (!tooBig(max)) return { jl: { '*': [k, Number(scale)] }, den: 1n, exact: true, max, rounded: a.rounded, unk: a.unk };
    }
  }
  // From a double: k is a whole number (exact from here on, over 10^digits), but the double it came from may differ
  // from the exact value (rounded, noted) — unless that double is evidence itself (a decimal double, not rounded).
  const s = Number(scale);
  const scaled: JsonLogic = digits === 0 ? toDouble(a) : digits > 0 ? { '*': [toDouble(a), s] } : { '/': [toDouble(a), s] };
  const k = bind(scaled, (n) => stepOf(fn, n, 1, mode));
  const rounded = a.rounded || digits !== 0 || (a.exact && a.den !== 1n);
  if (digits >= 0) return { jl: k, den: scale, exact: true, max: Infinity, rounded, unk: a.unk };
  return { jl: { '*': [k, s] }, den: 1n, exact: true, max: Infinity, rounded, unk: a.unk };
}
