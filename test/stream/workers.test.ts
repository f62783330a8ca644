// The worker-thread path of `assay eval` on corpora, run through a bundle built here from the sources (the tests'
// own TypeScript runs in-process only). In: small corpora with bad records, and a 20,000-platform corpus. Out:
// checks that 0, 1 and 2 workers write the same bytes as the in-process stream, and that memory stays bounded.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import type { Lang } from '../../dsl/ast';
import { streamEval } from '../../cli/stream/run';
import { CSP, loadRuleset } from '../plan/helpers';
import { buildBundle, runBundle, type Run } from './bundle';

const dir = mkdtempSync(join(tmpdir(), 'assay-stream-workers-'));
let bundle = '';
const RULESET = join(CSP, '1.0.assay');
const r = loadRuleset('1.0');
const text = readFileSync(RULESET, 'utf8');

beforeAll(async () => {
  bundle = await buildBundle(dir);
});

function cli(file: string, workers: number, lang: Lang = 'en', batch = 7, extra: readonly string[] = []): Run {
  return runBundle(bundle, ['eval', RULESET, file, '--lang', lang, ...extra], { ASSAY_WORKERS: String(workers), ASSAY_STREAM_BATCH: String(batch) });
}

function inProcess(file: string, lang: Lang, decision = false): string {
  const chunks: string[] = [];
  streamEval({ path: file, format: file.endsWith('.csv') ? 'csv' : 'ndjson', ruleset: r, rulesetText: text, lang, workers: 0, batch: 5, decision, write: (s) => chunks.push(s) });
  return chunks.join('');
}

