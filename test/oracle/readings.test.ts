// The reading choices the oracle had to make where the standard's text is open, pinned on hand-written evidence.
// In: the sample platform p1-hub-operator with one or two fields changed. Out: the expected result, asserted
// against both the engine (`evaluate`, and the YAML reader where the choice is about text) and the oracle.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileRuleset, parseEvidenceText, type ResultJson } from '../../engine/index';
import { assessStandard, oracleJson, type Version } from './standard';

const DIR = join(import.meta.dirname, '..', '..', 'rulesets', 'csp-assessment');
const P1_TEXT = readFileSync(join(DIR, 'platforms', 'p1-hub-operator.yaml'), 'utf8');
const P1 = (parseYaml(P1_TEXT) as { evidence: Record<string, unknown> }).evidence;

function engine(v: Version): NonNullable<ReturnType<typeof compileRuleset>['ruleset']> {
  const r = compileRuleset(readFileSync(join(DIR, `${v}.assay`), 'utf8')).ruleset;
  if (!r) throw new Error(`${v} did not compile`);
  return r;
}
const ENGINES = { '0.9': engine('0.9'), '1.0': engine('1.0') } as const;

interface Seen {
  outcome: string;
  level: string | null;
  vetoes: string[];
  prerequisitesFailed: string[];
  errors: string[];
  warnings: string[];
  indicator?: ResultJson['indicators'][string];
}

/** The engine's and the oracle's results, reduced to what a reading choice is about. */
function both(v: Version, evidence: Record<string, unknown>, indicator?: string): { engine: Seen; oracle: Seen } {
  const e = ENGINES[v].evaluate({ platform: 'p', evidence });
  const o = assessStandard(v, 'p', evidence);
  const oj = oracleJson(o);
  const pick = (inds: ResultJson['indicators']): Pick<Seen, 'indicator'> => {
    const i = indicator !== undefined && Object.hasOwn(inds, indicator) ? inds[indicator] : undefined;
    return i ? { indicator: i } : {};
  };
  return {
    engine: {
      outcome: e.outcome,
      level: e.level,
      vetoes: e.vetoes,
      prerequisitesFailed: e.prerequisitesFailed,
      errors: e.errors.map((x) => x.field),
      warnings: e.warnings.map((x) => x.field),
      ...pick(e.indicators),
    },
    oracle: {
      outcome: o.outcome,
      level: o.level,
      vetoes: o.vetoes,
      prerequisitesFailed: o.prerequisitesFailed,
      errors: o.errorFields,
      warnings: o.warningFields,
      ...pick(oj.indicators),
    },
  };
}

/** P1's evidence for `v` (without the other version's own field), changed. */
function p1(v: Version, changes: Record<string, unknown>, remove: readonly string[] = []): Record<string, unknown> {
  const ev: Record<string, unknown> = { ...P1 };
  delete ev[v === '0.9' ? 'asset_inventory_consistency' : 'support_response_p1'];
  Object.assign(ev, changes);
  for (const k of remove) delete ev[k];
  return ev;
}

