// Static reasoning about conditions: a condition becomes a disjunction of terms, each a conjunction of
// constraints on atoms (a numeric value in a set, an enum value in a set, a boolean fact true or false).
// In: expressions of a model. Out: `Dnf`, and whether a condition can hold / must hold over declared domains.
//
// Sound and conservative: an atom the analysis cannot read is an opaque fact (the same expression is the same
// fact), atoms are independent, and a condition too large to expand gives up (`undefined`), never a finding.
// Three-valued logic is respected: a condition that is false in every two-valued world is never true.

import { signHolds } from '../numbers/compare-op';
import { canonicalExpr } from '../../dsl/canonical';
import type { BandCond, CompareOp, Expr } from '../../dsl/ast';
import type { IndicatorInfo, Model } from '../model/model';
import type { Rational } from '../numbers/rational';
import type { ValueType } from '../model/value-type';
import { NumSet } from './intervals';
import { compareSet, constValue, exprRange, typeRange } from './ranges';

export type Lit =
  | { readonly kind: 'num'; readonly key: string; readonly set: NumSet; readonly dom: NumSet }
  | { readonly kind: 'enum'; readonly key: string; readonly set: ReadonlySet<string>; readonly all: readonly string[] }
  | { readonly kind: 'bool'; readonly key: string; readonly value: boolean };

/** A conjunction of constraints, at most one per atom. */
export type Term = ReadonlyMap<string, Lit>;
/** A disjunction of satisfiable terms: `[]` is false, `[new Map()]` is true. */
export type Dnf = readonly Term[];

export const TRUE: Dnf = [new Map()];
export const FALSE: Dnf = [];

/** Expansion larger than this gives up. */
const MAX_TERMS = 256;

export class GiveUp extends Error {}

/** Where a condition is read: in the scoring of `own`, its members and `value` are in scope. */
export interface CondCtx {
  readonly model: Model;
  readonly own?: IndicatorInfo;
}

function litEmpty(l: Lit): boolean {
  return l.kind === 'num' ? l.set.isEmpty() : l.kind === 'enum' ? l.set.size === 0 : false;
}

function meet(a: Lit, b: Lit): Lit | undefined {
  if (a.kind === 'num' && b.kind === 'num') return { ...a, set: a.set.intersect(b.set) };
  if (a.kind === 'enum' && b.kind === 'enum') return { ...a, set: new Set([...a.set].filter((v) => b.set.has(v))) };
  if (a.kind === 'bool' && b.kind === 'bool') return a.value === b.value ? a : undefined;
  return a; // same key, different kinds: cannot happen for one expression; keep the first
}

/** The conjunction of two terms, or undefined when it cannot hold. */
function conj(a: Term, b: Term): Term | undefined {
  const out = new Map(a);
  for (const [k, l] of b) {
    const prev = out.get(k);
    const next = prev ? meet(prev, l) : l;
    if (!next || litEmpty(next)) return undefined;
    out.set(k, next);
  }
  return out;
}

export function and(a: Dnf, b: Dnf): Dnf {
  const out: Term[] = [];
  for (const x of a) {
    for (const y of b) {
      const t = conj(x, y);
      if (t) out.push(t);
      if (out.length > MAX_TERMS) throw new GiveUp();
    }
  }
  return out;
}

export function or(a: Dnf, b: Dnf): Dnf {
  if (a.length + b.length > MAX_TERMS) throw new GiveUp();
  return [...a, ...b];
}

function lit(l: Lit): Dnf {
  return litEmpty(l) ? FALSE : [new Map([[l.key, l]])];
}

function negLit(l: Lit): Lit {
  switch (l.kind) {
    case 'num':
      return { ...l, set: l.dom.minus(l.set) };
    case 'enum':
      return { ...l, set: new Set(l.all.filter((v) => !l.set.has(v))) };
    case 'bool':
      return { ...l, value: !l.value };
  }
}

const signed = (l: Lit, pos: boolean): Dnf => lit(pos ? l : negLit(l));

function opaque(e: Expr, pos: boolean): Dnf {
  return lit({ kind: 'bool', key: `?${JSON.stringify(canonicalExpr(e))}`, value: pos });
}

