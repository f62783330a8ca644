// A failed condition on a formula total shows the total at the ruleset's precision (`total 0.5 < 2`, not `0.50`),
// rounded with `≈` as derived values are; a weighted-sum total still shows as a score (`77.30`).
// In: small rulesets as source text. Out: explanation text.

import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import { explainPlatform, explanationText } from '../../engine/analyses/explain/index';

function text(src: string, evidence: Record<string, unknown>): string {
  const r = compileRuleset(src).ruleset;
  if (!r) throw new Error('does not compile');
  return explanationText(explainPlatform(r, { platform: 'p', evidence }, { lang: 'en' }).explanation, 'en');
}

const head = `ruleset "t" {\n  version "1"\n  status "draft"\n}\ninput x: number\n`;
const ladder = (cond: string): string =>
  `levels {\n  level high {\n    label { zh-Hans "高" zh-Hant "高" en "High" }\n    require ${cond}\n  }\n  fallback low {\n    label { zh-Hans "低" zh-Hant "低" en "Low" }\n  }\n}\n`;

describe('a formula total in failed conditions', () => {
  it('is shown at the ruleset precision, zeros trimmed', () => {
    const t = text(`${head}total { formula x / 2 }\n${ladder('total >= 2')}`, { x: 1 });
    expect(t).toContain('total 0.5 < 2');
    expect(t).not.toContain('0.50');
  });

  it('is rounded with ≈ at the declared precision when it has more digits', () => {
    const t = text(`ruleset "t" {\n  version "1"\n  status "draft"\n  precision 2\n}\ninput x: number\ntotal { formula x / 3 }\n${ladder('total >= 2')}`, { x: 1 });
    expect(t).toMatch(/total ≈?0\.33\d* < 2/);
  });
});
