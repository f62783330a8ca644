// Generated platforms for a ruleset: deterministic, near every band boundary, optionally with missing and invalid values.
// In: a model, a count, a seed and the rates of missing and invalid values. Out: platform inputs (plain data, as a
// JSON or NDJSON reader would give them). Used by the differential tests (test/plan/) and the benchmark (bench/).

import type { Expr } from '../dsl/ast';
import type { PlatformInput } from '../engine/evaluate/evaluate';
import type { Model } from '../engine/model/model';
import { Rational } from '../engine/numbers/rational';
import { implausible, plausibilityRules } from '../engine/evidence/intake';
import type { ValueType } from '../engine/model/value-type';

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  /** Share of fields left out (0–1). */
  readonly missing?: number;
  /** Share of platforms with one invalid value or unknown field (0–1). */
  readonly invalid?: number;
  /** Share of number values taken at or next to a band bound (0–1); default 0.5. */
  readonly boundary?: number;
  /**
   * No percentage that reads as a fraction (E162, an error): such a value is moved up by 1. Without it, a ruleset of
   * thousands of percentages gets one in nearly every platform, and every platform is invalid.
   */
  readonly plausible?: boolean;
}

function literals(e: Expr | undefined, out: number[]): void {
  if (!e) return;
  switch (e.kind) {
    case 'Num':
      out.push(Number(e.text));
      return;
    case 'Percent':
      out.push(Number(e.text));
      return;
    case 'Compare':
    case 'Binary':
      literals(e.left, out);
      literals(e.right, out);
      return;
    case 'Unary':
      literals(e.operand, out);
      return;
    case 'In':
      literals(e.operand, out);
      for (const x of e.set) literals(x, out);
      return;
    case 'If':
      literals(e.cond, out);
      literals(e.then, out);
      literals(e.otherwise, out);
      return;
    case 'Call':
      for (const x of e.args) literals(x, out);
      return;
    case 'Quantified':
      literals(e.body, out);
      return;
    default:
      return;
  }
}

/** Numbers the ruleset compares each field with (band bounds, conditions), to generate values at the boundaries. */
function boundaries(model: Model): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const i of model.indicators) {
    const xs: number[] = [];
    const s = i.decl.scoring;
    if (s?.kind === 'Bands') for (const b of s.bands) if (b.cond.kind === 'Compare') literals(b.cond.bound, xs);
    out.set(i.id, xs);
  }
  const all: Expr[] = [];
  for (const v of model.vetoes) if (v.when) all.push(v.when);
  for (const p of model.prerequisites) all.push(...p.requires);
  for (const l of model.levels) all.push(...l.requires);
  for (const e of all) {
    // Crude but useful: every literal of a condition is a boundary of every number field it mentions.
    const xs: number[] = [];
    literals(e, xs);
    const names = new Set<string>();
    const walk = (x: Expr): void => {
      if (x.kind === 'Ref') names.add(x.path[0]?.name ?? '');
      if (x.kind === 'Compare' || x.kind === 'Binary') {
        walk(x.left);
        walk(x.right);
      }
      if (x.kind === 'Unary') walk(x.operand);
      if (x.kind === 'In') walk(x.operand);
    };
    walk(e);
    for (const n of names) out.set(n, [...(out.get(n) ?? []), ...xs]);
  }
  return out;
}

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

function numberValue(t: Extract<ValueType, { kind: 'number' }>, bounds: readonly number[], r: () => number, boundary: number): number {
  const lo = t.min ? t.min.value.toNumber() : 0;
  const hi = t.max ? t.max.value.toNumber() : Math.max(lo + 10, ...bounds.map((b) => b * 2));
  let x: number;
  if (bounds.length > 0 && r() < boundary) {
    const b = bounds[Math.floor(r() * bounds.length)] as number;
    const steps = [0, 0, 0.01, -0.01, 1, -1, 0.001, -0.1, 1e-7];
    x = b + (steps[Math.floor(r() * steps.length)] as number);
    x = round(x, 9);
  } else {
    x = lo + r() * (hi - lo);
    x = round(x, Math.floor(r() * 3));
  }
  if (t.base === 'integer') x = Math.round(x);
  if (t.min && (x < lo || (!t.min.inclusive && x <= lo))) x = t.base === 'integer' ? Math.ceil(lo + (t.min.inclusive ? 0 : 1)) : t.min.inclusive ? lo : round(lo + 0.5, 1);
  if (t.max && (x > hi || (!t.max.inclusive && x >= hi))) x = t.base === 'integer' ? Math.floor(hi - (t.max.inclusive ? 0 : 1)) : t.max.inclusive ? hi : round(hi - 0.5, 1);
  return x;
}

