// How the cost grows with the ruleset: nothing worse than linear (issue 15). Each step is timed on generated
// rulesets (bench/big-ruleset.ts) of N and of 8N indicators, with equal work in each timing: at N the step runs
// on 8 inputs made afresh, at 8N on one. A linear step gives a ratio near 1, a quadratic one 8; the bound (4, half
// of quadratic) fails a quadratic step. Timings are in CPU time (which counts V8's compiler and collector threads
// too), each after a full collection of what `prepare` left, and the smallest of five is taken. (Comparing one
// step at N with one at 8N timed a few milliseconds against a few tens, and the small one ran on code the large
// one had just warmed: linear steps measured 16–32× against a 32× bound, and failed CI once at 32.6×.)
// In: generated rulesets, platforms from JSON text (valid ones, and invalid ones with many errors).
// Out: for each step, the ratio of the smallest of five CPU timings at 8N (one input) and at N (8 inputs).

import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { compileEvidenceCheck, validateEvidence } from '../../engine/evidence/validate';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { generateRuleset } from '../../bench/big-ruleset';
import { asJsonText } from '../../bench/corpus';
import { generatePlatforms } from '../../bench/generate';
import { collect } from '../../bench/timing';

const N = 400;
const FACTOR = 8;
/** Half of what a quadratic step gives (FACTOR), four times what a linear one does. */
const BOUND = FACTOR / 2;

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * The smallest of `times` CPU timings of `step` over `reps` inputs that `prepare` makes afresh for each timing
 * (not timed), after a full collection of the garbage that making them left.
 */
function best<T>(times: number, reps: number, prepare: () => T, step: (x: T) => void): number {
  let min = Infinity;
  for (let k = 0; k < times; k++) {
    const xs = Array.from({ length: reps }, prepare);
    collect();
    min = Math.min(min, cpuMs(() => xs.forEach(step)));
  }
  return min;
}

const fresh = (n: number): CompiledRuleset => {
  const r = compileRuleset(generateRuleset(n, 50, true)).ruleset;
  if (!r) throw new Error(`generated ruleset of ${n} indicators does not compile`);
  return r;
};

/** Valid platforms from JSON text, and the same with every second number written as fractions (E162). */
function platforms(r: CompiledRuleset, count: number): { valid: PlatformInput[]; invalid: PlatformInput[] } {
  const valid = asJsonText(r.model, generatePlatforms(r.model, count, 5, { missing: 0.02, plausible: true })).platforms;
  const invalid = valid.map((p, k) => {
    const ev = { ...(p.evidence as Record<string, unknown>) };
    let j = 0;
    for (const key of Object.keys(ev)) if (typeof ev[key] === 'number' && (j++ + k) % 2 === 0) ev[key] = 0.5;
    return { platform: `${p.platform}-bad`, evidence: ev };
  });
  return { valid, invalid };
}

describe('the cost grows no faster than the ruleset', () => {
  const small = fresh(N);
  const large = fresh(N * FACTOR);
  const ps = { small: platforms(small, 6), large: platforms(large, 6) };

  type Step = (r: CompiledRuleset, p: { valid: PlatformInput[]; invalid: PlatformInput[] }, reps: number) => number;
  /** The timing of `step` at 8N on one input over its timing at N on 8 inputs: equal work if it is linear. */
  const ratioOf = (step: Step): number => step(large, ps.large, 1) / Math.max(0.05, step(small, ps.small, FACTOR));

  it('building the plan (the first decide of a freshly compiled ruleset)', () => {
    const ratio = ratioOf((r, p, reps) =>
      best(5, reps, () => fresh(r.model.indicators.length), (x) => x.decide(p.valid[0] as PlatformInput)),
    );
    expect(ratio).toBeLessThan(BOUND);
  });

  it('compiling the evidence check (the reference validator)', () => {
    // A model the check was not compiled for, with fields no other model declared (fresh ids: nothing shared).
    let seed = 0;
    const renamed = (n: number): CompiledRuleset => {
      const r = compileRuleset(generateRuleset(n, 50, true).replace(/\bi(\d+)\b/g, `f${++seed}_$1`)).ruleset;
      if (!r) throw new Error('renamed ruleset does not compile');
      return r;
    };
    const ratio = ratioOf((r, _p, reps) =>
      best(5, reps, () => renamed(r.model.indicators.length), (x) => compileEvidenceCheck(x.model)),
    );
    expect(ratio).toBeLessThan(BOUND);
  });

  it('deciding a valid platform, and validating an invalid one with an error in every second field', () => {
    for (const kind of ['valid', 'invalid'] as const) {
      const ratio = ratioOf((r, p, reps) => {
        const check = compileEvidenceCheck(r.model);
        for (const q of p[kind]) r.decide(q); // warm
        return best(5, reps, () => p[kind], (qs) => {
          for (let k = 0; k < 20; k++) {
            for (const q of qs) {
              if (kind === 'valid') r.decide(q);
              else validateEvidence(r.model, check, q.evidence, 'en');
            }
          }
        });
      });
      expect(ratio, kind).toBeLessThan(BOUND);
    }
    // The invalid ones are invalid, with many errors each: the case that used to grow with fields × errors.
    const d = large.decide(ps.large.invalid[0] as PlatformInput);
    expect(d.outcome).toBe('invalid');
    expect(d.errors.length).toBeGreaterThan(100);
  });
});
