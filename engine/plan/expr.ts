// Compiles a resolved expression into a closure over the plan's runtime state (no eval, no new Function).
// In: an expression, the model's layout and weights, whether to trace. Out: `(rt) => value`, computing exactly
// what engine/evaluate/expr.ts computes (same operands evaluated in the same order: no short-circuit, so the same
// errors), recording reads and quantifier elements only in the traced variant.

import type { Expr, PropExpr, QuantifiedExpr, RefExpr, TableExpr } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { flipOp } from '../numbers/compare-op';
import { Rational } from '../numbers/rational';
import type { EvidenceValue } from '../evaluate/result';
import { evidenceOf, ObjV, type Raw } from '../evidence/fast';
import { Bail, cmpFrac, doubleOf, fracOf, isCanonical } from './num';
import type { Layout, Rt } from './runtime';
import type { ValueType } from '../model/value-type';
import { holds as conditionHolds, UNKNOWN, type TruthCode } from '../semantics/truth';
import { effRat, pointsRat, scoreRat, shareRat, totalRat, type Weights } from './scores';
import {
  and,
  arith,
  derivedRead,
  digitsOf,
  power,
  stepTo,
  asRat,
  cmpNum,
  compare,
  doubleHolds,
  holds,
  not,
  numOf,
  opCode,
  or,
  truthOf,
  Unk,
  UNK_NONE,
  unknownOfAll,
  type PV,
} from './values';

export type Fn = (rt: Rt) => PV;

export interface ExprCtx {
  readonly layout: Layout;
  readonly weights: Weights;
  readonly traced: boolean;
  /** The decision variant (`Plan.summary`): outcome, level and total only; never traced. */
  readonly decision?: boolean;
}

/** The exact value of a number literal (`Percent`: text ÷ 100) in the plan's form. */
export function literalValue(e: Expr & { text: string }, percent: boolean): number | Rational {
  // Remembered by text: parsing is most of building a plan, and impact builds one per variant of the same ruleset.
  const key = percent ? `${e.text}%` : e.text;
  let v = literals.get(key);
  if (v === undefined) {
    let q = Rational.parse(e.text) ?? Rational.ZERO;
    if (percent) q = q.div(Rational.HUNDRED);
    v = isCanonical(q) ? doubleOf(q) : q;
    if (literals.size >= 4096) literals.clear();
    literals.set(key, v);
  }
  return v;
}
const literals = new Map<string, number | Rational>();

function literalRat(e: Expr): Rational | undefined {
  if (e.kind !== 'Num' && e.kind !== 'Percent') return undefined;
  const q = Rational.parse(e.text) ?? Rational.ZERO;
  return e.kind === 'Percent' ? q.div(Rational.HUNDRED) : q;
}

/** The value at member positions `at` (see `memberPositions`) inside a raw value (as `member` in expr-eval). */
function memberRaw(v: Raw | undefined, at: readonly number[]): Raw | undefined {
  let cur: unknown = v;
  for (let k = 0; k < at.length; k++) {
    if (!(cur instanceof ObjV)) return undefined;
    cur = cur.vals[at[k] as number];
  }
  return cur as Raw | undefined;
}

/** Positions of a member path in the field's object type (an ObjV keeps its type's member order); -1 past a non-object. */
function memberPositions(type: ValueType | undefined, members: readonly string[]): number[] {
  let t = type;
  return members.map((m) => {
    if (t?.kind !== 'object') return -1;
    let k = 0;
    for (const [name, ft] of t.fields) {
      if (name === m) {
        t = ft;
        return k;
      }
      k++;
    }
    t = undefined;
    return -1;
  });
}

function memberEv(rt: Rt, slot: number, members: readonly string[]): EvidenceValue | undefined {
  if (rt.raw[slot] === undefined) return undefined;
  let cur: EvidenceValue | undefined = rt.evidenceAt(slot);
  for (const m of members) {
    if (!cur || cur.kind !== 'obj') return undefined;
    cur = cur.fields.get(m);
  }
  return cur;
}

