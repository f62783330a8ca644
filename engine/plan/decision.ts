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
import type { Rt } from './runtime';
import { truthCodeOf } from './values';
import { outcomeOfCodes } from '../semantics/outcome';
import { ladderHolds, ladderSteps, reachedIndex, reachLevel } from '../semantics/ladder';
import { andCode, FALSE, holds, TRUE, type TruthCode } from '../semantics/truth';

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
export function compileTruthCode(exprs: readonly Expr[], c: ExprCtx): (rt: Rt) => TruthCode {
  const fns = exprs.map((x) => compileExpr(x, c));
  if (fns.length === 1) {
    const f = fns[0] as Fn;
    return (rt) => truthCodeOf(f(rt));
  }
  // restSafe[k]: no condition after the k-th may throw.
  const restSafe = exprs.map((_, k) => !exprs.slice(k + 1).some(mayThrow));
  return (rt) => {
    let code: TruthCode = TRUE;
    for (let k = 0; k < fns.length; k++) {
      code = andCode(code, truthCodeOf((fns[k] as Fn)(rt)));
      if (code === FALSE && restSafe[k] === true) return FALSE;
    }
    return code;
  };
}

/**
 * The level alone (`rt.level`), by engine/semantics/ladder.ts: the ladder's decision list (`ladderSteps`), reading
 * each level's own conditions lazily. `afterRules`: every veto and prerequisite is evaluated before the ladder.
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
  const ownHolds = (rt: Rt, k: number): boolean => holds((codes[k] as (rt: Rt) => TruthCode)(rt));
  const levelAt = (k: number): string | null => (k >= 0 ? (ids[k] as string) : fallback);
  if (levels.some((l) => l.requires.some(mayThrow))) {
    // Every level's conditions are evaluated, as the reference does, then the ladder is read.
    const own: boolean[] = new Array<boolean>(n).fill(false);
    const hold: boolean[] = [];
    return (rt) => {
      for (let k = 0; k < n; k++) own[k] = ownHolds(rt, k);
      rt.level = levelAt(reachedIndex(ladderHolds(cumulative, own, hold)));
    };
  }
  const steps = ladderSteps(cumulative, n);
  return (rt) => {
    if (afterRules && outcomeOfCodes(rt.pTruth, rt.vTruth) !== 'graded') {
      rt.level = null;
      return;
    }
    rt.level = levelAt(reachLevel(steps, rt, ownHolds));
  };
}
