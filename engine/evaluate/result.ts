// The result of assessing one platform, exact (`Assessment`) and as JSON (`ResultJson`), and the decision alone
// (`Decision`, `DecisionJson`). In: nothing (types and the exact → JSON conversions). Out: the shapes every front
// end prints; `toResultJson` and `toDecisionJson` are the only places exact values become JSON numbers.

import type { Rational } from '../numbers/rational';

import type { Outcome } from '../semantics/outcome';
export type { Outcome };
export type IndicatorStatus = 'scored' | 'missing' | 'not_applicable';

export interface EvidenceIssue {
  /** Evidence field (dotted for object members, e.g. `framework_chip_adaptation.frameworks`); '' for the file. */
  readonly field: string;
  /** Catalogue code (E1xx). */
  readonly code: string;
  /** Rendered message (in the language asked for). */
  readonly message: string;
  /** Arguments of the message, for tools. */
  readonly args?: Readonly<Record<string, string | number>>;
}

/** A value read from evidence, as the engine sees it. */
export type EvidenceValue =
  | { readonly kind: 'num'; readonly q: Rational }
  | { readonly kind: 'bool'; readonly b: boolean }
  | { readonly kind: 'sym'; readonly s: string }
  | { readonly kind: 'obj'; readonly fields: ReadonlyMap<string, EvidenceValue> };

export interface IndicatorResult {
  readonly id: string;
  readonly dimension: string;
  readonly status: IndicatorStatus;
  /** Absent when missing or not applicable and no value was given. */
  readonly value?: EvidenceValue;
  /** The evidence field the value came from (`compute_redundancy` for a renamed indicator). */
  readonly field?: string;
  /** null when not applicable. */
  readonly points: Rational | null;
  /** Declared weight. */
  readonly weight: Rational;
  /** Weight after redistribution of not-applicable indicators (0 when not applicable). */
  readonly effectiveWeight: Rational;
  /** effectiveWeight × points ÷ 100 (0 when not applicable). */
  readonly contribution: Rational;
  /** Index of the band or mapping entry that gave the points (source order), if any. */
  readonly matched?: number;
}

/** A derived value of an assessment: `value` null when unknown, with the missing fields that made it so. */
export interface DerivedResult {
  readonly id: string;
  readonly value: EvidenceValue | null;
  readonly missing: readonly string[];
}

export interface DimensionResult {
  readonly id: string;
  readonly weight: Rational;
  readonly score: Rational;
  /** score ÷ weight (0 when weight is 0). */
  readonly share: Rational;
}

/** Three-valued truth of a condition. */
export type Truth = true | false | 'unknown';

export interface RuleResult {
  readonly id: string;
  readonly truth: Truth;
  /** Evidence fields whose absence made the condition unknown. */
  readonly missing: readonly string[];
}

export interface LevelCheck {
  readonly id: string;
  /** Whether every condition of the level (and, when cumulative, of the levels below) holds. */
  readonly holds: boolean;
  /** Index of each `require` of this level that did not hold, with its truth. */
  readonly failed: readonly { readonly index: number; readonly truth: Truth }[];
}

/**
 * One evidence field that was missing (absent or null) and what its absence cost: the indicators it left at 0
 * points (each with the points of the total it could have given: its effective weight), the prerequisites that
 * do not hold for want of it, and the vetoes left undecided.
 */
export interface MissingEvidence {
  readonly field: string;
  readonly indicators: readonly { readonly id: string; readonly dimension: string; readonly upTo: Rational }[];
  readonly prerequisites: readonly string[];
  readonly vetoes: readonly string[];
  /** Derived values left unknown for want of the field (absent when none). */
  readonly derived?: readonly string[];
  /** The formula total read the field: it is reported as 0 (absent when not). */
  readonly total?: true;
}

/** What `missingOf` reads of an assessment (the compiled plan passes its missing indicators alone). */
export interface MissingSource {
  readonly indicators: readonly Pick<IndicatorResult, 'id' | 'dimension' | 'status' | 'value' | 'effectiveWeight'>[];
  readonly prerequisites: readonly Pick<RuleResult, 'id' | 'truth' | 'missing'>[];
  readonly vetoes: readonly Pick<RuleResult, 'id' | 'truth' | 'missing'>[];
  readonly derived?: readonly Pick<DerivedResult, 'id' | 'value' | 'missing'>[];
  readonly totalMissing?: readonly string[];
}

