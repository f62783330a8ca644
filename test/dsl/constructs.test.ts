// The language's new constructs (#13, LANG.md): header `evidence required` / `precision`, `required` blocks,
// `derive` and the formula `total`, ceil/floor/round, `^`, lookup tables, and their syntax-stage errors A114–A119.

import { describe, expect, it } from 'vitest';
import type { CallExpr, DeriveDecl, IndicatorDecl, DimensionDecl, InputDecl, TotalDecl } from '../../dsl/ast';
import { canonicalNode } from '../../dsl/canonical';
import { renderMessage } from '../../dsl/diagnostics';
import { parseRuleset } from '../../dsl/parse';
import { diags, HEADER, parseOk, sexpr, sx } from './helpers';

const CVSS = `ruleset "cvss" {
  version "3.1"
  evidence required
  precision 4
}
input AV: enum { N, A, L, P } { label { en "Attack vector" } required }
input S: enum { U, C }
derive iss: number {
  label { en "Impact sub-score (ISS)" }
  formula 1 - (1 - table C { H: 0.56, L: 0.22, N: 0 }) * (1 - table I { H: 0.56, L: 0.22, N: 0 })
}
derive rating: enum { N, P, L, F } { formula if iss > 0.85 then F else if iss > 0.5 then L else N }
derive plain { formula 1 }
total: number 0 to 10 {
  label { en "Base score" }
  unit "points"
  note "CVSS 3.1"
  formula if iss <= 0 then 0 else ceil(round(min(iss, 10), 5, half_up), 1)
}
`;

describe('new constructs: declarations', () => {
  it('reads the header clauses `evidence required` and `precision`', () => {
    const ast = parseOk(CVSS);
    expect(ast.header.evidenceRequired).toBeDefined();
    expect(CVSS.slice(ast.header.evidenceRequired?.start, ast.header.evidenceRequired?.end)).toBe('evidence required');
    expect(ast.header.precision?.text).toBe('4');
    expect(parseOk(`${HEADER}`).header.evidenceRequired).toBeUndefined();
  });

  it('reads `required` in input and indicator blocks', () => {
    const ast = parseOk(`${HEADER}input a: number { required }\ninput b: number\ndimension D { indicator i { required weight 1 } indicator j { weight 1 } }`);
    const [a, b, d] = ast.items as [InputDecl, InputDecl, DimensionDecl];
    expect(a.required).toBeDefined();
    expect(b.required).toBeUndefined();
    const [i, j] = d.indicators as [IndicatorDecl, IndicatorDecl];
    expect(i.required).toBeDefined();
    expect(j.required).toBeUndefined();
  });

  it('reads `derive` with and without a type, scalar or enum', () => {
    const ast = parseOk(CVSS);
    const derives = ast.items.filter((x): x is DeriveDecl => x.kind === 'Derive');
    expect(derives.map((d) => [d.id.name, d.type ? canonicalNode(d.type) : null])).toEqual([
      ['iss', { kind: 'Scalar', name: 'number' }],
      ['rating', { kind: 'Enum', values: ['N', 'P', 'L', 'F'].map((name) => ({ kind: 'Name', name })) }],
      ['plain', null],
    ]);
    const iss = derives[0] as DeriveDecl;
    expect(iss.label?.entries[0]?.value.value).toBe('Impact sub-score (ISS)');
    expect(sexpr(iss.formula)).toBe('(- 1 (* (- 1 (table (C) [H] 0.56 [L] 0.22 [N] 0)) (- 1 (table (I) [H] 0.56 [L] 0.22 [N] 0))))');
  });

  it('reads the formula `total` beside the header clause `total 100`', () => {
    const ast = parseOk(CVSS.replace('precision 4', 'precision 4\n  total 100'));
    expect(ast.header.total?.text).toBe('100');
    const total = ast.items.find((x): x is TotalDecl => x.kind === 'TotalFormula');
    expect(total && canonicalNode(total)).toMatchObject({
      kind: 'TotalFormula',
      type: { kind: 'Scalar', name: 'number', domain: { kind: 'Range', min: { text: '0' }, max: { text: '10' } } },
      unit: { value: 'points' },
      note: { value: 'CVSS 3.1' },
    });
    expect(total && sexpr(total.formula)).toBe('(if (<= iss 0) 0 (ceil (round (min iss 10) 5 half_up) 1))');
    expect(parseOk(`${HEADER}total { formula 1 }`).items[0]).toMatchObject({ kind: 'TotalFormula', formula: { kind: 'Num' } });
  });

  it('reads `fallback none` without a block, as LANG.md writes it', () => {
    const ast = parseOk(`${HEADER}levels {\n  level high { require total >= 7.0 }\n  fallback none\n}`);
    expect(ast.items[0]).toMatchObject({ kind: 'Levels', fallback: { kind: 'Fallback', id: { name: 'none' } } });
  });

  it('parses item by item and as a whole file to the same tree', () => {
    const byItems = parseRuleset(CVSS);
    const whole = parseRuleset(CVSS, { byItems: false });
    expect(canonicalNode(byItems.ast)).toEqual(canonicalNode(whole.ast));
  });
});

