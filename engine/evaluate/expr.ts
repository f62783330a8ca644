// Expression evaluation of the reference evaluator: exact rationals and three-valued logic.
// In: a resolved expression, the evaluation state so far, a context (quantifier bindings, the indicator being
// scored). Out: a value (`unknown` carries the missing evidence fields), or an `EvalFailure` thrown.
//
// Three-valued logic: false ∧ unknown = false, true ∨ unknown = true, ¬unknown = unknown; comparisons,
// arithmetic, `in`, `if` and `min`/`max`/`abs` of an unknown are unknown; `known(x)` is false exactly when
// x is unknown. Division by zero and comparing incompatible values throw (the platform becomes invalid).

import type { CallExpr, Expr, PropExpr, QuantDomain, QuantifiedExpr, RefExpr, TableExpr } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import type { QuantElement, Read } from './events';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { EvidenceValue, IndicatorStatus, Truth } from './result';
import { and as kAnd, or as kOr, not as kNot, codeOfTruth, type KleeneOps } from '../semantics/truth';

/** A runtime value. */
export type V =
  | { readonly k: 'num'; readonly q: Rational }
  | { readonly k: 'bool'; readonly b: boolean }
  | { readonly k: 'sym'; readonly s: string }
  | { readonly k: 'obj'; readonly fields: ReadonlyMap<string, EvidenceValue> }
  /** Unknown: `missing` lists the evidence fields whose absence made it so. */
  | { readonly k: 'unknown'; readonly missing: readonly string[] };

/** Thrown when evaluation cannot go on; the platform's outcome becomes `invalid`. */
export class EvalFailure extends Error {
  constructor(
    readonly code: 'E150' | 'E151' | 'E152' | 'E171' | 'E172',
    readonly args: Readonly<Record<string, string | number>>,
  ) {
    super(`${code} ${JSON.stringify(args)}`);
  }
}

export interface IndicatorState {
  readonly status: IndicatorStatus;
  readonly points: Rational | null;
  readonly applicable: boolean;
}
export interface DimensionState {
  readonly score: Rational;
  readonly share: Rational;
  readonly effective: ReadonlyMap<string, Rational>;
}
export interface RuleState {
  readonly truth: Truth;
  readonly missing: readonly string[];
}

/** What has been computed so far, in the model's evaluation order. */
export interface State {
  readonly model: Model;
  /** Evidence values by current id. */
  readonly values: ReadonlyMap<string, EvidenceValue>;
  readonly indicators: Map<string, IndicatorState>;
  readonly dimensions: Map<string, DimensionState>;
  total: Rational | undefined;
  /** Set when a formula total read missing evidence: `total` then reads unknown (and is reported as 0). */
  totalMissing?: readonly string[] | undefined;
  /** Derived values computed so far (unknown ones carry their missing fields); `freshState` makes the Map. */
  readonly derived?: Map<string, V>;
  readonly vetoes: Map<string, RuleState>;
  readonly prerequisites: Map<string, RuleState>;
  /** Expression nodes evaluated so far (see MAX_STEPS). */
  steps: number;
}

/** The state of an assessment before anything is computed. */
export function freshState(model: Model, values: ReadonlyMap<string, EvidenceValue>): State {
  return {
    model,
    values,
    indicators: new Map(),
    dimensions: new Map(),
    total: undefined,
    totalMissing: undefined,
    derived: new Map(),
    vetoes: new Map(),
    prerequisites: new Map(),
    steps: 0,
  };
}

/**
 * Most expression nodes one assessment may evaluate. Nested quantifiers multiply (a hostile ruleset could
 * nest 60 of them); past this the platform is `invalid` (E152) instead of the evaluator hanging.
 */
export const MAX_STEPS = 5_000_000;

export interface Ctx {
  readonly state: State;
  /** Quantifier bindings, innermost last. */
  readonly bound: readonly { readonly domain: QuantDomain; readonly id: string }[];
  /** The indicator being scored (its object members and `value` are in scope). */
  readonly scoring: string | undefined;
  /** Collected reads, only when tracing. */
  readonly reads: Read[] | undefined;
  /** What is being evaluated, for error messages: `pue`, `V1`, `L3`. */
  readonly where: string;
  /** Collected quantifier elements with their truth, only when tracing (explanations name the failing ones). */
  readonly elements?: QuantElement[] | undefined;
}

