// Structural equality and one-line texts of AST fragments for the diff: bands, points, types, methods, labels.
// In: AST nodes. Out: `same(a, b)` (spans ignored, numbers compared by value) and canonical strings;
// expressions are printed by the DSL printer, so conditions read as they are written in a ruleset.

import type { Band, Expr, MethodRef, Points, Text, TypeExpr, Domain } from '../../../dsl/ast';
import { assertNever } from '../../../dsl/ast';
import { printExpr } from '../../../dsl/printer';
import { Rational } from '../../numbers/rational';
import type { Labels } from './entries';

/**
 * Names that mean the same indicator on both sides while one diff runs (new id → old id of a rename), so
 * that a condition reading a renamed indicator is not reported as changed. Set only by `withAliases`.
 */
let aliases: ReadonlyMap<string, string> = new Map();

/** Runs `fn` with references to the new ids of renamed indicators compared as their old ids. */
export function withAliases<T>(map: ReadonlyMap<string, string>, fn: () => T): T {
  const saved = aliases;
  aliases = map;
  try {
    return fn();
  } finally {
    aliases = saved;
  }
}

/** A key of a node without spans; decimal literals by value (`2.0` and `2` are the same weight). */
export function canonKey(x: unknown): string {
  return JSON.stringify(strip(x, false));
}

function alias(name: unknown): unknown {
  return typeof name === 'string' ? (aliases.get(name) ?? name) : name;
}

/** `inRef`: inside the path of a `Ref` (or the argument of a `Prop`), where names may be aliased. */
function strip(x: unknown, inRef: boolean): unknown {
  if (Array.isArray(x)) return x.map((y, i) => strip(y, inRef && i === 0));
  if (typeof x === 'object' && x !== null) {
    const o = x as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      if (k === 'span' || o[k] === undefined) continue;
      if (k === 'text' && o['kind'] === 'Num' && typeof o[k] === 'string') {
        out[k] = Rational.parse(o[k])?.toFraction() ?? o[k];
        continue;
      }
      if (k === 'name' && o['kind'] === 'Name' && inRef) {
        out[k] = alias(o[k]);
        continue;
      }
      out[k] = strip(o[k], (k === 'path' && o['kind'] === 'Ref') || (k === 'of' && o['kind'] === 'Prop'));
    }
    return out;
  }
  if (typeof x === 'bigint') return x.toString();
  return x;
}

/** Equality of AST fragments, spans ignored. */
export function same(a: unknown, b: unknown): boolean {
  return canonKey(a) === canonKey(b);
}

export function exprText(e: Expr): string {
  return printExpr(e);
}

export function pointsText(p: Points): string {
  const v = exprText(p.value);
  if (p.when === undefined) return v;
  return `${v} when ${exprText(p.when)}${p.otherwise !== undefined ? ` else ${exprText(p.otherwise)}` : ''}`;
}

export function bandText(b: Band): string {
  const c = b.cond;
  switch (c.kind) {
    case 'Compare':
      return `${c.op} ${exprText(c.bound)}: ${pointsText(b.points)}`;
    case 'Cond':
      return `${exprText(c.expr)}: ${pointsText(b.points)}`;
    case 'Else':
      return `else: ${pointsText(b.points)}`;
    default:
      return assertNever(c, 'band condition');
  }
}

function domainText(d: Domain): string {
  switch (d.kind) {
    case 'Bound':
      return `${d.op} ${d.value.text}`;
    case 'Range':
      return `${d.min.text} to ${d.max.text}`;
    default:
      return assertNever(d, 'domain');
  }
}

export function typeText(t: TypeExpr): string {
  switch (t.kind) {
    case 'Scalar':
      return t.domain ? `${t.name} ${domainText(t.domain)}` : t.name;
    case 'Enum':
      return `enum { ${t.values.map((v) => v.name).join(', ')} }`;
    case 'Object':
      return `object { ${t.fields.map((f) => `${f.name.name}: ${typeText(f.type)}`).join(', ')} }`;
    default:
      return assertNever(t, 'type');
  }
}

export function methodsText(refs: readonly MethodRef[]): string {
  return refs.map((r) => (r.note ? `${r.method.name} ${JSON.stringify(r.note.value)}` : r.method.name)).join(', ');
}

export function labels(t: Text | undefined): Labels {
  const out: Partial<Record<'zh-Hans' | 'zh-Hant' | 'en', string>> = {};
  for (const e of t?.entries ?? []) if (out[e.lang] === undefined) out[e.lang] = e.value.value;
  return out;
}

/** Texts are the same when every language says the same (order of entries does not matter). */
export function sameText(a: Text | undefined, b: Text | undefined): boolean {
  return canonKey(labels(a)) === canonKey(labels(b));
}

/** A weight as a JSON number (exact decimal text kept as a number). */
export function weightValue(n: { readonly text: string } | undefined): number | null {
  if (n === undefined) return null;
  return Rational.parse(n.text)?.toJSONNumber() ?? null;
}
