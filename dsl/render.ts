// Diagnostics as text for people: `path:line:col: error[A102]: message`, the source line, a caret underline,
// help and related notes. In: diagnostics + the source text. Out: a string (no trailing newline).

import type { Lang, Span } from './ast';
import { renderHelp, renderMessage, type Diagnostic, type RelatedInfo, type Severity } from './diagnostics';
import { charWidth, lineIndex, type LineIndex } from './source';
import { visibleControls } from './visible';

export interface RenderOptions {
  readonly text: string;
  readonly path: string;
  readonly lang?: Lang;
  /** ANSI colours (for terminals). */
  readonly color?: boolean;
}

/** Lines longer than this (in columns) are shown as a window around the span. */
const MAX_SHOWN = 160;
const CONTEXT = 60;
const TAB = '    ';

const ANSI = { red: '\x1b[31;1m', yellow: '\x1b[33;1m', cyan: '\x1b[36;1m', blue: '\x1b[34m', bold: '\x1b[1m', reset: '\x1b[0m' };

function paint(on: boolean | undefined, code: string, s: string): string {
  return on ? `${code}${s}${ANSI.reset}` : s;
}

function severityColor(s: Severity): string {
  return s === 'error' ? ANSI.red : s === 'warning' ? ANSI.yellow : ANSI.cyan;
}

/** Terminal columns of one character in an excerpt: tabs are expanded, the rest as `charWidth`. */
function width(ch: string): number {
  return ch === '\t' ? TAB.length : Math.max(1, charWidth(ch));
}

function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += width(ch);
  return n;
}

/** The source line of `span` with a caret underline, as gutter-prefixed lines. */
function excerpt(index: LineIndex, span: Span, color: string | undefined, useColor: boolean | undefined): string[] {
  const { line, col } = index.lineCol(span.start);
  const text = index.lineText(line);
  const startInLine = col - 1;
  const lineEnd = index.lineStart(line) + text.length;
  const endInLine = Math.max(startInLine, Math.min(span.end, lineEnd) - index.lineStart(line));

  let from = 0;
  let to = text.length;
  if (columns(text) > MAX_SHOWN) {
    from = Math.max(0, startInLine - CONTEXT);
    to = Math.min(text.length, Math.max(endInLine, startInLine) + CONTEXT);
    if (to - from > MAX_SHOWN) to = from + MAX_SHOWN;
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  // Controls in the line (ESC, bidi overrides) are shown as `\u001b`, and the caret is placed under what is shown.
  const shown = visibleControls(text.slice(from, to));
  const pad = columns(prefix) + columns(visibleControls(text.slice(from, Math.max(from, startInLine))));
  const underline = Math.max(1, columns(visibleControls(text.slice(Math.max(from, startInLine), Math.min(to, endInLine)))));

  const gutter = String(line);
  const blank = ' '.repeat(gutter.length);
  const bar = paint(useColor, ANSI.blue, '|');
  return [
    ` ${paint(useColor, ANSI.blue, gutter)} ${bar} ${prefix}${shown.replace(/\t/g, TAB)}${suffix}`.trimEnd(),
    ` ${blank} ${bar} ${' '.repeat(pad)}${paint(useColor, color ?? ANSI.bold, '^'.repeat(underline))}`,
  ];
}

function location(index: LineIndex, path: string, span: Span): string {
  const { line, col } = index.lineCol(span.start);
  return `${path}:${line}:${col}`;
}

function relatedNote(r: RelatedInfo, d: Diagnostic, opts: RenderOptions, index: LineIndex): string[] {
  const lang = opts.lang ?? 'en';
  const head = `  = ${paint(opts.color, ANSI.cyan, `note[${r.code}]`)}: ${visibleControls(renderMessage(r, lang))}`;
  // A note about another file, or about the very text the diagnostic already shows, needs no excerpt.
  if (d.file !== undefined && d.file !== opts.path) return [head];
  if (r.span.start === d.span.start && r.span.end === d.span.end) return [head];
  return [`${head} (${location(index, opts.path, r.span)})`, ...excerpt(index, r.span, ANSI.cyan, opts.color)];
}

/** One diagnostic as text. */
export function renderDiagnostic(d: Diagnostic, opts: RenderOptions): string {
  const lang = opts.lang ?? 'en';
  const index = lineIndex(opts.text);
  const color = severityColor(d.severity);
  const otherFile = d.file !== undefined && d.file !== opts.path;
  const where = otherFile ? (d.file ?? opts.path) : location(index, opts.path, d.span);
  // `path:line:col: error: message [code]`: the severity where tools look for it, the stable code after.
  const label = paint(opts.color, color, d.severity);
  const out = [`${where}: ${label}: ${paint(opts.color, ANSI.bold, visibleControls(renderMessage(d, lang)))} [${d.code}]`];
  if (!otherFile) out.push(...excerpt(index, d.span, color, opts.color));
  const help = renderHelp(d, lang);
  if (help !== undefined) out.push(`  = ${paint(opts.color, ANSI.bold, 'help')}: ${visibleControls(help)}`);
  for (const r of d.related ?? []) out.push(...relatedNote(r, d, opts, index));
  return out.join('\n');
}

/** Several diagnostics, separated by blank lines. */
export function renderDiagnostics(list: readonly Diagnostic[], opts: RenderOptions): string {
  return list.map((d) => renderDiagnostic(d, opts)).join('\n\n');
}
