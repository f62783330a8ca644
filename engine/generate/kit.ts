// What a generated module's `make(kit)` receives: the semantics owners its code calls and the plan's exact
// fraction operations. In: nothing (module constants). Out: `KIT`, built once; generated code never states these
// rules itself.

import { hasExactNumbers } from '../numbers/exact';
import { addFracLcm, Bail, cmpFrac, R } from '../plan/num';
import { scaledScore, scaledShare } from '../semantics/weights';
import { bandMatches } from '../semantics/first-match';
import { outcomeOf, prerequisiteFails, vetoFires } from '../semantics/outcome';
import { andCode, applies, decided, holds, notCode, orCode } from '../semantics/truth';

/** A dimension's score (semantics/weights.ts `scaledScore`, denominators 1) into `R`; `Bail` past the safe range. */
function score(T: number, A: number, M: number, scale: number): void {
  if (!scaledScore(T, A, M, 1, scale, R)) throw new Bail('score out of range');
}

/** A dimension's share (semantics/weights.ts `scaledShare`) into `R`; `Bail` past the safe range. */
function share(sn: number, sd: number, wn: number, wd: number): void {
  if (!scaledShare(sn, sd, wn, wd, R)) throw new Bail('share out of range');
}

export const KIT = {
  score,
  share,
  andCode,
  orCode,
  notCode,
  holds,
  applies,
  bandMatches,
  decided,
  prerequisiteFails,
  vetoFires,
  outcomeOf,
  cmpFrac,
  /** Throws the plan's `Bail` past the safe range: the caller then asks the plan. */
  addFracLcm,
  /** The scratch result of `addFracLcm`. */
  R,
  /** Whether exact source text was recorded for an object's numbers (then the plan decides). */
  exact: hasExactNumbers,
} as const;

export type Kit = typeof KIT;
