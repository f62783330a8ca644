// Escaping user text (ruleset labels, ids, units, basis, evidence names and values) for HTML and Markdown outputs:
// the one owner of it. In: any text. Out: markup text that shows the text as written and can run nothing.

import { visibleControls } from '../../dsl/visible';

const MAP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => MAP[c] ?? c);
}

/** A fragment id made of safe characters only (`p-P1_hub_operator`); distinct inputs may collide, so callers number them. */
export function anchorId(prefix: string, s: string, n: number): string {
  return `${prefix}${n}-${s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}`;
}

/** Line breaks of any kind: a value is shown on one line, so it cannot start a heading, a list or a fence. */
const BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Plain text as Markdown inline text, for anywhere in a line, a heading or a GFM table cell: a `<` that could
 * start a tag, comment or autolink is written as an entity and so is an `&` that could start one; Markdown
 * punctuation is backslash-escaped (emphasis, code, links, images, tables, headings; `_` only where it could start
 * or end emphasis, so `P1_hub_operator` stays as it is), a line-start marker (`- `,
 * `+ `, `=`, `>`, `1. `) is escaped, leading spaces (an indented code block) are dropped, line breaks become spaces and control characters are shown as `\uXXXX`.
 */
export function escapeMarkdown(s: string): string {
  return visibleControls(s.replace(BREAKS, ' ').replace(/^[ \t]+/, ''))
    .replace(/<(?=[A-Za-z/!?])|&(?=#?\w+;)/g, (c) => MAP[c] ?? c)
    .replace(/[\\`*[\]|~#!]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/^([-+](?=[\s\-+]|$)|[=>])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Plain text as a Markdown code span (`` `id` ``): fenced with one more backtick than its longest run of them, on
 * one line, controls shown as `\uXXXX`. Inside a code span HTML and Markdown are shown as written.
 */
export function markdownCode(s: string): string {
  const text = visibleControls(s.replace(BREAKS, ' '));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Plain-text lines as a fenced code block, each line prefixed with `indent` (to sit inside a list item): the fence is
 * longer than any run of backticks in the lines, a line break inside a line becomes a space (it could end the list
 * item and the block with it), and controls are shown as `\uXXXX`.
 */
export function markdownCodeBlock(lines: readonly string[], indent = ''): string[] {
  const shown = lines.map((l) => visibleControls(l.replace(BREAKS, ' ')));
  const longest = Math.max(2, ...shown.flatMap((l) => (l.match(/`+/g) ?? []).map((r) => r.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${indent}${fence}`, ...shown.map((l) => `${indent}${l}`), `${indent}${fence}`];
}
