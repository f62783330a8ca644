// The evidence panel's reader: each kind of YAML or JSON mistake is placed (line, column) and worded by what was
// expected, in the three languages; the data is the engine's reader's; schema issues land on their keys.
// In: evidence texts. Out: assertions.

import { describe, expect, it } from 'vitest';
import { placeIssues, problemText, readEvidenceText, type EvidenceProblem } from '../../playground/src/evidence-check';

function said(p: EvidenceProblem | undefined, lang: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): string {
  if (!p) return '(none)';
  return `${p.code} ${p.at ? `${p.at.line}:${p.at.col}` : '-'} ${problemText(p, lang)}`;
}

describe('readEvidenceText', () => {
  it('reads a good YAML and JSON document into the same platform, with no problem', () => {
    const y = readEvidenceText('platform: a\nname: A\nevidence:\n  pue: 1.2\n', 'yaml');
    const j = readEvidenceText('{"platform": "a", "name": "A", "evidence": {"pue": 1.2}}', 'json');
    expect(y.problems).toEqual([]);
    expect(j.problems).toEqual([]);
    expect(y.platforms).toEqual(j.platforms);
    expect(y.platforms.map((p) => p.platform)).toEqual(['a']);
  });

  it('places YAML mistakes and says what was expected', () => {
    const cases: [string, string][] = [
      ['platform: a\nevidence\n  pue: 1\n', 'E130 2:1 expected `key: value` on one line (is a `:` missing after a key?)'],
      ['platform: a\nevidence:\n\tpue: 1\n', 'E130 3:1 expected spaces for indentation, not tabs'],
      ['platform: "a\nevidence:\n  pue: 1\n', 'E130 4:1 a closing character is missing (a quote, `]` or `}`)'],
      ['platform: a\nplatform: b\nevidence: {}\n', 'E130 2:1 expected each key once in a mapping: this key is repeated'],
    ];
    for (const [text, want] of cases) expect(said(readEvidenceText(text, 'yaml').problems[0])).toBe(want);
  });

  it('places JSON mistakes and says what was expected, in three languages', () => {
    const r = readEvidenceText('{\n  "platform": "a",\n  "evidence": {"pue": 1.2,}\n}', 'json');
    expect(r.platforms).toEqual([]);
    expect(said(r.problems[0])).toBe('E130 3:27 expected a key in double quotes');
    expect(said(r.problems[0], 'zh-Hans')).toBe('E130 3:27 应为双引号中的键');
    expect(said(r.problems[0], 'zh-Hant')).toBe('E130 3:27 應為雙引號中的鍵');
    expect(said(readEvidenceText('{"platform": "a"', 'json').problems[0])).toBe('E130 1:17 expected `,` or `}` here');
    expect(said(readEvidenceText('{"platform": ', 'json').problems[0])).toBe('E130 1:14 the text ends too early (is a `}` or `]` missing?)');
    // YAML flow style is not JSON: refused in the JSON format, read in the YAML one.
    expect(readEvidenceText('{platform: a, evidence: {pue: 1}}', 'json').problems.map((p) => p.code)).toEqual(['E130']);
    expect(readEvidenceText('{platform: a, evidence: {pue: 1}}', 'yaml').problems).toEqual([]);
  });

  it('gives the engine’s file-level problems with the key they concern', () => {
    const r = readEvidenceText('platform: a\nevidence: 3\n', 'yaml', 'f.yaml');
    expect(said(r.problems[0])).toBe('E136 2:1 `evidence` must be a mapping from field to value, not 3');
    expect(r.problems[0]?.file).toBe('f.yaml');
    expect(said(r.problems[0], 'zh-Hans')).toMatch(/^E136 2:1 `evidence` 应为字段到取值的映射/);
  });

  it('places schema issues at the evidence key of their platform', () => {
    const text = 'platform: a\nevidence:\n  pue: 0.5\n  months_in_operation: many\n';
    const r = readEvidenceText(text, 'yaml');
    const placed = placeIssues(text, r.platforms, [
      { index: 0, code: 'E102', severity: 'error', field: 'months_in_operation', message: 'm', args: { field: 'months_in_operation', found: '"many"' } },
      { index: 0, code: 'E137', severity: 'warning', field: 'unknown_one', message: 'unknown', args: {} },
    ]);
    expect(placed.map((p) => `${p.code} ${p.platform} ${p.at?.line}:${p.at?.col}`)).toEqual(['E102 a 4:3', 'E137 a 2:1']);
    expect(problemText(placed[0] as EvidenceProblem, 'en')).toBe('`months_in_operation` must be a number, not "many"');
  });
});
