// The self-contained HTML assessment report, for one platform or a batch: level badge, radar of dimension shares
// (with the corpus median), indicator table, explanation, improvement plan, benchmark, methods and evidence references,
// provenance; before them the basis of assessment, after them the signature block when asked for.
// In: report items (explanations, plans, evidence hashes) and report metadata. Out: one HTML document with inline
// CSS and SVG, no scripts and no network (a Content-Security-Policy forbids any fetch).

import type { Lang } from '../../dsl/ast';
import { benchmarkLines, weightCell, indicatorParts, levelWord, named, percentText, ruleLine, scoreText, whyText } from '../analyses/explain/format';
import { pointsText, totalText, weightText } from '../present/numbers';
import type { Explanation } from '../analyses/explain/model';
import { labelIn, listSep, say, statusWord } from '../analyses/explain/words';
import { gapLines } from '../analyses/gap/render';
import { anchorId, escapeHtml as h } from './escape';
import type { ReportItem, ReportMeta } from './model';
import { badgeClass, distribution } from './model';
import { REPORT_CSS } from './styles';
import { basisRows, methodRows, signatureParts } from './sections';
import { rsay } from './words';
import { barsSvg, radarSvg, type RadarAxis } from './svg';

function badge(e: Explanation, meta: ReportMeta, lang: Lang): string {
  const cls = badgeClass(meta.ruleset, e);
  const main = e.level ?? say(lang, e.outcome);
  const sub = e.level !== null ? (labelIn(e.levelLabel, lang) ?? '') : '';
  return `<span class="badge ${cls}">${h(main)}${sub ? `<small>${h(sub)}</small>` : ''}</span>`;
}

