// Generated deciders against the reference: csp-assessment 0.9 and 1.0 over the samples, the corpus and generated
// platforms (valid, missing, invalid, boundary values). In: the bundled rulesets. Out: `decide` and `evaluate` with
// the generated module attached equal the reference's decision and result, and the fast path decides most valid
// platforms itself.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generatePlatforms } from '../../bench/generate';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { decisionOf } from '../../engine/evaluate/result';
import { generatedStats } from '../../engine/index';
import { canon, CSP, loadRuleset, platformsIn } from '../plan/helpers';
import { attached } from './helpers';
import { generateRuleset } from '../../bench/big-ruleset';
import { compileRuleset } from '../../engine/index';

const corpus = (): PlatformInput[] => [...platformsIn(join(CSP, 'platforms')), ...platformsIn(join(CSP, 'corpus'))];

describe('generated decide', () => {
  for (const version of ['0.9', '1.0'] as const) {
    it(`equals the reference's decision (csp-assessment ${version})`, async () => {
      const r = loadRuleset(version);
      const a = await attached(r);
      if ('why' in a) throw new Error(`not covered: ${a.why}`);
      const g = a.ruleset;
      const ps: PlatformInput[] = [
        ...corpus(),
        ...generatePlatforms(r.model, 3_000, version === '0.9' ? 41 : 42, { missing: 0.05, invalid: 0.1, boundary: 0.6 }),
        // Every field present.
        ...generatePlatforms(r.model, 1_000, version === '0.9' ? 43 : 44, { missing: 0, invalid: 0.05, boundary: 0.6 }),
      ];
      let valid = 0;
      let invalid = 0;
      for (const [k, p] of ps.entries()) {
        const lang = k % 3 === 0 ? 'zh-Hans' : 'en';
        const want = decisionOf(r.assess(p, { lang, engine: 'reference' }));
        // Unknown keys (E120) are the only warnings the fast path gives itself.
        if (want.outcome !== 'invalid' && want.warnings.every((w) => w.code === 'E120')) valid++;
        else if (want.errors.length === 1) invalid++;
        expect(canon(g.decide(p, { lang })), p.platform).toBe(canon(want));
        expect(canon(g.decide(p, { lang, messages: false })), p.platform).toBe(canon({ ...want, errors: [], warnings: [] }));
        // The full result: key for key and number for number the reference's (−0 and +0 told apart).
        const full = g.evaluate(p, { lang });
        const wantFull = r.evaluate(p, { lang, engine: 'reference' });
        expect(JSON.stringify(full), p.platform).toBe(JSON.stringify(wantFull));
        expect(full, p.platform).toStrictEqual(wantFull);
      }
      const stats = generatedStats(g);
      if (!stats) throw new Error('no stats');
      // The fast path decides (twice per platform) at least 90 % of the valid platforms, and most of the invalid
      // ones with one error.
      expect(stats.decided - stats.invalid, JSON.stringify(stats)).toBeGreaterThan(2 * valid * 0.9);
      expect(stats.invalid, JSON.stringify(stats)).toBeGreaterThan(2 * invalid * 0.5);
      expect(stats.bailed).toBeGreaterThan(0);
      // Most full results of valid platforms (missing fields included) are written from the full variant.
      expect(stats.written, JSON.stringify({ ...stats, valid })).toBeGreaterThan(valid * 0.5);
    });
  }

  for (const size of [30, 300]) {
    it(`equals the reference's decision on a generated ruleset of ${size} indicators`, async () => {
      const r = compileRuleset(generateRuleset(size)).ruleset;
      if (!r) throw new Error('generated ruleset has errors');
      const a = await attached(r);
      if ('why' in a) throw new Error(`not covered: ${a.why}`);
      const ps = [
        ...generatePlatforms(r.model, size === 30 ? 2_000 : 300, 7, { missing: 0.05, invalid: 0.1, boundary: 0.6 }),
        ...generatePlatforms(r.model, size === 30 ? 1_000 : 200, 8, { missing: 0, invalid: 0.02, boundary: 0.6 }),
      ];
      const outcomes = new Set<string>();
      for (const p of ps) {
        const want = decisionOf(r.assess(p, { engine: 'reference' }));
        outcomes.add(want.outcome);
        expect(canon(a.ruleset.decide(p)), p.platform).toBe(canon(want));
        expect(canon(a.ruleset.decide(p, { messages: false })), p.platform).toBe(canon({ ...want, errors: [], warnings: [] }));
        expect(JSON.stringify(a.ruleset.evaluate(p)), p.platform).toBe(JSON.stringify(r.evaluate(p, { engine: 'reference' })));
      }
      const stats = generatedStats(a.ruleset);
      expect(stats?.decided ?? 0, JSON.stringify(stats)).toBeGreaterThan(ps.length);
      expect(stats?.written ?? 0, JSON.stringify(stats)).toBeGreaterThan(size === 30 ? 700 : 50);
      expect(outcomes.size).toBeGreaterThan(2);
    });
  }
});
