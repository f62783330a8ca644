// Diagnostics as data: the one type every stage reports problems with, and the factory that makes them.
// In: a code from the catalogue (dsl/messages.ts), a span and arguments. Out: a `Diagnostic` value;
// messages are rendered later, in the reader's language, by `renderMessage`.

import type { Lang, Span } from './ast';
import { CATALOGUE, type Code } from './messages';
import { fill } from './words';

export type Severity = 'error' | 'warning' | 'info';

export type DiagArgs = Readonly<Record<string, string | number>>;

export interface RelatedInfo {
  readonly span: Span;
  /** A catalogue code whose message describes this place (e.g. `A9001` "first declared here"). */
  readonly code: Code;
  readonly args?: DiagArgs;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly span: Span;
  readonly args: DiagArgs;
  readonly related?: readonly RelatedInfo[];
  /** Set when a diagnostic is about a different file than the one being compiled. */
  readonly file?: string;
}

/** Makes a diagnostic; severity comes from the catalogue unless overridden. */
export function diag(
  code: Code,
  span: Span,
  args: DiagArgs = {},
  extra: { related?: readonly RelatedInfo[]; severity?: Severity } = {},
): Diagnostic {
  const def = CATALOGUE[code];
  const d: Diagnostic = {
    code,
    severity: extra.severity ?? def.severity,
    span,
    args,
    ...(extra.related && extra.related.length > 0 ? { related: extra.related } : {}),
  };
  return d;
}

/** The diagnostic's message in `lang`. */
export function renderMessage(d: { code: Code; args?: DiagArgs }, lang: Lang = 'en'): string {
  const def = CATALOGUE[d.code];
  return fill(def.message[lang], d.args ?? {}, lang);
}

/** The diagnostic's help line in `lang`, if the catalogue has one. */
export function renderHelp(d: { code: Code; args?: DiagArgs }, lang: Lang = 'en'): string | undefined {
  const def = CATALOGUE[d.code];
  return def.help ? fill(def.help[lang], d.args ?? {}, lang) : undefined;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Sorts by position, then code; stable for equal keys. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}

/**
 * The A105 that stands for diagnostics not shown: how many, and how many of them are errors and how many warnings
 * (notes count with warnings); an error when any of them is, so a cap never hides the only errors.
 */
export function notShown(span: Span, errors: number, others: number): Diagnostic {
  return diag('A105', span, { count: errors + others, errors, warnings: others }, { severity: errors > 0 ? 'error' : 'warning' });
}
