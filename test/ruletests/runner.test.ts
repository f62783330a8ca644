// Running cases: expected vs actual for every kind of expectation, case problems, versions, coverage of bands and
// conditions, the reports (text, JSON, JUnit, lcov) and cases saved from an assessment.
// In: a small ruleset written in the DSL and test files as text. Out: results, coverage and report texts.

import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import {
  caseFromAssessment,
  countRun,
  coverageText,
  junitXml,
  lcov,
  readTestFile,
  runJson,
  runTests,
  runText,
  summarize,
  type RulesetUnderTest,
  type TestRun,
} from '../../engine/analyses/testing/index';

const RULESET = (version: string, top = '>= 90: 100') => `ruleset "mini" {
  version "${version}"
  status "draft"
  date 2026-01-01
  title { zh-Hans "小" zh-Hant "小" en "Mini" }
  total 10
}

input hpc: boolean {
  label { zh-Hans "高性能" zh-Hant "高效能" en "HPC" }
}

input local: boolean {
  label { zh-Hans "本地" zh-Hant "本地" en "Local" }
}

dimension A {
  label { zh-Hans "甲" zh-Hant "甲" en "A" }
  weight 10

  indicator uptime {
    label { zh-Hans "可用" zh-Hant "可用" en "Uptime" }
    weight 5
    type percent
    bands {
      ${top}
      >= 50: 60
      else: 0
    }
  }

  indicator cert {
    label { zh-Hans "认证" zh-Hant "認證" en "Certificate" }
    weight 2
    type enum { full, foreign, none }
    map {
      full: 100
      foreign: 50 when not local else 0
      none: 0
    }
  }

  indicator flops {
    label { zh-Hans "算力" zh-Hant "算力" en "FLOPS" }
    weight 3
    type number >= 0
    applies when hpc
    bands {
      >= 10: 100
      else: 0
    }
  }
}

prerequisite P1 {
  label { zh-Hans "本地" zh-Hant "本地" en "Local" }
  require local
}

veto V1 {
  label { zh-Hans "无证" zh-Hant "無證" en "No certificate" }
  when cert = none
}

levels cumulative {
  level L1 {
    label { zh-Hans "一级" zh-Hant "一級" en "One" }
    require total >= 8
  }
  fallback L0 {
    label { zh-Hans "零级" zh-Hant "零級" en "Zero" }
  }
}
`;

function compiled(version: string, top?: string): RulesetUnderTest {
  const r = compileRuleset(RULESET(version, top), { path: `mini/${version}.assay` });
  if (!r.ruleset) throw new Error(r.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.args)}`).join('\n'));
  return { path: `mini/${version}.assay`, ruleset: r.ruleset };
}

function run(yaml: string, rulesets: RulesetUnderTest[] = [compiled('1')], opts: { coverage?: boolean; otherVersions?: string[] } = {}): TestRun {
  const read = readTestFile(yaml, 'mini/tests/t.yaml', { load: () => undefined });
  expect(read.issues.map((i) => `${i.field}: ${i.message}`)).toEqual([]);
  return runTests(rulesets, [read.file], { coverage: opts.coverage ?? false, ...(opts.otherVersions ? { otherVersions: opts.otherVersions } : {}) });
}

const EVIDENCE = 'evidence: { hpc: true, local: true, uptime: 95, cert: full, flops: 12 }';

describe('expectations', () => {
  it('a case that matches passes', () => {
    const r = run(`
cases:
  - name: all good
    ${EVIDENCE}
    expect:
      outcome: graded
      level: L1
      total: 10
      dimensions: { A: { score: "10.0", share: "100%" } }
      indicators: { uptime: { points: 100, status: scored }, flops: { points: 100 } }
      vetoes: []
      prerequisites_failed: []
`);
    expect(r.results.map((x) => [x.name, x.status, x.mismatches])).toEqual([['all good', 'pass', []]]);
  });

  it('each expectation that does not hold is listed with expected and actual', () => {
    const r = run(`
cases:
  - name: wrong about everything
    ${EVIDENCE}
    set: { uptime: 60, hpc: false, cert: foreign }
    expect:
      outcome: vetoed
      level: L0
      total: { value: 6, tolerance: 0.5 }
      dimensions: { A: { score: "20/3", share: "2/3" } }
      indicators: { uptime: { points: 100 }, flops: { points: 0, status: scored }, cert: { points: 50 } }
      vetoes: [V1]
      prerequisites_failed: [P1]
      explanation: ["uptime", "→ 60"]
