// The benchmark's limit decides as the reference does: bench/straight-line.ts on csp-assessment@0.9.
// In: generated platforms (missing, boundary and invalid values) as objects and as JSON text, the bundled samples
// and the benchmark's own platforms. Out: the same outcome, level and exact total as the reference evaluator for every one.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { asJsonText, corpusLike } from '../../bench/corpus';
import { generatePlatforms } from '../../bench/generate';
import { LEVELS, OUTCOMES, scoreStraight } from '../../bench/straight-line';
import { Rational } from '../../engine/numbers/rational';
import { CSP, loadRuleset, platformsIn, ROOT } from '../plan/helpers';

describe('bench/straight-line.ts', () => {
  it('gives the reference decision, total exactly, on 4,000 generated platforms, the samples and 2,000 of the benchmark platforms', () => {
    const r = loadRuleset('0.9');
    const gen = generatePlatforms(r.model, 2_000, 55, { missing: 0.06, invalid: 0.15, boundary: 0.7 });
    const ps = [...platformsIn(join(CSP, 'platforms')), ...gen, ...asJsonText(r.model, gen).platforms, ...corpusLike(r.model, 2_000, ROOT)];
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const p of ps) {
      const a = r.assess(p, { engine: 'reference' });
      const s = scoreStraight(p.evidence as Record<string, unknown>);
      const got = `${OUTCOMES[s.outcome]} ${s.level < 0 ? null : LEVELS[s.level]} ${Rational.of(BigInt(s.totalN), BigInt(s.totalD)).toFraction()}`;
      const want = `${a.outcome} ${a.level} ${a.total.toFraction()}`;
      if (got !== want && bad.length < 3) bad.push(`${JSON.stringify(p.evidence)}: ${got} ≠ ${want}`);
      seen.add(a.level ?? a.outcome);
    }
    expect(bad).toEqual([]);
    // Every outcome and level occurs, so the validation, the rules and every rung of the ladder were compared.
    expect([...seen].sort()).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'invalid', 'not_rated', 'vetoed']);
  });
});
