// The plan's decision-only summary: equal to the reference's outcome, level and total, with invalid evidence
// decided without the reference. In: csp-assessment, generated platforms, YAML with more digits than a double.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { parseEvidenceText } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate';
import { ok, rs } from '../engine/helpers';
import { loadRuleset, planOf } from './helpers';

const decision = (a: { outcome: string; level: string | null; total: { toFraction(): string } }): string =>
  `${a.outcome} ${a.level ?? '-'} ${a.total.toFraction()}`;

describe('plan summary', () => {
  it('decides like the reference on 6,000 generated platforms, invalid ones without handing them over', () => {
    const r = loadRuleset('0.9');
    const plan = planOf(r);
    const ps = generatePlatforms(r.model, 6_000, 11, { missing: 0.04, invalid: 0.1, boundary: 0.6 });
    let invalid = 0;
    for (const p of ps) {
      const ref = r.assess(p, { engine: 'reference' });
      if (ref.outcome === 'invalid') invalid++;
      expect(decision(plan.summary(p))).toBe(decision(ref));
    }
    expect(invalid).toBeGreaterThan(100);
    expect(plan.stats.handedOver).toBeLessThan(invalid);
  });

  it('hands a number outside its domain over to the reference when exact source text was read', () => {
    const r = ok(
      rs(`
dimension A {
  weight 100
  indicator x {
    weight 100
    type number > 0
    bands {
      >= 1: 100
      else: 0
    }
  }
}`),
    );
    // 1e-400 is 0 as a double (outside `> 0`), but the number written is positive: the reference decides.
    const tiny = `0.${'0'.repeat(399)}1`;
    const [p] = parseEvidenceText(`platform: P\nevidence:\n  x: ${tiny}\n`, 'p.yaml').platforms as PlatformInput[];
    if (!p) throw new Error('no platform');
    const ref = r.assess(p, { engine: 'reference' });
    const plan = planOf(r);
    expect(decision(plan.summary(p))).toBe(decision(ref));
    expect(plan.stats.handedOver).toBe(1);
    // Without the exact text (a plain object), 0 is outside the domain for both.
    const zero: PlatformInput = { platform: 'Z', evidence: { x: 0 } };
    expect(decision(plan.summary(zero))).toBe(decision(r.assess(zero, { engine: 'reference' })));
    expect(r.assess(zero, { engine: 'reference' }).outcome).toBe('invalid');
    expect(plan.stats.handedOver).toBe(1);
  });
});
