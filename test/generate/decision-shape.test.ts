// The decision objects `decide` returns with a generated module attached, as a reader sees them: plain objects whose
// own enumerable keys are the reference decision's, in its order, with `missing` computed on first read (once, also
// when the decision is frozen or read through a Proxy) and equal to the reference's; unknown keys in several combinations warned as the
// reference warns them; exact totals of safe fractions (Rational.ofSafe) equal to Rational.of.
// In: csp-assessment 0.9 and its corpus. Out: each property checked against the reference's decision.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { decisionOf } from '../../engine/evaluate/result';
import { generatedStats } from '../../engine/index';
import { Rational } from '../../engine/numbers/rational';
import { ratOfFrac } from '../../engine/plan/num';
import { canon, CSP, loadRuleset, platformsIn } from '../plan/helpers';
import { attached } from './helpers';

const corpus = (): PlatformInput[] => [...platformsIn(join(CSP, 'platforms')), ...platformsIn(join(CSP, 'corpus'))];

describe('decisions of the generated decide', () => {
  it('are plain objects with the reference keys in order, missing lazily equal to the reference (frozen too)', async () => {
    const r = loadRuleset('0.9');
    const a = await attached(r);
    if ('why' in a) throw new Error(`not covered: ${a.why}`);
    const g = a.ruleset;
    let lazy = 0;
    for (const [k, p] of corpus().entries()) {
      const want = decisionOf(r.assess(p, { engine: 'reference' }));
      for (const opts of [undefined, { messages: false }] as const) {
        const d = g.decide(p, opts);
        expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
        expect(Object.keys(d)).toEqual(Object.keys(want));
        expect(Object.getOwnPropertySymbols(d).filter((k) => Object.getOwnPropertyDescriptor(d, k)?.enumerable)).toEqual([]);
        const desc = Object.getOwnPropertyDescriptor(d, 'missing');
        expect(desc?.enumerable).toBe(true);
        if (desc?.get !== undefined) {
          lazy++;
          // Frozen before the first read: the list is still computed, and the same list on every read.
          if (k % 2 === 0) Object.freeze(d);
          // Read through a Proxy (as reactive stores wrap objects) every third time: the accessor then runs with
          // the proxy as `this`.
          const first = k % 3 === 0 ? new Proxy(d, {}).missing : d.missing;
          expect(d.missing).toBe(first);
          expect(canon(first), p.platform).toBe(canon(want.missing));
        }
        expect(canon({ ...d }), p.platform).toBe(canon(opts === undefined ? want : { ...want, errors: [], warnings: [] }));
        expect(canon(d)).toBe(canon({ ...d }));
      }
    }
    expect(lazy).toBeGreaterThan(20);
    expect(generatedStats(g)?.decided ?? 0).toBeGreaterThan(100);
  });

  it('warn unknown keys in every combination and order as the reference does', async () => {
    const r = loadRuleset('0.9');
    const a = await attached(r);
    if ('why' in a) throw new Error(`not covered: ${a.why}`);
    const base = corpus()[0] as PlatformInput;
    const extras = ['zz_one', 'zz_two', 'zz_three'];
    // More combinations than the warnings remembered, and revisited in another order and language.
    const combos: string[][] = [];
    for (let mask = 0; mask < 8; mask++) for (const rev of [false, true]) combos.push((rev ? [...extras].reverse() : extras).filter((_, k) => (mask & (1 << k)) !== 0));
    for (let round = 0; round < 3; round++) {
      for (const [k, keys] of [...combos, ...combos.slice().reverse()].entries()) {
        const evidence: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(base.evidence as Record<string, unknown>)) if (r.model.fields.has(key)) evidence[key] = v;
        for (const key of keys) evidence[key] = k;
        const p: PlatformInput = { platform: `P${k}`, evidence };
        const lang = (k + round) % 3 === 0 ? 'zh-Hant' : k % 2 === 0 ? 'en' : 'zh-Hans';
        const d = a.ruleset.decide(p, { lang });
        expect(canon(d), JSON.stringify(keys)).toBe(canon(decisionOf(r.assess(p, { lang, engine: 'reference' }))));
        expect(d.warnings.map((w) => w.field)).toEqual(keys);
      }
    }
  });

  it('ratOfFrac gives the exact fraction through its memo table, colliding slots included', () => {
    // Twice over more pairs than the table has slots: hits, misses and evictions all compared with Rational.of.
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 40_000; k++) {
        const n = (k * 7919) % 2_000_003;
        const d = 1 + (k % 97) * 3;
        const q = ratOfFrac(n, d);
        const want = Rational.of(BigInt(n), BigInt(d));
        if (q.num !== want.num || q.den !== want.den) expect(`${q.toFraction()}`, `${n}/${d}`).toBe(want.toFraction());
      }
    }
  });

  it('Rational.ofSafe equals Rational.of on safe integers and refuses anything else', () => {
    const xs = [0, 1, -1, 2, 3, 6, 10, 12, 100, 360, 7919, 2 ** 40, -(2 ** 40) + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (const n of xs) {
      for (const d of xs) {
        if (d === 0) continue;
        const q = Rational.ofSafe(n, d);
        const want = Rational.of(BigInt(n), BigInt(d));
        expect(q.num, `${n}/${d}`).toBe(want.num);
        expect(q.den, `${n}/${d}`).toBe(want.den);
      }
    }
    for (const [n, d] of [
      [1, 0],
      [0.5, 1],
      [1, 2 ** 53],
      [Number.NaN, 1],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => Rational.ofSafe(n, d), `${n}/${d}`).toThrow(RangeError);
    }
  });
});
