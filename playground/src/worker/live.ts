// A worker's memory between requests: the last parse of a text, so that an edit inside one top-level item reparses that
// item alone (dsl/incremental.ts), and the last compile, so that the same text is not compiled again (a platform or a
// language chosen, a comparison redone after an edit of the other side). In: texts. Out: the engine's `CompileResult`
// of each (the same as compiling it afresh) and how the text was parsed: the `same` text as last time, one `item`
// reparsed, or the `full` file.

import { reparse, type Tracked } from '../../../dsl/index';
import { compileRuleset, type CompileResult } from '../../../engine/index';

export type ParseHow = 'same' | 'item' | 'full';

/** One line of edits (the editor's text, or one side of a comparison): remembers its last text. */
export class LiveCompiler {
  private tracked: Tracked | undefined;
  private last: { readonly text: string; readonly result: CompileResult } | undefined;

  /** Compiles `text`, reusing what the previous call left. */
  compile(text: string, path: string): { readonly result: CompileResult; readonly how: ParseHow } {
    if (this.last !== undefined && this.last.text === text) return { result: this.last.result, how: 'same' };
    this.tracked = reparse(this.tracked, text);
    const result = compileRuleset(text, { path, parsed: this.tracked.result });
    this.last = { text, result };
    return { result, how: this.tracked.how };
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
export function compileLive(text: string, path: string): { readonly result: CompileResult; readonly how: ParseHow } {
  return editorText.compile(text, path);
}

/** Runs `f` with the analysis worker's memory empty (tests compare a cold analysis with a warm one). */
export function withoutMemory<T>(f: () => T): T {
  return editorText.without(f);
}
