// The improvement search under the lenient option (issue 14): a platform assessed leniently, with a percentage written
// as a fraction (E167, a warning), gets plans re-assessed leniently too. In: sample P2 under csp-assessment 1.0 with
// `renewable_energy_share: 0.5`. Out: checks that the search finds plans and that each plan's outcome is graded.

import { describe, expect, it } from 'vitest';
import { improvementPlans } from '../../engine/analyses/gap/index';
import { platformByFile, ruleset } from '../rulesets/load';

describe('gap --lenient', () => {
  const r = ruleset('1.0');
  const p2 = platformByFile('p2-regional-aicc');
  const doc = { platform: p2.platform, name: p2.name, evidence: { ...p2.evidence, renewable_energy_share: 0.5 } };

  it('the platform is invalid when strict, assessed with warning E167 when lenient', () => {
    expect(r.assess(doc).outcome).toBe('invalid');
    const a = r.assess(doc, { lenient: true });
    expect(a.outcome).toBe('graded');
    expect(a.warnings.map((w) => w.code)).toContain('E167');
  });

  it('finds plans whose every re-assessment is lenient, as the platform was assessed', () => {
    const g = improvementPlans(r, doc, { lang: 'en', lenient: true });
    expect(g.status).toBe('plans');
    expect(g.plans.length).toBeGreaterThan(0);
    // Each plan keeps the evidence as given (the fraction included), not the evidence less what strict reading refused.
    for (const p of g.plans) {
      if (p.steps.some((s) => s.id === 'renewable_energy_share')) continue;
      expect(JSON.parse(p.evidenceText).evidence.renewable_energy_share).toBe(0.5);
    }
  });
});
