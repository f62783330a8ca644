// Expressions as text: on one line (`printExpr`, minimal parentheses, ASCII operators), or laid out over lines
// within a width (`layoutExpr`, for the formatter). In: an `Expr`. Out: text that parses back to the same AST.

import type * as A from './ast';
import { assertNever } from './ast';

/** Lines longer than this (with indentation) are broken: labels one entry per line, long expressions at operators. */
export const MAX_LINE = 100;

const BINARY_PRECEDENCE: Readonly<Record<A.BinaryExpr['op'], number>> = { or: 1, and: 2, '+': 5, '-': 5, '*': 6, '/': 6, '^': 8 };

/** Binding strength, loosest 0 (if, quantifier) to tightest 9 (primaries); `^` (8) binds tighter than unary `-` (7). */
export function precedence(e: A.Expr): number {
  switch (e.kind) {
    case 'If':
    case 'Quantified':
      return 0;
    case 'Binary':
      return BINARY_PRECEDENCE[e.op];
    case 'Unary':
      return e.op === 'not' ? 3 : 7;
    case 'Compare':
    case 'In':
      return 4;
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Ref':
    case 'Total':
    case 'Prop':
    case 'Call':
    case 'Table':
    case 'Error':
      return 9;
    default:
      return assertNever(e, 'expression');
  }
}

/** Prints an expression; parenthesised when it binds looser than `min`. */
export function printExpr(e: A.Expr, min = 0): string {
  const text = exprText(e);
  return precedence(e) < min ? `(${text})` : text;
}

function exprText(e: A.Expr): string {
  switch (e.kind) {
    case 'Num':
      return e.text;
    case 'Percent':
      return `${e.text}%`;
    case 'Bool':
      return e.value ? 'true' : 'false';
    case 'Ref':
      return e.path.map((n) => n.name).join('.');
    case 'Total':
      return 'total';
    case 'Prop':
      return e.of ? `${e.prop}(${e.of.name})` : e.prop;
    case 'Call': {
      const args = e.args.map((a) => printExpr(a));
      if (e.mode) args.push(e.mode.name);
      return `${e.fn}(${args.join(', ')})`;
    }
    case 'Unary':
      return e.op === 'not' ? `not ${printExpr(e.operand, 3)}` : `-${printExpr(e.operand, 7)}`;
    case 'Binary': {
      const p = precedence(e);
      // `^` groups to the right, and its exponent may be negative: `a ^ -2`, `a ^ b ^ c` = `a ^ (b ^ c)`
      if (e.op === '^') return `${printExpr(e.left, p + 1)} ^ ${printExpr(e.right, 7)}`;
      return `${printExpr(e.left, p)} ${e.op} ${printExpr(e.right, p + 1)}`;
    }
    case 'Compare':
      return `${printExpr(e.left, 5)} ${e.op} ${printExpr(e.right, 5)}`;
    case 'In':
      return `${printExpr(e.operand, 5)} ${e.negated ? 'not in' : 'in'} {${e.set.map((x) => printExpr(x, 5)).join(', ')}}`;
    case 'If':
      return `if ${printExpr(e.cond)} then ${printExpr(e.then)} else ${printExpr(e.otherwise)}`;
    case 'Quantified':
      return `${e.quantifier} ${e.domain}${e.within ? ` in ${e.within.name}` : ''}: ${printExpr(e.body)}`;
    case 'Table':
      return printTable(e);
    case 'Error':
      return '<error>';
    default:
      return assertNever(e, 'expression');
  }
}

/** `table AV { N: 0.85, A: 0.62 }`, `table (PR, S) { (N, U): 0.85, else: 0 }` on one line. */
function printTable(e: A.TableExpr): string {
  const head = tableHead(e);
  const entries = e.entries.map((x) => `${tableEntryKey(x)}: ${printExpr(x.value, 5)}`);
  return `${head} { ${entries.join(', ')} }`;
}

