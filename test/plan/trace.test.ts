// Tracing as a decorator of the plan: the traced plan emits exactly the reference evaluator's events.
// In: the bundled rulesets, the samples and generated platforms. Out: equal event streams and results.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { canon, CSP, loadRuleset, planOf, platformsIn, traced } from './helpers';

for (const version of ['0.9', '1.0'] as const) {
  describe(`traced plan, csp-assessment ${version}`, () => {
    const r = loadRuleset(version);
    it('emits the reference events on the samples and 600 generated platforms', () => {
      const plan = planOf(r);
      const ps = [...platformsIn(join(CSP, 'platforms')), ...generatePlatforms(r.model, 600, 3, { missing: 0.05, invalid: 0.05 })];
      for (const p of ps) {
        const x = traced((i, o) => plan.assess(i, o), p);
        const y = traced((i, o) => r.assess(i, { ...o, engine: 'reference' }), p);
        expect(canon(x.events)).toBe(canon(y.events));
        expect(canon(x.a)).toBe(canon(y.a));
      }
      expect(plan.stats.decided).toBeGreaterThan(ps.length * 0.8);
    });
  });
}
