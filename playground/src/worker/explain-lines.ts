// The explanation panel's lines: the engine's explanation (built from the evaluator's events), worded by the
// engine's own phrases as `assay explain` prints them, each line carrying the span of the rule it is about.
// In: a compiled ruleset, a platform, the AST. Out: `ExplainLine[]` (text, depth, span to highlight).

import type { Lang, Ruleset as RulesetAst, Span } from '../../../dsl/index';
import {
  buildExplanation,
  explainPlatform,
  labelIn,
  named,
  percentText,
  say,
  scoreText,
  whyText,
  totalText,
  weightText,
  indicatorParts,
  ruleLine,
} from '../../../engine/index';
import type { ExplainLine } from '../protocol';
import type { CompiledRuleset, PlatformDoc } from './engine-bridge';
import type { Traced } from './kept';

type DeclKind = 'Dimension' | 'Indicator' | 'Prerequisite' | 'Veto' | 'Level';

/** Spans of declarations by kind and id (the line to highlight when an event has no span of its own). */
function declSpans(ast: RulesetAst): Map<string, Span> {
  const out = new Map<string, Span>();
  const put = (k: DeclKind, id: string, span: Span): void => void out.set(`${k}:${id}`, span);
  for (const item of ast.items) {
    switch (item.kind) {
      case 'Dimension':
        put('Dimension', item.id.name, item.id.span);
        for (const i of item.indicators) put('Indicator', i.id.name, i.id.span);
        break;
      case 'Prerequisite':
        put('Prerequisite', item.id.name, item.id.span);
        break;
      case 'Veto':
        put('Veto', item.id.name, item.id.span);
        break;
      case 'Levels':
        for (const l of item.levels) put('Level', l.id.name, l.id.span);
        if (item.fallback) put('Level', item.fallback.id.name, item.fallback.id.span);
        break;
      case 'Method':
      case 'Input':
        break;
    }
  }
  return out;
}

/**
 * The lines explaining `doc`'s assessment; `traced`: its traced assessment when the caller has it (kept across an edit
 * that changed no meaning), else it is made here.
 */
export function explanationLines(ruleset: CompiledRuleset, doc: PlatformDoc, ast: RulesetAst, lang: Lang, traced?: Traced): ExplainLine[] {
  const e = traced !== undefined ? buildExplanation(ruleset, traced.assessment, traced.events) : explainPlatform(ruleset, doc, { lang }).explanation;
  const spans = declSpans(ast);
  const decl = (k: DeclKind, id: string): Span | undefined => spans.get(`${k}:${id}`);
  const out: ExplainLine[] = [];
  const line = (text: string, depth: number, span?: Span): void => {
    out.push({ text, depth, ...(span ? { span: { start: span.start, end: span.end } } : {}) });
  };

  line(
    e.level !== null
      ? say(lang, 'outcomeLine', { outcome: say(lang, e.outcome), level: named(e.level, labelIn(e.levelLabel, lang), lang), total: totalText(e.total) })
      : say(lang, 'outcomeLineNoLevel', { outcome: say(lang, e.outcome), total: totalText(e.total) }),
    0,
    e.level !== null ? decl('Level', e.level) : undefined,
  );
  if (e.outcome === 'invalid') {
    line(say(lang, 'errorsTitle'), 0);
    for (const x of e.errors) line(`${x.field || '-'}: ${x.message}`, 1);
    return out;
  }
  for (const d of e.dimensions) {
    line(
      `${named(d.id, labelIn(d.label, lang), lang)}: ${say(lang, 'dimensionLine', { weight: weightText(d.weight), score: scoreText(d.score), share: percentText(d.share) })}`,
      0,
      decl('Dimension', d.id),
    );
    for (const i of d.indicators) {
      const p = indicatorParts(i, lang);
      const rest = [p.rule, p.weight, p.contribution].filter((x) => x !== '').join(' · ');
      line(`${named(i.id, labelIn(i.label, lang), lang)}: ${p.value} — ${rest}`, 1, i.rule?.span ?? i.applicability?.span ?? decl('Indicator', i.id));
    }
  }
  line(say(lang, 'totalLine', { total: totalText(e.total) }), 0);

  line(say(lang, 'prerequisites'), 0);
  const failedP = e.prerequisites.filter((p) => p.truth !== true);
  if (failedP.length === 0) line(say(lang, 'allHold', { ids: e.prerequisites.map((p) => p.id).join(', ') }), 1);
  for (const p of failedP) line(ruleLine(p, 'prerequisite', lang), 1, p.conditions[0]?.span ?? decl('Prerequisite', p.id));

  line(say(lang, 'vetoes'), 0);
  const shownV = e.vetoes.filter((v) => v.truth !== false);
  if (shownV.length === 0) line(say(lang, 'noneFired', { ids: e.vetoes.map((v) => v.id).join(', ') }), 1);
  for (const v of shownV) line(ruleLine(v, 'veto', lang), 1, v.conditions[0]?.span ?? decl('Veto', v.id));

  const partial = e.scoreLevel !== null && e.levelsAbove.length < e.levels.length;
  line(partial ? say(lang, 'levelsAbove', { level: e.scoreLevel ?? '' }) : say(lang, 'levelsAll'), 0);
  if (e.outcome !== 'graded' && e.scoreLevel !== null) line(say(lang, 'wouldReach', { level: e.scoreLevel }), 1, decl('Level', e.scoreLevel));
  if (e.levelsAbove.length === 0 && e.scoreLevel !== null) line(say(lang, 'topLevel', { level: e.scoreLevel }), 1, decl('Level', e.scoreLevel));
  for (const l of e.levelsAbove) {
    line(named(l.id, labelIn(l.label, lang), lang), 1, decl('Level', l.id));
    for (const c of l.failed) for (const w of c.why) line(whyText(w, lang), 2, c.span);
    if (l.failed.length === 0 && l.needs !== undefined) line(say(lang, 'needsBelow', { level: l.needs }), 2, decl('Level', l.needs));
  }
  if (e.warnings.length > 0) {
    line(say(lang, 'warningsTitle'), 0);
    for (const x of e.warnings) line(`${x.field || '-'}: ${x.message}`, 1);
  }
  return out;
}
