// The csp-assessment rulesets against the standard's own expected results.
// In: rulesets/csp-assessment/{0.9,1.0}.assay, the sample platforms and expected.md (a verbatim copy of
// the standard's table). Out: pass/fail per platform, variation and field, with exact values compared.

import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../engine/evaluate/result';
import { DIMENSIONS, VERSIONS, type Version } from './expected';
import { compile, expected, platformByFile, platformById, ruleset, withEvidence, type Platform } from './load';

const EXPECTED = expected();

function assess(v: Version, p: Platform): Assessment {
  return ruleset(v).assess({ platform: p.platform, name: p.name, evidence: p.evidence });
}

function fired(a: Assessment): string[] {
  return a.vetoes.filter((x) => x.truth === true).map((x) => x.id);
}

function failed(a: Assessment): string[] {
  return a.prerequisites.filter((x) => x.truth !== true).map((x) => x.id);
}

function dimension(a: Assessment, id: string) {
  const d = a.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id} in the result`);
  return d;
}

/** What the expected table shows for an assessment: every column, scores to two decimals half up. */
function summary(a: Assessment) {
  return {
    outcome: a.outcome,
    level: a.level,
    total: a.total.toFixed(2),
    dimensions: Object.fromEntries(DIMENSIONS.map((id) => [id, dimension(a, id).score.toFixed(2)])),
    vetoes: fired(a),
    prerequisitesFailed: failed(a),
  };
}

describe('csp-assessment compiles cleanly', () => {
  for (const v of VERSIONS) {
    it(`${v} has no diagnostics at all`, () => {
      const c = compile(v);
      expect(c.diagnostics.map((d) => `${d.severity} ${d.code} ${JSON.stringify(d.args)}`)).toEqual([]);
      expect(c.ruleset).toBeDefined();
    });
  }
});

describe('sample platforms match the standard’s expected table', () => {
  it('the table lists the five samples under both versions', () => {
    for (const v of VERSIONS) expect(EXPECTED.rows.get(v)?.map((r) => r.platform)).toHaveLength(5);
    expect(EXPECTED.variations).toHaveLength(6);
  });

  for (const v of VERSIONS) {
    for (const row of EXPECTED.rows.get(v) ?? []) {
      it(`${v} ${row.platform}: ${row.outcome} ${row.level ?? '—'} ${row.total}`, () => {
        const a = assess(v, platformById(row.platform));
        expect(a.errors).toEqual([]);
        expect(summary(a)).toEqual({
          outcome: row.outcome,
          level: row.level,
          total: row.total,
          dimensions: Object.fromEntries(row.dimensions),
          vetoes: row.vetoes,
          prerequisitesFailed: row.prerequisitesFailed,
        });
      });
    }

    for (const x of EXPECTED.exact.get(v) ?? []) {
      it(`${v} ${x.platform} ${x.what} is exactly ${x.fraction}`, () => {
        const a = assess(v, platformById(x.platform));
        const q = x.what === 'total' ? a.total : dimension(a, x.what).score;
        expect(q.toFraction()).toBe(x.fraction);
      });
    }
  }
});

describe('variations of the samples (one field changed)', () => {
  for (const variation of EXPECTED.variations) {
    for (const v of VERSIONS) {
      const want = variation.byVersion.get(v);
      it(`${v} ${variation.file} with ${variation.text}`, () => {
        if (!want) throw new Error('variation without a result');
        const a = assess(v, withEvidence(platformByFile(variation.file), variation.changes));
        expect(a.errors).toEqual([]);
        const s = summary(a);
        expect({
          outcome: s.outcome,
          level: s.level,
          total: s.total,
          vetoes: s.vetoes,
          prerequisitesFailed: s.prerequisitesFailed,
        }).toEqual({ ...want, level: want.outcome === 'graded' ? want.level : null });
      });
    }
  }
});
