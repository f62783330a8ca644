// The Markdown assessment report: the content of the HTML report minus the charts.
// In: report items and metadata. Out: Markdown text (basis of assessment, summary table for a batch, one section per
// platform with its methods and evidence references, then the signature block when asked for).

import { explanationMarkdown, mdCell } from '../explain/text';
import { levelWord, percentText, scoreText } from '../explain/format';
import type { Lang } from '../../dsl/ast';
import { colon, labelIn, listSep, say, statusWord } from '../explain/words';
import { gapMarkdown } from '../gap/render';
import type { ReportItem, ReportMeta } from './model';
import { distribution } from './model';
import { basisRows, methodRows, signatureParts, type Row } from './sections';
import { rsay } from './words';

function rowLine(r: Row, lang: Lang): string {
  return `- ${r.label}${colon(lang)}${r.code ? `\`${r.value}\`` : r.value}`;
}

/** The signature block: one table, a row per signatory and a column per blank. */
function signatureMarkdown(meta: ReportMeta): string[] {
  const s = signatureParts(meta.lang);
  return [
    `## ${s.title}`,
    '',
    s.note,
    '',
    `| | ${s.blanks.join(' | ')} |`,
    `|---|${s.blanks.map(() => '---').join('|')}|`,
    ...s.who.map((w) => `| ${w} |${s.blanks.map(() => ' '.repeat(16)).join('|')}|`),
  ];
}

/** The report as Markdown. */
export function reportMarkdown(items: readonly ReportItem[], meta: ReportMeta): string {
  const lang = meta.lang;
  const r = meta.ruleset.identity;
  const batch = items.length > 1;
  const title = batch ? say(lang, 'batchTitle', { n: items.length }) : `${say(lang, 'reportTitle')}: ${items[0]?.explanation.platform ?? ''}`;
  const out: string[] = [`# ${title}`, '', `${labelIn(meta.ruleset.ast.header.title, lang) ?? r.id} — ${r.id} ${r.version} (${statusWord(r.status, lang)})`];
  out.push('', `## ${rsay(lang, 'basisTitle')}`, '', ...basisRows(meta).map((r) => rowLine(r, lang)));
  if (batch) {
    const dims = meta.ruleset.model.dimensions.map((d) => d.id);
    const dist = distribution(meta.ruleset, items.map((i) => i.explanation)).filter((d) => d.count > 0);
    out.push('', `## ${say(lang, 'summary')}`, '', `${say(lang, 'distribution')}: ${dist.map((d) => `${levelWord(d.id, lang)} ${d.count}`).join(listSep(lang))}`, '');
    out.push(`| ${say(lang, 'platformWord')} | ${say(lang, 'outcome')} | ${say(lang, 'level')} | ${say(lang, 'total')} | ${dims.join(' | ')} |`);
    out.push(`|---|---|---|---:|${dims.map(() => '---:').join('|')}|`);
    for (const it of items) {
      const e = it.explanation;
      const shares = dims.map((d) => {
        const x = e.dimensions.find((y) => y.id === d);
        return x ? percentText(x.share) : '—';
      });
      out.push(`| ${mdCell(e.platform)} | ${say(lang, e.outcome)} | ${e.level ?? '—'} | ${e.outcome === 'invalid' ? '—' : scoreText(e.total)} | ${shares.join(' | ')} |`);
    }
  }
  for (const it of items) {
    out.push('', explanationMarkdown(it.explanation, lang, 2).trimEnd());
    if (it.gap) out.push('', gapMarkdown(meta.ruleset, it.gap, lang, 3).trimEnd());
    out.push('', `### ${rsay(lang, 'methodsTitle')}`, '', `| ${say(lang, 'indicator')} | ${rsay(lang, 'methods')} | ${rsay(lang, 'evidenceRef')} |`, '|---|---|---|');
    for (const m of methodRows(it, meta)) out.push(`| \`${m.id}\` ${mdCell(m.label)} | ${mdCell(m.methods)} | ${mdCell(m.evidence)} |`);
    out.push('', `### ${say(lang, 'provenance')}`, '');
    const rows: [string, string][] = [
      [say(lang, 'rulesetWord'), r.id],
      [say(lang, 'version'), r.version],
      [say(lang, 'status'), statusWord(r.status, lang)],
      [say(lang, 'contentHash'), r.hash],
      [say(lang, 'evidenceFile'), it.evidenceFile],
      [say(lang, 'evidenceHash'), it.evidenceHash],
      [say(lang, 'assayVersion'), meta.assayVersion],
    ];
    for (const [k, v] of rows) out.push(`- ${k}: \`${v}\``);
  }
  if (meta.signature) out.push('', ...signatureMarkdown(meta));
  return out.join('\n') + '\n';
}
