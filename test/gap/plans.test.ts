// Improvement plans (assay gap): every plan, applied to the evidence, reaches its target when assessed; plans
// are ranked by indicators changed, then band steps; the best plan is the smallest (no single change does it
// when it needs two or more); unreachable targets say why. On the samples (golden text) and on 150 seeded
// generated platforms. In: rulesets/csp-assessment. Out: test/gap/golden/<version>/<platform>.txt.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../engine/compile';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { baseEvidence, gapJson, gapText, improvementPlans, indicatorOptions, planJson, type GapResult } from '../../engine/analyses/gap/index';
import { changedInput } from '../../engine/analyses/gap/evidence';
import { rankOfLevel } from '../../engine/analyses/gap/search';
import { golden } from '../explain/golden';
import { VERSIONS } from '../rulesets/expected';
import { platforms, ruleset, withEvidence, platformByFile } from '../rulesets/load';
import { generatePlatforms } from './generate';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

interface PlanJson {
  changes: Record<string, unknown>;
  reaches: string;
  total: number;
  indicators: number;
  bandSteps: number;
}

/** Applies a plan's `changes` (by evidence key) to the platform and assesses it with the engine. */
function applyPlan(rs: CompiledRuleset, p: PlatformInput, changes: Record<string, unknown>) {
  const evidence = { ...(p.evidence as Record<string, unknown>), ...changes };
  return rs.assess({ platform: p.platform, evidence });
}

/** Checks every property a gap result must have; returns the JSON for further checks. */
function check(rs: CompiledRuleset, p: PlatformInput, g: GapResult): PlanJson[] {
  const json = gapJson(rs, g, 'en') as { plans: PlanJson[]; target: string | null };
  expect(json.plans.length).toBeLessThanOrEqual(3);
  if (g.status === 'plans') expect(json.plans.length).toBeGreaterThan(0);
  const tRank = rankOfLevel(rs, g.target);
  for (const plan of json.plans) {
    const a = applyPlan(rs, p, plan.changes);
    expect(a.outcome, `${p.platform} ${JSON.stringify(plan.changes)}`).toBe('graded');
    expect(rankOfLevel(rs, a.level)).toBeLessThanOrEqual(tRank);
    expect(a.level).toBe(plan.reaches);
    expect(a.total.toJSONNumber()).toBe(plan.total);
  }
  for (let i = 1; i < json.plans.length; i++) {
    const [x, y] = [json.plans[i - 1] as PlanJson, json.plans[i] as PlanJson];
    expect(x.indicators < y.indicators || (x.indicators === y.indicators && x.bandSteps <= y.bandSteps)).toBe(true);
    expect(JSON.stringify(x.changes)).not.toBe(JSON.stringify(y.changes));
  }
  // The best plan is the smallest: when it changes k ≥ 2 indicators, no single candidate change reaches the target.
  const best = json.plans[0];
  if (best && best.indicators >= 2 && g.exhaustive) {
    const a = rs.assess(p);
    const base = baseEvidence(rs, p, 'en');
    for (const o of indicatorOptions(rs, base, a, (c) => rs.assess(changedInput(base, c)))) {
      for (const c of o.candidates) {
        const r = rs.assess(changedInput(base, new Map([[o.id, c.value]])));
        const reaches = r.outcome === 'graded' && rankOfLevel(rs, r.level) <= tRank;
        expect(reaches, `${p.platform}: ${o.id} alone reaches ${g.target}`).toBe(false);
      }
    }
  }
  return json.plans;
}

