// The values each indicator could move to: one per better band (its threshold in the declared direction), every
// enum value that scores no less, the least object that meets each object band, and the thresholds of gates
// (level, prerequisite and veto comparisons). Points and gains of each value come from the engine (one assessment
// with that single change), never from a second reading of the bands.
// In: a compiled ruleset, the platform's exact evidence and its assessment. Out: `IndicatorOptions` per indicator.

import type { CompareOp, Expr } from '../../../dsl/ast';
import { flipOp } from '../../numbers/compare-op';
import type { CompiledRuleset } from '../../compile';
import type { IndicatorInfo } from '../../model/model';
import { Rational } from '../../numbers/rational';
import type { Assessment, Decision, EvidenceValue } from '../../evaluate/result';
import { withinBounds, type ValueType } from '../../model/value-type';
import { keyOf, type BaseEvidence } from './evidence';
import { selfScored } from './needs';

export interface Candidate {
  readonly value: EvidenceValue;
  /** The indicator's points with this value (from the engine). */
  readonly points: Rational;
  /** Total (= dimension score) gain of this single change, from the engine. */
  readonly gain: Rational;
  /** Band steps climbed: distinct point levels passed, above the current points. */
  readonly steps: number;
  /** Position in the list, closest to the current value first (the size of the change). */
  readonly rank: number;
}

export interface IndicatorOptions {
  readonly id: string;
  readonly dimension: string;
  readonly key: string;
  readonly info: IndicatorInfo;
  readonly current: EvidenceValue | undefined;
  readonly currentPoints: Rational;
  /** Closest first. */
  readonly candidates: readonly Candidate[];
  /** The candidate with the largest gain (ties: the furthest). */
  readonly best: Candidate;
  readonly maxGain: Rational;
}

const NEGATE: Readonly<Record<CompareOp, CompareOp>> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

function decimals(q: Rational): number {
  const s = q.toDecimalString();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The value nearest to `bound` that satisfies `value op bound` (undefined for `!=`). */
function representative(op: CompareOp, bound: Rational, integer: boolean): Rational | undefined {
  const delta = integer ? Rational.ONE : Rational.of(1n, 10n ** BigInt(Math.max(1, decimals(bound))));
  switch (op) {
    case '>=':
    case '<=':
    case '=':
      return bound;
    case '>':
      return integer && !bound.isInteger() ? Rational.fromInt(bound.num / bound.den + 1n) : bound.add(delta);
    case '<':
      return integer && !bound.isInteger() ? Rational.fromInt(bound.num / bound.den) : bound.sub(delta);
    case '!=':
      return undefined;
  }
}

function literal(e: Expr): Rational | undefined {
  if (e.kind === 'Num') return Rational.parse(e.text);
  if (e.kind === 'Percent') return Rational.parse(e.text)?.div(Rational.HUNDRED);
  if (e.kind === 'Unary' && e.op === '-') return literal(e.operand)?.neg();
  return undefined;
}

function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.kind) {
    case 'Call':
      for (const a of e.args) yield* walk(a);
      return;
    case 'Unary':
      yield* walk(e.operand);
      return;
    case 'Binary':
    case 'Compare':
      yield* walk(e.left);
      yield* walk(e.right);
      return;
    case 'In':
      yield* walk(e.operand);
      for (const x of e.set) yield* walk(x);
      return;
    case 'If':
      yield* walk(e.cond);
      yield* walk(e.then);
      yield* walk(e.otherwise);
      return;
    case 'Quantified':
      yield* walk(e.body);
      return;
    default:
      return;
  }
}

/** Every rule expression of the ruleset that can gate a level: level, prerequisite and veto conditions. */
export function gateExprs(ruleset: CompiledRuleset): Expr[] {
  const m = ruleset.model;
  return [...m.levels.flatMap((l) => l.requires), ...m.prerequisites.flatMap((p) => p.requires), ...m.vetoes.flatMap((v) => (v.when ? [v.when] : []))];
}

/** `indicator op number` comparisons in gates: indicator id → [op, bound] (both the op and its negation count). */
function gateThresholds(ruleset: CompiledRuleset): Map<string, [CompareOp, Rational][]> {
  const out = new Map<string, [CompareOp, Rational][]>();
  const refs = ruleset.model.resolution.refs;
  for (const g of gateExprs(ruleset)) {
    for (const x of walk(g)) {
      if (x.kind !== 'Compare') continue;
      const pairs: [Expr, Expr, CompareOp][] = [
        [x.left, x.right, x.op],
        [x.right, x.left, flipOp(x.op)],
      ];
      for (const [a, b, op] of pairs) {
        if (a.kind !== 'Ref') continue;
        const t = refs.get(a);
        const q = literal(b);
        if (!t || t.kind !== 'indicator' || t.members.length > 0 || !q) continue;
        const list = out.get(t.id) ?? [];
        list.push([op, q], [NEGATE[op], q]);
        out.set(t.id, list);
      }
    }
  }
  return out;
}

