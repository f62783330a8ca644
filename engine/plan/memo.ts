// Formulas over finitely many evidence values, computed once per combination: a derived value or a formula total
// that reads only enum and boolean fields (directly or through other such derived values), like CVSS's sub-scores.
// In: a formula and the plan's layout (once). Out: the formula's closure memoised by the values of the fields it
// reads (an index in a mixed radix, absent fields included), or undefined when the formula reads anything else.
//
// Exact and safe: such a formula's value is a function of those fields alone (no points, scores, total,
// quantifier or number field), so the value computed for one platform is the value for every platform with the
// same fields. A formula that throws (`Bail`: the reference then decides) is not remembered, and throws again.

import type { Expr } from '../../dsl/ast';
import { forEachChild } from '../check/walk';
import type { ExprCtx, Fn } from './expr';
import type { Rt } from './runtime';
import type { PV } from './values';

/** Most combinations remembered for one formula. */
const MAX_COMBINATIONS = 1 << 16;

/** The evidence slots a formula reads, when it reads only enum and boolean fields (and such derived values). */
function finiteSlots(e: Expr, c: ExprCtx, slots: Set<number>, seen: Set<string>): boolean {
  const m = c.layout.model;
  let ok = true;
  const visit = (x: Expr): void => {
    if (!ok) return;
    switch (x.kind) {
      case 'Prop':
      case 'Total':
      case 'Quantified':
      case 'Error':
        ok = false;
        return;
      case 'Ref': {
        const t = m.resolution.refs.get(x);
        if (!t) {
          ok = false;
          return;
        }
        if (t.kind === 'symbol') return;
        if (t.kind === 'derived') {
          const d = m.derivedById.get(t.id);
          if (!d || seen.has(t.id)) {
            ok = d !== undefined;
            return;
          }
          seen.add(t.id);
          ok = finiteSlots(d.decl.formula, c, slots, seen);
          return;
        }
        const id = t.kind === 'field' ? t.indicator : t.id;
        const type = m.fields.get(id)?.type;
        const slot = c.layout.slotOf.get(id);
        if (t.members.length > 0 || slot === undefined || (type?.kind !== 'enum' && type?.kind !== 'boolean')) {
          ok = false;
          return;
        }
        slots.add(slot);
        return;
      }
      default:
        forEachChild(x, 'any', visit, undefined);
    }
  };
  visit(e);
  return ok;
}

/** `f` memoised by the finite fields its formula reads; undefined when it reads anything else (or too many). */
export function memoised(e: Expr, f: Fn, c: ExprCtx): Fn | undefined {
  if (c.traced) return undefined;
  const set = new Set<number>();
  if (!finiteSlots(e, c, set, new Set())) return undefined;
  const slots = [...set];
  const idOf = new Map([...c.layout.slotOf].map(([id, slot]) => [slot, id]));
  const isEnum = slots.map((s) => c.layout.model.fields.get(idOf.get(s) ?? '')?.type?.kind === 'enum');
  // Radix of each slot: its values plus "absent".
  const radix = slots.map((s, k) => {
    const t = c.layout.model.fields.get(idOf.get(s) ?? '')?.type;
    return (isEnum[k] && t?.kind === 'enum' ? t.values.length : 2) + 1;
  });
  const size = radix.reduce((a, b) => a * b, 1);
  if (size > MAX_COMBINATIONS) return undefined;
  const memo: (PV | undefined)[] = new Array<PV | undefined>(size).fill(undefined);
  const n = slots.length;
  return (rt: Rt) => {
    let at = 0;
    for (let k = 0; k < n; k++) {
      const s = slots[k] as number;
      const raw = rt.raw[s];
      const digit = raw === undefined ? 0 : isEnum[k] ? (rt.sym[s] as number) + 1 : raw === true ? 2 : 1;
      at = at * (radix[k] as number) + digit;
    }
    let v = memo[at];
    if (v === undefined) {
      v = f(rt);
      memo[at] = v;
    }
    return v;
  };
}
