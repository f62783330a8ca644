// CLI runs through the built binary (dist/cli/assay.js): exit codes, output formats, languages, registry.
// In: the repository's rulesets and sample platforms, and small files written to a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/assay.js');

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('assay check', () => {
  it('accepts both bundled rulesets and prints id, version and hash', () => {
    for (const v of ['0.9', '1.0']) {
      const r = run(['check', `rulesets/csp-assessment/${v}.assay`]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`csp-assessment ${v}`);
      expect(r.out).toMatch(/sha256:[0-9a-f]{64}/);
    }
  });

  it('reports every syntax error with path:line:col and a caret, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const bad = join(dir, 'bad.assay');
    writeFileSync(bad, 'ruleset "x" {\n  version "1"\n}\n\ndimension A {\n  weight ?\n}\n');
    const r = run(['check', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.assay:6:\d+: error/);
    expect(r.err).toContain('^');
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('speaks zh-Hans with --lang', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const bad = join(dir, 'bad.assay');
    writeFileSync(bad, 'ruleset "x" {\n  version "1"\n}\n\ndimension A {\n  weight ?\n}\n');
    const r = run(['check', bad, '--lang', 'zh-Hans']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives JSON diagnostics with --format json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const bad = join(dir, 'bad.assay');
    writeFileSync(bad, 'ruleset "x" {\n  version "1"\n}\n\ndimension A {\n  weight ?\n}\n');
    const r = run(['check', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { ok: boolean; diagnostics: { code: string; start: { line: number } }[] };
    expect(j.ok).toBe(false);
    expect(j.diagnostics.length).toBeGreaterThan(0);
    expect(j.diagnostics[0]!.start.line).toBe(6);
  });
});

describe('assay eval', () => {
  it('prints the JSON shape of the issue for the sample platforms', () => {
    const r = run(['eval', 'csp-assessment@0.9', 'rulesets/csp-assessment/platforms', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      ruleset: { id: string; version: string; status: string; hash: string };
      results: { platform: string; outcome: string; level: string | null; total: number; dimensions: Record<string, { score: number; weight: number; share: number }>; indicators: Record<string, { points: number | null; status: string; weight: number }>; vetoes: string[]; prerequisitesFailed: string[] }[];
    };
    expect(j.ruleset).toMatchObject({ id: 'csp-assessment', version: '0.9', status: 'for-comment' });
    expect(j.ruleset.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const byId = new Map(j.results.map((x) => [x.platform, x]));
    expect(byId.get('P1_hub_operator')).toMatchObject({ outcome: 'graded', level: 'L4', total: 91 });
    expect(byId.get('P1_hub_operator')!.dimensions['A']).toEqual({ score: 12.85, weight: 14, share: 0.9178571429 });
    expect(byId.get('P5_inflated_claims')).toMatchObject({ outcome: 'vetoed', level: null, vetoes: ['V1'] });
    // exact values printed without binary noise
    expect(r.out).not.toMatch(/\d\.\d*0000000\d/);
    // not-applicable points are null (P2's cross-border indicator)
    expect(byId.get('P2_regional_aicc')!.indicators['cross_border_data_compliance']).toMatchObject({ points: null, status: 'not_applicable', weight: 0 });
  });

  it('prints a table and Markdown in three languages', () => {
    const en = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/P4_hk_crossborder\s+graded\s+L0\s+81\.75/);
    const hans = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--lang', 'zh-Hans']);
    expect(hans.out).toContain('已评级');
    const hant = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--lang', 'zh-Hant', '--format', 'md']);
    expect(hant.out).toContain('| P1_hub_operator | 已評級 | L4 | 91.20 |');
  });

  it('assesses the other platforms when one has bad evidence, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    copyFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', join(dir, 'a.yaml'));
    const bad = readFileSync('rulesets/csp-assessment/platforms/p2-regional-aicc.yaml', 'utf8').replace(/pue: [\d.]+/, 'pue: 0.8');
    writeFileSync(join(dir, 'b.yaml'), bad);
    const r = run(['eval', 'csp-assessment@0.9', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { results: { platform: string; outcome: string; errors: { field: string }[] }[] };
    expect(j.results.map((x) => x.outcome)).toEqual(['graded', 'invalid']);
    expect(j.results[1]!.errors.map((e) => e.field)).toContain('pue');
    expect(r.err).toMatch(/b\.yaml.*P2_regional_aicc.*pue/);
  });

  it('says a warning shared by many platforms once, naming them', () => {
    const r = run(['eval', 'csp-assessment@0.9', 'rulesets/csp-assessment/platforms']);
    expect(r.code).toBe(0);
    const lines = r.err.split('\n').filter((l) => l.includes('asset_inventory_consistency'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('5 platforms (P1_hub_operator, P2_regional_aicc');
  });

  it('names the versions that exist for an unknown reference (exit 1), and usage errors exit 2', () => {
    const r = run(['eval', 'csp-assessment@2.0', 'rulesets/csp-assessment/platforms']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('0.9');
    expect(r.err).toContain('1.0');
    expect(run(['eval', '--format', 'xml', 'a', 'b']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['eval', 'csp-assessment@0.9']).code).toBe(2);
  });

  it('--decision prints the decision alone: JSON without detail, a table without dimension columns', () => {
    const full = JSON.parse(run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--format', 'json']).out) as { results: Record<string, unknown>[] };
    const r = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--format', 'json', '--decision']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { results: Record<string, unknown>[] };
    expect(j.results).toEqual(full.results.map(({ dimensions: _d, indicators: _i, ...rest }) => rest));
    const table = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--decision', '--lang', 'zh-Hant']);
    expect(table.out).toMatch(/P5_inflated_claims\s+不通過\s+—\s+61\.13\s+V1, V5\s+—\n/);
    expect(table.out).not.toContain('算力資源供給能力');
    expect(table.err).toBe(run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--lang', 'zh-Hant']).err);
    const both = run(['eval', 'csp-assessment@1.0', 'rulesets/csp-assessment/platforms', '--decision', '--explain', '--lang', 'zh-Hans']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('二者只能选其一');
  });

  it('a missing file is an error naming it, not a stack trace', () => {
    const r = run(['eval', 'csp-assessment@0.9', 'no/such/file.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no/such/file.yaml');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('assay list', () => {
  it('shows the registry with latest and latest-draft resolvable', () => {
    const r = run(['list', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { id: string; version: string; status: string }[];
    expect(j.map((e) => `${e.id}@${e.version}:${e.status}`)).toEqual([
      'csp-assessment@0.9:for-comment',
      'csp-assessment@1.0:published',
      'cvss@3.1:published',
      'iso-33020@2019:published',
      'leed-bdc@4.1:published',
    ]);
    expect(run(['check', 'csp-assessment@latest']).out).toContain('csp-assessment 1.0');
    expect(run(['check', 'csp-assessment@latest-draft']).out).toContain('csp-assessment 0.9');
  });

  it('compiles a referenced ruleset from the registry scan’s parse exactly as from its path, twice in one command too', () => {
    const byPath = run(['check', 'rulesets/csp-assessment/0.9.assay', '--format', 'json']);
    const byRef = run(['check', 'csp-assessment@0.9', 'csp-assessment@0.9', '--format', 'json']);
    expect(byRef.code).toBe(byPath.code);
    const once = JSON.parse(byPath.out) as unknown;
    // The first reference takes the scan's parse, the second reads the file afresh: the same result.
    expect(JSON.parse(byRef.out)).toEqual([once, once]);
    const sample = 'rulesets/csp-assessment/platforms';
    expect(run(['eval', 'csp-assessment@0.9', sample, '--format', 'json']).out).toBe(run(['eval', 'rulesets/csp-assessment/0.9.assay', sample, '--format', 'json']).out);
  });
});

describe('assay fmt', () => {
  it('keeps the bundled rulesets formatted (--check exits 0)', () => {
    const r = run(['fmt', '--check', 'rulesets/csp-assessment/0.9.assay', 'rulesets/csp-assessment/1.0.assay']);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('--check shows a diff and exits 1 on an unformatted file; --write fixes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
    const f = join(dir, 'x.assay');
    writeFileSync(f, 'ruleset "x" {   version "1"\n}\ninput a:boolean\n');
    const r = run(['fmt', '--check', f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('+');
    expect(run(['fmt', '--write', f]).code).toBe(0);
    expect(run(['fmt', '--check', f]).code).toBe(0);
  });
});
