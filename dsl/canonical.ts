// The canonical JSON form of the AST: plain data with no spans and no comments, keys in a stable order.
// In: a `Ruleset` or an `Expr`. Out: JSON-ready values; the basis of content hashes, AST equality and export.

import type { Expr, Ruleset } from './ast';

/** Keys that are positions or trivia: never part of the canonical form. */
const DROPPED: ReadonlySet<string> = new Set(['span', 'comments', 'trailing']);
/**
 * Keys whose value in the AST is the span of a keyword that is there or not (`required`, `evidence required`): in
 * the canonical form they are `true` when present (and absent otherwise, so rulesets without them hash as before).
 */
const FLAGS: ReadonlySet<string> = new Set(['required', 'evidenceRequired']);

/** Canonical JSON of a whole ruleset. Equal for ASTs that differ only in layout, comments or positions. */
export function toCanonical(ast: Ruleset): unknown {
  return canonicalValue(ast);
}

/** Canonical JSON of one expression. */
export function canonicalExpr(e: Expr): unknown {
  return canonicalValue(e);
}

/** Canonical JSON of any AST node (a type, a band, a declaration, …). */
export function canonicalNode(node: object): unknown {
  return canonicalValue(node);
}

/** `JSON.stringify` of the canonical form: a stable string for hashing and comparing. */
export function canonicalString(ast: Ruleset): string {
  return JSON.stringify(toCanonical(ast));
}

/**
 * Copies plain data: arrays in order, objects with `kind` first and then the other keys sorted,
 * dropping spans, comments and undefined fields. Iterative-enough for the depths the parser allows.
 */
function canonicalValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (v === null || typeof v !== 'object') return v;
  const src = v as Readonly<Record<string, unknown>>;
  const keys = Object.keys(src)
    .filter((k) => !DROPPED.has(k) && src[k] !== undefined)
    .sort((a, b) => (a === 'kind' ? -1 : b === 'kind' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = FLAGS.has(k) ? true : canonicalValue(src[k]);
  return out;
}
