// A worker's memory between requests: the last parse of a text, so that an edit inside one top-level item reparses that
// item alone (dsl/incremental.ts), and the last compile, so that the same text is not compiled again (a platform or a
// language chosen, a comparison redone after an edit of the other side). In: texts. Out: the engine's `CompileResult`
// of each (the same as compiling it afresh), how the text was parsed (the `same` text as last time, one `item`
// reparsed, or the `full` file) and its meaning: a number that stays the same across edits that change no meaning
// (a label, a unit, a note, a basis: engine/model/meaning.ts), so that the assessments already made can be kept.

import { editBetween, reparse, type Tracked } from '../../../dsl/index';
import { compileRuleset, sameMeaning, type CompileResult } from '../../../engine/index';
import { KeptAssessments } from './kept';

export type ParseHow = 'same' | 'item' | 'full';

/** What a compile gives: the engine's result, how the text was parsed, and the number of its meaning. */
export interface LiveCompile {
  readonly result: CompileResult;
  readonly how: ParseHow;
  /** Equal for two compiles only when every platform's assessment is the same under both. */
  readonly meaning: number;
}

/** Meanings are numbered across all compilers, so that two lines of edits never share one. */
let meanings = 0;

/** One line of edits (the editor's text, or one side of a comparison): remembers its last text. */
export class LiveCompiler {
  private tracked: Tracked | undefined;
  private last: { readonly text: string; readonly result: CompileResult; readonly meaning: number } | undefined;

  /** Compiles `text`, reusing what the previous call left. */
  compile(text: string, path: string): LiveCompile {
    if (this.last !== undefined && this.last.text === text) return { result: this.last.result, how: 'same', meaning: this.last.meaning };
    this.tracked = reparse(this.tracked, text);
    // One item reparsed whose meaning did not change: the file means what it meant (the other items are the same),
    // and the checks that read no label give what they gave, moved with the edit (engine/check/registry.ts).
    const r = this.tracked.replaced;
    const last = this.last;
    const kept = last !== undefined && this.tracked.how === 'item' && r !== undefined && sameMeaning(r.before, r.after) ? last : undefined;
    const edit = kept !== undefined ? editBetween(kept.text, text) : undefined;
    const keptChecks = kept?.result.checks !== undefined && edit !== undefined ? { results: kept.result.checks, delta: edit.endB - edit.endA, from: edit.endA } : undefined;
    const result = compileRuleset(text, { path, parsed: this.tracked.result, ...(keptChecks ? { keptChecks } : {}) });
    const meaning = kept !== undefined ? kept.meaning : ++meanings;
    this.last = { text, result, meaning };
    return { result, how: this.tracked.how, meaning };
  }

  /** The compile of `text` if it is the last text compiled here. */
  peek(text: string): CompileResult | undefined {
    return this.last !== undefined && this.last.text === text ? this.last.result : undefined;
  }

  /** Runs `f` with an empty memory and puts the memory back afterwards (a cold compile beside a warm one, for tests). */
  without<T>(f: () => T): T {
    const kept = { tracked: this.tracked, last: this.last };
    this.tracked = undefined;
    this.last = undefined;
    try {
      return f();
    } finally {
      this.tracked = kept.tracked;
      this.last = kept.last;
    }
  }
}

/** The editor's text, as the analysis worker sees it. */
const editorText = new LiveCompiler();

/** Compiles the editor's `text` through the analysis worker's memory. */
export function compileLive(text: string, path: string): LiveCompile {
  return editorText.compile(text, path);
}

/** The editor's assessments, kept across edits that change no meaning. */
let kept = new KeptAssessments();

/** The editor's kept assessments (analyze.ts). */
export function keptAssessments(): KeptAssessments {
  return kept;
}

/** Runs `f` with the analysis worker's memory empty (tests compare a cold analysis with a warm one). */
export function withoutMemory<T>(f: () => T): T {
  const saved = kept;
  kept = new KeptAssessments();
  try {
    return editorText.without(f);
  } finally {
    kept = saved;
  }
}
