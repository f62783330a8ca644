// Helpers for the engine tests: small rulesets written as DSL text, compiled and assessed.
// In: DSL snippets and evidence objects. Out: compiled rulesets, assessments, diagnostics as "code `text`".

import { expect } from 'vitest';
import { compileRuleset, type CompiledRuleset, type CompileResult } from '../../engine/index';
import type { Assessment } from '../../engine/evaluate/result';
import type { EvalEvent } from '../../engine/evaluate/events';

/** A ruleset header followed by `body`. */
export function rs(body: string, total = 100): string {
  return `ruleset "t" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "测试" zh-Hant "測試" en "Test" }
  total ${total}
}
${body}
`;
}

/** Compiles without the static checks (these tests are about names and evaluation). */
export function compile(src: string, checks = false): CompileResult {
  return compileRuleset(src, { checks });
}

/** The compiled ruleset; fails the test with the diagnostics when there are errors. */
export function ok(src: string): CompiledRuleset {
  const c = compile(src);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${JSON.stringify(d.args)} \`${src.slice(d.span.start, d.span.end)}\``)).toEqual([]);
  if (!c.ruleset) throw new Error('no ruleset');
  return c.ruleset;
}

/** Diagnostics as `CODE \`underlined text\``, in order; only codes starting with `prefix`. */
export function diags(src: string, prefix = 'A2'): string[] {
  return compile(src)
    .diagnostics.filter((d) => d.code.startsWith(prefix))
    .map((d) => `${d.code} \`${src.slice(d.span.start, d.span.end)}\``);
}

export function assess(src: string, evidence: Record<string, unknown>): Assessment {
  return ok(src).assess({ platform: 'p', evidence });
}

export function traced(src: string, evidence: Record<string, unknown>): { a: Assessment; events: EvalEvent[] } {
  const events: EvalEvent[] = [];
  const a = ok(src).assess({ platform: 'p', evidence }, { trace: (e) => events.push(e) });
  return { a, events };
}

export function ind(a: Assessment, id: string) {
  const i = a.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
}

export function dim(a: Assessment, id: string) {
  const d = a.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
}

/** Points of an indicator as text (`null` when not applicable). */
export function pts(a: Assessment, id: string): string {
  const p = ind(a, id).points;
  return p === null ? 'null' : p.toFraction();
}

/** One dimension `D` (weight 10) holding a single indicator `x` of `type` scored by `scoring`. */
export function single(type: string, scoring: string, extra = ''): string {
  return rs(
    `${extra}
dimension D {
  weight 100
  indicator x {
    weight 100
    type ${type}
    ${scoring}
  }
}`,
  );
}
