// Improvement plans in words (text, Markdown) and as JSON, in zh-Hans, zh-Hant or en.
// In: a `GapResult` and the ruleset (for labels, directions and types). Out: text, or the JSON shape
// `{ target, plans: [{ changes: { <field>: <value> }, reaches, total, … }] }`.

import type { Lang } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import { buildExplanation } from '../explain/model';
import { ruleLine, scoreText, valueText, whyText, named } from '../explain/format';
import { labelIn, listSep, say } from '../explain/words';
import { totalText } from '../../present/numbers';
import { escapeMarkdown as md } from '../../report/escape';
import { valueToJson } from '../../evaluate/result';
import type { GapResult, Plan, PlanStep } from './search';
import { neededLevels } from './needs';

/** `raise service_availability from 99.93% to at least 99.95% (+0.60 points in D)` */
export function stepText(ruleset: CompiledRuleset, s: PlanStep, lang: Lang): string {
  const info = ruleset.model.indicatorsById.get(s.id);
  const percent = info?.type?.kind === 'number' && info.type.base === 'percent';
  const unit = info?.decl.unit?.value;
  const to = valueText(s.to, percent, unit);
  // In the standard's points: what the indicator adds to its dimension's score (and the total), not its 0–100 points.
  const delta = s.contributionTo.sub(s.contributionFrom);
  const gain = delta.isZero() ? say(lang, 'noGain') : say(lang, 'gainIn', { sign: delta.sign() > 0 ? '+' : '', p: scoreText(delta), dim: s.dimension });
  const id = s.key === s.id ? s.id : `${s.id} (${s.key})`;
  if (s.from === undefined) return say(lang, 'supply', { id, to, gain });
  const from = valueText(s.from, percent, unit);
  if (s.to.kind === 'num' && s.from.kind === 'num') {
    const up = s.to.q.gt(s.from.q);
    return say(lang, up ? 'raise' : 'lower', { id, from, to, gain });
  }
  return say(lang, 'change', { id, from, to, gain });
}

function failedAtBest(ruleset: CompiledRuleset, g: GapResult, lang: Lang): string[] {
  if (!g.atBest || !g.atBestEvents) return [];
  const e = buildExplanation(ruleset, g.atBest, g.atBestEvents);
  const out: string[] = [];
  for (const p of e.prerequisites) if (p.truth !== true) out.push(ruleLine(p, 'prerequisite', lang));
  for (const v of e.vetoes) if (v.truth !== false) out.push(ruleLine(v, 'veto', lang));
  const needed = neededLevels(ruleset.model, g.target);
  for (const l of e.levels) {
    if (!needed.some((x) => x.id === l.id)) continue;
    for (const c of l.failed) for (const w of c.why) out.push(`${l.id}: ${whyText(w, lang)}`);
  }
  return out;
}

/** Lines of the result: a title, then each plan with one action per line (no markup). */
export function gapLines(ruleset: CompiledRuleset, g: GapResult, lang: Lang): { title: string; notes: string[]; plans: { title: string; steps: string[] }[] } {
  const from = g.level ?? say(lang, g.outcome);
  const title = say(lang, 'gapTitle', { from: `${g.platform} ${from}`, target: g.target ?? '—' });
  const notes: string[] = [];
  switch (g.status) {
    case 'already':
      notes.push(say(lang, 'alreadyThere', { platform: g.platform, target: g.target ?? '' }));
      break;
    case 'top':
      notes.push(say(lang, 'noTarget', { platform: g.platform }));
      break;
    case 'invalid':
      notes.push(say(lang, 'unreachableInvalid'));
      break;
    case 'no-levels':
    case 'unknown-target':
      notes.push(say(lang, 'unreachable', { target: g.target ?? '—' }));
      break;
    case 'unreachable':
      notes.push(say(lang, 'unreachable', { target: g.target ?? '—' }));
      for (const b of g.blockers) {
        const label = b.kind === 'level' ? b.id : named(b.id, labelIn(ruleLabel(ruleset, b.kind, b.id), lang), lang);
        notes.push(`  ${say(lang, 'becauseInput', { rule: label, field: b.fields.join(listSep(lang)) || '?', condition: b.condition })}`);
      }
      for (const line of failedAtBest(ruleset, g, lang)) notes.push(`  ${say(lang, 'becauseBest', { what: line })}`);
      break;
    case 'not-found': {
      const n = g.assessments + (g.checks ?? 0);
      const s = g.searched;
      if (!s) notes.push(say(lang, 'notFound', { n }));
      else if (s.changedUpTo === 0) notes.push(say(lang, 'notFoundListing', { n, i: s.indicators, m: s.applicable }));
      else notes.push(say(lang, 'notFoundSearching', { n, m: s.applicable, k: s.changedUpTo }));
      break;
    }
    case 'plans':
      notes.push(say(lang, 'verified'));
      if (!g.exhaustive) notes.push(say(lang, 'morePlansCut', { n: g.assessments + (g.checks ?? 0) }));
      break;
  }
  const plans = g.plans.map((p, n) => ({
    title: say(lang, 'planTitle', {
      n: n + 1,
      k: p.steps.length === 1 ? say(lang, 'indicatorsOne') : say(lang, 'indicatorsN', { n: p.steps.length }),
      steps: p.bandSteps === 1 ? say(lang, 'stepsOne') : say(lang, 'stepsN', { n: p.bandSteps }),
      level: p.reaches,
      total: totalText(p.total),
    }),
    steps: p.steps.map((s) => stepText(ruleset, s, lang)),
  }));
  return { title, notes, plans };
}

