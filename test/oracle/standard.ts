// An independent, hand-written scorer of the standard's text (draft-0.9.md §1–§6 and final-1.0.md),
// written from the text alone. In: a version and a platform's evidence (plain JSON-like object). Out: the result
// in the shape of `toResultJson` with exact rationals, plus the erroring and warned evidence fields.

import { Rational } from '../../engine/numbers/rational';
import type { IndicatorStatus, Outcome, ResultJson, ValueJson } from '../../engine/evaluate/result';
import { INDICATORS, FACTS, type FieldType, type Indicator, type Version, dimensionWeights, LEVELS } from './tables';

export type { Version } from './tables';
export type Truth = true | false | 'unknown';

/** A value read from evidence after validation. */
export type Value =
  | { readonly kind: 'num'; readonly q: Rational }
  | { readonly kind: 'bool'; readonly b: boolean }
  | { readonly kind: 'sym'; readonly s: string }
  | { readonly kind: 'obj'; readonly fields: ReadonlyMap<string, Value> };

export interface OracleIndicator {
  value?: ValueJson;
  points: Rational | null;
  status: IndicatorStatus;
  /** Effective weight after redistribution (0 when not applicable). */
  weight: Rational;
  /** The evidence field read, when it is a former id. */
  field?: string;
  /** Index of the band or mapping entry that gave the points, in the text's order (scored indicators only). */
  matched?: number;
}

export interface OracleResult {
  platform: string;
  outcome: Outcome;
  level: string | null;
  total: Rational;
  dimensions: Record<string, { score: Rational; weight: Rational; share: Rational }>;
  indicators: Record<string, OracleIndicator>;
  prerequisitesFailed: string[];
  vetoes: string[];
  /** Top-level evidence fields that are bad (§1 Bad evidence). */
  errorFields: string[];
  /** Evidence fields ignored: unknown to this version, a former id shadowed by its new id, an unknown object member (dotted). */
  warningFields: string[];
  /** Truth of each level's own conditions, without the levels below (for coverage counts, not in the JSON). */
  levelOwn: Record<string, Truth>;
}

const HUNDRED = Rational.HUNDRED;
const constants = new Map<string, Rational>();
/** A constant of the text (threshold, bound) as an exact rational. */
const q = (s: string): Rational => {
  let r = constants.get(s);
  if (!r) {
    r = Rational.parse(s);
    if (!r) throw new Error(`bad constant ${s}`);
    constants.set(s, r);
  }
  return r;
};

const numbers = new Map<number, Rational | undefined>();
/** The exact decimal a JSON number is written as (memoised: generated values repeat). */
function fromNumber(n: number): Rational | undefined {
  if (numbers.has(n)) return numbers.get(n);
  const r = Rational.fromNumber(n);
  if (numbers.size < 100_000) numbers.set(n, r);
  return r;
}

/** §1: a `null` value counts as absent. */
function present(ev: Readonly<Record<string, unknown>>, field: string): unknown {
  if (!Object.hasOwn(ev, field)) return undefined;
  const v = ev[field];
  return v === null ? undefined : v;
}

/** Reads a raw JSON value against a type column; undefined when it is bad evidence. */
export function readValue(t: FieldType, raw: unknown, warn?: (member: string) => void): Value | undefined {
  switch (t.kind) {
    case 'bool':
      return typeof raw === 'boolean' ? { kind: 'bool', b: raw } : undefined;
    case 'enum':
      return typeof raw === 'string' && t.values.includes(raw) ? { kind: 'sym', s: raw } : undefined;
    case 'num': {
      if (typeof raw !== 'number') return undefined;
      const r = fromNumber(raw);
      if (!r) return undefined;
      if (t.integer && !r.isInteger()) return undefined;
      if (r.lt(q(t.min))) return undefined;
      if (t.max !== undefined && r.gt(q(t.max))) return undefined;
      return { kind: 'num', q: r };
    }
    case 'obj': {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
      const o = raw as Record<string, unknown>;
      const fields = new Map<string, Value>();
      // Members the type does not know are ignored with a warning, as unknown fields are (§1).
      for (const k of Object.keys(o)) if (!t.members.some(([m]) => m === k) && warn) warn(k);
      for (const [name, mt] of t.members) {
        const mv = present(o, name);
        if (mv === undefined) return undefined; // an object missing a member
        const v = readValue(mt, mv);
        if (!v) return undefined;
        fields.set(name, v);
      }
      return { kind: 'obj', fields };
    }
  }
}

export function valueJson(v: Value): ValueJson {
  switch (v.kind) {
    case 'num':
      return v.q.toJSONNumber();
    case 'bool':
      return v.b;
    case 'sym':
      return v.s;
    case 'obj': {
      const o: Record<string, ValueJson> = {};
      for (const [k, x] of v.fields) o[k] = valueJson(x);
      return o;
    }
  }
}

