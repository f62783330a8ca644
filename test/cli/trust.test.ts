// The command line an assessor can trust (issue 14): per-command help, --version, "did you mean", `-` for standard
// input, --watch, eval as CSV and JUnit, warnings said once per kind, English plurals, the progress bar only on a
// terminal, and the files `npm pack` ships. In: the built binary (dist/cli/assay.js), small files in a temp folder.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { progressBar } from '../../cli/progress';
import { t } from '../../cli/i18n';
import { say } from '../../engine/analyses/explain/words';
import { wellFormedXml } from '../support/xml';

const BIN = join(process.cwd(), 'dist/cli/assay.js');
const P = 'rulesets/csp-assessment/platforms';

function run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A ruleset with one of everything that has a count, so English singulars show. */
export const MINI = `ruleset "mini" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "测试" zh-Hant "測試" en "Test" }
}

dimension D {
  label { zh-Hans "维度" zh-Hant "維度" en "Dim" }
  weight 100
  indicator x {
    label { zh-Hans "指标" zh-Hant "指標" en "X" }
    weight 100
    type number >= 0
    bands {
      >= 10: 100
      else: 0
    }
  }
}

levels cumulative {
  level L1 {
    label { zh-Hans "一级" zh-Hant "一級" en "One" }
    require total >= 50
  }
}
`;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'assay-trust-'));
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
}, 120_000);

describe('help, version and suggestions', () => {
  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    for (const a of ['--version', '-V']) {
      const r = run([a]);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(`assay ${version}`);
    }
  });

  it('assay <command> --help and assay help <command> give that command’s options, in the chosen language', () => {
    const r = run(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: assay check/);
    expect(r.out).toMatch(/--format text\|json +output format/);
    expect(r.out).toContain('--watch');
    expect(r.out).not.toContain('impact <A> <B>'); // not the overview
    const d = run(['help', 'diff', '--lang', 'zh-Hans']);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/^用法：assay diff/);
    expect(d.out).toContain('两个规则集之间的语义差异');
    expect(d.out).toContain('退出码');
    const overview = run(['help', '--lang', 'zh-Hans']);
    expect(overview.code).toBe(0);
    expect(overview.out).toMatch(/^用法：assay <命令>/);
    const report = run(['report', '--help']);
    for (const f of ['--corpus', '--assessor', '--date', '--signature', '--out']) expect(report.out).toContain(f);
  });

  it('suggests the closest command or option for a typo, exit 2', () => {
    const c = run(['chek', 'x']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('unknown command `chek`; did you mean `check`?');
    const h = run(['help', 'dif']);
    expect(h.code).toBe(2);
    expect(h.err).toContain('did you mean `diff`?');
    const o = run(['eval', 'csp-assessment@1.0', P, '--fromat', 'json']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('unknown option `--fromat`; did you mean `--format`?');
    expect(o.err).toContain('assay eval --help');
    const far = run(['eval', 'csp-assessment@1.0', P, '--zzzzzz']);
    expect(far.err).not.toContain('did you mean');
  });
});

describe('standard input', () => {
  it('`-` reads the ruleset or the evidence from standard input, once', () => {
    const rs = readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8');
    const check = run(['check', '-'], { input: rs });
    expect(check.code).toBe(0);
    expect(check.out).toContain('csp-assessment 1.0');
    const ev = readFileSync(join(P, 'p2-regional-aicc.yaml'), 'utf8');
    const e = run(['eval', 'csp-assessment@1.0', '-', '--format', 'json'], { input: ev });
    expect(e.code).toBe(0);
    expect((JSON.parse(e.out) as { results: { platform: string; level: string }[] }).results.map((x) => [x.platform, x.level])).toEqual([['P2_regional_aicc', 'L1']]);
    const both = run(['eval', '-', '-'], { input: rs });
    expect(both.code).toBe(2);
    expect(both.err).toContain('`-` (standard input) can be given only once');
  });
});

