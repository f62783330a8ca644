// The csp-assessment rulesets are kept in the formatter's canonical layout.
// In: rulesets/csp-assessment/{0.9,1.0}.assay. Out: pass when printing the parsed file gives the file back.

import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { VERSIONS } from './expected';
import { rulesetText } from './load';

describe('csp-assessment rulesets are formatted', () => {
  for (const v of VERSIONS) {
    it(`${v}.assay prints back unchanged`, () => {
      const text = rulesetText(v);
      expect(printRuleset(parseRuleset(text).ast)).toBe(text);
    });
  }
});