// ---- three-valued logic (§1 Missing evidence) ----
const and = (...xs: Truth[]): Truth => (xs.includes(false) ? false : xs.includes('unknown') ? 'unknown' : true);
const or = (...xs: Truth[]): Truth => (xs.includes(true) ? true : xs.includes('unknown') ? 'unknown' : false);
const not = (x: Truth): Truth => (x === 'unknown' ? 'unknown' : !x);

/** The evidence a platform gives, validated; `get` returns undefined for absent values. */
class Facts {
  constructor(private readonly values: ReadonlyMap<string, Value>) {}
  get(id: string): Value | undefined {
    return this.values.get(id);
  }
  num(id: string, op: '>=' | '<=' | '>' | '<', t: string): Truth {
    const v = this.values.get(id);
    if (v?.kind !== 'num') return 'unknown';
    const c = v.q.cmp(q(t));
    return op === '>=' ? c >= 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c < 0;
  }
  is(id: string, s: string | boolean): Truth {
    const v = this.values.get(id);
    if (v === undefined) return 'unknown';
    if (typeof s === 'boolean') return v.kind === 'bool' && v.b === s;
    return v.kind === 'sym' && v.s === s;
  }
  flag(id: string): Truth {
    return this.is(id, true);
  }
}

/**
 * Points of an indicator for a valid, present value (§3 bands, first match; conditional points), with the index
 * of the band or mapping entry that gave them in the order of the text (§6).
 */
function points(ind: Indicator, v: Value, facts: Facts): { points: Rational; matched: number } {
  const hit = (n: number, i: number): { points: Rational; matched: number } => ({ points: Rational.fromInt(n), matched: i });
  const s = ind.scoring;
  switch (s.kind) {
    case 'bands': {
      if (v.kind !== 'num') throw new Error(`${ind.id}: not a number`);
      for (const [i, b] of s.bands.entries()) {
        if (b.op === 'else') return hit(b.pts, i);
        const c = v.q.cmp(q(b.t));
        if (b.op === '>=' ? c >= 0 : b.op === '<=' ? c <= 0 : b.op === '>' ? c > 0 : c < 0) return hit(b.pts, i);
      }
      throw new Error(`${ind.id}: no band matched`);
    }
    case 'map': {
      if (v.kind !== 'sym') throw new Error(`${ind.id}: not a symbol`);
      const i = [...s.map.keys()].indexOf(v.s);
      if (ind.id === 'mlps_level' && v.s === 'intl_equiv') {
        // "60 when not `mainland_ops`, else 0": an unknown condition gives the else value.
        return hit(not(facts.flag('mainland_ops')) === true ? 60 : 0, i);
      }
      const p = s.map.get(v.s);
      if (p === undefined) throw new Error(`${ind.id}: unmapped ${v.s}`);
      return hit(p, i);
    }
    case 'framework': {
      if (v.kind !== 'obj') throw new Error(`${ind.id}: not an object`);
      const f = v.fields.get('frameworks');
      const a = v.fields.get('architectures');
      if (f?.kind !== 'num' || a?.kind !== 'num') throw new Error(`${ind.id}: members`);
      const ge = (x: Rational, n: number): boolean => x.ge(Rational.fromInt(n));
      if (ge(f.q, 4) && ge(a.q, 3)) return hit(100, 0);
      if (ge(f.q, 3) && ge(a.q, 2)) return hit(75, 1);
      if (ge(f.q, 2)) return hit(50, 2);
      return hit(25, 3);
    }
  }
}

/** The oracle's result in the JSON shape of `toResultJson` (without messages: errors and warnings are compared as fields). */
export function oracleJson(o: OracleResult): Omit<ResultJson, 'errors' | 'warnings'> {
  const dimensions: ResultJson['dimensions'] = {};
  for (const [id, d] of Object.entries(o.dimensions))
    dimensions[id] = { score: d.score.toJSONNumber(), weight: d.weight.toJSONNumber(), share: d.share.toJSONNumber() };
  const indicators: ResultJson['indicators'] = {};
  for (const [id, i] of Object.entries(o.indicators))
    indicators[id] = {
      ...(i.value !== undefined ? { value: i.value } : {}),
      points: i.points === null ? null : i.points.toJSONNumber(),
      status: i.status,
      weight: i.weight.toJSONNumber(),
      ...(i.field !== undefined ? { field: i.field } : {}),
    };
  return {
    platform: o.platform,
    outcome: o.outcome,
    level: o.level,
    total: o.total.toJSONNumber(),
    dimensions,
    indicators,
    prerequisitesFailed: o.prerequisitesFailed,
    vetoes: o.vetoes,
  };
}

