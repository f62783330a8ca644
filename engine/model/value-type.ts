// Value types of inputs and indicators, resolved from the AST's type expressions.
// In: a `TypeExpr`. Out: a `ValueType` with exact numeric bounds (percent implies 0 to 100, narrowed by a domain).

import type { Domain, TypeExpr } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { Rational } from '../numbers/rational';

/** An inclusive or exclusive numeric bound. */
export interface Bound {
  readonly value: Rational;
  readonly inclusive: boolean;
}

/** The type of an evidence value, as the engine uses it (validation, schema, name resolution). */
export type ValueType =
  | { readonly kind: 'boolean' }
  | {
      readonly kind: 'number';
      /** `percent` values are on the 0–100 scale; `integer` forbids fractions. */
      readonly base: 'integer' | 'number' | 'percent';
      readonly min?: Bound;
      readonly max?: Bound;
    }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | {
      readonly kind: 'object';
      /** Members in declared order; every member is required in evidence. */
      readonly fields: ReadonlyMap<string, ValueType>;
    };

export type NumberType = Extract<ValueType, { kind: 'number' }>;
export type EnumValueType = Extract<ValueType, { kind: 'enum' }>;
export type ObjectValueType = Extract<ValueType, { kind: 'object' }>;

const PERCENT_MIN: Bound = { value: Rational.ZERO, inclusive: true };
const PERCENT_MAX: Bound = { value: Rational.HUNDRED, inclusive: true };

/** The tighter of two lower bounds. */
function tighterMin(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.cmp(b.value);
  if (c !== 0) return c > 0 ? a : b;
  return a.inclusive ? b : a;
}
function tighterMax(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.cmp(b.value);
  if (c !== 0) return c < 0 ? a : b;
  return a.inclusive ? b : a;
}

function domainBounds(d: Domain | undefined): { min?: Bound; max?: Bound } {
  if (!d) return {};
  switch (d.kind) {
    case 'Bound': {
      const value = Rational.parse(d.value.text) ?? Rational.ZERO;
      switch (d.op) {
        case '>=':
          return { min: { value, inclusive: true } };
        case '>':
          return { min: { value, inclusive: false } };
        case '<=':
          return { max: { value, inclusive: true } };
        case '<':
          return { max: { value, inclusive: false } };
        default:
          return assertNever(d.op, 'bound operator');
      }
    }
    case 'Range':
      return {
        min: { value: Rational.parse(d.min.text) ?? Rational.ZERO, inclusive: true },
        max: { value: Rational.parse(d.max.text) ?? Rational.ZERO, inclusive: true },
      };
    default:
      return assertNever(d, 'domain');
  }
}

/** The value type a type expression denotes. Duplicate enum values or members keep their first occurrence. */
export function valueTypeOf(t: TypeExpr): ValueType {
  switch (t.kind) {
    case 'Scalar': {
      if (t.name === 'boolean') return { kind: 'boolean' };
      const b = domainBounds(t.domain);
      const min = t.name === 'percent' ? tighterMin(PERCENT_MIN, b.min) : b.min;
      const max = t.name === 'percent' ? tighterMax(PERCENT_MAX, b.max) : b.max;
      return { kind: 'number', base: t.name, ...(min ? { min } : {}), ...(max ? { max } : {}) };
    }
    case 'Enum':
      return { kind: 'enum', values: [...new Set(t.values.map((v) => v.name))] };
    case 'Object': {
      const fields = new Map<string, ValueType>();
      for (const f of t.fields) if (!fields.has(f.name.name)) fields.set(f.name.name, valueTypeOf(f.type));
      return { kind: 'object', fields };
    }
    default:
      return assertNever(t, 'type');
  }
}

/** Whether `q` lies within the bounds of a numeric type (integer-ness is checked separately). */
export function withinBounds(t: NumberType, q: Rational): boolean {
  if (t.min) {
    const c = q.cmp(t.min.value);
    if (c < 0 || (c === 0 && !t.min.inclusive)) return false;
  }
  if (t.max) {
    const c = q.cmp(t.max.value);
    if (c > 0 || (c === 0 && !t.max.inclusive)) return false;
  }
  return true;
}

/** Short language-neutral rendering of a type for messages: `integer >= 0`, `enum {a, b}`, `object {x, y}`. */
export function describeType(t: ValueType): string {
  switch (t.kind) {
    case 'boolean':
      return 'boolean';
    case 'number': {
      const parts: string[] = [t.base];
      if (t.min && t.max && t.min.inclusive && t.max.inclusive) {
        parts.push(`${t.min.value.toDecimalString()} to ${t.max.value.toDecimalString()}`);
      } else {
        if (t.min) parts.push(`${t.min.inclusive ? '>=' : '>'} ${t.min.value.toDecimalString()}`);
        if (t.max) parts.push(`${t.max.inclusive ? '<=' : '<'} ${t.max.value.toDecimalString()}`);
      }
      return parts.join(' ');
    }
    case 'enum':
      return `enum {${t.values.join(', ')}}`;
    case 'object':
      return `object {${[...t.fields.entries()].map(([k, v]) => `${k}: ${describeType(v)}`).join(', ')}}`;
    default:
      return assertNever(t, 'value type');
  }
}

/** Structural equality of two value types (used to compare enum types of both sides of `=`). */
export function sameType(a: ValueType, b: ValueType): boolean {
  return describeType(a) === describeType(b);
}
