// How the cost grows with the ruleset: nothing worse than linear (issue 15). Each step is timed on a generated
// ruleset of N and of 8N indicators (bench/big-ruleset.ts); a linear step takes about 8× as long, a quadratic one
// 64×: the bound (8× with a slack of 4, half of quadratic) fails a quadratic step; CPU time counts V8's compiler and
// garbage-collector threads too, and at N a step takes a few milliseconds, so the smallest of five timings is taken.
// In: generated rulesets, platforms from JSON text (valid ones, and invalid ones with many errors).
// Out: the ratio of the smallest of five CPU timings at 8N and at N, for each step.

import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { compileEvidenceCheck, validateEvidence } from '../../engine/evidence/validate';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { generateRuleset } from '../../bench/big-ruleset';
import { asJsonText } from '../../bench/corpus';
import { generatePlatforms } from '../../bench/generate';

const N = 400;
const FACTOR = 8;
const SLACK = 4;

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** The smallest of `times` timings of `step`, each on what `prepare` makes afresh (not timed). */
function best<T>(times: number, prepare: () => T, step: (x: T) => void): number {
  let min = Infinity;
  for (let k = 0; k < times; k++) {
    const x = prepare();
    min = Math.min(min, cpuMs(() => step(x)));
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

  const ratioOf = (step: (r: CompiledRuleset, p: { valid: PlatformInput[]; invalid: PlatformInput[] }) => number): number =>
    step(large, ps.large) / Math.max(0.05, step(small, ps.small));

  it('building the plan (the first decide of a freshly compiled ruleset)', () => {
    const ratio = ratioOf((r, p) => best(5, () => fresh(r.model.indicators.length), (x) => x.decide(p.valid[0] as PlatformInput)));
    expect(ratio).toBeLessThan(FACTOR * SLACK);
  });

  it('compiling the evidence check (the reference validator)', () => {
    // A model the check was not compiled for, with fields no other model declared (fresh ids: nothing shared).
    let seed = 0;
    const renamed = (n: number): CompiledRuleset => {
      const r = compileRuleset(generateRuleset(n, 50, true).replace(/\bi(\d+)\b/g, `f${++seed}_$1`)).ruleset;
      if (!r) throw new Error('renamed ruleset does not compile');
      return r;
    };
    const ratio = ratioOf((r) => best(5, () => renamed(r.model.indicators.length), (x) => compileEvidenceCheck(x.model)));
    expect(ratio).toBeLessThan(FACTOR * SLACK);
  });

  it('deciding a valid platform, and validating an invalid one with an error in every second field', () => {
    for (const kind of ['valid', 'invalid'] as const) {
      const ratio = ratioOf((r, p) => {
        const check = compileEvidenceCheck(r.model);
        for (const q of p[kind]) r.decide(q); // warm
        return best(5, () => p[kind], (qs) => {
          for (let k = 0; k < 20; k++) {
            for (const q of qs) {
              if (kind === 'valid') r.decide(q);
              else validateEvidence(r.model, check, q.evidence, 'en');
            }
          }
        });
      });
      expect(ratio, kind).toBeLessThan(FACTOR * SLACK);
    }
    // The invalid ones are invalid, with many errors each: the case that used to grow with fields × errors.
    const d = large.decide(ps.large.invalid[0] as PlatformInput);
    expect(d.outcome).toBe('invalid');
    expect(d.errors.length).toBeGreaterThan(100);
  });
});