function compileRef(e: RefExpr, c: ExprCtx): Fn {
  const t = c.layout.model.resolution.refs.get(e);
  if (!t) return () => { throw new Bail('unresolved name'); };
  switch (t.kind) {
    case 'symbol': {
      const s = t.value;
      return () => s;
    }
    case 'input':
    case 'indicator':
    case 'field': {
      const id = t.kind === 'field' ? t.indicator : t.id;
      const slot = c.layout.slotOf.get(id);
      const members = t.members;
      const miss = new Unk([id]);
      if (slot === undefined) return () => miss;
      const path = [id, ...members].join('.');
      const at = memberPositions(c.layout.model.fields.get(id)?.type, members);
      if (c.traced) {
        return (rt) => {
          const raw = rt.raw[slot];
          const v = members.length === 0 ? raw : memberRaw(raw, at);
          rt.reads.push({ kind: 'evidence', field: id, path, value: memberEv(rt, slot, members) });
          return v === undefined ? miss : v;
        };
      }
      if (members.length === 0) return (rt) => rt.raw[slot] ?? miss;
      return (rt) => memberRaw(rt.raw[slot], at) ?? miss;
    }
    case 'derived': {
      const k = c.layout.derIndex.get(t.id);
      if (k === undefined) return () => { throw new Bail('unknown derived value'); };
      const id = t.id;
      if (c.traced) {
        return (rt) => {
          const v = rt.dv[k];
          if (v === undefined) return notComputed();
          rt.reads.push(derivedRead(id, v));
          return v;
        };
      }
      return (rt) => rt.dv[k] ?? notComputed();
    }
    default:
      return assertNever(t, 'reference');
  }
}

function notComputed(): never {
  throw new Bail('not computed yet');
}

/** Reads of a property; `shown` is what a trace event records. */
function compileProp(e: PropExpr, c: ExprCtx): Fn {
  const L = c.layout;
  const m = L.model;
  const W = c.weights;
  const t = m.resolution.props.get(e);
  if (!t) return () => { throw new Bail('unresolved property'); };
  const fixed = t.id;
  const idOf = (rt: Rt): string => {
    const id = fixed ?? rt.bound[rt.bound.length - 1];
    if (id === undefined) throw new Bail('property outside a quantifier');
    return id;
  };
  const traced = c.traced;
  const read = (rt: Rt, id: string, value: Rational | boolean | EvidenceValue | null): void => {
    if (traced) rt.reads.push({ kind: 'prop', domain: t.domain, prop: t.prop, id, value });
  };
  switch (t.domain) {
    case 'dimension': {
      if (t.prop === 'weight') {
        return (rt) => {
          const id = idOf(rt);
          const w = m.dimensionsById.get(id)?.weight ?? Rational.ZERO;
          read(rt, id, w);
          return w.den === 1n && Number.isSafeInteger(Number(w.num)) ? Number(w.num) : w;
        };
      }
      const share = t.prop === 'share';
      return (rt) => {
        const id = idOf(rt);
        const d = L.dimIndex.get(id);
        if (d === undefined || rt.dSet[d] === 0) return notComputed();
        const q = share ? shareRat(rt, d) : scoreRat(rt, d);
        read(rt, id, q);
        return q;
      };
    }
    case 'indicator': {
      if (t.prop === 'value') {
        return (rt) => {
          const id = idOf(rt);
          const slot = L.slotOf.get(id);
          const raw = slot === undefined ? undefined : rt.raw[slot];
          if (traced) read(rt, id, raw === undefined || slot === undefined ? null : rt.evidenceAt(slot));
          return raw === undefined ? new Unk([id]) : raw;
        };
      }
      if (t.prop === 'weight') {
        return (rt) => {
          const id = idOf(rt);
          const i = L.indIndex.get(id);
          const d = i === undefined ? undefined : L.dimIndex.get(m.indicators[i]?.dimension ?? '');
          if (i === undefined || d === undefined || rt.dSet[d] === 0) return notComputed();
          const q = effRat(rt, W, L, i);
          read(rt, id, q);
          return q;
        };
      }
      // points
      return (rt) => {
        const id = idOf(rt);
        const i = L.indIndex.get(id);
        if (i === undefined || rt.iSet[i] === 0) return notComputed();
        const p = pointsRat(rt, i);
        read(rt, id, p);
        return p === null ? UNK_NONE : p;
      };
    }
    case 'veto':
    case 'prerequisite': {
      const isVeto = t.domain === 'veto';
      const decided = t.prop === 'decided';
      return (rt) => {
        const id = idOf(rt);
        const k = (isVeto ? L.vetoIndex : L.preIndex).get(id);
        const truth = k === undefined ? -1 : (isVeto ? rt.vTruth : rt.pTruth)[k] as number;
        if (truth < 0) return notComputed();
        const b = decided ? truth !== UNKNOWN : conditionHolds(truth as TruthCode);
        read(rt, id, b);
        return b;
      };
    }
    default:
      return assertNever(t.domain, 'domain');
  }
}

