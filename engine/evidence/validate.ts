// Validating one platform's evidence against the ruleset: JSON Schema (ajv) plus exact checks, then reading values.
// In: a model, its compiled check, the evidence map (plain data, as parsed or as given by a caller), a language.
// Out: values by current id (exact numbers), the field each came from, and E1xx errors and warnings.
//
// - `null` counts as absent. Unknown fields and object members are warnings (with "did you mean" when a ruleset
//   field is close), except an unknown field close to a field that is missing: an error unless lenient (E161).
// - Plausibility (engine/evidence/intake.ts): a percentage written as a fraction is an error unless lenient (E162),
//   a value far outside its bands a warning (E163, E164); numbers written as text say what to write (E165, E166).
// - A former id is read as its indicator; when the new id is given too, the old one is ignored with a warning.
// - Keys are only ever read as own properties and stored in Maps: `__proto__` and friends are plain unknown fields.
// - Numbers are exact: from their source text when they came from `parseEvidenceText`, else the shortest
//   decimal that round-trips the double. Domains and integer-ness are checked again on the exact value.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Lang } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import type { Code } from '../../dsl/messages';
import { defineOwn, exactNumber, renderFound } from './read';
import { fieldHint, implausible, percentOf, plausibilityRules, textNumberFix } from './intake';
import { fieldsSchema, type JsonSchema } from './schema';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { EvidenceIssue, EvidenceValue } from '../evaluate/result';
import { withinBounds, type NumberType, type ValueType } from '../model/value-type';
import { ratOf } from '../plan/num';

/** The compiled validator of a model's evidence (built once per ruleset). */
export interface EvidenceCheck {
  readonly schema: JsonSchema;
  /** The schema's errors for the evidence map (null-free, as `validateEvidence` cleans it); empty when valid. */
  readonly validate: (data: object) => readonly ErrorObject[];
}

/** Compiled once per model: compiling a schema costs milliseconds, and tools (gap plans, reports) ask per platform. */
const checks = new WeakMap<Model, EvidenceCheck>();
/**
 * And once per schema: the variants of a ruleset that impact attribution compiles (one per diff entry and pair of
 * entries) mostly declare the same fields. The check depends on nothing but the schema. Bounded: cleared when full.
 */
const bySchema = new Map<string, EvidenceCheck>();
const BY_SCHEMA_MAX = 64;

/**
 * One ajv validator per distinct property schema, shared by every ruleset: a ruleset of 30,000 percentages has a
 * handful of them, where compiling its whole schema at once took seconds and grew faster than the ruleset (ajv's
 * code generation over one function of 30,000 properties). Bounded: cleared when full.
 */
const byProperty = new Map<string, ValidateFunction>();
const BY_PROPERTY_MAX = 1024;
let ajv: Ajv | undefined;

function propertyValidator(schema: unknown): ValidateFunction {
  // `description` is an annotation: it does not change what is valid, and two fields rarely share it.
  const { description: _, ...rules } = schema as Record<string, unknown>;
  const key = JSON.stringify(rules);
  let v = byProperty.get(key);
  if (v === undefined) {
    // No meta-schema validation (compiling the meta-schema costs more than all of a ruleset's property schemas): the
    // schemas are made by `fieldsSchema`, and strict mode still refuses an unknown keyword.
    ajv ??= new Ajv({ allErrors: true, strict: true, strictTypes: false, ownProperties: true, coerceTypes: false, useDefaults: false, validateSchema: false });
    v = ajv.compile(rules);
    if (byProperty.size >= BY_PROPERTY_MAX) {
      byProperty.clear();
      ajv = undefined;
    }
    byProperty.set(key, v);
  }
  return v;
}

