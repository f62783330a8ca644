// Hostile corpora and faults of the worker threads (issue 17): a line too long, a record that kills its worker, a
// worker that cannot start, a ruleset too big for a fixed worker heap, a byte order mark, a closed stdout, a file
// that never ends. In: corpora written to a temp dir, csp-assessment@1.0, the CLI bundled here. Out: checks that
// every record gets exactly one output line, in order, with an error naming the line and the limit, and that no run
// aborts or waits in silence.

import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { generatePlatforms } from '../../bench/generate';
import type { Lang } from '../../dsl/ast';
import { LineReader } from '../../cli/stream/lines';
import { streamEval } from '../../cli/stream/run';
import { CSP, loadRuleset } from '../plan/helpers';
import { buildBundle, runBundle } from './bundle';

const dir = mkdtempSync(join(tmpdir(), 'assay-stream-faults-'));
let bundle = '';
const RULESET = join(CSP, '1.0.assay');
const r = loadRuleset('1.0');
const text = readFileSync(RULESET, 'utf8');
const docs = generatePlatforms(r.model, 60, 5, { missing: 0.1, invalid: 0.1 })
  .filter((p) => JSON.stringify(p.evidence) !== undefined)
  .map((p) => JSON.stringify(p));

beforeAll(async () => {
  bundle = await buildBundle(dir);
});

interface Line {
  readonly platform?: string;
  readonly line?: number;
  readonly error?: string;
}
const parse = (out: string): Line[] => out.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

function inProcess(path: string, opts: { lang?: Lang; maxLineBytes?: number; batch?: number } = {}): { out: string; summary: ReturnType<typeof streamEval> } {
  const chunks: string[] = [];
  const summary = streamEval({
    path,
    format: path.endsWith('.csv') ? 'csv' : 'ndjson',
    ruleset: r,
    rulesetText: text,
    lang: opts.lang ?? 'en',
    workers: 0,
    batch: opts.batch ?? 3,
    ...(opts.maxLineBytes !== undefined ? { maxLineBytes: opts.maxLineBytes } : {}),
    write: (s) => chunks.push(s),
  });
  return { out: chunks.join(''), summary };
}

/** A line of `n` tiny objects as a platform's evidence: megabytes of text, many times that once parsed. */
function writeHugeLine(fd: number, n: number): void {
  writeSync(fd, '{"platform":"huge","evidence":{"x":[');
  const chunk = Array.from({ length: 100_000 }, () => '{"a":100}').join(',');
  for (let k = 0; k < n; k += 100_000) writeSync(fd, (k > 0 ? ',' : '') + chunk);
  writeSync(fd, ']}}\n');
}

