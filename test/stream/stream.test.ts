// Streaming corpora: NDJSON and CSV records in, one NDJSON result line per record out, equal to `assay eval`'s JSON.
// In: platforms generated for csp-assessment@0.9, written as NDJSON and CSV files. Out: checks of the record
// readers, of result order and content (in-process, as the tests run the TypeScript sources), and of bad records.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { decisionOf, toDecisionJson, toResultJson } from '../../engine/evaluate/result';
import { decisionLine, decisionLineOfResult } from '../../cli/stream/json';
import { eachLine, LineReader } from '../../cli/stream/lines';
import { csvCells, csvRecord, csvShape, ndjsonRecord } from '../../cli/stream/records';
import { streamEval } from '../../cli/stream/run';
import { canon, CSP, loadRuleset, platformsIn, ROOT } from '../plan/helpers';
import { compileRuleset } from '../../engine/index';
import type { Lang } from '../../dsl/ast';
import { baseVectors } from '../support/cvss';
import { closeSync, openSync, readFileSync } from 'node:fs';

const r = loadRuleset('0.9');
const text = readFileSync(join(CSP, '0.9.assay'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'assay-stream-'));

function run(path: string, format: 'ndjson' | 'csv', batch = 7, decision = false): { lines: unknown[]; summary: ReturnType<typeof streamEval> } {
  const chunks: string[] = [];
  const summary = streamEval({ path, format, ruleset: r, rulesetText: text, lang: 'en', workers: 0, batch, decision, write: (s) => chunks.push(s) });
  return { lines: chunks.join('').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown), summary };
}

describe('NDJSON corpora', () => {
  const ps = generatePlatforms(r.model, 300, 11, { missing: 0.05, invalid: 0.1 }).filter((p) => {
    // JSON cannot carry NaN or Infinity: those records are written as null by JSON.stringify.
    return JSON.stringify(p.evidence) !== undefined;
  });
  const path = join(dir, 'c.ndjson');
  writeFileSync(path, ps.map((p) => JSON.stringify(p)).join('\n') + '\n');

  it('gives one result per line, in order, equal to the JSON of assess', () => {
    const { lines, summary } = run(path, 'ndjson');
    expect(summary.records).toBe(ps.length);
    expect(lines).toHaveLength(ps.length);
    ps.forEach((p, k) => {
      const again = JSON.parse(JSON.stringify(p)) as typeof p;
      expect(lines[k]).toEqual(JSON.parse(JSON.stringify(toResultJson(r.assess(again)))));
    });
    expect(summary.failed).toBe(ps.filter((p) => r.assess(JSON.parse(JSON.stringify(p)) as typeof p).outcome === 'invalid').length);
  });

  it('gives the decision alone with `decision`: the result JSON without its detail', () => {
    const { lines, summary } = run(path, 'ndjson', 7, true);
    expect(lines).toHaveLength(ps.length);
    ps.forEach((p, k) => {
      const again = JSON.parse(JSON.stringify(p)) as typeof p;
      const { dimensions: _d, indicators: _i, ...decision } = toResultJson(r.assess(again));
      expect(lines[k]).toEqual(decision);
    });
    expect(summary.failed).toBe(ps.filter((p) => r.assess(JSON.parse(JSON.stringify(p)) as typeof p).outcome === 'invalid').length);
  });

  it('writes a decision line as JSON.stringify of its JSON form, names and odd ids included', () => {
    for (const p of ps.slice(0, 120)) {
      const d = r.decide(p);
      expect(decisionLine(d)).toBe(JSON.stringify(toDecisionJson(d)));
      const named = decisionOf({ ...r.assess(p), name: 'Hub "Nord"\n', platform: '__proto__' });
      expect(decisionLine(named)).toBe(JSON.stringify(toDecisionJson(named)));
    }
  });

  it('writes the same decision line from the full result (the stream does when evidence is missing), in every language', () => {
    const r10 = loadRuleset('1.0');
    for (const rs of [r, r10]) {
      const mixed = generatePlatforms(rs.model, 150, 5, { missing: 0.3, invalid: 0.1 });
      const lazy = mixed.filter((p) => Object.getOwnPropertyDescriptor(rs.decide(p), 'missing')?.get !== undefined);
      expect(lazy.length).toBeGreaterThan(20);
      for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        for (const lenient of [false, true]) {
          for (const p of mixed) {
            const named = { ...p, name: `平台 "${p.platform}"` };
            for (const q of [p, named]) {
              const expected = JSON.stringify(toDecisionJson(rs.decide(q, { lang, lenient })));
              expect(decisionLineOfResult(rs.evaluate(q, { lang, lenient }))).toBe(expected);
            }
          }
        }
      }
    }
  });

  it('reports unreadable lines by number and goes on', () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, '{"platform":"a","evidence":{}}\nnot json\n\n{"platform":"","evidence":{}}\n{"platform":"b","evidence":{"pue":1.2}}\n');
    const { lines, summary } = run(bad, 'ndjson', 2);
    expect(lines.map((l) => (l as { platform?: string; line?: number }).platform ?? `line ${(l as { line: number }).line}`)).toEqual(['a', 'line 2', 'line 4', 'b']);
    expect(summary.failed).toBeGreaterThanOrEqual(2);
  });

  it('says when the file cannot be read', () => {
    expect(run(join(dir, 'nope.ndjson'), 'ndjson').summary.error).toMatch(/cannot read/);
  });
});