function indicatorTable(e: Explanation, lang: Lang): string {
  const rows: string[] = [];
  for (const d of e.dimensions) {
    rows.push(
      `<tr class="dim"><td colspan="4">${h(named(d.id, labelIn(d.label, lang), lang))}</td><td class="num">${h(weightText(d.weight))}</td><td class="num">${h(scoreText(d.score))} · ${h(percentText(d.share))}</td></tr>`,
    );
    for (const i of d.indicators) {
      const p = indicatorParts(i, lang);
      const cls = i.status === 'not_applicable' ? ' class="na"' : i.status === 'missing' ? ' class="missing"' : '';
      const basis = i.basis !== undefined ? `<div class="basis">${h(say(lang, 'basis', { basis: i.basis }))}</div>` : '';
      rows.push(
        `<tr${cls}><td><code>${h(i.id)}</code> ${h(labelIn(i.label, lang) ?? '')}${basis}</td><td>${h(p.value)}</td><td class="rule"><code>${h(p.rule)}</code></td>` +
          `<td class="num">${i.points === null ? '—' : h(pointsText(i.points))}</td><td class="num">${h(weightCell(i))}</td><td class="num">${h(scoreText(i.contribution))}</td></tr>`,
      );
    }
  }
  return (
    `<table class="indicators"><thead><tr><th>${h(say(lang, 'indicator'))}</th><th>${h(say(lang, 'value'))}</th><th>${h(say(lang, 'rule'))}</th>` +
    `<th class="num">${h(say(lang, 'points'))}</th><th class="num">${h(say(lang, 'weight'))}</th><th class="num">${h(say(lang, 'contribution'))}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function rulesHtml(e: Explanation, lang: Lang): string {
  const out: string[] = [];
  out.push(`<h4>${h(say(lang, 'prerequisites'))}</h4><ul>`);
  const failed = e.prerequisites.filter((p) => p.truth !== true);
  if (failed.length === 0) out.push(`<li class="ok">${h(say(lang, 'allHold', { ids: e.prerequisites.map((p) => p.id).join(listSep(lang)) }))}</li>`);
  for (const p of failed) out.push(`<li class="fail">${h(ruleLine(p, 'prerequisite', lang))}</li>`);
  out.push(`</ul><h4>${h(say(lang, 'vetoes'))}</h4><ul>`);
  const shown = e.vetoes.filter((v) => v.truth !== false);
  if (shown.length === 0) out.push(`<li class="ok">${h(say(lang, 'noneFired', { ids: e.vetoes.map((v) => v.id).join(listSep(lang)) }))}</li>`);
  for (const v of shown) out.push(`<li class="fail">${h(ruleLine(v, 'veto', lang))}</li>`);
  out.push('</ul>');
  const title =
    e.scoreLevel !== null && e.levelsAbove.length < e.levels.length ? say(lang, 'levelsAbove', { level: e.scoreLevel }) : say(lang, 'levelsAll');
  out.push(`<h4>${h(title)}</h4><ul>`);
  if (e.outcome !== 'graded' && e.scoreLevel !== null) out.push(`<li>${h(say(lang, 'wouldReach', { level: e.scoreLevel }))}</li>`);
  if (e.levelsAbove.length === 0 && e.scoreLevel !== null) out.push(`<li>${h(say(lang, 'topLevel', { level: e.scoreLevel }))}</li>`);
  for (const l of e.levelsAbove) {
    const whys = l.failed.flatMap((c) => c.why.map((w) => whyText(w, lang)));
    if (whys.length === 0 && l.needs !== undefined) whys.push(say(lang, 'needsBelow', { level: l.needs }));
    out.push(`<li><strong>${h(named(l.id, labelIn(l.label, lang), lang))}</strong><ul>${whys.map((w) => `<li><code>${h(w)}</code></li>`).join('')}</ul></li>`);
  }
  out.push('</ul>');
  return out.join('');
}

function planHtml(item: ReportItem, meta: ReportMeta, lang: Lang): string {
  if (!item.gap) return '';
  const l = gapLines(meta.ruleset, item.gap, lang);
  const notes = l.notes.map((n) => `<li>${h(n.trim())}</li>`).join('');
  const plans = l.plans.map((p) => `<h4>${h(p.title)}</h4><ul>${p.steps.map((s) => `<li>${h(s)}</li>`).join('')}</ul>`).join('');
  return `<h3>${h(say(lang, 'improvement'))}</h3><p>${h(l.title)}</p><ul>${notes}</ul>${plans}`;
}

function provenance(item: ReportItem, meta: ReportMeta, lang: Lang): string {
  const r = meta.ruleset.identity;
  const rows: [string, string][] = [
    [say(lang, 'rulesetWord'), `${r.id} — ${labelIn(meta.ruleset.ast.header.title, lang) ?? ''}`],
    [say(lang, 'version'), r.version],
    [say(lang, 'status'), statusWord(r.status, lang)],
    [say(lang, 'contentHash'), r.hash],
    [say(lang, 'evidenceFile'), item.evidenceFile],
    [say(lang, 'evidenceHash'), item.evidenceHash],
    [say(lang, 'assayVersion'), meta.assayVersion],
  ];
  return `<h3>${h(say(lang, 'provenance'))}</h3><dl class="prov">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

function basisHtml(meta: ReportMeta): string {
  const rows = basisRows(meta).map((r) => `<dt>${h(r.label)}</dt><dd>${r.code ? `<code>${h(r.value)}</code>` : h(r.value)}</dd>`);
  return `<section class="basis" id="basis"><h2>${h(rsay(meta.lang, 'basisTitle'))}</h2><dl class="prov">${rows.join('')}</dl></section>`;
}

function methodsHtml(item: ReportItem, meta: ReportMeta): string {
  const lang = meta.lang;
  const rows = methodRows(item, meta).map((m) => `<tr><td><code>${h(m.id)}</code> ${h(m.label)}</td><td>${h(m.methods)}</td><td>${h(m.evidence)}</td></tr>`);
  return (
    `<h3>${h(rsay(lang, 'methodsTitle'))}</h3><table class="methods"><thead><tr><th>${h(say(lang, 'indicator'))}</th><th>${h(rsay(lang, 'methods'))}</th>` +
    `<th>${h(rsay(lang, 'evidenceRef'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function signatureHtml(meta: ReportMeta): string {
  const s = signatureParts(meta.lang);
  const head = `<tr><th></th>${s.blanks.map((b) => `<th>${h(b)}</th>`).join('')}</tr>`;
  const rows = s.who.map((w) => `<tr><th>${h(w)}</th>${s.blanks.map(() => '<td class="blank"></td>').join('')}</tr>`);
  return `<section class="signature" id="signature"><h2>${h(s.title)}</h2><p>${h(s.note)}</p><table class="signature"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function platformSection(item: ReportItem, n: number, meta: ReportMeta, lang: Lang, batch: boolean): string {
  const e = item.explanation;
  const id = anchorId('p', e.platform, n);
  const title = e.name !== undefined && e.name !== e.platform ? `${e.platform} — ${e.name}` : e.platform;
  const outcome =
    e.level !== null
      ? say(lang, 'outcomeLine', { outcome: say(lang, e.outcome), level: named(e.level, labelIn(e.levelLabel, lang), lang), total: totalText(e.total) })
      : say(lang, 'outcomeLineNoLevel', { outcome: say(lang, e.outcome), total: totalText(e.total) });
  const parts: string[] = [`<section class="platform" id="${id}"><h2>${h(title)}</h2>`];
  if (e.outcome === 'invalid') {
    parts.push(`<div class="head">${badge(e, meta, lang)}<div class="facts"><p>${h(outcome)}</p></div></div>`);
    parts.push(`<h3>${h(say(lang, 'errorsTitle'))}</h3><ul>${e.errors.map((x) => `<li><code>${h(x.field || '-')}</code> ${h(x.message)}</li>`).join('')}</ul>`);
  } else {
    const medians = new Map(e.benchmark?.dimensions.map((d) => [d.id, d.median]) ?? []);
    const axes: RadarAxis[] = e.dimensions.map((d) => {
      const median = medians.get(d.id);
      return median !== undefined ? { id: d.id, share: d.share, median } : { id: d.id, share: d.share };
    });
    const radar = radarSvg(axes, { title: say(lang, 'radar'), platform: say(lang, 'thisPlatform'), median: say(lang, 'median') },
    );
    const bench = e.benchmark ? `<ul>${benchmarkLines(e.benchmark, lang).map((l) => `<li>${h(l)}</li>`).join('')}</ul>` : '';
    parts.push(
      `<div class="head"><div class="facts">${badge(e, meta, lang)}<p>${h(outcome)}</p>${e.benchmark ? `<h4>${h(say(lang, 'benchmark'))}</h4>${bench}` : ''}</div>${radar}</div>`,
    );
    parts.push(`<h3>${h(say(lang, 'indicators'))}</h3>${indicatorTable(e, lang)}`);
    parts.push(`<p><strong>${h(say(lang, 'totalLine', { total: totalText(e.total) }))}</strong></p>`);
    parts.push(`<h3>${h(say(lang, 'explanation'))}</h3>${rulesHtml(e, lang)}`);
    parts.push(planHtml(item, meta, lang));
    parts.push(methodsHtml(item, meta));
  }
  if (e.warnings.length > 0) {
    parts.push(`<h3>${h(say(lang, 'warningsTitle'))}</h3><ul>${e.warnings.map((x) => `<li><code>${h(x.field || '-')}</code> ${h(x.message)}</li>`).join('')}</ul>`);
  }
  parts.push(provenance(item, meta, lang));
  if (batch) parts.push(`<nav class="back"><a href="#summary">↑ ${h(say(lang, 'back'))}</a></nav>`);
  parts.push('</section>');
  return parts.join('');
}

function summarySection(items: readonly ReportItem[], meta: ReportMeta, lang: Lang): string {
  const dist = distribution(meta.ruleset, items.map((i) => i.explanation));
  const bars = barsSvg(
    dist.filter((d) => d.count > 0 || !['vetoed', 'not_rated', 'invalid'].includes(d.id)).map((d) => ({ label: levelWord(d.id, lang), count: d.count, cls: d.id })),
    say(lang, 'distribution'),
  );
  const dims = meta.ruleset.model.dimensions.map((d) => d.id);
  const head = `<tr><th>${h(say(lang, 'platformWord'))}</th><th>${h(say(lang, 'outcome'))}</th><th>${h(say(lang, 'level'))}</th><th class="num">${h(say(lang, 'total'))}</th>${dims.map((d) => `<th class="num">${h(d)}</th>`).join('')}</tr>`;
  const rows = items.map((it, n) => {
    const e = it.explanation;
    const shares = dims.map((d) => {
      const x = e.dimensions.find((y) => y.id === d);
      return `<td class="num">${x ? h(percentText(x.share)) : '—'}</td>`;
    });
    return `<tr><td><a href="#${anchorId('p', e.platform, n)}">${h(e.platform)}</a>${e.name !== undefined && e.name !== e.platform ? ` ${h(e.name)}` : ''}</td><td>${h(say(lang, e.outcome))}</td><td>${h(e.level ?? '—')}</td><td class="num">${e.outcome === 'invalid' ? '—' : h(totalText(e.total))}</td>${shares.join('')}</tr>`;
  });
  return `<section class="summary" id="summary"><h2>${h(say(lang, 'summary'))}</h2><h3>${h(say(lang, 'distribution'))}</h3>${bars}<h3>${h(say(lang, 'summary'))}</h3><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The report as one self-contained HTML document. */
export function reportHtml(items: readonly ReportItem[], meta: ReportMeta): string {
  const lang = meta.lang;
  const batch = items.length > 1;
  const r = meta.ruleset.identity;
  const title = batch ? say(lang, 'batchTitle', { n: items.length }) : `${say(lang, 'reportTitle')}: ${items[0]?.explanation.platform ?? ''}`;
  const sub = `${labelIn(meta.ruleset.ast.header.title, lang) ?? r.id} — ${r.id} ${r.version} (${statusWord(r.status, lang)})`;
  const body = [
    `<h1>${h(title)}</h1><p class="sub">${h(sub)}</p>`,
    basisHtml(meta),
    batch ? summarySection(items, meta, lang) : '',
    ...items.map((it, n) => platformSection(it, n, meta, lang, batch)),
    meta.signature ? signatureHtml(meta) : '',
  ].join('\n');
  return `<!doctype html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Assay ${h(meta.assayVersion)}">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