/** A property name as ajv writes it in an error's `instancePath` (JSON Pointer). */
function pointerOf(key: string): string {
  return '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The check of `schema` (`{ type: 'object', properties }`, as `fieldsSchema(model, false)` makes it): each property
 * present as an own property validated by its own validator, in the schema's property order, with `allErrors` — the
 * errors ajv gives for the whole schema, in the same order (the root is always an object: the caller builds it).
 */
function checkOf(schema: JsonSchema): EvidenceCheck {
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  // As ajv's `properties` keyword: every own key but `__proto__`, in order.
  const props = Object.keys(properties)
    .filter((k) => k !== '__proto__')
    .map((key) => ({ key, pointer: pointerOf(key), validate: propertyValidator(properties[key]) }));
  const hasOwn = Object.prototype.hasOwnProperty;
  return {
    schema,
    validate: (data) => {
      let errors: ErrorObject[] | undefined;
      for (const p of props) {
        const x = (data as Record<string, unknown>)[p.key];
        if (x === undefined || !hasOwn.call(data, p.key) || p.validate(x)) continue;
        errors ??= [];
        for (const e of p.validate.errors ?? []) errors.push({ ...e, instancePath: p.pointer + e.instancePath });
      }
      return errors ?? [];
    },
  };
}

export function compileEvidenceCheck(model: Model): EvidenceCheck {
  let check = checks.get(model);
  if (check === undefined) {
    const schema = fieldsSchema(model, false);
    const key = JSON.stringify(schema);
    check = bySchema.get(key);
    if (check === undefined) {
      check = checkOf(schema);
      if (bySchema.size >= BY_SCHEMA_MAX) bySchema.clear();
      bySchema.set(key, check);
    }
    checks.set(model, check);
  }
  return check;
}

export interface ValidatedEvidence {
  /** Values by current id (inputs and indicators). */
  readonly values: ReadonlyMap<string, EvidenceValue>;
  /** Current id → the evidence key the value was read from (differs for a former id). */
  readonly fields: ReadonlyMap<string, string>;
  readonly errors: readonly EvidenceIssue[];
  readonly warnings: readonly EvidenceIssue[];
}

/** The value of an own property (an inherited one is none); the compiled plan reads evidence the same way. */
function ownValue(o: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Language-neutral rendering of an evidence value: `99.99`, `L3`, `{frameworks: 2, architectures: 1}`. */
export function renderValue(v: EvidenceValue): string {
  switch (v.kind) {
    case 'num':
      return v.q.toDecimalString();
    case 'bool':
      return String(v.b);
    case 'sym':
      return v.s;
    case 'obj':
      return `{${[...v.fields].map(([k, x]) => `${k}: ${renderValue(x)}`).join(', ')}}`;
    default:
      return assertNever(v, 'evidence value');
  }
}

/** Domain text of a numeric type in the DSL's own notation: `>= 1`, `0 to 100`, `> 0, <= 7`. */
export function domainText(t: NumberType): string {
  if (t.min && t.max && t.min.inclusive && t.max.inclusive) return `${t.min.value} to ${t.max.value}`;
  const parts: string[] = [];
  if (t.min) parts.push(`${t.min.inclusive ? '>=' : '>'} ${t.min.value}`);
  if (t.max) parts.push(`${t.max.inclusive ? '<=' : '<'} ${t.max.value}`);
  return parts.join(', ');
}

/** Codes that are warnings: the platform is still assessed. */
const WARNINGS: ReadonlySet<string> = new Set<Code>(['E120', 'E121', 'E122', 'E160', 'E163', 'E164', 'E167']);

/** Options of validation. */
export interface ValidateOptions {
  /** E161 and E162 become the warnings E160 and E167: the platform is scored as the evidence is. */
  readonly lenient?: boolean;
}

class Issues {
  readonly errors: EvidenceIssue[] = [];
  readonly warnings: EvidenceIssue[] = [];
  /** Fields (dotted paths) already reported as errors: one error per field. */
  readonly bad = new Set<string>();
  /** Every proper prefix of a path in `bad` that ends before a dot (`a`, `a.b` of `a.b.c`): keys with a bad member. */
  readonly badWithin = new Set<string>();
  constructor(private readonly lang: Lang) {}
  add(code: Code, field: string, args: Record<string, string | number>): void {
    const issue: EvidenceIssue = { field, code, message: renderMessage({ code, args }, this.lang), args };
    if (WARNINGS.has(code)) {
      this.warnings.push(issue);
      return;
    }
    if (this.bad.has(field)) return;
    this.bad.add(field);
    for (let i = field.indexOf('.'); i >= 0; i = field.indexOf('.', i + 1)) this.badWithin.add(field.slice(0, i));
    this.errors.push(issue);
  }
}

/**
 * Validates and reads one platform's evidence. Never throws on any input. `check` undefined skips the JSON Schema
 * step: only for evidence the engine already accepted (a tool re-reading it exactly, such as the improvement
 * search), since compiling the schema of a ruleset of thousands of fields takes seconds.
 */
export function validateEvidence(model: Model, check: EvidenceCheck | undefined, evidence: unknown, lang: Lang, opts: ValidateOptions = {}): ValidatedEvidence {
  const issues = new Issues(lang);
  const values = new Map<string, EvidenceValue>();
  const fields = new Map<string, string>();
  if (!isRecord(evidence)) {
    issues.add('E136', '', { found: renderFound(evidence) });
    return { values, fields, errors: issues.errors, warnings: issues.warnings };
  }

  // 1. Which keys are read, under which id; nulls are absent.
  // Each with its field's type, looked up once (a map of 30,000 fields misses the cache on every lookup).
  const picked = new Map<string, { key: string; raw: unknown; t: ValueType | undefined }>();
  const keys = Object.keys(evidence);
  for (const key of keys) {
    const raw = ownValue(evidence, key);
    if (raw === null || raw === undefined) continue;
    const field = model.fields.get(key);
    if (field !== undefined) {
      picked.set(key, { key, raw, t: field.type });
      continue;
    }
    const renamed = model.formerIds.get(key);
    if (renamed !== undefined) {
      const current = ownValue(evidence, renamed);
      if (Object.prototype.hasOwnProperty.call(evidence, renamed) && current !== null && current !== undefined) {
        issues.add('E121', key, { old: key, new: renamed });
      } else picked.set(renamed, { key, raw, t: model.fields.get(renamed)?.type });
      continue;
    }
    unknownField(model, evidence, key, opts.lenient === true, issues);
  }

  // 1b. Required fields (`required`, or every field read under `evidence required`): one error per missing field.
  for (const id of model.required) if (!picked.has(id)) issues.add('E170', id, { field: id });

  // 2. Non-finite numbers are reported before the schema sees them (ajv would call them wrong types).
  const clean: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const p of picked.values()) {
    const t = p.t;
    const nf = nonFinite(p.raw, t, p.key);
    if (nf) {
      issues.add('E108', nf.path, { field: nf.path, found: renderFound(nf.value) });
      continue;
    }
    // `clean` has no prototype, so an assignment defines an own data property (even for `__proto__`).
    clean[p.key] = t ? stripNulls(p.raw, t, p.key, issues) : p.raw;
  }

  // 3. The schema.
  if (check) for (const e of check.validate(clean)) translate(e, model, clean, issues);

  // 4. Exact reading and exact re-checks of what the schema accepted.
  for (const [id, p] of picked) {
    if (issues.bad.has(p.key) || issues.badWithin.has(p.key)) continue;
    const t = p.t;
    if (!t) continue;
    const v = read(ownValue(clean, p.key), t, evidence, p.key, p.key, issues);
    if (v?.kind === 'num' && t.kind === 'number') plausible(model, id, t, v.q, p.key, opts.lenient === true, issues);
    if (v && !issues.bad.has(p.key)) {
      values.set(id, v);
      fields.set(id, p.key);
    }
  }
  return { values, fields, errors: issues.errors, warnings: issues.warnings };
}

/** Whether the evidence gives a field a value, under its id or a former id. */
function given(model: Model, evidence: object, id: string): boolean {
  const has = (k: string): boolean => {
    const v = ownValue(evidence, k);
    return v !== null && v !== undefined;
  };
  const f = model.fields.get(id);
  return has(id) || (f?.kind === 'indicator' && f.info.formerly.some(has));
}

/** An unknown key: ignored (E120, or E160 with the field it looks like), or E161 when that field is missing. */
function unknownField(model: Model, evidence: object, key: string, lenient: boolean, issues: Issues): void {
  const name = fieldHint(model, key);
  if (name === undefined) issues.add('E120', key, { field: key });
  else if (!lenient && !given(model, evidence, name)) issues.add('E161', key, { field: key, name });
  else issues.add('E160', key, { field: key, name });
}

/** A number its bands make implausible: a percentage as a fraction (E162, E167 when lenient), far off (E163, E164). */
function plausible(model: Model, id: string, t: NumberType, q: Rational, key: string, lenient: boolean, issues: Issues): void {
  const rules = plausibilityRules(model).get(id);
  const r = rules ? implausible(rules, q) : undefined;
  if (!r) return;
  const args = { field: key, found: q.toDecimalString(), bound: r.bound.toDecimalString() };
  switch (r.kind) {
    case 'fraction': {
      const fixed = percentOf(t, q);
      if (fixed) issues.add(lenient ? 'E167' : 'E162', key, { ...args, fixed: fixed.toDecimalString() });
      return;
    }
    case 'below':
      issues.add('E163', key, args);
      return;
    case 'above':
      issues.add('E164', key, args);
      return;
    default:
      assertNever(r.kind, 'plausibility rule');
  }
}

/** The first non-finite number in `v`, looking only where the type has members (so depth is bounded). */
function nonFinite(v: unknown, t: ValueType | undefined, path: string): { path: string; value: number } | undefined {
  if (typeof v === 'number' && !Number.isFinite(v)) return { path, value: v };
  if (isRecord(v) && t?.kind === 'object') {
    for (const [k, ft] of t.fields) {
      const r = nonFinite(ownValue(v, k), ft, `${path}.${k}`);
      if (r) return r;
    }
  }
  return undefined;
}

/** Drops null members of objects (absent) and warns about unknown members. */
function stripNulls(v: unknown, t: ValueType, path: string, issues: Issues): unknown {
  if (t.kind !== 'object' || !isRecord(v)) return v;
  const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    const x = ownValue(v, k);
    const ft = t.fields.get(k);
    if (!ft) {
      issues.add('E122', `${path}.${k}`, { field: path, member: k });
      continue;
    }
    if (x === null || x === undefined) continue;
    defineOwn(o, k, stripNulls(x, ft, `${path}.${k}`, issues));
  }
  return o;
}

