// The test-file format: its JSON Schema file, and malformed files reported by file, case and field in three languages.
// In: small test-file texts. Out: the issues `readTestFile` gives (and the schema file compared with the code).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueText, TEST_FILE_SCHEMA } from '../../engine/analyses/testing/index';
import { read, ROOT } from './load';

const SCHEMA_FILE = join(ROOT, 'schemas', 'ruleset-tests.schema.json');

/** Issues as `case N field: message` (or `field: message` for the file), in order. */
function issues(text: string, lang: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): string[] {
  return read(text, 'rulesets/csp-assessment/tests/bad.yaml', lang).issues.map(
    (i) => `${i.caseIndex !== undefined ? `case ${i.caseIndex} ` : ''}${i.field}: ${i.message}`,
  );
}

describe('the JSON Schema file', () => {
  it('is the schema the reader validates with (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = JSON.stringify(TEST_FILE_SCHEMA, null, 2) + '\n';
    if (process.env['UPDATE_GOLDEN'] || !existsSync(SCHEMA_FILE)) writeFileSync(SCHEMA_FILE, text);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(text);
  });
});

describe('a well-formed file', () => {
  it('reads cases with platform, overrides, versions and exact expectations', () => {
    const r = read(`
platform: ../platforms/p1-hub-operator.yaml
versions: ["0.9"]
cases:
  - name: major incident
    set: { major_security_incidents: major }
    unset: [falsified_evidence]
    expect:
      outcome: vetoed
      total: "8479/110"
      dimensions: { G: { share: "50%" } }
      indicators: { pue: { points: { value: 80, tolerance: 0.5 } } }
`);
    expect(r.issues).toEqual([]);
    const c = r.file.cases[0];
    expect(c?.name).toBe('major incident');
    expect(c?.versions).toEqual(['0.9']);
    expect(c?.platformId).toBe('P1_hub_operator');
    expect(c?.evidence['major_security_incidents']).toBe('major');
    expect(Object.hasOwn(c?.evidence ?? {}, 'falsified_evidence')).toBe(false);
    expect(c?.expect.total).toMatchObject({ kind: 'exact', text: '8479/110' });
    expect(c?.expect.total?.value.toFraction()).toBe('8479/110');
    expect(c?.expect.dimensions?.get('G')?.share?.value.toFraction()).toBe('1/2');
    expect(c?.expect.indicators?.get('pue')?.points).toMatchObject({ kind: 'approx', text: '80 ± 0.5' });
  });

  it('keeps numbers exact beyond double precision', () => {
    const r = read(`
cases:
  - name: exact
    evidence: { pue: 1.15000000000000000001 }
    expect: { total: 90.000000000000000001 }
`);
    expect(r.issues).toEqual([]);
    expect(r.file.cases[0]?.expect.total?.value.toDecimalString(30)).toBe('90.000000000000000001');
  });

  it('merges `<<: *anchor` mappings, the case’s own keys winning', () => {
    const r = read(`
platform: ../platforms/p1-hub-operator.yaml
cases:
  - name: a
    set: &base { pue: 1.3, mttr: 5 }
    expect: {}
  - name: b
    set: { <<: *base, pue: 1.4 }
    expect: {}
`);
    expect(r.issues).toEqual([]);
    expect(r.file.cases[1]?.set).toEqual({ pue: 1.4, mttr: 5 });
  });
});

