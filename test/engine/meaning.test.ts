// Which edits change a ruleset's meaning (engine/model/meaning.ts), stated as edits of csp-assessment 0.9's text: a
// label, a unit, a basis or a note leaves every assessment as it was; a weight, a bound, a band's points, a direction
// or an indicator's id does not. And the editor's memory (playground/src/worker/live.ts) numbers meanings by it.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../dsl/parse';
import { compileRuleset } from '../../engine/compile';
import { sameMeaning } from '../../engine/model/meaning';
import { LiveCompiler } from '../../playground/src/worker/live';

const CSP = readFileSync('rulesets/csp-assessment/0.9.assay', 'utf8');

/** `CSP` with the first `from` after `near` replaced by `to`. */
function edited(near: string, from: string, to: string): string {
  const at = CSP.indexOf(from, CSP.indexOf(near));
  expect(at).toBeGreaterThan(0);
  return CSP.slice(0, at) + to + CSP.slice(at + from.length);
}

const NEAR = 'indicator total_compute_scale';
const SAME: readonly [string, string, string][] = [
  ['label', 'en "Total available compute"', 'en "Total compute available"'],
  ['unit', 'unit "PFLOPS (FP16 dense, measured-available)"', 'unit "PFLOPS"'],
  ['basis', 'basis "voucher floors', 'basis "city voucher floors'],
  ['layout', '    bands {\n      >= 1000: 100', '    bands { >= 1000: 100'],
];
const CHANGED: readonly [string, string, string][] = [
  ['weight', 'weight 4', 'weight 5'],
  ['bound', '>= 300: 80', '>= 301: 80'],
  ['points', '>= 300: 80', '>= 300: 75'],
  ['direction', 'higher is better', 'lower is better'],
  ['id', 'indicator total_compute_scale', 'indicator total_compute_scales'],
  ['methods', 'methods DR, OS, TT', 'methods DR, OS'],
];

const dimensionA = (text: string): unknown => parseRuleset(text).ast.items.find((i) => i.kind === 'Dimension');

describe('the meaning of a declaration', () => {
  it.each(SAME)('an edit of the %s keeps it', (_what, from, to) => {
    expect(sameMeaning(dimensionA(CSP), dimensionA(edited(NEAR, from, to)))).toBe(true);
  });
  it.each(CHANGED)('an edit of the %s changes it', (_what, from, to) => {
    expect(sameMeaning(dimensionA(CSP), dimensionA(edited(NEAR, from, to)))).toBe(false);
  });

  it('the editor keeps the number of the meaning across a label edit and a new number after a bound edit', () => {
    const live = new LiveCompiler();
    const first = live.compile(CSP, 'x.assay');
    const label = live.compile(edited(NEAR, SAME[0]![1], SAME[0]![2]), 'x.assay');
    expect(label.how).toBe('item');
    expect(label.meaning).toBe(first.meaning);
    const bound = live.compile(edited(NEAR, CHANGED[1]![1], CHANGED[1]![2]), 'x.assay');
    expect(bound.how).toBe('item');
    expect(bound.meaning).not.toBe(first.meaning);
    // A full parse (an edit in the header) starts a new meaning, even when nothing that counts changed.
    const header = live.compile(edited(NEAR, CHANGED[1]![1], CHANGED[1]![2]).replace('ruleset "', 'ruleset  "'), 'x.assay');
    expect(header.how).toBe('full');
    expect(header.meaning).not.toBe(bound.meaning);
  });

  it('the editor keeps the checks that read no label across a label edit: the same problems, moved with the text', () => {
    // Warnings after the edited label (bands against their direction), and a missing translation (the label check).
    let text = edited('indicator peak_pool_compute', '      else: 20', '      else: 100');
    text = text.replace('en "Total available compute"', 'en "Total available compute" ');
    const live = new LiveCompiler();
    const first = live.compile(text, 'x.assay');
    expect(first.result.diagnostics.map((d) => d.code)).toContain('A507');
    for (const [from, to] of [
      ['en "Total available compute" ', 'en "Total compute, available" '],
      ['zh-Hant "算力規模" ', ''],
      ['en "Total compute, available" ', 'en "Total" '],
    ] as const) {
      const at = text.indexOf(from, text.indexOf(NEAR));
      if (at < 0) continue;
      text = text.slice(0, at) + to + text.slice(at + from.length);
      const warm = live.compile(text, 'x.assay');
      expect(warm.how).toBe('item');
      expect(warm.result.diagnostics).toEqual(compileRuleset(text, { path: 'x.assay' }).diagnostics);
    }
  });
});
