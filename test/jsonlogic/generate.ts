// Random platforms for differential tests: valid evidence for a model, biased towards the boundaries that matter.
// In: a model and a seed. Out: evidence objects (plain JSON data) with missing fields, former ids, boundary values.

import { toCanonical } from '../../dsl/canonical';
import type { Model } from '../../engine/model/model';
import { Rational } from '../../engine/numbers/rational';
import type { ValueType } from '../../engine/model/value-type';

/** The seeded PRNG of the benchmark's generator (mulberry32), so a failure reproduces from its seed. */
import { rng as prng } from '../../bench/generate';

export { prng };

/** Every numeric literal of the ruleset (band bounds, thresholds), as exact values. */
function literals(model: Model): Rational[] {
  const out = new Map<string, Rational>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if ((o['kind'] === 'Num' || o['kind'] === 'Percent') && typeof o['text'] === 'string') {
      const q = Rational.parse(o['text']);
      if (q) out.set(q.toFraction(), o['kind'] === 'Percent' ? q.div(Rational.HUNDRED) : q);
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(toCanonical(model.ast));
  return [...out.values()];
}

export interface Generator {
  (): Record<string, unknown>;
}

/**
 * A generator of valid evidence for `model`: each field absent with probability `pMissing`; numbers taken from the
 * ruleset's literals, their neighbours (± 1, 0.1, 0.01) or uniform in the domain; former ids used at times.
 * With `bases` (realistic platforms, e.g. the samples), every other platform is a base with a few fields changed
 * or removed, so that graded outcomes and level boundaries are reached as often as failures.
 */
export function evidenceGenerator(model: Model, seed: number, pMissing = 0.12, bases: readonly Readonly<Record<string, unknown>>[] = []): Generator {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const lits = literals(model);
  const candidates = (t: Extract<ValueType, { kind: 'number' }>): number[] => {
    const out: number[] = [];
    for (const q of lits) {
      for (const d of ['0', '1', '-1', '0.1', '-0.1', '0.01', '-0.01']) {
        const v = q.add(Rational.parse(d) as Rational);
        if (t.base === 'integer' && !v.isInteger()) continue;
        if (t.min && (v.lt(t.min.value) || (!t.min.inclusive && v.eq(t.min.value)))) continue;
        if (t.max && (v.gt(t.max.value) || (!t.max.inclusive && v.eq(t.max.value)))) continue;
        out.push(Number(v.toDecimalString(10)));
      }
    }
    return out;
  };
  const numberCache = new Map<ValueType, number[]>();
  const value = (t: ValueType): unknown => {
    switch (t.kind) {
      case 'boolean':
        return rnd() < 0.5;
      case 'enum':
        return pick(t.values);
      case 'object': {
        const o: Record<string, unknown> = {};
        for (const [k, ft] of t.fields) o[k] = value(ft);
        return o;
      }
      case 'number': {
        let c = numberCache.get(t);
        if (!c) numberCache.set(t, (c = candidates(t)));
        if (c.length > 0 && rnd() < 0.7) return pick(c);
        const lo = t.min ? t.min.value.toNumber() : -5;
        const hi = t.max ? t.max.value.toNumber() : Math.max(lo, 0) + 2000;
        let v = lo + rnd() * (hi - lo);
        v = t.base === 'integer' ? Math.round(v) : Math.round(v * 100) / 100;
        if ((t.min && (v < lo || (!t.min.inclusive && v === lo))) || (t.max && (v > hi || (!t.max.inclusive && v === hi)))) return Number(t.min?.value.toNumber() ?? 0) + (t.min?.inclusive === false ? 1 : 0);
        return v;
      }
    }
  };
  const fieldIds = [...model.fields.keys()].filter((id) => model.fields.get(id)?.type !== undefined);
  let turn = 0;
  const mutate = (base: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const ev: Record<string, unknown> = { ...base };
    const changes = Math.floor(rnd() * 6);
    for (let i = 0; i < changes; i++) {
      const id = pick(fieldIds);
      const f = model.fields.get(id);
      if (!f?.type) continue;
      const former = f.kind === 'indicator' ? f.info.formerly : [];
      for (const old of former) delete ev[old];
      if (rnd() < 0.15) delete ev[id];
      else ev[id] = value(f.type);
    }
    return ev;
  };
  return () => {
    turn++;
    if (bases.length > 0 && turn % 2 === 0) return mutate(pick(bases));
    const ev: Record<string, unknown> = {};
    for (const [id, f] of model.fields) {
      if (!f.type) continue;
      const r = rnd();
      if (r < pMissing) {
        if (rnd() < 0.3) ev[id] = null;
        continue;
      }
      const v = value(f.type);
      const former = f.kind === 'indicator' ? f.info.formerly : [];
      if (former.length > 0 && rnd() < 0.4) {
        ev[pick(former)] = v;
        // Sometimes the new id too: the new one wins.
        if (rnd() < 0.2) ev[id] = value(f.type);
      } else ev[id] = v;
    }
    return ev;
  };
}
