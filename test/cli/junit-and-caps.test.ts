// JUnit XML stays well-formed whatever a case is named (issue 17: U+FFFE and other characters XML 1.0 forbids), and
// the "n more not shown" line (A105) says how many of the hidden are errors and how many warnings, in three
// languages. In: small rulesets and rule tests in a temp folder, the built binary, the engine directly.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../dsl/diagnostics';
import { compileRuleset } from '../../engine/index';
import { xmlText as xml } from '../../engine/analyses/testing/junit';

const BIN = join(process.cwd(), 'dist/cli/assay.js');

/** What XML 1.0 does not allow anywhere in a document. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const RULESET = `ruleset "x" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "t" zh-Hant "t" en "t" }
  total 10
}

dimension G {
  label { zh-Hans "g" zh-Hant "g" en "g" }
  weight 10
  indicator pue {
    label { zh-Hans "p" zh-Hant "p" en "p" }
    weight 10
    type number >= 1
    bands {
      <= 1.2: 100
      else: 0
    }
  }
}
`;

const HEADER = 'ruleset "w" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "t" zh-Hant "t" en "t" }\n}\n';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('JUnit XML', () => {
  it('writes characters XML 1.0 forbids as \\uXXXX, in names, messages and text', () => {
    expect(xml('a\uFFFEb\uFFFF\u0001\uD800<&>"')).toBe('a\\ufffeb\\uffff\\u0001\\ud800&lt;&amp;&gt;&quot;');
    expect(xml('😀 tab\tnl\n')).toBe('😀 tab\tnl\n'); // pairs and allowed controls stay
  });

  it('`assay test --format junit` stays well-formed when a case name holds U+FFFE', () => {
    const d = mkdtempSync(join(tmpdir(), 'assay-junit-'));
    mkdirSync(join(d, 'x', 'tests'), { recursive: true });
    writeFileSync(join(d, 'x', '1.assay'), RULESET);
    writeFileSync(join(d, 'x', 'p.yaml'), 'platform: P\nevidence:\n  pue: 1.1\n');
    writeFileSync(
      join(d, 'x', 'tests', 't.yaml'),
      'platform: ../p.yaml\ncases:\n  - { name: "bad \\uFFFE name \\uFFFF", expect: { indicators: { pue: { points: 0 } } } }\n  - { name: "ok \\uFFFE", expect: { indicators: { pue: { points: 100 } } } }\n',
    );
    const r = spawnSync(process.execPath, [BIN, 'test', join(d, 'x'), '--format', 'junit'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('<testsuites');
    expect(r.stdout).not.toMatch(NOT_XML);
    expect(r.stdout).toContain('name="bad \\ufffe name \\uffff"');
  });
});

describe('diagnostics not shown (A105)', () => {
  it('says warnings when the hidden ones are warnings, and counts them in `check`', () => {
    const text = `${HEADER}${Array.from({ length: 150 }, (_, i) => `method M${i} {\n  label { en "m" }\n}\n`).join('')}`;
    const { diagnostics, ruleset } = compileRuleset(text);
    expect(ruleset).toBeDefined();
    const last = diagnostics.at(-1);
    expect(last).toMatchObject({ code: 'A105', severity: 'warning', args: { count: 200, errors: 0, warnings: 200 } });
    if (!last) throw new Error('no A105');
    expect(renderMessage(last, 'en')).toBe('200 more problems not shown (0 errors, 200 warnings)');
    expect(renderMessage(last, 'zh-Hans')).toBe('另有 200 个问题未显示（0 个错误，200 个警告）');
    expect(renderMessage(last, 'zh-Hant')).toBe('另有 200 個問題未顯示（0 個錯誤，200 個警告）');
    const d = mkdtempSync(join(tmpdir(), 'assay-caps-'));
    writeFileSync(join(d, 'w.assay'), text);
    const r = spawnSync(process.execPath, [BIN, 'check', join(d, 'w.assay')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('; 300 warnings');
    expect(r.stderr).not.toContain('more errors');
  });

  it('counts errors and warnings apart when both are hidden', () => {
    const bad = Array.from({ length: 120 }, (_, i) => `method E${i} { label { en } }\n`).join('');
    const { diagnostics } = compileRuleset(`${HEADER}${bad}`);
    const last = diagnostics.at(-1);
    expect(last?.code).toBe('A105');
    expect(last?.severity).toBe('error');
    expect(Number(last?.args['errors'])).toBeGreaterThan(0);
    expect(Number(last?.args['count'])).toBe(Number(last?.args['errors']) + Number(last?.args['warnings']));
  });
});