describe('lines longer than the limit', () => {
  it('get an error line naming the line, its length and the limit, in each language; the others go on', () => {
    const path = join(dir, 'long.ndjson');
    const long = `{"platform":"long","evidence":{"note":"${'x'.repeat(80)}"}}`;
    const short = ['a', 'b', 'c'].map((p) => `{"platform":"${p}","evidence":{"pue":1.2}}`);
    writeFileSync(path, [short[0], long, '', short[1], long + '\r', short[2], long].join('\n'));
    const expected = {
      en: `${path}:2: the record is ${long.length} bytes long, more than the limit of 60 bytes per line, and was not read; split it into smaller records (one platform per line), or raise the limit with ASSAY_MAX_LINE_BYTES`,
      'zh-Hans': `${path}:2：该记录长 ${long.length} 字节，超过每行 60 字节的上限，未读取；请拆分为较小的记录（每行一个平台），或用 ASSAY_MAX_LINE_BYTES 提高上限`,
      'zh-Hant': `${path}:2：該記錄長 ${long.length} 位元組，超過每列 60 位元組的上限，未讀取；請拆分為較小的記錄（每列一個平台），或用 ASSAY_MAX_LINE_BYTES 提高上限`,
    } as const;
    for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const { out, summary } = inProcess(path, { lang, maxLineBytes: 60, batch: 2 });
      const lines = parse(out);
      expect(lines.map((l) => l.platform ?? l.line)).toEqual(['a', 2, 'b', 5, 'c', 7]);
      expect(lines[1]?.error).toBe(expected[lang]);
      // The line with '\r' counts it; the last line has no '\n'.
      expect(lines[3]?.error).toContain(String(long.length + 1));
      expect(summary.records).toBe(6);
      expect(summary.failed).toBeGreaterThanOrEqual(3);
    }
  });

  it('are cut at the limit exactly, whether buffered whole or read past (a line longer than a read)', () => {
    const path = join(dir, 'edge.ndjson');
    const big = 'y'.repeat(3 << 20);
    writeFileSync(path, ['a'.repeat(10), 'b'.repeat(11), big, 'c'.repeat(10), big].join('\n'));
    const fd = openSync(path, 'r');
    try {
      const reader = new LineReader(fd, 10);
      const got: string[] = [];
      const oversize: number[][] = [];
      let first = 0;
      for (let b = reader.next(2); b; b = reader.next(2)) {
        got.push(...Buffer.from(b.bytes).toString('utf8').split('\n').slice(0, b.lines));
        oversize.push(...b.oversize.map(([k, n]) => [first + k, n]));
        first += b.lines;
      }
      expect(got).toEqual(['a'.repeat(10), '', '', 'c'.repeat(10), '']);
      expect(oversize).toEqual([
        [1, 11],
        [2, 3 << 20],
        [4, 3 << 20],
      ]);
    } finally {
      closeSync(fd);
    }
  });

  it('a realistic one: a 64 MB line of 6 million objects among 2,000 records, two workers, a few seconds', () => {
    const path = join(dir, 'huge.ndjson');
    const fd = openSync(path, 'w');
    const before = Array.from({ length: 1000 }, (_, k) => docs[k % docs.length]).join('\n') + '\n';
    writeSync(fd, before);
    writeHugeLine(fd, 6_000_000);
    writeSync(fd, before);
    closeSync(fd);
    // Before: the worker died, the main thread waited two minutes and wrote 1,000 of the 2,001 lines.
    const run = runBundle(bundle, ['eval', RULESET, path], { ASSAY_WORKERS: '2' }, 60_000);
    expect(run.status).toBe(1);
    const lines = parse(run.stdout);
    expect(lines).toHaveLength(2001);
    const huge = statSync(path).size - 2 * Buffer.byteLength(before) - 1;
    expect(lines[1000]).toEqual({ line: 1001, error: `${path}:1001: the record is ${huge} bytes long, more than the limit of 4194304 bytes per line, and was not read; split it into smaller records (one platform per line), or raise the limit with ASSAY_MAX_LINE_BYTES` });
    expect(lines.filter((l) => l.error !== undefined && l.line !== 1001)).toEqual([]);
    expect(run.stats?.maxRssMb).toBeLessThan(300);
  });
});

describe('a byte order mark', () => {
  it('is not part of NDJSON line 1', () => {
    const path = join(dir, 'bom.ndjson');
    writeFileSync(path, '\ufeff' + [docs[0], docs[1]].join('\n') + '\n');
    const lines = parse(inProcess(path).out);
    expect(lines.map((l) => l.platform)).toEqual([JSON.parse(docs[0] ?? '').platform, JSON.parse(docs[1] ?? '').platform]);
  });

  it('is not part of a CSV header', () => {
    const path = join(dir, 'bom.csv');
    writeFileSync(path, '\ufeffplatform,pue\r\np1,1.2\r\n');
    const { out, summary } = inProcess(path);
    expect(summary.error).toBeUndefined();
    expect(parse(out).map((l) => l.platform)).toEqual(['p1']);
  });
});

