// Plain-text and Markdown tables for terminal output, aligned by display width (CJK counts as two columns).
// In: a header row and body rows of plain strings, with per-column alignment. Out: the table as one string.

import { displayWidth, visibleControls } from '../dsl/index';
import { escapeMarkdown } from '../engine/index';

export { displayWidth };
export type Align = 'left' | 'right';

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

/** A table for a terminal; cells are plain text, their controls shown as `\uXXXX` before they are measured. */
export function textTable(header: readonly string[], rawRows: readonly (readonly string[])[], aligns: readonly Align[] = []): string {
  const rows = rawRows.map((r) => r.map(visibleControls));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, aligns[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}


/** A GFM table; cells are plain text, escaped here (`escapeMarkdown`), so a cell cannot add markup or a row. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[] = []): string {
  const sep = header.map((_, i) => ((aligns[i] ?? 'left') === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(escapeMarkdown)), line(sep), ...rows.map((r) => line(r.map(escapeMarkdown)))].join('\n');
}
