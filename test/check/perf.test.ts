// Performance: parse + check (everything `assay check` and the playground run) of a generated ruleset with
// 5,000 indicators stays far from the 0.5 s target of `npm run bench`. In: bench/big-ruleset.ts. Out: a guard.

import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { compileRuleset } from '../../engine/index';

describe('performance', () => {
  it('compiles 5,000 indicators (parse, model, every check) within a 3x guard of the 0.5 s target', () => {
    const text = generateRuleset(5000);
    compileRuleset(generateRuleset(50)); // build the lexer and parser once
    const times: number[] = [];
    for (let run = 0; run < 4; run++) {
      const t0 = performance.now();
      const r = compileRuleset(text);
      times.push(performance.now() - t0);
      expect(r.diagnostics).toEqual([]);
      expect(r.model?.indicators.length).toBe(5000);
    }
    const best = Math.min(...times);
    console.log(`parse + check of 5,000 indicators (${(text.length / 1024).toFixed(0)} KiB): best ${best.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}`);
    // The target is measured on its own (CPU time) by `npm run bench`; inside the suite, with other test files
    // on both cores and a cold JIT, a 3x guard on the best run catches regressions (a quadratic check, a lost
    // fast path) without flaking.
    expect(best).toBeLessThan(Number(process.env['ASSAY_CHECK_BUDGET_MS'] ?? 1500));
  });
});
