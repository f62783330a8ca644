// Editor options for very long texts: Monaco recomputes and redraws every folding region of the model on each edit,
// about 110 ms of the page's thread per keystroke with 2,000 indicators (28,000 lines, over 4,000 regions; #16).
// In: the editor and its model. Out: above LONG_LINES lines, folding keeps only the outermost FOLD_REGIONS regions
// (Monaco drops the innermost levels first: the dimensions and items stay foldable); below, Monaco's defaults.

import type { monaco } from './monaco-setup';

/** A text longer than this many lines is "long". */
export const LONG_LINES = 10_000;
/** Most folding regions kept for a long text. */
export const FOLD_REGIONS = 400;

export function keepLongTextsLight(editor: monaco.editor.IStandaloneCodeEditor, model: monaco.editor.ITextModel): void {
  let long: boolean | undefined;
  const apply = (): void => {
    const now = model.getLineCount() > LONG_LINES;
    if (now === long) return;
    long = now;
    // Monaco's default is 5,000 regions.
    editor.updateOptions({ foldingMaximumRegions: now ? FOLD_REGIONS : 5000 });
  };
  model.onDidChangeContent(apply);
  apply();
}