function value(t: ValueType, bounds: readonly number[], r: () => number, boundary: number): unknown {
  switch (t.kind) {
    case 'boolean':
      return r() < 0.85;
    case 'enum':
      return t.values[Math.floor(r() * t.values.length)];
    case 'number':
      return numberValue(t, bounds, r, boundary);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, ft] of t.fields) o[k] = value(ft, [0, 1, 2, 3, 4, 5], r, boundary);
      return o;
    }
  }
}

/** One bad value for a field of type `t` (or a structural problem), as real corpora have them. */
function invalidValue(t: ValueType | undefined, r: () => number): unknown {
  const generic: unknown[] = ['abc', [1, 2], { x: 1 }, Number.NaN, Number.POSITIVE_INFINITY, '12.5'];
  if (t?.kind === 'number') {
    const xs: unknown[] = [-1, 1e6, 1.5, 101, true, '99.9', -0.0001];
    if (t.min) xs.push(t.min.value.toNumber() - 0.001);
    if (t.max) xs.push(t.max.value.toNumber() + 0.001);
    return xs[Math.floor(r() * xs.length)];
  }
  if (t?.kind === 'enum') return r() < 0.5 ? 'not_a_value' : 3;
  if (t?.kind === 'boolean') return r() < 0.5 ? 'yes' : 1;
  if (t?.kind === 'object') {
    const [first] = t.fields.keys();
    return r() < 0.5 ? { [first ?? 'a']: 1 } : { ...(value(t, [], r, 0) as object), extra: 1 };
  }
  return generic[Math.floor(r() * generic.length)];
}

/** `n` platforms for `model`, deterministic for a seed. */
export function generatePlatforms(model: Model, n: number, seed = 1, opts: GenOptions = {}): PlatformInput[] {
  const r = rng(seed);
  const missing = opts.missing ?? 0;
  const invalid = opts.invalid ?? 0;
  const boundary = opts.boundary ?? 0.5;
  const bounds = boundaries(model);
  const fields = [...model.fields.values()];
  const formers = [...model.formerIds.entries()];
  const rules = opts.plausible === true ? plausibilityRules(model) : new Map<string, never>();
  const fraction = (id: string, x: unknown): boolean => {
    const rs = rules.get(id);
    const q = rs && typeof x === 'number' ? Rational.fromNumber(x) : undefined;
    return q !== undefined && implausible(rs ?? [], q)?.kind === 'fraction';
  };
  const out: PlatformInput[] = [];
  for (let k = 0; k < n; k++) {
    const evidence: Record<string, unknown> = {};
    for (const f of fields) {
      if (!f.type) continue;
      const x = r();
      if (x < missing) continue;
      if (x < missing * 1.2) {
        evidence[f.id] = null;
        continue;
      }
      let v = value(f.type, bounds.get(f.id) ?? [], r, boundary);
      if (fraction(f.id, v)) v = (v as number) + 1;
      evidence[f.id] = v;
    }
    if (r() < invalid) {
      const kind = r();
      const f = fields[Math.floor(r() * fields.length)];
      if (kind < 0.1) evidence['unknown_field'] = 1;
      else if (kind < 0.2 && formers.length > 0) {
        const [old, id] = formers[Math.floor(r() * formers.length)] as [string, string];
        evidence[old] = evidence[id] ?? 1;
      } else if (f) evidence[f.id] = invalidValue(f.type, r);
    } else if (formers.length > 0 && r() < 0.05) {
      // Evidence written for an older version: a former id instead of the current one (valid).
      const [old, id] = formers[Math.floor(r() * formers.length)] as [string, string];
      if (evidence[id] !== undefined) {
        evidence[old] = evidence[id];
        delete evidence[id];
      }
    }
    out.push({ platform: `g${seed}-${k}`, evidence });
  }
  return out;
}

/** Exact decimal text of a generated number, for readers that want it (CSV writers). */
export function decimalText(x: number): string {
  return Rational.fromNumber(x)?.toDecimalString() ?? String(x);
}