`);
    const res = r.results[0];
    expect(res?.status).toBe('fail');
    // flops is not applicable, so uptime weighs 5 × 10/7: 60 points give 30/7; cert foreign from a local operator
    // gives 0 (the `else` side): total 30/7.
    expect(res?.mismatches.map((m) => `${m.field}: ${m.expected} | ${m.actual}`)).toEqual([
      'outcome: vetoed | graded',
      'total: 6 ± 0.5 | 4.2857… (30/7)',
      'dimensions.A.score: 20/3 | 4.2857… (30/7)',
      'dimensions.A.share: 2/3 | 0.4286… (3/7)',
      'indicators.uptime.points: 100 | 60',
      'indicators.flops.status: scored | not_applicable',
      'indicators.flops.points: 0 | null',
      'indicators.cert.points: 50 | 0',
      'vetoes: V1 | (none)',
      'prerequisites_failed: P1 | (none)',
    ]);
    // The explanation of the actual result (engine/analyses/explain's text) is there and says what the case expected it to.
    expect(res?.explanation).toContain('uptime');
  });

  it('an exact decimal is exact; a tolerance is inclusive', () => {
    const r = run(`
cases:
  - { name: exact miss, ${EVIDENCE}, set: { uptime: 60 }, expect: { total: "7.99" } }
  - { name: exact hit, ${EVIDENCE}, set: { uptime: 60 }, expect: { total: "8" } }
  - { name: edge of tolerance, ${EVIDENCE}, set: { uptime: 60 }, expect: { total: { value: 8.1, tolerance: "0.1" } } }
  - { name: just outside, ${EVIDENCE}, set: { uptime: 60 }, expect: { total: { value: 8.1, tolerance: 0.09 } } }
`);
    expect(r.results.map((x) => `${x.name}: ${x.status}`)).toEqual([
      'exact miss: fail',
      'exact hit: pass',
      'edge of tolerance: pass',
      'just outside: fail',
    ]);
  });

  it('text the explanation must contain', () => {
    const r = run(`
cases:
  - { name: says it, ${EVIDENCE}, expect: { explanation: ["uptime", "L1"] } }
  - { name: does not, ${EVIDENCE}, expect: { explanation: ["uptime = 96"] } }
`);
    expect(r.results.map((x) => x.status)).toEqual(['pass', 'fail']);
    expect(r.results[1]?.mismatches[0]).toMatchObject({ field: 'explanation.0', expected: 'uptime = 96' });
  });

  it('a given explainer explains failing cases; one that throws falls back to the plain listing', () => {
    const read = readTestFile(`cases:\n  - { name: off, ${EVIDENCE}, expect: { total: 9 } }\n`, 'mini/tests/t.yaml');
    const custom = runTests([compiled('1')], [read.file], { explain: (_r, a) => `custom: ${a.total.toDecimalString()}` });
    expect(custom.results[0]?.explanation).toBe('custom: 10');
    const broken = runTests([compiled('1')], [read.file], {
      explain: () => {
        throw new Error('not yet');
      },
    });
    expect(broken.results[0]?.explanation).toContain('uptime = 95 `>= 90: 100` → 100 (scored)');
    expect(broken.results[0]?.explanation).toContain('(not yet)');
  });

  it('bad evidence: outcome invalid and the fields in error', () => {
    const r = run(`
cases:
  - { name: bad, ${EVIDENCE}, set: { uptime: 101, cert: gold }, expect: { outcome: invalid, level: null, evidence_errors: [uptime, cert] } }
`);
    expect(r.results[0]?.status).toBe('pass');
  });
});

describe('cases that name what a version lacks', () => {
  it('an unknown id or evidence field is an error of the case, naming the field', () => {
    const r = run(`
cases:
  - { name: typo, ${EVIDENCE}, set: { uptme: 1 }, expect: { indicators: { uptme: { points: 1 } }, level: L9, vetoes: [V7] } }
`);
    expect(r.results[0]?.status).toBe('error');
    expect(r.results[0]?.problems.map((p) => p.field)).toEqual(['set.uptme', 'expect.indicators.uptme', 'expect.vetoes.0', 'expect.level']);
    expect(r.results[0]?.problems[1]?.message).toBe('mini 1 has no indicator `uptme`; known: uptime, cert, flops');
    expect(countRun(r)).toMatchObject({ passed: 0, failed: 0, errors: 1 });
  });

  it('a case runs against each version it names; an unknown version is reported, one merely not selected is not', () => {
    const yaml = `