function ruleLabel(ruleset: CompiledRuleset, kind: 'prerequisite' | 'veto' | 'level', id: string) {
  const m = ruleset.model;
  if (kind === 'prerequisite') return m.prerequisitesById.get(id)?.decl.label;
  if (kind === 'veto') return m.vetoesById.get(id)?.decl.label;
  return m.levels.find((l) => l.id === id)?.decl.label;
}

export function gapText(ruleset: CompiledRuleset, g: GapResult, lang: Lang): string {
  const l = gapLines(ruleset, g, lang);
  const out = [l.title, ...l.notes.map((n) => (n.startsWith('  ') ? n : `  ${n}`))];
  for (const p of l.plans) {
    out.push('', p.title);
    for (const s of p.steps) out.push(`  - ${s}`);
  }
  return out.join('\n') + '\n';
}

export function gapMarkdown(ruleset: CompiledRuleset, g: GapResult, lang: Lang, depth = 2): string {
  const l = gapLines(ruleset, g, lang);
  const h = '#'.repeat(Math.min(6, depth));
  const out = [`${h} ${md(l.title)}`, ''];
  for (const n of l.notes) out.push(n.startsWith('  ') ? `  - ${md(n.trim())}` : `- ${md(n)}`);
  for (const p of l.plans) {
    out.push('', `${h}# ${md(p.title)}`, '');
    for (const s of p.steps) out.push(`- ${md(s)}`);
  }
  return out.join('\n') + '\n';
}

/** The JSON of one plan: `changes` by evidence key, with exact numbers. */
export function planJson(ruleset: CompiledRuleset, p: Plan, lang: Lang): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const s of p.steps) changes[s.key] = valueToJson(s.to);
  return {
    changes,
    reaches: p.reaches,
    total: p.total.toJSONNumber(),
    indicators: p.steps.length,
    bandSteps: p.bandSteps,
    steps: p.steps.map((s) => ({
      indicator: s.id,
      field: s.key,
      dimension: s.dimension,
      from: s.from === undefined ? null : valueToJson(s.from),
      to: valueToJson(s.to),
      pointsFrom: s.pointsFrom.toJSONNumber(),
      pointsTo: s.pointsTo.toJSONNumber(),
      dimensionPoints: s.contributionTo.sub(s.contributionFrom).toJSONNumber(),
      bandSteps: s.steps,
      text: stepText(ruleset, s, lang),
    })),
  };
}

export function gapJson(ruleset: CompiledRuleset, g: GapResult, lang: Lang): Record<string, unknown> {
  const l = gapLines(ruleset, g, lang);
  return {
    platform: g.platform,
    ...(g.name !== undefined ? { name: g.name } : {}),
    outcome: g.outcome,
    level: g.level,
    target: g.target,
    status: g.status,
    reachable: g.status === 'plans' || g.status === 'already',
    plans: g.plans.map((p) => planJson(ruleset, p, lang)),
    notes: l.notes.map((n) => n.trim()),
    blockers: g.blockers.map((b) => ({ ...b, fields: [...b.fields] })),
    exhaustive: g.exhaustive,
    assessments: g.assessments,
    ...(g.searched ? { searched: { ...g.searched } } : {}),
  };
}
