// Stage 4, print: AST → canonical text (the formatter). 2-space indent, clauses in README order, minimal
// parentheses, ASCII operators, every comment kept. In: a `Ruleset`. Out: text; `print∘parse∘print = print`.

import type * as A from './ast';
import { assertNever } from './ast';
import { layoutExpr, MAX_LINE, printExpr } from './print-expr';

export { MAX_LINE, precedence, printExpr } from './print-expr';
const INDENT = '  ';

/** Prints a ruleset in the canonical layout. */
export function printRuleset(ast: A.Ruleset): string {
  return new Printer(ast.comments).ruleset(ast);
}

/** A string literal with the escapes of the lexer. */
export function printString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || ch === '\u2028' || ch === '\u2029') out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export function printType(t: A.TypeExpr): string {
  switch (t.kind) {
    case 'Scalar':
      return t.domain ? `${t.name} ${printDomain(t.domain)}` : t.name;
    case 'Enum':
      return `enum {${t.values.map((v) => ` ${v.name}`).join(',')} }`;
    case 'Object':
      return `object {${t.fields.map((f) => ` ${f.name.name}: ${printType(f.type)}`).join(',')} }`;
    default:
      return assertNever(t, 'type');
  }
}

function printDomain(d: A.Domain): string {
  return d.kind === 'Bound' ? `${d.op} ${d.value.text}` : `${d.min.text} to ${d.max.text}`;
}

function printPoints(p: A.Points): string {
  let s = printExpr(p.value, 5);
  if (p.when) s += ` when ${printExpr(p.when)}`;
  if (p.otherwise) s += ` else ${printExpr(p.otherwise, 5)}`;
  return s;
}

const BARE_PROP_AT_END = /\b(score|share|weight|points|value|fired|decided|holds)$/;

function printBandCond(c: A.BandCond): string {
  switch (c.kind) {
    case 'Else':
      return 'else';
    case 'Compare':
      return `${c.op} ${printExpr(c.bound, 5)}`;
    case 'Cond': {
      // A leading `-` would continue the points of the band before: `100 - x > 0` (README grammar).
      const s = printExpr(c.expr);
      return s.startsWith('-') ? `(${s})` : s;
    }
    default:
      return assertNever(c, 'band');
  }
}

// --- layout -----------------------------------------------------------------------------------

class Printer {
  private readonly lines: string[] = [];
  private next = 0;
  /** A blank line is owed before the next own-line output (separating blocks). */
  private blankOwed = false;

  constructor(private readonly comments: readonly A.Comment[]) {}

  ruleset(r: A.Ruleset): string {
    this.headerBlock(r);
    for (const item of r.items) {
      this.blankOwed = true;
      this.topItem(item);
    }
    this.flushBefore(Infinity, 0);
    return `${this.lines.join('\n')}\n`;
  }

  // --- output primitives --------------------------------------------------------------------

  private push(depth: number, text: string): number {
    if (this.blankOwed) {
      if (this.lines.length > 0) this.lines.push('');
      this.blankOwed = false;
    }
    this.lines.push(INDENT.repeat(depth) + text);
    return this.lines.length - 1;
  }

  /** Emits the comments that start before `pos`; returns how many. */
  private flushBefore(pos: number, depth: number): number {
    let n = 0;
    for (;;) {
      const c = this.comments[this.next];
      if (!c || c.span.start >= pos) return n;
      this.next++;
      n++;
      const last = this.lines.length - 1;
      if (c.trailing && last >= 0 && this.lines[last] !== '') this.lines[last] += `  ${c.text.trimEnd()}`;
      else this.push(depth, c.text.trimEnd());
    }
  }

  /** One line-level statement: its leading comments, then its lines. */
  private stmt(start: number | undefined, depth: number, text: string): void {
    if (start !== undefined) this.flushBefore(start, depth);
    this.push(depth, text);
  }

