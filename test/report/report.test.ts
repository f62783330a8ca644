// Assessment reports: the Markdown report of the samples (golden), the HTML report's self-containment and
// escaping, and the CLI commands of issue #5 (explain, gap, report, eval --explain) through the built binary.
// In: rulesets/csp-assessment. Out: test/report/golden/1.0.batch.md; temp files.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusStats, placeIn } from '../../engine/analyses/benchmark';
import { explainPlatform } from '../../engine/analyses/explain/index';
import { improvementPlans } from '../../engine/analyses/gap/index';
import { sha256Text } from '../../engine/model/hash';
import { parseEvidenceText } from '../../engine/index';
import { reportHtml, reportMarkdown, type ReportItem, type ReportMeta } from '../../engine/report/index';
import { evidenceLines } from '../../engine/report/evidence-ref';
import { golden } from '../explain/golden';
import { PLATFORM_DIR, ROOT, ruleset } from '../rulesets/load';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const BIN = join(ROOT, 'dist/cli/assay.js');

function items(lang: 'en' | 'zh-Hans', extra: { name?: string } = {}): { items: ReportItem[]; meta: ReportMeta } {
  const rs = ruleset('1.0');
  const files = readdirSync(PLATFORM_DIR).filter((f) => f.endsWith('.yaml')).sort();
  const docs = files.map((f) => {
    const text = readFileSync(join(PLATFORM_DIR, f), 'utf8');
    const doc = parseEvidenceText(text, f).platforms[0];
    if (!doc) throw new Error(f);
    return { f, text, doc: extra.name !== undefined ? { ...doc, name: extra.name } : doc };
  });
  const corpus = corpusStats(rs.model, docs.map((d) => rs.assess(d.doc)), 'platforms');
  return {
    items: docs.map(({ f, text, doc }) => {
      const { assessment, explanation } = explainPlatform(rs, doc, { lang });
      return {
        explanation: { ...explanation, benchmark: placeIn(corpus, assessment) },
        gap: improvementPlans(rs, doc, { lang }),
        evidenceFile: `platforms/${f}`,
        evidenceHash: `sha256:${sha256Text(text)}`,
        evidenceLines: evidenceLines(text).get(doc.platform) ?? new Map<string, number>(),
      };
    }),
    meta: {
      ruleset: rs,
      assayVersion: 'test',
      renderedAt: '2026-07-02T09:30:00.000Z',
      assessedOn: '2026-07-01',
      assessor: 'A. Assessor',
      corpus: { name: 'platforms', n: corpus.n, description: 'the five sample platforms' },
      signature: true,
      lang,
    },
  };
}

describe('reports', () => {
  it('Markdown report of the samples (golden)', () => {
    const { items: its, meta } = items('en');
    golden(join(GOLDEN, '1.0.batch.md'), reportMarkdown(its, meta));
  });

  it('HTML report is self-contained: inline styles and SVG, no script, no external reference', () => {
    const { items: its, meta } = items('zh-Hans');
    const html = reportHtml(its, meta);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html.match(/https?:\/\/[^"\s]*/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<svg class="radar"/g)).toHaveLength(its.length);
    expect(html).toContain('<svg class="bars"');
    expect(html).toContain('@media print');
    expect(html).toContain(its[0]?.evidenceHash ?? 'x');
    expect(html).toContain(meta.ruleset.identity.hash);
    // Every summary link has its target.
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${m[1]}"`);
  });

  it('escapes names and labels from evidence', () => {
    const { items: its, meta } = items('en', { name: '<script>alert(1)</script>&"' });
    const html = reportHtml(its.slice(0, 1), meta);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;');
  });
});

describe('CLI: explain, gap, report, eval --explain', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const P2 = 'rulesets/csp-assessment/platforms/p2-regional-aicc.yaml';

  it('assay explain prints the explanation with the benchmark of the bundled corpus', () => {
    const r = run(['explain', 'rulesets/csp-assessment/1.0.assay', P2]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('99.93 ≥ 99.9 → 70');
    expect(r.out).toMatch(/Benchmark\n {2}against \d+ platforms of (corpus|platforms): total at percentile \d+/);
    const j = run(['explain', 'rulesets/csp-assessment/1.0.assay', P2, '--format', 'json', '--against', 'rulesets/csp-assessment/platforms']);
    const parsed = JSON.parse(j.out) as { explanations: { benchmark: { n: number }; events: unknown[] }[] };
    expect(parsed.explanations[0]?.benchmark.n).toBe(5);
    expect(parsed.explanations[0]?.events.length).toBeGreaterThan(100);
  });

  it('assay eval --explain adds explanations to the table and the JSON', () => {
    const r = run(['eval', 'rulesets/csp-assessment/1.0.assay', P2, '--explain', '--lang', 'zh-Hans', '--against', 'none']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('维度 G 得分率 56.9% < 60%');
    const j = JSON.parse(run(['eval', 'rulesets/csp-assessment/1.0.assay', P2, '--explain', '--format', 'json']).out) as { results: unknown[]; explanations: unknown[] };
    expect(j.explanations).toHaveLength(j.results.length);
  });

  it('assay gap gives plans as JSON and rejects an unknown target', () => {
    const r = run(['gap', 'rulesets/csp-assessment/1.0.assay', P2, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { target: string; plans: { changes: Record<string, unknown>; reaches: string; total: number }[] };
    expect(j.target).toBe('L2');
    expect(j.plans[0]?.reaches).toBe('L2');
    expect(Object.keys(j.plans[0]?.changes ?? {})).toHaveLength(1);
    const bad = run(['gap', 'rulesets/csp-assessment/1.0.assay', P2, '--target', 'L9']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('`L9` is not a level of csp-assessment 1.0');
  });

  it('assay report writes HTML or Markdown and never overwrites without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-report-cli-'));
    const out = join(dir, 'r.html');
    const first = run(['report', 'rulesets/csp-assessment/1.0.assay', 'rulesets/csp-assessment/platforms', '--out', out]);
    expect(first.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg class="radar"');
    writeFileSync(out, 'keep me');
    const again = run(['report', 'rulesets/csp-assessment/1.0.assay', P2, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = run(['report', 'rulesets/csp-assessment/1.0.assay', P2, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('P2_regional_aicc');
    const md = run(['report', 'rulesets/csp-assessment/1.0.assay', P2, '--out', join(dir, 'r.md')]);
    expect(md.code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# Assessment report: P2_regional_aicc/);
    expect(run(['report', 'rulesets/csp-assessment/1.0.assay', P2]).code).toBe(2);
  });
});