cases:
  - { name: both, ${EVIDENCE}, expect: { outcome: graded } }
  - { name: only 2, versions: ["2"], ${EVIDENCE}, expect: { outcome: graded } }
  - { name: a typo, versions: ["3"], ${EVIDENCE}, expect: { outcome: graded } }
`;
    const r = run(yaml, [compiled('1'), compiled('2')]);
    expect(r.results.map((x) => `${x.name}@${x.version}`)).toEqual(['both@1', 'both@2', 'only 2@2']);
    expect(r.issues.map((i) => `${i.caseIndex} ${i.field}: ${i.message}`)).toEqual([
      '3 versions: no ruleset version `3` is tested here; versions: 1, 2',
    ]);
    expect(run(yaml, [compiled('1')], { otherVersions: ['2', '3'] }).issues).toEqual([]);
  });
});

describe('coverage', () => {
  const yaml = `
cases:
  - { name: top band, ${EVIDENCE}, expect: {} }
  - { name: else band, ${EVIDENCE}, set: { uptime: 10, hpc: false }, expect: {} }
`;

  it('counts bands that gave points, entries, and conditions seen true and false', () => {
    const r = run(yaml, [compiled('1')], { coverage: true });
    const c = r.coverage[0];
    if (!c) throw new Error('no coverage');
    const byText = (text: string) => {
      const it = c.items.find((x) => x.text === text);
      return it ? c.counts.get(it.key) : undefined;
    };
    expect(byText('>= 90: 100')?.hits).toBe(1);
    expect(byText('>= 50: 60')?.hits).toBe(0);
    expect(byText('full: 100')?.hits).toBe(2);
    expect(byText('hpc')).toMatchObject({ hits: 2, whenTrue: 1, whenFalse: 1 });
    expect(byText('local')).toMatchObject({ whenTrue: 2, whenFalse: 0 });
    expect(Object.fromEntries(summarize(c))).toEqual({
      bands: { covered: 3, total: 5 },
      mappings: { covered: 1, total: 3 },
      conditions: { covered: 2, total: 5 },
    });
  });

  it('--coverage text lists what was not covered with its line and source text', () => {
    const r = run(yaml, [compiled('1')], { coverage: true });
    const text = coverageText(r.coverage[0] ?? (undefined as never), 'en');
    expect(text).toContain('bands 3/5 (60%) · mapping entries 1/3 (33.3%) · conditions (true and false) 2/5 (40%)');
    expect(text).toMatch(/mini\/1\.assay:27 {2}band of `uptime` {2}`>= 50: 60` {2}— never gave the points/);
    expect(text).toMatch(/mini\/1\.assay:\d+ {2}prerequisite `P1` {2}`local` {2}— never false/);
    expect(text).toMatch(/conditional points of `cert` {2}`not local` {2}— never reached/);
  });

  it('lcov: a DA line per item (0 when not reached) and true/false branches per condition', () => {
    const r = run(yaml, [compiled('1')], { coverage: true });
    const out = lcov(r.coverage);
    expect(out).toMatch(/^TN:\nSF:mini\/1\.assay\n/);
    expect(out).toContain('DA:26,1\n'); // >= 90: 100
    expect(out).toContain('DA:27,0\n'); // >= 50: 60
    expect(out).toMatch(/BRDA:\d+,\d+,0,2\nBRDA:\d+,\d+,1,0\n/); // `local`: true twice, never false
    expect(out).toMatch(/LF:\d+\nLH:\d+\nend_of_record\n$/);
  });
});

describe('reports', () => {
  const failing = `
cases:
  - { name: fine, ${EVIDENCE}, expect: { total: 10 } }
  - { name: "wrong <total> & more", ${EVIDENCE}, expect: { total: 9 } }
