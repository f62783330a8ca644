// The backends on the language's growth (derived values, lookup tables, ceil/floor/round, powers, a formula total,
// required evidence): the plan, the decision variant and the JsonLogic export (run in json-logic-js) against the
// reference evaluator. In: the CVSS-like ruleset over its 2,592 base vectors, and seeded generated rulesets that use
// every new construct over generated platforms. Out: identical assessments, JSON results, decisions, trace events,
// and JsonLogic values wherever the export says it is exact.

import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { decisionOf, toResultJson, type Assessment, type EvidenceValue } from '../../engine/evaluate/result';
import { exportJsonLogic, type JsonLogicRules } from '../../engine/export/jsonlogic';
import { nearestDouble } from '../../engine/export/jsonlogic-values';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { evidenceGenerator } from '../jsonlogic/generate';
import { generatedRuleset } from '../jsonlogic/rulesets';
import { baseVectors, CVSS } from '../support/cvss';
import { canon, planOf, traced } from './helpers';

/** Compiled without the static checks (the backends are tested on what the model means, checked or not). */
function compiled(text: string, checks = false): CompiledRuleset {
  const c = compileRuleset(text, { checks });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (!c.ruleset || errors.length > 0) throw new Error(`${errors.map((d) => `${d.code} ${JSON.stringify(d.args)} «${text.slice(d.span.start, d.span.end)}»`).join('\n')}\n${text}`);
  return c.ruleset;
}

/** What the JsonLogic rules give and what the reference says they should (numbers as their nearest doubles). */
function jsonLogicSides(rules: JsonLogicRules, a: Assessment, evidence: unknown): { got: string; want: string } {
  const data = { evidence };
  const run = (rule: unknown): unknown => jsonLogic.apply(rule as never, data);
  const shown = (v: EvidenceValue | null): unknown => {
    if (v === null) return null;
    return v.kind === 'num' ? nearestDouble(v.q) : v.kind === 'bool' ? v.b : v.kind === 'sym' ? v.s : null;
  };
  const got = {
    outcome: run(rules.outcome),
    level: run(rules.level),
    vetoes: run(rules.vetoes),
    prerequisitesFailed: run(rules.prerequisitesFailed),
    total: run(rules.total),
    derived: Object.fromEntries((a.derived ?? []).map((d) => [d.id, run(rules.derived[d.id])])),
    indicators: Object.fromEntries(a.indicators.map((i) => [i.id, run(rules.indicators[i.id])])),
  };
  const want = {
    outcome: a.outcome,
    level: a.level,
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    prerequisitesFailed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
    total: nearestDouble(a.total),
    derived: Object.fromEntries((a.derived ?? []).map((d) => [d.id, shown(d.value)])),
    indicators: Object.fromEntries(a.indicators.map((i) => [i.id, i.points === null ? null : nearestDouble(i.points)])),
  };
  return { got: JSON.stringify(got), want: JSON.stringify(want) };
}

/** Reference, plan (assess, traced, evaluate), decision variant on one platform; the first difference, if any. */
function planDiffers(r: CompiledRuleset, plan: ReturnType<typeof planOf>, p: PlatformInput, trace: boolean): string | undefined {
  const ref = r.assess(p, { engine: 'reference' });
  const a = plan.assess(p);
  if (canon(a) !== canon(ref)) return `assess\n plan ${canon(a)}\n ref  ${canon(ref)}`;
  const json = plan.evaluate(p);
  if (JSON.stringify(json) !== JSON.stringify(toResultJson(ref))) return `evaluate\n plan ${JSON.stringify(json)}\n ref  ${JSON.stringify(toResultJson(ref))}`;
  const d = r.decide(p, { messages: false });
  const want = { ...decisionOf(ref), errors: [], warnings: [] };
  if (canon(d) !== canon(want)) return `decide\n plan ${canon(d)}\n ref  ${canon(want)}`;
  if (trace) {
    const x = traced((q, o) => plan.assess(q, o), p);
    const y = traced((q, o) => r.assess(q, { ...o, engine: 'reference' }), p);
    if (canon(x.events) !== canon(y.events)) return `trace\n plan ${canon(x.events)}\n ref  ${canon(y.events)}`;
  }
  return undefined;
}

