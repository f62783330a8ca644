// The editor's symbol table: every declared id of a ruleset AST with what hover and completion show.
// In: the AST (possibly partial after recovery) and its source text. Out: `SymbolInfo[]`, plain data.

import type { IndicatorDecl, Ruleset, Text, TypeExpr } from '../../../dsl/index';
import type { LabelEntry, SymbolInfo } from '../protocol';

function label(t: Text | undefined): LabelEntry[] | undefined {
  return t ? t.entries.map((x) => ({ lang: x.lang, value: x.value.value })) : undefined;
}

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

function typeSymbols(type: TypeExpr, owner: string, text: string, out: SymbolInfo[]): void {
  switch (type.kind) {
    case 'Scalar':
      return;
    case 'Enum':
      for (const v of type.values) {
        out.push({ id: v.name, kind: 'enum', nameSpan: v.span, span: v.span, parent: owner });
      }
      return;
    case 'Object':
      for (const f of type.fields) {
        out.push({
          id: f.name.name,
          kind: 'field',
          nameSpan: f.name.span,
          span: f.span,
          type: slice(text, f.type.span),
          parent: owner,
        });
        typeSymbols(f.type, `${owner}.${f.name.name}`, text, out);
      }
      return;
  }
}

function scoringLines(ind: IndicatorDecl, text: string): string[] | undefined {
  const s = ind.scoring;
  if (!s) return undefined;
  switch (s.kind) {
    case 'Bands':
      return s.bands.map((b) => slice(text, b.span));
    case 'Map':
      return s.entries.map((m) => slice(text, m.span));
    case 'Formula':
      return [slice(text, s.span)];
  }
}

/** Collects every declaration; tolerant of holes left by error recovery. */
export function collectSymbols(ast: Ruleset, text: string): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
    (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
  for (const item of ast.items) {
    switch (item.kind) {
      case 'Method':
        out.push({ id: item.id.name, kind: 'method', nameSpan: item.id.span, span: item.span, ...opt('label', label(item.label)) });
        break;
      case 'Input':
        out.push({
          id: item.id.name,
          kind: 'input',
          nameSpan: item.id.span,
          span: item.span,
          type: slice(text, item.type.span),
          ...opt('label', label(item.label)),
          ...opt('unit', item.unit?.value),
        });
        typeSymbols(item.type, item.id.name, text, out);
        break;
      case 'Dimension':
        out.push({
          id: item.id.name,
          kind: 'dimension',
          nameSpan: item.id.span,
          span: item.span,
          ...opt('label', label(item.label)),
          ...opt('weight', item.weight?.text),
        });
        for (const ind of item.indicators) {
          out.push({
            id: ind.id.name,
            kind: 'indicator',
            nameSpan: ind.id.span,
            span: ind.span,
            parent: item.id.name,
            ...opt('label', label(ind.label)),
            ...opt('weight', ind.weight?.text),
            ...opt('type', ind.type ? slice(text, ind.type.span) : undefined),
            ...opt('unit', ind.unit?.value),
            ...opt('bands', scoringLines(ind, text)),
          });
          if (ind.type) typeSymbols(ind.type, ind.id.name, text, out);
        }
        break;
      case 'Prerequisite':
        out.push({ id: item.id.name, kind: 'prerequisite', nameSpan: item.id.span, span: item.span, ...opt('label', label(item.label)) });
        break;
      case 'Veto':
        out.push({ id: item.id.name, kind: 'veto', nameSpan: item.id.span, span: item.span, ...opt('label', label(item.label)) });
        break;
      case 'Levels':
        for (const l of item.levels) {
          out.push({ id: l.id.name, kind: 'level', nameSpan: l.id.span, span: l.span, ...opt('label', label(l.label)) });
        }
        if (item.fallback) {
          const f = item.fallback;
          out.push({ id: f.id.name, kind: 'level', nameSpan: f.id.span, span: f.span, ...opt('label', label(f.label)) });
        }
        break;
    }
  }
  // Recovery may leave empty names; they are not symbols.
  return out.filter((s) => s.id !== '' && s.nameSpan.end > s.nameSpan.start);
}

/** Level ids, highest first, fallback last. */
export function levelOrder(ast: Ruleset): string[] {
  const out: string[] = [];
  for (const item of ast.items) {
    if (item.kind !== 'Levels') continue;
    for (const l of item.levels) out.push(l.id.name);
    if (item.fallback) out.push(item.fallback.id.name);
  }
  return out;
}

/** Each indicator's declaration by id (first declaration wins), for `bandOf`. */
export function indicatorsOf(ast: Ruleset): Map<string, IndicatorDecl> {
  const out = new Map<string, IndicatorDecl>();
  for (const item of ast.items) {
    if (item.kind !== 'Dimension') continue;
    for (const ind of item.indicators) if (!out.has(ind.id.name)) out.set(ind.id.name, ind);
  }
  return out;
}

/** Span of the band or mapping entry `index` of indicator `ind`, with its source text. */
export function bandOf(ind: IndicatorDecl | undefined, text: string, index: number): { text: string; span: { start: number; end: number } } | undefined {
  if (!ind?.scoring) return undefined;
  const s = ind.scoring;
  const node = s.kind === 'Bands' ? s.bands[index] : s.kind === 'Map' ? s.entries[index] : index === 0 ? s : undefined;
  return node ? { text: slice(text, node.span), span: { start: node.span.start, end: node.span.end } } : undefined;
}
