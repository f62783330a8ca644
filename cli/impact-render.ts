// Rendering an impact analysis for people: terminal table, Markdown, or one self-contained HTML page.
// In: an `Impact`, both compiled rulesets (for the order of levels) and options. Out: the report as a string.
// Numbers are shown to two decimals (half up) from their exact values.

import type { Lang } from '../dsl/index';
import {
  type CompiledRuleset,
  scoreText,
  totalText,
  entryDetails,
  entrySummary,
  type ChangedPlatform,
  type Impact,
  standing,
  escapeMarkdown,
} from '../engine/index';
import { isKey, t } from './i18n';
import { markdownTable, textTable, type Align } from './table';

export type ImpactFormat = 'table' | 'md' | 'html';

function standingText(s: string, lang: Lang): string {
  return (s === 'vetoed' || s === 'not_rated' || s === 'invalid' || s === 'graded') && isKey(s) ? t(lang, s) : s;
}

function causesText(c: ChangedPlatform, lang: Lang): string {
  const n = (i: number) => {
    const gap = c.missing.get(i);
    return gap ? `#${i + 1} (${t(lang, 'noEvidenceFor', { fields: gap.map((f) => `\`${f}\``).join(', ') })})` : `#${i + 1}`;
  };
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
    parts.push(`${d.id} ${b ? scoreText(b) : '—'}→${scoreText(d.score)}`);
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
  // Square: every standing of both versions on both axes, so the diagonal (who stays) is a diagonal.
  const order = im.standings;
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
  };
  const matrix = {
    header: ['', ...order.map((s) => standingText(s, lang))],
    rows: order.map((f, i) => [standingText(f, lang), ...order.map((_, j) => ((im.cells[i]?.[j] ?? 0) === 0 ? '·' : String(im.cells[i]?.[j])))]),
    aligns: ['left' as Align, ...order.map((): Align => 'right')],
  };
  const show = (s: ChangedPlatform['before']) => `${standingText(standing(s), lang)} ${totalText(s.total)}`;
  const changed = {
    header: [t(lang, 'hPlatform'), t(lang, 'hBefore'), t(lang, 'hAfter'), t(lang, 'hDimensions'), t(lang, 'hCauses')],
    rows: [...im.changed]
      .sort((x, y) => rank(standing(x.before)) - rank(standing(y.before)) || rank(standing(x.after)) - rank(standing(y.after)) || x.platform.localeCompare(y.platform))
      .map((c) => [c.name !== undefined ? `${c.platform} ${c.name}` : c.platform, show(c.before), show(c.after), dimensionsText(c), causesText(c, lang)]),
    aligns: ['left', 'left', 'left', 'left', 'left'] as Align[],
  };
  const entries = {
    header: ['#', t(lang, 'hChange'), t(lang, 'hMoved')],
    rows: im.entries.map((e, i) => [`#${i + 1}`, entrySummary(e, lang), movedText(im, i, lang)]),
    aligns: ['right', 'left', 'right'] as Align[],
  };
  return {
    title: titleOf(im, from, to, lang),
    matrix,
    changed,
    entries,
    method: t(lang, 'impactMethod', { from }),
  };
}

/** The title: platforms assessed, those that change outcome or level, and those that change only in total. */
function titleOf(im: Impact, from: string, to: string, lang: Lang): string {
  const scoreOnly = im.changed.filter((c) => c.scoreOnly).length;
  const title = t(lang, 'impactTitle', { from, to, platforms: im.platforms, changed: im.changed.length - scoreOnly });
  return scoreOnly > 0 ? `${title}; ${t(lang, 'scoreOnlyMoves', { n: scoreOnly })}` : title;
}

/** Platforms an entry moves, and how many of them only because they lack its evidence. */
function movedText(im: Impact, i: number, lang: Lang): string {
  const n = String(im.byEntry[i] ?? 0);
  const gap = im.byEntryMissing[i];
  if (!gap || gap.count === 0) return n;
  return `${n}: ${t(lang, 'noEvidenceFor', { fields: gap.fields.map((f) => `\`${f}\``).join(', ') })}${gap.count === im.byEntry[i] ? '' : ` (${gap.count})`}`;
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
td.r,th.r{text-align:right}p.note{color:#555;font-size:.9rem}td ul{margin:0;padding-left:1.1rem}
svg.flow text{font-size:12px;fill:#222}svg.flow .bar{fill:#4a6fa5}svg.flow .band{fill:#4a6fa5;fill-opacity:.25}
svg.flow .stay{fill:#888;fill-opacity:.2}`;

