// Random evidence against the csp-assessment ruleset: evaluation never throws, never passes bad input silently.
// In: fast-check generated evidence maps (valid values, wrong types, hostile keys). Out: invariants per run.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';

const ruleset = compileRuleset(readFileSync('rulesets/csp-assessment/0.9.assay', 'utf8')).ruleset;
if (!ruleset) throw new Error('0.9 did not compile');
const fields = [...ruleset.model.fields.keys(), ...ruleset.model.formerIds.keys()];

const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 20000 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.constantFrom('L3', 'none', 'full', 'major', 'tiered_auto', '95', ''),
  fc.record({ frameworks: fc.integer({ min: -1, max: 6 }), architectures: fc.integer({ min: 0, max: 4 }) }),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const key = fc.oneof(fc.constantFrom(...fields), fc.constantFrom('__proto__', 'constructor', 'toString', 'x'));
const evidence = fc.dictionary(key, anyValue, { maxKeys: 45 });

describe('random evidence', () => {
  it('never throws; invalid exactly when there are errors; invalid scores nothing', () => {
    fc.assert(
      fc.property(evidence, (ev) => {
        const a = ruleset.assess({ platform: 'p', evidence: ev });
        expect(['graded', 'vetoed', 'not_rated', 'invalid']).toContain(a.outcome);
        expect(a.outcome === 'invalid').toBe(a.errors.length > 0);
        if (a.outcome === 'invalid') {
          expect([a.level, a.total.toFraction(), a.indicators.length]).toEqual([null, '0', 0]);
        } else {
          expect(a.indicators).toHaveLength(ruleset.model.indicators.length);
          expect(a.total.sign()).toBeGreaterThanOrEqual(0);
          expect(a.errors.every((e) => !e.message.startsWith('internal error'))).toBe(true);
        }
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('valid evidence always yields a total between 0 and 100', () => {
    const valid = fc.record(
      {
        total_compute_scale: fc.integer({ min: 0, max: 3000 }),
        service_availability: fc.double({ min: 0, max: 100, noNaN: true }),
        pue: fc.double({ min: 1, max: 3, noNaN: true }),
        mlps_level: fc.constantFrom('L4', 'L3', 'L2', 'intl_equiv', 'none'),
        mainland_ops: fc.boolean(),
        cross_border_data_flow: fc.boolean(),
        offers_fp64: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valid, (ev) => {
        // Lenient: a percentage in (0, 1] is within its type but looks like a fraction (E162 unless lenient).
        const a = ruleset.assess({ platform: 'p', evidence: ev }, { lenient: true });
        expect(a.errors).toEqual([]);
        expect(a.total.sign() >= 0 && a.total.le(ruleset.model.total)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
