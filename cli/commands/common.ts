// Helpers shared by the CLI commands: output sinks, loading and compiling a ruleset with rendered diagnostics,
// and picking a label in the user's language. In: arguments. Out: a compiled ruleset or printed diagnostics.

import { type Lang, type Text, renderDiagnostics } from '../../dsl/index';
import type { CompiledRuleset } from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { compileSource, loadRulesetSource } from '../io';

export interface Out {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (colours, progress bars). */
  readonly tty: boolean;
}

/** The label in `lang`, falling back to en, then to any language given. */
export function labelOf(text: Text | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  const pick = (l: Lang) => text.entries.find((e) => e.lang === l)?.value.value;
  return pick(lang) ?? pick('en') ?? text.entries[0]?.value.value;
}

/** Loads and compiles a ruleset; prints its diagnostics (errors and warnings) to stderr. */
export function loadCompiled(
  arg: string,
  p: ParsedArgs,
  lang: Lang,
  out: Out,
  opts: { quietWarnings?: boolean } = {},
): { ruleset: CompiledRuleset; path: string; text: string } | undefined {
  const src = loadRulesetSource(arg, flag(p, 'registry'));
  const { ruleset, diagnostics } = compileSource(src);
  const shown = opts.quietWarnings ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length > 0) out.err(renderDiagnostics(shown, { text: src.text, path: src.path, lang, color: out.tty }));
  if (!ruleset) {
    out.err(t(lang, 'rulesetHasErrors', { path: src.path }));
    return undefined;
  }
  return { ruleset, path: src.path, text: src.text };
}