describe('new constructs: expressions', () => {
  it('reads ceil, floor and round with its mode', () => {
    expect(sx('ceil(x) > 0')).toBe('(> (ceil x) 0)');
    expect(sx('floor(x, 2) > 0')).toBe('(> (floor x 2) 0)');
    expect(sx('round(x, -1, half_even) > 0')).toBe('(> (round x (- 1) half_even) 0)');
    expect(sx('round(x, 0, half_down) > 0')).toBe('(> (round x 0 half_down) 0)');
    const call = parseOk(`${HEADER}derive d { formula round(x, 5, half_up) }`).items[0] as DeriveDecl;
    expect((call.formula as CallExpr).args).toHaveLength(2);
    expect((call.formula as CallExpr).mode?.name).toBe('half_up');
  });

  it('binds `^` tighter than `*` and unary minus, to the right', () => {
    expect(sx('a * b ^ 2 > 0')).toBe('(> (* a (^ b 2)) 0)');
    expect(sx('-x ^ 2 > 0')).toBe('(> (- (^ x 2)) 0)');
    expect(sx('(-x) ^ 2 > 0')).toBe('(> (^ (- x) 2) 0)');
    expect(sx('x ^ -1 > 0')).toBe('(> (^ x (- 1)) 0)');
    expect(sx('(x - 0.02) ^ 15 * 3 > 0')).toBe('(> (* (^ (- x 0.02) 15) 3) 0)');
    expect(sx('2 - x ^ 2 / 4 > 0')).toBe('(> (- 2 (/ (^ x 2) 4)) 0)');
  });

  it('reads tables with one and two keys, commas or line breaks, dotted keys and `else`', () => {
    expect(sx('table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } > 0')).toBe('(> (table (AV) [N] 0.85 [A] 0.62 [L] 0.55 [P] 0.2) 0)');
    expect(sx('table AV {\n  N: 0.85\n  A: 0.62,\n  else: 1 - x\n} > 0')).toBe('(> (table (AV) [N] 0.85 [A] 0.62 [else] (- 1 x)) 0)');
    expect(sx('table (PR, S) { (N, U): 0.85, (L, C): 0.68, else: 0 } > 0')).toBe('(> (table (PR S) [N U] 0.85 [L C] 0.68 [else] 0) 0)');
    expect(sx('table o.m { a: 1 b: -2 } > 0')).toBe('(> (table (o.m) [a] 1 [b] (- 2)) 0)');
    expect(sx('8.22 * table AV { N: 0.85 } * table UI { N: 0.85 } > 0')).toBe('(> (* (* 8.22 (table (AV) [N] 0.85)) (table (UI) [N] 0.85)) 0)');
  });

  it('keeps every ruleset word that became a keyword out of plain names elsewhere (strings and comments are fine)', () => {
    expect(diags(`${HEADER}input table: number`).map((d) => d.slice(0, 4))).toEqual(['A102']);
    expect(parseOk(`${HEADER}# derive, table, round\ninput x: number { label { en "evidence required, precision, floor" } }`).items).toHaveLength(1);
  });
});

