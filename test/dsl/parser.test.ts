// Parser + AST builder on good inputs: every construct of the README, asserted via the canonical form.

import { describe, expect, it } from 'vitest';
import type { DimensionDecl, IndicatorDecl, InputDecl, LevelLadder, MethodDecl, PrerequisiteDecl, Ruleset } from '../../dsl/ast';
import { canonicalNode, toCanonical } from '../../dsl/canonical';
import { HEADER, parseOk, sexpr, sx } from './helpers';
import { SNIPPETS } from './snippets';

function snippet(name: string): Ruleset {
  const text = SNIPPETS[name];
  if (text === undefined) throw new Error(`no snippet ${name}`);
  return parseOk(text);
}

describe('parser: declarations', () => {
  it('parses every snippet without diagnostics', () => {
    for (const name of Object.keys(SNIPPETS)) snippet(name);
  });

  it('reads the header', () => {
    const ast = snippet('header');
    expect(toCanonical(ast)).toEqual({
      kind: 'Ruleset',
      header: {
        date: { kind: 'Date', text: '2026-01-13' },
        status: { kind: 'Str', value: 'for-comment' },
        title: {
          kind: 'Text',
          entries: [
            { lang: 'zh-Hans', value: { kind: 'Str', value: '算力服务平台能力评估' } },
            { lang: 'zh-Hant', value: { kind: 'Str', value: '算力服務平台能力評估' } },
            { lang: 'en', value: { kind: 'Str', value: 'Computing-power service platform capability assessment' } },
          ],
        },
        total: { kind: 'Num', text: '100' },
        version: { kind: 'Str', value: '0.9' },
      },
      id: { kind: 'Str', value: 'csp-assessment' },
      items: [],
    });
    expect(ast.comments.map((c) => c.text)).toEqual(['# file comment', '# draft | for-comment | published | superseded', '# optional']);
  });

  it('reads methods and inputs with their types and domains', () => {
    const ast = snippet('methodsAndInputs');
    const [dr, iv, ...inputs] = ast.items as [MethodDecl, MethodDecl, ...InputDecl[]];
    expect(toCanonical({ ...ast, items: [dr, iv] })).toMatchObject({
      items: [
        { kind: 'Method', id: { name: 'DR' }, label: { entries: [{ lang: 'zh-Hans' }, { lang: 'zh-Hant' }, { lang: 'en', value: { value: 'Document review' } }] } },
        { kind: 'Method', id: { name: 'IV' } },
      ],
    });
    expect(iv.label).toBeUndefined();
    expect(inputs.map((i) => [i.id.name, canonicalNode(i.type)])).toEqual([
      ['months_in_operation', { kind: 'Scalar', name: 'integer', domain: { kind: 'Bound', op: '>=', value: { kind: 'Num', text: '0' } } }],
      ['mainland_ops', { kind: 'Scalar', name: 'boolean' }],
      ['share_x', { kind: 'Scalar', name: 'percent' }],
      ['ratio', { kind: 'Scalar', name: 'number', domain: { kind: 'Bound', op: '>', value: { kind: 'Num', text: '0' } } }],
      ['small', { kind: 'Scalar', name: 'number', domain: { kind: 'Bound', op: '<', value: { kind: 'Num', text: '1' } } }],
      ['days', { kind: 'Scalar', name: 'integer', domain: { kind: 'Range', min: { kind: 'Num', text: '0' }, max: { kind: 'Num', text: '7' } } }],
      ['temp', { kind: 'Scalar', name: 'number', domain: { kind: 'Range', min: { kind: 'Num', text: '-5' }, max: { kind: 'Num', text: '40.5' } } }],
      ['mlps_level', { kind: 'Enum', values: ['none', 'L2', 'L3', 'L4', 'intl_equiv'].map((name) => ({ kind: 'Name', name })) }],
      [
        'adaptation',
        {
          kind: 'Object',
          fields: [
            { name: { kind: 'Name', name: 'frameworks' }, type: { kind: 'Scalar', name: 'integer', domain: { kind: 'Bound', op: '>=', value: { kind: 'Num', text: '0' } } } },
            { name: { kind: 'Name', name: 'architectures' }, type: { kind: 'Scalar', name: 'integer', domain: { kind: 'Bound', op: '>=', value: { kind: 'Num', text: '0' } } } },
            { name: { kind: 'Name', name: 'kind' }, type: { kind: 'Enum', values: [{ kind: 'Name', name: 'a' }, { kind: 'Name', name: 'b' }] } },
          ],
        },
      ],
    ]);
    const months = inputs[0];
    expect(months?.unit?.value).toBe('months');
    expect(inputs[1]?.note?.value).toBe('false for Hong Kong / Macao operators');
  });

  it('reads a dimension with indicators, clauses in any order', () => {
    const ast = snippet('dimension');
    const dim = ast.items[0] as DimensionDecl;
    expect(dim.weight?.text).toBe('14');
    const [scale, pue] = dim.indicators as [IndicatorDecl, IndicatorDecl];
    expect(scale.direction?.value).toBe('higher');
    expect(scale.methods?.refs.map((r) => r.method.name)).toEqual(['DR', 'OS', 'TT']);
    expect(scale.basis?.value).toContain('2,500–5,000 P');
    expect(scale.scoring?.kind).toBe('Bands');
    expect(pue.direction?.value).toBe('lower');
    expect(pue.weight?.text).toBe('2');
    expect(pue.type).toMatchObject({ kind: 'Scalar', name: 'number' });
    expect(pue.methods?.refs.map((r) => [r.method.name, r.note?.value])).toEqual([
      ['TT', 'on ≥ 5% of nodes (at least 16)'],
      ['OS', undefined],
      ['DR', undefined],
    ]);
    expect(pue.applies && sexpr(pue.applies)).toBe('offers_fp64');
    expect(pue.formerly?.map((n) => n.name)).toEqual(['compute_redundancy', 'old_pue']);
    expect(pue.scoring?.kind === 'Formula' && sexpr(pue.scoring.expr)).toBe('(min 100 (* value 2))');
  });

  it('reads bands: comparisons with the own value, conditions, else', () => {
    const ast = snippet('bands');
    const [pue, adaptation] = (ast.items[0] as DimensionDecl).indicators as [IndicatorDecl, IndicatorDecl];
    const bands = (i: IndicatorDecl): string[] =>
      i.scoring?.kind === 'Bands'
        ? i.scoring.bands.map((b) => {
            const c = b.cond;
            const cond = c.kind === 'Else' ? 'else' : c.kind === 'Compare' ? `${c.op} ${sexpr(c.bound)}` : `if ${sexpr(c.expr)}`;
            return `${cond}: ${sexpr(b.points.value)}`;
          })
        : [];
    expect(bands(pue)).toEqual(['<= 1.15: 100', '<= 1.20: 90', '> 1.50: 0', '< 1.6: 5', '= 2: 1', '!= 3: 2', '>= 4: 3', 'else: 0']);
    expect(bands(adaptation)).toEqual([
      'if (and (>= frameworks 4) (>= architectures 3)): 100',
      'if (and (>= frameworks 3) (>= architectures 2)): 75',
      'if (>= frameworks 2): 50',
      'if (< (- frameworks) 0): 1',
      'else: 25',
    ]);
  });

  it('reads a mapping with a conditional entry', () => {
    const ind = (snippet('map').items[0] as DimensionDecl).indicators[0];
    expect(ind?.scoring?.kind).toBe('Map');
    if (ind?.scoring?.kind !== 'Map') return;
    expect(
      ind.scoring.entries.map((e) => {
        const key = e.key.kind === 'Else' ? 'else' : e.key.name;
        const p = e.points;
        return p.when && p.otherwise ? `${key}: ${sexpr(p.value)} when ${sexpr(p.when)} else ${sexpr(p.otherwise)}` : `${key}: ${sexpr(p.value)}`;
      }),
    ).toEqual(['L4: 100', 'L3: 100', 'L2: 60', 'intl_equiv: 60 when (not mainland_ops) else 0', 'none: 0']);
  });

  it('reads prerequisites, vetoes and level ladders', () => {
    const ast = snippet('prerequisitesVetoesLevels');
    const [p2, v1, p4, ladder, plain] = ast.items as [PrerequisiteDecl, { when: never }, PrerequisiteDecl, LevelLadder, LevelLadder];
    expect(p2.requires.map(sexpr)).toEqual(['(>= months_in_operation 6)']);
    expect(sexpr(v1.when)).toBe('(or (> declared_vs_measured_gap 20) (= metric_disclosure misleading))');
    expect(p4.requires.map(sexpr)).toEqual(['(or (some veto fired) (every veto decided))', '(every prerequisite holds)']);
    expect(ladder.cumulative).toBe(true);
    expect(ladder.levels.map((l) => [l.id.name, l.requires.map(sexpr)])).toEqual([
      ['L5', ['(>= total 95)', '(every dimension (>= share 80%))', '(>= service_availability 99.99)']],
      ['L4', ['(every indicator in A (>= points 50))']],
    ]);
    expect(ladder.fallback?.id.name).toBe('L0');
    expect(ladder.fallback?.label?.entries[2]?.value.value).toBe('Not reached');
    expect(plain.cumulative).toBe(false);
    expect(plain.fallback).toBeUndefined();
  });
});

