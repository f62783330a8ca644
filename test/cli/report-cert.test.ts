// Reports a certification body can sign (issue 14): what the report compares with (no corpus unless one is named,
// and then its description), per indicator the assessment methods and the evidence reference (file, line, field), the
// assessor, the date of assessment in the reader's format, the ruleset's hash, the signature block, and zh-Hans
// reports with no English words left. In: the built binary and the bundled ruleset, samples and corpus.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lex } from '../../dsl/lexer';

const BIN = join(process.cwd(), 'dist/cli/assay.js');
const RS = 'rulesets/csp-assessment/1.0.assay';
const P = 'rulesets/csp-assessment/platforms';
const P2 = join(P, 'p2-regional-aicc.yaml');
const HASH = /sha256:[0-9a-f]{6,64}/g;

function report(args: string[]): { code: number | null; err: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'assay-cert-'));
  const out = join(dir, args.includes('--format') && args[args.indexOf('--format') + 1] === 'html' ? 'r.html' : 'r.md');
  const r = spawnSync(process.execPath, [BIN, 'report', ...args, '--out', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    // no report written
  }
  return { code: r.status, err: r.stderr, text };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
}, 120_000);

describe('what the report compares with', () => {
  it('no benchmark corpus unless one is named, and the report says so', () => {
    const r = report([RS, P2]);
    expect(r.code).toBe(0);
    expect(r.text).toContain("compared with: the ruleset’s thresholds only (no benchmark corpus named)");
    expect(r.text).not.toMatch(/percentile|median/);
  });

  it('--corpus names the corpus, its size and its description (from its README)', () => {
    const r = report([RS, P2, '--corpus', 'rulesets/csp-assessment/corpus']);
    expect(r.code).toBe(0);
    expect(r.text).toContain('compared with: benchmark corpus rulesets/csp-assessment/corpus, 240 platforms with valid evidence');
    expect(r.text).toContain('corpus description: Synthetic corpus (not real platforms)');
    expect(r.text).toMatch(/against 240 platforms of corpus: total at percentile \d+/);
    const empty = report([RS, P2, '--corpus', 'rulesets/csp-assessment/nothing-here']);
    expect(empty.code).toBe(1);
    expect(empty.text).toBe('');
  });
});

