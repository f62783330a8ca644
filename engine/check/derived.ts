// Derived values, the formula total, powers and rounding functions: declared types the formula must give,
// `total` read only where there is one, `^` with an exponent within ±1000, the digits of
// `ceil`/`floor`/`round` whole-number literals and `round`'s mode. In: a model. Out: A220, A327–A329.
// (A literal exponent and the spelling of the mode are syntax: A115, A114; the total's type too: A116.)

import type { CallExpr, Expr } from '../../dsl/ast';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import type { Model } from '../model/model';
import { MAX_POWER } from '../evaluate/expr';
import { describeType, sameType } from '../model/value-type';
import { shown, sites, walk } from './walk';

export function checkDerived(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  declaredTypes(m, out);
  const noTotal = m.dimensions.length === 0 && !m.totalFormula;
  for (const s of sites(m)) {
    walk(s.expr, s.role, (e) => {
      if (e.kind === 'Total' && noTotal) out.push(diag('A220', e.span));
      else if (e.kind === 'Binary' && e.op === '^' && wholeLiteral(e.right) === undefined) {
        out.push(diag('A327', e.right.span, { text: shown(e.right), limit: MAX_POWER }));
      } else if (e.kind === 'Call') call(e, out);
    });
  }
  return out;
}

/** The value of an integer literal (`15`, `-1`) within ±MAX_POWER, else undefined. */
function wholeLiteral(e: Expr): number | undefined {
  if (e.kind === 'Unary' && e.op === '-') {
    const v = wholeLiteral(e.operand);
    return v === undefined ? undefined : -v;
  }
  if (e.kind !== 'Num' || !/^\d+$/.test(e.text)) return undefined;
  const v = Number(e.text);
  return v <= MAX_POWER ? v : undefined;
}

/** `ceil(x)`, `ceil(x, d)`, `floor(…)` likewise, `round(x, d, mode)`: d a whole-number literal. */
function call(e: CallExpr, out: Diagnostic[]): void {
  if (e.fn !== 'ceil' && e.fn !== 'floor' && e.fn !== 'round') return;
  const expected = e.fn === 'round' ? 'a value, the digits and a rounding mode' : 'a value and optionally the digits';
  const wrongCount = e.fn === 'round' ? e.args.length !== 2 : e.args.length < 1 || e.args.length > 2;
  const digits = e.args[1];
  if (wrongCount || (digits !== undefined && wholeLiteral(digits) === undefined) || (e.fn === 'round' && !e.mode)) {
    const at = digits !== undefined && !wrongCount && wholeLiteral(digits) === undefined ? digits : e;
    out.push(diag('A328', at.span, { fn: e.fn, expected, text: shown(at) }));
  }
}

/** What a formula gives must fit what its derived value declares. */
function declaredTypes(m: Model, out: Diagnostic[]): void {
  for (const d of m.derived) {
    const t = d.declared;
    const ft = m.resolution.types.get(d.decl.formula);
    if (!t || !ft || ft.kind === 'unknown') continue;
    // Numbers and conditions are A303/A304 (the formula's place wants one); enums must be the same enum.
    if (t.kind === 'enum' && !sameType(t, ft)) {
      out.push(diag('A329', d.decl.formula.span, { name: d.id, found: describeType(ft), type: describeType(t) }));
    }
  }
}
