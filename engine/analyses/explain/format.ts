// Shared formatting of explanation parts: values, reasons, indicator lines, benchmark lines, in three languages.
// In: parts of an `Explanation` and a language. Out: one-line strings (no Markdown or HTML markup).

import type { Lang } from '../../../dsl/ast';
import type { BenchmarkPlacement } from '../benchmark';
import { renderValue } from '../../evidence/validate';
import type { EvidenceValue, Truth } from '../../evaluate/result';
import { opText, type Subject, type Why } from './conditions';
import { effectiveWeightText, percentileText as pctText, scoreText, shareText as percentText, weightText } from '../../present/numbers';
import type { IndicatorExplanation, RuleExplanation } from './model';
import { colon, labelIn, listSep, say } from './words';

// Scores, shares and percentile ranks are printed as engine/present/numbers.ts decides.
export { pctText, percentText, scoreText };

/** An evidence value with `%` for percent-typed indicators and short units: `99.93%`, `18 minutes`. */
export function valueText(v: EvidenceValue, percent: boolean, unit?: string): string {
  const s = renderValue(v);
  if (v.kind !== 'num') return s;
  if (percent) return `${s}%`;
  // Short units only (`minutes`, `Gbps`); long descriptions and `ratio` say nothing a reader needs here.
  return unit !== undefined && unit.length <= 12 && unit !== 'ratio' ? `${s} ${unit}` : s;
}

export function subjectText(s: Subject, lang: Lang): string {
  switch (s.kind) {
    case 'total':
      return say(lang, 'total');
    case 'field':
      return s.path;
    case 'prop':
      if (s.domain === 'dimension' && (s.prop === 'share' || s.prop === 'score')) {
        const word = say(lang, s.prop === 'share' ? 'share' : 'score');
        return lang === 'en' ? `dimension ${s.id} ${word}` : `${say(lang, 'dimension')} ${s.id} ${word}`;
      }
      return `${s.prop}(${s.id})`;
  }
}

/** `total 77.30 < 80`, `dimension C share 60.6% < 70%`, `mlps_level L2 ∉ {L3, L4}`. */
export function whyText(w: Why, lang: Lang): string {
  switch (w.kind) {
    case 'compare':
      return `${subjectText(w.subject, lang)} ${w.value} ${opText(w.op)} ${w.bound}`;
    case 'in':
      return `${subjectText(w.subject, lang)} ${w.value} ${w.member ? '∈' : '∉'} ${w.set}`;
    case 'unknown':
      return `${w.text}: ${say(lang, 'unknown')} (${say(lang, 'missingShort', { fields: w.missing.join(', ') || '?' })})`;
    case 'values': {
      const els = w.elements && w.elements.length > 0 ? ` [${w.elements.join(', ')}]` : '';
      return w.values === '' ? `${w.text}${els}` : `${w.text}${els} (${w.values})`;
    }
  }
}

export function truthWord(t: Truth, lang: Lang, kind: 'prerequisite' | 'veto'): string {
  if (t === 'unknown') return say(lang, 'unknown');
  if (kind === 'veto') return say(lang, t ? 'fired' : 'notFired');
  return say(lang, t ? 'holds' : 'fails');
}

/** `id “label”` in English, `id「label」` in Chinese. */
export function named(id: string, label: string | undefined, lang: Lang): string {
  if (label === undefined || label === '') return id;
  return lang === 'en' ? `${id} “${label}”` : `${id}「${label}」`;
}

/** The parts of an indicator's explanation, one phrase each (value, rule, weight, contribution). */
export function indicatorParts(i: IndicatorExplanation, lang: Lang): { value: string; rule: string; weight: string; contribution: string } {
  let value: string;
  if (i.value === undefined) value = '—';
  else {
    value = valueText(i.value, i.percent, i.unit);
    if (i.formerId !== undefined) value += ` (${say(lang, 'fromFormer', { field: i.formerId })})`;
  }
  let rule: string;
  if (i.status === 'not_applicable') {
    const a = i.applicability;
    rule = say(lang, 'notApplicable', { condition: a?.text ?? '?', values: a?.values ?? '', dim: i.dimension });
  } else if (i.status === 'missing') {
    const own = i.missing.length === 1 && i.missing[0] === i.id;
    rule = own || i.missing.length === 0 ? say(lang, 'missing') : say(lang, 'missingFrom', { fields: i.missing.join(', ') });
  } else if (!i.rule || i.rule.kind === 'none') {
    rule = say(lang, 'noBand');
  } else {
    rule = i.rule.text;
    const extra = [i.rule.pointsText, i.rule.values].filter((x): x is string => x !== undefined);
    if (extra.length > 0) rule += ` (${extra.join('; ')})`;
  }
  if (i.status !== 'not_applicable' && i.applicability && i.applicability.truth === 'unknown') {
    rule += `; ${say(lang, 'appliesUnknown', { condition: i.applicability.text, values: i.applicability.values })}`;
  }
  const weight = i.status === 'not_applicable'
    ? say(lang, 'weightRedistributed', { declared: weightText(i.declaredWeight), effective: '0' })
    : i.redistributed
    ? say(lang, 'weightRedistributed', { declared: weightText(i.declaredWeight), effective: effectiveWeightText(i.effectiveWeight) })
    : say(lang, 'weightLine', { weight: weightText(i.declaredWeight) });
  const contribution = i.status === 'not_applicable' ? '' : say(lang, 'contributes', { c: scoreText(i.contribution), dim: i.dimension });
  return { value, rule, weight, contribution };
}

/** The weight alone, for table cells: `4`, or `4 → 5.09` when redistributed (`3 → 0` when not applicable). */
export function weightCell(i: IndicatorExplanation): string {
  if (i.status === 'not_applicable') return `${weightText(i.declaredWeight)} → 0`;
  return i.redistributed ? `${weightText(i.declaredWeight)} → ${effectiveWeightText(i.effectiveWeight)}` : weightText(i.declaredWeight);
}

/** `P2 “Twelve months in operation”: fails — months_in_operation 8 < 12` */
export function ruleLine(r: RuleExplanation, kind: 'prerequisite' | 'veto', lang: Lang): string {
  const head = `${named(r.id, labelIn(r.label, lang), lang)}${colon(lang)}${truthWord(r.truth, lang, kind)}`;
  const whys = r.conditions.flatMap((c) => c.why.map((w) => whyText(w, lang)));
  const miss = r.truth === 'unknown' && r.missing.length > 0 ? ` (${say(lang, 'missingShort', { fields: r.missing.join(', ') })})` : '';
  return whys.length > 0 ? `${head}${miss} — ${whys.join('; ')}` : `${head}${miss}`;
}

/** The benchmark lines: total, then each dimension share. */
export function benchmarkLines(b: BenchmarkPlacement, lang: Lang): string[] {
  const lines = [
    say(lang, 'benchmarkLine', { n: b.n, corpus: b.corpus, p: pctText(b.total.percentile), median: scoreText(b.total.median) }),
  ];
  for (const d of b.dimensions) {
    lines.push(say(lang, 'benchmarkDim', { dim: d.id, share: percentText(d.share), p: pctText(d.percentile), median: percentText(d.median) }));
  }
  const dist = b.levels.filter((l) => l.count > 0).map((l) => `${levelWord(l.id, lang)} ${l.count}`);
  lines.push(`${say(lang, 'distribution')}: ${dist.join(listSep(lang))}`);
  return lines;
}

/** A level id as is; the outcome keys of a level distribution in words. */
export function levelWord(id: string, lang: Lang): string {
  return id === 'vetoed' || id === 'not_rated' || id === 'invalid' ? say(lang, id) : id;
}