export const UNKNOWN_NONE: V = { k: 'unknown', missing: [] };
const TRUE: V = { k: 'bool', b: true };
const FALSE: V = { k: 'bool', b: false };

const literalCache = new WeakMap<Expr, Rational>();
function literal(e: Expr & { text: string }, percent: boolean): Rational {
  let q = literalCache.get(e);
  if (!q) {
    q = Rational.parse(e.text) ?? Rational.ZERO;
    if (percent) q = q.div(Rational.HUNDRED);
    literalCache.set(e, q);
  }
  return q;
}

export function fromEvidence(v: EvidenceValue): V {
  switch (v.kind) {
    case 'num':
      return { k: 'num', q: v.q };
    case 'bool':
      return { k: 'bool', b: v.b };
    case 'sym':
      return { k: 'sym', s: v.s };
    case 'obj':
      return { k: 'obj', fields: v.fields };
    default:
      return assertNever(v, 'evidence value');
  }
}

export function truthOf(v: V, where: string): Truth {
  if (v.k === 'bool') return v.b;
  if (v.k === 'unknown') return 'unknown';
  throw new EvalFailure('E152', { where, detail: `expected a condition, found ${kindName(v)}` });
}

export function missingOf(v: V): readonly string[] {
  return v.k === 'unknown' ? v.missing : [];
}

function kindName(v: V): string {
  switch (v.k) {
    case 'num':
      return `number ${v.q.toDecimalString()}`;
    case 'bool':
      return `boolean ${v.b}`;
    case 'sym':
      return `enum value ${v.s}`;
    case 'obj':
      return 'object';
    case 'unknown':
      return 'unknown';
    default:
      return assertNever(v, 'value');
  }
}

function unknownOf(...vs: V[]): V {
  const missing = new Set<string>();
  for (const v of vs) if (v.k === 'unknown') for (const m of v.missing) missing.add(m);
  return { k: 'unknown', missing: [...missing] };
}

function num(v: V, ctx: Ctx): Rational {
  if (v.k === 'num') return v.q;
  throw new EvalFailure('E152', { where: ctx.where, detail: `expected a number, found ${kindName(v)}` });
}

/** Compares two known values; ordering is defined on numbers only. */
export function compareValues(op: string, a: V, b: V, ctx: Ctx): V {
  if (a.k === 'unknown' || b.k === 'unknown') return unknownOf(a, b);
  if (a.k === 'num' && b.k === 'num') {
    const c = a.q.cmp(b.q);
    switch (op) {
      case '=':
        return bool(c === 0);
      case '!=':
        return bool(c !== 0);
      case '<':
        return bool(c < 0);
      case '<=':
        return bool(c <= 0);
      case '>':
        return bool(c > 0);
      case '>=':
        return bool(c >= 0);
    }
  }
  if ((op === '=' || op === '!=') && a.k === b.k && (a.k === 'sym' || a.k === 'bool')) {
    const same = a.k === 'sym' ? a.s === (b as { s: string }).s : a.b === (b as { b: boolean }).b;
    return bool(op === '=' ? same : !same);
  }
  throw new EvalFailure('E152', { where: ctx.where, detail: `${kindName(a)} ${op} ${kindName(b)}` });
}

function bool(b: boolean): V {
  return b ? TRUE : FALSE;
}

/** The reference's values under the one three-valued logic (engine/semantics/truth.ts). */
const LOGIC: KleeneOps<V, Ctx> = {
  TRUE,
  FALSE,
  code: (v, ctx) => codeOfTruth(truthOf(v, ctx.where)),
  join: (_op, a, b) => unknownOf(a, b),
  negate: (v) => v,
};

function and(a: V, b: V, ctx: Ctx): V {
  return kAnd(LOGIC, a, b, ctx);
}
function or(a: V, b: V, ctx: Ctx): V {
  return kOr(LOGIC, a, b, ctx);
}

function member(v: EvidenceValue | undefined, members: readonly string[]): EvidenceValue | undefined {
  let cur = v;
  for (const m of members) {
    if (!cur || cur.kind !== 'obj') return undefined;
    cur = cur.fields.get(m);
  }
  return cur;
}