describe('CSV corpora', () => {
  it('splits quoted cells', () => {
    expect(csvCells('a,"b,c","say ""hi""",,d')).toEqual(['a', 'b,c', 'say "hi"', '', 'd']);
  });

  it('types cells by the ruleset and reads dotted columns as object members', () => {
    const shape = csvShape('platform,name,pue,mainland_ops,mlps_level,framework_chip_adaptation.frameworks,framework_chip_adaptation.architectures', r.model);
    if ('error' in shape) throw new Error(shape.error);
    const rec = csvRecord('p1,"Hub, Ltd",1.250,true,L3,4,3', shape);
    if ('error' in rec) throw new Error(rec.error);
    expect(rec.platform).toEqual({
      platform: 'p1',
      name: 'Hub, Ltd',
      evidence: { pue: 1.25, mainland_ops: true, mlps_level: 'L3', framework_chip_adaptation: { frameworks: 4, architectures: 3 } },
    });
  });

  it('assesses the samples written as CSV exactly as from YAML', () => {
    const samples = platformsIn(join(CSP, 'platforms'));
    const cols = new Set<string>();
    for (const p of samples) {
      for (const [k, v] of Object.entries(p.evidence as Record<string, unknown>)) {
        if (v !== null && typeof v === 'object') for (const m of Object.keys(v)) cols.add(`${k}.${m}`);
        else cols.add(k);
      }
    }
    const columns = [...cols];
    const cell = (p: (typeof samples)[number], c: string): string => {
      const [k, m] = c.split('.') as [string, string | undefined];
      const v = (p.evidence as Record<string, unknown>)[k];
      const x = m === undefined ? v : v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[m] : undefined;
      return x === undefined || x === null ? '' : String(x);
    };
    const csv = ['platform,' + columns.join(','), ...samples.map((p) => [p.platform, ...columns.map((c) => cell(p, c))].join(','))].join('\r\n');
    const path = join(dir, 'samples.csv');
    writeFileSync(path, csv);
    const { lines } = run(path, 'csv', 2);
    expect(lines).toEqual(samples.map((p) => JSON.parse(JSON.stringify(toResultJson(r.assess({ platform: p.platform, evidence: p.evidence }))))));
  });

  it('refuses a CSV without a platform column', () => {
    const path = join(dir, 'nohead.csv');
    writeFileSync(path, 'pue,mttr\n1.2,5\n');
    expect(run(path, 'csv').summary.error).toMatch(/platform/);
  });
});

