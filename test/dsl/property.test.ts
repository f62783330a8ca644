// Property: for random ASTs, print → parse gives the same canonical AST, and printing is idempotent; long
// formulas broken over lines (width 100) keep both, and chains of names fit the width.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as A from '../../dsl/ast';
import { NO_SPAN } from '../../dsl/ast';
import { toCanonical } from '../../dsl/canonical';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { expr, ruleset } from '../support/arbitrary-ruleset';

const span = NO_SPAN;

function roundTrips(ast: A.Ruleset): string {
  const printed = printRuleset(ast);
  const parsed = parseRuleset(printed);
  expect(parsed.diagnostics.map((d) => `${d.code} ${printed.slice(d.span.start, d.span.end)}`)).toEqual([]);
  expect(toCanonical(parsed.ast)).toEqual(toCanonical(ast));
  expect(printRuleset(parsed.ast)).toBe(printed);
  return printed;
}

/** A ruleset whose only item is `derive d { formula <e> }` or an indicator `formula <e>` three levels deep. */
function withFormula(e: A.Expr, deep: boolean): A.Ruleset {
  const item: A.TopItem = deep
    ? { kind: 'Dimension', id: { kind: 'Name', name: 'D', span }, indicators: [{ kind: 'Indicator', id: { kind: 'Name', name: 'i', span }, scoring: { kind: 'Formula', expr: e, span }, span }], span }
    : { kind: 'Derive', id: { kind: 'Name', name: 'd', span }, formula: e, span };
  return { kind: 'Ruleset', id: { kind: 'Str', value: 't', span }, header: { span }, items: [item], comments: [], span };
}

const longName = fc.stringMatching(/^[a-z][a-z_]{8,24}$/).filter((n) => !['evidence', 'precision', 'required'].includes(n));
/** Chains of long names under `+ - * /`, `and`/`or`, comparisons and `if`: everything in them can break. */
const { chain } = fc.letrec<{ chain: A.Expr }>((tie) => ({
  chain: fc.oneof(
    { depthSize: 'small' },
    longName.map((name): A.Expr => ({ kind: 'Ref', path: [{ kind: 'Name', name, span }], span })),
    fc
      .tuple(fc.constantFrom<A.BinaryExpr['op']>('+', '-', '*', '/', 'and', 'or'), tie('chain'), tie('chain'))
      .map(([op, left, right]): A.Expr => ({ kind: 'Binary', op, left, right, span })),
    fc.tuple(tie('chain'), tie('chain'), tie('chain')).map(([cond, then, otherwise]): A.Expr => ({ kind: 'If', cond, then, otherwise, span })),
  ),
}));

describe('print → parse round trip on random rulesets', () => {
  it('gives back the same canonical AST, and printing is idempotent', () => {
    fc.assert(
      fc.property(ruleset, (ast) => void roundTrips(ast)),
      { numRuns: 300 },
    );
  });

  it('long random formulas broken over lines round-trip and print idempotently', () => {
    const long = fc.array(expr, { minLength: 3, maxLength: 6 }).map((es) =>
      es.slice(1).reduce<A.Expr>((left, right, i) => ({ kind: 'Binary', op: i % 2 === 0 ? '+' : 'and', left, right, span }), es[0] as A.Expr),
    );
    fc.assert(
      fc.property(long, fc.boolean(), (e, deep) => void roundTrips(withFormula(e, deep))),
      { numRuns: 300 },
    );
  });

  it('chains of names fit in 100 columns wherever they are', () => {
    fc.assert(
      fc.property(chain, fc.boolean(), (e, deep) => {
        const printed = roundTrips(withFormula(e, deep));
        for (const line of printed.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});
