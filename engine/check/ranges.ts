// What a numeric expression can be, statically: its constant value if it has one, else the set of values it
// may take given declared domains. In: an expression and the model. Out: `Rational | undefined`, `NumSet`.
//
// Ranges are over-approximations (sound for "can never" and "always" conclusions): `share` is in 0 to 1,
// `score(D)` in 0 to the weight of D, `total` in 0 to the ruleset's total, `points` in 0 to 100, a value in
// its type's domain; anything else is unbounded.

import type { CompareOp, Expr } from '../../dsl/ast';
import type { IndicatorInfo, Model } from '../model/model';
import { memoIn } from '../support/memo';
import { Rational } from '../numbers/rational';
import type { ValueType } from '../model/value-type';
import { NumSet, type End, type Interval } from './intervals';

/**
 * Literal values by their text, numbers and percents apart: the checks ask for the same few bounds and points
 * thousands of times in a big ruleset. `null`: not a number. Bounded, so hostile input cannot grow them.
 */
const NUMBERS = new Map<string, Rational | null>();
const PERCENTS = new Map<string, Rational | null>();

function literal(text: string, percent: boolean): Rational | undefined {
  const cache = percent ? PERCENTS : NUMBERS;
  let q = cache.get(text);
  if (q === undefined) {
    const v = Rational.parse(text);
    q = v === undefined ? null : percent ? v.div(Rational.HUNDRED) : v;
    if (cache.size >= 4096) cache.clear();
    cache.set(text, q);
  }
  return q ?? undefined;
}