describe('parser: expressions', () => {
  it('follows the precedence of the README', () => {
    expect(sx('a or b and not c')).toBe('(or a (and b (not c)))');
    expect(sx('not a = b')).toBe('(not (= a b))');
    expect(sx('a + b * c - d / e')).toBe('(- (+ a (* b c)) (/ d e))');
    expect(sx('a - b - c')).toBe('(- (- a b) c)');
    expect(sx('a - (b - c)')).toBe('(- a (- b c))');
    expect(sx('-a * -2')).toBe('(* (- a) (- 2))');
    expect(sx('a + 1 >= b * 2')).toBe('(>= (+ a 1) (* b 2))');
    expect(sx('a and b or c and d')).toBe('(or (and a b) (and c d))');
  });

  it('lets a quantifier body extend as far right as possible', () => {
    expect(sx('every dimension: share >= 80% and weight > 1 or fired')).toBe('(every dimension (or (and (>= share 80%) (> weight 1)) fired))');
    expect(sx('some indicator in D: points >= 50')).toBe('(some indicator in D (>= points 50))');
    expect(sx('(some veto: fired) or x')).toBe('(or (some veto fired) x)');
  });

  it('reads if-then-else, sets, calls, properties, members and literals', () => {
    expect(sx('if a then 1 else if b then 2 else 3')).toBe('(if a 1 (if b 2 3))');
    expect(sx('x in {L3, L4}')).toBe('(in x {L3 L4})');
    expect(sx('x not in {a, b + 1}')).toBe('(not-in x {a (+ b 1)})');
    expect(sx('min(1, 2, 3) + max(a) + abs(-x)')).toBe('(+ (+ (min 1 2 3) (max a)) (abs (- x)))');
    expect(sx('known(a.b.c)')).toBe('(known a.b.c)');
    expect(sx('score(A) + share(A) + weight(A) + points(p) + value(p) + value')).toBe(
      '(+ (+ (+ (+ (+ score(A) share(A)) weight(A)) points(p)) value(p)) value)',
    );
    expect(sx('fired(V1) or decided(V1) or holds(P1) or true or false')).toBe('(or (or (or (or fired(V1) decided(V1)) holds(P1)) true) false)');
    expect(sx('total >= 99.99 and s >= 12.5%')).toBe('(and (>= total 99.99) (>= s 12.5%))');
    expect(sx('x ≥ 1 and y ≤ 2 and z ≠ 3')).toBe('(and (and (>= x 1) (<= y 2)) (!= z 3))');
  });

  it('keeps numbers as written, however large', () => {
    expect(sx('x = 1.00')).toBe('(= x 1.00)');
    const huge = '9'.repeat(400);
    expect(sx(`x = ${huge}.${huge}`)).toBe(`(= x ${huge}.${huge})`);
  });

  it('gives spans that cover the source of each node', () => {
    const text = `${HEADER}veto V { when a + b >= 3 }`;
    const ast = parseOk(text);
    const when = (ast.items[0] as { when: { span: { start: number; end: number }; left: { span: { start: number; end: number } } } }).when;
    expect(text.slice(when.span.start, when.span.end)).toBe('a + b >= 3');
    expect(text.slice(when.left.span.start, when.left.span.end)).toBe('a + b');
    expect(text.slice(ast.items[0]!.span.start, ast.items[0]!.span.end)).toBe('veto V { when a + b >= 3 }');
  });
});
