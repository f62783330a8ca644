// Outcome precedence (engine/semantics/outcome.ts): invalid, then not_rated, then vetoed, then graded.

import { describe, expect, it } from 'vitest';
import { OUTCOME_PRECEDENCE, outcomeOf, outcomeOfCodes, outcomeSteps, prerequisiteFails, vetoFires, FALSE, TRUE, UNKNOWN } from '../../engine/semantics/index';
import { assess, rs } from '../engine/helpers';

describe('outcome precedence', () => {
  it('a failed prerequisite wins over a fired veto; an unknown prerequisite fails, an unknown veto does not fire', () => {
    expect(OUTCOME_PRECEDENCE).toEqual(['invalid', 'not_rated', 'vetoed', 'graded']);
    expect(outcomeOf(true, true)).toBe('not_rated');
    expect(outcomeOf(false, true)).toBe('vetoed');
    expect(outcomeOf(false, false)).toBe('graded');
    expect([FALSE, UNKNOWN, TRUE].map((c) => prerequisiteFails(c as 0 | 1 | 2))).toEqual([true, true, false]);
    expect([FALSE, UNKNOWN, TRUE].map((c) => vetoFires(c as 0 | 1 | 2))).toEqual([false, false, true]);
    expect(outcomeOfCodes([TRUE, UNKNOWN], [TRUE])).toBe('not_rated');
    expect(outcomeOfCodes([TRUE], [UNKNOWN, TRUE])).toBe('vetoed');
    expect(outcomeOfCodes([], [UNKNOWN])).toBe('graded');
  });

  it('as a decision list, in precedence order', () => {
    expect(outcomeSteps({ not_rated: 'p', vetoed: 'v' }, 'true')).toEqual([
      ['p', 'not_rated'],
      ['v', 'vetoed'],
      ['true', 'graded'],
    ]);
  });
});

describe('the same rule in source text', () => {
  const src = rs(`
input a: boolean
input n: number 0 to 10
veto V { when a }
prerequisite P { require n >= 5 }
levels {
  level L1 { require n >= 8 }
  fallback L0 { }
}`);
  it('not_rated before vetoed before graded; invalid evidence before all', () => {
    expect(assess(src, { a: true, n: 1 }).outcome).toBe('not_rated');
    expect(assess(src, { a: true, n: 9 }).outcome).toBe('vetoed');
    expect(assess(src, { a: true, n: 9 }).level).toBe(null);
    expect(assess(src, { a: false, n: 9 }).level).toBe('L1');
    expect(assess(src, { a: true, n: 11 }).outcome).toBe('invalid');
  });
});