/** The missing evidence of an assessment, field by field in the order the ruleset reads them. */
export function missingOf(a: MissingSource): readonly MissingEvidence[] {
  const byField = new Map<string, { field: string; indicators: MissingEvidence['indicators'][number][]; prerequisites: string[]; vetoes: string[] }>();
  const entry = (field: string): { field: string; indicators: MissingEvidence['indicators'][number][]; prerequisites: string[]; vetoes: string[] } => {
    let e = byField.get(field);
    if (e === undefined) byField.set(field, (e = { field, indicators: [], prerequisites: [], vetoes: [] }));
    return e;
  };
  for (const i of a.indicators) {
    if (i.status === 'missing' && i.value === undefined) entry(i.id).indicators.push({ id: i.id, dimension: i.dimension, upTo: i.effectiveWeight });
  }
  for (const p of a.prerequisites) if (p.truth !== true) for (const f of p.missing) entry(f).prerequisites.push(p.id);
  for (const v of a.vetoes) if (v.truth === 'unknown') for (const f of v.missing) entry(f).vetoes.push(v.id);
  const derived = new Map<string, string[]>();
  for (const d of a.derived ?? []) {
    if (d.value !== null) continue;
    for (const f of d.missing) {
      entry(f);
      derived.set(f, [...(derived.get(f) ?? []), d.id]);
    }
  }
  for (const f of a.totalMissing ?? []) entry(f);
  const total = new Set(a.totalMissing ?? []);
  return [...byField.values()].map((e) => {
    const ds = derived.get(e.field);
    return { ...e, ...(ds ? { derived: ds } : {}), ...(total.has(e.field) ? { total: true as const } : {}) };
  });
}

/** What every result about a platform starts with. */
interface Verdict {
  readonly platform: string;
  readonly name?: string;
  readonly outcome: Outcome;
  readonly level: string | null;
  readonly total: Rational;
}

export interface Assessment extends Verdict {
  /** A formula total that read missing evidence: the fields (the total is then reported as 0). */
  readonly totalMissing?: readonly string[];
  /** Derived values in declaration order (present when the ruleset declares any; absent when `invalid`). */
  readonly derived?: readonly DerivedResult[];
  readonly dimensions: readonly DimensionResult[];
  readonly indicators: readonly IndicatorResult[];
  readonly prerequisites: readonly RuleResult[];
  readonly vetoes: readonly RuleResult[];
  readonly levels: readonly LevelCheck[];
  readonly errors: readonly EvidenceIssue[];
  readonly warnings: readonly EvidenceIssue[];
}

/**
 * The decision about a platform without its per-dimension and per-indicator detail: what batch consumers of a
 * large corpus need (`CompiledRuleset.decide`, `assay eval --decision`). Equal to the same fields of `Assessment`,
 * evidence errors and warnings included.
 */
export interface Decision extends Verdict {
  /** Ids of the prerequisites that do not hold (false or unknown). */
  readonly prerequisitesFailed: readonly string[];
  /** Ids of the vetoes that fire. */
  readonly vetoes: readonly string[];
  /** Evidence that was missing and what it cost (empty when nothing read was missing). */
  readonly missing: readonly MissingEvidence[];
  readonly errors: readonly EvidenceIssue[];
  readonly warnings: readonly EvidenceIssue[];
}

/** The decision fields of an assessment. */
export function decisionOf(a: Assessment): Decision {
  return {
    platform: a.platform,
    ...(a.name !== undefined ? { name: a.name } : {}),
    outcome: a.outcome,
    level: a.level,
    total: a.total,
    prerequisitesFailed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    missing: a.outcome === 'invalid' ? [] : missingOf(a),
    errors: a.errors,
    warnings: a.warnings,
  };
}

export type DecisionJson = Omit<ResultJson, 'dimensions' | 'indicators'>;

export function toDecisionJson(d: Decision): DecisionJson {
  // Key by key in the published order (no spreads: a conditional spread costs more than the rest of the object).
  const o = (d.name !== undefined
    ? { platform: d.platform, name: d.name, outcome: d.outcome, level: d.level, total: d.total.toJSONNumber() }
    : { platform: d.platform, outcome: d.outcome, level: d.level, total: d.total.toJSONNumber() }) as DecisionJson;
  o.prerequisitesFailed = d.prerequisitesFailed.slice();
  o.vetoes = d.vetoes.slice();
  if (d.missing.length > 0) o.missing = d.missing.map(missingJson);
  o.errors = d.errors.map(issueJson);
  o.warnings = d.warnings.map(issueJson);
  return o;
}

/** An evidence issue as the JSON result gives it. */
export function issueJson(e: EvidenceIssue): { field: string; message: string; code: string } {
  return { field: e.field, message: e.message, code: e.code };
}

export interface RulesetIdentity {
  readonly id: string;
  readonly version: string;
  readonly status: string;
  readonly date?: string;
  readonly hash: string;
}

export type ValueJson = number | boolean | string | { readonly [k: string]: ValueJson };