describe('result lines, byte for byte', () => {
  const r10 = loadRuleset('1.0');
  const text10 = readFileSync(join(CSP, '1.0.assay'), 'utf8');
  /** Platforms of every kind: samples, generated (missing, invalid), names to escape, unknown and renamed fields. */
  const platforms = (): Parameters<typeof r.assess>[0][] => [
    ...platformsIn(join(CSP, 'platforms')),
    ...generatePlatforms(r.model, 200, 5, { missing: 0.1, invalid: 0.1 }).filter((p) => JSON.stringify(p.evidence) !== undefined),
    ...platformsIn(join(CSP, 'platforms')).map((p, k) => ({
      platform: `p"${k}\\\u2028`,
      name: ['Hub "A", Ltd', '深圳算力中心（測試）', 'tab\there', '\u0000'][k % 4] as string,
      evidence: { ...(p.evidence as object), unknown_field: 1, hot_spare_capacity_ratio: 3 },
    })),
  ];
  /** What the stream writes for `file` (in-process, small batches). */
  const streamed = (rs: typeof r, rsText: string, file: string, lang: Lang, decision: boolean, lenient = false): string => {
    const chunks: string[] = [];
    streamEval({ path: file, format: 'ndjson', ruleset: rs, rulesetText: rsText, lang, workers: 0, batch: 9, decision, lenient, write: (s) => chunks.push(s) });
    return chunks.join('');
  };
  /** The line `assay eval --format json` gives each platform: `JSON.stringify` of `toResultJson` / `toDecisionJson`. */
  const expected = (rs: typeof r, docs: readonly string[], lang: Lang, decision: boolean, lenient = false): string =>
    docs
      .map((d) => {
        const p = JSON.parse(d) as Parameters<typeof r.assess>[0];
        return `${JSON.stringify(decision ? toDecisionJson(rs.decide(p, { lang, lenient })) : toResultJson(rs.assess(p, { lang, lenient })))}\n`;
      })
      .join('');

  it('are the text of toResultJson and toDecisionJson (0.9 and 1.0, every language)', () => {
    const docs = platforms().map((p) => JSON.stringify(p));
    const path = join(dir, 'every-kind.ndjson');
    writeFileSync(path, docs.join('\n') + '\n');
    for (const [rs, rsText] of [
      [r, text],
      [r10, text10],
    ] as const) {
      for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        for (const decision of [false, true]) expect(streamed(rs, rsText, path, lang, decision)).toBe(expected(rs, docs, lang, decision));
      }
      expect(streamed(rs, rsText, path, 'en', false, true)).toBe(expected(rs, docs, 'en', false, true));
    }
    // The plan's results are the reference's.
    for (const p of platforms()) expect(canon(r.assess(p))).toBe(canon(r.assess(p, { engine: 'reference' })));
  });

  it('write derived values and numbers beyond a double as toResultJson does (CVSS, 20-digit evidence)', () => {
    const cvss = readFileSync(join(ROOT, 'rulesets', 'cvss', '3.1.assay'), 'utf8');
    const rc = compileRuleset(cvss).ruleset;
    if (!rc) throw new Error('cvss does not compile');
    const vectors = baseVectors()
      .filter((_, k) => k % 9 === 0)
      .map((evidence, k) => JSON.stringify({ platform: `v${k}`, evidence }));
    const path = join(dir, 'cvss.ndjson');
    writeFileSync(path, vectors.join('\n') + '\n');
    for (const decision of [false, true]) expect(streamed(rc, cvss, path, 'en', decision)).toBe(expected(rc, vectors, 'en', decision));
    // Numbers the exact JSON reader reads (more digits than a double holds) and numbers on a band boundary.
    const exact = ['1.20000000000000000001', '1.19999999999999999999', '1.2', '100.0000000000000001'].map((pue, k) =>
      JSON.stringify({ platform: `x${k}`, evidence: { ...(platformsIn(join(CSP, 'platforms'))[0]?.evidence as object), pue: 0 } }).replace('"pue":0', `"pue":${pue}`),
    );
    const xpath = join(dir, 'exact.ndjson');
    writeFileSync(xpath, exact.join('\n') + '\n');
    const got = streamed(r, text, xpath, 'en', false).trimEnd().split('\n');
    expect(got).toHaveLength(exact.length);
    got.forEach((line, k) => {
      const rec = ndjsonRecord(exact[k] as string);
      if ('error' in rec) throw new Error(rec.error);
      expect(line).toBe(JSON.stringify(toResultJson(r.assess(rec.platform))));
    });
  });
});

describe('corpus lines as bytes', () => {
  const lines = (text: string): string[] => {
    const out: string[] = [];
    eachLine(Buffer.from(text, 'utf8'), (l) => out.push(l));
    return out;
  };

  it('cuts at \\n, drops a \\r before it, keeps a last line without \\n', () => {
    expect(lines('a\r\nb\n\nc\r')).toEqual(['a', 'b', '', 'c\r']);
    expect(lines('\r\n')).toEqual(['']);
    expect(lines('')).toEqual([]);
  });

  it('reads batches of whole lines from a file, across reads and longer than the read buffer', () => {
    const long = '名'.repeat(700_000);
    const content = ['{"a":1}', `"${long}"`, '', 'x\u00e9y', 'last'].join('\n');
    const path = join(dir, 'lines.txt');
    writeFileSync(path, content);
    const fd = openSync(path, 'r');
    try {
      const reader = new LineReader(fd);
      const got: string[] = [];
      let count = 0;
      for (let b = reader.next(2); b; b = reader.next(2)) {
        count += b.lines;
        eachLine(b.bytes, (l) => got.push(l));
      }
      expect(count).toBe(5);
      expect(got).toEqual(content.split('\n'));
      expect(reader.bytesRead).toBe(Buffer.byteLength(content));
    } finally {
      closeSync(fd);
    }
  });

  it('ends a batch once it holds enough bytes, after at least one line', () => {
    const path = join(dir, 'bytes.txt');
    writeFileSync(path, 'aaaaaaaaaa\nbb\ncc\ndd\n');
    const fd = openSync(path, 'r');
    try {
      const reader = new LineReader(fd);
      const sizes: number[] = [];
      for (let b = reader.next(100, 5); b; b = reader.next(100, 5)) sizes.push(b.lines);
      expect(sizes).toEqual([1, 2, 1]);
    } finally {
      closeSync(fd);
    }
  });
});