/** A value as the evidence-value shape results and reads use; undefined when unknown (or an object). */
export function shownValue(v: V): EvidenceValue | undefined {
  switch (v.k) {
    case 'num':
      return { kind: 'num', q: v.q };
    case 'bool':
      return { kind: 'bool', b: v.b };
    case 'sym':
      return { kind: 'sym', s: v.s };
    case 'obj':
      return { kind: 'obj', fields: v.fields };
    case 'unknown':
      return undefined;
    default:
      return assertNever(v, 'value');
  }
}

function ref(e: RefExpr, ctx: Ctx): V {
  const t = ctx.state.model.resolution.refs.get(e);
  if (!t) throw new EvalFailure('E152', { where: ctx.where, detail: `unresolved name ${e.path.map((n) => n.name).join('.')}` });
  switch (t.kind) {
    case 'symbol':
      return { k: 'sym', s: t.value };
    case 'derived': {
      const v = ctx.state.derived?.get(t.id);
      if (!v) throw new EvalFailure('E152', { where: ctx.where, detail: `derived value ${t.id} is not computed yet` });
      ctx.reads?.push({ kind: 'derived', id: t.id, value: shownValue(v), missing: missingOf(v) });
      return v;
    }
    case 'input':
    case 'indicator':
    case 'field': {
      const id = t.kind === 'field' ? t.indicator : t.id;
      const members = t.members;
      const v = member(ctx.state.values.get(id), members);
      const path = [id, ...members].join('.');
      ctx.reads?.push({ kind: 'evidence', field: id, path, value: v });
      return v ? fromEvidence(v) : { k: 'unknown', missing: [id] };
    }
    default:
      return assertNever(t, 'reference');
  }
}

function prop(e: PropExpr, ctx: Ctx): V {
  const t = ctx.state.model.resolution.props.get(e);
  if (!t) throw new EvalFailure('E152', { where: ctx.where, detail: `unresolved property ${e.prop}` });
  const id = t.id ?? ctx.bound[ctx.bound.length - 1]?.id;
  if (id === undefined) throw new EvalFailure('E152', { where: ctx.where, detail: `${e.prop} outside a quantifier` });
  const st = ctx.state;
  const missingNode = (what: string): never => {
    throw new EvalFailure('E152', { where: ctx.where, detail: `${what} ${id} is not computed yet` });
  };
  let out: V;
  let shown: Rational | boolean | EvidenceValue | null;
  switch (t.domain) {
    case 'dimension': {
      const dim = st.model.dimensionsById.get(id);
      if (t.prop === 'weight') {
        const w = dim?.weight ?? Rational.ZERO;
        out = { k: 'num', q: w };
        shown = w;
        break;
      }
      const d = st.dimensions.get(id) ?? missingNode('dimension');
      const q = t.prop === 'score' ? d.score : d.share;
      out = { k: 'num', q };
      shown = q;
      break;
    }
    case 'indicator': {
      if (t.prop === 'value') {
        const v = st.values.get(id);
        out = v ? fromEvidence(v) : { k: 'unknown', missing: [id] };
        shown = v ?? null;
        break;
      }
      if (t.prop === 'weight') {
        const dim = st.model.indicatorsById.get(id)?.dimension ?? '';
        const w = (st.dimensions.get(dim) ?? missingNode('dimension')).effective.get(id) ?? Rational.ZERO;
        out = { k: 'num', q: w };
        shown = w;
        break;
      }
      const s = st.indicators.get(id) ?? missingNode('indicator');
      out = s.points === null ? UNKNOWN_NONE : { k: 'num', q: s.points };
      shown = s.points;
      break;
    }
    case 'veto':
    case 'prerequisite': {
      const r = (t.domain === 'veto' ? st.vetoes : st.prerequisites).get(id) ?? missingNode(t.domain);
      const b = t.prop === 'decided' ? r.truth !== 'unknown' : r.truth === true;
      out = bool(b);
      shown = b;
      break;
    }
    default:
      return assertNever(t.domain, 'domain');
  }
  ctx.reads?.push({ kind: 'prop', domain: t.domain, prop: t.prop, id, value: shown });
  return out;
}

