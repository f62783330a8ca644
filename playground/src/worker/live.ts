// The analysis worker's memory between requests: the last parse, so that a keystroke inside one top-level item reparses
// that item alone (dsl/incremental.ts), and the last compile, so that choosing a platform or a language compiles nothing.
// In: the editor's text. Out: the engine's `CompileResult` of that text (the same as compiling it afresh) and how the
// text was parsed: `same` text as last time, one `item` reparsed, or the `full` file.

import { reparse, type Tracked } from '../../../dsl/index';
import { compileRuleset, type CompileResult } from '../../../engine/index';

export type ParseHow = 'same' | 'item' | 'full';

let tracked: Tracked | undefined;
let last: { readonly text: string; readonly result: CompileResult } | undefined;

/** Compiles the editor's `text`, reusing what the previous request of the worker left. */
export function compileLive(text: string, path: string): { readonly result: CompileResult; readonly how: ParseHow } {
  if (last !== undefined && last.text === text) return { result: last.result, how: 'same' };
  tracked = reparse(tracked, text);
  const result = compileRuleset(text, { path, parsed: tracked.result });
  last = { text, result };
  return { result, how: tracked.how };
}

/** Forgets the memory (tests compare a cold analysis with a warm one). */
export function forgetLive(): void {
  tracked = undefined;
  last = undefined;
}

/** Runs `f` with an empty memory and puts the memory back afterwards (a cold analysis beside a warm one, for tests). */
export function withoutMemory<T>(f: () => T): T {
  const kept = { tracked, last };
  tracked = undefined;
  last = undefined;
  try {
    return f();
  } finally {
    tracked = kept.tracked;
    last = kept.last;
  }
}