describe('the CVSS-like ruleset (LANG.md) over its 2,592 base vectors', () => {
  const r = compiled(CVSS);
  const vectors = baseVectors().map((evidence, k): PlatformInput => ({ platform: `v${k}`, evidence }));

  it('gives the CVSS v3.1 scores of known vectors', () => {
    const score = (ev: Record<string, string>): string => r.assess({ platform: 'p', evidence: ev }).total.toDecimalString();
    const v = (s: string): Record<string, string> => Object.fromEntries(s.split('/').map((x) => x.split(':') as [string, string]));
    expect(score(v('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'))).toBe('9.8');
    expect(score(v('AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'))).toBe('10');
    expect(score(v('AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'))).toBe('0');
    expect(score(v('AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'))).toBe('5.5');
    expect(score(v('AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N'))).toBe('4.7');
  });

  it('the plan and the decision variant agree with the reference on every vector, deciding all of them itself', () => {
    const plan = planOf(r);
    for (const [k, p] of vectors.entries()) expect(planDiffers(r, plan, p, k % 97 === 0), p.platform).toBeUndefined();
    expect(plan.stats.handedOver).toBe(0);
  });

  it('a missing metric makes the platform invalid (evidence required), in the plan and the decision too', () => {
    const plan = planOf(r);
    const { AV: _av, ...rest } = vectors[0]?.evidence as Record<string, string>;
    const p = { platform: 'short', evidence: rest };
    expect(r.assess(p, { engine: 'reference' }).outcome).toBe('invalid');
    expect(planDiffers(r, plan, p, true)).toBeUndefined();
  });

  it('the JsonLogic export gives the level of every vector and its score as the nearest double', () => {
    const { rules, notes } = exportJsonLogic(r.model);
    // (iss − 0.02)¹⁵ has a denominator of 10⁹⁰: that power is computed in doubles, and the export says so.
    expect(notes.length).toBeGreaterThan(0);
    let differ = 0;
    const first: string[] = [];
    for (const p of vectors) {
      const a = r.assess(p);
      const { got, want } = jsonLogicSides(rules, a, p.evidence);
      const g = JSON.parse(got) as { level: unknown; total: unknown };
      const w = JSON.parse(want) as { level: unknown; total: unknown };
      if (g.level !== w.level || g.total !== w.total) {
        differ++;
        if (first.length < 3) first.push(`${JSON.stringify(p.evidence)}\n got ${got}\n want ${want}`);
      }
    }
    expect(first).toEqual([]);
    expect(differ).toBe(0);
  });
});

describe('generated rulesets using every new construct', () => {
  const SEEDS = Array.from({ length: 40 }, (_, k) => 1000 + k);

  it('compile without errors', () => {
    for (const seed of SEEDS) compiled(generatedRuleset(seed));
  });

  it('the plan, its JSON results and the decision variant agree with the reference (traced too)', () => {
    let decided = 0;
    let total = 0;
    // What the platforms reached, so that every branch is known to be exercised.
    const seen = { invalid: 0, E150: 0, E170: 0, E171: 0, E172: 0, derivedUnknown: 0, totalUnknown: 0, graded: 0, formulaTotal: 0 };
    for (const seed of SEEDS) {
      const r = compiled(generatedRuleset(seed));
      const plan = planOf(r);
      const gen = evidenceGenerator(r.model, seed, 0.1);
      for (let k = 0; k < 150; k++) {
        const p = { platform: `g${seed}-${k}`, evidence: gen() };
        const d = planDiffers(r, plan, p, k % 10 === 0);
        if (d !== undefined) throw new Error(`seed ${seed} platform ${k}: ${JSON.stringify(p.evidence)}\n${d}\n${generatedRuleset(seed)}`);
        const a = r.assess(p, { engine: 'reference' });
        if (a.outcome === 'invalid') seen.invalid++;
        for (const e of a.errors) if (e.code in seen) seen[e.code as keyof typeof seen]++;
        if (a.derived?.some((x) => x.value === null)) seen.derivedUnknown++;
        if (a.totalMissing) seen.totalUnknown++;
        if (a.outcome === 'graded' && a.level !== 'low') seen.graded++;
        if (r.model.totalFormula && a.outcome !== 'invalid') seen.formulaTotal++;
      }
      decided += plan.stats.decided;
      total += plan.stats.decided + plan.stats.handedOver;
    }
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(10);
    // Hand-overs are the invalid platforms (out-of-bound derived values, division by zero, missing required fields).
    expect(decided / total).toBeGreaterThan(0.6);
  });

  it('the JsonLogic export agrees with the reference where it notes no floating point', () => {
    let exact = 0;
    let compared = 0;
    for (const seed of SEEDS) {
      const r = compiled(generatedRuleset(seed));
      const { rules, notes } = exportJsonLogic(r.model);
      if (notes.length > 0) continue;
      exact++;
      const gen = evidenceGenerator(r.model, seed, 0.1);
      for (let k = 0; k < 150; k++) {
        const evidence = gen();
        const a = r.assess({ platform: 'p', evidence }, { lenient: true });
        if (a.outcome === 'invalid') continue;
        compared++;
        const { got, want } = jsonLogicSides(rules, a, evidence);
        if (got !== want) throw new Error(`seed ${seed}: ${JSON.stringify(evidence)}\n got  ${got}\n want ${want}\n${generatedRuleset(seed)}`);
      }
    }
    expect(exact).toBeGreaterThan(5);
    expect(compared).toBeGreaterThan(500);
  });
});
