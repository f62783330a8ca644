// JsonLogic import: a JsonLogic rule → an Assay expression (AST), so rules kept in JsonLogic-based systems move over.
// In: a parsed JSON value (the rule). Out: an `Expr` (print it with `printExpr`) or the places that have no
// counterpart in Assay, each with a reason code (see docs/jsonlogic.md for every difference and why).
//
// Mapping: `var` → a name (`a.b` → `a.b`; a default → `if known(a) then a else d`), `==`/`===` → `=`, `!=`/`!==` →
// `!=`, comparisons (the 3-argument "between" form too), `!` → `not`, `!!` → `not not`, `and`/`or`, `if`/`?:` chains,
// `+ - * /`, `min`/`max`, `in` with a literal list → `in {…}`. A string literal that is an identifier becomes a bare
// name (an enum value when compared with an enum-typed side). Assay has no strings, arrays or null, no `%`, and
// no truthiness: those parts are reported, never guessed.

import type * as A from '../../dsl/ast';
import { NO_SPAN } from '../../dsl/ast';
import { Rational } from '../numbers/rational';

/** Why a part of a rule has no counterpart in Assay. */
export type JsonLogicGap =
  /** `cat`, `substr`, `in` on a string, a string literal that is not an identifier. */
  | 'no-strings'
  /** `map`, `filter`, `reduce`, `all`, `some`, `none`, `merge`, `missing`, `missing_some`, array literals. */
  | 'no-arrays'
  /** `null`, and `if` without an else branch (whose value is null). */
  | 'no-null'
  /** `%`. */
  | 'no-modulo'
  /** `var` of the whole data, of an array index or of a computed path. */
  | 'var-form'
  /** `log` (a side effect). */
  | 'log'
  /** Not a JsonLogic operator, or an object with several keys (data, not a rule). */
  | 'unknown-op'
  /** An operator with a number or kind of arguments Assay cannot express (`min()` of nothing). */
  | 'bad-args';

export interface JsonLogicImportIssue {
  /** JSON Pointer of the part, e.g. `/if/1`. */
  readonly path: string;
  readonly gap: JsonLogicGap;
  /** The operator or literal concerned. */
  readonly what: string;
}

export type JsonLogicImport =
  | {
      readonly ok: true;
      readonly expr: A.Expr;
      /** Names that came from text literals (enum values), as opposed to `var` reads (inputs). */
      readonly symbols: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly JsonLogicImportIssue[] };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 60;
const span = NO_SPAN;

const STRING_OPS = new Set(['cat', 'substr']);
const ARRAY_OPS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none', 'merge', 'missing', 'missing_some']);

class Gap extends Error {
  constructor(readonly issue: JsonLogicImportIssue) {
    super(issue.gap);
  }
}

function fail(path: string, gap: JsonLogicGap, what: string): never {
  throw new Gap({ path, gap, what });
}

function num(n: number): A.Expr {
  const q = Rational.fromNumber(Math.abs(n)) ?? Rational.ZERO;
  const e: A.Expr = { kind: 'Num', text: q.toDecimalString(30), span };
  return n < 0 || Object.is(n, -0) ? { kind: 'Unary', op: '-', operand: e, span } : e;
}

function bin(op: A.BinaryExpr['op'], left: A.Expr, right: A.Expr): A.Expr {
  return { kind: 'Binary', op, left, right, span };
}

function cmp(op: A.CompareOp, left: A.Expr, right: A.Expr): A.Expr {
  return { kind: 'Compare', op, left, right, span };
}

function name(n: string): A.Name {
  return { kind: 'Name', name: n, span };
}

class Importer {
  private depth = 0;
  readonly symbols = new Set<string>();

  rule(v: unknown, path: string): A.Expr {
    if (++this.depth > MAX_DEPTH) fail(path, 'bad-args', `nesting deeper than ${MAX_DEPTH}`);
    try {
      return this.inner(v, path);
    } finally {
      this.depth--;
    }
  }

