// Fuzzing corpora with lines too long to read: one huge line, many records with some oversize, blank lines, CRLF,
// a byte order mark, junk, a last line without '\n'. In: generated NDJSON files, csp-assessment@1.0, a small line
// limit. Out: exactly one result line per record, in input order (the oversize ones an error naming their line and
// the limit), never a throw; with worker threads (the CLI bundled here), the same bytes as in-process.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamEval } from '../../cli/stream/run';
import { CSP, loadRuleset } from '../plan/helpers';
import { buildBundle, runBundle } from '../stream/bundle';
import { params, tally } from './budget';

const RULESET = join(CSP, '1.0.assay');
const ruleset = loadRuleset('1.0');
const rulesetText = readFileSync(RULESET, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'assay-fuzz-huge-line-'));
let bundle = '';

beforeAll(async () => {
  bundle = await buildBundle(dir);
});

/** Short records (the limit is at least 120 bytes): valid ones, invalid evidence, odd ids. */
const SHORT = [
  '{"platform":"a","evidence":{"pue":1.2}}',
  '{"platform":"b","name":"平台 b","evidence":{"pue":1.5,"mainland_ops":true}}',
  '{"platform":"__proto__","evidence":{"pue":"high"}}',
  '{"platform":"c","evidence":{}}',
  '[1,2]',
];

type Rec = { readonly kind: 'short'; readonly text: string } | { readonly kind: 'long'; readonly extra: number; readonly fill: string } | { readonly kind: 'junk'; readonly text: string };

const rec: fc.Arbitrary<Rec> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SHORT).map((text): Rec => ({ kind: 'short', text })) },
  // Over the limit by a little or by a lot (one in a few by megabytes: longer than one read of the file).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('long' as const), extra: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 2000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1 << 20, max: 3 << 20 }) }), fill: fc.constantFrom('x', '{"a":1},', '平', '"') }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\r', 'not json', '{"platform":', '\t{}').map((text): Rec => ({ kind: 'junk', text })) },
);

interface Corpus {
  readonly limit: number;
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly finalNewline: boolean;
  readonly records: readonly Rec[];
}
const corpus = (max: number): fc.Arbitrary<Corpus> =>
  fc.record({ limit: fc.integer({ min: 120, max: 400 }), bom: fc.boolean(), crlf: fc.boolean(), finalNewline: fc.boolean(), records: fc.array(rec, { minLength: 1, maxLength: max }) });

/** Each line's text as written (without its '\n'). */
function linesOf(c: Corpus): string[] {
  return c.records.map((r) => {
    const body = r.kind === 'long' ? r.fill.repeat(Math.ceil((c.limit + r.extra) / Buffer.byteLength(r.fill))) : r.text;
    return c.crlf ? body + '\r' : body;
  });
}

function write(c: Corpus, name: string): { path: string; lines: string[] } {
  const lines = linesOf(c);
  const path = join(dir, name);
  writeFileSync(path, (c.bom ? '\ufeff' : '') + lines.join('\n') + (c.finalNewline ? '\n' : ''));
  return { path, lines };
}

function inProcess(path: string, limit: number, batch: number): { out: string; records: number } {
  const chunks: string[] = [];
  const s = streamEval({ path, format: 'ndjson', ruleset, rulesetText, lang: 'en', workers: 0, batch, maxLineBytes: limit, write: (x) => chunks.push(x) });
  expect(s.error).toBeUndefined();
  return { out: chunks.join(''), records: s.records };
}

/** One output line per line that is not blank (or is too long), in order: its result or its error. */
function checkOrder(c: Corpus, lines: readonly string[], out: string): void {
  const got = out === '' ? [] : out.trimEnd().split('\n').map((l) => JSON.parse(l) as { platform?: string; line?: number; error?: string });
  const expected: { line: number; long: boolean; text: string }[] = [];
  lines.forEach((text, k) => {
    const long = Buffer.byteLength(text) > c.limit;
    // A '\r' before '\n' is not part of the line; a last line without '\n' keeps it (and `trim` drops it).
    if (long || text.trim() !== '') expected.push({ line: k + 1, long, text });
  });
  expect(got.length).toBe(expected.length);
  expected.forEach((e, k) => {
    const g = got[k];
    if (e.long) {
      expect(g).toEqual({ line: e.line, error: expect.stringContaining(`:${e.line}: the record is ${Buffer.byteLength(e.text)} bytes long, more than the limit of ${c.limit} bytes`) as unknown });
      return;
    }
    const doc = SHORT.includes(e.text.replace(/\r$/, '')) && e.text.startsWith('{') ? (JSON.parse(e.text) as { platform: string }) : undefined;
    if (doc) expect(g?.platform).toBe(doc.platform);
    else expect(g?.line).toBe(e.line);
  });
}

describe('fuzz: corpora with lines over the limit', () => {
  it('in-process: one line per record, in order, oversize ones named', () => {
    fc.assert(
      fc.property(corpus(30), fc.integer({ min: 1, max: 9 }), (c, batch) => {
        const { path, lines } = write(c, 'in-process.ndjson');
        const { out } = inProcess(path, c.limit, batch);
        checkOrder(c, lines, out);
      }),
      params('huge lines in-process', 0.0199),
    );
  });

  it('on two worker threads: the same bytes as in-process', () => {
    fc.assert(
      fc.property(corpus(40), fc.integer({ min: 1, max: 5 }), (c, batch) => {
        const { path, lines } = write(c, 'workers.ndjson');
        const run = runBundle(bundle, ['eval', RULESET, path], { ASSAY_WORKERS: '2', ASSAY_STREAM_BATCH: String(batch), ASSAY_MAX_LINE_BYTES: String(c.limit) }, 60_000);
        expect([0, 1]).toContain(run.status);
        expect(run.stdout).toBe(inProcess(path, c.limit, batch).out);
        checkOrder(c, lines, run.stdout);
      }),
      params('huge lines on workers', 0.0001),
    );
  });
});

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz (huge lines): ${total} cases: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});
