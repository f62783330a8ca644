// Plain-text and Markdown renderings of an explanation, in zh-Hans, zh-Hant or en.
// In: an `Explanation` and a language. Out: text; every number shown comes from the explanation's events.

import type { Lang } from '../../../dsl/ast';
import type { ComputedExplanation, Explanation, LevelExplanation } from './model';
import { benchmarkLines, weightCell, indicatorParts, named, percentText, ruleLine, scoreText, whyText } from './format';
import { pointsText, totalText, weightText } from '../../present/numbers';
import { colon, labelIn, listSep, say, statusWord } from './words';
import { escapeMarkdown, markdownCode } from '../../report/escape';

function heading(e: Explanation, lang: Lang): { title: string; ruleset: string; outcome: string } {
  const title = e.name !== undefined && e.name !== e.platform ? `${e.platform} — ${e.name}` : e.platform;
  const r = e.ruleset;
  const ruleset = `${labelIn(e.rulesetTitle, lang) ?? r.id} — ${r.id} ${r.version} (${statusWord(r.status, lang)}) ${r.hash.slice(0, 19)}`;
  const outcome =
    e.level !== null
      ? say(lang, 'outcomeLine', { outcome: say(lang, e.outcome), level: named(e.level, labelIn(e.levelLabel, lang), lang), total: totalShown(e) })
      : say(lang, 'outcomeLineNoLevel', { outcome: say(lang, e.outcome), total: totalShown(e) });
  return { title, ruleset, outcome };
}

/** The total as shown: a formula total at the ruleset's precision (`9.8`, `≈7.3333`), a sum of scores with 2 decimals. */
function totalShown(e: Explanation): string {
  return e.totalFormula ? e.totalFormula.shown.replace(/^\?$/, '0') : totalText(e.total);
}

/** `iss “Impact sub-score”: ≈0.9148` — or `?` with what was missing. */
function computedHead(c: ComputedExplanation, lang: Lang): string {
  const unit = c.unit !== undefined && c.unit.length <= 12 && c.value?.kind === 'num' ? ` ${c.unit}` : '';
  const missing = c.value === undefined ? ` (${say(lang, 'unknown')}: ${say(lang, 'missingShort', { fields: c.missing.join(', ') || '?' })})` : '';
  return `${named(c.id, labelIn(c.label, lang), lang)}${colon(lang)}${c.shown}${unit}${missing}`;
}

/** The total line: the sum of the dimension scores, or the formula's value with what it read. */
function totalLines(e: Explanation, lang: Lang): string[] {
  const tf = e.totalFormula;
  if (!tf) return [say(lang, 'totalLine', { total: totalText(e.total) })];
  const head = say(lang, 'totalFormulaLine', { total: totalShown(e) });
  const label = labelIn(tf.label, lang);
  const missing = tf.value === undefined ? [`${say(lang, 'unknown')}: ${say(lang, 'missingShort', { fields: tf.missing.join(', ') || '?' })}`] : [];
  return [[head, ...(label !== undefined ? [label] : []), ...missing].join(' · '), ...(tf.values !== '' ? [`    ${say(lang, 'readFrom', { values: tf.values })}`] : [])];
}

function levelLines(l: LevelExplanation, lang: Lang): string[] {
  const out = l.failed.flatMap((c) => c.why.map((w) => whyText(w, lang)));
  if (out.length === 0 && l.needs !== undefined) out.push(say(lang, 'needsBelow', { level: l.needs }));
  return out;
}

function levelsTitle(e: Explanation, lang: Lang): string {
  return e.scoreLevel !== null && e.levelsAbove.length < e.levels.length
    ? say(lang, 'levelsAbove', { level: e.scoreLevel })
    : say(lang, 'levelsAll');
}

function scoreLevelNote(e: Explanation, lang: Lang): string | undefined {
  if (e.outcome === 'graded' || e.outcome === 'invalid' || e.scoreLevel === null) return undefined;
  return say(lang, 'wouldReach', { level: e.scoreLevel });
}

