// `assay test`, in-process: the repository's own tests pass with full band and mapping coverage, failures and
// malformed files exit 1 with expected vs actual or the case and field, JUnit and lcov are written.
// In: the bundled ruleset folder and small folders written to a temp dir. Out: exit codes and printed text.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

type Main = (argv: readonly string[], out: { out(s: string): void; err(s: string): void; tty: boolean }) => number;
let main: Main;

beforeAll(async () => {
  process.env['ASSAY_NO_MAIN'] = '1';
  main = (await import('../../cli/assay')).main;
});

function assay(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A ruleset folder in a temp dir: 0.9.assay, the sample platforms, and the given test files. */
function folder(tests: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'assay-test-')), 'csp');
  mkdirSync(join(dir, 'tests'), { recursive: true });
  mkdirSync(join(dir, 'platforms'));
  copyFileSync('rulesets/csp-assessment/0.9.assay', join(dir, '0.9.assay'));
  copyFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', join(dir, 'platforms', 'p1.yaml'));
  for (const [name, text] of Object.entries(tests)) writeFileSync(join(dir, 'tests', name), text);
  return dir;
}

describe('assay test', () => {
  it('passes on the bundled ruleset with 100% band and mapping coverage for both versions', () => {
    const r = assay('test', 'rulesets/csp-assessment', '--coverage');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/tests: \d+ passed, 0 failed, 0 errors/);
    for (const v of ['0.9', '1.0']) {
      expect(r.out).toMatch(new RegExp(`coverage of rulesets/csp-assessment/${v.replace('.', '\\.')}\\.assay \\(${v.replace('.', '\\.')}\\)\\n  bands (\\d+)/\\1 \\(100%\\) · mapping entries (\\d+)/\\2 \\(100%\\)`));
    }
  }, 60_000);

  it('writes lcov for both .assay files and JUnit XML', () => {
    const lcovFile = join(mkdtempSync(join(tmpdir(), 'assay-lcov-')), 'rules.lcov');
    const r = assay('test', 'rulesets/csp-assessment', '--format', 'junit', '--lcov', lcovFile);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<\?xml/);
    expect(r.out).toContain('<testsuite name="rulesets/csp-assessment/tests/samples.yaml [1.0]"');
    const lcov = readFileSync(lcovFile, 'utf8');
    expect(lcov).toContain('SF:rulesets/csp-assessment/0.9.assay\n');
    expect(lcov).toContain('SF:rulesets/csp-assessment/1.0.assay\n');
    expect(lcov).not.toMatch(/^DA:\d+,0$/m);
  }, 60_000);

  it('a failing case: exit 1, one line with expected vs actual; the explanation of the actual result with --explain', () => {
    const dir = folder({
      'p1.yaml': `platform: ../platforms/p1.yaml
cases:
  - name: P1 is L5 (it is not)
    expect: { level: L5, total: 91 }
`,
    });
    const r = assay('test', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL 0\.9 case 1 “P1 is L5 \(it is not\)” \(.*p1\.yaml:3\): level: expected L5, actual L4$/m);
    expect(r.out).not.toContain('explanation of the actual result:');
    expect(r.out).toContain('tests: 0 passed, 1 failed, 0 errors; 1 runs of 1 cases in 1 files');
    expect(r.out).toContain('failures by kind: level 1');
    const explained = assay('test', dir, '--explain');
    expect(explained.code).toBe(1);
    expect(explained.out).toContain('level: expected L5, actual L4');
    expect(explained.out).toContain('explanation of the actual result:');
  });

  it('a malformed test file: exit 1, the file, the case and the field, in the language asked for', () => {
    const dir = folder({ 'bad.yaml': 'cases:\n  - name: 缺少\n    platform: ../platforms/p1.yaml\n    expect: { totl: 91 }\n' });
    const en = assay('test', join(dir, 'tests', 'bad.yaml'));
    expect(en.code).toBe(1);
    expect(en.out).toMatch(/bad\.yaml:4: case 1 “缺少”: field `expect\.totl`: unknown field `totl`/);
    const zh = assay('test', join(dir, 'tests'), '--lang', 'zh-Hant');
    expect(zh.out).toMatch(/bad\.yaml:4：用例 1「缺少」：欄位 `expect\.totl`：未知欄位 `totl`/);
  });

  it('an .assay path runs its version only; cases of the other versions are skipped, not errors', () => {
    const r = assay('test', 'rulesets/csp-assessment/1.0.assay', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { issues: unknown[]; results: { version: string }[] };
    expect(j.issues).toEqual([]);
    expect(new Set(j.results.map((x) => x.version))).toEqual(new Set(['1.0']));
  }, 60_000);

  it('a path that holds no tests is a usage problem naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-empty-'));
    const r = assay('test', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no ruleset with tests in \`${dir}\``);
  });

  it('a registry folder: every ruleset folder in it is run, and one without tests is named, never skipped in silence', () => {
    const registry = mkdtempSync(join(tmpdir(), 'assay-registry-'));
    const tested = join(registry, 'csp');
    mkdirSync(join(tested, 'tests'), { recursive: true });
    mkdirSync(join(tested, 'platforms'));
    copyFileSync('rulesets/csp-assessment/0.9.assay', join(tested, '0.9.assay'));
    copyFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', join(tested, 'platforms', 'p1.yaml'));
    writeFileSync(join(tested, 'tests', 'one.yaml'), 'platform: ../platforms/p1.yaml\ncases:\n  - { name: P1 is graded, expect: { outcome: graded } }\n');
    const untested = join(registry, 'leed');
    mkdirSync(untested);
    copyFileSync('rulesets/leed-bdc/4.1.assay', join(untested, '4.1.assay'));
    for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const r = assay('test', registry, '--lang', lang);
      expect(r.code).toBe(0);
      expect(r.out).toContain(join(tested, 'tests', 'one.yaml'));
      expect(r.err).toContain(`\`${untested}\``);
      expect(r.err).toContain({ en: 'has no tests', 'zh-Hans': '没有测试', 'zh-Hant': '沒有測試' }[lang]);
    }
  }, 60_000);

  it('an edited ruleset alone: no case runs, exit 1 with a message saying so (in three languages)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-edited-'));
    const file = join(dir, 'my-edited.assay');
    copyFileSync('rulesets/csp-assessment/1.0.assay', file);
    const r = assay('test', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no test case was run');
    expect(assay('test', file, '--lang', 'zh-Hans').err).toContain('没有运行任何测试用例');
    expect(assay('test', file, '--lang', 'zh-Hant').err).toContain('沒有執行任何測試案例');
  });

  it('--ruleset: the shipped tests against an edited ruleset, pinned cases included, one line per failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-edited-'));
    const file = join(dir, 'my-edited.assay');
    const text = readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8')
      .replace('version "1.0"', 'version "1.1"')
      .replace('>= 99.99: 100', '>= 99.99: 95');
    writeFileSync(file, text);
    const r = assay('test', '--ruleset', file, 'rulesets/csp-assessment/tests');
    expect(r.code).toBe(1);
    // Cases pinned to 1.0 (the newest version the tests name) run against the edited 1.1; none is an error.
    expect(r.out).not.toContain('is tested here');
    expect(r.out).toMatch(/^tests: \d+ passed, [1-9]\d* failed, 0 errors; (\d+) runs of \1 cases in 10 files$/m);
    const fails = r.out.split('\n').filter((l) => l.startsWith('FAIL '));
    expect(fails.length).toBeGreaterThan(0);
    for (const l of fails) expect(l).toMatch(/^FAIL 1\.1 case \d+ “.*” \(.*\.yaml:\d+\): .+: expected .+, actual .+$/);
    expect(fails.join('\n')).toContain('indicators.service_availability.points: expected 100, actual 95');
    expect(r.out).not.toContain('explanation of the actual result:');
    expect(r.out).toMatch(/^failures by kind: .*indicators \d+/m);
    // Fewer lines than failures + files + a few: one line per failure.
    expect(r.out.split('\n').length).toBeLessThan(fails.length * 2 + 20);
    // The unedited ruleset passes every case it runs.
    writeFileSync(file, readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8'));
    const ok = assay('test', '--ruleset', file, 'rulesets/csp-assessment/tests');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/tests: (\d+) passed, 0 failed, 0 errors; \1 runs/);
  }, 120_000);
});
