// The evidence check and the field hints are shared between models that declare the same fields (impact compiles a
// variant of the old ruleset per diff entry and pair): sharing must never cross models whose fields differ.
// In: csp-assessment 0.9 and 1.0 and their impact variants. Out: each model's check has its own schema, hints by model.

import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import { applyEntries, diffAsts } from '../../engine/analyses/diff/index';
import { compileVariant } from '../../engine/analyses/impact';
import { compileEvidenceCheck } from '../../engine/evidence/validate';
import { fieldsSchema } from '../../engine/evidence/schema';
import { fieldHint } from '../../engine/evidence/intake';
import { rulesetText } from '../rulesets/load';

const fresh = (v: '0.9' | '1.0') => {
  const r = compileRuleset(rulesetText(v)).ruleset;
  if (!r) throw new Error(`${v} does not compile`);
  return r;
};

describe('checks and hints shared between variants', () => {
  it("every variant's evidence check validates its own schema, whichever variant compiled first", () => {
    const a = fresh('0.9');
    const b = fresh('1.0');
    const { entries } = diffAsts(a.ast, b.ast);
    const models = [b.model, ...entries.map((e) => compileVariant(applyEntries(a.ast, [e], entries))?.model), a.model];
    for (const m of models) {
      expect(m).toBeDefined();
      if (m) expect(compileEvidenceCheck(m).schema).toEqual(fieldsSchema(m, false));
    }
  });

  it('a hint follows the fields of its model, in either order', () => {
    for (const order of [['0.9', '1.0'], ['1.0', '0.9']] as const) {
      const hints = order.map((v) => [v, fieldHint(fresh(v).model, 'Compute-Redundancy')]);
      expect(Object.fromEntries(hints)).toEqual({ '0.9': 'compute_redundancy', '1.0': 'hot_spare_capacity_ratio' });
    }
  });
});
