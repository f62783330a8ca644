// Display rounding never makes a condition look other than it is (issue 17): a total of exactly 99.995 against
// `total >= 100` is not shown as `100.00 < 100`. In: a one-indicator ruleset whose total is the evidence. Out: text.

import { describe, expect, it } from 'vitest';
import { explainPlatform, explanationText } from '../../engine/analyses/explain/index';
import { ok, rs } from '../engine/helpers';

const SRC = rs(`
dimension A {
  weight 100
  indicator x {
    weight 100
    type number 0 to 100
    formula value
  }
}
levels cumulative {
  level L2 {
    label { zh-Hans "二" zh-Hant "二" en "Two" }
    require total >= 100
    require every dimension: share >= 100%
    require x != 100
  }
  level L1 {
    label { zh-Hans "一" zh-Hant "一" en "One" }
    require total < 99.996
  }
  fallback L0 {
    label { zh-Hans "零" zh-Hant "零" en "Zero" }
  }
}`);

const text = (x: string): string => {
  const r = ok(SRC);
  const p = { platform: 'p', evidence: { x: Number(x) } };
  return explanationText(explainPlatform(r, p, { lang: 'en' }).explanation, 'en');
};

describe('numbers in explained conditions', () => {
  it('a total of 99.995 below 100 is shown with the digits that make it below', () => {
    const t = text('99.995');
    expect(t).toContain('total 99.995 < 100');
    expect(t).toContain('dimension A share 99.995% < 100%');
    expect(t).not.toMatch(/100\.00 < 100|100\.0% < 100%/);
  });

  it('values that round without contradiction keep the usual decimals', () => {
    const t = text('99.5');
    expect(t).toContain('total 99.50 < 100');
    expect(t).toContain('dimension A share 99.5% < 100%');
  });
});