describe('worker threads write what the in-process stream writes', () => {
  const ps = generatePlatforms(r.model, 120, 3, { missing: 0.1, invalid: 0.1 }).filter((p) => JSON.stringify(p.evidence) !== undefined);
  const docs = ps.map((p, k) => JSON.stringify({ ...p, name: k % 3 === 0 ? `平台 "${k}"` : undefined }));
  // Bad records among good ones: not JSON, not an object, no platform, evidence of the wrong type; blank lines,
  // CRLF endings and a last line without a line break.
  const ndjson = join(dir, 'mixed.ndjson');
  writeFileSync(
    ndjson,
    [...docs.slice(0, 40), 'not json', '', '[1,2]', ...docs.slice(40, 80).map((d) => d + '\r'), '{"platform":"","evidence":{}}', '   ', '{"platform":"x","evidence":{"pue":"high"}}', ...docs.slice(80)].join('\n'),
  );
  const csv = join(dir, 'mixed.csv');
  writeFileSync(
    csv,
    [
      'platform,name,pue,mainland_ops,mlps_level,framework_chip_adaptation.frameworks,framework_chip_adaptation.architectures',
      ...Array.from({ length: 60 }, (_, k) => `p${k},"Hub ${k}, 有限公司",1.${k % 9}5,${k % 2 === 0},L${(k % 3) + 2},${k % 5},${k % 4}`),
      'p-bad,x,1.2,true,L3,4,3,extra',
      'p-num,x,lots,true,L3,4,3',
      '',
      'p-quote,"unclosed,1.2,true,L3,4,3',
      'p-last,y,1.3,false,L2,1,1',
    ].join('\r\n'),
  );

  for (const [file, lang] of [
    [ndjson, 'en'],
    [ndjson, 'zh-Hant'],
    [csv, 'zh-Hans'],
  ] as const) {
    it(`${file.endsWith('.csv') ? 'CSV' : 'NDJSON'} in ${lang}, with 0, 1 and 2 workers`, () => {
      const expected = inProcess(file, lang);
      const runs = [0, 1, 2].map((w) => cli(file, w, lang));
      for (const [w, run] of runs.entries()) {
        expect(run.stats?.workers, `workers ${w}`).toBe(w);
        expect(run.stdout, `workers ${w}`).toBe(expected);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(runs[0]?.stderr);
        // Workers write full results with the generated module's full variant, which must write what the plan
        // writes (this file is mostly edge cases that the plan writes: missing, invalid, odd numbers).
        if (w > 0 && file.endsWith('.ndjson')) expect(run.stats?.generatedFull, `workers ${w}`).toBeGreaterThan(0);
      }
      // Every bad record has its error line, naming the file and its line, between the results around it.
      const lines = expected.trimEnd().split('\n').map((l) => JSON.parse(l) as { line?: number; error?: string; platform?: string });
      const errors = lines.filter((l) => l.error !== undefined);
      expect(errors.map((e) => e.line)).toEqual(file.endsWith('.csv') ? [62, 63, 65] : [41, 43, 84]);
      for (const e of errors) expect(e.error).toContain(`${file}:${e.line}`);
      // Invalid evidence is a result with errors, not an unreadable record.
      if (!file.endsWith('.csv')) expect(lines.find((l) => l.platform === 'x')).toMatchObject({ outcome: 'invalid' });
    });
  }

  it('NDJSON with --decision, with 0, 1 and 2 workers', () => {
    const expected = inProcess(ndjson, 'zh-Hans', true);
    expect(expected).not.toBe(inProcess(ndjson, 'zh-Hans'));
    for (const w of [0, 1, 2]) {
      const run = cli(ndjson, w, 'zh-Hans', 7, ['--decision']);
      expect(run.stats?.workers, `workers ${w}`).toBe(w);
      expect(run.stdout, `workers ${w}`).toBe(expected);
      expect(run.status).toBe(1);
      // Workers decide with the generated module (cli/generated.ts), which must write what the plan writes.
      if (w > 0) expect(run.stats?.generated, `workers ${w}`).toBeGreaterThan(100);
    }
    // The module's temporary folder is removed after the run.
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    const run = runBundle(bundle, ['eval', RULESET, ndjson, '--lang', 'zh-Hans', '--decision'], { ASSAY_WORKERS: '2', ASSAY_STREAM_BATCH: '7', TMPDIR: tmp });
    expect(run.stdout).toBe(expected);
    expect(run.stats?.generated).toBeGreaterThan(100);
    expect(readdirSync(tmp)).toEqual([]);
    const lines = expected.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'indicators' in l || 'dimensions' in l)).toEqual([]);
    expect(lines.filter((l) => l['error'] !== undefined).map((l) => l['line'])).toEqual([41, 43, 84]);
  });
});

describe('memory', () => {
  it('stays bounded with two workers: 20,000 platforms under 250 MB peak RSS for the whole process', () => {
    const pool = generatePlatforms(r.model, 300, 9, { missing: 0.05, invalid: 0.05 })
      .filter((p) => JSON.stringify(p.evidence) !== undefined)
      .map((p) => p.evidence);
    const file = join(dir, 'big.ndjson');
    const n = 20_000;
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(JSON.stringify({ platform: `P${k}`, name: `平台 ${k % 97}`, evidence: pool[k % pool.length] }));
    writeFileSync(file, lines.join('\n') + '\n');
    const run = cli(file, 2, 'en', 1000);
    expect(run.stats?.records).toBe(n);
    expect(run.stats?.workers).toBe(2);
    expect(run.stdout.split('\n').length).toBe(n + 1);
    // Before the main thread moved bytes only (it decoded lines and received result strings): 287 MB for 20,000.
    expect(run.stats?.maxRssMb).toBeLessThan(250);
    // Each worker timed its stages: reading records, assessing them, writing their lines.
    for (const k of ['read', 'assess', 'write'] as const) expect(run.stats?.stageMicros[k], k).toBeGreaterThan(0);
    // Full results of complete, valid evidence are written by the generated module's full variant (the rest, by the
    // plan): here about half, as each field is missing or invalid in one platform in ten.
    expect(run.stats?.generatedFull).toBeGreaterThan(n / 4);
  });
});