/** A stable key for the value an expression denotes (the same for `x`, `value` and `value(x)` in x's scoring). */
export function atomKey(e: Expr, ctx: CondCtx): string {
  const r = ctx.model.resolution;
  if (e.kind === 'Ref') {
    const t = r.refs.get(e);
    if (t?.kind === 'input') return ['input', t.id, ...t.members].join('.');
    if (t?.kind === 'indicator') return ['value', t.id, ...t.members].join('.');
    if (t?.kind === 'field') return ['value', t.indicator, ...t.members].join('.');
    if (t?.kind === 'derived') return `derived.${t.id}`;
  } else if (e.kind === 'Prop') {
    const t = r.props.get(e);
    if (t && t.id !== undefined) return t.prop === 'value' ? `value.${t.id}` : `${t.prop}(${t.id})`;
  } else if (e.kind === 'Total') return 'total';
  return `=${JSON.stringify(canonicalExpr(e))}`;
}

function typeOf(e: Expr, ctx: CondCtx): ValueType | undefined {
  const t = ctx.model.resolution.types.get(e);
  return t && t.kind !== 'unknown' ? t : undefined;
}

function symbolOf(e: Expr, ctx: CondCtx): string | undefined {
  if (e.kind !== 'Ref') return undefined;
  const t = ctx.model.resolution.refs.get(e);
  return t?.kind === 'symbol' ? t.value : undefined;
}

const FLIP: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

/** `atom op c` for a numeric atom with the given range. */
export function numLit(key: string, dom: NumSet, op: CompareOp, c: Rational): Lit {
  return { kind: 'num', key, dom, set: compareSet(op, c, dom) };
}

/** `atom op sym` for an enum atom (only `=` and `!=`). */
function enumLit(key: string, all: readonly string[], op: CompareOp, sym: string): Lit | undefined {
  if (op === '=') return { kind: 'enum', key, all, set: new Set(all.filter((v) => v === sym)) };
  if (op === '!=') return { kind: 'enum', key, all, set: new Set(all.filter((v) => v !== sym)) };
  return undefined;
}

/** `left op right` as a literal, when one side is an atom and the other a constant. */
function compare(op: CompareOp, left: Expr, right: Expr, pos: boolean, ctx: CondCtx, whole: Expr): Dnf {
  const lt = typeOf(left, ctx);
  const rt = typeOf(right, ctx);
  if (lt?.kind === 'number' || rt?.kind === 'number') {
    const cl = constValue(left);
    const cr = constValue(right);
    if (cl && cr) return signHolds(op, cl.cmp(cr)) === pos ? TRUE : FALSE;
    if (cr && !cl) return signed(numLit(atomKey(left, ctx), exprRange(left, ctx.model, ctx.own), op, cr), pos);
    if (cl && !cr) return signed(numLit(atomKey(right, ctx), exprRange(right, ctx.model, ctx.own), FLIP[op], cl), pos);
    return opaque(whole, pos);
  }
  const sl = symbolOf(left, ctx);
  const sr = symbolOf(right, ctx);
  if (sl !== undefined && sr !== undefined && (op === '=' || op === '!=')) return ((sl === sr) === (op === '=')) === pos ? TRUE : FALSE;
  if (sr !== undefined && lt?.kind === 'enum') {
    const l = enumLit(atomKey(left, ctx), lt.values, op, sr);
    if (l) return signed(l, pos);
  }
  if (sl !== undefined && rt?.kind === 'enum') {
    const l = enumLit(atomKey(right, ctx), rt.values, op, sl);
    if (l) return signed(l, pos);
  }
  if (lt?.kind === 'boolean' && rt?.kind === 'boolean' && (op === '=' || op === '!=')) {
    const want = op === '=' ? pos : !pos;
    if (right.kind === 'Bool') return dnf(left, right.value ? want : !want, ctx);
    if (left.kind === 'Bool') return dnf(right, left.value ? want : !want, ctx);
  }
  return opaque(whole, pos);
}


