// Terminal escapes and bidi controls in user text (issue 17): the table, warnings, `explain` and `check`'s source lines
// show them as `\u001b`, `\u202e`, … and never print them raw; our own colours still pass. In: the built binary and
// small files in a temp folder; `visibleForTerminal` directly for the colour case.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleForTerminal } from '../../dsl/visible';

const BIN = join(process.cwd(), 'dist/cli/assay.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Raw controls a terminal would obey: ESC, BEL, CR, C1, and the bidi overrides and isolates. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** An OSC 8 hyperlink, a window-title change and a right-to-left override, written with DSL string escapes. */
const HOSTILE = '\\u001b]8;;https://evil.example/\\u0007click\\u001b]8;;\\u0007 \\u001b]0;pwned\\u0007 \\u202eevil';

const RULESET = `ruleset "x" {
  version "1"
  title { zh-Hans "t" zh-Hant "t" en "${HOSTILE}" }
  total 10
}

dimension G {
  label { zh-Hans "g" zh-Hant "g" en "${HOSTILE}" }
  weight 10
  indicator pue {
    label { zh-Hans "p" zh-Hant "p" en "${HOSTILE}" }
    weight 10
    type number >= 1
    unit "${HOSTILE}"
    basis "${HOSTILE}"
    bands {
      <= 1.2: 100
      else: 0
    }
  }
}

levels cumulative {
  level L1 {
    label { zh-Hans "l" zh-Hant "l" en "${HOSTILE}" }
    require total >= 9
  }
  fallback L0 {
    label { zh-Hans "l" zh-Hant "l" en "${HOSTILE}" }
  }
}
`;

const EVIDENCE = `platform: "P1 \\u001b]0;pwned\\u0007 \\u202e"
name: "${HOSTILE}"
evidence:
  pue: 1.3
  "field \\u001b[2J\\u001b]8;;x\\u0007": 1
`;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('terminal output of hostile text', () => {
  it('eval (table and warnings), explain and gap show controls escaped', () => {
    const d = mkdtempSync(join(tmpdir(), 'assay-term-'));
    writeFileSync(join(d, 'r.assay'), RULESET);
    writeFileSync(join(d, 'p.yaml'), EVIDENCE);
    expect(run(['check', 'r.assay'], d).code).toBe(0);
    for (const args of [
      ['eval', 'r.assay', 'p.yaml'],
      ['explain', 'r.assay', 'p.yaml', '--against', 'none'],
      ['gap', 'r.assay', 'p.yaml'],
      ['eval', 'r.assay', 'p.yaml', '--format', 'md'],
    ]) {
      const r = run(args, d);
      expect(r.out + r.err, args.join(' ')).not.toMatch(RAW);
      // Markdown escapes the backslash and the brackets of the shown escape as well.
      expect(r.out, args.join(' ')).toContain(args.includes('md') ? '\\\\u001b\\]0;pwned\\\\u0007' : '\\u001b]0;pwned\\u0007');
    }
    const e = run(['explain', 'r.assay', 'p.yaml', '--against', 'none'], d);
    expect(e.out).toContain('\\u202eevil');
    expect(e.err).toContain('\\u001b[2J'); // the unknown field's warning
  });

  it("check's source line shows controls escaped, with the caret under the shown text", () => {
    const d = mkdtempSync(join(tmpdir(), 'assay-term-'));
    writeFileSync(join(d, 'bad.assay'), 'ruleset "x" {\n  version "1"\n}\n\ndimension A { # \u001b]0;pwned\u0007 \u202e\n  weight ? # \u001b]8;;x\u0007\n}\n');
    const r = run(['check', 'bad.assay'], d);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('# \\u001b]8;;x\\u0007');
    const lines = r.err.split('\n');
    const src = lines.findIndex((l) => l.includes('weight ?'));
    expect(src).toBeGreaterThan(-1);
    const caret = lines[src + 1] ?? '';
    expect(lines[src]?.[caret.indexOf('^')]).toBe('?');
  });

  it('keeps our own colours and nothing else', () => {
    const red = '\u001b[31;1merror\u001b[0m';
    expect(visibleForTerminal(`${red}: \u001b]0;t\u0007 \u202e`, true)).toBe(`${red}: \\u001b]0;t\\u0007 \\u202e`);
    expect(visibleForTerminal(red, false)).toBe('\\u001b[31;1merror\\u001b[0m');
    expect(visibleForTerminal('a\tb\nc', false)).toBe('a\tb\nc');
  });
});
