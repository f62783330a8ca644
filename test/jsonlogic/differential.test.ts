// Differential test of the JsonLogic export: json-logic-js and json-logic-engine running the exported rules must
// agree with the engine on the sample platforms and on 10,000+ generated ones (seeded; missing and null fields,
// former ids, boundary values):
// outcome, level, vetoes and failed prerequisites exactly, and every number as the double nearest the exact value.

import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { exportJsonLogic, type JsonLogicRules } from '../../engine/export/jsonlogic';
import { nearestDouble } from '../../engine/export/jsonlogic-values';
import type { Rational } from '../../engine/numbers/rational';
import { PLATFORM_DIR, ruleset } from '../rulesets/load';
import { evidenceGenerator } from './generate';
import { FEATURES, FEATURES_FLAT } from './features';

function num(q: Rational | null): number | null {
  return q === null ? null : nearestDouble(q);
}

/** json-logic-engine's compiled rules, built once per exported rule. */
const engine = new LogicEngine(undefined, { maxDepth: Infinity });
const built = new WeakMap<object, (data: unknown) => unknown>();
function engineRun(rule: unknown, data: unknown): unknown {
  if (typeof rule !== 'object' || rule === null) return engine.run(rule, data);
  let f = built.get(rule);
  if (!f) built.set(rule, (f = engine.build(rule) as (data: unknown) => unknown));
  return f(data);
}

/** Two independent JsonLogic implementations: the export must mean the same in both. */
const IMPLEMENTATIONS: readonly { readonly name: string; readonly apply: (rule: unknown, data: unknown) => unknown }[] = [
  { name: 'json-logic-js', apply: (rule, data) => jsonLogic.apply(rule, data) },
  { name: 'json-logic-engine', apply: engineRun },
];

/** Compares one platform; returns a description of the first difference, or undefined when they agree. */
function compare(r: CompiledRuleset, rules: JsonLogicRules, evidence: Record<string, unknown>, a = r.assess({ platform: 'p', evidence })): 'skipped' | undefined | string {
  if (a.outcome === 'invalid') return 'skipped';
  for (const impl of IMPLEMENTATIONS) {
    const d = compareIn(impl.apply, a, rules, evidence);
    if (d !== undefined) return `${impl.name}: ${d}`;
  }
  return undefined;
}

function compareIn(apply: (rule: unknown, data: unknown) => unknown, a: ReturnType<CompiledRuleset['assess']>, rules: JsonLogicRules, evidence: Record<string, unknown>): string | undefined {
  const data = { evidence };
  const run = (rule: unknown): unknown => apply(rule, data);
  const got = {
    outcome: run(rules.outcome),
    level: run(rules.level),
    vetoes: run(rules.vetoes),
    prerequisitesFailed: run(rules.prerequisitesFailed),
    total: run(rules.total),
    dimensions: Object.fromEntries(a.dimensions.map((d) => [d.id, run(rules.dimensions[d.id])])),
    indicators: Object.fromEntries(a.indicators.map((i) => [i.id, run(rules.indicators[i.id])])),
  };
  const want = {
    outcome: a.outcome,
    level: a.level,
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    prerequisitesFailed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
    total: num(a.total),
    dimensions: Object.fromEntries(a.dimensions.map((d) => [d.id, num(d.score)])),
    indicators: Object.fromEntries(a.indicators.map((i) => [i.id, num(i.points)])),
  };
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  return g === w ? undefined : `evidence ${JSON.stringify(evidence)}\n  engine    ${w}\n  jsonlogic ${g}`;
}

function samples(): Record<string, unknown>[] {
  return readdirSync(PLATFORM_DIR)
    .filter((x) => x.endsWith('.yaml'))
    .sort()
    .map((f) => (parse(readFileSync(join(PLATFORM_DIR, f), 'utf8')) as { evidence: Record<string, unknown> }).evidence);
}

function differential(
  r: CompiledRuleset,
  count: number,
  seed: number,
  bases: readonly Record<string, unknown>[] = [],
): { compared: number; skipped: number; outcomes: Map<string, number> } {
  const { rules, notes } = exportJsonLogic(r.model);
  expect(notes).toEqual([]);
  const gen = evidenceGenerator(r.model, seed, 0.12, bases);
  const outcomes = new Map<string, number>();
  let skipped = 0;
  for (let i = 0; i < count; i++) {
    const ev = gen();
    // Lenient: JsonLogic has no intake checks (issue 14); generated percentages in (0, 1] would be E162 otherwise.
    const a = r.assess({ platform: 'p', evidence: ev }, { lenient: true });
    const d = compare(r, rules, ev, a);
    if (d === 'skipped') skipped++;
    else if (d !== undefined) throw new Error(`platform ${i} (seed ${seed}) differs:\n${d}`);
    const key = `${a.outcome}${a.level ? ` ${a.level}` : ''}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  return { compared: count - skipped, skipped, outcomes };
}

/** Compiles without the static checks, so that corners the checks forbid (a band gap: no band matches) are tested too. */
function compiled(text: string): CompiledRuleset {
  const c = compileRuleset(text, { checks: false });
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (!c.ruleset) throw new Error(JSON.stringify(errors.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`)));
  return c.ruleset;
}

describe('JsonLogic export agrees with the engine', () => {
  it('on the five sample platforms, both versions (the standard\'s expected results)', () => {
    for (const v of ['0.9', '1.0'] as const) {
      const r = ruleset(v);
      const { rules, notes } = exportJsonLogic(r.model);
      expect(notes).toEqual([]);
      for (const f of readdirSync(PLATFORM_DIR).filter((x) => x.endsWith('.yaml'))) {
        const doc = parse(readFileSync(join(PLATFORM_DIR, f), 'utf8')) as { evidence: Record<string, unknown> };
        expect(compare(r, rules, doc.evidence), `${v} ${f}`).toBeUndefined();
      }
    }
  });

  it('on 10,000 generated platforms of csp-assessment 1.0 and 0.9', () => {
    const a = differential(ruleset('1.0'), 6000, 1, samples());
    const b = differential(ruleset('0.9'), 4200, 2, samples());
    expect(a.compared + b.compared).toBeGreaterThanOrEqual(10_000);
    // The generated platforms reach every outcome and several levels, not only failures.
    for (const x of [a, b]) {
      expect([...x.outcomes.keys()].filter((k) => k.startsWith('graded')).length).toBeGreaterThanOrEqual(4);
      expect(x.outcomes.get('vetoed')).toBeGreaterThan(100);
      expect(x.outcomes.get('not_rated')).toBeGreaterThan(100);
    }
  });

  it('on generated platforms of rulesets that use every construct (formulas, applies, maps, quantifiers, former ids)', () => {
    const a = differential(compiled(FEATURES), 1500, 3);
    const b = differential(compiled(FEATURES_FLAT), 1500, 4);
    expect(a.compared).toBeGreaterThan(1000);
    expect(b.compared).toBeGreaterThan(1000);
  });
});
