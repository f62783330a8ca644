// The child-walker (dsl/walk.ts) visits every sub-expression of every kind, and every expression of every
// declaration: checked against a reflective scan of the nodes, so a kind or field added without being walked fails.

import { describe, expect, it } from 'vitest';
import { NO_SPAN, type Expr, type TopItem } from '../../dsl/ast';
import { childrenOf, forEachItemExpr, walkExpr } from '../../dsl/walk';
import { HEADER, parseExpr, parseOk } from './helpers';

/** One source text per expression kind: the `Record` makes the compiler demand a sample for every kind there is. */
const SAMPLES: Readonly<Record<Expr['kind'], () => Expr>> = {
  Num: () => parseExpr('1'),
  Percent: () => parseExpr('80%'),
  Bool: () => parseExpr('true'),
  Ref: () => parseExpr('a.b'),
  Total: () => parseExpr('total'),
  Prop: () => parseExpr('share(A)'),
  Call: () => parseExpr('round(x + 1, 2, half_even)'),
  Unary: () => parseExpr('not a'),
  Binary: () => parseExpr('a ^ 2'),
  Compare: () => parseExpr('a >= b'),
  In: () => parseExpr('a not in {b, c}'),
  If: () => parseExpr('if a then b else c'),
  Quantified: () => parseExpr('every indicator in D: points >= 50'),
  Table: () => parseExpr('table (PR, S) { (N, U): 0.85, (L, C): x + 1, else: 0 }'),
  Error: () => ({ kind: 'Error', span: NO_SPAN }),
};
const EXPR_KINDS: ReadonlySet<string> = new Set(Object.keys(SAMPLES));

/** Fields that hold no expression although a literal in them has kind `Num` (weights, domains, header numbers). */
const NOT_EXPRESSIONS: ReadonlySet<string> = new Set(['span', 'id', 'label', 'type', 'weight', 'unit', 'note', 'basis', 'methods', 'formerly', 'direction', 'required']);

/** Every expression reachable from `v`'s fields without passing through another expression, found by reflection. */
function exprsBelow(v: unknown, out: unknown[] = []): unknown[] {
  const field = (x: unknown): void => {
    // a band's `>= 10` has kind `Compare` too, with a `bound` where an expression has `left` and `right`
    const isExpr = x !== null && typeof x === 'object' && !Array.isArray(x) && EXPR_KINDS.has(String((x as { kind?: unknown }).kind)) && !('bound' in x);
    if (isExpr) out.push(x);
    else exprsBelow(x, out);
  };
  if (Array.isArray(v)) {
    for (const x of v) field(x);
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!NOT_EXPRESSIONS.has(k)) field(x);
  }
  return out;
}

describe('dsl/walk', () => {
  it('childrenOf gives every direct sub-expression of every kind, in source order', () => {
    for (const [kind, make] of Object.entries(SAMPLES)) {
      const e = make();
      expect(e.kind, kind).toBe(kind);
      const kids = childrenOf(e);
      expect(kids, kind).toEqual(exprsBelow(e));
      for (let i = 1; i < kids.length; i++) expect((kids[i] as Expr).span.start, kind).toBeGreaterThan((kids[i - 1] as Expr).span.start);
    }
  });

  it('walkExpr visits every node once, pre-order, and skips below a node when told', () => {
    const e = parseExpr('if table A { N: x ^ 2, else: -y } > 1 then min(a, b) else round(c, 1, half_up)');
    const seen: string[] = [];
    walkExpr(e, (x) => void seen.push(x.kind));
    expect(seen).toEqual(['If', 'Compare', 'Table', 'Ref', 'Binary', 'Ref', 'Num', 'Unary', 'Ref', 'Num', 'Call', 'Ref', 'Ref', 'Call', 'Ref', 'Num']);
    const pruned: string[] = [];
    walkExpr(e, (x) => (pruned.push(x.kind), x.kind !== 'Compare'));
    expect(pruned).toEqual(['If', 'Compare', 'Call', 'Ref', 'Ref', 'Call', 'Ref', 'Num']);
  });

  it('walkExpr does not overflow the stack on the deepest chain the parser builds', () => {
    const e = parseExpr(Array.from({ length: 250 }, (_, i) => `x${i}`).join(' + ') + ' > 0');
    let n = 0;
    walkExpr(e, () => void n++);
    expect(n).toBe(250 + 249 + 2);
  });

  it('forEachItemExpr gives every top-level expression of every kind of declaration', () => {
    const ast = parseOk(`${HEADER}method DR { label { en "x" } }
input a: number >= 0 { unit "h" }
derive d: number 0 to 1 { formula table A { N: 1, else: 0 } }
total: number { formula d * 10 }
dimension D {
  weight 10
  indicator i {
    weight 5
    type number >= 0
    applies when a > 0
    bands { >= 10: 100  a > 5: 50 when b else 0  else: 0 }
  }
  indicator j { weight 5 type enum { x, y } map { x: 100  y: 50 } }
  indicator k { weight 5 formula min(100, value) }
}
prerequisite P { require a > 1 require known(a) }
veto V { when a > 100 }
levels { level L1 { require total >= 60 } fallback L0 }
`);
    const kinds: Record<TopItem['kind'], number> = { Method: 0, Input: 0, Derive: 0, TotalFormula: 0, Dimension: 0, Prerequisite: 0, Veto: 0, Levels: 0 };
    for (const item of ast.items) {
      kinds[item.kind]++;
      const seen: Expr[] = [];
      forEachItemExpr(item, (e) => void seen.push(e));
      expect(seen, item.kind).toEqual(exprsBelow(item));
    }
    expect(Object.values(kinds).every((n) => n > 0)).toBe(true);
  });
});
