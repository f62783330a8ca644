// Rendering an impact analysis for people: terminal table, Markdown, or one self-contained HTML page.
// In: an `Impact`, both compiled rulesets (for the order of levels) and options. Out: the report as a string.
// Numbers are shown to two decimals (half up) from their exact values.

import type { Lang } from '../dsl/ast';
import type { CompiledRuleset } from '../engine/index';
import { entrySummary, renderDiff } from '../engine/diff/render';
import type { ChangedPlatform, Impact } from '../engine/impact';
import { standing } from '../engine/impact';
import { isKey, t } from './i18n';
import { escapeMarkdown } from '../engine/report/escape';
import { markdownTable, textTable, type Align } from './table';

export type ImpactFormat = 'table' | 'md' | 'html';

/** Standings in reading order: levels highest first, the fallback, then the other outcomes. */
function standingOrder(a: CompiledRuleset, b: CompiledRuleset): string[] {
  const order: string[] = [];
  for (const r of [b, a]) for (const l of r.model.ladder?.levels ?? []) if (!order.includes(l.id)) order.push(l.id);
  for (const r of [b, a]) {
    const f = r.model.ladder?.fallback?.id;
    if (f !== undefined && !order.includes(f)) order.push(f);
  }
  order.push('vetoed', 'not_rated', 'invalid');
  return order;
}

function standingText(s: string, lang: Lang): string {
  return (s === 'vetoed' || s === 'not_rated' || s === 'invalid' || s === 'graded') && isKey(s) ? t(lang, s) : s;
}

function causesText(c: ChangedPlatform, lang: Lang): string {
  const n = (i: number) => `#${i + 1}`;
  let text: string;
  if (!c.interaction) text = c.causeIds.map(n).join(', ');
  else if (c.combinations.length === 1 && c.combinations[0]?.length === c.causeIds.length && c.causeIds.length > 2) text = t(lang, 'allTogether');
  else text = c.combinations.map((x) => x.map(n).join(' + ')).join('; ') + ` (${t(lang, 'together')})`;
  if (c.contributing.length > 0) text += `; ${t(lang, 'partly', { list: c.contributing.map(n).join(', ') })}`;
  if (c.counter.length > 0) text += `; ${t(lang, 'against', { list: c.counter.map(n).join(', ') })}`;
  return text;
}

function dimensionsText(c: ChangedPlatform): string {
  const before = new Map(c.before.dimensions.map((d) => [d.id, d.score]));
  const parts: string[] = [];
  for (const d of c.after.dimensions) {
    const b = before.get(d.id);
    if (b && b.eq(d.score)) continue;
    parts.push(`${d.id} ${b ? b.toFixed(2) : '—'}→${d.score.toFixed(2)}`);
  }
  return parts.join(', ');
}

interface Tables {
  readonly title: string;
  readonly matrix: { header: string[]; rows: string[][]; aligns: Align[] };
  readonly changed: { header: string[]; rows: string[][]; aligns: Align[] };
  readonly entries: { header: string[]; rows: string[][]; aligns: Align[] };
  readonly method: string;
}