function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function typeAt(model: Model, path: string): ValueType | undefined {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return undefined;
  let t = model.fields.get(model.formerIds.get(head) ?? head)?.type;
  for (const m of rest) t = t?.kind === 'object' ? t.fields.get(m) : undefined;
  return t;
}

function dataAt(root: object, path: string): unknown {
  let cur: unknown = root;
  for (const k of path.split('.')) cur = isRecord(cur) ? ownValue(cur, k) : undefined;
  return cur;
}

/** Turns one ajv error into an E1xx issue naming the field and what was expected. */
function translate(e: ErrorObject, model: Model, clean: object, issues: Issues): void {
  let path = fieldPath(e.instancePath);
  if (e.keyword === 'required') {
    const member = String((e.params as { missingProperty?: unknown }).missingProperty ?? '');
    issues.add('E107', `${path}.${member}`, { field: path, member });
    return;
  }
  const t = typeAt(model, path);
  const data = dataAt(clean, path);
  const found = renderFound(data);
  if (!t) {
    issues.add('E110', path, { field: path, expected: e.keyword, found });
    return;
  }
  switch (t.kind) {
    case 'boolean':
      issues.add('E101', path, { field: path, found });
      return;
    case 'enum':
      issues.add('E104', path, { field: path, values: t.values.join(', '), found });
      return;
    case 'object':
      issues.add('E106', path, { field: path, members: [...t.fields.keys()].join(', '), found });
      return;
    case 'number': {
      const fix = typeof data === 'string' ? textNumberFix(data) : undefined;
      if (fix?.percent) issues.add('E166', path, { field: path, found, fixed: fix.fixed.toDecimalString() });
      else if (fix) issues.add('E165', path, { field: path, found, fixed: fix.fixed.toDecimalString() });
      else if (typeof data === 'string' && Rational.parse(data) !== undefined) issues.add('E109', path, { field: path, found });
      else if (typeof data !== 'number') issues.add('E102', path, { field: path, found });
      else if (e.keyword === 'type' && t.base === 'integer') issues.add('E103', path, { field: path, found });
      else issues.add('E105', path, { field: path, found, domain: domainText(t) });
      return;
    }
    default:
      path = assertNever(t, 'value type');
  }
}