`;

  it('text: a line per file, each failing case with expected vs actual and its explanation, a summary line', () => {
    const text = runText(run(failing), 'en');
    expect(text).toContain('✗ mini/tests/t.yaml (2 runs of 2 cases)');
    expect(text).toContain('FAIL 1 case 2 “wrong <total> & more” (mini/tests/t.yaml:4)');
    expect(text).toContain('  total: expected 9, actual 10');
    expect(text).toContain('  explanation of the actual result:');
    expect(text).toContain('tests: 1 passed, 1 failed, 0 errors; 2 runs of 2 cases in 1 files');
    expect(runText(run(failing), 'zh-Hans')).toContain('测试：1 个通过，1 个失败，0 个错误');
  });

  it('JUnit XML: a suite per file and version, a failure with the first mismatch as its message', () => {
    const xml = junitXml(run(failing), 'en');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="assay test" tests="2" failures="1" errors="0">/);
    expect(xml).toContain('<testsuite name="mini/tests/t.yaml [1]" tests="2" failures="1" errors="0">');
    expect(xml).toContain('<testcase classname="mini/tests/t.yaml [1]" name="fine"/>');
    expect(xml).toContain('name="wrong &lt;total&gt; &amp; more">');
    expect(xml).toContain('<failure message="total: expected 9, actual 10">');
  });

  it('JSON: counts, and for failing cases the mismatches and the actual result', () => {
    const j = runJson(run(failing), 'en') as { summary: unknown; results: { status: string; mismatches?: unknown; actual?: { total: string } }[] };
    expect(j.summary).toEqual({ passed: 1, failed: 1, errors: 0, total: 2 });
    expect(j.results[1]).toMatchObject({ status: 'fail', mismatches: [{ field: 'total', expected: '9', actual: '10' }], actual: { total: '10' } });
  });
});

describe('a case saved from an assessment', () => {
  it('pins the result exactly and passes when read back; a change to the ruleset fails it', () => {
    const r = compiled('1');
    const evidence = { hpc: true, local: true, uptime: 60, cert: 'full', flops: 12 };
    const a = r.ruleset.assess({ platform: 'p', evidence });
    const saved = caseFromAssessment(a, evidence, 'saved from the preview', { version: '1' });
    expect(saved.data.expect).toMatchObject({ outcome: 'graded', level: 'L1', total: 8, vetoes: [], prerequisites_failed: [] });
    expect(saved.yaml).toContain('name: saved from the preview');
    const read = readTestFile(saved.yaml, 'mini/tests/saved.yaml');
    expect(read.issues).toEqual([]);
    expect(runTests([r], [read.file]).results.map((x) => x.status)).toEqual(['pass']);
    expect(runTests([compiled('1', '>= 91: 100')], [read.file]).results.map((x) => x.status)).toEqual(['pass']);
    const changed = compileRuleset(RULESET('1').replace('>= 50: 60', '>= 50: 61')).ruleset;
    if (!changed) throw new Error('does not compile');
    expect(runTests([{ path: 'mini/1.assay', ruleset: changed }], [read.file]).results.map((x) => x.status)).toEqual(['fail']);
  });

  it('writes values without a finite decimal as exact fractions', () => {
    const r = compiled('1');
    const evidence = { hpc: false, local: true, uptime: 60, cert: 'full' };
    const saved = caseFromAssessment(r.ruleset.assess({ platform: 'p', evidence }), evidence, 'sevenths');
    expect(saved.data.expect.total).toBe('50/7');
    expect(saved.yaml).toContain("total: 50/7");
    const read = readTestFile(saved.yaml, 'mini/tests/saved.yaml');
    expect(runTests([r], [read.file]).results.map((x) => x.status)).toEqual(['pass']);
  });
});

describe('expectations of derived values', () => {
  const DERIVED = `ruleset "d" {\n  version "1"\n  status "draft"\n}\ninput x: number\nderive third: number { formula x / 3 }\nderive twice: number { formula third * 6 }\n`;
  const c = compileRuleset(DERIVED, { path: 'd/1.assay' });
  if (!c.ruleset) throw new Error('does not compile');
  const under: RulesetUnderTest[] = [{ path: 'd/1.assay', ruleset: c.ruleset }];

  it('compares a derived value exactly, or within its tolerance', () => {
    const r = run(
      `
cases:
  - { name: exact, evidence: { x: 1 }, expect: { derived: { third: "1/3", twice: 2 } } }
  - { name: near, evidence: { x: 1 }, expect: { derived: { third: { value: 0.3333, tolerance: 0.0001 } } } }
  - { name: rounded is not exact, evidence: { x: 1 }, expect: { derived: { third: 0.3333, twice: 2.0000001 } } }
  - { name: unknown, evidence: {}, expect: { derived: { third: 0 } } }
`,
      under,
    );
    expect(r.results.map((x) => [x.name, x.status, x.mismatches.map((m) => `${m.field}: ${m.expected} / ${m.actual}`)])).toEqual([
      ['exact', 'pass', []],
      ['near', 'pass', []],
      ['rounded is not exact', 'fail', ['derived.third: 0.3333 / 0.3333… (1/3)', 'derived.twice: 2.0000001 / 2']],
      ['unknown', 'fail', ['derived.third: 0 / null']],
    ]);
  });

  const RATED = `ruleset "r" {\n  version "1"\n  status "draft"\n}\ninput x: percent\nderive rating: enum { N, P, L, F } {\n  formula if x > 85 then F else if x > 50 then L else if x > 15 then P else N\n}\nderive full: boolean { formula rating = F }\n`;
  const rc = compileRuleset(RATED, { path: 'r/1.assay' });
  if (!rc.ruleset) throw new Error(`does not compile: ${rc.diagnostics.map((d) => d.code).join(', ')}`);
  const rated: RulesetUnderTest[] = [{ path: 'r/1.assay', ruleset: rc.ruleset }];

  it('compares an enum value, a boolean and an unknown value (null) as they are', () => {
    const r = run(
      `
