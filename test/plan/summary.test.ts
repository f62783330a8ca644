// The plan's decision-only summary: equal to the reference's outcome, level and total, with invalid evidence
// decided without the reference. In: csp-assessment, generated platforms, YAML with more digits than a double.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { parseEvidenceText } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
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

describe('plan summary: what a decision may skip', () => {
  const label = (s: string): string => `label { zh-Hans "${s}" zh-Hant "${s}" en "${s}" }`;
  const base = (rules: string): string => `
input d: integer >= 0 { ${label('d')} }
input ok: boolean { ${label('ok')} }
dimension A {
  ${label('A')}
  weight 100
  indicator x {
    ${label('x')}
    weight 100
    type number >= 0
    higher is better
    bands {
      >= 80: 100
      >= 40: 50
      else: 0
    }
  }
}
${rules}`;
  const decide = (src: string, evidence: Record<string, unknown>): { plan: string; ref: string } => {
    const r = ok(rs(base(src)));
    const p: PlatformInput = { platform: 'P', evidence };
    return { plan: decision(planOf(r).summary(p)), ref: decision(r.assess(p, { engine: 'reference' })) };
  };
  const ladder = (top: string, cumulative: boolean): string => `
levels ${cumulative ? 'cumulative' : ''} {
  level L2 {
    ${label('L2')}
    require ${top}
  }
  level L1 {
    ${label('L1')}
    require total >= 50
  }
  fallback L0 {
    ${label('L0')}
  }
}`;

  it('evaluates a level condition that may divide by zero even when a lower level fails', () => {
    // x = 10: L1 fails; the reference still evaluates L2 and 100 / d throws (E150): the platform is invalid.
    for (const cumulative of [true, false]) {
      const { plan, ref } = decide(ladder('100 / d > 1', cumulative), { x: 10, d: 0 });
      expect(ref).toBe('invalid - 0');
      expect(plan).toBe(ref);
    }
  });

  it('evaluates the ladder of a platform that is not rated when a level condition may throw', () => {
    const rules = `prerequisite P1 {\n  ${label('P1')}\n  require ok\n}\n`;
    const { plan, ref } = decide(rules + ladder('x / d > 1', true), { x: 90, d: 0, ok: false });
    expect(ref).toBe('invalid - 0');
    expect(plan).toBe(ref);
    // Without the division the ladder is skipped and the decision is the same as the reference's.
    const safe = decide(rules + ladder('x > d', true), { x: 90, d: 0, ok: false });
    expect(safe.ref).toBe('not_rated - 100');
    expect(safe.plan).toBe(safe.ref);
  });

  it('evaluates every condition of a rule after a false one when a later one may throw', () => {
    const rules = `prerequisite P1 {\n  ${label('P1')}\n  require ok\n  require 10 / d > 1\n}\n`;
    const { plan, ref } = decide(rules + ladder('x > 90', true), { x: 90, d: 0, ok: false });
    expect(ref).toBe('invalid - 0');
    expect(plan).toBe(ref);
  });
});
