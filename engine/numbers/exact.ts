// Exact values of numbers read from text, kept beside the plain data the readers build (YAML, JSON, CSV).
// In: a container (object or array), a key, the exact value. Out: lookups by container and key for the evaluators.

import type { Rational } from './rational';

/** Exact values of numbers read from text, by container and key (numbers in evidence may exceed double precision). */
const EXACT = new WeakMap<object, Map<string, Rational>>();
/** Whether any exact number was ever recorded in this process: until then no container has one (a cheap test). */
let recorded = false;

/** Whether `container` has exact numbers recorded (false without a lookup while none was ever recorded). */
export function hasExactNumbers(container: object): boolean {
  return recorded && EXACT.has(container);
}

/** The exact value of the number at `container[key]` if a reader recorded it. */
export function exactNumber(container: object, key: string): Rational | undefined {
  return EXACT.get(container)?.get(key);
}

/** Every exact number recorded for `container` (undefined when none): one lookup for fast readers (engine/plan). */
export function exactNumbersOf(container: object): ReadonlyMap<string, Rational> | undefined {
  return EXACT.get(container);
}

/** Records the exact value of `container[key]` (for readers of other YAML files, e.g. rule tests). */
export function setExact(container: object, key: string, q: Rational): void {
  recorded = true;
  let m = EXACT.get(container);
  if (!m) EXACT.set(container, (m = new Map()));
  m.set(key, q);
}
