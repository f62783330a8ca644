// Helpers of the plan's differential tests: both evaluators side by side, results and events as comparable text.
// In: compiled rulesets and platforms. Out: canonical JSON of assessments and trace events, and the plan alone.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleset, parseEvidenceText, type CompiledRuleset } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import type { EvalEvent } from '../../engine/evaluate/events';
import { compilePlan, type Plan } from '../../engine/plan/index';
import { Rational } from '../../engine/numbers/rational';
import type { Assessment } from '../../engine/evaluate/result';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CSP = join(ROOT, 'rulesets', 'csp-assessment');

/** JSON with exact numbers as fractions and Maps as entry lists: equal text ⇔ equal results (key order included). */
export function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Rational) return `#${v.toFraction()}`;
    if (typeof v === 'bigint') return `#${v}`;
    if (v instanceof Map) return { $map: [...v.entries()] };
    return v;
  });
}

export function loadRuleset(version: '0.9' | '1.0'): CompiledRuleset {
  const r = compileRuleset(readFileSync(join(CSP, `${version}.assay`), 'utf8')).ruleset;
  if (!r) throw new Error(`csp-assessment ${version} does not compile`);
  return r;
}

/** Every platform of the YAML files in a folder. */
export function platformsIn(dir: string): PlatformInput[] {
  const out: PlatformInput[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    out.push(...parseEvidenceText(readFileSync(join(dir, f), 'utf8'), f).platforms);
  }
  return out;
}

/** A plan of the ruleset whose hand-overs are counted (the reference is the ruleset's own). */
export function planOf(r: CompiledRuleset): Plan {
  return compilePlan(r.model, (input, opts) => r.assess(input, { ...opts, engine: 'reference' }));
}

export interface Side {
  readonly a: Assessment;
  readonly events: EvalEvent[];
}

export function traced(assess: (input: PlatformInput, opts: { trace: (e: EvalEvent) => void; lang: 'en' }) => Assessment, p: PlatformInput): Side {
  const events: EvalEvent[] = [];
  const a = assess(p, { trace: (e) => events.push(e), lang: 'en' });
  return { a, events };
}
