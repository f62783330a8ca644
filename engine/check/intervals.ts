// Exact sets of numbers as unions of intervals, for static reasoning over declared domains.
// In: bounds (exact rationals, inclusive or exclusive, or unbounded). Out: union, intersection, complement,
// emptiness (integer-aware) and a language-neutral rendering such as `10 <= x < 20, x >= 30`.

import { memoIn } from '../support/memo';
import { Rational } from '../numbers/rational';

/** A finite end of an interval; an absent end is unbounded. */
export interface End {
  readonly value: Rational;
  readonly inclusive: boolean;
}

export interface Interval {
  readonly lo?: End;
  readonly hi?: End;
}

/** A set of numbers: sorted, disjoint, non-empty intervals. `integer` sets hold only whole numbers. */
export class NumSet {
  /** The complement, once computed (sets are immutable; `minus` and `covers` ask for it again and again). */
  private comp: NumSet | undefined = undefined;
  /** Intersections and unions with other sets, once computed (the same band lists recur across indicators). */
  private meets: WeakMap<NumSet, NumSet> | undefined = undefined;
  private joins: WeakMap<NumSet, NumSet> | undefined = undefined;

  private constructor(
    readonly parts: readonly Interval[],
    readonly integer: boolean,
  ) {}

  static all(integer = false): NumSet {
    return integer ? ALL_INT : ALL;
  }
  static none(integer = false): NumSet {
    return integer ? NONE_INT : NONE;
  }
  static of(parts: readonly Interval[], integer = false): NumSet {
    return new NumSet(normalise(parts, integer), integer);
  }
  static range(lo: End | undefined, hi: End | undefined, integer = false): NumSet {
    return NumSet.of([interval(lo, hi)], integer);
  }
  static point(v: Rational, integer = false): NumSet {
    return NumSet.range({ value: v, inclusive: true }, { value: v, inclusive: true }, integer);
  }
  /** `{ x : x op v }`. */
  static compare(op: string, v: Rational, integer = false): NumSet {
    switch (op) {
      case '>=':
        return NumSet.range({ value: v, inclusive: true }, undefined, integer);
      case '>':
        return NumSet.range({ value: v, inclusive: false }, undefined, integer);
      case '<=':
        return NumSet.range(undefined, { value: v, inclusive: true }, integer);
      case '<':
        return NumSet.range(undefined, { value: v, inclusive: false }, integer);
      case '=':
        return NumSet.point(v, integer);
      case '!=':
        return NumSet.point(v, integer).complement();
      default:
        return NumSet.all(integer);
    }
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  intersect(o: NumSet): NumSet {
    return memoIn((this.meets ??= new WeakMap()), o, () => this.meet(o));
  }

  private meet(o: NumSet): NumSet {
    // Both lists are sorted and disjoint: walk them together.
    const out: Interval[] = [];
    const a = this.parts;
    const b = o.parts;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i] as Interval;
      const y = b[j] as Interval;
      const lo = maxLo(x.lo, y.lo);
      const hi = minHi(x.hi, y.hi);
      if (!emptyEnds(lo, hi)) out.push(lo === x.lo && hi === x.hi ? x : lo === y.lo && hi === y.hi ? y : interval(lo, hi));
      if (cmpHi(x.hi, y.hi) < 0) i++;
      else j++;
    }
    // Parts of two normalised sets of the same kind intersect into a normalised list (sorted, disjoint, with
    // gaps, integer-closed when both are): only a mix of kinds needs normalising again.
    return this.integer === o.integer ? new NumSet(out, this.integer) : NumSet.of(out, this.integer || o.integer);
  }

  union(o: NumSet): NumSet {
    return memoIn((this.joins ??= new WeakMap()), o, () => this.join(o));
  }

  private join(o: NumSet): NumSet {
    if (o.parts.length === 0 && this.integer === o.integer) return this;
    if (this.parts.length === 0 && this.integer === o.integer) return o;
    // Both lists are sorted: merge them (ties keep this set's part first, as a stable sort would).
    const a = this.parts;
    const b = o.parts;
    const merged: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = a[i];
      const y = b[j];
      if (x !== undefined && (y === undefined || cmpLo(x.lo, y.lo) <= 0)) {
        merged.push(x);
        i++;
      } else if (y !== undefined) {
        merged.push(y);
        j++;
      }
    }
    return NumSet.of(merged, this.integer && o.integer);
  }

  complement(): NumSet {
    this.comp ??= this.gaps();
    return this.comp;
  }

  private gaps(): NumSet {
    // The gaps of a normalised list are sorted, non-empty and apart (the parts between them are non-empty and
    // never touch): already normalised, except that an integer set closes each gap to whole numbers.
    const out: Interval[] = [];
    const gap = (lo: End | undefined, hi: End | undefined): void => {
      const p = this.integer ? intEnds(interval(lo, hi)) : interval(lo, hi);
      if (!emptyInterval(p)) out.push(p);
    };
    let prev: End | undefined; // hi of the previous part, flipped
    let open = true; // the next gap starts at -infinity
    for (const p of this.parts) {
      if (p.lo) gap(open ? undefined : prev, { value: p.lo.value, inclusive: !p.lo.inclusive });
      if (!p.hi) return new NumSet(out, this.integer);
      prev = { value: p.hi.value, inclusive: !p.hi.inclusive };
      open = false;
    }
    gap(open ? undefined : prev, undefined);
    return new NumSet(out, this.integer);
  }

  minus(o: NumSet): NumSet {
    return this.intersect(o.complement());
  }

  /** True when every number of `o` is in this set. */
  covers(o: NumSet): boolean {
    return o.minus(this).isEmpty();
  }

  /** Smallest and largest ends (the convex hull). */
  hull(): Interval | undefined {
    const first = this.parts[0];
    const last = this.parts[this.parts.length - 1];
    if (!first || !last) return undefined;
    if (first === last) return first;
    return interval(first.lo, last.hi);
  }

  /** `x < 5, 10 <= x < 20, x = 30` with `name` for x; `∅` when empty. */
  describe(name: string): string {
    if (this.parts.length === 0) return '∅';
    return this.parts.map((p) => describeInterval(p, name)).join(', ');
  }
}

