// What a generated module's `make(kit)` receives: the semantics owners its code calls and the plan's exact
// fraction operations. In: nothing (module constants). Out: `KIT`, built once; generated code never states these
// rules itself.

import { hasExactNumbers } from '../numbers/exact';
import { addFracLcm, cmpFrac, R } from '../plan/num';
import { bandMatches } from '../semantics/first-match';
import { outcomeOf, prerequisiteFails, vetoFires } from '../semantics/outcome';
import { andCode, applies, decided, holds, notCode, orCode } from '../semantics/truth';

export const KIT = {
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