function compileQuantified(e: QuantifiedExpr, c: ExprCtx): Fn {
  const L = c.layout;
  const m = L.model;
  const body = compileExpr(e.body, c);
  const every = e.quantifier === 'every';
  const domain = e.domain;
  let ids: readonly string[];
  let indices: readonly number[] | undefined;
  switch (domain) {
    case 'dimension':
      ids = m.dimensions.map((d) => d.id);
      break;
    case 'indicator': {
      const within = m.resolution.quantifiers.get(e)?.within;
      const xs = m.indicators.filter((i) => within === undefined || i.dimension === within);
      ids = xs.map((i) => i.id);
      indices = xs.map((i) => L.indIndex.get(i.id) as number);
      break;
    }
    case 'veto':
      ids = m.vetoes.map((v) => v.id);
      break;
    case 'prerequisite':
      ids = m.prerequisites.map((p) => p.id);
      break;
    default:
      return assertNever(domain, 'domain');
  }
  const traced = c.traced;
  const fast = traced ? undefined : domain === 'dimension' ? everyDimensionCompare(e, every, c) : ruleTruthQuantifier(e, every, c);
  if (fast) return fast;
  return (rt) => {
    let acc: boolean | Unk = every;
    const depth = rt.bound.length;
    for (let k = 0; k < ids.length; k++) {
      // Not-applicable indicators are not in the domain (one not computed yet is, as in the reference).
      if (indices !== undefined) {
        const i = indices[k] as number;
        if (rt.iSet[i] === 1 && rt.iApplicable[i] === 0) continue;
      }
      const id = ids[k] as string;
      rt.bound.push(id);
      rt.boundIx.push(indices !== undefined ? (indices[k] as number) : k);
      rt.boundDom.push(domain);
      const v = body(rt);
      rt.bound.pop();
      rt.boundIx.pop();
      rt.boundDom.pop();
      if (traced) rt.elements.push({ domain, id, depth, truth: typeof v === 'boolean' ? v : 'unknown' });
      acc = every ? and(acc, v) : or(acc, v);
    }
    return acc;
  };
}

/** A literal and the other side of a comparison with it (`flip`: the literal is on the left). */
function literalSide(e: Expr & { kind: 'Compare' }): { side: Expr; n: number; d: number; flip: boolean } | undefined {
  let side: Expr = e.left;
  let lit = literalRat(e.right);
  let flip = false;
  if (!lit) {
    side = e.right;
    lit = literalRat(e.left);
    flip = true;
  }
  const f = lit ? fracOf(lit) : undefined;
  return f ? { side, n: f.n, d: f.d, flip } : undefined;
}

/**
 * `every dimension: share >= 60%` (or `some`, `score`, any comparison with a literal), untraced: one loop over the
 * dimensions' fractions, no bindings. Like the general quantifier, it evaluates every element in order, so a
 * dimension not computed yet hands the platform over exactly when the general one would.
 */
