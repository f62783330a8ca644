// The three standards written by others (#13 part 3) — CVSS v3.1, ISO/IEC 33020:2019, LEED v4.1 BD+C — as the engine
// runs them: each compiles without errors and is in the formatter's layout; the CVSS ruleset gives the oracle's base
// score and severity (test/rulesets/cvss-oracle.ts, written from the specification) on all 2,592 base vectors, under
// both engines and the decision path; ISO/IEC 33020's ratings sit on the right side of every bound of its rating
// scale; `assay test rulesets` runs the four standards' rule tests. Needs the language of LANG.md (derive, formula
// total, tables, ceil/round, `^`, `evidence required`) and its backends: it fails on branch `standards` alone and
// passes once lang-syntax, lang-meaning and backends are merged (19 of 19 in a scratch merge of the three).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { printRuleset } from '../../dsl/printer';
import { compileRuleset, parseRuleset, Rational, renderMessage, toResultJson, type CompiledRuleset } from '../../engine/index';
import { allVectors, baseScore, METRICS, severity, vectorString, type Vector } from './cvss-oracle';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = ['cvss/3.1.assay', 'iso-33020/2019.assay', 'leed-bdc/4.1.assay'] as const;

function text(file: string): string {
  return readFileSync(join(ROOT, 'rulesets', file), 'utf8');
}

function compiled(file: string): CompiledRuleset {
  const c = compileRuleset(text(file), { path: `rulesets/${file}` });
  if (!c.ruleset) throw new Error(`${file}: ${c.diagnostics.map((d) => `${d.code} ${renderMessage(d)}`).join('; ')}`);
  return c.ruleset;
}

function evidenceOf(v: Vector): Record<string, string> {
  return Object.fromEntries(METRICS.map((m) => [m, v[m]]));
}

describe('the external standards compile and are formatted', () => {
  it.each(FILES)('%s: no errors', (file) => {
    const c = compileRuleset(text(file), { path: `rulesets/${file}` });
    expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${renderMessage(d)}`)).toEqual([]);
    expect(c.ruleset).toBeDefined();
  });

  it.each(FILES)('%s: in the canonical layout', (file) => {
    expect(printRuleset(parseRuleset(text(file)).ast)).toBe(text(file));
  });
});

describe('CVSS v3.1: the ruleset against the oracle on every base vector', () => {
  let cvss: CompiledRuleset;
  const vectors = allVectors();
  beforeAll(() => {
    cvss = compiled('cvss/3.1.assay');
  });

  it.each(['reference', 'plan'] as const)('all 2,592 vectors: base score and severity as the oracle (%s engine)', (engine) => {
    const wrong: string[] = [];
    for (const v of vectors) {
      const a = cvss.assess({ platform: vectorString(v), evidence: evidenceOf(v) }, { engine });
      const score = baseScore(v);
      // The oracle's doubles have one decimal: compared as the decimal they print, exactly.
      const same = a.outcome === 'graded' && a.total.eq(Rational.parse(score.toFixed(1)) ?? Rational.ZERO) && a.level === severity(score);
      if (!same) wrong.push(`${vectorString(v)}: oracle ${score.toFixed(1)} ${severity(score)}, ruleset ${a.outcome} ${a.total.toDecimalString()} ${a.level}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('all 2,592 vectors: the decision path gives the same', () => {
    const wrong: string[] = [];
    for (const v of vectors) {
      const d = cvss.decide({ platform: vectorString(v), evidence: evidenceOf(v) });
      const score = baseScore(v);
      if (!(d.total.eq(Rational.parse(score.toFixed(1)) ?? Rational.ZERO) && d.level === severity(score))) {
        wrong.push(`${vectorString(v)}: oracle ${score.toFixed(1)}, decision ${d.total.toDecimalString()} ${d.level}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('the JSON result carries the base score as `total` and the severity as `level` (the contract)', () => {
    const r = cvss.evaluate({ platform: 'heartbleed', evidence: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'N', A: 'N' } });
    expect(r.total).toBe(7.5);
    expect(r.level).toBe('high');
  });
});

describe('ISO/IEC 33020:2019 5.3: every bound of the rating scale lands on the right side', () => {
  const cases: readonly (readonly [number, string])[] = [
    [0, 'N'], [15, 'N'], [15.01, 'P'], [50, 'P'], [50.01, 'L'], [85, 'L'], [85.01, 'F'], [100, 'F'],
  ];
  it.each(cases)('PA 1.1 at %s per cent is rated %s', (pct, rating) => {
    const iso = compiled('iso-33020/2019.assay');
    const json = toResultJson(iso.assess({ platform: 'p', evidence: { pa1_1: pct } })) as unknown as Record<string, unknown>;
    const derived = json['derived'] as Record<string, unknown> | undefined;
    expect(derived?.['pa1_1_rating']).toBe(rating);
  });
});

describe('assay test rulesets', () => {
  it('runs the rule tests of all four standards and they pass', async () => {
    process.env['ASSAY_NO_MAIN'] = '1';
    const { main } = await import('../../cli/assay');
    const out: string[] = [];
    const err: string[] = [];
    const code = main(['test', 'rulesets'], { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
    const text = out.join('\n');
    for (const dir of ['csp-assessment', 'cvss', 'iso-33020', 'leed-bdc']) expect(text).toContain(`rulesets/${dir}/tests/`);
    expect(text).toMatch(/tests: \d+ passed, 0 failed, 0 errors/);
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