describe('--watch', () => {
  it('runs check again when the named file changes', async () => {
    const dir = tmp();
    const f = join(dir, 'mini.assay');
    writeFileSync(f, MINI);
    const child = spawn(process.execPath, [BIN, 'check', f, '--watch'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const until = async (cond: () => boolean, ms: number): Promise<void> => {
      const t0 = Date.now();
      while (!cond()) {
        if (Date.now() - t0 > ms) throw new Error(`timed out; stdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => out.includes('mini 1') && err.includes('watching 1 path'), 10_000);
      expect(child.exitCode).toBe(null); // still running
      writeFileSync(f, MINI.replace('version "1"', 'version "2"'));
      await until(() => out.includes('mini 2'), 10_000);
      expect(err).toMatch(/mini\.assay changed, running again/);
      writeFileSync(f, MINI.replace('weight 100\n  indicator', 'weight ?\n  indicator'));
      await until(() => /mini\.assay:\d+:\d+: error/.test(err), 10_000);
    } finally {
      child.kill();
    }
  }, 40_000);

  it('refuses to watch standard input', () => {
    const r = run(['check', '-', '--watch'], { input: MINI });
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot be watched');
  });
});

describe('eval --format csv | junit', () => {
  it('CSV: a header and one row per platform, exact numbers, quoted cells', () => {
    const r = run(['eval', 'csp-assessment@1.0', P, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('platform,name,outcome,level,total,A,B,C,D,E,F,G,vetoes,prerequisitesFailed,errors');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^P1_hub_operator,[^,]+,graded,L4,91\.2,12\.85,/);
    expect(lines.find((l) => l.startsWith('P5_'))).toMatch(/,vetoed,,61\.1318181818,.*,V1 V5,,$/);
    const dir = tmp();
    writeFileSync(join(dir, 'q.yaml'), 'platform: Q\nname: \'=HYPERLINK("x"), "quoted"\'\nevidence:\n  x: 3\n');
    writeFileSync(join(dir, 'm.assay'), MINI);
    const q = run(['eval', join(dir, 'm.assay'), join(dir, 'q.yaml'), '--format', 'csv']);
    expect(q.out.split('\n')[1]).toBe('Q,"\'=HYPERLINK(""x""), ""quoted""",graded,,0,0,,,');
  });

  it('JUnit: one testcase per platform, a failure when invalid, vetoed or not rated; well-formed XML', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'platform: BAD<&>\nevidence:\n  pue: "high"\n');
    const r = run(['eval', 'csp-assessment@1.0', P, join(dir, 'bad.yaml'), '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(wellFormedXml(r.out)).toEqual([]);
    expect(r.out.match(/<testcase /g)).toHaveLength(6);
    expect(r.out).toContain('<testsuite name="csp-assessment@1.0" tests="6" failures="3" errors="0">');
    expect(r.out).toMatch(/<testcase classname="csp-assessment@1\.0" name="P5_inflated_claims">\s*<failure type="vetoed"/);
    expect(r.out).toMatch(/name="BAD&lt;&amp;&gt;">\s*<failure type="invalid"[^>]*>[^<]*pue/);
    expect(r.out).toMatch(/name="P1_hub_operator"><system-out>/);
  });
});

describe('messages', () => {
  it('one warning line per kind, with a count and a few ids, not every id', () => {
    const r = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/corpus', '--decision', '--format', 'json']);
    const lines = r.err.trim().split('\n').filter((l) => l.startsWith('warning:'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[0]).toMatch(/^warning: 216 platforms \(C002_hub_operator, C003_hub_operator, C004_hub_operator and 213 more\): field `support_response_p1`/);
    for (const l of lines) expect(l.length).toBeLessThan(300);
    const report = run(['explain', 'csp-assessment@1.0', 'rulesets/csp-assessment/corpus', '--against', 'none']);
    expect(report.err.split('\n').filter((l) => l.startsWith('warning:')).length).toBeLessThanOrEqual(5);
  });

  it('English plurals agree with their counts', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mini.assay'), MINI);
    const r = run(['check', join(dir, 'mini.assay')]);
    expect(r.out).toContain('1 dimension, 1 indicator, 0 inputs, 0 prerequisites, 0 vetoes, 1 level; 0 warnings');
    const one = run(['report', 'csp-assessment@1.0', join(P, 'p1-hub-operator.yaml'), '--out', join(dir, 'r.md')]);
    expect(one.err).toContain(`(1 platform)`);
    const zh = run(['report', 'csp-assessment@1.0', join(P, 'p1-hub-operator.yaml'), '--out', join(dir, 'r2.md'), '--lang', 'zh-Hans']);
    expect(zh.err).toContain('（1 个平台）');
  });
});

describe('plurals in the catalogues', () => {
  it('English picks the singular for 1 and the plural otherwise; Chinese has one form', () => {
    expect(say('en', 'indicatorsN', { n: 1 })).toBe('1 indicator');
    expect(say('en', 'indicatorsN', { n: 3 })).toBe('3 indicators');
    expect(say('en', 'stepsN', { n: 1 })).toBe('1 band step');
    expect(say('en', 'pointsWord', { p: '1' })).toBe('1 point');
    expect(say('en', 'pointsWord', { p: '0' })).toBe('0 points');
    expect(say('zh-Hans', 'indicatorsN', { n: 1 })).toBe('1 个指标');
    expect(t('en', 'streamProgress', { done: 1, rate: 5 })).toBe('1 platform  5/s');
    expect(t('en', 'streamSkipped', { file: 'c.ndjson', failed: 1, records: 1 })).toMatch(/^c\.ndjson: 1 of 1 record could not/);
    expect(t('en', 'impactTitle', { from: 'a', to: 'b', platforms: 1, changed: 1 })).toBe('a → b: 1 platform assessed, 1 changes outcome or level');
    expect(t('zh-Hans', 'reportWritten', { path: 'r', n: 1 })).toBe('已写入 r（1 个平台）');
  });
});

describe('progress bar', () => {
  it('draws on a terminal only, and ends its line', () => {
    const written: string[] = [];
    const tick = progressBar({ isTTY: true, write: (s: string) => written.push(s) }, 10);
    for (let i = 1; i <= 10; i++) tick(i);
    expect(written.at(-1)).toBe(`\r[${'#'.repeat(30)}] 10/10\n`);
    const none: string[] = [];
    const off = progressBar({ isTTY: false, write: (s: string) => none.push(s) }, 10);
    for (let i = 1; i <= 10; i++) off(i);
    expect(none).toEqual([]);
  });

  it('impact and report over a corpus draw the bar on a terminal (script(1) gives them one)', () => {
    const dir = tmp();
    for (const cmd of [
      `impact csp-assessment@0.9 csp-assessment@1.0 rulesets/csp-assessment/corpus --format json > ${join(dir, 'i.json')}`,
      `report csp-assessment@1.0 rulesets/csp-assessment/corpus --out ${join(dir, 'r.md')}`,
    ]) {
      const r = spawnSync('script', ['-qec', `env -u NO_COLOR "${process.execPath}" "${BIN}" ${cmd}`, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`\r[${'#'.repeat(30)}] 240/240`);
    }
  }, 240_000);

  it('impact and report over a corpus print no bar into a pipe', () => {
    const r = run(['impact', 'csp-assessment@0.9', 'csp-assessment@1.0', 'rulesets/csp-assessment/corpus', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('\r');
  });
});

describe('npm pack', () => {
  it('ships the built command and library, the bundled rulesets and schemas; no sources, tests or tools', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    for (const f of ['dist/cli/assay.js', 'dist/index.js', 'dist/types/engine/index.d.ts', 'rulesets/csp-assessment/1.0.assay', 'schemas/ruleset.schema.json', 'README.md', 'package.json']) {
      expect(files).toContain(f);
    }
    const stray = files.filter((f) => /^(test|bench|scripts|playground|cli|engine|dsl|node_modules)\//.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')) || f.startsWith('dist/playground'));
    expect(stray).toEqual([]);
  });
});
