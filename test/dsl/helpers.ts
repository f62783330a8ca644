// Test helpers for dsl/: parse snippets, show diagnostics as code + underlined text, show expressions as
// s-expressions built from their canonical form. In: DSL source text. Out: readable values to assert on.

import { expect } from 'vitest';
import type { Expr, Ruleset, VetoDecl } from '../../dsl/ast';
import { canonicalExpr } from '../../dsl/canonical';
import type { Diagnostic } from '../../dsl/diagnostics';
import { parseRuleset } from '../../dsl/parse';

/** A minimal header, so snippets can be just declarations. */
export const HEADER = 'ruleset "t" {\n  version "1"\n}\n';

/** `code underlined-text` for each diagnostic, in order. */
export function diags(text: string): string[] {
  return parseRuleset(text).diagnostics.map((d) => show(text, d));
}

/** `A102 "foo"`: the code and the source text its span underlines. */
export function show(text: string, d: Diagnostic): string {
  return `${d.code} ${JSON.stringify(text.slice(d.span.start, d.span.end))}`;
}

/** Parses text that must be free of diagnostics. */
export function parseOk(text: string): Ruleset {
  const r = parseRuleset(text);
  expect(r.diagnostics.map((d) => show(text, d))).toEqual([]);
  return r.ast;
}

/** Parses an expression (as the condition of a veto) that must be free of diagnostics. */
export function parseExpr(src: string): Expr {
  const ast = parseOk(`${HEADER}veto V { when ${src} }`);
  const veto = ast.items[0] as VetoDecl;
  if (!veto.when) throw new Error('no expression');
  return veto.when;
}

/** An expression as an s-expression: `(and (>= a 5) (not b))`, computed from `canonicalExpr`. */
export function sexpr(e: Expr): string {
  return fromCanonical(canonicalExpr(e));
}

/** s-expression of a source expression. */
export function sx(src: string): string {
  return sexpr(parseExpr(src));
}

type J = Readonly<Record<string, unknown>>;

function fromCanonical(v: unknown): string {
  const o = v as J;
  const sub = (k: string): string => fromCanonical(o[k]);
  switch (o['kind']) {
    case 'Num':
      return String(o['text']);
    case 'Percent':
      return `${String(o['text'])}%`;
    case 'Bool':
      return String(o['value']);
    case 'Total':
      return 'total';
    case 'Error':
      return '<error>';
    case 'Ref':
      return (o['path'] as J[]).map((n) => String(n['name'])).join('.');
    case 'Prop':
      return o['of'] ? `${String(o['prop'])}(${String((o['of'] as J)['name'])})` : String(o['prop']);
    case 'Call': {
      const mode = o['mode'] ? ` ${String((o['mode'] as J)['name'])}` : '';
      return `(${String(o['fn'])} ${(o['args'] as unknown[]).map(fromCanonical).join(' ')}${mode})`;
    }
    case 'Table': {
      const keys = (o['keys'] as unknown[]).map(fromCanonical).join(' ');
      const entries = (o['entries'] as J[]).map((e) => {
        const key = Array.isArray(e['key']) ? (e['key'] as J[]).map((n) => String(n['name'])).join(' ') : 'else';
        return `[${key}] ${fromCanonical(e['value'])}`;
      });
      return `(table (${keys}) ${entries.join(' ')})`;
    }
    case 'Unary':
      return `(${String(o['op'])} ${sub('operand')})`;
    case 'Binary':
    case 'Compare':
      return `(${String(o['op'])} ${sub('left')} ${sub('right')})`;
    case 'In':
      return `(${o['negated'] ? 'not-in' : 'in'} ${sub('operand')} {${(o['set'] as unknown[]).map(fromCanonical).join(' ')}})`;
    case 'If':
      return `(if ${sub('cond')} ${sub('then')} ${sub('otherwise')})`;
    case 'Quantified': {
      const within = o['within'] ? ` in ${String((o['within'] as J)['name'])}` : '';
      return `(${String(o['quantifier'])} ${String(o['domain'])}${within} ${sub('body')})`;
    }
    default:
      return `?${JSON.stringify(v)}`;
  }
}
