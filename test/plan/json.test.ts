// The plan's JSON results (`Plan.evaluate`, what `ruleset.evaluate` returns) against the reference's, and its
// number printer against `Rational.toJSONNumber`. In: both bundled rulesets with samples, corpus and generated
// platforms; random fractions. Out: the same JSON text, key order included, and the same doubles (+0 never −0).

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generatePlatforms, rng } from '../../bench/generate';
import { asJsonText } from '../../bench/corpus';
import { jsonOfFrac, ratOfFrac } from '../../engine/plan/num';
import { Rational } from '../../engine/numbers/rational';
import { CSP, loadRuleset, planOf, platformsIn } from './helpers';
import { ok, rs } from '../engine/helpers';
import { compileRuleset } from '../../engine/compile';

describe('jsonOfFrac', () => {
  it('gives the double Rational.toJSONNumber gives, for fractions of safe integers', () => {
    const r = rng(15);
    const dens = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 18, 20, 100, 125, 300, 1000, 1024, 1400, 1800, 3 * 2 ** 40, 5 ** 20, 2 ** 52, 99_991, 7_000_000_007];
    let checked = 0;
    for (let k = 0; k < 40_000; k++) {
      const d = k % 3 === 0 ? (dens[Math.floor(r() * dens.length)] as number) : Math.floor(r() * 10 ** Math.floor(r() * 15)) + 1;
      const mag = 10 ** Math.floor(r() * 16);
      const n = Math.floor((r() - 0.3) * mag);
      if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) continue;
      const want = Rational.of(BigInt(n), BigInt(d)).toJSONNumber();
      const got = jsonOfFrac(n, d);
      if (!Object.is(got, want)) expect({ n, d, got }).toEqual({ n, d, got: want });
      checked++;
    }
    expect(checked).toBeGreaterThan(30_000);
    // Ties round away from zero at the tenth place; tiny values round to +0, never −0.
    expect(jsonOfFrac(1, 3)).toBe(0.3333333333);
    expect(jsonOfFrac(2, 3)).toBe(0.6666666667);
    expect(jsonOfFrac(-2, 3)).toBe(-0.6666666667);
    expect(Object.is(jsonOfFrac(-1, 3 * 10 ** 11), 0)).toBe(true);
    expect(jsonOfFrac(1, 2 ** 40)).toBe(ratOfFrac(1, 2 ** 40).toJSONNumber());
  });
});

for (const version of ['0.9', '1.0'] as const) {
  describe(`ruleset.evaluate on csp-assessment ${version}`, () => {
    const r = loadRuleset(version);
    const same = (ps: readonly Parameters<typeof r.evaluate>[0][], lang: 'en' | 'zh-Hant' = 'en'): number => {
      const plan = planOf(r);
      const first: string[] = [];
      for (const p of ps) {
        const a = plan.evaluate(p, lang);
        const b = r.evaluate(p, { lang, engine: 'reference' });
        const x = JSON.stringify(a);
        const y = JSON.stringify(b);
        if (x !== y && first.length < 2) first.push(`${JSON.stringify(p)}\nplan: ${x}\nref:  ${y}`);
        // Deep equality too: −0 and +0 print alike but are not the same number.
        if (x === y) expect(a).toStrictEqual(b);
      }
      expect(first).toEqual([]);
      return plan.stats.decided;
    };

    it('writes the reference result of the samples and the corpus (exact numbers from YAML), deciding them itself', () => {
      const ps = [...platformsIn(join(CSP, 'platforms')), ...platformsIn(join(CSP, 'corpus'))];
      expect(same(ps, 'zh-Hant')).toBeGreaterThan(ps.length / 2);
    });

    it('writes the reference result of 4,000 generated platforms (missing, boundary, invalid values, warnings), objects and JSON text', () => {
      const ps = generatePlatforms(r.model, 2_000, version === '0.9' ? 21 : 22, { missing: 0.05, invalid: 0.1, boundary: 0.6 });
      const decided = same([...ps, ...asJsonText(r.model, ps).platforms]);
      expect(decided).toBeGreaterThan(ps.length * 2 * 0.8);
    });
  });
}

describe('ruleset.evaluate with indicator ids that name Object.prototype members', () => {
  // The plan copies a template of the indicator keys (engine/plan/json.ts `keysTemplate`): names Object.prototype
  // has must come out as plain keys. (`__proto__` cannot be an id: A221.)
  const label = (s: string): string => `label { zh-Hans "${s}" zh-Hant "${s}" en "${s}" }`;
  const indicator = (id: string, weight: number): string => `
  indicator ${id} {
    ${label(id)}
    weight ${weight}
    type number >= 0
    higher is better
    bands {
      >= 10: 100
      >= 5: 50
      else: 0
    }
  }`;
  for (const ids of [['constructor', 'toString', 'hasOwnProperty'], ['valueOf', 'constructor', 'isPrototypeOf']]) {
    it(`writes the reference result (${ids.join(', ')})`, () => {
      const r = ok(rs(`dimension A {\n  ${label('A')}\n  weight 100\n${ids.map((id, k) => indicator(id, k === 0 ? 50 : 25)).join('\n')}\n}\n`));
      const plan = planOf(r);
      const ps = generatePlatforms(r.model, 300, 5, { missing: 0.1, invalid: 0.05, boundary: 0.5 });
      for (const p of ps) {
        const a = plan.evaluate(p, 'en');
        const b = r.evaluate(p, { engine: 'reference' });
        expect(JSON.stringify(a), p.platform).toBe(JSON.stringify(b));
        expect(Object.keys(a.indicators), p.platform).toEqual(Object.keys(b.indicators));
      }
      expect(plan.stats.decided).toBeGreaterThan(200);
    });
  }

  it('refuses an indicator named __proto__ (A221)', () => {
    const c = compileRuleset(rs(`dimension A {\n  ${label('A')}\n  weight 100\n${indicator('__proto__', 100)}\n}\n`));
    expect(c.ruleset).toBeUndefined();
    expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['A221']);
  });
});
