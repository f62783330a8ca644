// Comparison operators applied to the sign of a comparison (`a.cmp(b)`): the one place that says what
// `=`, `!=`, `<`, `<=`, `>`, `>=` mean, for the checker, the plan, the diff and the JsonLogic export.
// In: an operator and a sign (negative, zero, positive). Out: whether the comparison holds; the operator with its
// sides swapped.

import type { CompareOp } from '../../dsl/ast';

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

type Order = '<' | '<=' | '>' | '>=';

/** The operator with its sides swapped: `a op b` ⇔ `b flipOp(op) a`. */
export function flipOp(op: Order): Order;
export function flipOp(op: CompareOp): CompareOp;
export function flipOp(op: CompareOp): CompareOp {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

const OPS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);

export function isCompareOp(op: string): op is CompareOp {
  return OPS.has(op);
}