/** The exact value of a schema-valid raw value; `container[key]` is where the raw value was in the caller's data. */
function read(raw: unknown, t: ValueType, container: object, key: string, path: string, issues: Issues): EvidenceValue | undefined {
  switch (t.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? { kind: 'bool', b: raw } : undefined;
    case 'enum':
      return typeof raw === 'string' && t.values.includes(raw) ? { kind: 'sym', s: raw } : undefined;
    case 'number': {
      if (typeof raw !== 'number') return undefined;
      // The shortest decimal of the double, memoised (values repeat across platforms); non-finite: none.
      const q = exactNumber(container, key) ?? (Number.isFinite(raw) ? ratOf(raw) : undefined);
      if (!q) {
        issues.add('E108', path, { field: path, found: renderFound(raw) });
        return undefined;
      }
      if (t.base === 'integer' && !q.isInteger()) {
        issues.add('E103', path, { field: path, found: q.toDecimalString() });
        return undefined;
      }
      if (!withinBounds(t, q)) {
        issues.add('E105', path, { field: path, found: q.toDecimalString(), domain: domainText(t) });
        return undefined;
      }
      return { kind: 'num', q };
    }
    case 'object': {
      if (!isRecord(raw)) return undefined;
      const src = ownValue(container, key);
      const out = new Map<string, EvidenceValue>();
      for (const [k, ft] of t.fields) {
        const x = ownValue(raw, k);
        const v = read(x, ft, isRecord(src) ? src : raw, k, `${path}.${k}`, issues);
        if (!v) return undefined;
        out.set(k, v);
      }
      return { kind: 'obj', fields: out };
    }
    default:
      return assertNever(t, 'value type');
  }
}
