// Standing: how an assessment's level or outcome ranks against another's, for comparisons (impact, gap,
// benchmark and report distributions). In: a ladder (levels highest first, the fallback). Out: a scale that gives
// each standing a height (higher is better) and the reading order of every standing.
//
// The rule: a ladder level k of n stands at n − k; the fallback at 0; `vetoed`, `not_rated`, `invalid` (no level)
// and a name that is not on the ladder at −1, below every level.

import type { Outcome } from './outcome';

/** A ladder as the scale needs it: its levels highest first and its fallback. */
export interface LadderShape {
  readonly levels: readonly { readonly id: string }[];
  readonly fallback?: { readonly id: string } | undefined;
}

/** The outcomes without a level, in reading order after the levels. */
export const UNLEVELLED: readonly Exclude<Outcome, 'graded'>[] = ['vetoed', 'not_rated', 'invalid'];

/** Height of a standing that has no level (or is not on the ladder). */
export const NO_STANDING = -1;

/** A ladder's standings, built once per ruleset. */
export class StandingScale {
  private readonly heights = new Map<string, number>();
  /** The ladder's levels, highest first. */
  readonly levelIds: readonly string[];
  readonly fallback: string | undefined;

  constructor(ladder: LadderShape) {
    this.levelIds = ladder.levels.map((l) => l.id);
    this.fallback = ladder.fallback?.id;
    const n = this.levelIds.length;
    if (this.fallback !== undefined) this.heights.set(this.fallback, 0);
    this.levelIds.forEach((id, k) => this.heights.set(id, n - k));
  }

  /** Height of a level id or outcome name: higher is better; −1 for no level. */
  height(standing: string | null): number {
    if (standing === null) return NO_STANDING;
    return this.heights.get(standing) ?? NO_STANDING;
  }

  /** Height of an assessment's standing: its level when graded, else −1. */
  heightOf(outcome: Outcome, level: string | null): number {
    return outcome === 'graded' ? this.height(level) : NO_STANDING;
  }

  /**
   * Position of a level counted from the top (0 = highest level); the fallback and any name off the ladder come
   * after every level (n); no level at all (null) after everything.
   */
  rank(level: string | null): number {
    if (level === null) return Number.POSITIVE_INFINITY;
    const h = this.heights.get(level);
    const n = this.levelIds.length;
    return h === undefined || h === 0 ? n : n - h;
  }

  /** −1, 0, 1 as standing a is below, level with, above standing b. */
  compare(a: string | null, b: string | null): -1 | 0 | 1 {
    const d = this.height(a) - this.height(b);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }

  /** Every standing in reading order: levels highest first, the fallback, then `vetoed`, `not_rated`, `invalid`. */
  order(): string[] {
    const out = [...this.levelIds];
    if (this.fallback !== undefined && !out.includes(this.fallback)) out.push(this.fallback);
    for (const o of UNLEVELLED) if (!out.includes(o)) out.push(o);
    return out;
  }
}

/** The name of an assessment's standing: its level when graded (and it has one), else its outcome. */
export function standingName(outcome: Outcome, level: string | null): string {
  return outcome === 'graded' && level !== null ? level : outcome;
}

/** Every standing of several ladders in reading order (levels of each in turn, then the fallbacks, then outcomes). */
export function standingsOfAll(scales: readonly StandingScale[]): string[] {
  const out: string[] = [];
  for (const s of scales) for (const id of s.levelIds) if (!out.includes(id)) out.push(id);
  for (const s of scales) if (s.fallback !== undefined && !out.includes(s.fallback)) out.push(s.fallback);
  for (const o of UNLEVELLED) if (!out.includes(o)) out.push(o);
  return out;
}
