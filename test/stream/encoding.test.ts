// A corpus line whose bytes are not UTF-8 (issue 17: the stream decoded them with U+FFFD and assessed what was left).
// In: an NDJSON corpus with a GB18030 line and a line holding a real U+FFFD, csp-assessment@1.0, in-process. Out:
// checks that the GB18030 line gets its error line (where, what it looks like, how to convert) and the others their results.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamEval } from '../../cli/stream/run';
import { CSP, loadRuleset } from '../plan/helpers';

const r = loadRuleset('1.0');
const text = readFileSync(join(CSP, '1.0.assay'), 'utf8');

function run(path: string, lang: 'en' | 'zh-Hans'): { line?: number; platform?: string; error?: string; name?: string }[] {
  const chunks: string[] = [];
  streamEval({ path, format: 'ndjson', ruleset: r, rulesetText: text, lang, workers: 0, write: (s) => chunks.push(s) });
  return chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as { line?: number; platform?: string; error?: string });
}

describe('stream: lines that are not UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-stream-enc-'));
  const path = join(dir, 'mixed.ndjson');
  // "名称" in GB18030 is C3 FB B3 C6: not UTF-8.
  const gb = Buffer.concat([Buffer.from('{"platform":"gb","name":"'), Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from('","evidence":{"pue":1.2}}\n')]);
  writeFileSync(path, Buffer.concat([Buffer.from('{"platform":"a","evidence":{"pue":1.2}}\n'), gb, Buffer.from('{"platform":"b","name":"\uFFFD kept","evidence":{"pue":1.2}}\n')]));

  it('gives the line its error (byte, likely encoding, iconv) and assesses the others, in order', () => {
    const lines = run(path, 'en');
    expect(lines.map((l) => l.platform ?? `line ${l.line}`)).toEqual(['a', 'line 2', 'b']);
    expect(lines[1]?.error).toMatch(/:2: the line is not UTF-8 text: its byte \d+ does not decode; it looks like GB18030\. Convert the file, for example: iconv -f GB18030 -t UTF-8 /);
    // A replacement character written as such is text like any other.
    expect(lines[2]?.name).toBe('\uFFFD kept');
  });

  it('says so in zh-Hans', () => {
    expect(run(path, 'zh-Hans')[1]?.error).toContain('该行不是 UTF-8 文本');
  });
});
