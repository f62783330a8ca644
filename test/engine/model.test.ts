// The semantic model and name resolution: what each name means, and the A2xx diagnostics for what cannot be
// evaluated. In: DSL snippets. Out: diagnostic codes with the text they underline, and resolved targets.

import { describe, expect, it } from 'vitest';
import type { CompareExpr, Expr, RefExpr } from '../../dsl/ast';
import { compile, diags, ok, rs, single } from './helpers';

const D = (body: string) =>
  rs(`
input mainland_ops: boolean
input months: integer >= 0
dimension A {
  weight 100
  indicator lvl {
    weight 60
    type enum { L3, L4, none }
    map {
      L3: 80
      L4: 100
      none: 0
    }
  }
  indicator frame {
    weight 40
    type object { frameworks: integer >= 0, archs: integer >= 0 }
    bands {
      frameworks >= 2: 100
      else: 0
    }
  }
}
${body}`);

describe('unknown names (A201)', () => {
  it('underlines the name and suggests the closest declared one', () => {
    const src = D('prerequisite P { require monhts >= 6 }');
    expect(diags(src)).toEqual(['A201 `monhts`']);
    const d = compile(src).diagnostics.find((x) => x.code === 'A201');
    expect(d?.args['suggestion']).toBe('months');
    expect(d?.related?.map((r) => [r.code, src.slice(r.span.start, r.span.end)])).toEqual([['A902', 'months']]);
  });

  it('gives no suggestion when nothing is close', () => {
    const d = compile(D('prerequisite P { require zzzzzzzz }')).diagnostics.find((x) => x.code === 'A201');
    expect(d?.args['suggestion']).toBeUndefined();
    expect(d?.related).toBeUndefined();
  });

  it('an enum value is only a name where the other side has that enum type', () => {
    expect(diags(D('prerequisite P { require lvl = L3 }'))).toEqual([]);
    expect(diags(D('prerequisite P { require L3 = lvl }'))).toEqual([]);
    expect(diags(D('prerequisite P { require lvl in {L3, L4} }'))).toEqual([]);
    expect(diags(D('prerequisite P { require lvl = L5 }'))).toEqual(['A201 `L5`']);
    expect(diags(D('prerequisite P { require months = L3 }'))).toEqual(['A201 `L3`']);
  });

  it('object members are in scope in the object indicator’s scoring only; dotted paths elsewhere', () => {
    expect(diags(D('prerequisite P { require frameworks >= 2 }'))).toEqual(['A201 `frameworks`']);
    expect(diags(D('prerequisite P { require frame.frameworks >= 2 }'))).toEqual([]);
    expect(diags(D('prerequisite P { require frame.framewrks >= 2 }'))).toEqual(['A215 `framewrks`']);
    expect(diags(D('prerequisite P { require months.x >= 2 }'))).toEqual(['A216 `x`']);
  });

  it('a former id is not a name in expressions; the current id is suggested', () => {
    const src = rs(`
dimension A {
  weight 100
  indicator hot {
    weight 100
    type percent
    formerly redundancy
    bands {
      else: 100
    }
  }
}
prerequisite P { require redundancy > 1 }`);
    const d = compile(src).diagnostics.find((x) => x.code === 'A201');
    expect(d?.args['suggestion']).toBe('hot');
  });

  it('warns when an enum value shadows an input of the same name (A214)', () => {
    const src = rs(`
input none: boolean
input e: enum { some_value, none }
prerequisite P { require e = none }`);
    expect(diags(src)).toEqual(['A214 `none`']);
    expect(compile(src).diagnostics.find((d) => d.code === 'A214')?.severity).toBe('warning');
  });
});

describe('resolution results', () => {
  it('records what each name denotes', () => {
    const r = ok(D('prerequisite P { require lvl = L3 and mainland_ops }'));
    const p = r.model.prerequisitesById.get('P');
    const e = p?.requires[0] as Expr & { kind: 'Binary'; left: CompareExpr; right: RefExpr };
    const res = r.model.resolution;
    expect(res.refs.get(e.left.left as RefExpr)).toMatchObject({ kind: 'indicator', id: 'lvl' });
    expect(res.refs.get(e.left.right as RefExpr)).toMatchObject({ kind: 'symbol', value: 'L3' });
    expect(res.refs.get(e.right)).toMatchObject({ kind: 'input', id: 'mainland_ops' });
  });

  it('indexes declarations in order and by id, with resolved types and weights', () => {
    const m = ok(D('')).model;
    expect(m.dimensions.map((d) => d.id)).toEqual(['A']);
    expect(m.indicators.map((i) => [i.id, i.dimension, i.weight.toFraction()])).toEqual([
      ['lvl', 'A', '60'],
      ['frame', 'A', '40'],
    ]);
    expect(m.indicatorsById.get('lvl')?.type).toEqual({ kind: 'enum', values: ['L3', 'L4', 'none'] });
    expect(m.inputsById.get('months')?.type).toMatchObject({ kind: 'number', base: 'integer' });
    expect(m.fields.get('months')?.kind).toBe('input');
    expect(m.total.toFraction()).toBe('100');
  });
});