describe('reading choices (both implementations agree; a change here is a change of reading)', () => {
  it('1.0: an old id shadowed by its new id is ignored with a warning, and not checked', () => {
    const r = both('1.0', p1('1.0', { compute_redundancy: 'not a number', hot_spare_capacity_ratio: 8 }), 'hot_spare_capacity_ratio');
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine).toMatchObject({ outcome: 'graded', level: 'L4', errors: [], warnings: ['compute_redundancy'] });
    expect(r.engine.indicator).toEqual({ value: 8, points: 75, status: 'scored', weight: 3 });
  });

  it('1.0: a null new id counts as absent, so the old id is read (and named as the field)', () => {
    const r = both('1.0', p1('1.0', { hot_spare_capacity_ratio: null, compute_redundancy: 10 }), 'hot_spare_capacity_ratio');
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine.indicator).toEqual({ value: 10, points: 100, status: 'scored', weight: 3, field: 'compute_redundancy' });
    expect(r.engine.warnings).toEqual([]);
  });

  it('an object member the type does not name is ignored with a warning; a null member is a missing member', () => {
    const extra = both('0.9', p1('0.9', { framework_chip_adaptation: { frameworks: 5, architectures: 4, gpus: 8 } }));
    expect(extra.engine).toEqual(extra.oracle);
    expect(extra.engine).toMatchObject({ outcome: 'graded', warnings: ['framework_chip_adaptation.gpus'] });
    const nullMember = both('0.9', p1('0.9', { framework_chip_adaptation: { frameworks: 5, architectures: null } }));
    expect(nullMember.engine.outcome).toBe('invalid');
    expect(nullMember.oracle.outcome).toBe('invalid');
  });

  it('an unknown field whose value is null gets no warning (null counts as absent)', () => {
    const r = both('1.0', p1('1.0', { support_response_p1: null, notes: 'x' }));
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine.warnings).toEqual(['notes']);
  });

  it('an invalid platform lists no vetoes, even falsified evidence ("nothing is scored")', () => {
    const r = both('0.9', p1('0.9', { falsified_evidence: true, pue: 0.5 }));
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine).toMatchObject({ outcome: 'invalid', vetoes: [], prerequisitesFailed: [], errors: ['pue'] });
  });

  it('intl_equiv with mainland_ops absent: 0 points, V3 unknown, so P4 fails', () => {
    const r = both('0.9', p1('0.9', { mlps_level: 'intl_equiv' }, ['mainland_ops']), 'mlps_level');
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine).toMatchObject({ outcome: 'not_rated', vetoes: [], prerequisitesFailed: ['P4'] });
    expect(r.engine.indicator).toMatchObject({ points: 0, status: 'scored' });
  });

  it('a Hong Kong operator with intl_equiv gets 60 points but never passes the L3 gate (capped at L2)', () => {
    for (const v of ['0.9', '1.0'] as const) {
      const r = both(v, p1(v, { mainland_ops: false, mlps_level: 'intl_equiv' }), 'mlps_level');
      expect(r.engine).toEqual(r.oracle);
      expect(r.engine).toMatchObject({ outcome: 'graded', level: 'L2' });
      expect(r.engine.indicator).toMatchObject({ points: 60 });
    }
  });

  it('a veto that fires makes an unknown veto harmless to P4', () => {
    const r = both('1.0', p1('1.0', { metric_disclosure: 'misleading', sells_exclusive_cards: true }, ['oversubscription_ratio']));
    expect(r.engine).toEqual(r.oracle);
    expect(r.engine).toMatchObject({ outcome: 'vetoed', vetoes: ['V1'], prerequisitesFailed: [] });
  });

  it('YAML: a whole number written with a decimal point or exponent is an integer; digits beyond a double count', () => {
    const read = (v: Version, line: string): ResultJson => {
      const p = parseEvidenceText(`${P1_TEXT.replace(/^ {2}(max_job_scale|declared_vs_measured_gap):.*$/gm, '')}\n  ${line}\n`, 'p.yaml').platforms[0];
      if (!p) throw new Error('not read');
      return ENGINES[v].evaluate(p);
    };
    expect(read('0.9', 'max_job_scale: 1024.0').indicators['max_job_scale']).toMatchObject({ points: 80, status: 'scored' });
    expect(read('0.9', 'max_job_scale: 1e3').indicators['max_job_scale']).toMatchObject({ points: 80, status: 'scored' });
    expect(read('0.9', 'max_job_scale: 1024.5').errors.map((e) => e.field)).toEqual(['max_job_scale']);
    // 20.0000000000000000001 is a double's 20: only an exact reader sees the 0.9 veto "gap > 20" fire.
    expect(read('0.9', 'declared_vs_measured_gap: 20.0000000000000000001')).toMatchObject({ outcome: 'vetoed', vetoes: ['V1'] });
    expect(read('0.9', 'declared_vs_measured_gap: 20')).toMatchObject({ outcome: 'graded' });
  });

  it('JSON numbers of non-terminating values carry 10 decimals (compare with a tolerance, or on the fractions)', () => {
    const e = ENGINES['0.9'].evaluate({ platform: 'p', evidence: p1('0.9', { cross_border_data_flow: false, mlps_level: 'L2' }) });
    // E: weights 4, 4, 3 spread over 14; mlps 60, controls 100, incidents 100 → (4·60 + 4·100 + 3·100) × 14/11 ÷ 100.
    expect(e.dimensions['E']?.score).toBe(11.9636363636);
    expect(e.indicators['mlps_level']?.weight).toBe(5.0909090909);
  });
});