function tableHead(e: A.TableExpr): string {
  const keys = e.keys.map((k) => k.path.map((n) => n.name).join('.'));
  return keys.length === 1 ? `table ${keys[0] ?? ''}` : `table (${keys.join(', ')})`;
}

function tableEntryKey(x: A.TableEntry): string {
  if (!Array.isArray(x.key)) return 'else';
  const names = (x.key as readonly A.Name[]).map((n) => n.name);
  return names.length === 1 ? (names[0] ?? '') : `(${names.join(', ')})`;
}

// --- layout over lines ------------------------------------------------------------------------

/** Text being laid out: lines after the first carry their indentation; the first starts at column `col0`. */
class Lines {
  readonly lines: string[] = [''];
  constructor(private readonly col0: number) {}
  /** The column the next text goes to. */
  get col(): number {
    return (this.lines.length === 1 ? this.col0 : 0) + (this.lines[this.lines.length - 1] ?? '').length;
  }
  text(s: string): void {
    this.lines[this.lines.length - 1] += s;
  }
  newline(indent: number): void {
    this.lines.push(' '.repeat(indent));
  }
  /** Lays `e` out from the current column (continuation lines at `indent`). */
  expr(e: A.Expr, min: number, indent: number, width: number): void {
    const [first, ...rest] = layoutExpr(e, min, this.col, indent, width);
    this.text(first ?? '');
    this.lines.push(...rest);
  }
}

const CHAIN_OPS: ReadonlySet<string> = new Set(['+', '-', '*', '/', 'and', 'or']);
/** The width left for an expression that `suffix` follows on its last line (a long suffix breaks on its own). */
function before(width: number, suffix: string): number {
  return suffix.length <= 30 ? width - suffix.length : width;
}

/** How much deeper than its statement a continuation line goes, and an operand broken inside goes again. */
const STEP = 2;

/**
 * `e` as lines that fit in `width` where it can: the first line starts at column `col` (its text only), the others
 * carry their indentation (`indent` or deeper). Breaks come before a top-level operator of a chain (`+ - * /`,
 * `and`, `or`, filled greedily), before `else` (and `then` when the branch is still too long) of an `if`, between
 * the entries of a long table (with their commas), and inside the arguments of a call; what cannot break is kept
 * whole. Depends only on the tree, the column and the width, so formatting is idempotent.
 */
export function layoutExpr(e: A.Expr, min: number, col: number, indent: number, width = MAX_LINE): string[] {
  const flat = printExpr(e, min);
  if (col + flat.length <= width) return [flat];
  // A chain looks at an operand's layout before placing it, then lays it out at the same place: remembering
  // layouts keeps that linear however deep the operands nest.
  const key = `${min} ${col} ${indent} ${width}`;
  let known = LAYOUTS.get(e);
  const cached = known?.get(key);
  if (cached) return cached;
  const lines = layoutBroken(e, min, flat, col, indent, width);
  if (!known) LAYOUTS.set(e, (known = new Map()));
  known.set(key, lines);
  return lines;
}

const LAYOUTS = new WeakMap<A.Expr, Map<string, string[]>>();