describe('new constructs: syntax-stage errors', () => {
  it('A114: a misspelt rounding mode, with the three spellings in three languages', () => {
    const text = `${HEADER}derive d { formula round(x, 1, half_upp) }`;
    expect(diags(text)).toEqual(['A114 "half_upp"']);
    const d = parseRuleset(text).diagnostics[0];
    if (!d) throw new Error('no diagnostic');
    for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      expect(renderMessage(d, lang)).toContain('`half_upp`');
      for (const mode of ['half_up', 'half_even', 'half_down']) expect(renderMessage(d, lang)).toContain(`\`${mode}\``);
    }
    expect(diags(`${HEADER}derive d { formula round(x, 1, 2 + 3) }`)).toEqual(['A114 "2 + 3"']);
    // fewer arguments: the mode is missing, which the checker reports with the arity (not a syntax error)
    expect(diags(`${HEADER}derive d { formula round(x, 1) }`)).toEqual([]);
  });

  it('A115: an exponent that is not an integer literal, at its span', () => {
    expect(diags(`${HEADER}derive d { formula x ^ y }`)).toEqual(['A115 "y"']);
    expect(diags(`${HEADER}derive d { formula x ^ 1.5 }`)).toEqual(['A115 "1.5"']);
    expect(diags(`${HEADER}derive d { formula x ^ (y + 1) }`)).toEqual(['A115 "(y + 1)"']);
    expect(diags(`${HEADER}derive d { formula x ^ (2) }`)).toEqual([]); // the literal in parentheses is the literal
    expect(diags(`${HEADER}derive d { formula x ^ 2 ^ 3 }`)).toEqual(['A115 "2 ^ 3"']);
    expect(diags(`${HEADER}derive d { formula x ^ -2 + x ^ 0 }`)).toEqual([]);
  });

  it('A116: a derived value of object type, a formula total of a type other than number', () => {
    expect(diags(`${HEADER}derive d: object { a: number } { formula 1 }`)).toEqual(['A116 "object { a: number }"']);
    expect(diags(`${HEADER}total: boolean { formula true }`)).toEqual(['A116 "boolean"']);
    expect(diags(`${HEADER}total: enum { a } { formula a }`)).toEqual(['A116 "enum { a }"']);
    const d = parseRuleset(`${HEADER}derive d: object { a: number } { formula 1 }`).diagnostics[0];
    if (!d) throw new Error('no diagnostic');
    expect(renderMessage(d, 'en')).toBe('the derived value `d` cannot have the type `object`: allowed are `number`, `integer`, `percent`, `boolean` (with a domain) or `enum { … }`');
  });

  it('A117: `else` before another entry of a table', () => {
    expect(diags(`${HEADER}derive d { formula table A { else: 0, N: 1 } }`)).toEqual(['A117 "else: 0"']);
  });

  it('A118: a derive or total without a formula; A104: a formula twice', () => {
    expect(diags(`${HEADER}derive d { label { en "x" } }`)).toEqual(['A118 "derive"']);
    expect(diags(`${HEADER}total: number { }`)).toEqual(['A118 "total"']);
    expect(diags(`${HEADER}derive d { formula 1 formula 2 }`)).toEqual(['A104 "formula 2"']);
  });

  it('A119: entries that do not match the number of keys', () => {
    expect(diags(`${HEADER}derive d { formula table (A, B) { (N, U): 1, N: 2 } }`)).toEqual(['A119 "N"']);
    expect(diags(`${HEADER}derive d { formula table A { (N, U): 1 } }`)).toEqual(['A119 "N, U"']);
  });

  it('A102: a precision that is not a whole number', () => {
    const text = 'ruleset "t" {\n  precision 2.5\n}\n';
    expect(diags(text)).toEqual(['A102 "2.5"']);
    const d = parseRuleset(text).diagnostics[0];
    if (!d) throw new Error('no diagnostic');
    expect(renderMessage(d, 'en')).toBe('expected a whole number (`4`) but found `2.5`');
    expect(renderMessage(d, 'zh-Hans')).toBe('此处应为整数（`4`），实际为`2.5`');
  });

  it('A104: `required`, `evidence required` and `precision` twice', () => {
    expect(diags(`${HEADER}input a: number { required required }`)).toEqual(['A104 "required"']);
    expect(diags('ruleset "t" {\n  precision 2\n  precision 3\n}\n')).toEqual(['A104 "precision 3"']);
    expect(diags('ruleset "t" {\n  evidence required\n  evidence required\n}\n')).toEqual(['A104 "evidence required"']);
  });

  it('A102 for a malformed table, without a cascade', () => {
    expect(diags(`${HEADER}derive d { formula table A { N 1 } }\ninput x: number`)).toHaveLength(1);
    expect(diags(`${HEADER}derive d { formula table (A, B, C) { else: 1 } }`).map((d) => d.slice(0, 4))).toEqual(['A102']);
  });
});
