// The Markdown assessment report: the content of the HTML report minus the charts.
// In: report items and metadata. Out: Markdown text (summary table for a batch, then one section per platform);
// every value is escaped (engine/report/escape.ts), so labels and names show as written and add no markup.

import { explanationMarkdown } from '../explain/text';
import { levelWord, percentText, scoreText } from '../explain/format';
import { labelIn, listSep, say } from '../explain/words';
import { gapMarkdown } from '../gap/render';
import type { ReportItem, ReportMeta } from './model';
import { distribution } from './model';
import { escapeMarkdown as md, markdownCode } from './escape';

/** The report as Markdown. */
export function reportMarkdown(items: readonly ReportItem[], meta: ReportMeta): string {
  const lang = meta.lang;
  const r = meta.ruleset.identity;
  const batch = items.length > 1;
  const title = batch ? say(lang, 'batchTitle', { n: items.length }) : `${say(lang, 'reportTitle')}: ${items[0]?.explanation.platform ?? ''}`;
  const out: string[] = [`# ${md(title)}`, '', md(`${labelIn(meta.ruleset.ast.header.title, lang) ?? r.id} — ${r.id} ${r.version} (${r.status}) · ${meta.assessedAt}`)];
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
      out.push(`| ${md(e.platform)} | ${md(say(lang, e.outcome))} | ${md(e.level ?? '—')} | ${e.outcome === 'invalid' ? '—' : scoreText(e.total)} | ${shares.join(' | ')} |`);
    }
  }
  for (const it of items) {
    out.push('', explanationMarkdown(it.explanation, lang, 2).trimEnd());
    if (it.gap) out.push('', gapMarkdown(meta.ruleset, it.gap, lang, 3).trimEnd());
    out.push('', `### ${md(say(lang, 'provenance'))}`, '');
    const rows: [string, string][] = [
      [say(lang, 'rulesetWord'), r.id],
      [say(lang, 'version'), r.version],
      [say(lang, 'status'), r.status],
      [say(lang, 'contentHash'), r.hash],
      [say(lang, 'evidenceFile'), it.evidenceFile],
      [say(lang, 'evidenceHash'), it.evidenceHash],
      [say(lang, 'assayVersion'), meta.assayVersion],
      [say(lang, 'assessedAt'), meta.assessedAt],
    ];
    for (const [k, v] of rows) out.push(`- ${md(k)}: ${markdownCode(v)}`);
  }
  return out.join('\n') + '\n';
}
