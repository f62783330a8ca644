// docs/diagnostics.md documents every catalogue code and is generated (it cannot drift): every code has a note,
// every A-code that can be shown has a broken ruleset, every evidence example triggers its code, every rule-test
// example shows its code's message in `assay test` output.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type Code } from '../../dsl/messages';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { NOTES } from './doc-notes';
import { examples, generateDoc, testExample } from './diagnostics-doc';

const PATH = 'docs/diagnostics.md';
/**
 * Codes no small file can show: a 4 MiB file, a crashing check, a schema fallback, evaluation-time errors, a 4 MiB
 * test file, the coverage of a whole ruleset (its words are `within` T160), a warning of the lenient option only,
 * numbers of more than 1,000 digits, required evidence, derived bounds and derived values in rule tests (csp-assessment,
 * which the evidence and rule-test examples run against, has none: test/engine/derived.test.ts shows E170–E172 and
 * test/ruletests/runner.test.ts T143).
 */
const NO_EXAMPLE: ReadonlySet<string> = new Set([
  'A107', 'A113', 'E145', 'A218', 'E110', 'E131', 'E150', 'E151', 'E152', 'E153', 'E167', 'T102', 'T160', 'E170', 'E171', 'E172', 'T143',
]);

/** A message template as a pattern: placeholders match anything. */
function pattern(template: string): RegExp {
  return new RegExp(template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?'));
}

describe('docs/diagnostics.md', () => {
  it('has a note for every code and no note for a code that does not exist', () => {
    const codes = Object.keys(CATALOGUE);
    expect(codes.filter((c) => !Object.hasOwn(NOTES, c))).toEqual([]);
    expect(Object.keys(NOTES).filter((c) => !Object.hasOwn(CATALOGUE, c))).toEqual([]);
  });

  it('has an example for every code it can show', () => {
    const ex = examples();
    const missing = Object.keys(CATALOGUE).filter((c) => !ex.has(c) && !NOTES[c]?.evidence && !NOTES[c]?.test && !NOTES[c]?.within && !NO_EXAMPLE.has(c));
    expect(missing).toEqual([]);
  });

  it('each rule-test example shows its code in `assay test` output, and `within` names a code with an example', () => {
    for (const [code, note] of Object.entries(NOTES)) {
      if (note.test) expect(testExample(note.test), code).toMatch(pattern(CATALOGUE[code as Code].message.en));
      if (note.within) expect(NOTES[note.within]?.test ?? (NO_EXAMPLE.has(note.within) ? 'none' : undefined), code).toBeDefined();
    }
  });

  it('each evidence example triggers its code with csp-assessment 1.0', () => {
    const r = compileRuleset(readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8')).ruleset;
    if (!r) throw new Error('1.0 does not compile');
    for (const [code, note] of Object.entries(NOTES)) {
      if (!note.evidence) continue;
      const parsed = parseEvidenceText(note.evidence);
      const seen = parsed.issues.map((i) => i.code);
      for (const p of parsed.platforms) {
        const a = r.assess({ platform: p.platform, evidence: p.evidence });
        seen.push(...a.errors.map((e) => e.code), ...a.warnings.map((e) => e.code));
      }
      expect(seen, code).toContain(code as Code);
    }
  });

  it('is up to date (UPDATE_GOLDEN=1 regenerates it)', () => {
    const text = generateDoc();
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(PATH)) {
      mkdirSync('docs', { recursive: true });
      writeFileSync(PATH, text);
    }
    expect(readFileSync(PATH, 'utf8')).toBe(text);
  });
});
