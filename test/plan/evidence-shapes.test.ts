// The plan's evidence reader on every shape of evidence object: its field-by-field fast path and its key-order
// path must give what the reference gives (summary and full assessment alike). In: csp-assessment 1.0 (former
// ids), generated platforms reshaped: former ids, unknown keys, nulls, unknown members, inherited and
// non-enumerable properties. Out: equal results, platform by platform.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { canon, loadRuleset, planOf } from './helpers';

type Ev = Record<string, unknown>;

const RESHAPE: Record<string, (e: Ev) => object> = {
  'as generated': (e) => e,
  'a former id instead of the current one': (e) => {
    const { hot_spare_capacity_ratio: v, ...rest } = e;
    return v === undefined ? e : { ...rest, compute_redundancy: v };
  },
  'a former id beside the current one (E121)': (e) => ({ ...e, compute_redundancy: 1 }),
  'two former ids of two fields': (e) => {
    const { hot_spare_capacity_ratio: a, resource_delivery_latency: b, ...rest } = e;
    return { ...rest, task_response_latency: b ?? 3, compute_redundancy: a ?? 1 };
  },
  'an unknown key (E120)': (e) => ({ ...e, not_a_field: 7 }),
  'a null value (absent)': (e) => ({ ...e, pue: null }),
  'a null former id beside the current one': (e) => ({ ...e, compute_redundancy: null }),
  'an unknown member of an object (E122)': (e) => {
    const o = e['framework_chip_adaptation'];
    return o && typeof o === 'object' ? { ...e, framework_chip_adaptation: { ...o, extra: 1 } } : e;
  },
  'a field inherited from the prototype (not evidence)': (e) => {
    const { pue, ...rest } = e;
    return Object.assign(Object.create({ pue: pue ?? 1.2 }) as object, rest);
  },
  'a non-enumerable field and an unknown key': (e) => {
    const { pue, ...rest } = e;
    const o: Ev = { ...rest, stray: 1 };
    Object.defineProperty(o, 'pue', { value: pue ?? 1.2, enumerable: false });
    return o;
  },
  'keys in reverse order': (e) => Object.fromEntries(Object.entries(e).reverse()),
};

describe('the plan reads every shape of evidence as the reference does', () => {
  const r = loadRuleset('1.0');
  const base = generatePlatforms(r.model, 300, 41, { missing: 0.05, invalid: 0.05, boundary: 0.5 });
  for (const [name, reshape] of Object.entries(RESHAPE)) {
    it(name, () => {
      const plan = planOf(r);
      for (const p of base) {
        const q: PlatformInput = { platform: p.platform, evidence: reshape(p.evidence as Ev) };
        const ref = r.assess(q, { engine: 'reference' });
        const s = plan.summary(q);
        expect(`${s.outcome} ${s.level} ${s.total.toFraction()}`, p.platform).toBe(`${ref.outcome} ${ref.level} ${ref.total.toFraction()}`);
        expect(canon(plan.assess(q)), p.platform).toBe(canon(ref));
      }
    });
  }
});