/** The explanation as plain text (what `assay explain` prints). */
export function explanationText(e: Explanation, lang: Lang): string {
  const h = heading(e, lang);
  const out: string[] = [h.title, h.ruleset, h.outcome];
  if (e.outcome === 'invalid') {
    out.push('', say(lang, 'errorsTitle'));
    for (const x of e.errors) out.push(`  ${x.field || '-'}${colon(lang)}${x.message}`);
    return out.join('\n') + '\n';
  }
  if (e.derived.length > 0) {
    out.push('', say(lang, 'derivedTitle'));
    for (const c of e.derived) {
      out.push(`  ${computedHead(c, lang)}`);
      if (c.values !== '') out.push(`      ${say(lang, 'readFrom', { values: c.values })}`);
    }
  }
  for (const d of e.dimensions) {
    out.push('', `${named(d.id, labelIn(d.label, lang), lang)}${colon(lang)}${say(lang, 'dimensionLine', { weight: weightText(d.weight), score: scoreText(d.score), share: percentText(d.share) })}`);
    for (const i of d.indicators) {
      const p = indicatorParts(i, lang);
      out.push(`  ${named(i.id, labelIn(i.label, lang), lang)}${colon(lang)}${p.value}`);
      out.push(`      ${[p.rule, p.weight, p.contribution].filter((x) => x !== '').join(' · ')}`);
      if (i.basis !== undefined) out.push(`      ${say(lang, 'basis', { basis: i.basis })}`);
    }
  }
  out.push('', ...totalLines(e, lang));
  out.push('', say(lang, 'prerequisites'));
  const failedP = e.prerequisites.filter((p) => p.truth !== true);
  if (e.prerequisites.length === 0) out.push(`  ${say(lang, 'none')}`);
  else if (failedP.length === 0) out.push(`  ${say(lang, 'allHold', { ids: e.prerequisites.map((p) => p.id).join(listSep(lang)) })}`);
  for (const p of failedP) out.push(`  ${ruleLine(p, 'prerequisite', lang)}`);
  out.push('', say(lang, 'vetoes'));
  const shownV = e.vetoes.filter((v) => v.truth !== false);
  if (e.vetoes.length === 0) out.push(`  ${say(lang, 'none')}`);
  else if (shownV.length === 0) out.push(`  ${say(lang, 'noneFired', { ids: e.vetoes.map((v) => v.id).join(listSep(lang)) })}`);
  for (const v of shownV) out.push(`  ${ruleLine(v, 'veto', lang)}`);
  out.push('', levelsTitle(e, lang));
  const note = scoreLevelNote(e, lang);
  if (note) out.push(`  ${note}`);
  if (e.levelsAbove.length === 0 && e.scoreLevel !== null) out.push(`  ${say(lang, 'topLevel', { level: e.scoreLevel })}`);
  for (const l of e.levelsAbove) {
    out.push(`  ${named(l.id, labelIn(l.label, lang), lang)}`);
    for (const line of levelLines(l, lang)) out.push(`    - ${line}`);
  }
  if (e.benchmark) {
    out.push('', say(lang, 'benchmark'));
    for (const line of benchmarkLines(e.benchmark, lang)) out.push(`  ${line}`);
  }
  if (e.warnings.length > 0) {
    out.push('', say(lang, 'warningsTitle'));
    for (const x of e.warnings) out.push(`  ${x.field || '-'}${colon(lang)}${x.message}`);
  }
  return out.join('\n') + '\n';
}

/** Escapes plain text for Markdown (a line, a heading or a table cell); kept under its old name for callers. */
export const mdCell = escapeMarkdown;

/**
 * The explanation as Markdown: a table per dimension, then rules and levels. `depth` is the top heading level.
 * Every value (labels, ids, units, basis, evidence) goes through `escapeMarkdown` or `markdownCode`, so no label
 * can add markup, HTML or a line of its own.
 */
