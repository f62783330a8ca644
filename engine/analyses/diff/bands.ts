// Band changes of an indicator: which bands were moved, added, removed or re-pointed, and the exact input
// regions whose points change. In: the old and new band lists and the indicator's value type.
// Out: a `BandChange` (kind, the differing bands as text, regions), or undefined when the bands score alike.
//
// Regions are computed exactly (rationals) over the declared domain: the line of values is cut at every
// bound of either side and at the domain's ends; on each point and open interval both lists are evaluated
// (first match wins) and adjacent pieces with the same old → new points are merged. Integer domains skip
// intervals holding no integer. Bands that are not plain comparisons with literal bounds and literal points
// get no region (the entry still lists the bands).

import type { Band, Expr } from '../../../dsl/ast';
import { signHolds } from '../../numbers/compare-op';
import { Rational } from '../../numbers/rational';
import { withinBounds, type ValueType } from '../../model/value-type';
import type { BandRegion, DiffKind, RegionEnd } from './entries';
import { bandText, same } from './text';

export interface BandChange {
  readonly kind: Extract<DiffKind, 'band-edge-moved' | 'band-added' | 'band-removed' | 'band-points-changed' | 'bands-changed'>;
  /** The changed bands of the old side (one string when one edit, else every band). */
  readonly before: string | readonly string[] | null;
  readonly after: string | readonly string[] | null;
  readonly region?: readonly BandRegion[];
}

type Edit = { readonly kind: 'moved' | 'points' | 'changed' | 'added' | 'removed'; readonly a?: Band; readonly b?: Band };

