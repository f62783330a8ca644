// The improvement search's fast check (engine expression evaluator over a derived state) agrees with the full
// engine on outcome and level, for random sets of candidate changes of generated platforms. In: csp-assessment
// 1.0 and 0.9, seeded platforms. Out: assertions (a disagreement would only lose plans, never show a wrong one,
// since every plan is re-assessed, but the search is only exact when they agree); so does `reaches`, which stops early.

import { describe, expect, it } from 'vitest';
import { baseEvidence, changedInput, indicatorOptions } from '../../engine/analyses/gap/index';
import { FastCheck } from '../../engine/analyses/gap/fast';
import { rankOfLevel } from '../../engine/analyses/gap/search';
import { VERSIONS } from '../rulesets/expected';
import { platforms, ruleset } from '../rulesets/load';
import { generatePlatforms, rng } from './generate';

describe('fast check agrees with the engine', () => {
  for (const v of VERSIONS) {
    it(`${v}: 40 platforms × 25 random change sets`, () => {
      const rs = ruleset(v);
      const r = rng(7);
      let compared = 0;
      for (const p of generatePlatforms(rs, platforms(), 40, 99)) {
        const a = rs.assess(p);
        if (a.outcome === 'invalid') continue;
        const base = baseEvidence(rs, p, 'en');
        const options = indicatorOptions(rs, base, a, (c) => rs.assess(changedInput(base, c)));
        const fast = new FastCheck(rs, base, a, (l) => rankOfLevel(rs, l), 0);
        // `reaches` stops early when a set misses: it must agree with the engine for every target.
        const byTarget = rs.model.levels.map((_, rank) => new FastCheck(rs, base, a, (l) => rankOfLevel(rs, l), rank));
        for (let k = 0; k < 25; k++) {
          const picks = options.filter(() => r() < 0.3).map((o) => ({ o, c: o.candidates[Math.floor(r() * o.candidates.length)] ?? o.best }));
          const changes = new Map(picks.map((x) => [x.o.id, x.c.value]));
          const full = rs.assess(changedInput(base, changes));
          const fc = picks.map((x) => ({ id: x.o.id, dimension: x.o.dimension, value: x.c.value, points: x.c.points, gain: x.c.gain }));
          const quick = fast.evaluate(fc);
          expect(quick, `${p.platform} ${[...changes.keys()].join(',')}`).toEqual({ outcome: full.outcome, level: full.level });
          byTarget.forEach((f, rank) => {
            const reached = full.outcome === 'graded' && rankOfLevel(rs, full.level) <= rank;
            expect(f.reaches(fc), `${p.platform} rank ${rank} ${[...changes.keys()].join(',')}`).toBe(reached);
          });
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }
});
