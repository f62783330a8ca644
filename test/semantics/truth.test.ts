// Three-valued logic (engine/semantics/truth.ts): the Kleene tables over two representations — truths that
// carry missing fields (as the reference's and the plan's values do) and symbolic fragments (as JsonLogic's) —
// and the same rule as the language states it, in source text.

import { describe, expect, it } from 'vitest';
import { and, andAll, applies, holds, not, or, orAll, FALSE, TRUE, UNKNOWN, type KleeneOps, type TruthCode } from '../../engine/semantics/index';
import { assess, rs } from '../engine/helpers';

/** A truth that carries the missing fields of an unknown, like the evaluators' values. */
type Tv = boolean | { readonly missing: readonly string[] };
const TV: KleeneOps<Tv> = {
  TRUE: true,
  FALSE: false,
  code: (t) => (t === true ? TRUE : t === false ? FALSE : UNKNOWN),
  join: (_op, a, b) => ({ missing: [...new Set([...(a as { missing: string[] }).missing, ...(b as { missing: string[] }).missing])] }),
  negate: (t) => t,
};
const u = (...missing: string[]): Tv => ({ missing });

/** Symbolic fragments: a constant code or a name known at run time, joined as min/max text. */
type Sym = TruthCode | string;
const SYM: KleeneOps<Sym> = {
  TRUE: TRUE,
  FALSE: FALSE,
  code: (t) => (typeof t === 'number' ? t : undefined),
  join: (op, a, b) => (a === UNKNOWN && b === UNKNOWN ? UNKNOWN : `${op === 'and' ? 'min' : 'max'}(${a}, ${b})`),
  negate: (t) => `not(${t})`,
};

describe('Kleene tables', () => {
  const codes: TruthCode[] = [FALSE, UNKNOWN, TRUE];
  it('∧ is the minimum and ∨ the maximum of the codes, ¬ is 2 − x', () => {
    for (const a of codes) {
      for (const b of codes) {
        expect(and(SYM, a, b)).toBe(Math.min(a, b));
        expect(or(SYM, a, b)).toBe(Math.max(a, b));
      }
      expect(not(SYM, a)).toBe(2 - a);
    }
  });

  it('an unknown keeps its missing fields; two unknowns join theirs', () => {
    expect(and(TV, true, u('x'))).toEqual(u('x'));
    expect(and(TV, u('x'), false)).toBe(false);
    expect(or(TV, u('x'), true)).toBe(true);
    expect(or(TV, false, u('y'))).toEqual(u('y'));
    expect(and(TV, u('x'), u('y', 'x'))).toEqual(u('x', 'y'));
    expect(not(TV, u('x'))).toEqual(u('x'));
  });

  it('run-time fragments: a constant decides when it can, else the fragments are joined', () => {
    expect(and(SYM, 'p', FALSE)).toBe(FALSE);
    expect(and(SYM, TRUE, 'p')).toBe('p');
    expect(or(SYM, 'p', TRUE)).toBe(TRUE);
    expect(and(SYM, UNKNOWN, 'p')).toBe('min(1, p)');
    expect(not(SYM, 'p')).toBe('not(p)');
    expect(andAll(SYM, [])).toBe(TRUE);
    expect(orAll(SYM, [])).toBe(FALSE);
    expect(andAll(SYM, ['p', TRUE, 'q'])).toBe('min(p, q)');
  });

  it('every operand is read, left to right, even after a false one (a read may fail)', () => {
    const seen: string[] = [];
    const L: KleeneOps<string> = { TRUE: 't', FALSE: 'f', code: (t) => (seen.push(t), t === 't' ? TRUE : t === 'f' ? FALSE : UNKNOWN), join: (_o, a) => a, negate: (t) => t };
    and(L, 'f', 'u');
    expect(seen).toEqual(['f', 'u']);
  });

  it('a condition holds only when true; applicability fails only when false', () => {
    expect([FALSE, UNKNOWN, TRUE].map((c) => holds(c as TruthCode))).toEqual([false, false, true]);
    expect([FALSE, UNKNOWN, TRUE].map((c) => applies(c as TruthCode))).toEqual([false, true, true]);
  });
});

describe('the same rule in source text', () => {
  const src = rs(`
input a: boolean
input b: boolean
veto V1 { when a and b }
veto V2 { when a or b }
veto V3 { when not b }
`);
  it('false ∧ unknown = false, true ∨ unknown = true, ¬unknown = unknown', () => {
    const r = assess(src, { a: false }).vetoes.map((v) => v.truth);
    expect(r).toEqual([false, 'unknown', 'unknown']);
    const s = assess(src, { a: true }).vetoes.map((v) => v.truth);
    expect(s).toEqual(['unknown', true, 'unknown']);
    expect(assess(src, { a: true }).vetoes[0]?.missing).toEqual(['b']);
  });
});