/** Assesses one platform under `version` from the text of the standard. */
export function assessStandard(version: Version, platform: string, evidence: unknown): OracleResult {
  const indicators = INDICATORS(version);
  const facts = FACTS;
  const errorFields: string[] = [];
  const warningFields: string[] = [];
  const values = new Map<string, Value>();
  const usedField = new Map<string, string>();
  const ev: Readonly<Record<string, unknown>> =
    typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence) ? (evidence as Record<string, unknown>) : {};
  if (ev !== evidence) errorFields.push('');

  const known = new Set<string>();
  const check = (field: string, t: FieldType, into: string): void => {
    const raw = present(ev, field);
    if (raw === undefined) return;
    const memberWarnings: string[] = [];
    const v = readValue(t, raw, (m) => memberWarnings.push(`${field}.${m}`));
    if (v === undefined) errorFields.push(field);
    else {
      warningFields.push(...memberWarnings);
      values.set(into, v);
    }
  };
  for (const f of facts) {
    known.add(f.id);
    check(f.id, f.type, f.id);
  }
  for (const ind of indicators) {
    known.add(ind.id);
    if (ind.formerId !== undefined) {
      known.add(ind.formerId);
      if (present(ev, ind.id) !== undefined) {
        check(ind.id, ind.type, ind.id);
        if (present(ev, ind.formerId) !== undefined) warningFields.push(ind.formerId);
      } else if (present(ev, ind.formerId) !== undefined) {
        check(ind.formerId, ind.type, ind.id);
        usedField.set(ind.id, ind.formerId);
      }
    } else {
      check(ind.id, ind.type, ind.id);
    }
  }
  for (const k of Object.keys(ev)) {
    if (known.has(k) || present(ev, k) === undefined) continue;
    // Issue 14: an unknown field that is a field's id in other letters (`Mainland_ops`) while that field is not
    // given is an error, not a silent 0 (the generator's unknown fields are either that or unlike any field).
    const meant = [...known].find((id) => id.toLowerCase() === k.toLowerCase());
    const owner = indicators.find((i) => i.id === meant || i.formerId === meant);
    const given = meant !== undefined && [meant, owner?.id, owner?.formerId].some((f) => f !== undefined && present(ev, f) !== undefined);
    if (meant !== undefined && !given) errorFields.push(k);
    else warningFields.push(k);
  }
  // Issue 14: numbers the bands make implausible. A percentage (0–100) whose ≥ bands start at 10 or more holding a
  // value in (0, 1) is a fraction, and so is exactly 1 where they start at 50 or more (1 % is absurd there): an error. Far below the lowest ≥ bound (under a hundredth) or far above the
  // highest ≤ bound (over a hundred times, when the type allows it): a warning.
  for (const ind of indicators) {
    const v = values.get(ind.id);
    if (v?.kind !== 'num' || ind.scoring.kind !== 'bands' || ind.type.kind !== 'num') continue;
    const field = usedField.get(ind.id) ?? ind.id;
    const bounds = ind.scoring.bands.flatMap((b) => (b.op === 'else' ? [] : [Rational.parse(b.t) as Rational]));
    const higher = ind.scoring.bands.some((b) => b.op === '>=' || b.op === '>');
    const lo = bounds.reduce((a, b) => (b.lt(a) ? b : a));
    const hi = bounds.reduce((a, b) => (b.gt(a) ? b : a));
    const q = v.q;
    const hundred = Rational.fromInt(100);
    const pct = ind.type.max === '100' && ind.type.min === '0';
    if (higher && pct && !lo.lt(Rational.fromInt(10))) {
      const upTo1 = lo.lt(Rational.fromInt(50)) ? q.lt(Rational.ONE) : !q.gt(Rational.ONE);
      if (q.sign() > 0 && upTo1) errorFields.push(field);
    } else if (higher && lo.sign() > 0 && q.sign() > 0 && q.lt(lo.div(hundred))) warningFields.push(field);
    const max = ind.type.max === undefined ? undefined : Rational.parse(ind.type.max);
    if (!higher && hi.sign() > 0 && q.gt(hi.mul(hundred)) && !(max !== undefined && !max.gt(hi.mul(hundred)))) warningFields.push(field);
  }

  const dimW = dimensionWeights(version);
  if (errorFields.length > 0) {
    return {
      platform,
      outcome: 'invalid',
      level: null,
      total: Rational.ZERO,
      dimensions: {},
      indicators: {},
      prerequisitesFailed: [],
      vetoes: [],
      errorFields: [...new Set(errorFields)].sort(),
      warningFields: [...new Set(warningFields)].sort(),
      levelOwn: {},
    };
  }

  const F = new Facts(values);

  // Indicators: applicability, status, points (§1 Not applicable, Missing evidence).
  const raw = new Map<string, { status: IndicatorStatus; points: Rational | null; v: Value | undefined; matched?: number }>();
  for (const ind of indicators) {
    const v = F.get(ind.id);
    const applies = ind.appliesWhen === undefined ? true : F.flag(ind.appliesWhen) !== false;
    if (!applies) raw.set(ind.id, { status: 'not_applicable', points: null, v });
    else if (v === undefined) raw.set(ind.id, { status: 'missing', points: Rational.ZERO, v });
    else raw.set(ind.id, { status: 'scored', v, ...points(ind, v, F) });
  }

  // Dimensions: weight redistribution in proportion, scores, shares (§1 Score).
  const dimensions: OracleResult['dimensions'] = {};
  const out: Record<string, OracleIndicator> = {};
  let total = Rational.ZERO;
  for (const [dim, w] of dimW) {
    const inds = indicators.filter((i) => i.dim === dim);
    let applicable = Rational.ZERO;
    for (const i of inds) if (raw.get(i.id)?.status !== 'not_applicable') applicable = applicable.add(Rational.fromInt(i.w));
    let score = Rational.ZERO;
    for (const i of inds) {
      const r = raw.get(i.id);
      if (!r) throw new Error('unreachable');
      const eff =
        r.status === 'not_applicable' || applicable.isZero() ? Rational.ZERO : Rational.fromInt(i.w).mul(w).div(applicable);
      if (r.points) score = score.add(eff.mul(r.points).div(HUNDRED));
      const field = usedField.get(i.id);
      out[i.id] = {
        ...(r.v !== undefined ? { value: valueJson(r.v) } : {}),
        points: r.points,
        status: r.status,
        weight: eff,
        ...(field !== undefined ? { field } : {}),
        ...(r.matched !== undefined ? { matched: r.matched } : {}),
      };
    }
    dimensions[dim] = { score, weight: w, share: w.isZero() ? Rational.ZERO : score.div(w) };
    total = total.add(score);
  }

  // Vetoes (§4, C07, C11).
  const v1 = version === '0.9' ? '20' : '10';
  const vetoes: [string, Truth][] = [
    ['V1', or(F.num('declared_vs_measured_gap', '>', v1), F.is('metric_disclosure', 'misleading'))],
    ['V2', F.is('major_security_incidents', 'major')],
    ['V3', and(F.flag('mainland_ops'), or(F.is('mlps_level', 'none'), F.is('mlps_level', 'intl_equiv')))],
    ['V4', F.flag('falsified_evidence')],
  ];
  if (version === '1.0') {
    vetoes.push(['V5', and(F.flag('sells_exclusive_cards'), F.num('oversubscription_ratio', '>', '1.00'))]);
    vetoes.push(['V6', and(F.flag('cross_border_data_flow'), F.is('cross_border_data_compliance', 'noncompliant'))]);
  }
  const anyFires = vetoes.some(([, t]) => t === true);
  const anyUnknown = vetoes.some(([, t]) => t === 'unknown');

  // Prerequisites (§4, C12); a prerequisite that is not true fails.
  const prereqs: [string, Truth][] = [
    ['P1', F.flag('independent_legal_entity')],
    ['P2', F.num('months_in_operation', '>=', version === '0.9' ? '6' : '12')],
    ['P3', not(F.is('interruption_compensation', 'none'))],
    ['P4', anyFires || !anyUnknown],
  ];
  const prerequisitesFailed = prereqs.filter(([, t]) => t !== true).map(([id]) => id);
  const fired = vetoes.filter(([, t]) => t === true).map(([id]) => id);

  // Each level's own conditions (§5), computed for every platform (the explanation lists those that fail).
  const levelOwn: Record<string, Truth> = {};
  for (const L of LEVELS(version)) {
    const gates: Truth[] = [total.ge(q(L.total)), Object.values(dimensions).every((d) => d.share.mul(HUNDRED).ge(q(L.share)))];
    for (const [field, op, t] of L.gates) {
      if (op === 'in') gates.push(or(...t.split(',').map((s) => F.is(field, s))));
      else gates.push(F.num(field, op, t));
    }
    levelOwn[L.id] = and(...gates);
  }

  // Level (§5): cumulative, the highest level whose every condition (and those below) holds.
  let level: string | null = null;
  let outcome: Outcome;
  if (prerequisitesFailed.length > 0) outcome = 'not_rated';
  else if (fired.length > 0) outcome = 'vetoed';
  else {
    outcome = 'graded';
    level = 'L0';
    for (const L of LEVELS(version)) {
      if (levelOwn[L.id] !== true) break;
      level = L.id;
    }
  }

  return {
    platform,
    outcome,
    level,
    total,
    dimensions,
    indicators: out,
    prerequisitesFailed,
    vetoes: fired,
    errorFields: [],
    warningFields: [...new Set(warningFields)].sort(),
    levelOwn,
  };
}
