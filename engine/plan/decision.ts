// The decision variant's rules and ladder (`Plan.summary`): truth codes only, and no evaluation whose result
// cannot change the decision. In: the conditions of a rule or of each level, compiled once. Out: closures that
// write a truth code or `rt.level`.
//
// What may be skipped: the reference evaluates every condition, and one that throws (`EvalFailure`) makes the
// platform `invalid`, so a condition is skipped only when its evaluation cannot throw (`mayThrow`). Then
//   - a conjunction stops at its first false condition (false ∧ anything = false);
//   - a cumulative ladder is read from the bottom and stops at the first level that does not hold (no level
//     above it can hold); a non-cumulative one from the top, stopping at the first that holds;
//   - the ladder is not evaluated at all when a prerequisite does not hold or a veto fires (the level is then
//     null), provided every veto and prerequisite comes before it in the evaluation order.
// Skipped conditions have no effect besides their value: the plan's closures only read the runtime state.

import type { Expr } from '../../dsl/ast';
import { forEachChild } from '../check/walk';
import { compileExpr, type ExprCtx, type Fn } from './expr';
import { T_FALSE, T_TRUE, T_UNKNOWN, type Rt } from './runtime';
import { truthOf } from './values';
import { outcomeOf } from '../semantics/outcome';

/**
 * Whether evaluating `e` may throw in the reference evaluator, for a model whose checks passed: names are resolved,
 * operand types checked (A301–A304), the order respects dependencies and the step limit is bounded (else there is
 * no plan). What is left is division (by zero, E150), a call without arguments, and a syntax-error node.
 */
export function mayThrow(e: Expr): boolean {
  if ((e.kind === 'Binary' && e.op === '/') || (e.kind === 'Call' && e.args.length === 0) || e.kind === 'Error') return true;
  let found = false;
  forEachChild(
    e,
    'any',
    (child) => {
      if (!found && mayThrow(child)) found = true;
    },
    undefined,
  );
  return found;
}

/**
 * The truth code alone of a conjunction of conditions: no list of missing fields or per-condition truths is
 * built. Equal to `truthCode(compileConditions(…)(rt).truth)`. Evaluation stops at a false condition when none
 * after it may throw.
 */
export function compileTruthCode(exprs: readonly Expr[], c: ExprCtx): (rt: Rt) => number {
  const fns = exprs.map((x) => compileExpr(x, c));
  if (fns.length === 1) {
    const f = fns[0] as Fn;
    return (rt) => {
      const t = truthOf(f(rt));
      return t === true ? T_TRUE : t === false ? T_FALSE : T_UNKNOWN;
    };
  }
  // restSafe[k]: no condition after the k-th may throw.
  const restSafe = exprs.map((_, k) => !exprs.slice(k + 1).some(mayThrow));
  return (rt) => {
    let code = T_TRUE;
    for (let k = 0; k < fns.length; k++) {
      const t = truthOf((fns[k] as Fn)(rt));
      if (t === false) {
        if (restSafe[k] === true) return T_FALSE;
        code = T_FALSE;
      } else if (t !== true && code === T_TRUE) code = T_UNKNOWN;
    }
    return code;
  };
}

/**
 * The level alone (`rt.level`), by the reference's rule: the highest level that holds (cumulative: it and every
 * level below it). `afterRules`: every veto and prerequisite is evaluated before the ladder.
 */
export function compileDecisionLevels(
  levels: readonly { readonly requires: readonly Expr[] }[],
  cumulative: boolean,
  fallback: string | null,
  ids: readonly string[],
  afterRules: boolean,
  c: ExprCtx,
): (rt: Rt) => void {
  const codes = levels.map((l) => compileTruthCode(l.requires, c));
  const n = codes.length;
  const holds = (rt: Rt, k: number): boolean => (codes[k] as (rt: Rt) => number)(rt) === T_TRUE;
  if (levels.some((l) => l.requires.some(mayThrow))) {
    // Every level's conditions are evaluated, as the reference does, then the ladder is read.
    const own = new Uint8Array(n);
    return (rt) => {
      for (let k = 0; k < n; k++) own[k] = holds(rt, k) ? 1 : 0;
      let level = fallback;
      if (cumulative) {
        // Level k holds when it and every level below it (k+1 … n−1) hold: the lowest unbroken run from the bottom.
        for (let k = n - 1; k >= 0 && own[k] === 1; k--) level = ids[k] as string;
      } else {
        const k = own.indexOf(1);
        if (k >= 0) level = ids[k] as string;
      }
      rt.level = level;
    };
  }
  return (rt) => {
    if (afterRules && !graded(rt)) {
      rt.level = null;
      return;
    }
    let level = fallback;
    if (cumulative) {
      for (let k = n - 1; k >= 0 && holds(rt, k); k--) level = ids[k] as string;
    } else {
      for (let k = 0; k < n; k++) {
        if (holds(rt, k)) {
          level = ids[k] as string;
          break;
        }
      }
    }
    rt.level = level;
  };
}

/** Every prerequisite holds and no veto fires (the outcome is `graded`, by engine/semantics/outcome.ts). */
function graded(rt: Rt): boolean {
  let fails = false;
  for (let k = 0; k < rt.pTruth.length; k++) if (rt.pTruth[k] !== T_TRUE) fails = true;
  return outcomeOf(fails, rt.vTruth.includes(T_TRUE)) === 'graded';
}