function everyDimensionCompare(e: QuantifiedExpr, every: boolean, c: ExprCtx): Fn | undefined {
  if (e.body.kind !== 'Compare') return undefined;
  const ls = literalSide(e.body);
  if (!ls || ls.side.kind !== 'Prop') return undefined;
  const t = c.layout.model.resolution.props.get(ls.side);
  if (!t || t.domain !== 'dimension' || t.id !== undefined || (t.prop !== 'score' && t.prop !== 'share')) return undefined;
  const share = t.prop === 'share';
  const op = opCode(e.body.op);
  const { n: ln, d: ld, flip } = ls;
  const nd = c.layout.model.dimensions.length;
  return (rt) => {
    // Every dimension computed (else the general quantifier would hand over at the first that is not): then the
    // answer is settled by the first element that settles it.
    for (let d = 0; d < nd; d++) if (rt.dSet[d] === 0) return notComputed();
    const N = share ? rt.dShareN : rt.dScoreN;
    const D = share ? rt.dShareD : rt.dScoreD;
    for (let d = 0; d < nd; d++) {
      const s = cmpFrac(N[d] as number, D[d] as number, ln, ld);
      if (holds(op, flip ? -s : s) !== every) return !every;
    }
    return every;
  };
}

/**
 * `some veto: fired`, `every veto: decided`, `every prerequisite: holds` (the bound rule's own truth), untraced:
 * one loop over the truth codes. A rule not computed yet hands over, as the general quantifier does.
 */
function ruleTruthQuantifier(e: QuantifiedExpr, every: boolean, c: ExprCtx): Fn | undefined {
  if (e.body.kind !== 'Prop' || (e.domain !== 'veto' && e.domain !== 'prerequisite')) return undefined;
  const t = c.layout.model.resolution.props.get(e.body);
  if (!t || t.domain !== e.domain || t.id !== undefined) return undefined;
  const decided = t.prop === 'decided';
  const isVeto = e.domain === 'veto';
  return (rt) => {
    const truths = isVeto ? rt.vTruth : rt.pTruth;
    let acc = every;
    for (let k = 0; k < truths.length; k++) {
      const code = truths[k] as number;
      if (code < 0) return notComputed();
      const b = decided ? code !== UNKNOWN : conditionHolds(code as TruthCode);
      acc = every ? acc && b : acc || b;
    }
    return acc;
  };
}

/**
 * An evidence field compared with a number literal (`pue <= 1.25`, `months_in_operation >= 6`), untraced: the
 * field's decimal double against the literal's, when the literal is canonical (exact, see num.ts); any other
 * value (absent, not a number) takes the general comparison.
 */
function compileFieldCompare(e: Expr & { kind: 'Compare' }, c: ExprCtx): Fn | undefined {
  if (c.traced) return undefined;
  let side: Expr = e.left;
  let litExpr: Expr = e.right;
  let flip = false;
  if (side.kind !== 'Ref') {
    side = e.right;
    litExpr = e.left;
    flip = true;
  }
  if (side.kind !== 'Ref' || (litExpr.kind !== 'Num' && litExpr.kind !== 'Percent')) return undefined;
  const t = c.layout.model.resolution.refs.get(side);
  if (!t || (t.kind !== 'input' && t.kind !== 'indicator') || t.members.length > 0) return undefined;
  const slot = c.layout.slotOf.get(t.id);
  const lit = literalValue(litExpr, litExpr.kind === 'Percent');
  if (slot === undefined || typeof lit !== 'number') return undefined;
  const ref = compileRef(side, c);
  const written = opCode(e.op);
  // With the field on the left: `lit op v` ⇔ `v flipOp(op) lit`.
  const op = flip ? opCode(flipOp(e.op)) : written;
  return (rt) => {
    const v = rt.raw[slot];
    if (typeof v !== 'number') return flip ? compare(written, lit, ref(rt)) : compare(written, ref(rt), lit);
    return doubleHolds(op, v, lit);
  };
}

