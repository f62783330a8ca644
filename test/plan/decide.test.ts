// `CompiledRuleset.decide`: the decision alone, equal to the decision fields of the full assessment — outcome,
// level, exact total, failed prerequisites, fired vetoes, and the evidence errors and warnings with their messages.
// In: both bundled versions over their corpus and generated platforms with missing, invalid and unknown fields and
// former ids; a ruleset whose bands can miss (E153). Out: `decide(p)` equals `decisionOf(assess(p))`.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { decisionOf, toDecisionJson, toResultJson } from '../../engine/evaluate/result';
import { ok, single } from '../engine/helpers';
import { join } from 'node:path';
import { canon, CSP, loadRuleset, platformsIn } from './helpers';

const loadCorpus = (): PlatformInput[] => [...platformsIn(join(CSP, 'platforms')), ...platformsIn(join(CSP, 'corpus'))];

describe('decide', () => {
  for (const version of ['0.9', '1.0'] as const) {
    it(`equals the decision of the full assessment (csp-assessment ${version})`, () => {
      const r = loadRuleset(version);
      const ps: PlatformInput[] = [
        ...loadCorpus(),
        ...generatePlatforms(r.model, 3_000, version === '0.9' ? 31 : 32, { missing: 0.05, invalid: 0.15, boundary: 0.6 }),
      ];
      const seen = { invalid: 0, warned: 0, vetoed: 0, notRated: 0, named: 0 };
      for (const p of ps) {
        const lang = ps.indexOf(p) % 3 === 0 ? 'zh-Hans' : 'en';
        const want = decisionOf(r.assess(p, { lang }));
        expect(canon(r.decide(p, { lang })), p.platform).toBe(canon(want));
        // Without messages: the same decision, no errors or warnings described.
        expect(canon(r.decide(p, { lang, messages: false })), p.platform).toBe(canon({ ...want, errors: [], warnings: [] }));
        if (want.outcome === 'invalid') seen.invalid++;
        if (want.warnings.length > 0) seen.warned++;
        if (want.vetoes.length > 0) seen.vetoed++;
        if (want.prerequisitesFailed.length > 0) seen.notRated++;
        if (want.name !== undefined) seen.named++;
      }
      // Every branch of `decide` was taken: decided by the plan, and handed to the full assessment for messages.
      for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(10);
    });
  }

  it('reports a value that no band matches as the full assessment does (E153)', () => {
    const r = ok(single('number >= 0', 'bands {\n      >= 50: 100\n    }'));
    for (const x of [10, 60]) {
      const p: PlatformInput = { platform: `x${x}`, evidence: { x } };
      const d = r.decide(p);
      expect(canon(d)).toBe(canon(decisionOf(r.assess(p))));
      expect(d.warnings.map((w) => w.code)).toEqual(x === 10 ? ['E153'] : []);
    }
  });

  it('reports the warnings of a field with several former ids (read key by key) as the full assessment does', () => {
    const r = ok(single('number >= 0\n    formerly old_x, older_x', 'bands {\n      >= 50: 100\n      else: 0\n    }'));
    const cases: Record<string, unknown>[] = [{ old_x: 60 }, { old_x: 60, older_x: 10 }, { x: 60, older_x: 10 }, { older_x: 10, zzz: 1 }];
    for (const evidence of cases) {
      const p: PlatformInput = { platform: 'P', evidence };
      expect(canon(r.decide(p)), JSON.stringify(evidence)).toBe(canon(decisionOf(r.assess(p))));
    }
    expect(r.decide({ platform: 'P', evidence: { x: 60, older_x: 10 } }).warnings.map((w) => w.code)).toEqual(['E121']);
  });

  it('is the result JSON without the detail', () => {
    const r = loadRuleset('1.0');
    for (const p of loadCorpus().slice(0, 40)) {
      const { dimensions: _d, indicators: _i, ...rest } = toResultJson(r.assess(p));
      expect(toDecisionJson(r.decide(p))).toEqual(rest);
    }
  });
});