/** The exact value of a constant numeric expression (`99.9`, `80%`, `-1`, `2 * 3`), else undefined. */
export function constValue(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'Num':
      return literal(e.text, false);
    case 'Percent':
      return literal(e.text, true);
    case 'Unary': {
      if (e.op !== '-') return undefined;
      return constValue(e.operand)?.neg();
    }
    case 'Binary': {
      if (e.op === 'and' || e.op === 'or') return undefined;
      const a = constValue(e.left);
      const b = constValue(e.right);
      if (!a || !b) return undefined;
      switch (e.op) {
        case '+':
          return a.add(b);
        case '-':
          return a.sub(b);
        case '*':
          return a.mul(b);
        case '/':
          return b.isZero() ? undefined : a.div(b);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The values of a number type. */
export function typeRange(t: ValueType | undefined): NumSet {
  if (!t || t.kind !== 'number') return NumSet.all();
  // Sets are immutable: one per pair of bound objects (a plain `percent` shares its bounds with every other), so
  // the checks reuse one set, and the complement it keeps, across the indicators of a big ruleset.
  const byMax = memoIn(t.base === 'integer' ? INT_RANGES : RANGES, t.min ?? UNBOUNDED, () => new WeakMap<End, NumSet>());
  return memoIn(byMax, t.max ?? UNBOUNDED, () => NumSet.range(t.min, t.max, t.base === 'integer'));
}
const UNBOUNDED: End = { value: Rational.ZERO, inclusive: false };
const RANGES = new WeakMap<End, WeakMap<End, NumSet>>();
const INT_RANGES = new WeakMap<End, WeakMap<End, NumSet>>();

/** `{ x in dom : x op c }`, one set per (dom, op, c) object (the same bands recur across indicators). */
export function compareSet(op: CompareOp, c: Rational, dom: NumSet): NumSet {
  const byOp = memoIn(COMPARE_SETS, dom, () => new Map<CompareOp, WeakMap<Rational, NumSet>>());
  const byValue = memoIn(byOp, op, () => new WeakMap<Rational, NumSet>());
  return memoIn(byValue, c, () => NumSet.compare(op, c, dom.integer).intersect(dom));
}
const COMPARE_SETS = new WeakMap<NumSet, Map<CompareOp, WeakMap<Rational, NumSet>>>();

const ZERO_END: End = { value: Rational.ZERO, inclusive: true };
const upTo = (v: Rational): NumSet => NumSet.range(ZERO_END, { value: v, inclusive: true });

/** The values a numeric expression may take (everything when it cannot tell). */
export function exprRange(e: Expr, m: Model, own?: IndicatorInfo): NumSet {
  const c = constValue(e);
  if (c) return NumSet.point(c);
  switch (e.kind) {
    case 'Ref': {
      const t = m.resolution.refs.get(e);
      if (!t || t.kind === 'symbol') return NumSet.all();
      // A derived value is bounded by its declared type only (an inferred type says nothing of its values).
      if (t.kind === 'derived') return typeRange(m.derivedById.get(t.id)?.declared);
      return typeRange(t.type);
    }
    case 'Total':
      if (m.totalFormula) return typeRange(m.totalFormula.declared);
      if (m.dimensions.length === 0) return NumSet.all(); // no total to read: A220 says so
      return upTo(m.dimensions.reduce((a, d) => a.add(dimMax(m, d.id)), Rational.ZERO));
    case 'Prop': {
      const target = m.resolution.props.get(e);
      if (!target) return NumSet.all();
      switch (target.prop) {
        case 'share': {
          // 1 in a ruleset whose weights add up (A401 reports those that do not).
          let max = Rational.ONE;
          for (const d of m.dimensions) if (d.weight.sign() > 0) max = Rational.max(max, dimMax(m, d.id).div(d.weight));
          return upTo(max);
        }
        case 'points':
          return upTo(Rational.HUNDRED);
        case 'score': {
          if (target.id !== undefined) return upTo(dimMax(m, target.id));
          return upTo(m.dimensions.reduce((a, x) => Rational.max(a, dimMax(m, x.id)), Rational.ZERO));
        }
        case 'weight': {
          if (target.domain === 'dimension') {
            const d = target.id !== undefined ? m.dimensionsById.get(target.id) : undefined;
            return d ? NumSet.point(d.weight) : NumSet.all();
          }
          // An indicator's effective weight: 0 when not applicable, at most its dimension's indicator sum.
          const i = target.id !== undefined ? m.indicatorsById.get(target.id) : undefined;
          const dim = i ? m.dimensionsById.get(i.dimension) : undefined;
          if (!i || !dim) return NumSet.all();
          const sum = dim.indicators.reduce((a, id) => a.add(m.indicatorsById.get(id)?.weight ?? Rational.ZERO), Rational.ZERO);
          return upTo(Rational.max(sum, Rational.ZERO));
        }
        case 'value': {
          const i = target.id !== undefined ? m.indicatorsById.get(target.id) : own;
          return typeRange(i?.type);
        }
        default:
          return NumSet.all();
      }
    }
    case 'Unary':
      return e.op === '-' ? negate(exprRange(e.operand, m, own)) : NumSet.all();
    case 'Binary': {
      if (e.op !== '+' && e.op !== '-') return NumSet.all();
      const a = exprRange(e.left, m, own).hull();
      const b = exprRange(e.right, m, own).hull();
      if (!a || !b) return NumSet.all();
      return e.op === '+' ? addHull(a, b) : addHull(a, negHull(b));
    }
    case 'Call': {
      if (e.fn === 'known' || e.fn === 'ceil' || e.fn === 'floor' || e.fn === 'round') return NumSet.all();
      const hulls = e.args.map((x) => exprRange(x, m, own).hull());
      if (hulls.some((h) => h === undefined) || hulls.length === 0) return NumSet.all();
      const hs = hulls as Interval[];
      if (e.fn === 'abs') return NumSet.range(ZERO_END, undefined);
      // min/max of several: the lower (upper) end is the min (max) of the lower (upper) ends.
      const pickLo = (a: End | undefined, b: End | undefined, wantMin: boolean): End | undefined => {
        if (!a || !b) return wantMin ? undefined : (a ?? b);
        return (a.value.lt(b.value) === wantMin) ? a : b;
      };
      const pickHi = (a: End | undefined, b: End | undefined, wantMin: boolean): End | undefined => {
        if (!a || !b) return wantMin ? (a ?? b) : undefined;
        return (a.value.lt(b.value) === wantMin) ? a : b;
      };
      const wantMin = e.fn === 'min';
      let lo = hs[0]?.lo;
      let hi = hs[0]?.hi;
      for (const h of hs.slice(1)) {
        lo = pickLo(lo, h.lo, wantMin);
        hi = pickHi(hi, h.hi, wantMin);
      }
      return NumSet.range(lo ? { value: lo.value, inclusive: true } : undefined, hi ? { value: hi.value, inclusive: true } : undefined);
    }
    case 'If': {
      return exprRange(e.then, m, own).union(exprRange(e.otherwise, m, own));
    }
    default:
      return NumSet.all();
  }
}

/** The most a dimension can score: its weight, or the sum of its indicator weights if that is larger. */
function dimMax(m: Model, id: string): Rational {
  return memoIn(memoIn(DIM_MAX, m, () => new Map<string, Rational>()), id, () => {
    const d = m.dimensionsById.get(id);
    if (!d) return Rational.ZERO;
    const sum = d.indicators.reduce((a, i) => a.add(m.indicatorsById.get(i)?.weight ?? Rational.ZERO), Rational.ZERO);
    return Rational.max(Rational.max(d.weight, sum), Rational.ZERO);
  });
}
/** `dimMax` per model and dimension: `total`, `share` and `score` ranges ask for every dimension, often. */
const DIM_MAX = new WeakMap<Model, Map<string, Rational>>();

function negHull(h: Interval): Interval {
  return {
    ...(h.hi ? { lo: { value: h.hi.value.neg(), inclusive: h.hi.inclusive } } : {}),
    ...(h.lo ? { hi: { value: h.lo.value.neg(), inclusive: h.lo.inclusive } } : {}),
  };
}

function negate(s: NumSet): NumSet {
  return NumSet.of(s.parts.map(negHull), s.integer);
}

function addHull(a: Interval, b: Interval): NumSet {
  const lo = a.lo && b.lo ? { value: a.lo.value.add(b.lo.value), inclusive: a.lo.inclusive && b.lo.inclusive } : undefined;
  const hi = a.hi && b.hi ? { value: a.hi.value.add(b.hi.value), inclusive: a.hi.inclusive && b.hi.inclusive } : undefined;
  return NumSet.range(lo, hi);
}

/** True when `v` lies outside the closed hull of `s` (beyond every value the expression can take). */
export function outsideHull(s: NumSet, v: Rational): boolean {
  const h = s.hull();
  if (!h) return false;
  return (h.lo !== undefined && v.lt(h.lo.value)) || (h.hi !== undefined && v.gt(h.hi.value));
}