export function describeInterval(p: Interval, name: string): string {
  const s = (r: Rational): string => r.toDecimalString();
  if (p.lo && p.hi && p.lo.value.eq(p.hi.value)) return `${name} = ${s(p.lo.value)}`;
  const lo = p.lo ? `${s(p.lo.value)} ${p.lo.inclusive ? '<=' : '<'} ` : '';
  const hi = p.hi ? ` ${p.hi.inclusive ? '<=' : '<'} ${s(p.hi.value)}` : '';
  if (!p.lo && !p.hi) return `any ${name}`;
  if (p.lo && !p.hi) return `${name} ${p.lo.inclusive ? '>=' : '>'} ${s(p.lo.value)}`;
  return `${lo}${name}${hi}`;
}

function floor(q: Rational): Rational {
  let n = q.num / q.den;
  if (q.num < 0n && n * q.den !== q.num) n -= 1n;
  return Rational.of(n);
}
function ceil(q: Rational): Rational {
  let n = q.num / q.den;
  if (q.num > 0n && n * q.den !== q.num) n += 1n;
  return Rational.of(n);
}

/** For integer sets: closed integer ends (`> 3.5` → `>= 4`). */
function intEnds(p: Interval): Interval {
  const closed = (e: End | undefined): boolean => !e || (e.inclusive && e.value.den === 1n);
  if (closed(p.lo) && closed(p.hi)) return p; // already closed integer ends
  const lo = p.lo
    ? { value: p.lo.inclusive ? ceil(p.lo.value) : floor(p.lo.value).add(Rational.ONE), inclusive: true }
    : undefined;
  const hi = p.hi
    ? { value: p.hi.inclusive ? floor(p.hi.value) : ceil(p.hi.value).sub(Rational.ONE), inclusive: true }
    : undefined;
  return interval(lo, hi);
}

/** `{ lo, hi }` without absent ends (exactOptionalPropertyTypes), built without spreading. */
function interval(lo: End | undefined, hi: End | undefined): Interval {
  return lo ? (hi ? { lo, hi } : { lo }) : hi ? { hi } : {};
}

/** `a.cmp(b)` without multiplying when the denominators agree (integers, most bounds). */
function cmpQ(a: Rational, b: Rational): number {
  if (a === b) return 0;
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  return a.cmp(b);
}

function emptyEnds(lo: End | undefined, hi: End | undefined): boolean {
  if (!lo || !hi) return false;
  const c = cmpQ(lo.value, hi.value);
  return c > 0 || (c === 0 && !(lo.inclusive && hi.inclusive));
}

function emptyInterval(p: Interval): boolean {
  return emptyEnds(p.lo, p.hi);
}

/** Compares lower ends: unbounded first; at equal values an inclusive end comes first. */
function cmpLo(a: End | undefined, b: End | undefined): number {
  if (!a) return b ? -1 : 0;
  if (!b) return 1;
  return cmpQ(a.value, b.value) || (a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1);
}
/** Compares upper ends: unbounded last; at equal values an inclusive end comes last. */
function cmpHi(a: End | undefined, b: End | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return cmpQ(a.value, b.value) || (a.inclusive === b.inclusive ? 0 : a.inclusive ? 1 : -1);
}
function maxLo(a: End | undefined, b: End | undefined): End | undefined {
  return cmpLo(a, b) >= 0 ? a : b;
}
function minHi(a: End | undefined, b: End | undefined): End | undefined {
  return cmpHi(a, b) <= 0 ? a : b;
}

/** True when `a` (ending at `hi`) and a part starting at `lo` touch or overlap, so they merge. */
function touches(hi: End | undefined, lo: End | undefined, integer: boolean): boolean {
  if (!hi || !lo) return true;
  const c = cmpQ(hi.value, lo.value);
  if (c > 0) return true;
  if (c === 0) return hi.inclusive || lo.inclusive;
  return integer && hi.value.add(Rational.ONE).eq(lo.value);
}

function sortedByLo(ps: readonly Interval[]): boolean {
  for (let i = 1; i < ps.length; i++) if (cmpLo((ps[i - 1] as Interval).lo, (ps[i] as Interval).lo) > 0) return false;
  return true;
}

function normalise(parts: readonly Interval[], integer: boolean): Interval[] {
  if (parts.length === 1) {
    const p = integer ? intEnds(parts[0] as Interval) : (parts[0] as Interval);
    return emptyInterval(p) ? [] : [p];
  }
  const ps: Interval[] = [];
  for (const part of parts) {
    const p = integer ? intEnds(part) : part;
    if (!emptyInterval(p)) ps.push(p);
  }
  if (ps.length > 1 && !sortedByLo(ps)) ps.sort((a, b) => cmpLo(a.lo, b.lo));
  const out: Interval[] = [];
  for (const p of ps) {
    const last = out[out.length - 1];
    if (last && touches(last.hi, p.lo, integer)) {
      const hi = cmpHi(last.hi, p.hi) >= 0 ? last.hi : p.hi;
      out[out.length - 1] = interval(last.lo, hi);
    } else out.push(p);
  }
  return out;
}

const NONE = NumSet.of([], false);
const NONE_INT = NumSet.of([], true);
const ALL = NumSet.of([{}], false);
const ALL_INT = NumSet.of([{}], true);
