// Renders parts of a ruleset's syntax tree in the notation of the standard's tables, so that tests can compare
// the encoding with the text cell by cell. In: AST nodes (dsl/ast.ts). Out: strings such as
// `≥1000: 100; ≥300: 80; else 20`, `number ≥ 0, PFLOPS`, `TT on ≥5% of nodes (at least 16), OS, DR`.

import type { Expr, IndicatorDecl, Points, Text, TypeExpr } from '../../dsl/ast';

export const SYM: Record<string, string> = { '>=': '≥', '<=': '≤', '!=': '≠', '>': '>', '<': '<', '=': '=' };

export function labels(t: Text | undefined): string {
  return (t?.entries ?? []).map((e) => e.value.value).join(' / ');
}

/** An expression in the notation of the standard's band column (`frameworks ≥4 and architectures ≥3`). */
export function expr(e: Expr): string {
  switch (e.kind) {
    case 'Num':
      return e.text;
    case 'Ref':
      return e.path.map((n) => n.name).join('.');
    case 'Binary':
      return `${expr(e.left)} ${e.op} ${expr(e.right)}`;
    case 'Compare':
      return `${expr(e.left)} ${SYM[e.op] ?? e.op}${expr(e.right)}`;
    case 'Unary':
      return e.op === 'not' ? `not \`${expr(e.operand)}\`` : `-${expr(e.operand)}`;
    default:
      return `<${e.kind}>`;
  }
}

export function points(p: Points): string {
  return p.when && p.otherwise ? `${expr(p.value)} when ${expr(p.when)}, else ${expr(p.otherwise)}` : expr(p.value);
}

/** The band column as the standard prints it: `≥1000: 100; ≥300: 80; …; else 20`. */
export function scoring(i: IndicatorDecl): string {
  const s = i.scoring;
  if (!s) return '';
  switch (s.kind) {
    case 'Bands':
      return s.bands
        .map((b) => {
          switch (b.cond.kind) {
            case 'Compare':
              return `${SYM[b.cond.op] ?? b.cond.op}${expr(b.cond.bound)}: ${points(b.points)}`;
            case 'Cond':
              return `${expr(b.cond.expr)}: ${points(b.points)}`;
            case 'Else':
              return `else ${points(b.points)}`;
          }
        })
        .join('; ');
    case 'Map':
      return s.entries.map((m) => `${m.key.kind === 'Name' ? m.key.name : 'else'}: ${points(m.points)}`).join('; ');
    case 'Formula':
      return `formula ${expr(s.expr)}`;
  }
}

export function typeText(t: TypeExpr | undefined): string {
  if (!t) return '';
  switch (t.kind) {
    case 'Enum':
      return `enum ${t.values.map((v) => v.name).join(', ')}`;
    case 'Object':
      return `object {${t.fields.map((f) => `${f.name.name}: ${typeText(f.type)}`).join(', ')}}`;
    case 'Scalar': {
      const d = t.domain;
      if (!d) return t.name;
      return d.kind === 'Range' ? `${t.name} ${d.min.text}–${d.max.text}` : `${t.name} ${SYM[d.op] ?? d.op} ${d.value.text}`;
    }
  }
}

/** The "type, unit" column: `number ≥ 0, PFLOPS`, `percent (of a 10-item checklist)`, `integer 0–7 (…)`. */
export function typeColumn(i: IndicatorDecl): string {
  const t = typeText(i.type);
  const unit = i.unit?.value;
  let s = t;
  if (unit !== undefined) {
    if (t === 'percent') s = `percent ${unit.replace(/^% /, '')}`;
    else if (/–/.test(t)) s = `${t} (${unit})`;
    else s = `${t}, ${unit}`;
  }
  if (i.applies) s += `; applies only when \`${expr(i.applies)}\``;
  return s;
}

/** The method column: `DR, OS, TT`, `TT on ≥5% of nodes (at least 16), OS, DR`, `TT (GB/T 45087)`. */
export function methodColumn(i: IndicatorDecl): string {
  return (i.methods?.refs ?? [])
    .map((m) => {
      if (!m.note) return m.method.name;
      const n = m.note.value;
      return /^on /.test(n) ? `${m.method.name} ${n}` : `${m.method.name} (${n})`;
    })
    .join(', ');
}