function tables(im: Impact, a: CompiledRuleset, b: CompiledRuleset, lang: Lang): Tables {
  const from = `${a.identity.id} ${a.identity.version}`;
  const to = b.identity.id === a.identity.id ? b.identity.version : `${b.identity.id} ${b.identity.version}`;
  const order = standingOrder(a, b);
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  const froms = [...new Set(im.matrix.map((m) => m.from))].sort((x, y) => rank(x) - rank(y));
  const tos = [...new Set(im.matrix.map((m) => m.to))].sort((x, y) => rank(x) - rank(y));
  const count = (f: string, x: string) => im.matrix.find((m) => m.from === f && m.to === x)?.count ?? 0;
  const matrix = {
    header: ['', ...tos.map((s) => standingText(s, lang))],
    rows: froms.map((f) => [standingText(f, lang), ...tos.map((x) => (count(f, x) === 0 ? '·' : String(count(f, x))))]),
    aligns: ['left' as Align, ...tos.map((): Align => 'right')],
  };
  const show = (s: ChangedPlatform['before']) => `${standingText(standing(s), lang)} ${s.total.toFixed(2)}`;
  const changed = {
    header: [t(lang, 'hPlatform'), t(lang, 'hBefore'), t(lang, 'hAfter'), t(lang, 'hDimensions'), t(lang, 'hCauses')],
    rows: [...im.changed]
      .sort((x, y) => rank(standing(x.before)) - rank(standing(y.before)) || rank(standing(x.after)) - rank(standing(y.after)) || x.platform.localeCompare(y.platform))
      .map((c) => [c.name !== undefined ? `${c.platform} ${c.name}` : c.platform, show(c.before), show(c.after), dimensionsText(c), causesText(c, lang)]),
    aligns: ['left', 'left', 'left', 'left', 'left'] as Align[],
  };
  const entries = {
    header: ['#', t(lang, 'hChange'), t(lang, 'hMoved')],
    rows: im.entries.map((e, i) => [`#${i + 1}`, entrySummary(e, lang), String(im.byEntry[i] ?? 0)]),
    aligns: ['right', 'left', 'right'] as Align[],
  };
  return {
    title: t(lang, 'impactTitle', { from, to, platforms: im.platforms, changed: im.changed.length }),
    matrix,
    changed,
    entries,
    method: t(lang, 'impactMethod', { from }),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function htmlTable(x: { header: string[]; rows: string[][]; aligns: Align[] }): string {
  const cell = (tag: string, s: string, i: number) => `<${tag}${x.aligns[i] === 'right' ? ' class="r"' : ''}>${escapeHtml(s)}</${tag}>`;
  return [
    '<table>',
    `<thead><tr>${x.header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    '<tbody>',
    ...x.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`),
    '</tbody></table>',
  ].join('\n');
}

const CSS = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222;max-width:80rem}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}th{background:#f4f4f4}
td.r,th.r{text-align:right}p.note{color:#555;font-size:.9rem}`;

export function renderImpact(im: Impact, a: CompiledRuleset, b: CompiledRuleset, opts: { format: ImpactFormat; lang: Lang }): string {
  const { format, lang } = opts;
  const x = tables(im, a, b, lang);
  if (format === 'html') {
    const htmlLang = lang === 'en' ? 'en' : lang;
    return [
      '<!doctype html>',
      `<html lang="${htmlLang}"><head><meta charset="utf-8"><title>${escapeHtml(x.title)}</title><style>${CSS}</style></head><body>`,
      `<h1>${escapeHtml(x.title)}</h1>`,
      `<p class="note">${escapeHtml(`${a.identity.hash} → ${b.identity.hash}`)}</p>`,
      `<h2>${escapeHtml(t(lang, 'impactMatrix'))}</h2>`,
      htmlTable(x.matrix),
      `<h2>${escapeHtml(t(lang, 'impactChanged'))}</h2>`,
      im.changed.length > 0 ? htmlTable(x.changed) : `<p>${escapeHtml(t(lang, 'noneChanged'))}</p>`,
      `<h2>${escapeHtml(t(lang, 'impactEntries'))}</h2>`,
      htmlTable(x.entries),
      `<p class="note">${escapeHtml(x.method)}</p>`,
      `<pre>${escapeHtml(renderDiff({ header: im.header, entries: im.entries }, { format: 'text', lang }))}</pre>`,
      '</body></html>',
    ].join('\n');
  }
  const md = format === 'md';
  const table = md ? markdownTable : textTable;
  const h = (s: string) => (md ? `## ${escapeMarkdown(s)}` : s);
  const plain = (s: string) => (md ? escapeMarkdown(s) : s);
  return [
    md ? `# ${escapeMarkdown(x.title)}` : x.title,
    plain(`${a.identity.hash} → ${b.identity.hash}`),
    '',
    h(t(lang, 'impactMatrix')),
    '',
    table(x.matrix.header, x.matrix.rows, x.matrix.aligns),
    '',
    h(t(lang, 'impactChanged')),
    '',
    im.changed.length > 0 ? table(x.changed.header, x.changed.rows, x.changed.aligns) : plain(t(lang, 'noneChanged')),
    '',
    h(t(lang, 'impactEntries')),
    '',
    table(x.entries.header, x.entries.rows, x.entries.aligns),
    '',
    plain(x.method),
  ].join('\n');
}