/** Candidate values of a numeric indicator: band thresholds and gate thresholds, in range, better than now. */
function numericValues(info: IndicatorInfo, t: Extract<ValueType, { kind: 'number' }>, gates: [CompareOp, Rational][], current: Rational | undefined): Rational[] {
  const reps: Rational[] = [];
  const integer = t.base === 'integer';
  const s = info.decl.scoring;
  if (s?.kind === 'Bands') {
    for (const b of s.bands) {
      if (b.cond.kind !== 'Compare') continue;
      const q = literal(b.cond.bound);
      const r = q && representative(b.cond.op, q, integer);
      if (r) reps.push(r);
    }
    // The lowest band (`else`) of a missing indicator: the type's own floor, when the direction says "higher".
    if (current === undefined && info.direction === 'higher' && t.min?.inclusive) reps.push(t.min.value);
  }
  for (const [op, q] of gates) {
    const r = representative(op, q, integer);
    if (r) reps.push(r);
  }
  const seen = new Set<string>();
  return reps.filter((q) => {
    const k = q.toFraction();
    if (seen.has(k) || !withinBounds(t, q) || (integer && !q.isInteger())) return false;
    seen.add(k);
    if (current === undefined) return true;
    if (info.direction === 'higher') return q.gt(current);
    if (info.direction === 'lower') return q.lt(current);
    return !q.eq(current);
  });
}

/** The least change of an object value that meets each object band (from the band's member comparisons). */
function objectValues(ruleset: CompiledRuleset, info: IndicatorInfo, t: Extract<ValueType, { kind: 'object' }>, current: EvidenceValue | undefined): EvidenceValue[] {
  const s = info.decl.scoring;
  if (s?.kind !== 'Bands') return [];
  const refs = ruleset.model.resolution.refs;
  const out: EvidenceValue[] = [];
  for (const b of s.bands) {
    if (b.cond.kind !== 'Cond') continue;
    const fields = new Map<string, EvidenceValue>();
    for (const [k, ft] of t.fields) {
      const cur = current?.kind === 'obj' ? current.fields.get(k) : undefined;
      if (cur) fields.set(k, cur);
      else if (ft.kind === 'number') fields.set(k, { kind: 'num', q: ft.min?.value ?? Rational.ZERO });
      else return [];
    }
    const conj: Expr[] = [];
    const split = (e: Expr): void => {
      if (e.kind === 'Binary' && e.op === 'and') {
        split(e.left);
        split(e.right);
      } else if (e.kind === 'Binary' && e.op === 'or') split(e.left);
      else conj.push(e);
    };
    split(b.cond.expr);
    for (const c of conj) {
      if (c.kind !== 'Compare' || c.left.kind !== 'Ref') continue;
      const r = refs.get(c.left);
      const q = literal(c.right);
      if (!r || r.kind !== 'field' || r.members.length !== 1 || !q) continue;
      const member = r.members[0] as string;
      const ft = t.fields.get(member);
      const cur = fields.get(member);
      if (!ft || ft.kind !== 'number' || cur?.kind !== 'num') continue;
      const want = representative(c.op, q, ft.base === 'integer');
      if (!want) continue;
      const up = c.op === '>=' || c.op === '>';
      const down = c.op === '<=' || c.op === '<';
      const next = up ? Rational.max(cur.q, want) : down ? Rational.min(cur.q, want) : want;
      if (withinBounds(ft, next)) fields.set(member, { kind: 'num', q: next });
    }
    out.push({ kind: 'obj', fields });
  }
  return out;
}

function sameValue(a: EvidenceValue | undefined, b: EvidenceValue): boolean {
  if (!a || a.kind !== b.kind) return false;
  switch (b.kind) {
    case 'num':
      return a.kind === 'num' && a.q.eq(b.q);
    case 'bool':
      return a.kind === 'bool' && a.b === b.b;
    case 'sym':
      return a.kind === 'sym' && a.s === b.s;
    case 'obj':
      return a.kind === 'obj' && [...b.fields].every(([k, v]) => sameValue(a.fields.get(k), v));
  }
}

