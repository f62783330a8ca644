// The JSON Schema (draft-07) of a ruleset's evidence, derived from the model.
// In: a model. Out: the schema of a platform document (`evidenceSchema`, for editors and tools) and of the
// evidence map alone (`fieldsSchema`, what the validator compiles). Former ids are properties too. The published
// schema also refuses a percentage written as a fraction (E162) and a missing required field (E170), so a validator
// of ours agrees with the engine.

import type { Lang, Text } from '../../dsl/ast';
import { LANGS } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { plausibilityRules } from './intake';
import type { Model } from '../model/model';
import type { ValueType } from '../model/value-type';

export type JsonSchema = { readonly [k: string]: unknown };

function labelText(t: Text | undefined, lang: Lang): string | undefined {
  return t?.entries.find((e) => e.lang === lang)?.value.value;
}

/** Every label in zh-Hans, zh-Hant and en, then unit and note, one per line. */
function describe(label: Text | undefined, unit: string | undefined, note: string | undefined): string | undefined {
  const lines: string[] = [];
  for (const l of LANGS) {
    const s = labelText(label, l);
    if (s !== undefined) lines.push(`${l}: ${s}`);
  }
  if (unit !== undefined) lines.push(`unit: ${unit}`);
  if (note !== undefined) lines.push(note);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** Schema of one value of type `t`; `nullable` adds null (null means absent) at this level only. */
export function typeSchema(t: ValueType, nullable: boolean): Record<string, unknown> {
  switch (t.kind) {
    case 'boolean':
      return { type: nullable ? ['boolean', 'null'] : 'boolean' };
    case 'number': {
      const base = t.base === 'integer' ? 'integer' : 'number';
      const s: Record<string, unknown> = { type: nullable ? [base, 'null'] : base };
      if (t.min) s[t.min.inclusive ? 'minimum' : 'exclusiveMinimum'] = t.min.value.toNumber();
      if (t.max) s[t.max.inclusive ? 'maximum' : 'exclusiveMaximum'] = t.max.value.toNumber();
      return s;
    }
    case 'enum':
      return { enum: nullable ? [...t.values, null] : [...t.values] };
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, v] of t.fields) properties[k] = typeSchema(v, false);
      return {
        type: nullable ? ['object', 'null'] : 'object',
        properties,
        required: [...t.fields.keys()],
      };
    }
    default:
      return assertNever(t, 'value type');
  }
}

/**
 * Schema of the evidence map: one property per input and indicator (and per former id, described as such).
 * Unknown fields are allowed (the validator warns about them). `nullable`: whether null is allowed (absent).
 */
export function fieldsSchema(model: Model, nullable: boolean, opts: { readonly plausibility?: boolean } = {}): JsonSchema {
  const properties: Record<string, unknown> = {};
  // A percentage written as a fraction (E162, an error unless assessed leniently): what the published schema refuses.
  const fractions = new Map<string, JsonSchema>();
  if (opts.plausibility === true) {
    for (const [id, rules] of plausibilityRules(model)) {
      for (const r of rules) {
        if (r.kind !== 'fraction') continue;
        const top = r.atMost !== undefined ? { maximum: r.atMost.toNumber() } : r.below !== undefined ? { exclusiveMaximum: r.below.toNumber() } : {};
        fractions.set(id, { not: { type: 'number', exclusiveMinimum: 0, ...top } });
      }
    }
  }
  const plausible = (id: string): JsonSchema => fractions.get(id) ?? {};
  for (const i of model.inputs) {
    const d = describe(i.decl.label, i.decl.unit?.value, i.decl.note?.value);
    properties[i.id] = { ...typeSchema(i.type, nullable), ...(d !== undefined ? { description: d } : {}) };
  }
  for (const i of model.indicators) {
    if (!i.type) continue;
    const d = describe(i.decl.label, i.decl.unit?.value, undefined);
    properties[i.id] = { ...typeSchema(i.type, nullable), ...plausible(i.id), ...(d !== undefined ? { description: d } : {}) };
  }
  for (const [old, id] of model.formerIds) {
    const t = model.indicatorsById.get(id)?.type;
    if (!t) continue;
    properties[old] = { ...typeSchema(t, nullable), ...plausible(id), description: `former id of \`${id}\`` };
  }
  return { type: 'object', properties, ...requiredSchema(model, nullable) };
}

/**
 * A required field (`Model.required`) must be present and not null, under its id or a former id: `required` when it
 * has no former id, else one `anyOf` per such field. Only in the published schema (`nullable`): the engine's own
 * validator reports a missing required field itself, as E170.
 */
function requiredSchema(model: Model, nullable: boolean): JsonSchema {
  if (!nullable || model.required.length === 0) return {};
  const plain: string[] = [];
  const renamed: JsonSchema[] = [];
  const present = (k: string): JsonSchema => ({ required: [k], properties: { [k]: { not: { type: 'null' } } } });
  for (const id of model.required) {
    const former = model.indicatorsById.get(id)?.formerly ?? [];
    if (former.length === 0) plain.push(id);
    else renamed.push({ anyOf: [id, ...former].map(present) });
  }
  const notNull: Record<string, JsonSchema> = {};
  for (const id of plain) notNull[id] = { not: { type: 'null' } };
  return {
    ...(plain.length > 0 ? { required: plain } : {}),
    ...(renamed.length > 0 || plain.length > 0 ? { allOf: [...(plain.length > 0 ? [{ properties: notNull }] : []), ...renamed] } : {}),
  };
}

/** JSON Schema of a platform document (`platform`, `name`, `evidence`) for this ruleset. */
export function evidenceSchema(model: Model): JsonSchema {
  const title = labelText(model.ast.header.title, 'en') ?? model.id;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${title} — evidence (${model.id} ${model.version})`,
    type: 'object',
    properties: {
      platform: { type: 'string', minLength: 1, description: 'platform id' },
      name: { type: 'string', description: 'display name' },
      evidence: fieldsSchema(model, true, { plausibility: true }),
    },
    required: ['platform', 'evidence'],
  };
}