describe('a malformed file gets errors naming the case and the field', () => {
  it('names an unknown field, a wrong type and a missing field', () => {
    expect(
      issues(`
platform: ../platforms/p1-hub-operator.yaml
cases:
  - name: ok
    expect: { outcome: graded }
  - name: typo
    expect: { outcom: graded }
  - name: wrong total
    expect: { total: "about 91" }
  - name: no expectations
`),
    ).toEqual([
      'case 2 expect.outcom: unknown field `outcom`; expected one of `outcome`, `level`, `total`, `dimensions`, `indicators`, `derived`, `vetoes`, `prerequisites_failed`, `evidence_errors`, `explanation`',
      'case 3 expect.total: must be a number, an exact decimal or fraction in quotes ("91.2", "8479/110"), or {value, tolerance}',
      'case 4 : missing field `expect`',
    ]);
  });

  it('reports what is wrong inside a {value, tolerance} mapping', () => {
    expect(
      issues(`
cases:
  - name: half
    evidence: {}
    expect: { indicators: { pue: { points: { value: 80 } } }, dimensions: { A: { share: { value: "50%", tolerance: x } } } }
`),
    ).toEqual([
      'case 1 expect.indicators.pue.points: missing field `tolerance`',
      'case 1 expect.dimensions.A.share.tolerance: must be a ratio (0.5), a percentage in quotes ("50%"), an exact fraction ("1/2"), or {value, tolerance}',
    ]);
  });

  it('names enum values, versions that are not text, and duplicates', () => {
    expect(
      issues(`
cases:
  - name: a
    evidence: {}
    versions: [0.9, "1.0"]
    expect: { outcome: passed, vetoes: [V1, V1] }
  - name: a
    evidence: {}
    expect: {}
`),
    ).toEqual([
      'case 1 versions.0: must be text',
      'case 1 expect.outcome: `passed` is not one of `graded`, `vetoed`, `not_rated`, `invalid`',
      'case 1 expect.vetoes: `V1` is listed twice',
      'case 2 name: another case of this file has the same name (case 1)',
    ]);
  });

  it('checks evidence sources, overrides and tolerances', () => {
    expect(
      issues(`
cases:
  - name: both
    platform: ../platforms/p1-hub-operator.yaml
    evidence: { pue: 1.2 }
    expect: {}
  - name: neither
    expect: {}
  - name: missing file
    platform: ../platforms/nope.yaml
    expect: {}
  - name: set and unset
    evidence: { pue: 1.2 }
    set: { pue: 1.3 }
    unset: [pue]
    expect: { total: { value: 90, tolerance: -1 } }
`),
    ).toEqual([
      'case 1 evidence: give either `platform` or `evidence`, not both',
      'case 2 : the case has no evidence: give `platform` (here or at the top of the file) or `evidence`',
      'case 3 platform: cannot read the platform file `../platforms/nope.yaml`',
      'case 4 unset: `pue` is both set and unset',
      'case 4 expect.total.tolerance: the tolerance must not be negative',
    ]);
  });

  it('reports file-level problems (YAML syntax with its line, a missing `cases`)', () => {
    const r = read('cases:\n  - name: a\n    expect: {\n', 'rulesets/csp-assessment/tests/bad.yaml');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.message).toMatch(/^not valid YAML/);
    expect(r.issues[0]?.line).toBeGreaterThan(0);
    expect(issues('platform: x.yaml\n')).toEqual([': missing field `cases`']);
    expect(issues('- a\n- b\n')).toEqual([': must be a mapping']);
  });

  it('prints file:line, case name and field, in zh-Hans, zh-Hant and en', () => {
    const text = 'cases:\n  - name: 超时\n    evidence: {}\n    expect: { level: 5 }\n';
    const shown = (lang: 'en' | 'zh-Hans' | 'zh-Hant') =>
      read(text, 'rulesets/csp-assessment/tests/bad.yaml', lang).issues.map((i) => issueText(i, lang));
    expect(shown('en')).toEqual([
      'rulesets/csp-assessment/tests/bad.yaml:4: case 1 “超时”: field `expect.level`: must be a level id, or null for no level',
    ]);
    expect(shown('zh-Hans')).toEqual(['rulesets/csp-assessment/tests/bad.yaml:4：用例 1“超时”：字段 `expect.level`：应为等级标识，无等级时为 null']);
    expect(shown('zh-Hant')).toEqual(['rulesets/csp-assessment/tests/bad.yaml:4：用例 1「超时」：欄位 `expect.level`：應為等級標識，無等級時為 null']);
  });

  it('keeps the well-formed cases of a file with a malformed one', () => {
    const r = read(`
cases:
  - { name: good, evidence: {}, expect: {} }
  - { name: bad, evidence: {}, expect: { level: [] } }
  - { name: also good, evidence: {}, expect: {} }
`);
    expect(r.file.cases.map((c) => c.name)).toEqual(['good', 'also good']);
    expect(r.file.listed).toBe(3);
    expect(r.issues.map((i) => i.caseName)).toEqual(['bad']);
  });

  it('never lets a key reach a prototype', () => {
    const r = read(`
cases:
  - name: proto
    evidence: { __proto__: { polluted: true }, constructor: 1 }
    expect: {}
`);
    expect(r.issues).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(r.file.cases[0]?.evidence ?? {})).toEqual(['__proto__', 'constructor']);
  });
});
