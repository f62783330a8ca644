// Evidence as the improvement search sees it: the exact values of one platform, changed field by field.
// In: a compiled ruleset and a platform's evidence. Out: `BaseEvidence` (exact values under the keys the
// evidence used), evidence objects with changes applied (for the search), and exact JSON text (for verification).

import type { CompiledRuleset } from '../../compile';
import type { PlatformInput } from '../../evaluate/evaluate';
import { validateEvidence } from '../../evidence/validate';
import type { Lang } from '../../../dsl/ast';
import type { EvidenceValue, EvidenceIssue } from '../../evaluate/result';
import { defineOwn, setExact } from '../../evidence/read';

export interface BaseEvidence {
  readonly platform: string;
  readonly name: string | undefined;
  /** Exact values by current id (inputs and indicators). */
  readonly values: ReadonlyMap<string, EvidenceValue>;
  /** Current id → the key the evidence used (a former id for a renamed indicator). */
  readonly keys: ReadonlyMap<string, string>;
  readonly errors: readonly EvidenceIssue[];
  /** The values as plain data under their evidence keys (numbers as doubles), copied for each search input. */
  readonly plain: Readonly<Record<string, unknown>>;
}

/**
 * Reads a platform's evidence exactly. For evidence the engine accepted (the search only runs then): the JSON
 * Schema step is skipped, as it has nothing to add and costs seconds on big rulesets.
 */
export function baseEvidence(ruleset: CompiledRuleset, input: PlatformInput, lang: Lang, lenient = false): BaseEvidence {
  const v = validateEvidence(ruleset.model, undefined, input.evidence, lang, { lenient });
  const plain: Record<string, unknown> = {};
  for (const [id, x] of v.values) defineOwn(plain, v.fields.get(id) ?? id, plainValue(x));
  return { platform: String(input.platform), name: input.name, values: v.values, keys: v.fields, errors: v.errors, plain };
}

/** The key under which an indicator's value is (or would be) given. */
export function keyOf(base: BaseEvidence, id: string): string {
  return base.keys.get(id) ?? id;
}

/** A value as plain data (numbers as JS numbers, for the search only: exact text is used to verify). */
export function plainValue(v: EvidenceValue): unknown {
  switch (v.kind) {
    case 'num':
      return Number(v.q.toDecimalString(20));
    case 'bool':
      return v.b;
    case 'sym':
      return v.s;
    case 'obj': {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v.fields) defineOwn(o, k, plainValue(x));
      return o;
    }
  }
}

/** A value as plain data whose numbers carry their exact values (as `parseEvidenceText` records them). */
function exactValue(v: EvidenceValue, container: object, key: string): unknown {
  if (v.kind === 'num') setExact(container, key, v.q);
  if (v.kind !== 'obj') return plainValue(v);
  const o: Record<string, unknown> = {};
  for (const [k, x] of v.fields) defineOwn(o, k, exactValue(x, o, k));
  return o;
}

function merged(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): Map<string, EvidenceValue> {
  const out = new Map<string, EvidenceValue>();
  for (const [id, v] of base.values) out.set(keyOf(base, id), v);
  for (const [id, v] of changes) out.set(keyOf(base, id), v);
  return out;
}

/** The platform with `changes` (by current indicator id) applied, as a search input (numbers as doubles). */
export function changedInput(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): PlatformInput {
  // Spreading defines own data properties (a `__proto__` key stays a plain key).
  const evidence: Record<string, unknown> = { ...base.plain };
  for (const [id, v] of changes) defineOwn(evidence, keyOf(base, id), plainValue(v));
  return { platform: base.platform, ...(base.name !== undefined ? { name: base.name } : {}), evidence };
}

/**
 * `use(changedInput(base, changes))` without copying the evidence: the changes are made on one shared object and
 * undone after `use` returns (an assessment keeps no reference to its input). Copying costs as much as assessing
 * on rulesets of thousands of fields.
 */
export function withChanges<T>(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>, use: (input: PlatformInput) => T): T {
  const evidence = base.plain as Record<string, unknown>;
  const undo: [string, PropertyDescriptor | undefined][] = [];
  for (const [id, v] of changes) {
    const k = keyOf(base, id);
    undo.push([k, Object.getOwnPropertyDescriptor(evidence, k)]);
    defineOwn(evidence, k, plainValue(v));
  }
  try {
    return use({ platform: base.platform, ...(base.name !== undefined ? { name: base.name } : {}), evidence });
  } finally {
    for (let i = undo.length - 1; i >= 0; i--) {
      const [k, d] = undo[i] as [string, PropertyDescriptor | undefined];
      if (d) Object.defineProperty(evidence, k, d);
      else delete evidence[k];
    }
  }
}

/**
 * The platform with `changes` applied, every number exact: what `parseEvidenceText(changedText(base, changes))`
 * gives, without reading text back (verification assesses this).
 */
export function exactInput(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): PlatformInput {
  const evidence: Record<string, unknown> = {};
  for (const [k, v] of merged(base, changes)) defineOwn(evidence, k, exactValue(v, evidence, k));
  return { platform: base.platform, ...(base.name !== undefined ? { name: base.name } : {}), evidence };
}

/** JSON text of a value with numbers written exactly (JSON.stringify would print doubles). */
export function exactJson(v: EvidenceValue): string {
  switch (v.kind) {
    case 'num':
      return v.q.isFiniteDecimal() ? v.q.toDecimalString() : v.q.toDecimalString(30);
    case 'bool':
      return String(v.b);
    case 'sym':
      return JSON.stringify(v.s);
    case 'obj':
      return `{${[...v.fields].map(([k, x]) => `${JSON.stringify(k)}: ${exactJson(x)}`).join(', ')}}`;
  }
}

/** The changed platform as JSON text, every number exact: what verification reads with `parseEvidenceText`. */
export function changedText(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): string {
  const fields = [...merged(base, changes)].map(([k, v]) => `    ${JSON.stringify(k)}: ${exactJson(v)}`);
  const name = base.name !== undefined ? `  "name": ${JSON.stringify(base.name)},\n` : '';
  return `{\n  "platform": ${JSON.stringify(base.platform)},\n${name}  "evidence": {\n${fields.join(',\n')}\n  }\n}\n`;
}