cases:
  - { name: on the bound, evidence: { x: 85 }, expect: { derived: { rating: L, full: false } } }
  - { name: above it, evidence: { x: 85.5 }, expect: { derived: { rating: F, full: true } } }
  - { name: wrong rating, evidence: { x: 50 }, expect: { derived: { rating: L, full: true } } }
  - { name: unknown, evidence: {}, expect: { derived: { rating: null, full: null } } }
  - { name: not unknown, evidence: { x: 10 }, expect: { derived: { rating: null } } }
`,
      rated,
    );
    expect(r.results.map((x) => [x.name, x.status, x.mismatches.map((m) => `${m.field}: ${m.expected} / ${m.actual}`)])).toEqual([
      ['on the bound', 'pass', []],
      ['above it', 'pass', []],
      ['wrong rating', 'fail', ['derived.rating: L / P', 'derived.full: true / false']],
      ['unknown', 'pass', []],
      ['not unknown', 'fail', ['derived.rating: null / N']],
    ]);
  });

  it('a case saved from an assessment pins the derived values too, and passes when read back', () => {
    const rs = rc.ruleset as NonNullable<typeof rc.ruleset>;
    const saved = caseFromAssessment(rs.assess({ platform: 'p', evidence: { x: 85 } }), { x: 85 }, 'saved');
    expect(saved.data.expect.derived).toEqual({ rating: 'L', full: false });
    const unknown = caseFromAssessment(rs.assess({ platform: 'p', evidence: {} }), {}, 'saved');
    expect(unknown.data.expect.derived).toEqual({ rating: null, full: null });
    for (const s of [saved, unknown]) {
      const read = readTestFile(s.yaml, 'r/tests/saved.yaml');
      expect(read.issues).toEqual([]);
      expect(runTests(rated, [read.file]).results.map((x) => x.status)).toEqual(['pass']);
    }
  });

  it('a value the derived value’s type cannot hold is an error of the case (T143), in three languages', () => {
    const yaml = `cases:\n  - { name: typo, evidence: { x: 1 }, expect: { derived: { rating: Q, full: 1 } } }\n`;
    const read = readTestFile(yaml, 'r/tests/t.yaml', { load: () => undefined });
    expect(read.issues).toEqual([]);
    const messages = (['en', 'zh-Hans', 'zh-Hant'] as const).map((lang) => runTests(rated, [read.file], { coverage: false, lang }).results[0]?.problems.map((p) => `${p.field}: ${p.message}`));
    expect(messages).toEqual([
      ['expect.derived.rating: `rating` is enum {N, P, L, F}: `Q` cannot be its value', 'expect.derived.full: `full` is boolean: `1` cannot be its value'],
      ['expect.derived.rating: `rating` 的类型是 enum {N, P, L, F}：`Q` 不可能是它的值', 'expect.derived.full: `full` 的类型是 boolean：`1` 不可能是它的值'],
      ['expect.derived.rating: `rating` 的型別是 enum {N, P, L, F}：`Q` 不可能是它的值', 'expect.derived.full: `full` 的型別是 boolean：`1` 不可能是它的值'],
    ]);
  });

  it('a derived id the ruleset does not have is an error of the case, in three languages', () => {
    const yaml = `cases:\n  - { name: typo, evidence: { x: 1 }, expect: { derived: { thrid: 1 } } }\n`;
    const read = readTestFile(yaml, 'd/tests/t.yaml', { load: () => undefined });
    const messages = (['en', 'zh-Hans', 'zh-Hant'] as const).map((lang) => runTests(under, [read.file], { coverage: false, lang }).results[0]?.problems.map((p) => `${p.field}: ${p.message}`));
    expect(messages).toEqual([
      ['expect.derived.thrid: d 1 has no derived value `thrid`; known: third, twice'],
      ['expect.derived.thrid: d 1 没有派生值 `thrid`；已有：third, twice'],
      ['expect.derived.thrid: d 1 沒有衍生值 `thrid`；已有：third, twice'],
    ]);
  });
});
