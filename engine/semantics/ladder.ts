// The level ladder: levels are listed highest first; a level holds when its own conditions all hold (and, on a
// `cumulative` ladder, every level below it holds too); the level reached is the highest that holds, else the
// fallback. Stated once for the reference, the plan, the decision variant, the JsonLogic export and the analyses.
// In: whether the ladder is cumulative, the number of levels, each level's own result. Out: which levels hold,
// the index reached (−1: the fallback), or the steps of a decision list a backend turns into code.

/**
 * Which levels hold, from which levels' own conditions hold (index 0 = the highest level). Written into `out`
 * (may be `own` itself) so a hot path allocates nothing.
 */
export function ladderHolds(cumulative: boolean, own: ArrayLike<boolean>, out: boolean[]): boolean[] {
  const n = own.length;
  let below = true;
  for (let k = n - 1; k >= 0; k--) {
    const h: boolean = (own[k] as boolean) && (!cumulative || below);
    out[k] = h;
    below = h;
  }
  out.length = n;
  return out;
}

/** The level reached from the levels that hold: the highest one, −1 when none does (the fallback). */
export function reachedIndex(holds: ArrayLike<boolean>): number {
  for (let k = 0; k < holds.length; k++) if (holds[k] === true) return k;
  return -1;
}

/**
 * One step of the ladder as a decision list, tried in order: when `level`'s own conditions hold (`holds: true`)
 * or do not (`holds: false`), the result is `gives` (a level index, −1 the fallback). The last step has
 * `level: -1`: it always applies.
 */
export interface LadderStep {
  readonly level: number;
  readonly holds: boolean;
  readonly gives: number;
}

/**
 * The ladder as a decision list that reads each level's own conditions at most once: a cumulative ladder from
 * the bottom, stopping at the first level that does not hold (the one below it is reached); a plain ladder from
 * the top, stopping at the first that holds. Build once per ruleset; equal to `reachedIndex(ladderHolds(…))`.
 */
export function ladderSteps(cumulative: boolean, n: number): readonly LadderStep[] {
  const steps: LadderStep[] = [];
  if (cumulative) {
    for (let k = n - 1; k >= 0; k--) steps.push({ level: k, holds: false, gives: k === n - 1 ? -1 : k + 1 });
    steps.push({ level: -1, holds: true, gives: n > 0 ? 0 : -1 });
  } else {
    for (let k = 0; k < n; k++) steps.push({ level: k, holds: true, gives: k });
    steps.push({ level: -1, holds: true, gives: -1 });
  }
  return steps;
}

/**
 * The level reached, reading levels lazily through `own(state, k)` (whether level k's own conditions hold) in the
 * order `ladderSteps` gives; −1 is the fallback. No allocation: pass the steps built once and a test that does not
 * capture.
 */
export function reachLevel<S>(steps: readonly LadderStep[], state: S, own: (state: S, k: number) => boolean): number {
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s] as LadderStep;
    if (step.level < 0 || own(state, step.level) === step.holds) return step.gives;
  }
  return -1;
}

/**
 * The levels whose own conditions must hold for level `at` to hold: `[from, to)` over indices (highest first). A
 * cumulative ladder needs the level and every level below it; a plain one the level alone.
 */
export function levelsNeeded(cumulative: boolean, n: number, at: number): { readonly from: number; readonly to: number } {
  return cumulative ? { from: at, to: n } : { from: at, to: at + 1 };
}

/**
 * On a cumulative ladder, the level below `k` that keeps it from holding although its own conditions hold; −1
 * when there is none (not cumulative, k does not hold on its own, or k holds).
 */
export function blockedBy(cumulative: boolean, own: ArrayLike<boolean>, holds: ArrayLike<boolean>, k: number): number {
  if (!cumulative || own[k] !== true || holds[k] === true) return -1;
  const below = k + 1;
  return below < holds.length && holds[below] !== true ? below : -1;
}
