// Plain-text and Markdown tables for terminal output, aligned by display width (CJK counts as two columns).
// In: a header row and body rows of strings, with per-column alignment. Out: the table as one string.

import { displayWidth } from '../dsl/source';

export { displayWidth };
export type Align = 'left' | 'right';

function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, aligns[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[] = []): string {
  const sep = header.map((_, i) => ((aligns[i] ?? 'left') === 'right' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n');
}
