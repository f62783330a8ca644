// First match: bands are tested top-down and the first whose condition is true gives the points; a map gives
// the entry of the value, else its `else` entry. Stated once for the reference, the plan and the exports.
// In: how many candidates and how to test one (a state and a module-level test, so no closure per call), or a
// map's keys. Out: the index of the match, or -1 (no match: 0 points and warning E153).

import { TRUE, type TruthCode } from './truth';

/** A band's truth decides a match only when it is true (an unknown band does not match). */
export function bandMatches(code: TruthCode): boolean {
  return code === TRUE;
}

/**
 * The first band that matches: `test(state, k)` for k = 0, 1, … until one gives true. Bands after the match are not
 * tested. Pass a test that does not capture (a module function or a method-free arrow built once) so nothing is
 * allocated per call.
 */
export function firstMatch<S>(count: number, state: S, test: (state: S, k: number) => TruthCode): number {
  for (let k = 0; k < count; k++) if (test(state, k) === TRUE) return k;
  return -1;
}

/** A map's entries: each one's key, `undefined` for `else`. */
export type MapKeys = readonly (string | undefined)[];

/** A map compiled once: the first entry of each key, and the first `else` entry (−1 without one). */
export interface MapIndex {
  readonly byKey: ReadonlyMap<string, number>;
  readonly elseAt: number;
}

/** Builds a map's lookup once (the first entry of a key wins, as does the first `else`). */
export function mapIndex(keys: MapKeys): MapIndex {
  const byKey = new Map<string, number>();
  let elseAt = -1;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (key === undefined) {
      if (elseAt < 0) elseAt = k;
    } else if (!byKey.has(key)) byKey.set(key, k);
  }
  return { byKey, elseAt };
}

/** The entry a map gives a value: its key's entry, else the `else` entry; −1 when neither (or no enum value). */
export function mapEntry(index: MapIndex, value: string | undefined): number {
  if (value === undefined) return -1;
  return index.byKey.get(value) ?? index.elseAt;
}