/** Elements of a quantifier's domain. Not-applicable indicators are not in the `indicator` domain. */
function elements(e: QuantifiedExpr, ctx: Ctx): string[] {
  const m = ctx.state.model;
  const q = m.resolution.quantifiers.get(e);
  switch (e.domain) {
    case 'dimension':
      return m.dimensions.map((d) => d.id);
    case 'indicator':
      return m.indicators
        .filter((i) => q?.within === undefined || i.dimension === q.within)
        .filter((i) => ctx.state.indicators.get(i.id)?.applicable !== false)
        .map((i) => i.id);
    case 'veto':
      return m.vetoes.map((v) => v.id);
    case 'prerequisite':
      return m.prerequisites.map((p) => p.id);
    default:
      return assertNever(e.domain, 'domain');
  }
}

export function evalExpr(e: Expr, ctx: Ctx): V {
  if (++ctx.state.steps > MAX_STEPS) {
    throw new EvalFailure('E152', { where: ctx.where, detail: `evaluation takes more than ${MAX_STEPS} steps` });
  }
  switch (e.kind) {
    case 'Num':
      return { k: 'num', q: literal(e, false) };
    case 'Percent':
      return { k: 'num', q: literal(e, true) };
    case 'Bool':
      return bool(e.value);
    case 'Error':
      throw new EvalFailure('E152', { where: ctx.where, detail: 'syntax error' });
    case 'Total': {
      const unknownTotal = ctx.state.totalMissing;
      if (unknownTotal) return { k: 'unknown', missing: unknownTotal };
      const t = ctx.state.total;
      if (!t) throw new EvalFailure('E152', { where: ctx.where, detail: 'total is not computed yet' });
      ctx.reads?.push({ kind: 'total', value: t });
      return { k: 'num', q: t };
    }
    case 'Ref':
      return ref(e, ctx);
    case 'Prop':
      return prop(e, ctx);
    case 'Call': {
      if (e.fn === 'ceil' || e.fn === 'floor' || e.fn === 'round') return toStep(e, ctx);
      const args = e.args.map((a) => evalExpr(a, ctx));
      if (e.fn === 'known') return bool(args.every((a) => a.k !== 'unknown'));
      if (args.some((a) => a.k === 'unknown')) return unknownOf(...args);
      const qs = args.map((a) => num(a, ctx));
      const [first, ...rest] = qs;
      if (!first) throw new EvalFailure('E152', { where: ctx.where, detail: `${e.fn}() needs an argument` });
      switch (e.fn) {
        case 'min':
          return { k: 'num', q: rest.reduce(Rational.min, first) };
        case 'max':
          return { k: 'num', q: rest.reduce(Rational.max, first) };
        case 'abs':
          return { k: 'num', q: first.abs() };
        default:
          return assertNever(e.fn, 'function');
      }
    }
    case 'Unary': {
      const v = evalExpr(e.operand, ctx);
      if (v.k === 'unknown') return v;
      if (e.op === 'not') return kNot(LOGIC, v, ctx);
      return { k: 'num', q: num(v, ctx).neg() };
    }
    case 'Binary': {
      const a = evalExpr(e.left, ctx);
      const b = evalExpr(e.right, ctx);
      if (e.op === 'and') return and(a, b, ctx);
      if (e.op === 'or') return or(a, b, ctx);
      if (a.k === 'unknown' || b.k === 'unknown') return unknownOf(a, b);
      const x = num(a, ctx);
      const y = num(b, ctx);
      switch (e.op) {
        case '+':
          return { k: 'num', q: x.add(y) };
        case '-':
          return { k: 'num', q: x.sub(y) };
        case '*':
          return { k: 'num', q: x.mul(y) };
        case '/':
          if (y.isZero()) throw new EvalFailure('E150', { where: ctx.where });
          return { k: 'num', q: x.div(y) };
        case '^':
          return { k: 'num', q: power(x, y, ctx) };
        default:
          return assertNever(e.op, 'operator');
      }
    }
    case 'Compare':
      return compareValues(e.op, evalExpr(e.left, ctx), evalExpr(e.right, ctx), ctx);
    case 'In': {
      const v = evalExpr(e.operand, ctx);
      if (v.k === 'unknown') return v;
      let acc: V = FALSE;
      for (const x of e.set) acc = or(acc, compareValues('=', v, evalExpr(x, ctx), ctx), ctx);
      if (!e.negated || acc.k === 'unknown') return acc;
      return bool(!(truthOf(acc, ctx.where) === true));
    }
    case 'If': {
      const c = evalExpr(e.cond, ctx);
      const t = truthOf(c, ctx.where);
      if (t === 'unknown') return c;
      return evalExpr(t ? e.then : e.otherwise, ctx);
    }
    case 'Table':
      return table(e, ctx);
    case 'Quantified': {
      let acc: V = e.quantifier === 'every' ? TRUE : FALSE;
      for (const id of elements(e, ctx)) {
        const inner: Ctx = { ...ctx, bound: [...ctx.bound, { domain: e.domain, id }] };
        const v = evalExpr(e.body, inner);
        ctx.elements?.push({ domain: e.domain, id, depth: ctx.bound.length, truth: v.k === 'bool' ? v.b : 'unknown' });
        acc = e.quantifier === 'every' ? and(acc, v, ctx) : or(acc, v, ctx);
      }
      return acc;
    }
    default:
      return assertNever(e, 'expression');
  }
}

