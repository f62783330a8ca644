// Three-valued (Kleene) logic, stated once for every backend: the reference's values, the plan's fast values,
// JsonLogic fragments. In: a `KleeneOps` record (how a backend reads and builds truths) and operands. Out: the
// operand or constant the rule picks; nothing is allocated here (the ops decide what combining costs).
//
// The rule: false ∧ x = false, true ∧ x = x, true ∨ x = true, false ∨ x = x, ¬unknown = unknown; unknown ∧
// unknown = unknown (the backend joins what each unknown carries: its missing fields, or a run-time fragment).
// A condition holds only when it is true; an `applies when` applies unless it is definitely false.

/** Truth codes: false 0, unknown 1, true 2 (so ∧ is the minimum and ∨ the maximum, ¬ is 2 − x). */
export const FALSE = 0;
export const UNKNOWN = 1;
export const TRUE = 2;
export type TruthCode = 0 | 1 | 2;

/**
 * How one backend reads and builds truths. Build it once per backend (a module constant), never per call. `C` is
 * what `code` needs besides the operand (the reference: where an error is reported); by default nothing.
 */
export interface KleeneOps<T, C = void> {
  readonly TRUE: T;
  readonly FALSE: T;
  /**
   * The truth code of an operand; `undefined` when it is only known at run time (a JsonLogic fragment). May throw
   * for an operand that is not a condition (the backend's E152). Called once per operand, left before right.
   */
  code(t: T, cx: C): TruthCode | undefined;
  // (`cx` is optional in the functions below only so that a backend with `C = void` may leave it out.)
  /** The result when neither operand decides: both unknown or undecided (union of missing fields, min/max, …). */
  join(op: 'and' | 'or', a: T, b: T): T;
  /** ¬ of an operand whose code is `undefined` (unknown operands are returned as they are). */
  negate(t: T): T;
}

/** Kleene conjunction: both operands are read (each may throw) before deciding. */
export function and<T, C = void>(L: KleeneOps<T, C>, a: T, b: T, cx?: C): T {
  const x = L.code(a, cx as C);
  const y = L.code(b, cx as C);
  if (x === FALSE || y === FALSE) return L.FALSE;
  if (x === TRUE) return y === TRUE ? L.TRUE : b;
  if (y === TRUE) return a;
  return L.join('and', a, b);
}

/** Kleene disjunction: both operands are read (each may throw) before deciding. */
export function or<T, C = void>(L: KleeneOps<T, C>, a: T, b: T, cx?: C): T {
  const x = L.code(a, cx as C);
  const y = L.code(b, cx as C);
  if (x === TRUE || y === TRUE) return L.TRUE;
  if (x === FALSE) return y === FALSE ? L.FALSE : b;
  if (y === FALSE) return a;
  return L.join('or', a, b);
}

/** Kleene negation: ¬true = false, ¬false = true, ¬unknown = the same unknown. */
export function not<T, C = void>(L: KleeneOps<T, C>, a: T, cx?: C): T {
  const x = L.code(a, cx as C);
  if (x === TRUE) return L.FALSE;
  if (x === FALSE) return L.TRUE;
  return x === UNKNOWN ? a : L.negate(a);
}

/** Conjunction of a list (an empty one is true), left to right; every operand is read. */
export function andAll<T, C = void>(L: KleeneOps<T, C>, ts: readonly T[], cx?: C): T {
  let acc = L.TRUE;
  for (let k = 0; k < ts.length; k++) acc = and(L, acc, ts[k] as T, cx);
  return acc;
}

/** Disjunction of a list (an empty one is false), left to right; every operand is read. */
export function orAll<T, C = void>(L: KleeneOps<T, C>, ts: readonly T[], cx?: C): T {
  let acc = L.FALSE;
  for (let k = 0; k < ts.length; k++) acc = or(L, acc, ts[k] as T, cx);
  return acc;
}

/** Conjunction of truth codes alone (conditions of a rule or level): the minimum. */
export function andCode(a: TruthCode, b: TruthCode): TruthCode {
  return a < b ? a : b;
}

/** Disjunction of truth codes: the maximum. */
export function orCode(a: TruthCode, b: TruthCode): TruthCode {
  return a > b ? a : b;
}

/** Negation of a truth code: ¬true = false, ¬false = true, ¬unknown = unknown. */
export function notCode(a: TruthCode): TruthCode {
  return (TRUE - a) as TruthCode;
}

/** Whether a rule's truth is decided (true or false, not unknown): what `decided` reads. */
export function decided(code: TruthCode): boolean {
  return code !== UNKNOWN;
}

/** A condition holds only when it is true: an unknown condition does not hold. */
export function holds(code: TruthCode): boolean {
  return code === TRUE;
}

/** An `applies when` condition: the indicator applies unless the condition is definitely false. */
export function applies(code: TruthCode): boolean {
  return code !== FALSE;
}

/** The code of a three-valued truth as results and events write it. */
export function codeOfTruth(t: boolean | 'unknown'): TruthCode {
  return t === true ? TRUE : t === false ? FALSE : UNKNOWN;
}

/** A truth code as results and events write it. */
export function truthOfCode(c: TruthCode): boolean | 'unknown' {
  return c === TRUE ? true : c === FALSE ? false : 'unknown';
}
