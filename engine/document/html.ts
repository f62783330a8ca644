// The standard's document as HTML: a self-contained file (inline CSS, print styles, no script, a Content-Security-
// Policy that forbids any fetch), or the body alone for the playground. In: the document's blocks and language.
// Out: HTML text; every value is escaped (engine/report/escape.ts).

import type { Lang } from '../../dsl/ast';
import { escapeHtml as h } from '../report/escape';
import type { Block } from './sections';

/** The document's own styles (also used by the playground's document view, scoped to `.assay-doc`). */
export const DOCUMENT_CSS = `
.assay-doc { color: #1d2733; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.assay-doc h1 { font-size: 22px; margin: 0 0 6px; }
.assay-doc h2 { font-size: 18px; margin: 22px 0 8px; border-bottom: 1px solid #d9dee5; padding-bottom: 4px; }
.assay-doc h3 { font-size: 15px; margin: 16px 0 6px; }
.assay-doc p { margin: 0 0 10px; }
.assay-doc table { border-collapse: collapse; width: 100%; margin: 0 0 14px; font-size: 13px; }
.assay-doc th, .assay-doc td { border: 1px solid #c9d0d9; padding: 4px 6px; text-align: left; vertical-align: top; }
.assay-doc th { background: #eef1f5; white-space: nowrap; }
.assay-doc code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
/* ids and weights on one line; names and bands keep a readable width (a Chinese name is never one character per line) */
.assay-doc td:first-child, .assay-doc table[data-table^="indicators-"] td:nth-child(8) { white-space: nowrap; }
.assay-doc table[data-table^="indicators-"] td:nth-child(2), .assay-doc table[data-table="rules"] td:nth-child(3),
.assay-doc table[data-table="levels"] td:nth-child(2), .assay-doc table[data-table="facts"] td:nth-child(3) { min-width: 8em; }
.assay-doc table[data-table^="indicators-"] td:nth-child(3) { min-width: 10em; }
.assay-doc table[data-table^="indicators-"] td:nth-child(5) { min-width: 13em; }
.assay-doc table[data-table^="indicators-"] td:nth-child(7) { min-width: 11em; }
.assay-doc table[data-table="revision"] td:nth-child(3) { min-width: 11em; }
.assay-doc table[data-table="revision"] td:nth-child(n+4) { min-width: 14em; }
@media print { .assay-doc h2 { break-after: avoid; } .assay-doc tr { break-inside: avoid; } }
`;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${h(b.text)}</h1>`;
    case 'heading':
      return `<h${b.level}>${h(b.text)}</h${b.level}>`;
    case 'para':
      return `<p>${h(b.text)}</p>`;
    case 'table': {
      const head = b.head.map((c) => `<th scope="col">${h(c)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td>${b.code.includes(i) && c !== '' ? `<code>${h(c)}</code>` : h(c)}</td>`).join('')}</tr>`).join('');
      return `<table data-table="${h(b.name)}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/** The document's body: one `<article class="assay-doc">` (what the playground shows). */
export function documentHtmlBody(blocks: readonly Block[], lang: Lang): string {
  return `<article class="assay-doc" lang="${h(lang)}">${blocks.map(blockHtml).join('\n')}</article>`;
}

/** A self-contained HTML file. */
export function documentHtml(blocks: readonly Block[], lang: Lang): string {
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  return `<!doctype html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${DOCUMENT_CSS}
body { margin: 0; background: #fff; } main { max-width: 1180px; margin: 0 auto; padding: 24px; }</style>
</head>
<body>
<main>${documentHtmlBody(blocks, lang)}</main>
</body>
</html>
`;
}
