// The standard's document as Markdown (GFM tables). In: the document's blocks. Out: Markdown text in which every
// value from the ruleset is escaped (engine/report/escape.ts): a label cannot add a link, an image, a row or a heading.

import { escapeMarkdown as md, markdownCode } from '../report/escape';
import type { Block } from './sections';

function cell(text: string, code: boolean): string {
  if (text === '') return '';
  return code ? markdownCode(text) : md(text);
}

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [`# ${md(b.text)}`, ''];
    case 'heading':
      return [`${'#'.repeat(b.level)} ${md(b.text)}`, ''];
    case 'para':
      return [md(b.text), ''];
    case 'table': {
      const row = (cells: readonly string[], code: boolean): string =>
        `| ${cells.map((c, i) => cell(c, code && b.code.includes(i))).join(' | ')} |`;
      return [row(b.head, false), `|${b.head.map(() => '---|').join('')}`, ...b.rows.map((r) => row(r, true)), ''];
    }
  }
}

/** The blocks as one Markdown document. */
export function documentMarkdown(blocks: readonly Block[]): string {
  return blocks.flatMap(blockLines).join('\n').replace(/\n+$/, '') + '\n';
}