describe('worker threads that stop', () => {
  const withKiller = join(dir, 'killer.ndjson');
  const without = join(dir, 'no-killer.ndjson');

  it('a record that kills its worker gets an error line saying so; a new worker does the rest, in order', () => {
    const fd = openSync(withKiller, 'w');
    writeSync(fd, docs.slice(0, 20).join('\n') + '\n');
    writeHugeLine(fd, 1_500_000);
    writeSync(fd, docs.slice(20, 40).join('\n') + '\n');
    closeSync(fd);
    writeFileSync(without, docs.slice(0, 40).join('\n') + '\n');
    const run = runBundle(bundle, ['eval', RULESET, withKiller, '--lang', 'zh-Hans'], { ASSAY_WORKERS: '2', ASSAY_STREAM_BATCH: '7', ASSAY_WORKER_HEAP_MB: '48', ASSAY_MAX_LINE_BYTES: String(64 << 20) }, 60_000);
    expect(run.status).toBe(1);
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(41);
    const killed = JSON.parse(out[20] ?? '') as Line;
    expect(killed.line).toBe(21);
    expect(killed.error).toMatch(new RegExp(`^${withKiller.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:21：评估该记录时其工作线程停止（.*memory.*；堆上限 48 MB），已跳过该记录`));
    // Every other record: what the in-process stream writes for it.
    const expected = inProcess(without, { lang: 'zh-Hans' }).out.trimEnd().split('\n');
    expect([...out.slice(0, 20), ...out.slice(21)]).toEqual(expected.map((l) => l.replace(/"line":(2[1-9]|3\d|40),/, (_m, n: string) => `"line":${Number(n) + 1},`).replace(/:(2[1-9]|3\d|40)([:：])/, (_m, n: string, c: string) => `:${Number(n) + 1}${c}`)));
  });

  it('a worker that stops outside any record hands the rest to the main thread, with a warning', () => {
    const run = runBundle(bundle, ['eval', RULESET, without], { ASSAY_WORKERS: '2', ASSAY_STREAM_BATCH: '7', ASSAY_WORKER_HEAP_MB: '8' }, 60_000);
    expect(run.stdout).toBe(inProcess(without).out);
    expect(run.stderr).toContain(`warning: ${without}: a worker thread stopped outside any record (`);
  });

  it('a ruleset too big for a fixed worker heap gets a heap sized from it (9,000 indicators, one platform)', () => {
    const big = join(dir, 'big.assay');
    writeFileSync(big, generateRuleset(9000));
    const one = join(dir, 'one.ndjson');
    writeFileSync(one, '{"platform":"one","evidence":{"flag":true,"i0":50}}\n');
    // Before: the worker died compiling it (96 MB heap) and the main thread waited two minutes.
    const run = runBundle(bundle, ['eval', big, one, '--decision'], { ASSAY_WORKERS: '1' }, 90_000);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(parse(run.stdout)).toMatchObject([{ platform: 'one', outcome: 'graded' }]);
  });
});

describe('output and input that never end', () => {
  it('a closed stdout ends the run quietly (exit 141, nothing on stderr), workers and all', async () => {
    const path = join(dir, 'many.ndjson');
    writeFileSync(path, Array.from({ length: 20_000 }, (_, k) => docs[k % docs.length]).join('\n') + '\n');
    const child = spawn(process.execPath, [bundle, 'eval', RULESET, path], { env: { ...process.env, ASSAY_WORKERS: '2' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('`assay check /dev/zero` stops at the limit, naming the file and the limit', () => {
    const run = runBundle(bundle, ['check', '/dev/zero'], {}, 30_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('assay: cannot read `/dev/zero`: it is larger than the limit of 67108864 bytes');
    expect(run.seconds).toBeLessThan(20);
  });

  it('evidence from a device is counted too (limit from ASSAY_MAX_FILE_BYTES), in Chinese', () => {
    const run = runBundle(bundle, ['eval', RULESET, '/dev/zero', '--lang', 'zh-Hans'], { ASSAY_MAX_FILE_BYTES: '1000000' }, 30_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('无法读取 `/dev/zero`：文件超过 1000000 字节的上限');
  });
});
