// Issue 14, "nothing passes silently": evidence that is well-formed but probably not what was meant, and missing
// evidence, against csp-assessment 1.0. In: sample P1 with one change each. Out: codes, messages, outcomes, the
// missing fields with their cost; the plan (assess and decide) gives exactly what the reference gives.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../dsl/ast';
import { compileRuleset, parseEvidenceText, type CompiledRuleset } from '../../engine/index';
import { fieldHint, textNumberFix } from '../../engine/evidence/intake';
import { decisionOf, toDecisionJson, toResultJson } from '../../engine/evaluate/result';

let r: CompiledRuleset;
let p1: string;

beforeAll(() => {
  const c = compileRuleset(readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8')).ruleset;
  if (!c) throw new Error('1.0 does not compile');
  r = c;
  p1 = readFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', 'utf8');
});

/** P1's evidence text with line edits applied (`from` → `to`; `to` '' drops the line). */
function p1With(edits: Record<string, string>): { platform: string; name?: string; evidence: unknown } {
  let text = p1;
  for (const [from, to] of Object.entries(edits)) {
    expect(text).toContain(from);
    text = text.replace(new RegExp(`^.*${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\n`, 'm'), to === '' ? '' : `  ${to}\n`);
  }
  const doc = parseEvidenceText(text).platforms[0];
  if (!doc) throw new Error('no platform');
  return doc;
}

/** Assesses with the reference, the plan and the plan's decision, checks they agree, and returns the reference's. */
function assessAll(input: ReturnType<typeof p1With>, opts: { lang?: Lang; lenient?: boolean } = {}) {
  const ref = r.assess(input, { ...opts, engine: 'reference' });
  const plan = r.assess(input, opts);
  expect(toResultJson(plan)).toEqual(toResultJson(ref));
  expect(toDecisionJson(r.decide(input, opts))).toEqual(toDecisionJson(decisionOf(ref)));
  return ref;
}

const codes = (xs: readonly { code: string }[]): string[] => xs.map((x) => x.code);

describe('unknown fields: did you mean', () => {
  it('suggests from ids, former ids, labels and label words', () => {
    const m = r.model;
    expect(fieldHint(m, 'compute_utilisation')).toBe('compute_utilization');
    expect(fieldHint(m, 'PUE')).toBe('pue');
    expect(fieldHint(m, '电能利用效率')).toBe('pue');
    expect(fieldHint(m, 'pue_annual')).toBe('pue');
    expect(fieldHint(m, 'compute_redundancyy')).toBe('hot_spare_capacity_ratio');
    expect(fieldHint(m, 'site_manager')).toBeUndefined();
  });

  it('an unknown field close to a missing one makes the platform invalid, naming both (E161)', () => {
    const a = assessAll(p1With({ 'compute_utilization: 68': 'compute_utilisation: 55' }));
    expect(a.outcome).toBe('invalid');
    expect(codes(a.errors)).toEqual(['E161']);
    expect(a.errors[0]?.field).toBe('compute_utilisation');
    expect(a.errors[0]?.message).toContain('`compute_utilization`');
    expect(a.errors[0]?.message).toContain('rename `compute_utilisation` to `compute_utilization`');
    const zh = assessAll(p1With({ 'compute_utilization: 68': 'compute_utilisation: 55' }), { lang: 'zh-Hans' });
    expect(zh.errors[0]?.message).toContain('请将 `compute_utilisation` 改名为 `compute_utilization`');
  });

  it('lenient: a warning with the suggestion, and the real field counts as missing', () => {
    const a = assessAll(p1With({ 'compute_utilization: 68': 'compute_utilisation: 55' }), { lenient: true });
    expect(a.outcome).toBe('graded');
    expect(a.warnings.find((w) => w.code === 'E160')?.message).toBe('unknown field `compute_utilisation` is ignored; did you mean `compute_utilization`?');
    expect(decisionOf(a).missing.map((m) => m.field)).toEqual(['compute_utilization']);
  });

  it('with the real field given too, only a warning with the suggestion (E160)', () => {
    const a = assessAll(p1With({ 'compute_utilization: 68': 'compute_utilization: 68\n  compute_utilisation: 55' }));
    expect(a.outcome).toBe('graded');
    expect(codes(a.warnings)).toContain('E160');
  });
});

describe('plausibility', () => {
  it('percentages given as fractions are errors that say what to write (E162), warnings when lenient (E167)', () => {
    const input = p1With({ 'service_availability: 99.97': 'service_availability: 0.9995', 'training_mfu: 41': 'training_mfu: 0.38' });
    const a = assessAll(input);
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.field])).toEqual([
      ['E162', 'training_mfu'],
      ['E162', 'service_availability'],
    ]);
    expect(a.errors[1]?.message).toBe(
      '`service_availability` is 0.9995, which looks like a fraction, but it is a percentage on the 0–100 scale and its bands start at 99.5: write 99.95',
    );
    expect(assessAll(input, { lang: 'zh-Hant' }).errors[1]?.message).toContain('請寫 99.95');
    const lenient = assessAll(input, { lenient: true });
    expect(lenient.outcome).toBe('graded');
    expect(codes(lenient.warnings)).toEqual(expect.arrayContaining(['E167', 'E167']));
  });

  it('a fraction where the bands do start low is not suspect; 0 and 1 on a percentage with high bands are', () => {
    // declared_vs_measured_gap is a percentage, lower is better: 0.5 is plausible.
    expect(assessAll(p1With({ 'declared_vs_measured_gap: 3': 'declared_vs_measured_gap: 0.5' })).outcome).toBe('graded');
    expect(assessAll(p1With({ 'service_availability: 99.97': 'service_availability: 0' })).errors).toEqual([]);
    expect(codes(assessAll(p1With({ 'service_availability: 99.97': 'service_availability: 1' })).errors)).toEqual(['E162']);
    // 1 % is a real share where the bands start at 10: only a value strictly between 0 and 1 is a fraction there.
    expect(assessAll(p1With({ 'domestic_accelerator_share: 45': 'domestic_accelerator_share: 1' })).errors).toEqual([]);
    expect(codes(assessAll(p1With({ 'domestic_accelerator_share: 45': 'domestic_accelerator_share: 0.6' })).errors)).toEqual(['E162']);
  });

  it('a value far outside what the bands tell apart is a visible warning (E163, E164), still scored', () => {
    const low = assessAll(p1With({ 'total_compute_scale: 6000': 'total_compute_scale: 0.1' }));
    expect(low.outcome).not.toBe('invalid');
    expect(low.warnings.find((w) => w.code === 'E163')?.message).toBe('`total_compute_scale` is 0.1, far below its lowest band bound 20: check its unit');
    const high = assessAll(p1With({ 'mttr: 18': 'mttr: 1000000' }));
    expect(codes(high.warnings)).toContain('E164');
    expect(codes(assessAll(p1With({ 'mttr: 18': 'mttr: 24000' })).warnings)).not.toContain('E164');
  });

  it('full-width digits and "99.95%" as text say what to write (E165, E166)', () => {
    const fw = assessAll(p1With({ 'total_compute_scale: 6000': 'total_compute_scale: ８５０' }));
    expect(fw.errors.map((e) => e.message)).toEqual(['`total_compute_scale` is written with full-width characters "８５０": write 850']);
    const pct = assessAll(p1With({ 'service_availability: 99.97': 'service_availability: "99.95%"' }));
    expect(codes(pct.errors)).toEqual(['E166']);
    expect(pct.errors[0]?.message).toContain('write the number 99.95');
    expect(textNumberFix('９９．９５％')).toEqual({ fixed: expect.anything(), fullWidth: true, percent: true });
    expect(textNumberFix('abc')).toBeUndefined();
    expect(textNumberFix('1.2')).toBeUndefined();
  });
});

describe('missing evidence', () => {
  it('names each missing field and what it cost, in the decision, the result JSON and the decision JSON', () => {
    const input = p1With({ 'months_in_operation: 30': '', 'pue: 1.22': '' });
    const a = assessAll(input);
    expect(a.outcome).toBe('not_rated');
    const d = r.decide(input);
    expect(toDecisionJson(d).missing).toEqual([
      { field: 'pue', indicators: [{ id: 'pue', dimension: 'G', upTo: 3 }], prerequisites: [], vetoes: [] },
      { field: 'months_in_operation', indicators: [], prerequisites: ['P2'], vetoes: [] },
    ]);
    expect(toResultJson(a).missing).toEqual(toDecisionJson(d).missing);
    expect(toResultJson(assessAll(p1With({}))).missing).toBeUndefined();
  });

  it('an input whose absence leaves a veto undecided', () => {
    const a = assessAll(p1With({ 'falsified_evidence: false': '' }));
    expect(decisionOf(a).missing).toEqual([{ field: 'falsified_evidence', indicators: [], prerequisites: expect.any(Array), vetoes: ['V4'] }]);
  });
});
