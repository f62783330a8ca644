// The assessments an analysis made, kept for the next one when the ruleset's meaning has not changed (an edit of a
// label, a unit, a note or a basis: live.ts numbers meanings). In: the meaning's number, the language, and per platform
// its document and how to assess it. Out: the assessment kept from the previous analysis when the meaning, the language
// and the document are the same, else a new one. Only what the last analysis used is kept. The same for the traced
// assessment of the platform explained, whose events' spans are moved with the text edited.

import { editBetween, moveSpans, type Lang } from '../../../dsl/index';
import type { Assessment, EvalEvent, ResultJson } from '../../../engine/index';

/** One platform's exact assessment and its JSON view. */
export interface Assessed {
  readonly a: Assessment;
  readonly r: ResultJson;
}

/** One platform's exact assessment and the events of the run that made it (what an explanation is built from). */
export interface Traced {
  readonly assessment: Assessment;
  readonly events: readonly EvalEvent[];
}

export class KeptAssessments {
  private meaning: number | undefined;
  private lang: Lang | undefined;
  private byDoc = new Map<string, Assessed>();
  /** How many assessments the last analysis kept (the explained platform's traced one counted apart). */
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

  private traced: { readonly meaning: number; readonly lang: Lang; readonly doc: string; readonly text: string; readonly traced: Traced } | undefined;

  /**
   * The traced assessment of `doc` under the ruleset of `text` (meaning `meaning`, undefined: unknown): the one kept
   * from the last explanation, its spans moved from that text to this one, when the meaning, the language and the
   * document are the same; else `trace()`.
   */
  explained(meaning: number | undefined, lang: Lang, doc: unknown, text: string, trace: () => Traced): Traced {
    const key = JSON.stringify(doc);
    const t = this.traced;
    let traced: Traced;
    if (meaning !== undefined && t !== undefined && t.meaning === meaning && t.lang === lang && t.doc === key) {
      const edit = editBetween(t.text, text);
      traced = { assessment: t.traced.assessment, events: moveSpans(t.traced.events, edit.endB - edit.endA, edit.endA) };
      this.kept++;
    } else traced = trace();
    this.traced = meaning !== undefined ? { meaning, lang, doc: key, text, traced } : undefined;
    return traced;
  }
}