  /** `head <expression>`, the expression broken over lines (indented one level deeper) when it does not fit. */
  private exprStmt(start: number | undefined, depth: number, head: string, e: A.Expr): void {
    if (start !== undefined) this.flushBefore(start, depth);
    // comments between the lines of a formula go before it, each on its own line: the layout may move its breaks
    for (let c = this.comments[this.next]; c && c.span.start < e.span.end; c = this.comments[++this.next]) this.push(depth, c.text.trimEnd());
    const [first, ...rest] = layoutExpr(e, 0, INDENT.length * depth + head.length, INDENT.length * (depth + 1));
    this.stmt(start, depth, head + (first ?? ''));
    this.lines.push(...rest);
  }

  /** `head { … }`, or `head {}` when nothing (not even a comment) is inside. */
  private block(head: string, span: A.Span, depth: number, body: () => void): void {
    this.flushBefore(span.start, depth);
    const open = this.push(depth, `${head} {`);
    const before = this.lines.length;
    const opened = this.lines[open];
    body();
    this.blankOwed = false;
    const comments = this.flushBefore(span.end, depth + 1);
    if (this.lines.length === before && comments === 0 && this.lines[open] === opened) this.lines[open] = `${opened}}`;
    else this.push(depth, '}');
  }

  private text(keyword: string, t: A.Text, depth: number): void {
    this.flushBefore(t.span.start, depth);
    const entries = t.entries.map((e) => `${e.lang} ${printString(e.value.value)}`);
    if (entries.length === 0) {
      this.push(depth, `${keyword} {}`);
      return;
    }
    const oneLine = `${keyword} { ${entries.join(' ')} }`;
    if (INDENT.length * depth + oneLine.length <= MAX_LINE) {
      this.push(depth, oneLine);
      return;
    }
    this.push(depth, `${keyword} {`);
    for (const e of entries) this.push(depth + 1, e);
    this.push(depth, '}');
  }

  // --- declarations -------------------------------------------------------------------------

  private headerBlock(r: A.Ruleset): void {
    const h = r.header;
    this.block(`ruleset ${printString(r.id.value)}`, h.span, 0, () => {
      if (h.version) this.stmt(h.version.span.start, 1, `version ${printString(h.version.value)}`);
      if (h.status) this.stmt(h.status.span.start, 1, `status ${printString(h.status.value)}`);
      if (h.date) this.stmt(h.date.span.start, 1, `date ${h.date.text}`);
      if (h.title) this.text('title', h.title, 1);
      if (h.total) this.stmt(h.total.span.start, 1, `total ${h.total.text}`);
      if (h.evidenceRequired) this.stmt(h.evidenceRequired.start, 1, 'evidence required');
      if (h.precision) this.stmt(h.precision.span.start, 1, `precision ${h.precision.text}`);
    });
  }

  private topItem(item: A.TopItem): void {
    switch (item.kind) {
      case 'Method':
        return this.block(`method ${item.id.name}`, item.span, 0, () => {
          if (item.label) this.text('label', item.label, 1);
        });
      case 'Input': {
        const head = `input ${item.id.name}: ${printType(item.type)}`;
        if (!item.label && !item.unit && !item.note && !item.required) return this.stmt(item.span.start, 0, head);
        return this.block(head, item.span, 0, () => {
          if (item.label) this.text('label', item.label, 1);
          if (item.unit) this.stmt(item.unit.span.start, 1, `unit ${printString(item.unit.value)}`);
          if (item.note) this.stmt(item.note.span.start, 1, `note ${printString(item.note.value)}`);
          if (item.required) this.stmt(item.required.start, 1, 'required');
        });
      }
      case 'Derive':
        return this.formulaDecl(`derive ${item.id.name}${item.type ? `: ${printType(item.type)}` : ''}`, item);
      case 'TotalFormula':
        return this.formulaDecl(`total${item.type ? `: ${printType(item.type)}` : ''}`, item);
      case 'Dimension':
        return this.block(`dimension ${item.id.name}`, item.span, 0, () => {
          if (item.label) this.text('label', item.label, 1);
          if (item.weight) this.stmt(item.weight.span.start, 1, `weight ${item.weight.text}`);
          item.indicators.forEach((ind, i) => {
            if (i > 0 || item.label || item.weight) this.blankOwed = true;
            this.indicator(ind, 1);
          });
        });
      case 'Prerequisite':
        return this.block(`prerequisite ${item.id.name}`, item.span, 0, () => {
          if (item.label) this.text('label', item.label, 1);
          for (const r of item.requires) this.exprStmt(r.span.start, 1, 'require ', r);
        });
      case 'Veto':
        return this.block(`veto ${item.id.name}`, item.span, 0, () => {
          if (item.label) this.text('label', item.label, 1);
          if (item.when) this.exprStmt(item.when.span.start, 1, 'when ', item.when);
        });
      case 'Levels':
        return this.block(item.cumulative ? 'levels cumulative' : 'levels', item.span, 0, () => {
          item.levels.forEach((level, i) => {
            if (i > 0) this.blankOwed = true;
            this.block(`level ${level.id.name}`, level.span, 1, () => {
              if (level.label) this.text('label', level.label, 2);
              for (const r of level.requires) this.exprStmt(r.span.start, 2, 'require ', r);
            });
          });
          const f = item.fallback;
          if (f) {
            if (item.levels.length > 0) this.blankOwed = true;
            this.block(`fallback ${f.id.name}`, f.span, 1, () => {
              if (f.label) this.text('label', f.label, 2);
            });
          }
        });
      default:
        return assertNever(item, 'declaration');
    }
  }

