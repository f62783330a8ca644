// Explanations, improvement plans and semantic-diff entries as display lines, worded by the engine's own
// renderers. In: a compiled ruleset (or text), a platform, the AST. Out: plain lines with spans to highlight.

import type { Lang } from '../../../dsl/index';
import {
  type DiffEntry as EngineDiffEntry,
  entryDetails,
  entrySummary,
  gapLines,
  improvementPlans,
} from '../../../engine/index';
import type { DiffEntry, ExplainLine, PlanResult } from '../protocol';
import { compile, type CompiledRuleset, type PlatformDoc, type RulesetAst } from './engine-bridge';
import { explanationLines } from './explain-lines';
import type { Traced } from './kept';

/** The explanation's lines; `traced`: the platform's traced assessment when the caller kept it (explain-lines.ts). */
export function explainFor(ruleset: CompiledRuleset, doc: PlatformDoc, ast: RulesetAst, lang: Lang, traced?: Traced): readonly ExplainLine[] {
  return explanationLines(ruleset, doc, ast, lang, traced);
}

/** Improvement plans for one platform: the engine's search (verified plans), its words, spans of indicators. */
export function planFor(
  seq: number,
  key: string,
  text: string,
  doc: PlatformDoc,
  lang: Lang,
  budget: number,
): PlanResult | null {
  const t0 = performance.now();
  const c = compile(text, 'playground.assay');
  if (!c.ruleset) return null;
  const ruleset = c.ruleset;
  const g = improvementPlans(ruleset, doc, { lang, plans: 3, budget });
  const words = gapLines(ruleset, g, lang);
  const spans = new Map<string, { start: number; end: number }>();
  for (const item of c.ast.items) {
    if (item.kind === 'Dimension') for (const i of item.indicators) spans.set(i.id.name, { start: i.id.span.start, end: i.id.span.end });
  }
  return {
    seq,
    key,
    title: words.title,
    notes: words.notes.map((n) => n.trim()),
    plans: words.plans.map((p, n) => ({
      title: p.title,
      steps: p.steps.map((stepText, k) => {
        const id = g.plans[n]?.steps[k]?.id;
        const span = id !== undefined ? spans.get(id) : undefined;
        return { text: stepText, ...(span ? { span } : {}) };
      }),
    })),
    ms: performance.now() - t0,
  };
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
