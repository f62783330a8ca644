// Differential tests: the compiled plan against the reference evaluator (the oracle), result for result.
// In: both bundled rulesets, the sample and corpus platforms, and 12,000 generated platforms per ruleset (missing,
// boundary and invalid values). Out: identical assessments, and proof that the plan decided most of them itself.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { canon, CSP, loadRuleset, planOf, platformsIn } from './helpers';
import { join } from 'node:path';

for (const version of ['0.9', '1.0'] as const) {
  describe(`csp-assessment ${version}`, () => {
    const r = loadRuleset(version);

    it('gives the reference results on the five samples, deciding them itself', () => {
      const plan = planOf(r);
      for (const p of platformsIn(join(CSP, 'platforms'))) {
        for (const lang of ['en', 'zh-Hans'] as const) {
          expect(canon(plan.assess(p, { lang }))).toBe(canon(r.assess(p, { lang, engine: 'reference' })));
        }
      }
      expect(plan.stats.handedOver).toBe(0);
      expect(plan.stats.decided).toBe(10);
    });

    it('gives the reference results on the corpus', () => {
      const plan = planOf(r);
      const ps = platformsIn(join(CSP, 'corpus'));
      expect(ps.length).toBeGreaterThan(50);
      for (const p of ps) expect(canon(plan.assess(p))).toBe(canon(r.assess(p, { engine: 'reference' })));
      expect(plan.stats.decided).toBeGreaterThan(ps.length / 2);
    });

    it('gives the reference results on 12,000 generated platforms (missing, boundary and invalid values)', () => {
      const plan = planOf(r);
      const ps = generatePlatforms(r.model, 12_000, version === '0.9' ? 7 : 8, { missing: 0.04, invalid: 0.1, boundary: 0.6 });
      let mismatches = 0;
      const first: string[] = [];
      for (const p of ps) {
        const x = canon(plan.assess(p));
        const y = canon(r.assess(p, { engine: 'reference' }));
        if (x !== y) {
          mismatches++;
          if (first.length < 2) first.push(`${canon(p)}\nplan: ${x}\nref:  ${y}`);
        }
      }
      expect(first).toEqual([]);
      expect(mismatches).toBe(0);
      // Most platforms are decided by the plan; hand-overs are the invalid ones and those with warnings.
      expect(plan.stats.decided).toBeGreaterThan(ps.length * 0.8);
    });

    it('is the default engine of assess and evaluate', () => {
      const [p] = platformsIn(join(CSP, 'platforms'));
      if (!p) throw new Error('no sample');
      expect(canon(r.assess(p))).toBe(canon(r.assess(p, { engine: 'reference' })));
      expect(r.evaluate(p)).toEqual(r.evaluate(p, { engine: 'reference' }));
    });
  });
}