/** Largest exponent magnitude of `^` (the check reports a larger literal as A324; this guards hand-built trees). */
export const MAX_POWER = 1000;

/** A whole number given as an expression's value (the digits of `round`, the exponent of `^`). */
function wholeNumber(q: Rational, what: string, limit: number, ctx: Ctx): number {
  if (!q.isInteger() || q.abs().gt(Rational.fromInt(limit))) {
    throw new EvalFailure('E152', { where: ctx.where, detail: `${what} must be a whole number within ±${limit}, found ${q.toDecimalString()}` });
  }
  return Number(q.num);
}

/** `x ^ n`: exact; `0 ^ negative` is a division by zero (E150). */
function power(x: Rational, n: Rational, ctx: Ctx): Rational {
  const e = wholeNumber(n, 'the exponent of ^', MAX_POWER, ctx);
  if (e < 0 && x.isZero()) throw new EvalFailure('E150', { where: ctx.where });
  return x.pow(e);
}

/** `ceil(x, d)`, `floor(x, d)`, `round(x, d, mode)`: exact, to multiples of 10^-d (d defaults to 0). */
function toStep(e: CallExpr, ctx: Ctx): V {
  const [xe, de] = e.args;
  if (!xe) throw new EvalFailure('E152', { where: ctx.where, detail: `${e.fn}() needs an argument` });
  const x = evalExpr(xe, ctx);
  const d = de ? evalExpr(de, ctx) : { k: 'num' as const, q: Rational.ZERO };
  if (x.k === 'unknown' || d.k === 'unknown') return unknownOf(x, d);
  const q = num(x, ctx);
  const digits = wholeNumber(num(d, ctx), `the digits of ${e.fn}()`, MAX_POWER, ctx);
  switch (e.fn) {
    case 'ceil':
      return { k: 'num', q: q.ceil(digits) };
    case 'floor':
      return { k: 'num', q: q.floor(digits) };
    case 'round':
      if (!e.mode) throw new EvalFailure('E152', { where: ctx.where, detail: 'round() needs a rounding mode' });
      return { k: 'num', q: q.round(digits, e.mode.name) };
    default:
      throw new EvalFailure('E152', { where: ctx.where, detail: `${e.fn}() does not round` });
  }
}

/** A lookup table: the entry whose names equal the keys' enum values, else `else`; an unknown key → unknown. */
function table(e: TableExpr, ctx: Ctx): V {
  const keys = e.keys.map((k) => evalExpr(k, ctx));
  if (keys.some((k) => k.k === 'unknown')) return unknownOf(...keys);
  const syms = keys.map((k) => {
    if (k.k !== 'sym') throw new EvalFailure('E152', { where: ctx.where, detail: `a table key must be an enum value, found ${kindName(k)}` });
    return k.s;
  });
  let fallback: Expr | undefined;
  for (const en of e.entries) {
    if (!Array.isArray(en.key)) {
      fallback ??= en.value;
      continue;
    }
    const names = en.key as readonly { readonly name: string }[];
    if (names.length === syms.length && names.every((n, i) => n.name === syms[i])) return evalExpr(en.value, ctx);
  }
  if (fallback) return evalExpr(fallback, ctx);
  throw new EvalFailure('E152', { where: ctx.where, detail: `no table entry for (${syms.join(', ')})` });
}
