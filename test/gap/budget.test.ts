// A plan search whose budget runs out while it lists the candidate values (before the search proper) says
// so: status `not-found`, not exhaustive, worded by `gapLines`, instead of throwing an error with no message
// (the playground's 2,000-indicator case). In: rulesets/csp-assessment 1.0, P2, tiny budgets. Out: assertions.

import { describe, expect, it } from 'vitest';
import { gapLines, improvementPlans } from '../../engine/analyses/gap/index';
import { platformByFile, ruleset } from '../rulesets/load';

describe('a plan search that runs out of budget while listing candidates', () => {
  const rs = ruleset('1.0');
  const p = platformByFile('p2-regional-aicc');
  const input = { platform: p.platform, evidence: p.evidence };

  for (const budget of [1, 5, 20]) {
    it(`budget ${budget}: not-found with the assessments made, and a reason in words`, () => {
      const g = improvementPlans(rs, input, { lang: 'en', budget });
      expect(g.status).toBe('not-found');
      expect(g.exhaustive).toBe(false);
      expect(g.plans).toEqual([]);
      expect(g.assessments).toBe(budget);
      const words = gapLines(rs, g, 'en');
      expect(words.notes.join('\n')).toContain(`search budget (${budget} evaluations)`);
    });
  }

  it('a budget large enough for the candidates still finds plans', () => {
    expect(improvementPlans(rs, input, { lang: 'en', budget: 5000 }).status).toBe('plans');
  });
});