/** Longest common subsequence of equal bands, as pairs of indices. */
function lcs(a: readonly Band[], b: readonly Band[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = t[i] as number[];
      row[j] = same(a[i], b[j]) ? (t[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(t[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i], b[j])) {
      out.push([i, j]);
      i++;
      j++;
    } else if ((t[i + 1]?.[j] ?? 0) >= (t[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return out;
}

function pairGap(as: readonly Band[], bs: readonly Band[]): Edit[] {
  if (as.length !== bs.length) {
    return [...as.map((a): Edit => ({ kind: 'removed', a })), ...bs.map((b): Edit => ({ kind: 'added', b }))];
  }
  return as.map((a, i): Edit => {
    const b = bs[i] as Band;
    const sameCond = same(a.cond, b.cond);
    const samePoints = same(a.points, b.points);
    const sameOp = a.cond.kind === 'Compare' && b.cond.kind === 'Compare' && a.cond.op === b.cond.op;
    if (sameCond && !samePoints) return { kind: 'points', a, b };
    if (!sameCond && samePoints && sameOp) return { kind: 'moved', a, b };
    return { kind: 'changed', a, b };
  });
}

function edits(a: readonly Band[], b: readonly Band[]): Edit[] {
  const anchors = [...lcs(a, b), [a.length, b.length] as [number, number]];
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of anchors) {
    out.push(...pairGap(a.slice(i, ai), b.slice(j, bj)));
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}

/** The value of a literal number expression (`1.5`, `-3`), else undefined. */
function literal(e: Expr): Rational | undefined {
  if (e.kind === 'Num') return Rational.parse(e.text);
  if (e.kind === 'Unary' && e.op === '-' && e.operand.kind === 'Num') return Rational.parse(e.operand.text)?.neg();
  return undefined;
}

interface Simple {
  readonly test: (x: Rational) => boolean;
  readonly bound: Rational | undefined;
  readonly boundText: string | undefined;
  readonly points: string;
}

/** Bands as plain tests with literal points, or undefined when any band is more than that. */
function simple(bands: readonly Band[]): Simple[] | undefined {
  const out: Simple[] = [];
  for (const band of bands) {
    const p = band.points;
    if (p.when !== undefined || literal(p.value) === undefined) return undefined;
    const points = (literal(p.value) as Rational).toDecimalString();
    const c = band.cond;
    if (c.kind === 'Else') {
      out.push({ test: () => true, bound: undefined, boundText: undefined, points });
      continue;
    }
    if (c.kind !== 'Compare') return undefined;
    const v = literal(c.bound);
    if (v === undefined) return undefined;
    const op = c.op;
    const test = (x: Rational): boolean => signHolds(op, x.cmp(v));
    out.push({ test, bound: v, boundText: c.bound.kind === 'Num' ? c.bound.text : undefined, points });
  }
  return out;
}

function pointsAt(bands: readonly Simple[], x: Rational): string | null {
  for (const b of bands) if (b.test(x)) return b.points;
  return null;
}

interface Piece {
  /** A point `[v]`, or the open interval between `lo` and `hi` (undefined = unbounded). */
  readonly point?: Rational;
  readonly lo?: Rational;
  readonly hi?: Rational;
  readonly before: string | null;
  readonly after: string | null;
}

function hasIntegerBetween(lo: Rational | undefined, hi: Rational | undefined): boolean {
  if (lo === undefined || hi === undefined) return true;
  // the smallest integer > lo is floor(lo) + 1; it must be < hi
  const fl = floor(lo);
  return Rational.fromInt(fl + 1n).lt(hi);
}

function floor(q: Rational): bigint {
  const f = q.toFraction().split('/');
  const num = BigInt(f[0] ?? '0');
  const den = BigInt(f[1] ?? '1');
  const d = num / den;
  return num < 0n && d * den !== num ? d - 1n : d;
}

/** Regions of the value line (within `type`'s domain) where the old and new bands give different points. */
export function bandRegions(a: readonly Band[], b: readonly Band[], type: ValueType | undefined): BandRegion[] | undefined {
  if (type !== undefined && type.kind !== 'number') return undefined;
  const sa = simple(a);
  const sb = simple(b);
  if (!sa || !sb) return undefined;
  const texts = new Map<string, string>();
  const cuts: Rational[] = [];
  const addCut = (v: Rational | undefined, text: string | undefined) => {
    if (v === undefined) return;
    const key = v.toFraction();
    if (!texts.has(key)) {
      texts.set(key, text ?? v.toDecimalString());
      cuts.push(v);
    } else if (text !== undefined && texts.get(key) === v.toDecimalString()) texts.set(key, text);
  };
  for (const s of [...sa, ...sb]) addCut(s.bound, s.boundText);
  if (type?.min) addCut(type.min.value, undefined);
  if (type?.max) addCut(type.max.value, undefined);
  cuts.sort((x, y) => x.cmp(y));
  const integer = type?.base === 'integer';
  const inDomain = (x: Rational) => (type === undefined ? true : withinBounds(type, x));
  const pieces: Piece[] = [];
  const pushInterval = (lo: Rational | undefined, hi: Rational | undefined) => {
    const probe =
      lo === undefined && hi === undefined
        ? Rational.ZERO
        : lo === undefined
          ? (hi as Rational).sub(Rational.ONE)
          : hi === undefined
            ? lo.add(Rational.ONE)
            : lo.add(hi).div(Rational.of(2n));
    if (!inDomain(probe)) return;
    if (integer && !hasIntegerBetween(lo, hi)) return;
    pieces.push({ ...(lo !== undefined ? { lo } : {}), ...(hi !== undefined ? { hi } : {}), before: pointsAt(sa, probe), after: pointsAt(sb, probe) });
  };
  let prev: Rational | undefined;
  for (const c of cuts) {
    pushInterval(prev, c);
    if (inDomain(c) && (!integer || c.isInteger())) pieces.push({ point: c, before: pointsAt(sa, c), after: pointsAt(sb, c) });
    prev = c;
  }
  pushInterval(prev, undefined);

  const regions: BandRegion[] = [];
  let run: Piece[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) regions.push(region(first, last, texts));
    run = [];
  };
  for (const p of pieces) {
    const head = run[0];
    if (p.before === p.after) {
      flush();
      continue;
    }
    if (head && (head.before !== p.before || head.after !== p.after)) flush();
    run.push(p);
  }
  flush();
  return regions;
}

function endText(v: Rational, texts: ReadonlyMap<string, string>): string {
  return texts.get(v.toFraction()) ?? v.toDecimalString();
}

function region(first: Piece, last: Piece, texts: ReadonlyMap<string, string>): BandRegion {
  const from: RegionEnd | undefined =
    first.point !== undefined
      ? { value: endText(first.point, texts), inclusive: true }
      : first.lo !== undefined
        ? { value: endText(first.lo, texts), inclusive: false }
        : undefined;
  const to: RegionEnd | undefined =
    last.point !== undefined
      ? { value: endText(last.point, texts), inclusive: true }
      : last.hi !== undefined
        ? { value: endText(last.hi, texts), inclusive: false }
        : undefined;
  let text: string;
  if (from && to && first.point !== undefined && first === last) text = `= ${from.value}`;
  else if (from && to) text = `${from.inclusive ? '[' : '('}${from.value}, ${to.value}${to.inclusive ? ']' : ')'}`;
  else if (from) text = `${from.inclusive ? '>=' : '>'} ${from.value}`;
  else if (to) text = `${to.inclusive ? '<=' : '<'} ${to.value}`;
  else text = '(-∞, ∞)';
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), before: first.before, after: first.after, text };
}

/** The change of a band list, or undefined when both lists are the same. */
export function diffBands(a: readonly Band[], b: readonly Band[], type: ValueType | undefined): BandChange | undefined {
  if (same(a, b)) return undefined;
  const es = edits(a, b);
  const kinds = new Set(es.map((e) => e.kind));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  const kind: BandChange['kind'] =
    only === 'moved'
      ? 'band-edge-moved'
      : only === 'added'
        ? 'band-added'
        : only === 'removed'
          ? 'band-removed'
          : only === 'points'
            ? 'band-points-changed'
            : 'bands-changed';
  const one = es.length === 1 ? es[0] : undefined;
  const region = bandRegions(a, b, type);
  return {
    kind,
    before: one ? (one.a ? bandText(one.a) : null) : a.map(bandText),
    after: one ? (one.b ? bandText(one.b) : null) : b.map(bandText),
    ...(region !== undefined ? { region } : {}),
  };
}
