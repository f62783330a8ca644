// Where expressions sit in a ruleset, and what each place expects of them: the roots the checks start from.
// In: a model. Out: `Site`s (expression, expected role, the indicator being scored) and a child walker.

import type { Expr, Points, Span, TypeExpr } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { printExpr } from '../../dsl/printer';
import { forEachChild as eachChild } from '../../dsl/walk';
import type { IndicatorInfo, Model } from '../model/model';
import type { ValueType } from '../model/value-type';

/** What a place needs: a condition (true/false), a number, or anything (an operand of a comparison). */
export type Role = 'condition' | 'number' | 'any';

export interface Site {
  readonly expr: Expr;
  readonly role: Role;
  /** The indicator whose scoring this is (its members and `value` are in scope). */
  readonly own?: IndicatorInfo;
}

function pointsSites(p: Points, own: IndicatorInfo, out: Site[]): void {
  out.push({ expr: p.value, role: 'number', own });
  if (p.when) out.push({ expr: p.when, role: 'condition', own });
  if (p.otherwise) out.push({ expr: p.otherwise, role: 'number', own });
}

/** What a formula must give for a declared type: a number, a condition, or (enum, undeclared) anything. */
function roleOf(t: ValueType | undefined): Role {
  if (t === undefined) return 'any';
  switch (t.kind) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'condition';
    case 'enum':
    case 'object':
      return 'any';
    default:
      return assertNever(t, 'value type');
  }
}

/** Every top-level expression of the ruleset, with the role its place gives it. Band bounds are left out. */
export function sites(m: Model): Site[] {
  const out: Site[] = [];
  for (const ind of m.indicators) {
    const d = ind.decl;
    if (d.applies) out.push({ expr: d.applies, role: 'condition' });
    const s = d.scoring;
    if (!s) continue;
    switch (s.kind) {
      case 'Bands':
        for (const b of s.bands) {
          if (b.cond.kind === 'Cond') out.push({ expr: b.cond.expr, role: 'condition', own: ind });
          pointsSites(b.points, ind, out);
        }
        break;
      case 'Map':
        for (const en of s.entries) pointsSites(en.points, ind, out);
        break;
      case 'Formula':
        out.push({ expr: s.expr, role: 'number', own: ind });
        break;
      default:
        assertNever(s, 'scoring');
    }
  }
  for (const d of m.derived) out.push({ expr: d.decl.formula, role: roleOf(d.declared) });
  if (m.totalFormula) out.push({ expr: m.totalFormula.decl.formula, role: 'number' });
  for (const v of m.vetoes) if (v.when) out.push({ expr: v.when, role: 'condition' });
  for (const p of m.prerequisites) for (const r of p.requires) out.push({ expr: r, role: 'condition' });
  for (const l of m.levels) for (const r of l.requires) out.push({ expr: r, role: 'condition' });
  return out;
}

/**
 * Calls `visit(child, itsRole, ctx)` on each direct sub-expression of `e`. Which sub-expressions an expression has
 * is dsl/walk.ts's to say; this adds only the role each one has (`roleOfChild`).
 */
export function forEachChild<C>(e: Expr, role: Role, visit: (child: Expr, role: Role, ctx: C) => void, ctx: C): void {
  eachChild(e, withRole, { parent: e, role, visit, ctx });
}

interface Frame<C> {
  readonly parent: Expr;
  readonly role: Role;
  readonly visit: (child: Expr, role: Role, ctx: C) => void;
  readonly ctx: C;
}

function withRole<C>(child: Expr, f: Frame<C>): void {
  f.visit(child, roleOfChild(f.parent, child, f.role), f.ctx);
}

/** The role `child` has as a direct sub-expression of `parent`, itself in the role `role`. */
export function roleOfChild(parent: Expr, child: Expr, role: Role): Role {
  switch (parent.kind) {
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Ref':
    case 'Total':
    case 'Prop':
    case 'Error':
      return 'any';
    case 'Call':
      return parent.fn === 'known' ? 'any' : 'number';
    case 'Unary':
      return parent.op === 'not' ? 'condition' : 'number';
    case 'Binary':
      return parent.op === 'and' || parent.op === 'or' ? 'condition' : 'number';
    case 'Compare':
    case 'In':
      return 'any';
    case 'If':
      return child === parent.cond ? 'condition' : role;
    case 'Quantified':
      return 'condition';
    case 'Table':
      return (parent.keys as readonly Expr[]).includes(child) ? 'any' : role;
    default:
      return assertNever(parent, 'expression');
  }
}

/** The direct sub-expressions of `e`, each with the role it has there. */
export function children(e: Expr, role: Role): { expr: Expr; role: Role }[] {
  const out: { expr: Expr; role: Role }[] = [];
  forEachChild(e, role, collect, out);
  return out;
}

function collect(expr: Expr, role: Role, out: { expr: Expr; role: Role }[]): void {
  out.push({ expr, role });
}

/** Calls `f` on `e` and every sub-expression (pre-order, in the order of `children`), with roles. */
export function walk(e: Expr, role: Role, f: (e: Expr, role: Role) => void): void {
  f(e, role);
  forEachChild(e, role, walk, f);
}

/** Every type expression of inputs and indicators (object members included), with its owner's id. */
export function typeExprs(m: Model): { owner: string; type: TypeExpr; span: Span }[] {
  const out: { owner: string; type: TypeExpr; span: Span }[] = [];
  const add = (owner: string, t: TypeExpr): void => {
    out.push({ owner, type: t, span: t.span });
    if (t.kind === 'Object') for (const f of t.fields) add(`${owner}.${f.name.name}`, f.type);
  };
  for (const i of m.inputs) add(i.id, i.decl.type);
  for (const i of m.indicators) if (i.decl.type) add(i.id, i.decl.type);
  for (const d of m.derived) if (d.decl.type) add(d.id, d.decl.type);
  if (m.totalFormula?.decl.type) add('total', m.totalFormula.decl.type);
  return out;
}

/** An expression as canonical source text, shortened for messages. */
export function shown(e: Expr, max = 60): string {
  const s = printExpr(e).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