export function explanationMarkdown(e: Explanation, lang: Lang, depth = 2): string {
  const hx = (n: number): string => '#'.repeat(Math.min(6, depth + n));
  const md = escapeMarkdown;
  const h = heading(e, lang);
  const out: string[] = [`${hx(0)} ${md(h.title)}`, '', `${md(h.ruleset)}  `, `**${md(h.outcome)}**`];
  if (e.outcome === 'invalid') {
    out.push('', `${hx(1)} ${md(say(lang, 'errorsTitle'))}`, '');
    for (const x of e.errors) out.push(`- ${markdownCode(x.field || '-')}${colon(lang)}${md(x.message)}`);
    return out.join('\n') + '\n';
  }
  if (e.derived.length > 0) {
    out.push('', `${hx(1)} ${md(say(lang, 'derivedTitle'))}`, '');
    for (const c of e.derived) {
      out.push(`- ${md(computedHead(c, lang))}${c.values !== '' ? `<br><small>${md(say(lang, 'readFrom', { values: c.values }))}</small>` : ''}`);
    }
  }
  if (e.dimensions.length > 0) out.push('', `${hx(1)} ${md(say(lang, 'indicators'))}`);
  for (const d of e.dimensions) {
    out.push('', `${hx(2)} ${md(named(d.id, labelIn(d.label, lang), lang))}`, '');
    out.push(md(say(lang, 'dimensionLine', { weight: weightText(d.weight), score: scoreText(d.score), share: percentText(d.share) })), '');
    out.push(
      `| ${[say(lang, 'indicator'), say(lang, 'value'), say(lang, 'rule'), say(lang, 'points'), say(lang, 'weight'), say(lang, 'contribution')].map(md).join(' | ')} |`,
      '|---|---|---|---:|---:|---:|',
    );
    for (const i of d.indicators) {
      const p = indicatorParts(i, lang);
      const label = labelIn(i.label, lang);
      const who = `${markdownCode(i.id)}${label ? ` ${md(label)}` : ''}${i.basis ? `<br><small>${md(say(lang, 'basis', { basis: i.basis }))}</small>` : ''}`;
      out.push(
        `| ${who} | ${md(p.value)} | ${md(p.rule)} | ${i.points === null ? '—' : pointsText(i.points)} | ${md(weightCell(i))} | ${scoreText(i.contribution)} |`,
      );
    }
  }
  const [totalHead, ...totalMore] = totalLines(e, lang);
  out.push('', `**${md(totalHead ?? '')}**${totalMore.map((l) => `<br><small>${md(l.trim())}</small>`).join('')}`);
  out.push('', `${hx(1)} ${md(say(lang, 'prerequisites'))}`, '');
  const failedP = e.prerequisites.filter((p) => p.truth !== true);
  if (failedP.length === 0) out.push(`- ${md(say(lang, 'allHold', { ids: e.prerequisites.map((p) => p.id).join(listSep(lang)) }))}`);
  for (const p of failedP) out.push(`- ${md(ruleLine(p, 'prerequisite', lang))}`);
  out.push('', `${hx(1)} ${md(say(lang, 'vetoes'))}`, '');
  const shownV = e.vetoes.filter((v) => v.truth !== false);
  if (shownV.length === 0) out.push(`- ${md(say(lang, 'noneFired', { ids: e.vetoes.map((v) => v.id).join(listSep(lang)) }))}`);
  for (const v of shownV) out.push(`- ${md(ruleLine(v, 'veto', lang))}`);
  out.push('', `${hx(1)} ${md(levelsTitle(e, lang))}`, '');
  const note = scoreLevelNote(e, lang);
  if (note) out.push(`- ${md(note)}`);
  if (e.levelsAbove.length === 0 && e.scoreLevel !== null) out.push(`- ${md(say(lang, 'topLevel', { level: e.scoreLevel }))}`);
  for (const l of e.levelsAbove) {
    out.push(`- **${md(named(l.id, labelIn(l.label, lang), lang))}**`);
    for (const line of levelLines(l, lang)) out.push(`  - ${markdownCode(line)}`);
  }
  if (e.benchmark) {
    out.push('', `${hx(1)} ${md(say(lang, 'benchmark'))}`, '');
    for (const line of benchmarkLines(e.benchmark, lang)) out.push(`- ${md(line)}`);
  }
  if (e.warnings.length > 0) {
    out.push('', `${hx(1)} ${md(say(lang, 'warningsTitle'))}`, '');
    for (const x of e.warnings) out.push(`- ${markdownCode(x.field || '-')}${colon(lang)}${md(x.message)}`);
  }
  return out.join('\n') + '\n';
}