function layoutBroken(e: A.Expr, min: number, flat: string, col: number, indent: number, width: number): string[] {
  const out = new Lines(col);
  if (precedence(e) < min) {
    out.text('(');
    out.expr(e, 0, indent + STEP, width - 1);
    out.text(')');
    return out.lines;
  }
  switch (e.kind) {
    case 'If':
      layoutIf(e, out, indent, width);
      break;
    case 'Binary':
      if (CHAIN_OPS.has(e.op)) layoutChain(e, out, indent, width);
      else {
        const right = printExpr(e.right, 7);
        out.expr(e.left, precedence(e) + 1, indent, before(width, ` ^ ${right}`));
        out.text(` ^ ${right}`);
      }
      break;
    case 'Compare': {
      out.expr(e.left, 5, indent, before(width, ` ${e.op} ${printExpr(e.right, 5)}`));
      out.text(` ${e.op} `);
      out.expr(e.right, 5, indent, width);
      break;
    }
    case 'Unary':
      out.text(e.op === 'not' ? 'not ' : '-');
      out.expr(e.operand, e.op === 'not' ? 3 : 7, indent, width);
      break;
    case 'Quantified':
      out.text(`${e.quantifier} ${e.domain}${e.within ? ` in ${e.within.name}` : ''}: `);
      out.expr(e.body, 0, indent, width);
      break;
    case 'Call': {
      const args = e.args.map((a) => printExpr(a));
      if (e.mode) args.push(e.mode.name);
      out.text(`${e.fn}(`);
      e.args.forEach((a, i) => {
        if (i > 0) out.text(', ');
        // what follows the argument on its last line (`, 5, half_up)`) must fit too
        out.expr(a, 0, indent + STEP, before(width, `${args.slice(i + 1).map((x) => `, ${x}`).join('')})`));
      });
      if (e.mode) out.text(`${e.args.length > 0 ? ', ' : ''}${e.mode.name}`);
      out.text(')');
      break;
    }
    case 'Table':
      out.text(`${tableHead(e)} {`);
      e.entries.forEach((x, i) => {
        out.newline(indent + STEP);
        out.text(`${tableEntryKey(x)}: `);
        out.expr(x.value, 5, indent + 2 * STEP, width);
        if (i < e.entries.length - 1) out.text(',');
      });
      out.newline(indent);
      out.text('}');
      break;
    case 'In':
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Ref':
    case 'Total':
    case 'Prop':
    case 'Error':
      out.text(flat);
      break;
    default:
      return assertNever(e, 'expression');
  }
  return out.lines;
}

/** `if a then x` / `else if b then y` / `else z`, each on its own line; `then x` on the next when still too long. */
function layoutIf(e: A.IfExpr, out: Lines, indent: number, width: number): void {
  let cur: A.Expr = e;
  let head = 'if ';
  while (cur.kind === 'If') {
    const start = out.col;
    out.text(head);
    const flat = `${printExpr(cur.cond)} then ${printExpr(cur.then)}`;
    if (start + head.length + flat.length <= width) out.text(flat);
    else {
      out.expr(cur.cond, 0, indent + STEP, width);
      out.newline(indent + STEP);
      out.text('then ');
      out.expr(cur.then, 0, indent + 2 * STEP, width);
    }
    out.newline(indent);
    head = 'else if ';
    cur = cur.otherwise;
  }
  out.text('else ');
  out.expr(cur, 0, indent + STEP, width);
}

/** A left-leaning chain of one precedence (`a + b - c`), filled greedily, broken before operators where the line is full. */
function layoutChain(e: A.BinaryExpr, out: Lines, indent: number, width: number): void {
  const p = precedence(e);
  const rest: { op: string; operand: A.Expr }[] = [];
  let left: A.Expr = e;
  while (left.kind === 'Binary' && precedence(left) === p) {
    rest.push({ op: left.op, operand: left.right });
    left = left.left;
  }
  rest.reverse();
  out.expr(left, p, indent + STEP, width);
  for (const { op, operand } of rest) {
    // On this line when it fits; else on the next when it fits there; else broken inside, starting on this line
    // when its first line fits here.
    const piece = `${op} ${printExpr(operand, p + 1)}`;
    const here = out.col + 1;
    let stay = here + piece.length <= width;
    if (!stay && indent + piece.length > width) {
      const first = layoutExpr(operand, p + 1, here + op.length + 1, indent + STEP, width)[0] ?? '';
      stay = here + op.length + 1 + first.length <= width;
    }
    if (stay) out.text(' ');
    else out.newline(indent);
    out.text(`${op} `);
    out.expr(operand, p + 1, indent + STEP, width);
  }
}