/** `total`, `score(D)`, `share` compared with a literal: a fraction comparison, no Rational built. */
function compileFracCompare(e: Expr & { kind: 'Compare' }, c: ExprCtx): Fn | undefined {
  if (c.traced) return undefined;
  const L = c.layout;
  const ls = literalSide(e);
  if (!ls) return undefined;
  const { side, n: ln, d: ld, flip } = ls;
  const op = opCode(e.op);
  if (side.kind === 'Total') {
    if (L.model.totalFormula) return undefined;
    return (rt) => {
      if (!rt.totSet) return notComputed();
      const s = cmpFrac(rt.totN, rt.totD, ln, ld);
      return holds(op, flip ? -s : s);
    };
  }
  if (side.kind !== 'Prop') return undefined;
  const t = L.model.resolution.props.get(side);
  if (!t || t.domain !== 'dimension' || (t.prop !== 'score' && t.prop !== 'share')) return undefined;
  const share = t.prop === 'share';
  const fixed = t.id;
  const fixedIx = fixed === undefined ? undefined : L.dimIndex.get(fixed);
  return (rt) => {
    let d: number | undefined;
    if (fixed !== undefined) d = fixedIx;
    else {
      const top = rt.bound.length - 1;
      if (top < 0) throw new Bail('property outside a quantifier');
      d = rt.boundDom[top] === 'dimension' ? rt.boundIx[top] : L.dimIndex.get(rt.bound[top] as string);
    }
    if (d === undefined || rt.dSet[d] === 0) return notComputed();
    const s = share
      ? cmpFrac(rt.dShareN[d] as number, rt.dShareD[d] as number, ln, ld)
      : cmpFrac(rt.dScoreN[d] as number, rt.dScoreD[d] as number, ln, ld);
    return holds(op, flip ? -s : s);
  };
}

export function compileExpr(e: Expr, c: ExprCtx): Fn {
  switch (e.kind) {
    case 'Num':
    case 'Percent': {
      const v = literalValue(e, e.kind === 'Percent');
      return () => v;
    }
    case 'Bool': {
      const b = e.value;
      return () => b;
    }
    case 'Error':
      return () => { throw new Bail('syntax error'); };
    case 'Total':
      if (c.layout.model.totalFormula) {
        // The formula's value, unknown when it read missing evidence (no level is reached on it).
        const traced = c.traced;
        return (rt) => {
          const v = rt.totV;
          if (!rt.totSet || v === undefined) return notComputed();
          if (traced && !(v instanceof Unk)) rt.reads.push({ kind: 'total', value: totalRat(rt) });
          return v;
        };
      }
      if (c.traced) {
        return (rt) => {
          if (!rt.totSet) return notComputed();
          const q = totalRat(rt);
          rt.reads.push({ kind: 'total', value: q });
          return q;
        };
      }
      return (rt) => (rt.totSet ? totalRat(rt) : notComputed());
    case 'Ref':
      return compileRef(e, c);
    case 'Prop':
      return compileProp(e, c);
    case 'Call': {
      const args = e.args.map((a) => compileExpr(a, c));
      const fn = e.fn;
      const mode = e.mode?.name;
      return (rt) => {
        const vs = args.map((a) => a(rt));
        if (fn === 'known') return vs.every((v) => !(v instanceof Unk));
        if (vs.some((v) => v instanceof Unk)) return unknownOfAll(vs);
        const qs = vs.map(numOf);
        const first = qs[0];
        if (first === undefined) throw new Bail('call without arguments');
        switch (fn) {
          case 'min':
            return qs.reduce((a, b) => (cmpNum(a, b) <= 0 ? a : b), first);
          case 'max':
            return qs.reduce((a, b) => (cmpNum(a, b) >= 0 ? a : b), first);
          case 'abs':
            return typeof first === 'number' ? Math.abs(first) : first.abs();
          case 'ceil':
          case 'floor':
            return stepTo(fn, first, digitsOf(qs[1]), undefined);
          case 'round':
            return stepTo(fn, first, digitsOf(qs[1]), mode);
          default:
            return assertNever(fn, 'function');
        }
      };
    }
    case 'Unary': {
      const operand = compileExpr(e.operand, c);
      if (e.op === 'not') {
        return (rt) => not(operand(rt));
      }
      return (rt) => {
        const v = operand(rt);
        if (v instanceof Unk) return v;
        const x = numOf(v);
        return typeof x === 'number' ? (x === 0 ? 0 : -x) : x.neg();
      };
    }
    case 'Binary': {
      const left = compileExpr(e.left, c);
      const right = compileExpr(e.right, c);
      const op = e.op;
      if (op === 'and') return (rt) => and(left(rt), right(rt));
      if (op === 'or') return (rt) => or(left(rt), right(rt));
      if (op === '^') {
        return (rt) => {
          const a = left(rt);
          const b = right(rt);
          if (a instanceof Unk || b instanceof Unk) return unknownOfAll([a, b]);
          return power(numOf(a), numOf(b));
        };
      }
      return (rt) => {
        const a = left(rt);
        const b = right(rt);
        if (a instanceof Unk || b instanceof Unk) return unknownOfAll([a, b]);
        return arith(op, numOf(a), numOf(b));
      };
    }
    case 'Compare': {
      const fast = compileFracCompare(e, c) ?? compileFieldCompare(e, c);
      if (fast) return fast;
      const left = compileExpr(e.left, c);
      const right = compileExpr(e.right, c);
      const op = opCode(e.op);
      return (rt) => compare(op, left(rt), right(rt));
    }
    case 'In': {
      const operand = compileExpr(e.operand, c);
      const set = e.set.map((x) => compileExpr(x, c));
      const negated = e.negated;
      const EQ = opCode('=');
      return (rt) => {
        const v = operand(rt);
        if (v instanceof Unk) return v;
        let acc: boolean | Unk = false;
        for (const x of set) acc = or(acc, compare(EQ, v, x(rt)));
        return negated ? not(acc) : acc;
      };
    }
    case 'If': {
      const cond = compileExpr(e.cond, c);
      const then = compileExpr(e.then, c);
      const otherwise = compileExpr(e.otherwise, c);
      return (rt) => {
        const v = cond(rt);
        const t = truthOf(v);
        if (t instanceof Unk) return v;
        return t ? then(rt) : otherwise(rt);
      };
    }
    case 'Quantified':
      return compileQuantified(e, c);
    case 'Table':
      return compileTable(e, c);
    default:
      return assertNever(e, 'expression');
  }
}

