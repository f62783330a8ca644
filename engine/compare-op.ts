// Comparison operators applied to the sign of a comparison (`a.cmp(b)`): the one place that says what
// `=`, `!=`, `<`, `<=`, `>`, `>=` mean, for the checker, the plan and the JsonLogic export.
// In: an operator and a sign (negative, zero, positive). Out: whether the comparison holds.

import type { CompareOp } from '../dsl/ast';

export function signHolds(op: CompareOp, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

const OPS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);

export function isCompareOp(op: string): op is CompareOp {
  return OPS.has(op);
}
