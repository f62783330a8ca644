// Explanations of derived values and the formula total (#13): labels, what each formula read, values at the
// ruleset's `precision` with `≈` when rounded (never the exact 90 digits), unknowns with their missing fields.
// In: the CVSS ruleset and small rulesets as source text. Out: explanation text, Markdown and JSON.

import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import type { EvalEvent } from '../../engine/evaluate/events';
import { buildExplanation, explanationJson, explanationMarkdown, explanationText, type Explanation } from '../../engine/analyses/explain/index';
import type { Lang } from '../../dsl/ast';
import { CVSS as CVSS_TEXT } from '../support/cvss';

function compiled(src: string): CompiledRuleset {
  const r = compileRuleset(src).ruleset;
  if (!r) throw new Error('does not compile');
  return r;
}

/** The explanation of the reference evaluator's run (the plan learns the new constructs on its own branch). */
function explain(r: CompiledRuleset, evidence: Record<string, unknown>, lang: Lang = 'en'): Explanation {
  const events: EvalEvent[] = [];
  const a = r.assess({ platform: 'p', evidence }, { engine: 'reference', lang, trace: (e) => events.push(e) });
  return buildExplanation(r, a, events);
}

const CVSS = compiled(CVSS_TEXT);
const HIGH = { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'C', C: 'H', I: 'H', A: 'H' };

describe('derived values and the formula total in explanations', () => {
  it('shows each derived value with its label, at precision 4 with ≈, and what its formula read', () => {
    const text = explanationText(explain(CVSS, HIGH), 'en');
    expect(text).toContain('outcome: graded · level critical “Critical” · total 10\n');
    expect(text).toContain(
      [
        'Derived values',
        '  iss “Impact sub-score (ISS)”: ≈0.9148',
        '      from C = H, I = H, A = H',
        '  impact “Impact”: ≈6.0477',
        '      from S = C, iss = ≈0.9148',
        '  exploitability “Exploitability”: ≈3.8870',
        '      from AV = N, AC = L, PR = N, S = C, UI = N',
      ].join('\n'),
    );
    expect(text).toContain('total 10 (by the formula of the ruleset) · Base score\n    from impact = ≈6.0477, S = C, exploitability = ≈3.8870');
    expect(text).not.toMatch(/\d{12}/); // never the exact expansion
  });

  it('shows an exact value without ≈ and follows the ruleset’s precision', () => {
    const src = (precision: string) => `ruleset "t" {\n  version "1"\n  status "draft"\n${precision}}\ninput x: number\nderive half: number { formula x / 2 }\nderive third: number { formula x / 3 }\n`;
    const two = explanationText(explain(compiled(src('  precision 2\n')), { x: 1 }), 'en');
    expect(two).toContain('  half: 0.5\n');
    expect(two).toContain('  third: ≈0.33\n');
    expect(explanationText(explain(compiled(src('')), { x: 1 }), 'en')).toContain('  third: ≈0.3333\n');
  });

  it('says what is missing when a derived value or the total is unknown, in three languages', () => {
    const src = `ruleset "t" {\n  version "1"\n  status "draft"\n}\ninput x: number\ninput y: number\nderive s: number { label { zh-Hans "和" zh-Hant "和" en "Sum" } formula x + y }\ntotal { formula s * 2 }\n`;
    const r = compiled(src);
    expect(explanationText(explain(r, { x: 1 }), 'en')).toContain('  s “Sum”: ? (unknown: missing y)\n');
    expect(explanationText(explain(r, { x: 1 }), 'en')).toContain('total 0 (by the formula of the ruleset) · unknown: missing y');
    expect(explanationText(explain(r, { x: 1 }, 'zh-Hans'), 'zh-Hans')).toContain('派生值\n  s「和」：?');
    expect(explanationText(explain(r, { x: 1 }, 'zh-Hant'), 'zh-Hant')).toContain('衍生值\n  s「和」：?');
  });

  it('gives Markdown and JSON the same: shown text, exact value, reads', () => {
    const e = explain(CVSS, HIGH);
    expect(explanationMarkdown(e, 'en')).toMatch(/^- iss “Impact sub-score .*ISS.*”: ≈0\\?\.9148<br><small>from C = H, I = H, A = H<\/small>$/m);
    const json = explanationJson(e, 'en', { events: false }) as { derived: { id: string; value: string; shown: string }[]; totalFormula: { shown: string } };
    expect(json.derived.map((d) => [d.id, d.value, d.shown])).toEqual([
      ['iss', '0.914816', '≈0.9148'],
      ['impact', expect.stringMatching(/^6\.0477304915/), '≈6.0477'],
      ['exploitability', '3.887042775', '≈3.8870'],
    ]);
    expect(json.totalFormula.shown).toBe('10');
  });
});
