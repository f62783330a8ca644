// Diagnostics as golden text: one block per diagnostic with position, code, severity, the underlined text,
// the message in en and zh-Hans, help and related notes. In: source text + diagnostics. Out: a string.

import type { Span } from '../../dsl/ast';
import { renderHelp, renderMessage, type Diagnostic } from '../../dsl/diagnostics';
import { lineCol } from '../../dsl/source';
import { compileRuleset } from '../../engine/index';

/** The underlined text: its first line, with `…` when it goes on. */
export function underlined(text: string, span: Span): string {
  const s = text.slice(span.start, span.end);
  const nl = s.indexOf('\n');
  const line = nl >= 0 ? `${s.slice(0, nl).trimEnd()}…` : s;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function at(text: string, span: Span): string {
  const { line, col } = lineCol(text, span.start);
  return `${line}:${col}`;
}

export function formatDiagnostics(text: string, ds: readonly Diagnostic[]): string {
  const out: string[] = [];
  for (const d of ds) {
    out.push(`${at(text, d.span)} ${d.severity}[${d.code}] \`${underlined(text, d.span)}\``);
    out.push(`  en: ${renderMessage(d, 'en')}`);
    out.push(`  zh-Hans: ${renderMessage(d, 'zh-Hans')}`);
    const help = renderHelp(d, 'en');
    if (help !== undefined) out.push(`  help: ${help}`);
    for (const r of d.related ?? []) out.push(`  note[${r.code}] ${at(text, r.span)} \`${underlined(text, r.span)}\`: ${renderMessage(r, 'en')}`);
  }
  return out.length === 0 ? '(no diagnostics)\n' : `${out.join('\n')}\n`;
}

/** Compiles `text` with every check and formats what it reports. */
export function goldenOf(text: string): { golden: string; diagnostics: Diagnostic[] } {
  const { diagnostics } = compileRuleset(text);
  return { golden: formatDiagnostics(text, diagnostics), diagnostics };
}