/** How far a value is from the current one (candidates are ordered by points, then by this). */
function distance(cur: EvidenceValue | undefined, v: EvidenceValue, t: ValueType): Rational {
  if (v.kind === 'num') return cur?.kind === 'num' ? v.q.sub(cur.q).abs() : Rational.ZERO;
  // Enum values that score the same: the one nearer on the declared scale is the smaller change (L2 → L3, not L4).
  if (v.kind === 'sym' && cur?.kind === 'sym' && t.kind === 'enum') return Rational.fromInt(Math.abs(t.values.indexOf(v.s) - t.values.indexOf(cur.s)));
  if (v.kind === 'obj') {
    let d = Rational.ZERO;
    for (const [k, x] of v.fields) {
      const c = cur?.kind === 'obj' ? cur.fields.get(k) : undefined;
      if (x.kind === 'num' && c?.kind === 'num') d = d.add(x.q.sub(c.q).abs());
    }
    return d;
  }
  return Rational.ZERO;
}

/** The engine as the candidates see it: a full assessment, and optionally the decision alone (cheaper). */
export type Assess = (changes: ReadonlyMap<string, EvidenceValue>) => Assessment;
export type Decide = (changes: ReadonlyMap<string, EvidenceValue>) => Decision;

/**
 * The options of every applicable indicator that has a better value. `assess` is the engine (counted by the
 * caller); `base` the platform's exact evidence and `a` its assessment. With `decide`, an indicator whose points
 * depend on its own value alone (`selfScored`) with a positive effective weight is scored from the decision's
 * total: points = current points + 100 × gain ÷ effective weight, exact (a test checks it against `assess`).
 */
export function indicatorOptions(ruleset: CompiledRuleset, base: BaseEvidence, a: Assessment, assess: Assess, decide?: Decide): IndicatorOptions[] {
  const gates = gateThresholds(ruleset);
  const out: IndicatorOptions[] = [];
  const results = new Map(a.indicators.map((i) => [i.id, i]));
  for (const info of ruleset.model.indicators) {
    const res = results.get(info.id);
    if (!res || res.status === 'not_applicable' || !info.type) continue;
    const current = base.values.get(info.id);
    const currentPoints = res.points ?? Rational.ZERO;
    const t = info.type;
    let values: EvidenceValue[];
    switch (t.kind) {
      case 'number':
        values = numericValues(info, t, gates.get(info.id) ?? [], current?.kind === 'num' ? current.q : undefined).map((q) => ({ kind: 'num', q }));
        break;
      case 'enum':
        values = t.values.map((s): EvidenceValue => ({ kind: 'sym', s }));
        break;
      case 'boolean':
        values = [true, false].map((b): EvidenceValue => ({ kind: 'bool', b }));
        break;
      case 'object':
        values = objectValues(ruleset, info, t, current);
        break;
    }
    const scored: { value: EvidenceValue; points: Rational; gain: Rational; dist: Rational }[] = [];
    const derive = decide !== undefined && res.effectiveWeight.sign() > 0 && selfScored(ruleset, info);
    for (const v of values) {
      if (sameValue(current, v) || scored.some((s) => sameValue(s.value, v))) continue;
      let points: Rational;
      let gain: Rational;
      if (derive) {
        const d = decide(new Map([[info.id, v]]));
        if (d.outcome === 'invalid') continue;
        gain = d.total.sub(a.total);
        points = currentPoints.add(gain.mul(Rational.HUNDRED).div(res.effectiveWeight));
      } else {
        const r = assess(new Map([[info.id, v]]));
        const ir = r.indicators.find((i) => i.id === info.id);
        if (r.outcome === 'invalid' || !ir || ir.status !== 'scored' || ir.points === null) continue;
        points = ir.points;
        gain = r.total.sub(a.total);
      }
      if (current !== undefined && points.lt(currentPoints)) continue;
      scored.push({ value: v, points, gain, dist: distance(current, v, t) });
    }
    if (scored.length === 0) continue;
    scored.sort((x, y) => x.points.cmp(y.points) || x.dist.cmp(y.dist));
    const levels = [...new Set(scored.map((s) => s.points.toFraction()))].map((f) => scored.find((s) => s.points.toFraction() === f)?.points ?? Rational.ZERO);
    const candidates: Candidate[] = scored.map((s, rank) => ({
      value: s.value,
      points: s.points,
      gain: s.gain,
      steps: current === undefined ? levels.filter((p) => p.le(s.points)).length : levels.filter((p) => p.gt(currentPoints) && p.le(s.points)).length,
      rank,
    }));
    let best = candidates[0] as Candidate;
    for (const c of candidates) if (c.gain.ge(best.gain)) best = c;
    out.push({ id: info.id, dimension: info.dimension, key: keyOf(base, info.id), info, current, currentPoints, candidates, best, maxGain: Rational.max(best.gain, Rational.ZERO) });
  }
  return out;
}