/** The diff as a table: number, change, its details (a list), and the platforms it moves. */
function diffTable(im: Impact, lang: Lang): string {
  const rows = im.entries.map((e, i) => {
    const details = entryDetails(e, lang, '').map((l) => `<li>${escapeHtml(l.trim())}</li>`).join('');
    return `<tr><td class="r">#${i + 1}</td><td>${escapeHtml(entrySummary(e, lang))}</td><td>${details ? `<ul>${details}</ul>` : ''}</td><td class="r">${escapeHtml(movedText(im, i, lang))}</td></tr>`;
  });
  const head = ['#', t(lang, 'hChange'), t(lang, 'hDetails'), t(lang, 'hMoved')].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return ['<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody></table>'].join('\n');
}

/**
 * The level migration as an inline SVG (no script): the standings before on the left and after on the right,
 * bars as tall as their platforms, and a band from each standing to each it moves to, as wide as the movers.
 */
function migrationSvg(im: Impact, lang: Lang): string {
  const order = im.standings;
  const total = Math.max(1, im.platforms);
  const H = 320;
  const gap = 6;
  const W = 560;
  const bar = 14;
  const left = 130;
  const right = W - 130;
  const scale = (H - gap * order.length) / total;
  const outOf = order.map((_, i) => (im.cells[i] ?? []).reduce((x, y) => x + y, 0));
  const into = order.map((_, j) => im.cells.reduce((x, row) => x + (row[j] ?? 0), 0));
  const tops = (counts: number[]): number[] => {
    const out: number[] = [];
    let y = 0;
    for (const c of counts) {
      out.push(y);
      y += c * scale + gap;
    }
    return out;
  };
  const yl = tops(outOf);
  const yr = tops(into);
  const usedL = order.map(() => 0);
  const usedR = order.map(() => 0);
  const parts: string[] = [];
  order.forEach((from, i) => {
    order.forEach((to, j) => {
      const n = im.cells[i]?.[j] ?? 0;
      if (n === 0) return;
      const h = n * scale;
      const y0 = (yl[i] ?? 0) + (usedL[i] ?? 0);
      const y1 = (yr[j] ?? 0) + (usedR[j] ?? 0);
      usedL[i] = (usedL[i] ?? 0) + h;
      usedR[j] = (usedR[j] ?? 0) + h;
      const xa = left + bar;
      const xb = right;
      const mid = (xa + xb) / 2;
      const d = `M${xa},${y0.toFixed(1)} C${mid},${y0.toFixed(1)} ${mid},${y1.toFixed(1)} ${xb},${y1.toFixed(1)} L${xb},${(y1 + h).toFixed(1)} C${mid},${(y1 + h).toFixed(1)} ${mid},${(y0 + h).toFixed(1)} ${xa},${(y0 + h).toFixed(1)} Z`;
      const title = `${standingText(from, lang)} → ${standingText(to, lang)}: ${n}`;
      parts.push(`<path class="${i === j ? 'stay' : 'band'}" d="${d}"><title>${escapeHtml(title)}</title></path>`);
    });
  });
  order.forEach((s, i) => {
    const label = escapeHtml(standingText(s, lang));
    if ((outOf[i] ?? 0) > 0) {
      const y = yl[i] ?? 0;
      const h = (outOf[i] ?? 0) * scale;
      parts.push(`<rect class="bar" x="${left}" y="${y.toFixed(1)}" width="${bar}" height="${h.toFixed(1)}"/>`);
      parts.push(`<text x="${left - 6}" y="${(y + h / 2 + 4).toFixed(1)}" text-anchor="end">${label} ${outOf[i]}</text>`);
    }
    if ((into[i] ?? 0) > 0) {
      const y = yr[i] ?? 0;
      const h = (into[i] ?? 0) * scale;
      parts.push(`<rect class="bar" x="${right}" y="${y.toFixed(1)}" width="${bar}" height="${h.toFixed(1)}"/>`);
      parts.push(`<text x="${right + bar + 6}" y="${(y + h / 2 + 4).toFixed(1)}">${label} ${into[i]}</text>`);
    }
  });
  const alt = escapeHtml(t(lang, 'impactMatrix'));
  return `<svg class="flow" role="img" aria-label="${alt}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

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
      migrationSvg(im, lang),
      htmlTable(x.matrix),
      `<h2>${escapeHtml(t(lang, 'impactChanged'))}</h2>`,
      im.changed.length > 0 ? htmlTable(x.changed) : `<p>${escapeHtml(t(lang, 'noneChanged'))}</p>`,
      `<h2>${escapeHtml(t(lang, 'impactEntries'))}</h2>`,
      diffTable(im, lang),
      `<p class="note">${escapeHtml(x.method)}</p>`,
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
