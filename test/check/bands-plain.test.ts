// The set-based path of the bands check (plain band lists: `else` or the own value against a constant) against
// the condition-based path it shortcuts: random band lists, random types and directions, the same diagnostics.
// In: generated DSL snippets. Out: A501–A507 from both paths, compared whole (code, span, arguments, notes).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBands, checkBandsByConditions } from '../../engine/check/bands';
import { compileRuleset } from '../../engine/index';

const L = 'label { zh-Hans "标" zh-Hant "標" en "L" }';
const HEAD = `ruleset "t" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "测" zh-Hant "測" en "T" }\n  total 10\n}\n`;

const OPS = ['>=', '>', '<=', '<', '=', '!='] as const;
const TYPES = ['percent', 'integer', 'number', 'number >= 0', 'integer 0 to 10', 'number 5 to 3', 'integer > 2', 'percent <= 50'];
const VALUES = ['0', '1', '2', '2.5', '3', '5', '10', '50', '75', '90', '100', '101', '-1'];

const band = fc.oneof(
  { weight: 1, arbitrary: fc.constant('else') },
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...OPS), fc.constantFrom(...VALUES)).map(([op, v]) => `${op} ${v}`) },
);
const points = fc.constantFrom('0', '20', '60', '100');

const ruleset = fc
  .record({
    type: fc.constantFrom(...TYPES),
    direction: fc.constantFrom('', 'higher is better', 'lower is better'),
    bands: fc.array(fc.tuple(band, points), { minLength: 1, maxLength: 6 }),
  })
  .map(({ type, direction, bands }) => {
    const list = bands.map(([c, p]) => `      ${c}: ${p}`).join('\n');
    return `${HEAD}dimension A {\n  ${L}\n  weight 10\n  indicator a {\n    ${L}\n    weight 10\n    type ${type}\n    ${direction}\n    bands {\n${list}\n    }\n  }\n}\n`;
  });

describe('bands: plain band lists', () => {
  it('the set-based path finds exactly what the condition-based path finds', () => {
    let findings = 0;
    fc.assert(
      fc.property(ruleset, (text) => {
        const { model } = compileRuleset(text, { checks: false });
        expect(model).toBeDefined();
        if (!model) return;
        const fast = checkBands(model);
        findings += fast.length;
        expect(fast).toEqual(checkBandsByConditions(model));
      }),
      { numRuns: 400, seed: 2026 },
    );
    // the generator must reach the findings, not only clean lists
    expect(findings).toBeGreaterThan(100);
  });
});
