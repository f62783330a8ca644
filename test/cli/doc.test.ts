// `assay doc` through the built binary: the document on stdout or in --out (format from --format or the file name),
// the revision table with --against, the .docx only into a file, never over an existing file without --force,
// usage errors exit 2, a ruleset with errors exit 1, help in three languages. In: the registry's csp rulesets.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/assay.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'assay-doc-'));

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('assay doc', () => {
  it('prints the standard as Markdown: indicator tables, rules, levels', () => {
    const r = run(['doc', 'csp-assessment@0.9']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^# Computing-power service platform capability assessment — 0\.9 \(for-comment\)/);
    expect(r.out).toContain('| `total_compute_scale` | Total available compute | number ≥ 0, PFLOPS (FP16 dense, measured-available) | ↑ | ≥1000: 100; ≥300: 80; ≥100: 60; ≥20: 40; else 20 | DR, OS, TT |');
    expect(r.out).toContain('| `L5` | Excellent | 95 | 80% | service_availability ≥ 99.99; declared_vs_measured_gap ≤ 5; pue ≤ 1.25 |');
    expect(r.out).not.toContain('Changes from version');
  });

  it('speaks the reader’s language', () => {
    expect(run(['doc', 'csp-assessment@0.9', '--lang', 'zh-Hant']).out).toContain('| `total_compute_scale` | 算力規模 |');
    expect(run(['doc', 'csp-assessment@0.9', '--lang', 'zh-Hans']).out).toContain('### 3.1 A 算力资源供给能力 — 权重 14');
  });

  it('--against adds the revision table: twelve changes from 0.9 to 1.0', () => {
    const r = run(['doc', 'csp-assessment@1.0', '--against', 'csp-assessment@0.9']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Changes from version 0.9');
    const rows = r.out.split('\n').filter((l) => /^\| \d+ \| [\d., ]+ \|/.test(l));
    expect(rows).toHaveLength(12);
    expect(r.out).toContain('| 8 | 3.7 | band removed: pue Power usage effectiveness (annual) | ≤1.50: 20 | removed (points change: pue in (1.40, 1.50\\]: 20 → 0) |');
  });

  it('writes HTML and .docx files, the format from the file name, never over a file without --force', () => {
    const dir = tmp();
    const html = join(dir, 'csp.html');
    let r = run(['doc', 'csp-assessment@1.0', '--out', html]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${html}`);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<table data-table="indicators-A">/);
    writeFileSync(html, 'mine');
    r = run(['doc', 'csp-assessment@1.0', '--out', html]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(html);
    expect(readFileSync(html, 'utf8')).toBe('mine');
    expect(run(['doc', 'csp-assessment@1.0', '--out', html, '--force']).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<!doctype html>');

    const docx = join(dir, 'csp.docx');
    r = run(['doc', 'csp-assessment@1.0', '--against', 'csp-assessment@0.9', '--out', docx, '--lang', 'zh-Hans']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('已写入');
    const bytes = readFileSync(docx);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(execFileSync('unzip', ['-t', docx], { encoding: 'utf8' })).toContain('No errors detected');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('相对 0.9 版的修订');
    expect(xml).toContain('资产台账一致性');
  });

  it('usage errors exit 2: docx without --out, an unknown format, no ruleset', () => {
    let r = run(['doc', 'csp-assessment@1.0', '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
    expect(r.out).toBe('');
    r = run(['doc', 'csp-assessment@1.0', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('md, html, docx');
    expect(run(['doc']).code).toBe(2);
  });

  it('a ruleset with errors, or an --against with errors, exits 1 with its diagnostics', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.assay');
    writeFileSync(bad, 'ruleset "x" {\n  version "1"\n}\n\ndimension A {\n  weight ?\n}\n');
    let r = run(['doc', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.assay:6:\d+: error/);
    r = run(['doc', 'csp-assessment@1.0', '--against', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });

  it('help in three languages names --against as the earlier version', () => {
    expect(run(['help', 'doc']).out).toContain('an earlier version: add the revision table');
    expect(run(['help', 'doc', '--lang', 'zh-Hans']).out).toContain('旧版规则集：加入修订表');
    expect(run(['doc', '--help', '--lang', 'zh-Hant']).out).toContain('舊版規則集：加入修訂表');
    expect(run(['help']).out).toMatch(/^ {2}doc <ruleset> \[--against <older>\]/m);
  });
});
