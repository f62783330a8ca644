// What must hold for any ruleset text, however broken: compilation returns (no throw, no hang), every
// diagnostic is a catalogue code with a span inside the text and a line:col, messages render in every
// language with no hole left, no check crashes (A218), and a ruleset that compiles assesses without throwing.
// In: ruleset text. Out: the compile result, after `expect`s.

import { expect } from 'vitest';
import { LANGS } from '../../dsl/ast';
import { renderHelp, renderMessage } from '../../dsl/diagnostics';
import { CATALOGUE } from '../../dsl/messages';
import { renderDiagnostic } from '../../dsl/render';
import { lineCol } from '../../dsl/source';
import { compileRuleset, type CompileResult } from '../../engine/index';

/** A compile slower than this counts as a hang. */
export const MAX_COMPILE_MS = 5_000;

const SAMPLE_EVIDENCE: readonly Record<string, unknown>[] = [
  {},
  { pue: 1.2, total_compute_scale: 400, mlps_level: 'L3', mainland_ops: true, service_availability: 99.95 },
  { pue: 'x', months_in_operation: -1, falsified_evidence: 3, framework_chip_adaptation: { frameworks: 2 } },
];

export function checkRuleset(text: string, opts: { assess?: boolean } = {}): CompileResult {
  const t0 = performance.now();
  const r = compileRuleset(text, { path: 'fuzz.assay' });
  const ms = performance.now() - t0;
  expect(ms, 'compile time').toBeLessThan(MAX_COMPILE_MS);
  for (const d of r.diagnostics) {
    expect(Object.hasOwn(CATALOGUE, d.code), d.code).toBe(true);
    expect(d.code, 'a check crashed').not.toBe('A218');
    expect(d.severity).toBe(CATALOGUE[d.code].severity);
    expect(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length, `${d.code} span`).toBe(true);
    const { line, col } = lineCol(text, d.span.start);
    expect(line >= 1 && col >= 1).toBe(true);
    for (const lang of LANGS) {
      expect(renderMessage(d, lang)).not.toMatch(/\{\w+\}/);
      expect(renderHelp(d, lang) ?? '').not.toMatch(/\{\w+\}/);
    }
    for (const rel of d.related ?? []) expect(rel.span.end <= text.length).toBe(true);
  }
  // The rendering a terminal shows never throws either (first few only: it is the same code for all).
  for (const d of r.diagnostics.slice(0, 3)) renderDiagnostic(d, { text, path: 'fuzz.assay' });
  if (r.ruleset && opts.assess !== false) {
    for (const evidence of SAMPLE_EVIDENCE) {
      const a = r.ruleset.assess({ platform: 'p', evidence });
      expect(a.errors.every((e) => !e.message.startsWith('internal error')), 'internal error in assess').toBe(true);
    }
  }
  return r;
}
