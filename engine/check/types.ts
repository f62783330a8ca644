// Types, units and domains: comparisons of incompatible values, booleans used as numbers, numbers used as
// conditions, `%` literals against 0–100 values, thresholds outside a declared domain, bad type declarations.
// In: a model. Out: A301–A311 diagnostics.

import type { Band, CompareOp, Expr, Span, TypeExpr } from '../../dsl/ast';
import { diag, type DiagArgs, type Diagnostic } from '../../dsl/diagnostics';
import type { IndicatorInfo, Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { ExprType } from '../model/resolve';
import { describeType, sameType, type ValueType } from '../model/value-type';
import { NumSet } from './intervals';
import { constValue, exprRange, outsideHull, typeRange } from './ranges';
import { shown, sites, typeExprs, walk, type Role } from './walk';

const ORDERING: ReadonlySet<CompareOp> = new Set(['<', '<=', '>', '>=']);

/** A number literal or `total`: a number wherever it stands. */
function isNumberLeaf(e: Expr): boolean {
  return e.kind === 'Num' || e.kind === 'Percent' || e.kind === 'Total';
}

function known(t: ExprType | undefined): ValueType | undefined {
  return t && t.kind !== 'unknown' ? t : undefined;
}

/** What a 0–100-scale quantity is called in a message, if `e` is one (a percent value or `points`). */
function hundredScale(e: Expr, m: Model): boolean {
  if (e.kind === 'Prop') return m.resolution.props.get(e)?.prop === 'points';
  const t = known(m.resolution.types.get(e));
  return t?.kind === 'number' && t.base === 'percent' && constValue(e) === undefined;
}

function isShare(e: Expr, m: Model): boolean {
  return e.kind === 'Prop' && m.resolution.props.get(e)?.prop === 'share';
}

/** Why `left op right` cannot be evaluated, if it cannot: A301 or A302. */
function incompatible(op: CompareOp, lt: ValueType, rt: ValueType): 'A301' | 'A302' | undefined {
  if (lt.kind === 'number' && rt.kind === 'number') return undefined;
  if (lt.kind === 'enum' && rt.kind === 'enum') return !sameType(lt, rt) ? 'A301' : ORDERING.has(op) ? 'A302' : undefined;
  if (lt.kind === 'boolean' && rt.kind === 'boolean') return ORDERING.has(op) ? 'A302' : undefined;
  return 'A301';
}

class TypeChecker {
  readonly out: Diagnostic[] = [];
  constructor(private readonly m: Model) {}

  private type(e: Expr): ValueType | undefined {
    return known(this.m.resolution.types.get(e));
  }

  expr(root: Expr, role: Role, own: IndicatorInfo | undefined): void {
    if (role !== 'condition' && isNumberLeaf(root)) return; // most points and bounds: nothing to walk
    walk(root, role, (e, r) => {
      // A number literal or `total` is a number: nothing to report unless a condition is wanted there.
      if (r !== 'condition' && isNumberLeaf(e)) return;
      const t = this.type(e);
      if (t && r === 'number' && t.kind !== 'number') {
        this.out.push(diag('A303', e.span, { text: shown(e), type: describeType(t) }));
      } else if (t && r === 'condition' && t.kind !== 'boolean') {
        this.out.push(diag('A304', e.span, { text: shown(e), type: describeType(t) }));
      }
      if (e.kind === 'Compare') this.compare(e.op, e.left, e.right, e.span, own);
      else if (e.kind === 'In') for (const x of e.set) this.compare('=', e.operand, x, x.span, own);
    });
  }

  /** A comparison `left op right` (also each member of `x in {…}`, and each band against the own value). */
  private compare(op: CompareOp, left: Expr, right: Expr, span: Span, own: IndicatorInfo | undefined): void {
    const lt = this.type(left);
    const rt = this.type(right);
    if (!lt || !rt) return;
    const bad = incompatible(op, lt, rt);
    if (bad === 'A301') {
      this.out.push(diag('A301', span, { left: shown(left), ltype: describeType(lt), right: shown(right), rtype: describeType(rt) }));
      return;
    }
    if (bad === 'A302') {
      const [e, t] = lt.kind !== 'number' ? [left, lt] : [right, rt];
      this.out.push(diag('A302', span, { op, name: shown(e), type: describeType(t) }));
      return;
    }
    if (lt.kind !== 'number') return;
    this.threshold(left, right, own) || this.threshold(right, left, own);
  }

  /** `atom` compared with the constant `c`: unit and domain. True when it reported something. */
  private threshold(atom: Expr, c: Expr, own: IndicatorInfo | undefined): boolean {
    const v = constValue(c);
    if (!v || constValue(atom)) return false;
    if (c.kind === 'Percent' && hundredScale(atom, this.m)) {
      this.out.push(diag('A305', c.span, unitArgs(c.text, shown(atom))));
      return true;
    }
    const range = exprRange(atom, this.m, own);
    if (!outsideHull(range, v)) return false;
    if (isShare(atom, this.m) && c.kind === 'Num') {
      this.out.push(diag('A307', c.span, { value: c.text }));
      return true;
    }
    this.out.push(diag('A306', c.span, { value: v.toDecimalString(), name: shown(atom), domain: range.describe(shown(atom)) }));
    return true;
  }

  /** A `bands` band that compares the indicator's own value with a bound. */
  band(ind: IndicatorInfo, b: Band): void {
    if (b.cond.kind !== 'Compare' || !ind.type) return;
    const own = ind.type;
    const bound = b.cond.bound;
    const bt = this.type(bound);
    if (own.kind === 'object') {
      this.out.push(diag('A311', b.cond.span, { name: ind.id, type: describeType(own) }));
      return;
    }
    this.expr(bound, 'any', ind);
    if (!bt) return;
    const bad = incompatible(b.cond.op, own, bt);
    if (bad === 'A301') {
      this.out.push(diag('A301', b.cond.span, { left: ind.id, ltype: describeType(own), right: shown(bound), rtype: describeType(bt) }));
      return;
    }
    if (bad === 'A302') {
      this.out.push(diag('A302', b.cond.span, { op: b.cond.op, name: ind.id, type: describeType(own) }));
      return;
    }
    if (own.kind !== 'number') return;
    const v = constValue(bound);
    if (!v) return;
    if (bound.kind === 'Percent' && own.base === 'percent') {
      this.out.push(diag('A305', bound.span, unitArgs(bound.text, ind.id)));
      return;
    }
    const range = typeRange(own);
    if (outsideHull(range, v)) {
      this.out.push(diag('A306', bound.span, { value: v.toDecimalString(), name: ind.id, domain: range.describe(ind.id) }));
    }
  }

  /** A declared type: empty domains, percents beyond 0–100, values or members listed twice. */
  typeDecl(owner: string, t: TypeExpr): void {
    if (t.kind === 'Scalar' && t.domain && t.name !== 'boolean') {
      const d = t.domain;
      if (d.kind === 'Range') {
        const lo = Rational.parse(d.min.text);
        const hi = Rational.parse(d.max.text);
        const set = lo && hi ? NumSet.range({ value: lo, inclusive: true }, { value: hi, inclusive: true }, t.name === 'integer') : undefined;
        if (set?.isEmpty()) this.out.push(diag('A308', d.span, { name: owner, domain: `${d.min.text} to ${d.max.text}` }));
        if (t.name === 'percent' && hi && hi.gt(Rational.HUNDRED)) this.out.push(diag('A309', d.max.span, { name: owner, value: d.max.text }));
      } else if (t.name === 'percent') {
        // A percent is 0 to 100 already: a bound beyond 100 either empties the domain or widens nothing.
        const v = Rational.parse(d.value.text);
        const lower = d.op === '>=' || d.op === '>';
        if (v && lower && (v.gt(Rational.HUNDRED) || (d.op === '>' && v.eq(Rational.HUNDRED)))) {
          this.out.push(diag('A308', d.span, { name: owner, domain: `percent ${d.op} ${d.value.text}` }));
        } else if (v && d.op === '<' && v.eq(Rational.ZERO)) {
          this.out.push(diag('A308', d.span, { name: owner, domain: `percent ${d.op} ${d.value.text}` }));
        } else if (v && !lower && v.gt(Rational.HUNDRED)) {
          this.out.push(diag('A309', d.value.span, { name: owner, value: d.value.text }));
        }
      }
      return;
    }
    if (t.kind === 'Scalar') return;
    const seen = new Map<string, Span>();
    const names = t.kind === 'Enum' ? t.values : t.fields.map((f) => f.name);
    for (const n of names) {
      const first = seen.get(n.name);
      if (first) this.out.push(diag('A310', n.span, { value: n.name, name: owner }, { related: [{ span: first, code: 'A901' }] }));
      else seen.set(n.name, n.span);
    }
  }
}

function unitArgs(text: string, name: string): DiagArgs {
  const q = Rational.parse(text);
  return { literal: `${text}%`, ratio: q ? q.div(Rational.HUNDRED).toDecimalString() : text, name, plain: text };
}

/** A301–A311 over every expression and type declaration of the ruleset. */
export function checkTypes(m: Model): Diagnostic[] {
  const c = new TypeChecker(m);
  for (const t of typeExprs(m)) c.typeDecl(t.owner, t.type);
  for (const s of sites(m)) c.expr(s.expr, s.role, s.own);
  const problems = bandProblems(m);
  for (const ind of m.indicators) {
    const s = ind.decl.scoring;
    if (s?.kind !== 'Bands') continue;
    for (const b of s.bands) {
      const before = c.out.length;
      c.band(ind, b);
      problems.set(b, c.out.length > before);
    }
  }
  return c.out;
}

/**
 * Whether each band has a type problem, per model: `checkTypes` finds out while reporting them, and
 * `checkBands` asks again for every band of a big ruleset.
 */
const BAND_PROBLEMS = new WeakMap<Model, Map<Band, boolean>>();

function bandProblems(m: Model): Map<Band, boolean> {
  let p = BAND_PROBLEMS.get(m);
  if (p === undefined) {
    p = new Map();
    BAND_PROBLEMS.set(m, p);
  }
  return p;
}

/** True when a comparison somewhere in `e` has a type, unit or domain problem (other checks then stay quiet). */
export function hasTypeProblem(e: Expr, m: Model, own?: IndicatorInfo): boolean {
  const c = new TypeChecker(m);
  c.expr(e, 'condition', own);
  return c.out.length > 0;
}

/** True when a band of `ind` that compares its own value has a type, unit or domain problem. */
export function bandTypeProblem(m: Model, ind: IndicatorInfo, b: Band): boolean {
  const problems = bandProblems(m);
  let p = problems.get(b);
  if (p === undefined) {
    const c = new TypeChecker(m);
    c.band(ind, b);
    p = c.out.length > 0;
    problems.set(b, p);
  }
  return p;
}