/**
 * A lookup table: every key evaluated (an unknown one makes the value unknown, with the fields of every unknown
 * key), then the entry of the key values, else `else`, evaluated alone. Untraced, a one-key table on an enum field
 * reads the field's index in its type (`rt.sym`) and picks the entry from an array, with no string built.
 */
function compileTable(e: TableExpr, c: ExprCtx): Fn {
  const keys = e.keys.map((k) => compileExpr(k, c));
  const byKey = new Map<string, Fn>();
  let otherwise: Fn | undefined;
  for (const entry of e.entries) {
    const value = compileExpr(entry.value, c);
    if ('kind' in entry.key) otherwise ??= value;
    else {
      const k = entry.key.map((n) => n.name).join('\u0000');
      if (!byKey.has(k)) byKey.set(k, value);
    }
  }
  const none = (): PV => {
    throw new Bail('no table entry');
  };
  const pick = (k: string): Fn => byKey.get(k) ?? otherwise ?? none;
  const single = keys.length === 1 ? (keys[0] as Fn) : undefined;
  const key = e.keys[0];
  if (single && key && !c.traced) {
    const t = c.layout.model.resolution.refs.get(key);
    const slot = t && (t.kind === 'input' || t.kind === 'indicator') && t.members.length === 0 ? c.layout.slotOf.get(t.id) : undefined;
    const type = t && (t.kind === 'input' || t.kind === 'indicator') ? c.layout.model.fields.get(t.id)?.type : undefined;
    if (slot !== undefined && t && (t.kind === 'input' || t.kind === 'indicator') && type?.kind === 'enum') {
      const at = type.values.map(pick);
      const miss = new Unk([t.id]);
      return (rt) => (rt.raw[slot] === undefined ? miss : (at[rt.sym[slot] as number] as Fn)(rt));
    }
  }
  if (single) {
    return (rt) => {
      const v = single(rt);
      if (v instanceof Unk) return v;
      if (typeof v !== 'string') throw new Bail('table key is not an enum value');
      return pick(v)(rt);
    };
  }
  return (rt) => {
    const vs = keys.map((k) => k(rt));
    if (vs.some((v) => v instanceof Unk)) return unknownOfAll(vs);
    if (!vs.every((v) => typeof v === 'string')) throw new Bail('table key is not an enum value');
    return pick(vs.join('\u0000'))(rt);
  };
}

export { asRat };
