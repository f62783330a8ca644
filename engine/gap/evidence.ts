// Evidence as the improvement search sees it: the exact values of one platform, changed field by field.
// In: a compiled ruleset and a platform's evidence. Out: `BaseEvidence` (exact values under the keys the
// evidence used), evidence objects with changes applied (for the search), and exact JSON text (for verification).

import type { CompiledRuleset } from '../compile';
import type { PlatformInput } from '../evaluate';
import { compileEvidenceCheck, validateEvidence } from '../evidence-validate';
import type { Lang } from '../../dsl/ast';
import type { EvidenceValue, EvidenceIssue } from '../result';

export interface BaseEvidence {
  readonly platform: string;
  readonly name: string | undefined;
  /** Exact values by current id (inputs and indicators). */
  readonly values: ReadonlyMap<string, EvidenceValue>;
  /** Current id → the key the evidence used (a former id for a renamed indicator). */
  readonly keys: ReadonlyMap<string, string>;
  readonly errors: readonly EvidenceIssue[];
}

/** Reads a platform's evidence exactly (validation errors are kept: such a platform has no plan). */
export function baseEvidence(ruleset: CompiledRuleset, input: PlatformInput, lang: Lang): BaseEvidence {
  const v = validateEvidence(ruleset.model, compileEvidenceCheck(ruleset.model), input.evidence, lang);
  return { platform: String(input.platform), name: input.name, values: v.values, keys: v.fields, errors: v.errors };
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
      for (const [k, x] of v.fields) Object.defineProperty(o, k, { value: plainValue(x), enumerable: true, writable: true, configurable: true });
      return o;
    }
  }
}

function merged(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): Map<string, EvidenceValue> {
  const out = new Map<string, EvidenceValue>();
  for (const [id, v] of base.values) out.set(keyOf(base, id), v);
  for (const [id, v] of changes) out.set(keyOf(base, id), v);
  return out;
}

/** The platform with `changes` (by current indicator id) applied, as a search input. */
export function changedInput(base: BaseEvidence, changes: ReadonlyMap<string, EvidenceValue>): PlatformInput {
  const evidence: Record<string, unknown> = {};
  for (const [k, v] of merged(base, changes)) {
    Object.defineProperty(evidence, k, { value: plainValue(v), enumerable: true, writable: true, configurable: true });
  }
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
