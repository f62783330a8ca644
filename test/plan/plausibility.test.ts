// The plan's reader and numbers its bands make implausible: a value far outside the bands (E163, E164) is a
// warning the plan gives itself, worded as the reference words it; a percentage written as a fraction (E162) is
// `invalid` to the decision, and goes to the reference when lenient (E167), as two far-off fields at once do.
// In: small rulesets in source text, evidence as YAML. Out: decisions, results and assessments equal to the
// reference's, and which platforms were handed over.
import { describe, expect, it } from 'vitest';
import { parseEvidenceText } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { ok, rs } from '../engine/helpers';
import { canon, planOf } from './helpers';

const RULESET = rs(`
dimension A {
  weight 100
  indicator throughput {
    weight 40
    higher is better
    type number >= 0
    bands {
      >= 1000: 100
      >= 200: 50
      else: 0
    }
  }
  indicator latency {
    weight 30
    lower is better
    type number >= 0
    bands {
      <= 5: 100
      <= 20: 50
      else: 0
    }
  }
  indicator uptime {
    weight 30
    higher is better
    type percent
    bands {
      >= 99.9: 100
      >= 99: 50
      else: 0
    }
  }
}`);

const platform = (evidence: string): PlatformInput => {
  const [p] = parseEvidenceText(`platform: P\nevidence:\n${evidence}`, 'p.yaml').platforms;
  if (!p) throw new Error('no platform');
  return p;
};

/** Everything the three calls give, with the reference's beside it, and whether the plan handed the platform over. */
function both(p: PlatformInput, lang: 'en' | 'zh-Hans' = 'en'): { plan: string[]; reference: string[]; handedOver: number } {
  const r = ok(RULESET);
  const plan = planOf(r);
  const ref = r.assess(p, { engine: 'reference', lang });
  const refDecision = r.decide(p, { engine: 'reference', lang });
  return {
    plan: [canon(plan.assess(p, { lang })), canon(plan.evaluate(p, lang)), canon(plan.summary(p, lang))],
    // The plan's decision of invalid evidence has no messages (`PlanSummary`): `decide` asks the reference for them.
    reference: [
      canon(ref),
      canon(r.evaluate(p, { engine: 'reference', lang })),
      canon(refDecision.outcome === 'invalid' ? { ...refDecision, errors: [], warnings: [] } : refDecision),
    ],
    handedOver: plan.stats.handedOver,
  };
}

describe('implausible numbers in the plan', () => {
  it('gives the warning of a number far below its bands itself (E163), as the reference words it', () => {
    const p = platform('  throughput: 1.5\n  latency: 4\n  uptime: 99.95\n');
    const s = both(p);
    expect(s.plan).toEqual(s.reference);
    expect(s.plan[0]).toContain('E163');
    expect(s.handedOver).toBe(0);
  });

  it('gives the warning of a number far above its bands itself (E164), in every language', () => {
    for (const lang of ['en', 'zh-Hans'] as const) {
      const s = both(platform('  throughput: 1200\n  latency: 2500\n  uptime: 99.95\n'), lang);
      expect(s.plan).toEqual(s.reference);
      expect(s.plan[0]).toContain('E164');
      expect(s.handedOver).toBe(0);
    }
  });

  it('keeps the reference order when another warning comes first (an unknown key, then the far-off number)', () => {
    const s = both(platform('  colour: blue\n  throughput: 1200\n  latency: 2500\n  uptime: 99.95\n'));
    expect(s.plan).toEqual(s.reference);
    expect(s.plan[0]).toMatch(/E120.*E164/);
    expect(s.handedOver).toBe(0);
  });

  it('scores a value at a window edge that is not implausible without a warning', () => {
    // Below 1000 / 100 = 10 is far off; 10 itself is not. Above 20 × 100 = 2000 is far off; 2000 itself is not.
    const s = both(platform('  throughput: 10\n  latency: 2000\n  uptime: 99.95\n'));
    expect(s.plan).toEqual(s.reference);
    expect(s.plan[0]).not.toMatch(/E16[34]/);
    expect(s.handedOver).toBe(0);
  });

  it('hands two far-off fields over (the reference orders their warnings by key) and agrees', () => {
    const s = both(platform('  latency: 2500\n  throughput: 1.5\n  uptime: 99.95\n'));
    expect(s.plan).toEqual(s.reference);
    expect(s.plan[0]).toMatch(/E164.*E163/);
    expect(s.handedOver).toBeGreaterThan(0);
  });

  it('decides a percentage written as a fraction invalid (E162), and hands it over when lenient (E167)', () => {
    const p = platform('  throughput: 1200\n  latency: 4\n  uptime: 0.999\n');
    const s = both(p);
    expect(s.plan).toEqual(s.reference);
    expect(s.plan[2]).toContain('"outcome":"invalid"');
    expect(s.handedOver).toBeGreaterThan(0);
    const r = ok(RULESET);
    expect(canon(r.decide(p, { lenient: true }))).toBe(canon(r.decide(p, { lenient: true, engine: 'reference' })));
    // The decision alone knows `invalid` itself (E162 is an error); lenient, the reference gives the warning E167.
    const plan = planOf(r);
    expect(plan.summary(p, 'en', false).outcome).toBe('invalid');
    expect(plan.stats.handedOver).toBe(0);
    const lenient = plan.summary(p, 'en', true, true);
    expect(plan.stats.handedOver).toBe(1);
    expect(canon(lenient)).toBe(canon(r.decide(p, { lenient: true, engine: 'reference' })));
    expect(canon(lenient)).toContain('E167');
  });

  it('reads the key a far-off value was given under when it is a former id', () => {
    const r = ok(RULESET.replace('indicator latency {', 'indicator latency {\n    formerly delay'));
    const p = platform('  throughput: 1200\n  delay: 2500\n  uptime: 99.95\n');
    const plan = planOf(r);
    expect(canon(plan.summary(p))).toBe(canon(r.decide(p, { engine: 'reference' })));
    expect(canon(plan.assess(p))).toBe(canon(r.assess(p, { engine: 'reference' })));
    expect(canon(plan.summary(p))).toContain('delay');
  });
});
