// The improvement search's shortcuts agree with the engine, and it is fast enough (issue 15): candidate points
// derived from the decision's total equal the full assessment's, the exact input that verifies a plan reads like
// its JSON text, and plans for the sample platforms take well under the targets (CPU time, 3× the target).
// In: rulesets/csp-assessment 0.9 and 1.0, samples and seeded platforms. Out: assertions.

import { describe, expect, it } from 'vitest';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import type { EvidenceValue } from '../../engine/evaluate/result';
import { baseEvidence, changedInput, changedText, improvementPlans, indicatorOptions } from '../../engine/analyses/gap/index';
import { exactInput } from '../../engine/analyses/gap/evidence';
import { VERSIONS } from '../rulesets/expected';
import { platforms, ruleset, rulesetText } from '../rulesets/load';
import { generatePlatforms } from './generate';

describe('improvement search shortcuts', () => {
  for (const v of VERSIONS) {
    it(`${v}: candidate points from the decision's total equal the full assessment's`, () => {
      const rs = ruleset(v);
      let compared = 0;
      for (const p of [...platforms(), ...generatePlatforms(rs, platforms(), 30, 5)]) {
        const a = rs.assess(p);
        if (a.outcome === 'invalid') continue;
        const base = baseEvidence(rs, p, 'en');
        const assess = (c: ReadonlyMap<string, EvidenceValue>) => rs.assess(changedInput(base, c));
        const full = indicatorOptions(rs, base, a, assess);
        const quick = indicatorOptions(rs, base, a, assess, (c) => rs.decide(changedInput(base, c), { messages: false }));
        const shape = (os: typeof full) => os.map((o) => [o.id, o.candidates.map((c) => [c.points.toFraction(), c.gain.toFraction(), c.steps, c.rank])]);
        expect(shape(quick), p.platform).toEqual(shape(full));
        compared += full.length;
      }
      expect(compared).toBeGreaterThan(100);
    });

    it(`${v}: a plan's exact input is assessed like its JSON text read back`, () => {
      const rs = ruleset(v);
      for (const p of platforms()) {
        const g = improvementPlans(rs, p);
        const base = baseEvidence(rs, p, 'en');
        for (const plan of g.plans) {
          const changes = new Map(plan.steps.map((s) => [s.id, s.to]));
          expect(changedText(base, changes)).toBe(plan.evidenceText);
          const doc = parseEvidenceText(plan.evidenceText, 'plan.json').platforms[0];
          expect(doc).toBeDefined();
          const fromText = rs.assess(doc as NonNullable<typeof doc>, { engine: 'reference' });
          const exact = rs.assess(exactInput(base, changes), { engine: 'reference' });
          expect([exact.level, exact.total.toFraction(), exact.outcome]).toEqual([fromText.level, fromText.total.toFraction(), fromText.outcome]);
          expect(exact.level).toBe(plan.reaches);
        }
      }
    });
  }
});

describe('improvement search speed (issue 15: < 50 ms typical, < 200 ms worst; checked at 3×)', () => {
  it('plans for each sample platform, first run after compiling, in CPU time', () => {
    for (const v of VERSIONS) {
      // A fresh compile: the plan's closures and the search's code paths are as cold as in one `assay gap` run.
      const rs = compileRuleset(rulesetText(v)).ruleset;
      expect(rs).toBeDefined();
      if (!rs) continue;
      const times: number[] = [];
      for (const p of platforms()) {
        const t = process.cpuUsage();
        const g = improvementPlans(rs, p);
        const used = process.cpuUsage(t);
        times.push((used.user + used.system) / 1000);
        expect(g.exhaustive).toBe(true);
      }
      const sorted = [...times].sort((x, y) => x - y);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      expect(median, `${v}: ${times.map((x) => x.toFixed(0)).join(', ')} ms`).toBeLessThan(150);
      expect(Math.max(...times), `${v}: ${times.map((x) => x.toFixed(0)).join(', ')} ms`).toBeLessThan(600);
    }
  });
});