/** The condition `e` (when `pos`) or its negation, as a DNF. Throws `GiveUp` when it grows too large. */
export function dnf(e: Expr, pos: boolean, ctx: CondCtx): Dnf {
  switch (e.kind) {
    case 'Bool':
      return e.value === pos ? TRUE : FALSE;
    case 'Unary':
      return e.op === 'not' ? dnf(e.operand, !pos, ctx) : opaque(e, pos);
    case 'Binary': {
      if (e.op !== 'and' && e.op !== 'or') return opaque(e, pos);
      const a = dnf(e.left, pos, ctx);
      const b = dnf(e.right, pos, ctx);
      return (e.op === 'and') === pos ? and(a, b) : or(a, b);
    }
    case 'Compare':
      return compare(e.op, e.left, e.right, pos, ctx, e);
    case 'In': {
      const p = e.negated ? !pos : pos;
      const t = typeOf(e.operand, ctx);
      if (t?.kind === 'enum') {
        const syms = e.set.map((x) => symbolOf(x, ctx));
        if (syms.every((s) => s !== undefined)) {
          const set = new Set(t.values.filter((v) => syms.includes(v)));
          return signed({ kind: 'enum', key: atomKey(e.operand, ctx), all: t.values, set }, p);
        }
      } else if (t?.kind === 'number' && constValue(e.operand) === undefined) {
        const cs = e.set.map(constValue);
        if (cs.every((c) => c !== undefined)) {
          const dom = exprRange(e.operand, ctx.model, ctx.own);
          let set = NumSet.none(dom.integer);
          for (const c of cs) if (c) set = set.union(NumSet.point(c, dom.integer));
          return signed({ kind: 'num', key: atomKey(e.operand, ctx), dom, set: set.intersect(dom) }, p);
        }
      }
      return opaque(e, pos);
    }
    case 'If': {
      const c = dnf(e.cond, true, ctx);
      const nc = dnf(e.cond, false, ctx);
      return or(and(c, dnf(e.then, pos, ctx)), and(nc, dnf(e.otherwise, pos, ctx)));
    }
    case 'Ref':
    case 'Prop': {
      const t = typeOf(e, ctx);
      if (t?.kind === 'boolean') return lit({ kind: 'bool', key: atomKey(e, ctx), value: pos });
      return opaque(e, pos);
    }
    default:
      return opaque(e, pos);
  }
}

/** The condition of a band of `ind` (the indicator's own value compared with the bound, or any condition). */
export function bandDnf(cond: BandCond, pos: boolean, ctx: CondCtx & { own: IndicatorInfo }): Dnf {
  switch (cond.kind) {
    case 'Else':
      return pos ? TRUE : FALSE;
    case 'Cond':
      return dnf(cond.expr, pos, ctx);
    case 'Compare': {
      const own = ctx.own;
      const key = `value.${own.id}`;
      const t = own.type;
      if (t?.kind === 'number') {
        const c = constValue(cond.bound);
        if (c) return signed(numLit(key, typeRange(t), cond.op, c), pos);
      } else if (t?.kind === 'enum') {
        const s = symbolOf(cond.bound, ctx);
        const l = s !== undefined ? enumLit(key, t.values, cond.op, s) : undefined;
        if (l) return signed(l, pos);
      } else if (t?.kind === 'boolean' && cond.bound.kind === 'Bool' && (cond.op === '=' || cond.op === '!=')) {
        const want = (cond.op === '=') === cond.bound.value;
        return lit({ kind: 'bool', key, value: want === pos });
      }
      return lit({ kind: 'bool', key: `?band${cond.span.start}`, value: pos });
    }
  }
}

/** Runs an analysis, turning `GiveUp` into undefined. */
export function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

/** True / false when the conjunction of `conds` can / cannot hold; undefined when too large to tell. */
export function canHold(conds: readonly Expr[], ctx: CondCtx): boolean | undefined {
  return attempt(() => conds.reduce((acc, c) => and(acc, dnf(c, true, ctx)), TRUE).length > 0);
}

/** True when the conjunction of `conds` holds in every world where its evidence is known. */
export function mustHold(conds: readonly Expr[], ctx: CondCtx): boolean | undefined {
  // not (c1 and … and cn) = not c1 or … or not cn: must hold when that can never hold.
  return attempt(() => conds.reduce((acc, c) => or(acc, dnf(c, false, ctx)), FALSE).length === 0);
}

/** When `as` (all) hold, do `bs` (all) hold too? undefined when too large to tell. */
export function implies(as: readonly Expr[], bs: readonly Expr[], ctx: CondCtx): boolean | undefined {
  return attempt(() => {
    const a = as.reduce((acc, c) => and(acc, dnf(c, true, ctx)), TRUE);
    const notB = bs.reduce((acc, c) => or(acc, dnf(c, false, ctx)), FALSE);
    return and(a, notB).length === 0;
  });
}