export interface ResultJson {
  platform: string;
  name?: string;
  outcome: Outcome;
  level: string | null;
  total: number;
  /** Derived values (present when the ruleset declares any): exact decimal text, a truth value, an enum value; null when unknown. */
  derived?: Record<string, string | boolean | null>;
  dimensions: Record<string, { score: number; weight: number; share: number }>;
  indicators: Record<
    string,
    { value?: ValueJson; points: number | null; status: IndicatorStatus; weight: number; field?: string }
  >;
  prerequisitesFailed: string[];
  vetoes: string[];
  /** Present when evidence the ruleset reads was missing. */
  missing?: MissingJson[];
  errors: { field: string; message: string; code: string }[];
  warnings: { field: string; message: string; code: string }[];
}

export interface MissingJson {
  field: string;
  /** Indicators scored 0 for want of the field, with the points of the total each could have given. */
  indicators: { id: string; dimension: string; upTo: number }[];
  prerequisites: string[];
  vetoes: string[];
  derived?: string[];
  total?: true;
}

export function missingJson(m: MissingEvidence): MissingJson {
  const o: MissingJson = {
    field: m.field,
    indicators: m.indicators.map((i) => ({ id: i.id, dimension: i.dimension, upTo: i.upTo.toJSONNumber() })),
    prerequisites: m.prerequisites.slice(),
    vetoes: m.vetoes.slice(),
  };
  // Key by key (no conditional spreads), in the published order.
  if (m.derived) o.derived = m.derived.slice();
  if (m.total) o.total = true;
  return o;
}

/**
 * A derived value as data: a number as `num` writes it, an enum value, a boolean, or null when unknown (a derived
 * value is never an object: the checker types it).
 */
export function derivedData<N>(v: EvidenceValue | null, num: (q: Rational) => N): N | string | boolean | null {
  if (v === null) return null;
  switch (v.kind) {
    case 'num':
      return num(v.q);
    case 'bool':
      return v.b;
    case 'sym':
      return v.s;
    case 'obj':
      return null;
  }
}

/** A derived value in the JSON result: exact decimal text (10 places at most when the expansion does not end). */
export function derivedJson(v: EvidenceValue | null): string | boolean | null {
  return derivedData(v, (q) => q.toDecimalString());
}

export function valueToJson(v: EvidenceValue): ValueJson {
  switch (v.kind) {
    case 'num':
      return v.q.toJSONNumber();
    case 'bool':
      return v.b;
    case 'sym':
      return v.s;
    case 'obj': {
      const o: Record<string, ValueJson> = {};
      for (const [k, x] of v.fields) o[k] = valueToJson(x);
      return o;
    }
  }
}

/** The CLI's JSON shape of one result (issue #2). Dimension and indicator maps keep declaration order. */
export function toResultJson(a: Assessment): ResultJson {
  const dimensions: ResultJson['dimensions'] = {};
  for (const d of a.dimensions) {
    dimensions[d.id] = { score: d.score.toJSONNumber(), weight: d.weight.toJSONNumber(), share: d.share.toJSONNumber() };
  }
  const indicators: ResultJson['indicators'] = {};
  for (const i of a.indicators) {
    const points = i.points === null ? null : i.points.toJSONNumber();
    const weight = i.effectiveWeight.toJSONNumber();
    // Fixed shapes in the published key order: value (when read), points, status, weight, field (when another id).
    const field = i.field !== undefined && i.field !== i.id ? i.field : undefined;
    if (i.value === undefined) indicators[i.id] = field === undefined ? { points, status: i.status, weight } : { points, status: i.status, weight, field };
    else {
      const value = valueToJson(i.value);
      indicators[i.id] = field === undefined ? { value, points, status: i.status, weight } : { value, points, status: i.status, weight, field };
    }
  }
  // The decision's fields, with the detail between the total and the rules (the published key order), key by key.
  const d = toDecisionJson(decisionOf(a));
  const out = (d.name !== undefined
    ? { platform: d.platform, name: d.name, outcome: d.outcome, level: d.level, total: d.total }
    : { platform: d.platform, outcome: d.outcome, level: d.level, total: d.total }) as ResultJson;
  if (a.derived) {
    const derived: Record<string, string | boolean | null> = {};
    for (const x of a.derived) derived[x.id] = derivedJson(x.value);
    out.derived = derived;
  }
  out.dimensions = dimensions;
  out.indicators = indicators;
  out.prerequisitesFailed = d.prerequisitesFailed;
  out.vetoes = d.vetoes;
  if (d.missing !== undefined) out.missing = d.missing;
  out.errors = d.errors;
  out.warnings = d.warnings;
  return out;
}