describe('improvement plans of the sample platforms', () => {
  for (const v of VERSIONS) {
    for (const p of platforms()) {
      it(`${v} ${p.file}: next level, golden text`, () => {
        const rs = ruleset(v);
        const input = { platform: p.platform, name: p.name, evidence: p.evidence };
        const g = improvementPlans(rs, input, { lang: 'en' });
        check(rs, input, g);
        golden(join(GOLDEN, v, `${p.file}.txt`), gapText(rs, g, 'en'));
      });
      it(`${v} ${p.file}: every level above its own`, () => {
        const rs = ruleset(v);
        const input = { platform: p.platform, evidence: p.evidence };
        const a = rs.assess(input);
        for (const l of rs.model.levels) {
          if (rankOfLevel(rs, l.id) >= rankOfLevel(rs, a.level)) continue;
          const g = improvementPlans(rs, input, { target: l.id });
          expect(['plans', 'unreachable']).toContain(g.status);
          check(rs, input, g);
        }
      });
    }
  }

  it('phrases each step as an action with the points it gains in the standard\'s terms (its dimension\'s points)', () => {
    const rs = ruleset('1.0');
    const p = platformByFile('p2-regional-aicc');
    const text = gapText(rs, improvementPlans(rs, p, { target: 'L2' }), 'en');
    // pue (weight 3 of G's 8) from 65 to 80 of its 100 points: 3 × 15 ÷ 100 = 0.45 of the total.
    expect(text).toContain('lower pue from 1.28 to at most 1.25 (+0.45 points in G)');
    const p1 = withEvidence(platformByFile('p1-hub-operator'), { service_availability: 99.93 });
    const l4 = gapText(rs, improvementPlans(rs, p1), 'en');
    expect(l4).toContain('Plan 1: 1 indicator, 1 band step → L4');
    expect(l4).toContain('raise service_availability from 99.93% to at least 99.95% (+0.75 points in D)');
  });

  it('gives each step the points it adds to the total: a plan\'s steps add up to its total gain', () => {
    for (const v of VERSIONS) {
      const rs = ruleset(v);
      for (const file of ['p1-hub-operator', 'p2-regional-aicc', 'p3-gpu-rental-startup', 'p4-hk-crossborder', 'p5-inflated-claims']) {
        const p = platformByFile(file);
        const base = rs.assess(p);
        const g = improvementPlans(rs, p);
        for (const plan of g.plans) {
          const sum = plan.steps.reduce((x, s) => x.add(s.contributionTo.sub(s.contributionFrom)), base.total.sub(base.total));
          expect(sum.toFraction(), `${v} ${file}`).toBe(plan.total.sub(base.total).toFraction());
          const json = planJson(rs, plan, 'en') as { steps: { dimensionPoints: number }[] };
          expect(json.steps.map((s) => s.dimensionPoints)).toEqual(plan.steps.map((s) => s.contributionTo.sub(s.contributionFrom).toJSONNumber()));
        }
      }
    }
  });

  it('says when a prerequisite on a fact blocks the target', () => {
    const rs = ruleset('1.0');
    const p = withEvidence(platformByFile('p1-hub-operator'), { months_in_operation: 8 });
    const g = improvementPlans(rs, p);
    expect(g.status).toBe('unreachable');
    expect(g.blockers.map((b) => [b.kind, b.id, b.fields.join()])).toEqual([['prerequisite', 'P2', 'months_in_operation']]);
    expect(gapText(rs, g, 'en')).toContain('P2 “Twelve months in operation” depends on months_in_operation, which is not an indicator: months_in_operation >= 12');
    const v4 = improvementPlans(rs, withEvidence(platformByFile('p2-regional-aicc'), { falsified_evidence: true }));
    expect(v4.blockers.map((b) => b.id)).toEqual(['V4']);
  });

  it('lifts a veto by changing the indicators it reads', () => {
    const rs = ruleset('1.0');
    const p = platformByFile('p5-inflated-claims');
    const g = improvementPlans(rs, p);
    const [plan] = check(rs, p, g);
    expect(Object.keys(plan?.changes ?? {}).sort()).toEqual(['declared_vs_measured_gap', 'metric_disclosure', 'oversubscription_ratio']);
  });

  it('reports a platform already at the target or at the top', () => {
    const rs = ruleset('1.0');
    const p1 = platformByFile('p1-hub-operator');
    expect(improvementPlans(rs, p1, { target: 'L3' }).status).toBe('already');
    expect(improvementPlans(rs, p1, { target: 'L9' }).status).toBe('unknown-target');
  });
});

describe('improvement plans of generated platforms', () => {
  for (const [v, n, seed] of [
    ['1.0', 110, 20260701],
    ['0.9', 40, 20260113],
  ] as const) {
    it(`${v}: ${n} seeded platforms, every plan verified and minimal`, () => {
      const rs = ruleset(v);
      const gen = generatePlatforms(rs, platforms(), n, seed);
      const stats = new Map<string, number>();
      const t0 = performance.now();
      for (const p of gen) {
        const g = improvementPlans(rs, p);
        stats.set(g.status, (stats.get(g.status) ?? 0) + 1);
        check(rs, p, g);
      }
      const ms = performance.now() - t0;
      // Enough platforms with plans for the test to mean something.
      expect(stats.get('plans') ?? 0).toBeGreaterThan(n / 3);
      expect(ms / n).toBeLessThan(1500);
    });
  }
});
