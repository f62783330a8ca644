// The assessments an analysis made, kept for the next one when the ruleset's meaning has not changed (an edit of a
// label, a unit, a note or a basis: live.ts numbers meanings). In: the meaning's number, the language, and per platform
// its document and how to assess it. Out: the assessment kept from the previous analysis when the meaning, the language
// and the document are the same, else a new one. Only what the last analysis used is kept.

import type { Lang } from '../../../dsl/index';
import type { Assessment, ResultJson } from '../../../engine/index';

/** One platform's exact assessment and its JSON view. */
export interface Assessed {
  readonly a: Assessment;
  readonly r: ResultJson;
}

export class KeptAssessments {
  private meaning: number | undefined;
  private lang: Lang | undefined;
  private byDoc = new Map<string, Assessed>();
  /** How many assessments the last analysis kept. */
  kept = 0;

  /**
   * Starts an analysis of the ruleset whose meaning is `meaning` (undefined: unknown, nothing kept) in `lang`; the
   * function returned gives each platform's assessment, kept or made by `assess`.
   */
  begin(meaning: number | undefined, lang: Lang): (doc: unknown, assess: () => Assessed) => Assessed {
    const prev = meaning !== undefined && meaning === this.meaning && lang === this.lang ? this.byDoc : new Map<string, Assessed>();
    const next = new Map<string, Assessed>();
    this.meaning = meaning;
    this.lang = lang;
    this.byDoc = next;
    this.kept = 0;
    return (doc, assess) => {
      if (meaning === undefined) return assess();
      const key = JSON.stringify(doc);
      const hit = prev.get(key) ?? next.get(key);
      if (hit !== undefined) this.kept++;
      const made = hit ?? assess();
      next.set(key, made);
      return made;
    };
  }
}
