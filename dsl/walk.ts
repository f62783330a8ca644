// The one child-walker over the AST's expressions (after TypeScript's `forEachChild`): which sub-expressions each
// kind has, and where expressions sit in each declaration. In: an `Expr` or a `TopItem`. Out: calls, in source order.

import type { Expr, IndicatorDecl, Points, TopItem } from './ast';
import { assertNever } from './ast';

/**
 * Calls `visit(child, ctx)` on each direct sub-expression of `e`, in source order. A table's keys (`AV`, `(PR, S)`:
 * names that are read) come before its entry values; an entry's key names are enum values, not expressions. `round`'s
 * mode is a word, not an expression. `ctx` is passed through so that a walk allocates nothing.
 */
export function forEachChild<C>(e: Expr, visit: (child: Expr, ctx: C) => void, ctx: C): void {
  switch (e.kind) {
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Ref':
    case 'Total':
    case 'Prop':
    case 'Error':
      return;
    case 'Call':
      for (const a of e.args) visit(a, ctx);
      return;
    case 'Unary':
      visit(e.operand, ctx);
      return;
    case 'Binary':
    case 'Compare':
      visit(e.left, ctx);
      visit(e.right, ctx);
      return;
    case 'In':
      visit(e.operand, ctx);
      for (const x of e.set) visit(x, ctx);
      return;
    case 'If':
      visit(e.cond, ctx);
      visit(e.then, ctx);
      visit(e.otherwise, ctx);
      return;
    case 'Quantified':
      visit(e.body, ctx);
      return;
    case 'Table':
      for (const k of e.keys) visit(k, ctx);
      for (const entry of e.entries) visit(entry.value, ctx);
      return;
    default:
      assertNever(e, 'expression');
  }
}

function collect(child: Expr, out: Expr[]): void {
  out.push(child);
}

/** The direct sub-expressions of `e`, in source order (see `forEachChild`). */
export function childrenOf(e: Expr): Expr[] {
  const out: Expr[] = [];
  forEachChild(e, collect, out);
  return out;
}

/**
 * Calls `f` on `e` and on every expression below it, pre-order, in source order. Iterative (an explicit stack), so a
 * chain as deep as the parser allows never overflows the call stack. `f` returning `false` skips that node's children.
 */
export function walkExpr(e: Expr, f: (e: Expr) => boolean | void): void {
  const stack: Expr[] = [e];
  const kids: Expr[] = [];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (f(x) === false) continue;
    kids.length = 0;
    forEachChild(x, collect, kids);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expr);
  }
}

function pointsExprs(p: Points, visit: (e: Expr) => void): void {
  visit(p.value);
  if (p.when) visit(p.when);
  if (p.otherwise) visit(p.otherwise);
}

/** Calls `visit` on each top-level expression of an indicator: `applies when`, then its scoring's, in source order. */
export function forEachIndicatorExpr(ind: IndicatorDecl, visit: (e: Expr) => void): void {
  if (ind.applies) visit(ind.applies);
  const s = ind.scoring;
  if (!s) return;
  switch (s.kind) {
    case 'Bands':
      for (const b of s.bands) {
        if (b.cond.kind === 'Compare') visit(b.cond.bound);
        else if (b.cond.kind === 'Cond') visit(b.cond.expr);
        pointsExprs(b.points, visit);
      }
      return;
    case 'Map':
      for (const en of s.entries) pointsExprs(en.points, visit);
      return;
    case 'Formula':
      visit(s.expr);
      return;
    default:
      assertNever(s, 'scoring');
  }
}

/** Calls `visit` on each top-level expression of a declaration (a derive's or the total's formula, a level's requires, …). */
export function forEachItemExpr(item: TopItem, visit: (e: Expr) => void): void {
  switch (item.kind) {
    case 'Method':
    case 'Input':
      return;
    case 'Derive':
    case 'TotalFormula':
      visit(item.formula);
      return;
    case 'Dimension':
      for (const ind of item.indicators) forEachIndicatorExpr(ind, visit);
      return;
    case 'Prerequisite':
      for (const r of item.requires) visit(r);
      return;
    case 'Veto':
      if (item.when) visit(item.when);
      return;
    case 'Levels':
      for (const l of item.levels) for (const r of l.requires) visit(r);
      return;
    default:
      assertNever(item, 'declaration');
  }
}
