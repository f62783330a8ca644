// `assay diff` and `assay impact` as users run them: the built CLI (`npm run build`), real files and references.
// In: dist/cli/assay.js (built once here), the csp-assessment registry and samples. Out: pass when the
// outputs carry the expected changes and transitions in every format, and usage errors exit 2.

import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../rulesets/load';

const CLI = join(ROOT, 'dist', 'cli', 'assay.js');
const PLATFORMS = 'rulesets/csp-assessment/platforms';

function run(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
});

describe('assay diff', () => {
  it('prints the twelve changes (table, en)', () => {
    const r = run('diff', 'csp-assessment@0.9', 'csp-assessment@1.0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('12 changes:');
    expect(r.out).toContain('pue in (1.40, 1.50]: 20 → 0');
    expect(r.out).toContain('total_compute_scale in [1000, 2000): 100 → 80');
    expect(r.out).toContain('version: 0.9 → 1.0');
  });
  it('gives JSON entries with kind, target, before and after', () => {
    const r = run('diff', 'rulesets/csp-assessment/0.9.assay', 'rulesets/csp-assessment/1.0.assay', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { header: { changed: string[] }; entries: { kind: string; target: string }[] };
    expect(j.entries).toHaveLength(12);
    expect(j.entries.map((e) => e.kind)).toContain('indicator-renamed');
    expect(j.header.changed).toEqual(['version', 'status', 'date']);
  });
  it('speaks zh-Hant and Markdown', () => {
    const r = run('diff', 'csp-assessment@0.9', 'csp-assessment@1.0', '--format', 'md', '--lang', 'zh-Hant');
    expect(r.code).toBe(0);
    expect(r.out).toContain('## 12 項變更');
    expect(r.out).toContain('指標更名');
  });
  it('needs two rulesets (exit 2) and names unknown versions (exit 1)', () => {
    expect(run('diff', 'csp-assessment@0.9').code).toBe(2);
    const r = run('diff', 'csp-assessment@0.9', 'csp-assessment@2.0');
    expect(r.code).toBe(1);
    expect(r.err).toContain('0.9');
  });
});

describe('assay impact', () => {
  it('reports the transitions of the samples with their causes (JSON)', () => {
    const r = run('impact', 'csp-assessment@0.9', 'csp-assessment@1.0', PLATFORMS, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      matrix: { from: string; to: string; count: number }[];
      changed: { platform: string; scoreOnly: boolean; before: { level: string | null }; after: { outcome: string }; causes: { kind: string; target: string }[] }[];
    };
    expect(j.matrix).toContainEqual({ from: 'L2', to: 'L1', count: 1 });
    expect(j.matrix).toContainEqual({ from: 'L0', to: 'vetoed', count: 1 });
    expect(j.matrix).toContainEqual({ from: 'L1', to: 'L0', count: 1 });
    expect(j.changed.filter((c) => !c.scoreOnly).map((c) => c.platform).sort()).toEqual(['P2_regional_aicc', 'P3_gpu_rental_startup', 'P4_hk_crossborder']);
    for (const c of j.changed) expect(c.causes.length, c.platform).toBeGreaterThan(0);
    const p3 = j.changed.find((c) => c.platform === 'P3_gpu_rental_startup');
    expect(p3?.causes.map((c) => `${c.kind} ${c.target}`)).toEqual(['veto-changed V1']);
  });
  it('prints a table and a self-contained HTML page', () => {
    const table = run('impact', 'csp-assessment@0.9', 'csp-assessment@1.0', PLATFORMS);
    expect(table.code).toBe(0);
    expect(table.out).toContain('5 platforms assessed, 3 change outcome or level; 2 more change only in total');
    const html = run('impact', 'csp-assessment@0.9', 'csp-assessment@1.0', PLATFORMS, '--format', 'html', '--lang', 'zh-Hans');
    expect(html.code).toBe(0);
    expect(html.out.startsWith('<!doctype html>')).toBe(true);
    expect(html.out).toContain('P2_regional_aicc');
    expect(html.out).not.toMatch(/<(script|link)\b|src=/);
  });
  it('runs on the synthetic corpus', () => {
    const r = run('impact', 'csp-assessment@0.9', 'csp-assessment@1.0', 'rulesets/csp-assessment/corpus', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { platforms: number; matrix: { count: number }[] };
    expect(j.platforms).toBeGreaterThanOrEqual(200);
    expect(j.matrix.reduce((s, m) => s + m.count, 0)).toBe(j.platforms);
  });
  it('needs evidence (exit 2)', () => {
    expect(run('impact', 'csp-assessment@0.9', 'csp-assessment@1.0').code).toBe(2);
  });
});