  /** The block of a `derive` or the formula `total`: label, unit, note, formula. */
  private formulaDecl(head: string, d: A.DeriveDecl | A.TotalDecl): void {
    this.block(head, d.span, 0, () => {
      if (d.label) this.text('label', d.label, 1);
      if (d.unit) this.stmt(d.unit.span.start, 1, `unit ${printString(d.unit.value)}`);
      if (d.note) this.stmt(d.note.span.start, 1, `note ${printString(d.note.value)}`);
      this.exprStmt(d.formula.span.start, 1, 'formula ', d.formula);
    });
  }

  private indicator(ind: A.IndicatorDecl, depth: number): void {
    const d = depth + 1;
    this.block(`indicator ${ind.id.name}`, ind.span, depth, () => {
      if (ind.label) this.text('label', ind.label, d);
      if (ind.weight) this.stmt(ind.weight.span.start, d, `weight ${ind.weight.text}`);
      if (ind.type) this.stmt(ind.type.span.start, d, `type ${printType(ind.type)}`);
      if (ind.unit) this.stmt(ind.unit.span.start, d, `unit ${printString(ind.unit.value)}`);
      if (ind.direction) this.stmt(ind.direction.span.start, d, `${ind.direction.value} is better`);
      if (ind.methods) {
        const refs = ind.methods.refs.map((r) => (r.note ? `${r.method.name} ${printString(r.note.value)}` : r.method.name));
        this.stmt(ind.methods.span.start, d, `methods ${refs.join(', ')}`);
      }
      if (ind.basis) this.stmt(ind.basis.span.start, d, `basis ${printString(ind.basis.value)}`);
      if (ind.applies) this.exprStmt(ind.applies.span.start, d, 'applies when ', ind.applies);
      if (ind.formerly) this.stmt(ind.formerly[0]?.span.start, d, `formerly ${ind.formerly.map((n) => n.name).join(', ')}`);
      if (ind.required) this.stmt(ind.required.start, d, 'required');
      if (ind.scoring) this.scoring(ind.scoring, d);
    });
  }

  private scoring(s: A.Scoring, depth: number): void {
    switch (s.kind) {
      case 'Bands':
        return this.block('bands', s.span, depth, () => {
          s.bands.forEach((b, i) => {
            let points = printPoints(b.points);
            // `value` then a band starting with `(` would read as `value(…)`: keep them apart.
            const next = s.bands[i + 1];
            if (next && printBandCond(next.cond).startsWith('(')) points = points.replace(BARE_PROP_AT_END, '($1)');
            this.stmt(b.span.start, depth + 1, `${printBandCond(b.cond)}: ${points}`);
          });
        });
      case 'Map':
        return this.block('map', s.span, depth, () => {
          for (const e of s.entries) {
            const key = e.key.kind === 'Else' ? 'else' : e.key.name;
            this.stmt(e.span.start, depth + 1, `${key}: ${printPoints(e.points)}`);
          }
        });
      case 'Formula':
        return this.exprStmt(s.span.start, depth, 'formula ', s.expr);
      default:
        return assertNever(s, 'scoring');
    }
  }
}