  private inner(v: unknown, path: string): A.Expr {
    if (v === null) return fail(path, 'no-null', 'null');
    if (typeof v === 'number') return num(v);
    if (typeof v === 'boolean') return { kind: 'Bool', value: v, span };
    if (typeof v === 'string') {
      if (IDENT.test(v)) {
        this.symbols.add(v);
        return { kind: 'Ref', path: [name(v)], span };
      }
      return fail(path, 'no-strings', JSON.stringify(v));
    }
    if (Array.isArray(v)) return fail(path, 'no-arrays', 'array');
    if (typeof v !== 'object') return fail(path, 'unknown-op', typeof v);
    const keys = Object.keys(v);
    if (keys.length !== 1) return fail(path, 'unknown-op', `object with ${keys.length} keys`);
    const op = keys[0] as string;
    const raw = Object.getOwnPropertyDescriptor(v, op)?.value as unknown;
    const args: unknown[] = Array.isArray(raw) ? raw : [raw];
    const at = (i: number) => `${path}/${escape(op)}${Array.isArray(raw) ? `/${i}` : ''}`;
    const sub = (i: number) => this.rule(args[i], at(i));
    const all = () => args.map((_, i) => sub(i));
    const need = (n: number) => {
      if (args.length !== n) fail(path, 'bad-args', `${op} with ${args.length} arguments`);
    };
    switch (op) {
      case 'var':
        return this.variable(args, path);
      case '==':
      case '===':
        need(2);
        return cmp('=', sub(0), sub(1));
      case '!=':
      case '!==':
        need(2);
        return cmp('!=', sub(0), sub(1));
      case '>':
      case '>=':
        need(2);
        return cmp(op, sub(0), sub(1));
      case '<':
      case '<=': {
        if (args.length === 3) {
          const b = sub(1);
          return bin('and', cmp(op, sub(0), b), cmp(op, b, sub(2)));
        }
        need(2);
        return cmp(op, sub(0), sub(1));
      }
      case '!':
        need(1);
        return { kind: 'Unary', op: 'not', operand: sub(0), span };
      case '!!':
        need(1);
        return { kind: 'Unary', op: 'not', operand: { kind: 'Unary', op: 'not', operand: sub(0), span }, span };
      case 'and':
      case 'or': {
        if (args.length === 0) fail(path, 'bad-args', `${op} with no arguments`);
        const xs = all();
        return xs.slice(1).reduce((acc, x) => bin(op, acc, x), xs[0] as A.Expr);
      }
      case 'if':
      case '?:':
        return this.conditional(args, 0, at);
      case '+':
      case '*': {
        if (args.length === 0) {
          if (op === '+') return num(0);
          fail(path, 'bad-args', '* with no arguments');
        }
        const xs = all();
        return xs.slice(1).reduce((acc, x) => bin(op, acc, x), xs[0] as A.Expr);
      }
      case '-':
        if (args.length === 1) return { kind: 'Unary', op: '-', operand: sub(0), span };
        need(2);
        return bin('-', sub(0), sub(1));
      case '/':
        need(2);
        return bin('/', sub(0), sub(1));
      case 'min':
      case 'max':
        if (args.length === 0) fail(path, 'bad-args', `${op} with no arguments`);
        return { kind: 'Call', fn: op, args: all(), span };
      case 'in': {
        need(2);
        const set = args[1];
        if (typeof set === 'string') fail(at(1), 'no-strings', 'in on a string');
        if (!Array.isArray(set)) fail(at(1), 'no-arrays', 'in on a computed list');
        return { kind: 'In', negated: false, operand: sub(0), set: set.map((x, i) => this.rule(x, `${at(1)}/${i}`)), span };
      }
      case '%':
        return fail(path, 'no-modulo', op);
      case 'log':
        return fail(path, 'log', op);
      default:
        if (STRING_OPS.has(op)) return fail(path, 'no-strings', op);
        if (ARRAY_OPS.has(op)) return fail(path, 'no-arrays', op);
        return fail(path, 'unknown-op', op);
    }
  }

  /** `{"if": [c1, a1, c2, a2, …, else]}` from position `i`. */
  private conditional(args: readonly unknown[], i: number, at: (i: number) => string): A.Expr {
    const left = args.length - i;
    if (left === 0) return fail(at(i), 'no-null', 'if without else');
    if (left === 1) return this.rule(args[i], at(i));
    const cond = this.rule(args[i], at(i));
    const then = this.rule(args[i + 1], at(i + 1));
    return { kind: 'If', cond, then, otherwise: this.conditional(args, i + 2, at), span };
  }

  private variable(args: readonly unknown[], path: string): A.Expr {
    const [p, dflt] = args;
    if (args.length > 2) fail(path, 'bad-args', `var with ${args.length} arguments`);
    if (typeof p !== 'string' || p === '') return fail(path, 'var-form', JSON.stringify(p ?? null));
    const parts = p.split('.');
    if (!parts.every((x) => IDENT.test(x))) return fail(path, 'var-form', JSON.stringify(p));
    const ref: A.Expr = { kind: 'Ref', path: parts.map(name), span };
    if (args.length < 2 || dflt === null) return ref;
    const d = this.rule(dflt, `${path}/var/1`);
    return { kind: 'If', cond: { kind: 'Call', fn: 'known', args: [ref], span }, then: ref, otherwise: d, span };
  }
}

function escape(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Turns a JsonLogic rule into an Assay expression, or says which part has no counterpart and why. */
export function importJsonLogic(rule: unknown): JsonLogicImport {
  try {
    const im = new Importer();
    const expr = im.rule(rule, '');
    return { ok: true, expr, symbols: [...im.symbols] };
  } catch (e) {
    if (e instanceof Gap) return { ok: false, issues: [e.issue] };
    throw e;
  }
}
