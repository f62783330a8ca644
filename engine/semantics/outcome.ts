// Outcome precedence: evidence errors or an evaluation error → `invalid`; else any prerequisite not true →
// `not_rated`; else any veto true → `vetoed`; else `graded` (at the level the ladder gives). Stated once for
// every backend. In: whether a prerequisite fails and whether a veto fires (or, for a backend that builds code,
// its own conditions for them). Out: the outcome, or the decision list in precedence order.

import { TRUE, type TruthCode } from './truth';

export type Outcome = 'graded' | 'vetoed' | 'not_rated' | 'invalid';

/** Outcomes from the first to win to the last: what an assessment is when several apply. */
export const OUTCOME_PRECEDENCE: readonly Outcome[] = ['invalid', 'not_rated', 'vetoed', 'graded'];

/** The outcomes the rules decide (evidence is valid and evaluation did not fail), in the order they are tried. */
export const RULE_OUTCOMES = ['not_rated', 'vetoed'] as const;
export type RuleOutcome = (typeof RULE_OUTCOMES)[number];

/** A prerequisite fails unless it is true (an unknown prerequisite fails). */
export function prerequisiteFails(code: TruthCode): boolean {
  return code !== TRUE;
}

/** A veto fires only when it is true (an unknown veto does not fire). */
export function vetoFires(code: TruthCode): boolean {
  return code === TRUE;
}

/** The outcome of valid evidence: `not_rated` before `vetoed` before `graded`. */
export function outcomeOf(anyPrerequisiteFails: boolean, anyVetoFires: boolean): 'graded' | RuleOutcome {
  return anyPrerequisiteFails ? 'not_rated' : anyVetoFires ? 'vetoed' : 'graded';
}

/** The outcome from the rules' truth codes (prerequisites, vetoes); reads them without allocating. */
export function outcomeOfCodes(prerequisites: ArrayLike<number>, vetoes: ArrayLike<number>): 'graded' | RuleOutcome {
  for (let k = 0; k < prerequisites.length; k++) if (prerequisites[k] !== TRUE) return 'not_rated';
  for (let k = 0; k < vetoes.length; k++) if (vetoes[k] === TRUE) return 'vetoed';
  return 'graded';
}

/**
 * The outcome as a decision list for a backend that builds code (JsonLogic): `[condition, outcome]` pairs in
 * precedence order, then `graded`. `when` gives each rule outcome's condition in the backend's representation.
 */
export function outcomeSteps<C>(when: Readonly<Record<RuleOutcome, C>>, always: C): readonly (readonly [C, Outcome])[] {
  return [...RULE_OUTCOMES.map((o) => [when[o], o] as const), [always, 'graded'] as const];
}

/** Whether an outcome has a level: only `graded` does (else the level is null). */
export function hasLevel(outcome: Outcome): boolean {
  return outcome === 'graded';
}
