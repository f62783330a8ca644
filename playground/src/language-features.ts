// Editor services of the Assay language: markers, completion, hover, go to definition, formatting and
// quick fixes. In: the newest analysis (symbols, diagnostics) and the worker client. Out: Monaco
// providers registered once (handles kept), reading whatever analysis is current.

import { CLAUSE_KEYWORDS, DECLARATION_KEYWORDS, EXPRESSION_KEYWORDS, LANGUAGE_ID, LANG_TAGS, STATUS_WORDS, TYPE_KEYWORDS } from './assay-language';
import type { AssayClient } from './client';
import { pickText, t } from './i18n';
import { oneLanguageNote } from './one-language';
import type { monaco as Monaco } from './monaco-setup';
import type { DiagOut, SymbolInfo } from './protocol';

type MonacoApi = typeof Monaco;
type Model = Monaco.editor.ITextModel;

export interface LanguageState {
  symbols: readonly SymbolInfo[];
  diagnostics: readonly DiagOut[];
  /** Model version the diagnostics were computed for. */
  versionId: number;
}

export const languageState: LanguageState = { symbols: [], diagnostics: [], versionId: -1 };

const MARKER_OWNER = 'assay';

function rangeOf(monaco: MonacoApi, model: Model, span: { start: number; end: number }): Monaco.Range {
  const a = model.getPositionAt(span.start);
  const b = model.getPositionAt(Math.max(span.end, span.start));
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

function severityOf(monaco: MonacoApi, s: DiagOut['severity']): Monaco.MarkerSeverity {
  switch (s) {
    case 'error':
      return monaco.MarkerSeverity.Error;
    case 'warning':
      return monaco.MarkerSeverity.Warning;
    case 'info':
      return monaco.MarkerSeverity.Info;
  }
}

/** Puts the diagnostics on the model as markers (a zero-width span underlines one character). */
export function setMarkers(monaco: MonacoApi, model: Model, diagnostics: readonly DiagOut[]): void {
  const markers = diagnostics.map((d): Monaco.editor.IMarkerData => {
    const span = d.span.end > d.span.start ? d.span : { start: d.span.start, end: Math.min(d.span.start + 1, model.getValueLength()) };
    const r = rangeOf(monaco, model, span);
    return {
      severity: severityOf(monaco, d.severity),
      message: d.help ? `${d.message}\n${d.help}` : d.message,
      code: d.code,
      source: 'assay',
      startLineNumber: r.startLineNumber,
      startColumn: r.startColumn,
      endLineNumber: r.endLineNumber,
      endColumn: r.endLineNumber === r.startLineNumber && r.endColumn === r.startColumn ? r.endColumn + 1 : r.endColumn,
      relatedInformation: d.related.map((x) => {
        const rr = rangeOf(monaco, model, x.span);
        return { resource: model.uri, message: x.message, startLineNumber: rr.startLineNumber, startColumn: rr.startColumn, endLineNumber: rr.endLineNumber, endColumn: rr.endColumn };
      }),
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

function symbolsNamed(id: string): SymbolInfo[] {
  return languageState.symbols.filter((s) => s.id === id);
}

/**
 * User text (a label, a unit) as literal Markdown text: every character Markdown or HTML gives a meaning to is escaped,
 * and line breaks become spaces, so a label `![i](x.png)` shows as written, never as an image, link or heading.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"':=]/g, '\\$&');
}

/** Source text as a code span: delimited by more backticks than it holds, so it cannot close the span early. */
function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  return `${fence} ${text.replace(/[\r\n]+/g, ' ')} ${fence}`;
}

/** Source lines in a fenced block whose fence is longer than any backtick run inside (a string may hold ```). */
function codeBlock(lines: readonly string[]): string {
  const runs = lines.join('\n').match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(2, ...runs.map((r) => r.length)) + 1);
  return `${fence}assay\n${lines.join('\n')}\n${fence}`;
}

function hoverMarkdown(s: SymbolInfo): string {
  const lines: string[] = [];
  const label = pickText(s.label);
  lines.push(`**${markdownText(s.id)}** · ${markdownText(t(`kind_${s.kind}`))}${label ? ` — ${markdownText(label)}` : ''}`);
  const facts: string[] = [];
  if (s.parent && s.kind === 'indicator') facts.push(`${markdownText(t('hoverDimension'))}: ${codeSpan(s.parent)}`);
  if (s.type) facts.push(`${markdownText(t('hoverType'))}: ${codeSpan(s.type)}`);
  if (s.weight) facts.push(`${markdownText(t('hoverWeight'))}: ${markdownText(s.weight)}`);
  if (s.unit) {
    // A unit has one string in the language: said in its own language, with a note when that is not the UI's.
    const note = oneLanguageNote(s.unit);
    facts.push(`${markdownText(t('hoverUnit'))}: ${markdownText(s.unit)}${note ? ` *(${markdownText(note)})*` : ''}`);
  }
  if (s.parent && (s.kind === 'enum' || s.kind === 'field')) facts.push(codeSpan(s.parent));
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (s.bands && s.bands.length > 0) {
    lines.push(`${markdownText(t('hoverBands'))}:`);
    lines.push(codeBlock(s.bands));
  }
  return lines.join('\n\n');
}

function completionKind(monaco: MonacoApi, k: SymbolInfo['kind']): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (k) {
    case 'input':
      return K.Variable;
    case 'indicator':
      return K.Field;
    case 'dimension':
      return K.Module;
    case 'method':
      return K.Function;
    case 'prerequisite':
    case 'veto':
      return K.Event;
    case 'level':
      return K.Constant;
    case 'field':
      return K.Property;
    case 'enum':
      return K.EnumMember;
  }
}

/** The indicator or input whose declaration encloses `offset` (for enum-value completion in `map`). */
function enclosing(offset: number): SymbolInfo | undefined {
  return languageState.symbols
    .filter((s) => (s.kind === 'indicator' || s.kind === 'input') && s.span.start <= offset && offset <= s.span.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

/** Registers every provider once; returns the handles so a caller could dispose them. */
export function registerLanguageFeatures(monaco: MonacoApi, client: AssayClient): Monaco.IDisposable[] {
  const out: Monaco.IDisposable[] = [];

  out.push(
    monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
      provideCompletionItems(model, position) {
        const word = model.getWordUntilPosition(position);
        const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
        const items: Monaco.languages.CompletionItem[] = [];
        const seen = new Set<string>();
        const add = (item: Monaco.languages.CompletionItem): void => {
          const key = `${String(item.label)}|${item.kind}`;
          if (seen.has(key)) return;
          seen.add(key);
          items.push(item);
        };
        const here = enclosing(model.getOffsetAt(position));
        for (const s of languageState.symbols) {
          const label = pickText(s.label);
          // Enum values of the indicator being edited come first (a `map` lists them).
          const mine = s.kind === 'enum' && here !== undefined && s.parent === here.id;
          add({
            label: s.id,
            kind: completionKind(monaco, s.kind),
            detail: `${t(`kind_${s.kind}`)}${s.parent ? ` · ${s.parent}` : ''}${s.type ? ` · ${s.type}` : ''}`,
            ...(label ? { documentation: label } : {}),
            insertText: s.id,
            range,
            sortText: `${mine ? '0' : s.kind === 'enum' || s.kind === 'field' ? '2' : '1'}${s.id}`,
          });
        }
        const K = monaco.languages.CompletionItemKind.Keyword;
        for (const kw of [...DECLARATION_KEYWORDS, ...CLAUSE_KEYWORDS, ...EXPRESSION_KEYWORDS, ...TYPE_KEYWORDS, ...STATUS_WORDS, ...LANG_TAGS]) {
          add({ label: kw, kind: K, insertText: kw, range, sortText: `3${kw}` });
        }
        return { suggestions: items };
      },
    }),
  );

  out.push(
    monaco.languages.registerHoverProvider(LANGUAGE_ID, {
      provideHover(model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) return null;
        const found = symbolsNamed(word.word);
        if (found.length === 0) return null;
        return {
          range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
          // Plain Markdown: no HTML, no command links (`isTrusted` off), user text escaped by `hoverMarkdown`.
          contents: found.slice(0, 3).map((s) => ({ value: hoverMarkdown(s), isTrusted: false, supportHtml: false })),
        };
      },
    }),
  );

  out.push(
    monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
      provideDefinition(model, position) {
        const word = model.getWordAtPosition(position);
        if (!word) return null;
        // Prefer declarations over enum values of the same name.
        const found = symbolsNamed(word.word).sort((a, b) => Number(a.kind === 'enum') - Number(b.kind === 'enum'));
        return found.map((s) => ({ uri: model.uri, range: rangeOf(monaco, model, s.nameSpan) }));
      },
    }),
  );

  out.push(
    monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
      async provideDocumentFormattingEdits(model) {
        const text = await client.formatText(model.getValue()).catch(() => null);
        if (text === null || text === model.getValue()) return [];
        return [{ range: model.getFullModelRange(), text }];
      },
    }),
  );

  out.push(
    monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
      provideCodeActions(model, _range, context) {
        const actions: Monaco.languages.CodeAction[] = [];
        if (model.getVersionId() !== languageState.versionId) return { actions, dispose() {} };
        for (const marker of context.markers) {
          for (const d of languageState.diagnostics) {
            if (d.fixes.length === 0 || d.code !== (typeof marker.code === 'string' ? marker.code : marker.code?.value)) continue;
            const r = rangeOf(monaco, model, d.span);
            if (r.startLineNumber !== marker.startLineNumber || r.startColumn !== marker.startColumn) continue;
            for (const fix of d.fixes) {
              actions.push({
                title: t('quickFix', { text: fix.text }),
                kind: 'quickfix',
                diagnostics: [marker],
                isPreferred: d.fixes.length === 1,
                edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: rangeOf(monaco, model, fix.span), text: fix.text } }] },
              });
            }
          }
        }
        return { actions, dispose() {} };
      },
    }),
  );

  return out;
}
