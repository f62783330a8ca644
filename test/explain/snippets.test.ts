// Explanations of small rulesets written as DSL text: missing and not-applicable indicators, formulas,
// conditional map entries, object bands, failed prerequisites with their values, unknown conditions, and a
// cumulative level that holds on its own but not below. In: DSL snippets and evidence. Out: explanation text.

import { describe, expect, it } from 'vitest';
import { explainPlatform, explanationText } from '../../engine/analyses/explain/index';
import { ok, rs } from '../engine/helpers';

const SRC = rs(`
input months: integer >= 0 { label { zh-Hans "月数" zh-Hant "月數" en "Months" } }
input mainland: boolean { label { zh-Hans "内地" zh-Hant "內地" en "Mainland" } }
input fp64: boolean { label { zh-Hans "双精度" zh-Hant "雙精度" en "FP64" } }
dimension A {
  label { zh-Hans "甲" zh-Hant "甲" en "Alpha" }
  weight 4
  indicator avail {
    label { zh-Hans "可用性" zh-Hant "可用性" en "Availability" }
    weight 2
    type percent
    higher is better
    formerly uptime
    bands { >= 99.9: 100  >= 99: 60  else: 10 }
  }
  indicator hpl {
    label { zh-Hans "效率" zh-Hant "效率" en "HPL" }
    weight 1
    type percent
    higher is better
    applies when fp64
    formula min(100, value * 2)
  }
  indicator cert {
    label { zh-Hans "认证" zh-Hant "認證" en "Certificate" }
    weight 1
    type enum { top, intl, none }
    higher is better
    map { top: 100  intl: 60 when not mainland else 0  none: 0 }
  }
}
dimension B {
  label { zh-Hans "乙" zh-Hant "乙" en "Beta" }
  weight 1
  indicator adapt {
    label { zh-Hans "适配" zh-Hant "適配" en "Adaptation" }
    weight 1
    type object { frameworks: integer >= 0, archs: integer >= 0 }
    higher is better
    bands { frameworks >= 4 and archs >= 3: 100  frameworks >= 2: 50  else: 20 }
  }
}
prerequisite P1 {
  label { zh-Hans "运营" zh-Hant "營運" en "Operation" }
  require months >= 12
}
levels cumulative {
  level L2 {
    label { zh-Hans "二" zh-Hant "二" en "Two" }
    require total >= 4.5
    require avail >= 99.9
  }
  level L1 {
    label { zh-Hans "一" zh-Hant "一" en "One" }
    require every dimension: share >= 70%
  }
  fallback L0 { label { zh-Hans "零" zh-Hant "零" en "Zero" } }
}
`, 5);

function text(evidence: Record<string, unknown>, lang: 'en' | 'zh-Hans' = 'en'): string {
  return explanationText(explainPlatform(ok(SRC), { platform: 'p', evidence }, { lang }).explanation, lang);
}

describe('explanations of snippets', () => {
  const base = { months: 20, mainland: false, fp64: true, uptime: 99.95, hpl: 40, cert: 'intl', adapt: { frameworks: 2, archs: 1 } };

  it('writes out bands, formulas, conditional entries and object bands with the values they read', () => {
    const t = text(base);
    expect(t).toContain('99.95% (read from former id `uptime`)');
    expect(t).toContain('99.95 ≥ 99.9 → 100');
    expect(t).toContain('min(100, value * 2) = 80');
    expect(t).toContain('intl → 60 (60 when not mainland else 0; mainland = false)');
    expect(t).toContain('frameworks >= 2 → 50 (frameworks = 2)');
    expect(t).toContain('dimension B share 50.0% < 70%');
  });

  it('says when an indicator is missing or not applicable, and where its weight went', () => {
    const t = text({ ...base, fp64: false, cert: undefined });
    expect(t).toMatch(/hpl “HPL”: 40%\n\s+not applicable \(fp64 is false: fp64 = false\); its weight goes to the other indicators of A · weight 1 → 0/);
    expect(t).toMatch(/cert “Certificate”: —\n\s+missing: no evidence, 0 points/);
    expect(t).toContain('weight 2 → 2.67 (redistributed)');
  });

  it('shows a failed prerequisite with the value that made it fail', () => {
    const t = text({ ...base, months: 8 });
    expect(t).toContain('P1 “Operation”: fails — months 8 < 12');
    expect(t).toContain('the scores alone would give');
  });

  it('shows unknown conditions with the missing evidence', () => {
    const t = text({ ...base, months: undefined, uptime: undefined });
    expect(t).toContain('P1 “Operation”: unknown (missing months) — months >= 12: unknown (missing months)');
    expect(t).toContain('avail >= 99.9: unknown (missing avail)');
  });

  it('says when a cumulative level holds on its own but the level below does not', () => {
    const t = text({ ...base, uptime: 99.95, hpl: 50, cert: 'top' });
    expect(t).toContain('L2 “Two”');
    expect(t).toContain('its own conditions hold, but it needs L1 below it (cumulative)');
  });

  it('lists the evidence errors of an invalid platform and nothing else', () => {
    const t = text({ ...base, uptime: 'high' });
    expect(t).toContain('outcome: invalid evidence · no level · total 0.00');
    expect(t).toMatch(/Evidence errors\n {2}uptime: /);
    expect(t).not.toContain('Levels');
  });

  it('speaks Chinese', () => {
    const t = text({ ...base, months: 8 }, 'zh-Hans');
    expect(t).toContain('P1「运营」：不满足 — months 8 < 12');
    expect(t).toContain('维度 B 得分率 50.0% < 70%');
  });
});