describe('basis, methods, evidence and signatures', () => {
  it('states the ruleset hash, the assessor and the date of assessment in the reader’s format', () => {
    const en = report([RS, P2, '--assessor', 'Li Wei', '--date', '2026-07-01']);
    expect(en.text).toMatch(/content hash of the ruleset: `sha256:[0-9a-f]{64}`/);
    expect(en.text).toContain('- assessor: Li Wei');
    expect(en.text).toContain('- date of assessment: July 1, 2026');
    expect(en.text).toMatch(/- report generated: `\d{4}-\d{2}-\d{2}T/);
    const zh = report([RS, P2, '--assessor', '李伟', '--date', '2026-07-01', '--lang', 'zh-Hans']);
    expect(zh.text).toContain('- 评估日期：2026年7月1日');
    expect(zh.text).toContain('- 评估人：李伟');
    const none = report([RS, P2]);
    expect(none.text).toContain('- date of assessment: not stated');
    for (const bad of ['2026-02-30', '1/7/2026', 'tomorrow']) {
      const b = report([RS, P2, '--date', bad]);
      expect(b.code).toBe(2);
      expect(b.err).toContain('`--date` must be a calendar date YYYY-MM-DD');
    }
  });

  it('gives each indicator its assessment methods and evidence reference (file, line, field)', () => {
    const lines = readFileSync(P2, 'utf8').split('\n');
    const at = (field: string): number => lines.findIndex((l) => l.trimStart().startsWith(`${field}:`)) + 1;
    const r = report([RS, P2]);
    expect(r.text).toContain('### Assessment methods and evidence');
    expect(r.text).toContain(`| \`pue\` Power usage effectiveness (annual) | DV Verification of operating data | ${P2} line ${at('pue')}, field pue |`);
    expect(r.text).toContain(`| \`declared_vs_measured_gap\` Declared-vs-measured compute gap | TT Technical test (on ≥10% of nodes, at least 32); OS On-site check; DR Document review | ${P2} line ${at('declared_vs_measured_gap')}, field declared_vs_measured_gap |`);
    // a renamed indicator cites the former id it was read from
    expect(r.text).toMatch(new RegExp(`\\| \`hot_spare_capacity_ratio\` [^|]+ \\| [^|]+ \\| ${P2.replace(/[.]/g, '\\.')} line ${at('compute_redundancy')}, field compute_redundancy \\|`));
  });

  it('--signature adds the block for the assessor, the reviewer and the certification body (Markdown and HTML)', () => {
    const md = report([RS, P2, '--signature']);
    expect(md.text).toMatch(/## Signatures\n\nThe undersigned confirm/);
    expect(md.text).toContain('| Certification body (seal) |');
    expect(report([RS, P2]).text).not.toContain('Signatures');
    const html = report([RS, P2, '--signature', '--format', 'html', '--lang', 'zh-Hant']);
    expect(html.text).toContain('<section class="signature" id="signature"><h2>簽署</h2>');
    expect(html.text).toContain('<th>認證機構（蓋章）</th>');
  });
});

/** Words the ruleset itself supplies: identifiers (ids, enum values) and the text of its strings other than `en` labels (units, basis, method notes). */
function rulesetWords(text: string): Set<string> {
  const words = new Set<string>();
  const tokens = lex(text).tokens;
  for (const [i, tok] of tokens.entries()) {
    const type = tok.tokenType.name;
    if (type === 'Identifier') words.add(tok.image);
    // `en` labels are English text and `status "published"` a word the report must translate: neither is a quotation
    if (type === 'StringLit' && !['en', 'status'].includes(tokens[i - 1]?.image ?? '')) for (const w of tok.image.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) words.add(w);
  }
  return words;
}

describe('zh-Hans reports', () => {
  it('have no English words left besides ids, codes, units, the ruleset’s own quotations and the hash', () => {
    const source = readFileSync(RS, 'utf8');
    const allowed = rulesetWords(source);
    // The ruleset's conditions are quoted as written (code: `x > 10 or y = misleading`), never translated.
    const conditions = [...source.matchAll(/\b(?:when|require) (.+)$/gm)].map((m) => m[1] ?? '').sort((a, b) => b.length - a.length);
    for (const f of ['p1-hub-operator.yaml', 'p2-regional-aicc.yaml', 'p3-gpu-rental-startup.yaml', 'p4-hk-crossborder.yaml', 'p5-inflated-claims.yaml']) {
      for (const w of `${P}/${f}\n${readFileSync(join(P, f), 'utf8')}`.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) allowed.add(w);
    }
    for (const w of ['Assay', 'sha256']) allowed.add(w); // the program's name, the hash's algorithm
    const args = [RS, P, '--lang', 'zh-Hans', '--assessor', '张三', '--date', '2026-07-01', '--signature', '--corpus', P];
    for (const format of ['html', 'md']) {
      const r = report([...args, '--format', format]);
      expect(r.code).toBe(0);
      // The band or entry column quotes the ruleset (`else (1.3 < 20) → 25`): code in HTML, a cell with `→` in Markdown.
      const prose = r.text
        .replace(/\|[^|\n]*→[^|\n]*(?=\|)/g, '| ')
        .replace(/<style>[\s\S]*?<\/style>/g, '')
        .replace(/<code>[\s\S]*?<\/code>/g, ' ')
        .replace(/`[^`\n]*`/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&gt;/g, '>')
        .replace(/&lt;/g, '<')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(HASH, ' ')
        .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, ' ');
      const unquoted = conditions.reduce((text, c) => text.split(c).join(' '), prose);
      const left = [...new Set(unquoted.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [])].filter((w) => !allowed.has(w));
      expect(left, format).toEqual([]);
    }
  });
});
