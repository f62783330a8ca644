// The rules of draft-0.9.md §1 and final-1.0.md as the csp-assessment rulesets apply them: thresholds
// hit exactly, renamed indicators fed with 0.9 evidence, missing, not-applicable and bad evidence.
// In: the two rulesets and the sample platforms with single fields changed. Out: pass/fail per rule.

import { describe, expect, it } from 'vitest';
import type { Assessment, IndicatorResult } from '../../engine/evaluate/result';
import type { Version } from './expected';
import { platformByFile, ruleset, withEvidence, type Platform } from './load';

function assess(v: Version, p: Platform): Assessment {
  return ruleset(v).assess({ platform: p.platform, name: p.name, evidence: p.evidence });
}

function sample(file: string, changes: Readonly<Record<string, unknown>> = {}): Platform {
  return withEvidence(platformByFile(file), changes);
}

function indicator(a: Assessment, id: string): IndicatorResult {
  const i = a.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id} in the result`);
  return i;
}

function points(v: Version, file: string, id: string, changes: Readonly<Record<string, unknown>>): string | null {
  const p = indicator(assess(v, sample(file, changes)), id).points;
  return p === null ? null : p.toFraction();
}

const fired = (a: Assessment) => a.vetoes.filter((x) => x.truth === true).map((x) => x.id);
const failed = (a: Assessment) => a.prerequisites.filter((x) => x.truth !== true).map((x) => x.id);
const share = (a: Assessment, id: string) => a.dimensions.find((d) => d.id === id)?.share.toFraction();
const P1 = 'p1-hub-operator';
const P2 = 'p2-regional-aicc';
const P4 = 'p4-hk-crossborder';

describe('values exactly on a threshold land on the inclusive side', () => {
  it('0.9: a dimension share of exactly 50% meets L1 (≥ 50%) but not L2 (≥ 60%)', () => {
    const a = assess('0.9', sample(P4));
    expect(share(a, 'G')).toBe('1/2');
    expect(a.level).toBe('L1');
  });

  it('bands: ≤ and ≥ are inclusive, `1.1` equals the band bound `1.10`', () => {
    expect(points('0.9', P1, 'pue', { pue: 1.25 })).toBe('80');
    expect(points('0.9', P1, 'pue', { pue: 1.2501 })).toBe('65');
    expect(points('0.9', P1, 'oversubscription_ratio', { oversubscription_ratio: 1.1 })).toBe('60');
    expect(points('0.9', P1, 'oversubscription_ratio', { oversubscription_ratio: 1.11 })).toBe('0');
    expect(points('1.0', P1, 'service_availability', { service_availability: 99.5 })).toBe('50');
    expect(points('1.0', P1, 'total_compute_scale', { total_compute_scale: 2000 })).toBe('100');
    expect(points('1.0', P1, 'total_compute_scale', { total_compute_scale: 1999.99 })).toBe('80');
    expect(points('0.9', P1, 'total_compute_scale', { total_compute_scale: 1000 })).toBe('100');
  });

  it('bands removed in 1.0 (C09, C10) fall through to 0', () => {
    expect(points('0.9', P1, 'pue', { pue: 1.5 })).toBe('20');
    expect(points('1.0', P1, 'pue', { pue: 1.5 })).toBe('0');
    expect(points('1.0', P1, 'pue', { pue: 1.4 })).toBe('40');
    expect(points('0.9', P1, 'service_availability', { service_availability: 99.0 })).toBe('30');
    expect(points('1.0', P1, 'service_availability', { service_availability: 99.0 })).toBe('0');
  });

  it('V1: a gap of exactly 20 (0.9) or 10 (1.0) does not fire; just above it does', () => {
    expect(fired(assess('0.9', sample(P1, { declared_vs_measured_gap: 20 })))).toEqual([]);
    expect(fired(assess('0.9', sample(P1, { declared_vs_measured_gap: 20.01 })))).toEqual(['V1']);
    expect(fired(assess('1.0', sample(P1, { declared_vs_measured_gap: 10 })))).toEqual([]);
    expect(fired(assess('1.0', sample(P1, { declared_vs_measured_gap: 10.01 })))).toEqual(['V1']);
  });

  it('V5 (1.0): exclusive cards at a ratio of exactly 1.00 do not fire, above it does; 0.9 has no V5', () => {
    expect(fired(assess('1.0', sample(P1, { sells_exclusive_cards: true, oversubscription_ratio: 1 })))).toEqual([]);
    expect(fired(assess('1.0', sample(P1, { sells_exclusive_cards: true, oversubscription_ratio: 1.01 })))).toEqual([
      'V5',
    ]);
    expect(fired(assess('0.9', sample(P1, { sells_exclusive_cards: true, oversubscription_ratio: 1.4 })))).toEqual([]);
  });

  it('P2: 6 months suffice under 0.9, 12 under 1.0 (C12)', () => {
    expect(failed(assess('0.9', sample(P1, { months_in_operation: 6 })))).toEqual([]);
    expect(failed(assess('0.9', sample(P1, { months_in_operation: 5 })))).toEqual(['P2']);
    expect(failed(assess('1.0', sample(P1, { months_in_operation: 12 })))).toEqual([]);
    expect(failed(assess('1.0', sample(P1, { months_in_operation: 11 })))).toEqual(['P2']);
  });

  it('L4 gate on the gap: ≤ 10 under 0.9, ≤ 5 under 1.0 (C12)', () => {
    expect(assess('1.0', sample(P1, { declared_vs_measured_gap: 5 })).level).toBe('L4');
    expect(assess('1.0', sample(P1, { declared_vs_measured_gap: 5.01 })).level).toBe('L3');
    expect(assess('0.9', sample(P1, { declared_vs_measured_gap: 10 })).level).toBe('L4');
  });
});

describe('each prerequisite and veto decides on its own fact (§4, C11)', () => {
  for (const v of ['0.9', '1.0'] as const) {
    it(`${v}: P1, P3, V2, V3, V4`, () => {
      expect(failed(assess(v, sample(P1, { independent_legal_entity: false })))).toEqual(['P1']);
      expect(failed(assess(v, sample(P1, { interruption_compensation: 'none' })))).toEqual(['P3']);
      expect(fired(assess(v, sample(P1, { major_security_incidents: 'major' })))).toEqual(['V2']);
      expect(fired(assess(v, sample(P1, { mlps_level: 'intl_equiv' })))).toEqual(['V3']);
      expect(fired(assess(v, sample(P1, { mlps_level: 'none' })))).toEqual(['V3']);
      expect(fired(assess(v, sample(P4, { mlps_level: 'none' })))).toEqual([]);
      expect(fired(assess(v, sample(P1, { falsified_evidence: true })))).toEqual(['V4']);
    });

    it(`${v}: a failed prerequisite gives not_rated and vetoes are still listed`, () => {
      const a = assess(v, sample(P1, { independent_legal_entity: false, falsified_evidence: true }));
      expect([a.outcome, a.level, failed(a), fired(a)]).toEqual(['not_rated', null, ['P1'], ['V4']]);
    });
  }

  it('1.0: V6 fires on non-compliant cross-border data only when data crosses the boundary', () => {
    expect(fired(assess('1.0', sample(P4, { cross_border_data_compliance: 'noncompliant' })))).toEqual(['V6']);
    expect(
      fired(assess('1.0', sample(P4, { cross_border_data_flow: false, cross_border_data_compliance: 'noncompliant' }))),
    ).toEqual([]);
    expect(fired(assess('0.9', sample(P4, { cross_border_data_compliance: 'noncompliant' })))).toEqual([]);
  });
});

describe('renamed indicators accept evidence recorded under their 0.9 ids (C05, C06)', () => {
  it('the P1 sample, recorded under 0.9 ids, scores the renamed indicators under 1.0', () => {
    const a = assess('1.0', sample(P1));
    expect(a.errors).toEqual([]);
    const hot = indicator(a, 'hot_spare_capacity_ratio');
    expect([hot.status, hot.field, hot.points?.toFraction()]).toEqual(['scored', 'compute_redundancy', '75']);
    const lat = indicator(a, 'resource_delivery_latency');
    expect([lat.status, lat.field, lat.points?.toFraction()]).toEqual(['scored', 'task_response_latency', '80']);
    const json = ruleset('1.0').evaluate({ platform: a.platform, name: 'P1', evidence: sample(P1).evidence });
    expect(json.indicators.hot_spare_capacity_ratio?.field).toBe('compute_redundancy');
  });

  it('when both ids are present the new id wins and the old one is reported as ignored', () => {
    const a = assess('1.0', sample(P1, { hot_spare_capacity_ratio: 12 }));
    const hot = indicator(a, 'hot_spare_capacity_ratio');
    expect([hot.field ?? hot.id, hot.points?.toFraction()]).toEqual(['hot_spare_capacity_ratio', '100']);
    expect(a.warnings.map((w) => w.field)).toContain('compute_redundancy');
  });

  it('0.9 does not know the 1.0 ids: ignored with a warning, the 0.9 indicator is missing', () => {
    const a = assess('0.9', sample(P1, { compute_redundancy: undefined, hot_spare_capacity_ratio: 8 }));
    expect(indicator(a, 'compute_redundancy').status).toBe('missing');
    expect(a.warnings.map((w) => w.field)).toContain('hot_spare_capacity_ratio');
  });

  it('fields a version does not know are ignored with a warning (C02, C03)', () => {
    expect(assess('0.9', sample(P1)).warnings.map((w) => w.field)).toEqual(['asset_inventory_consistency']);
    expect(assess('1.0', sample(P1)).warnings.map((w) => w.field)).toEqual(['support_response_p1']);
  });
});

describe('missing evidence never earns a level (§1)', () => {
  for (const v of ['0.9', '1.0'] as const) {
    it(`${v}: an absent veto fact leaves the veto unknown, which fails P4`, () => {
      const a = assess(v, sample(P1, { falsified_evidence: undefined }));
      expect([a.outcome, a.level, fired(a), failed(a)]).toEqual(['not_rated', null, [], ['P4']]);
    });

    it(`${v}: an absent mainland_ops makes intl_equiv score 0 and V3 unknown`, () => {
      const a = assess(v, sample(P4, { mainland_ops: undefined }));
      expect(indicator(a, 'mlps_level').points?.toFraction()).toBe('0');
      expect([a.outcome, failed(a)]).toEqual(['not_rated', ['P4']]);
    });

    it(`${v}: an absent indicator scores 0, is listed as missing, and a gate reading it does not hold`, () => {
      const a = assess(v, sample(P1, { pue: undefined }));
      expect([indicator(a, 'pue').status, indicator(a, 'pue').points?.toFraction()]).toEqual(['missing', '0']);
      expect(a.outcome).toBe('graded');
      expect(a.level).not.toBe('L4');
    });
  }

  it('a null value counts as absent', () => {
    const a = assess('1.0', sample(P1, { pue: null, falsified_evidence: null }));
    expect([a.outcome, a.errors, indicator(a, 'pue').status, failed(a)]).toEqual(['not_rated', [], 'missing', ['P4']]);
  });

  it('a veto that fires decides P4 even when another veto is unknown', () => {
    const a = assess('0.9', sample(P1, { falsified_evidence: undefined, major_security_incidents: 'major' }));
    expect([a.outcome, fired(a), failed(a)]).toEqual(['vetoed', ['V2'], []]);
  });
});

describe('applicability (§1 not applicable)', () => {
  it('hpl_efficiency is not applicable without FP64 and its weight is spread over B', () => {
    const a = assess('0.9', sample(P1, { offers_fp64: false }));
    const hpl = indicator(a, 'hpl_efficiency');
    expect([hpl.status, hpl.points, hpl.effectiveWeight.toFraction()]).toEqual(['not_applicable', null, '0']);
    // B: weights 5, 2, 3, 3, 2 spread over 18 → the gap indicator carries 5 × 18 / 15 = 6
    expect(indicator(a, 'declared_vs_measured_gap').effectiveWeight.toFraction()).toBe('6');
  });

  it('not applicable must be established: with offers_fp64 absent the indicator applies', () => {
    const a = assess('0.9', sample(P1, { offers_fp64: undefined }));
    expect(indicator(a, 'hpl_efficiency').status).toBe('scored');
  });

  it('the cross-border indicator applies only with cross-border data flow, V6 likewise (1.0)', () => {
    const a = assess('1.0', sample(P2));
    expect(indicator(a, 'cross_border_data_compliance').status).toBe('not_applicable');
    expect(share(a, 'E')).toBe('51/55');
    const b = assess('1.0', sample(P2, { cross_border_data_flow: true, cross_border_data_compliance: 'partial' }));
    expect([indicator(b, 'cross_border_data_compliance').points?.toFraction(), fired(b)]).toEqual(['50', []]);
  });

  it('a field of a not-applicable indicator is still checked', () => {
    const a = assess('1.0', sample(P2, { cross_border_data_compliance: 'maybe' }));
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => e.field)).toEqual(['cross_border_data_compliance']);
  });
});

describe('bad evidence makes the platform invalid (the type column of §2 and §3)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['pue below 1', { pue: 0.99 }, 'pue'],
    ['more than 7 scenarios', { multi_scenario_coverage: 8 }, 'multi_scenario_coverage'],
    ['a fraction of a month', { months_in_operation: 6.5 }, 'months_in_operation'],
    ['a negative month count', { months_in_operation: -1 }, 'months_in_operation'],
    ['a percentage above 100', { rack_occupancy: 101 }, 'rack_occupancy'],
    ['an unknown enum value', { metric_disclosure: 'complete' }, 'metric_disclosure'],
    ['a string for a boolean', { mainland_ops: 'yes' }, 'mainland_ops'],
    ['a negative ratio', { oversubscription_ratio: -0.5 }, 'oversubscription_ratio'],
  ];
  for (const v of ['0.9', '1.0'] as const) {
    for (const [what, changes, field] of cases) {
      it(`${v}: ${what}`, () => {
        const a = assess(v, sample(P1, changes));
        expect(a.outcome).toBe('invalid');
        expect(a.errors.map((e) => e.field.split('.')[0])).toEqual([field]);
      });
    }
    it(`${v}: an object missing a member`, () => {
      const a = assess(v, sample(P1, { framework_chip_adaptation: { frameworks: 5 } }));
      expect(a.outcome).toBe('invalid');
      expect(a.errors.map((e) => e.field.split('.')[0])).toEqual(['framework_chip_adaptation']);
    });
  }
});
