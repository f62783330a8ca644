// Improvement plans on small rulesets written as DSL text: object bands, strict comparisons on integers, missing
// evidence, a target no evidence can reach, and a ruleset whose scoring reads another indicator (the search
// then runs without its additive bounds). In: DSL snippets. Out: plans, verified by re-assessing.

import { describe, expect, it } from 'vitest';
import { gapJson, gapText, improvementPlans } from '../../engine/analyses/gap/index';
import { ok, rs } from '../engine/helpers';

const SRC = rs(`
dimension A {
  label { zh-Hans "甲" zh-Hant "甲" en "Alpha" }
  weight 3
  indicator jobs {
    label { zh-Hans "作业" zh-Hant "作業" en "Jobs" }
    weight 1
    type integer >= 0
    higher is better
    bands { > 10: 100  > 5: 50  else: 0 }
  }
  indicator adapt {
    label { zh-Hans "适配" zh-Hant "適配" en "Adaptation" }
    weight 1
    type object { frameworks: integer >= 0, archs: integer >= 0 }
    higher is better
    bands { frameworks >= 4 and archs >= 3: 100  frameworks >= 2: 50  else: 0 }
  }
  indicator pue {
    label { zh-Hans "能效" zh-Hant "能效" en "PUE" }
    weight 1
    type number >= 1
    lower is better
    bands { <= 1.2: 100  < 1.5: 60  else: 0 }
  }
}
levels cumulative {
  level L2 {
    label { zh-Hans "二" zh-Hant "二" en "Two" }
    require total >= 3
  }
  level L1 {
    label { zh-Hans "一" zh-Hant "一" en "One" }
    require total >= 1.5
    require pue < 1.5
  }
  fallback L0 { label { zh-Hans "零" zh-Hant "零" en "Zero" } }
}
`, 3);

describe('improvement plans of snippets', () => {
  const r = ok(SRC);
  const assessWith = (evidence: Record<string, unknown>, changes: Record<string, unknown>) => r.assess({ platform: 'p', evidence: { ...evidence, ...changes } });

  it('moves integers past strict bounds, objects to the least member values, and supplies missing evidence', () => {
    const evidence = { jobs: 5, adapt: { frameworks: 1, archs: 5 } };
    const g = improvementPlans(r, { platform: 'p', evidence }, { target: 'L2' });
    const json = gapJson(r, g, 'en') as { plans: { changes: Record<string, unknown>; reaches: string }[] };
    expect(json.plans[0]?.changes).toEqual({ jobs: 11, adapt: { frameworks: 4, archs: 5 }, pue: 1.2 });
    for (const p of json.plans) expect(assessWith(evidence, p.changes).level).toBe('L2');
    expect(gapText(r, g, 'en')).toContain('provide pue with 1.2 (+1.00 points in A)');
    expect(gapText(r, g, 'en')).toContain('raise jobs from 5 to at least 11 (+1.00 points in A)');
  });

  it('finds the smallest plan for the next level', () => {
    const evidence = { jobs: 20, adapt: { frameworks: 0, archs: 0 }, pue: 1.6 };
    const g = improvementPlans(r, { platform: 'p', evidence });
    expect(g.target).toBe('L1');
    const json = gapJson(r, g, 'en') as { plans: { changes: Record<string, unknown> }[] };
    // pue must change (a level gate reads it alone); its nearest better band suffices, and plans are minimal.
    expect(json.plans.map((p) => p.changes)).toEqual([{ pue: 1.4 }]);
  });

  it('says why a target cannot be reached even with every indicator at its best', () => {
    const capped = ok(SRC.replace('require total >= 3', 'require total >= 3.5'));
    const g = improvementPlans(capped, { platform: 'p', evidence: { jobs: 1, adapt: { frameworks: 1, archs: 1 }, pue: 1.3 } }, { target: 'L2' });
    expect(g.status).toBe('unreachable');
    expect(gapText(capped, g, 'en')).toContain('even with every indicator at its best: L2: total 3.00 < 3.5');
  });

  it('works without additive bounds when scoring reads another indicator', () => {
    const src = SRC.replace('bands { > 10: 100  > 5: 50  else: 0 }', 'formula if pue <= 1.2 then 100 else min(100, value * 5)');
    const r2 = ok(src);
    const evidence = { jobs: 5, adapt: { frameworks: 4, archs: 3 }, pue: 1.4 };
    const g = improvementPlans(r2, { platform: 'p', evidence }, { target: 'L2' });
    expect(g.status).toBe('plans');
    const json = gapJson(r2, g, 'en') as { plans: { changes: Record<string, unknown> }[] };
    for (const p of json.plans) expect(r2.assess({ platform: 'p', evidence: { ...evidence, ...p.changes } }).level).toBe('L2');
  });
});
