// Weights: a dimension's indicator weights add up exactly (decimal arithmetic) to the dimension's weight, the
// dimension weights to the ruleset's total; no weight is zero; no dimension is empty.
// In: a model. Out: A401–A405 diagnostics (A490/A491 notes point at the declared weight and total).

import { diag, type Diagnostic, type RelatedInfo } from '../../dsl/diagnostics';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';

export function checkWeights(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const total = m.ast.header.total;
  if (total && m.total.sign() <= 0) out.push(diag('A405', total.span, { total: total.text }));

  for (const d of m.dimensions) {
    const w = d.decl.weight;
    if (w && d.weight.isZero()) out.push(diag('A403', w.span, { name: d.id }));
    if (d.decl.indicators.length === 0) {
      out.push(diag('A404', d.decl.id.span, { name: d.id }));
      continue;
    }
    let sum = Rational.ZERO;
    let complete = w !== undefined;
    for (const id of d.indicators) {
      const ind = m.indicatorsById.get(id);
      if (!ind) continue;
      if (!ind.decl.weight) complete = false; // A208 already
      else if (ind.weight.isZero()) out.push(diag('A403', ind.decl.weight.span, { name: id }));
      sum = sum.add(ind.weight);
    }
    // A duplicate indicator id (A202) drops the indicator from the model: its weight is not counted.
    if (d.indicators.length !== d.decl.indicators.length) complete = false;
    if (complete && w && !sum.eq(d.weight)) {
      const related: RelatedInfo[] = [{ span: w.span, code: 'A490', args: { name: d.id } }];
      out.push(
        diag('A401', d.decl.id.span, { name: d.id, sum: sum.toDecimalString(), weight: d.weight.toDecimalString() }, { related }),
      );
    }
  }

  const allWeighted = m.dimensions.every((d) => d.decl.weight !== undefined);
  if (m.dimensions.length > 0 && allWeighted && m.total.sign() > 0) {
    const sum = m.dimensions.reduce((a, d) => a.add(d.weight), Rational.ZERO);
    if (!sum.eq(m.total)) {
      const at = total?.span ?? m.ast.id.span;
      out.push(diag('A402', at, { sum: sum.toDecimalString(), total: m.total.toDecimalString() }));
    }
  }
  return out;
}