describe('duplicates (A202)', () => {
  it('reports the second declaration, with the first as related information', () => {
    const src = rs(`
input a: boolean
input a: integer`);
    expect(diags(src)).toEqual(['A202 `a`']);
    const d = compile(src).diagnostics[0];
    expect(d?.related?.map((r) => [r.code, src.slice(r.span.start, r.span.end)])).toEqual([['A901', 'a']]);
    expect(src.indexOf('a: boolean')).toBe(d?.related?.[0]?.span.start);
  });

  it('inputs, indicators, former ids and dimensions share a namespace; vetoes and prerequisites another', () => {
    const src = rs(`
input x: boolean
dimension A {
  weight 100
  indicator x {
    weight 50
    type percent
    bands {
      else: 100
    }
  }
  indicator y {
    weight 50
    type percent
    formerly A
    bands {
      else: 100
    }
  }
}
veto V { when x }
prerequisite V { require x }
method M { }
method M { }`);
    expect(diags(src)).toEqual(['A202 `x`', 'A202 `A`', 'A202 `V`', 'A202 `M`']);
  });
});

describe('methods, properties, quantifiers (A203–A206, A217)', () => {
  it('unknown method, with a suggestion', () => {
    const src = rs(`
method DR { }
dimension A {
  weight 100
  indicator x {
    weight 100
    type percent
    methods DR, DX
    bands {
      else: 100
    }
  }
}`);
    expect(diags(src)).toEqual(['A203 `DX`']);
    expect(compile(src).diagnostics[0]?.args['suggestion']).toBe('DR');
  });

  it('property of an unknown dimension, veto or prerequisite (A204)', () => {
    expect(diags(D('prerequisite P { require share(B) >= 50% }'))).toEqual(['A204 `B`']);
    expect(diags(D('prerequisite P { require fired(V9) }'))).toEqual(['A204 `V9`']);
    expect(diags(D('prerequisite P { require points(lvll) > 1 }'))).toEqual(['A204 `lvll`']);
    expect(diags(D('prerequisite P { require every indicator in Q: points > 1 }'))).toEqual(['A204 `Q`']);
    expect(diags(D('prerequisite P { require score(A) > 1 and weight(lvl) > 1 and holds(P) }'))).toEqual([
      'A211 `P`',
    ]);
  });

  it('a property without argument outside a quantifier, or in the wrong one (A205)', () => {
    expect(diags(D('prerequisite P { require share >= 50% }'))).toEqual(['A205 `share`']);
    expect(diags(D('prerequisite P { require every veto: share >= 50% }'))).toEqual(['A205 `share`']);
    expect(diags(D('prerequisite P { require every dimension: share >= 50% }'))).toEqual([]);
  });

  it('`value` without argument outside scoring (A206)', () => {
    expect(diags(D('prerequisite P { require value > 1 }'))).toEqual(['A206 `value`']);
    expect(diags(single('number', 'formula min(100, value)'))).toEqual([]);
  });

  it('`in <dimension>` only with indicator quantifiers (A217)', () => {
    expect(diags(D('prerequisite P { require every veto in A: fired }'))).toEqual(['A217 `A`']);
  });
});

describe('missing clauses (A207–A210, A212)', () => {
  it('an indicator without type, weight or scoring; a dimension without weight; a veto without condition', () => {
    const src = rs(`
dimension A {
  indicator x {
    weight 100
    bands {
      else: 100
    }
  }
  indicator y {
    type percent
  }
}`);
    expect(diags(src)).toEqual(['A210 `A`', 'A207 `x`', 'A208 `y`', 'A209 `y`']);
  });
});

describe('dependency order and cycles (A211)', () => {
  it('a prerequisite may read a veto declared after it', () => {
    const src = rs(`
input a: boolean
prerequisite P { require not fired(V) }
veto V { when a }`);
    const r = ok(src);
    const order = r.model.order.map((n) => ('id' in n ? n.id : n.kind));
    expect(order.indexOf('V')).toBeLessThan(order.indexOf('P'));
    expect(r.assess({ platform: 'p', evidence: { a: true } }).prerequisites[0]?.truth).toBe(false);
  });

  it('a veto that reads a prerequisite that reads it is a cycle', () => {
    const src = rs(`
input a: boolean
prerequisite P { require not fired(V) }
veto V { when holds(P) and a }`);
    expect(diags(src)).toEqual(['A211 `V`']);
    expect(compile(src).diagnostics[0]?.args['cycle']).toBe('V → P → V');
    expect(compile(src).ruleset).toBeUndefined();
  });

  it('an indicator formula that reads the total is a cycle', () => {
    expect(diags(single('number', 'formula min(100, total)'))).toEqual(['A211 `x`']);
  });
});
