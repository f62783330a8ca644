// Evaluating one Assay expression against plain data with the reference evaluator (engine/evaluate/expr.ts), outside
// any ruleset. In: an expression AST and a JSON-like object. Out: the value (null when unknown) or the error.
//
// The data's keys become inputs of a synthetic ruleset, typed from their values (numbers, truth values, objects;
// a text value becomes an enum value). A name that is not a key of the data is an absent input whose type is an
// enum of every such name, so that `x = apple` compares with the enum value `apple` as in a ruleset. Used by the
// JsonLogic import to run the official JsonLogic suite, and by tools that check a single condition.

import type * as A from '../../dsl/ast';
import { NO_SPAN } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import { compileEvidenceCheck, validateEvidence } from '../evidence/validate';
import { evalExpr, EvalFailure, freshState, type Ctx, type V } from './expr';
import { buildModel } from '../model/model';
import type { Rational } from '../numbers/rational';
import { valueToJson, type ValueJson } from './result';

export type ExpressionResult =
  | {
      readonly ok: true;
      /** JSON value: a number (nearest double), a truth value, an enum value as text, an object; null when unknown. */
      readonly value: ValueJson | null;
      /** The exact number, when the value is one. */
      readonly exact?: Rational;
      /** Data fields whose absence made the value unknown. */
      readonly missing: readonly string[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

const span = NO_SPAN;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function nm(n: string): A.Name {
  return { kind: 'Name', name: n, span };
}

/** Every `Ref` path of an expression. */
function refs(e: A.Expr, out: A.Name[][] = []): A.Name[][] {
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== 'object' || x === null) return;
    const o = x as { kind?: string; path?: A.Name[] };
    if (o.kind === 'Ref' && o.path) out.push([...o.path]);
    for (const [k, v] of Object.entries(o)) if (k !== 'span' && k !== 'path') walk(v);
  };
  walk(e);
  return out;
}

function own(o: object, k: string): unknown {
  return Object.getOwnPropertyDescriptor(o, k)?.value;
}

function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The type of a data value; undefined when Assay has no type for it (null, arrays, non-identifier text). */
function typeOf(v: unknown, symbols: readonly string[]): A.TypeExpr | undefined {
  if (typeof v === 'boolean') return { kind: 'Scalar', name: 'boolean', span };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'Scalar', name: 'number', span } : undefined;
  if (typeof v === 'string') {
    if (!IDENT.test(v)) return undefined;
    return { kind: 'Enum', values: [...new Set([v, ...symbols])].map(nm), span };
  }
  if (isRecord(v)) {
    const fields: A.ObjectField[] = [];
    for (const k of Object.keys(v)) {
      if (!IDENT.test(k)) continue;
      const t = typeOf(own(v, k), symbols);
      if (t) fields.push({ name: nm(k), type: t, span });
    }
    return fields.length > 0 ? { kind: 'Object', fields, span } : undefined;
  }
  return undefined;
}

function resultOf(v: V): ExpressionResult {
  switch (v.k) {
    case 'num':
      return { ok: true, value: Number(v.q.toDecimalString(20)), exact: v.q, missing: [] };
    case 'bool':
      return { ok: true, value: v.b, missing: [] };
    case 'sym':
      return { ok: true, value: v.s, missing: [] };
    case 'obj': {
      const o: Record<string, ValueJson> = {};
      for (const [k, x] of v.fields) o[k] = valueToJson(x);
      return { ok: true, value: o, missing: [] };
    }
    case 'unknown':
      return { ok: true, value: null, missing: v.missing };
  }
}

/** A nested object type for the member paths read under an absent name (leaves: `leaf`). */
function pathType(tails: readonly (readonly string[])[], leaf: () => A.TypeExpr): A.TypeExpr {
  const heads = [...new Set(tails.filter((t) => t.length > 0).map((t) => t[0] as string))];
  if (heads.length === 0) return leaf();
  const fields = heads.map((h) => ({ name: nm(h), type: pathType(tails.filter((t) => t[0] === h).map((t) => t.slice(1)), leaf), span }));
  return { kind: 'Object', fields, span };
}

/**
 * Evaluates `expr` over `data` exactly, with three-valued logic (unknown → null). Never throws.
 * `symbols`: names that are enum values, never inputs (e.g. the text literals of an imported JsonLogic rule).
 */
export function evaluateExpression(expr: A.Expr, data: unknown, opts: { symbols?: readonly string[] } = {}): ExpressionResult {
  const d: object = isRecord(data) ? data : {};
  const given = new Set(opts.symbols ?? []);
  const paths = refs(expr).filter((p) => !(p.length === 1 && given.has((p[0] as A.Name).name)));
  const inData = (n: string) => Object.hasOwn(d, n) && own(d, n) !== null && own(d, n) !== undefined;
  const symbols = [...new Set([...given, ...paths.filter((p) => p.length === 1 && !inData((p[0] as A.Name).name)).map((p) => (p[0] as A.Name).name)])];

  const inputs: A.InputDecl[] = [];
  const declared = new Set<string>();
  for (const p of paths) {
    const head = (p[0] as A.Name).name;
    if (declared.has(head)) continue;
    declared.add(head);
    let type: A.TypeExpr | undefined;
    if (inData(head)) {
      type = typeOf(own(d, head), symbols);
      if (!type) return { ok: false, code: 'data', message: `\`${head}\` holds a value Assay has no type for` };
    } else if (p.length > 1) {
      // An absent object: its members as far as the expression reads them.
      const tails = paths.filter((q) => (q[0] as A.Name).name === head).map((q) => q.slice(1).map((n) => n.name));
      const leaf = (): A.TypeExpr => (symbols.length > 0 ? { kind: 'Enum', values: symbols.map(nm), span } : { kind: 'Scalar', name: 'number', span });
      type = pathType(tails, leaf);
    } else {
      type = { kind: 'Enum', values: symbols.map(nm), span };
    }
    inputs.push({ kind: 'Input', id: nm(head), type, span });
  }
  const ast: A.Ruleset = {
    kind: 'Ruleset',
    id: { kind: 'Str', value: 'expression', span },
    header: { span },
    items: [...inputs, { kind: 'Prerequisite', id: nm('expression'), requires: [expr], span }],
    comments: [],
    span,
  };
  const { model, diagnostics } = buildModel(ast);
  const error = diagnostics.find((x) => x.severity === 'error');
  if (error) return { ok: false, code: error.code, message: renderMessage(error) };

  const evidence: Record<string, unknown> = {};
  for (const i of inputs) if (inData(i.id.name)) Object.defineProperty(evidence, i.id.name, { value: own(d, i.id.name), enumerable: true });
  const ev = validateEvidence(model, compileEvidenceCheck(model), evidence, 'en');
  const bad = ev.errors[0];
  if (bad) return { ok: false, code: bad.code, message: bad.message };

  const state = freshState(model, ev.values);
  const ctx: Ctx = { state, bound: [], scoring: undefined, reads: undefined, where: 'expression' };
  try {
    return resultOf(evalExpr(expr, ctx));
  } catch (e) {
    if (e instanceof EvalFailure) return { ok: false, code: e.code, message: renderMessage({ code: e.code, args: e.args }) };
    return { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) };
  }
}
