// Property: for random ASTs, print → parse gives the same canonical AST, and printing is idempotent.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCanonical } from '../../dsl/canonical';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { ruleset } from '../support/arbitrary-ruleset';

describe('print → parse round trip on random rulesets', () => {
  it('gives back the same canonical AST, and printing is idempotent', () => {
    fc.assert(
      fc.property(ruleset, (ast) => {
        const printed = printRuleset(ast);
        const parsed = parseRuleset(printed);
        expect(parsed.diagnostics.map((d) => `${d.code} ${printed.slice(d.span.start, d.span.end)}`)).toEqual([]);
        expect(toCanonical(parsed.ast)).toEqual(toCanonical(ast));
        expect(printRuleset(parsed.ast)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });
});
