// The Markdown assessment report: the content of the HTML report minus the charts.
// In: report items and metadata. Out: Markdown text (basis of assessment, summary table for a batch, one section per
// platform with its methods and evidence references, then the signature block when asked for); every value is
// escaped (engine/report/escape.ts), so labels and names show as written and add no markup.

import { explanationMarkdown } from '../analyses/explain/text';
import { levelWord, percentText } from '../analyses/explain/format';
import { totalText } from '../present/numbers';
import type { Lang } from '../../dsl/ast';
import { colon, labelIn, listSep, say, statusWord } from '../analyses/explain/words';
import { gapMarkdown } from '../analyses/gap/render';
import type { ReportItem, ReportMeta } from './model';
import { distribution } from './model';
import { basisRows, methodRows, signatureParts, type Row } from './sections';
import { rsay } from './words';

function rowLine(r: Row, lang: Lang): string {
  return `- ${md(r.label)}${colon(lang)}${r.code ? markdownCode(r.value) : md(r.value)}`;
}

/** The signature block: one table, a row per signatory and a column per blank. */
function signatureMarkdown(meta: ReportMeta): string[] {
  const s = signatureParts(meta.lang);
  return [
    `## ${md(s.title)}`,
    '',
    md(s.note),
    '',
    `| | ${s.blanks.map(md).join(' | ')} |`,
    `|---|${s.blanks.map(() => '---').join('|')}|`,
    ...s.who.map((w) => `| ${md(w)} |${s.blanks.map(() => ' '.repeat(16)).join('|')}|`),
  ];
}
import { escapeMarkdown as md, markdownCode } from './escape';

/** The report as Markdown. */
export function reportMarkdown(items: readonly ReportItem[], meta: ReportMeta): string {
  const lang = meta.lang;
  const r = meta.ruleset.identity;
  const batch = items.length > 1;
  const title = batch ? say(lang, 'batchTitle', { n: items.length }) : `${say(lang, 'reportTitle')}: ${items[0]?.explanation.platform ?? ''}`;
  const out: string[] = [`# ${md(title)}`, '', md(`${labelIn(meta.ruleset.ast.header.title, lang) ?? r.id} — ${r.id} ${r.version} (${statusWord(r.status, lang)})`)];
  out.push('', `## ${md(rsay(lang, 'basisTitle'))}`, '', ...basisRows(meta).map((r) => rowLine(r, lang)));
  if (batch) {
    const dims = meta.ruleset.model.dimensions.map((d) => d.id);
    const dist = distribution(meta.ruleset, items.map((i) => i.explanation)).filter((d) => d.count > 0);
    out.push('', `## ${md(say(lang, 'summary'))}`, '', md(`${say(lang, 'distribution')}: ${dist.map((d) => `${levelWord(d.id, lang)} ${d.count}`).join(listSep(lang))}`), '');
    out.push(`| ${[say(lang, 'platformWord'), say(lang, 'outcome'), say(lang, 'level'), say(lang, 'total'), ...dims].map(md).join(' | ')} |`);
    out.push(`|---|---|---|---:|${dims.map(() => '---:').join('|')}|`);
    for (const it of items) {
      const e = it.explanation;
      const shares = dims.map((d) => {
        const x = e.dimensions.find((y) => y.id === d);
        return x ? percentText(x.share) : '—';
      });
      out.push(`| ${md(e.platform)} | ${md(say(lang, e.outcome))} | ${md(e.level ?? '—')} | ${e.outcome === 'invalid' ? '—' : totalText(e.total)} | ${shares.join(' | ')} |`);
    }
  }
  for (const it of items) {
    out.push('', explanationMarkdown(it.explanation, lang, 2).trimEnd());
    if (it.gap) out.push('', gapMarkdown(meta.ruleset, it.gap, lang, 3).trimEnd());
    out.push('', `### ${md(rsay(lang, 'methodsTitle'))}`, '', `| ${md(say(lang, 'indicator'))} | ${md(rsay(lang, 'methods'))} | ${md(rsay(lang, 'evidenceRef'))} |`, '|---|---|---|');
    for (const m of methodRows(it, meta)) out.push(`| ${markdownCode(m.id)} ${md(m.label)} | ${md(m.methods)} | ${md(m.evidence)} |`);
    out.push('', `### ${md(say(lang, 'provenance'))}`, '');
    const rows: [string, string][] = [
      [say(lang, 'rulesetWord'), r.id],
      [say(lang, 'version'), r.version],
      [say(lang, 'status'), statusWord(r.status, lang)],
      [say(lang, 'contentHash'), r.hash],
      [say(lang, 'evidenceFile'), it.evidenceFile],
      [say(lang, 'evidenceHash'), it.evidenceHash],
      [say(lang, 'assayVersion'), meta.assayVersion],
    ];
    for (const [k, v] of rows) out.push(`- ${md(k)}: ${markdownCode(v)}`);
  }
  if (meta.signature) out.push('', ...signatureMarkdown(meta));
  return out.join('\n') + '\n';
}
