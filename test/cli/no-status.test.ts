// A ruleset that states no `status`: the headings of check, eval and explain say so instead of printing `()`.
// In: dist/cli/assay.js and a ruleset on standard input's place (a temp file). Out: assertions.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSAY = join(process.cwd(), 'dist/cli/assay.js');
const RULESET = `ruleset "plain" {
  version "1"
  title { zh-Hans "示例" zh-Hant "示例" en "Plain" }
}

input x: number {
  label { zh-Hans "甲" zh-Hant "甲" en "X" }
}

derive twice: number {
  label { zh-Hans "两倍" zh-Hant "兩倍" en "Twice" }
  formula x * 2
}

total: number {
  label { zh-Hans "总分" zh-Hant "總分" en "Total" }
  formula twice
}
`;

function run(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [ASSAY, ...args], { cwd, encoding: 'utf8' });
  return r.stdout + r.stderr;
}

describe('a ruleset without a status', () => {
  it('is shown as not stated, never as empty parentheses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-nostatus-'));
    writeFileSync(join(dir, 'plain.assay'), RULESET);
    writeFileSync(join(dir, 'p.yaml'), 'platform: p\nevidence:\n  x: 3\n');
    const outputs = [
      run(['check', 'plain.assay'], dir),
      run(['eval', 'plain.assay', 'p.yaml'], dir),
      run(['explain', 'plain.assay', 'p.yaml'], dir),
      run(['explain', 'plain.assay', 'p.yaml', '--lang', 'zh-Hant'], dir),
    ];
    for (const o of outputs) expect(o).not.toContain('()');
    expect(outputs[0]).toContain('plain 1 (-, -)');
    expect(outputs[2]).toContain('plain 1 (status not stated)');
    expect(outputs[3]).toContain('plain 1 (未註明狀態)');
    expect(outputs[2]).toContain('total 6');
    // The eval table shows a formula total at the ruleset's precision, as explain does (not with 2 decimals).
    expect(outputs[1]).toMatch(/graded +— +6 /);
  });
});
