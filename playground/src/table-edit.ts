// The table view's edits: a cell of the ruleset's grids (or a row added or removed) → one text edit on the
// source, found through the AST's spans. In: the parsed AST, its text and an operation. Out: a `TextEdit` that
// replaces only the span of the node concerned (comments outside it untouched, comments inside a removed node kept).

import type * as A from '../../dsl/index';
import { LANGS, type Lang, printString } from '../../dsl/index';

/** Replace `[start, end)` of the text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whose label a label cell edits. */
export type LabelOwner =
  | { readonly kind: 'title' }
  | { readonly kind: 'dimension' | 'indicator' | 'veto' | 'prerequisite' | 'level'; readonly id: string };

export type IndicatorField = 'id' | 'weight' | 'type' | 'unit' | 'direction' | 'methods' | 'basis' | 'applies' | 'formerly';
export type HeaderField = 'version' | 'status' | 'date' | 'total';
export type RuleOwner = 'level' | 'prerequisite';

/** One editable cell of the grids. */
export type CellRef =
  | { readonly kind: 'header'; readonly field: HeaderField }
  | { readonly kind: 'label'; readonly owner: LabelOwner; readonly lang: Lang }
  | { readonly kind: 'dimension'; readonly id: string }
  | { readonly kind: 'indicator'; readonly id: string; readonly field: IndicatorField }
  | { readonly kind: 'band'; readonly id: string; readonly index: number; readonly part: 'cond' | 'points' }
  | { readonly kind: 'entry'; readonly id: string; readonly index: number; readonly part: 'key' | 'points' }
  | { readonly kind: 'require'; readonly owner: RuleOwner; readonly id: string; readonly index: number }
  | { readonly kind: 'veto'; readonly id: string };

/** What a grid can do to the text. */
export type TableOp =
  | { readonly kind: 'set'; readonly cell: CellRef; readonly value: string }
  | { readonly kind: 'addIndicator'; readonly dimension: string; readonly after?: string; readonly id: string }
  | { readonly kind: 'removeIndicator'; readonly id: string }
  | { readonly kind: 'addBand'; readonly id: string; readonly at: number }
  | { readonly kind: 'removeBand'; readonly id: string; readonly index: number }
  | { readonly kind: 'addEntry'; readonly id: string; readonly at: number }
  | { readonly kind: 'removeEntry'; readonly id: string; readonly index: number }
  | { readonly kind: 'addRequire'; readonly owner: RuleOwner; readonly id: string }
  | { readonly kind: 'removeRequire'; readonly owner: RuleOwner; readonly id: string; readonly index: number }
  | { readonly kind: 'addVeto'; readonly id: string }
  | { readonly kind: 'removeVeto'; readonly id: string };

/** Why an operation gives no edit (the page words it). */
export type EditRefusal = 'notFound' | 'identifier' | 'number' | 'date' | 'exists' | 'required';

export type EditResult = { readonly ok: true; readonly edit: TextEdit } | { readonly ok: false; readonly reason: EditRefusal };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INDENT = '  ';

// --- finding nodes ------------------------------------------------------------------------------

export function dimensions(ast: A.Ruleset): A.DimensionDecl[] {
  return ast.items.filter((i): i is A.DimensionDecl => i.kind === 'Dimension');
}

/** Indicators by id, built once per tree (a grid of 2,000 indicators looks one up for each of its cells). */
const indicatorIndex = new WeakMap<A.Ruleset, Map<string, { dim: A.DimensionDecl; ind: A.IndicatorDecl }>>();

export function findIndicator(ast: A.Ruleset, id: string): { dim: A.DimensionDecl; ind: A.IndicatorDecl } | undefined {
  let index = indicatorIndex.get(ast);
  if (!index) {
    index = new Map();
    for (const dim of dimensions(ast)) for (const ind of dim.indicators) if (!index.has(ind.id.name)) index.set(ind.id.name, { dim, ind });
    indicatorIndex.set(ast, index);
  }
  return index.get(id);
}

export function vetoes(ast: A.Ruleset): A.VetoDecl[] {
  return ast.items.filter((i): i is A.VetoDecl => i.kind === 'Veto');
}

export function prerequisites(ast: A.Ruleset): A.PrerequisiteDecl[] {
  return ast.items.filter((i): i is A.PrerequisiteDecl => i.kind === 'Prerequisite');
}

export function ladder(ast: A.Ruleset): A.LevelLadder | undefined {
  return ast.items.find((i): i is A.LevelLadder => i.kind === 'Levels');
}

function ruleOwner(ast: A.Ruleset, owner: RuleOwner, id: string): A.LevelDecl | A.PrerequisiteDecl | undefined {
  return owner === 'level' ? ladder(ast)?.levels.find((l) => l.id.name === id) : prerequisites(ast).find((p) => p.id.name === id);
}

function labelHolder(ast: A.Ruleset, o: LabelOwner): { label: A.Text | undefined; decl: A.Span; keyword: string } | undefined {
  switch (o.kind) {
    case 'title':
      return { label: ast.header.title, decl: ast.header.span, keyword: 'title' };
    case 'dimension': {
      const d = dimensions(ast).find((x) => x.id.name === o.id);
      return d && { label: d.label, decl: d.span, keyword: 'label' };
    }
    case 'indicator': {
      const f = findIndicator(ast, o.id);
      return f && { label: f.ind.label, decl: f.ind.span, keyword: 'label' };
    }
    case 'veto': {
      const v = vetoes(ast).find((x) => x.id.name === o.id);
      return v && { label: v.label, decl: v.span, keyword: 'label' };
    }
    case 'prerequisite': {
      const p = prerequisites(ast).find((x) => x.id.name === o.id);
      return p && { label: p.label, decl: p.span, keyword: 'label' };
    }
    case 'level': {
      const l = ladder(ast);
      const d = l?.levels.find((x) => x.id.name === o.id) ?? (l?.fallback?.id.name === o.id ? l.fallback : undefined);
      return d && { label: d.label, decl: d.span, keyword: 'label' };
    }
  }
}

// --- what a cell shows -----------------------------------------------------------------------------

/** What a cell shows and the span its problems are looked up by; undefined when the cell's node is gone. */
export interface CellContent {
  readonly value: string;
  /** The node the cell edits; absent for a clause not written (the cell is empty). */
  readonly span?: A.Span;
}

const src = (text: string, s: A.Span): string => text.slice(s.start, s.end);

export function cellContent(ast: A.Ruleset, text: string, cell: CellRef): CellContent | undefined {
  switch (cell.kind) {
    case 'header': {
      const h = ast.header;
      const node = cell.field === 'version' ? h.version : cell.field === 'status' ? h.status : cell.field === 'date' ? h.date : h.total;
      if (!node) return { value: '' };
      return { value: node.kind === 'Str' ? node.value : node.text, span: node.span };
    }
    case 'label': {
      const holder = labelHolder(ast, cell.owner);
      if (!holder) return undefined;
      const entry = holder.label?.entries.find((e) => e.lang === cell.lang);
      return entry ? { value: entry.value.value, span: entry.span } : { value: '' };
    }
    case 'dimension': {
      const d = dimensions(ast).find((x) => x.id.name === cell.id);
      if (!d) return undefined;
      return d.weight ? { value: d.weight.text, span: d.weight.span } : { value: '' };
    }
    case 'indicator': {
      const ind = findIndicator(ast, cell.id)?.ind;
      if (!ind) return undefined;
      const c = indicatorClause(ind, cell.field);
      if (!c) return { value: '' };
      const value =
        cell.field === 'methods'
          ? src(text, c.value).replace(/^methods\s+/, '')
          : cell.field === 'type' || cell.field === 'applies'
            ? src(text, c.value)
            : c.shown;
      return { value, span: c.value };
    }
    case 'band': {
      const s = findIndicator(ast, cell.id)?.ind.scoring;
      const b = s?.kind === 'Bands' ? s.bands[cell.index] : undefined;
      if (!b) return undefined;
      const node = cell.part === 'cond' ? b.cond.span : b.points.span;
      return { value: src(text, node), span: node };
    }
    case 'entry': {
      const s = findIndicator(ast, cell.id)?.ind.scoring;
      const e = s?.kind === 'Map' ? s.entries[cell.index] : undefined;
      if (!e) return undefined;
      const node = cell.part === 'key' ? e.key.span : e.points.span;
      return { value: src(text, node), span: node };
    }
    case 'require': {
      const r = ruleOwner(ast, cell.owner, cell.id)?.requires[cell.index];
      return r && { value: src(text, r.span), span: r.span };
    }
    case 'veto': {
      const v = vetoes(ast).find((x) => x.id.name === cell.id);
      if (!v) return undefined;
      return v.when ? { value: src(text, v.when.span), span: v.when.span } : { value: '' };
    }
  }
}

// --- clauses -------------------------------------------------------------------------------------

/** A written clause: its value span, what a cell shows, and the keyword written before the value. */
interface Clause {
  readonly value: A.Span;
  readonly shown: string;
  /** Words before the value (`applies when`); empty when the span already starts at the keyword. */
  readonly keyword: readonly string[];
}

/** Indicator clauses in the printer's order (dsl/printer.ts): where a missing one is inserted. */
const INDICATOR_ORDER = ['label', 'weight', 'type', 'unit', 'direction', 'methods', 'basis', 'applies', 'formerly', 'scoring'] as const;
type IndicatorClause = (typeof INDICATOR_ORDER)[number];

function joinSpans(a: A.Span, b: A.Span): A.Span {
  return { start: a.start, end: b.end };
}

function indicatorClause(ind: A.IndicatorDecl, field: IndicatorClause | 'id'): Clause | undefined {
  switch (field) {
    case 'id':
      return { value: ind.id.span, shown: ind.id.name, keyword: [] };
    case 'label':
      return ind.label && { value: ind.label.span, shown: '', keyword: ['label'] };
    case 'weight':
      return ind.weight && { value: ind.weight.span, shown: ind.weight.text, keyword: ['weight'] };
    case 'type':
      return ind.type && { value: ind.type.span, shown: '', keyword: ['type'] };
    case 'unit':
      return ind.unit && { value: ind.unit.span, shown: ind.unit.value, keyword: ['unit'] };
    case 'direction':
      return ind.direction && { value: ind.direction.span, shown: ind.direction.value, keyword: [] };
    case 'methods':
      return ind.methods && { value: ind.methods.span, shown: '', keyword: [] };
    case 'basis':
      return ind.basis && { value: ind.basis.span, shown: ind.basis.value, keyword: ['basis'] };
    case 'applies':
      return ind.applies && { value: ind.applies.span, shown: '', keyword: ['applies', 'when'] };
    case 'formerly': {
      const f = ind.formerly;
      const first = f?.[0];
      const last = f?.[f.length - 1];
      return first && last && { value: joinSpans(first.span, last.span), shown: f.map((n) => n.name).join(', '), keyword: ['formerly'] };
    }
    case 'scoring':
      return ind.scoring && { value: ind.scoring.span, shown: '', keyword: [] };
  }
}

/** Start of the clause whose value starts at `valueStart`: back over `keyword`'s words and the blanks between. */
function clauseStart(text: string, valueStart: number, keyword: readonly string[]): number {
  let i = valueStart;
  for (const word of [...keyword].reverse()) {
    while (i > 0 && /[ \t]/.test(text[i - 1] ?? '')) i--;
    if (text.slice(i - word.length, i) === word) i -= word.length;
  }
  return i;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const n = text.indexOf('\n', pos);
  return n < 0 ? text.length : n;
}

function indentAt(text: string, pos: number): string {
  const ls = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(ls, pos))?.[0] ?? '';
}

/** Comments that start inside `[start, end)`, each on its own line at `indent` (kept when their node goes). */
function keptComments(ast: A.Ruleset, start: number, end: number, indent: string): string {
  return ast.comments
    .filter((c) => c.span.start >= start && c.span.start < end)
    .map((c) => `${indent}${c.text.trimEnd()}\n`)
    .join('');
}

/**
 * Removes `[start, end)`; when nothing else is on its lines, the whole lines go. Comments inside the range are
 * kept, each on its own line.
 */
function removal(ast: A.Ruleset, text: string, start: number, end: number): TextEdit {
  const ls = lineStart(text, start);
  const le = lineEnd(text, end);
  const before = text.slice(ls, start);
  const after = text.slice(end, le);
  const indent = indentAt(text, start);
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?$/.test(after)) {
    const trailing = after.trim();
    const kept = keptComments(ast, start, end, indent) + (trailing ? `${indent}${trailing}\n` : '');
    return { start: ls, end: Math.min(le + 1, text.length), text: kept };
  }
  const kept = keptComments(ast, start, end, indent).trimEnd();
  let s = start;
  while (s > ls && /[ \t]/.test(text[s - 1] ?? '')) s--;
  return { start: s, end, text: kept ? ` ${kept}\n${indent}` : '' };
}

/** Inserts `lines` (already indented, no final newline) as new lines after the line holding `pos`. */
function insertAfterLine(text: string, pos: number, lines: string): TextEdit {
  const le = lineEnd(text, pos);
  return { start: le, end: le, text: `\n${lines}` };
}

/** Inserts `lines` as new lines before the line holding `pos`. */
function insertBeforeLine(text: string, pos: number, lines: string): TextEdit {
  const ls = lineStart(text, pos);
  return { start: ls, end: ls, text: `${lines}\n` };
}

/** The position just after a block's `{` (the line it opens). */
function openBrace(text: string, decl: A.Span): number {
  const i = text.indexOf('{', decl.start);
  return i < 0 || i >= decl.end ? decl.start : i + 1;
}

/** The position of a block's closing `}`. */
function closeBrace(text: string, decl: A.Span): number {
  const i = text.lastIndexOf('}', decl.end - 1);
  return i < decl.start ? decl.end : i;
}

/** Sets (or, with `written` undefined, removes) one indicator clause; a missing one goes after its predecessor. */
function setIndicatorClause(ast: A.Ruleset, text: string, ind: A.IndicatorDecl, field: IndicatorClause, written: string | undefined, keyword: string): TextEdit {
  const present = indicatorClause(ind, field);
  if (present) {
    const start = clauseStart(text, present.value.start, present.keyword);
    if (written === undefined) return removal(ast, text, start, present.value.end);
    return { start, end: present.value.end, text: keyword ? `${keyword} ${written}` : written };
  }
  if (written === undefined) return { start: 0, end: 0, text: '' };
  const line = `${indentAt(text, ind.span.start)}${INDENT}${keyword ? `${keyword} ${written}` : written}`;
  const at = INDICATOR_ORDER.indexOf(field);
  for (let i = at - 1; i >= 0; i--) {
    const prev = indicatorClause(ind, INDICATOR_ORDER[i] ?? 'label');
    if (prev) return insertAfterLine(text, prev.value.end, line);
  }
  return insertAfterLine(text, openBrace(text, ind.span), line);
}

// --- the edit of an operation --------------------------------------------------------------------

const ok = (edit: TextEdit): EditResult => ({ ok: true, edit });
const refuse = (reason: EditRefusal): EditResult => ({ ok: false, reason });

function idTaken(ast: A.Ruleset, id: string): boolean {
  for (const item of ast.items) {
    if (item.kind === 'Levels') {
      if (item.levels.some((l) => l.id.name === id) || item.fallback?.id.name === id) return true;
    } else if (item.kind !== 'TotalFormula' && item.id.name === id) return true;
    if (item.kind === 'Dimension' && item.indicators.some((i) => i.id.name === id)) return true;
  }
  return false;
}

function setLabel(ast: A.Ruleset, text: string, owner: LabelOwner, lang: Lang, value: string): EditResult {
  const holder = labelHolder(ast, owner);
  if (!holder) return refuse('notFound');
  const printed = `${lang} ${printString(value)}`;
  const label = holder.label;
  const entry = label?.entries.find((e) => e.lang === lang);
  if (entry) return ok({ start: entry.span.start, end: entry.span.end, text: printed });
  if (label) {
    // In the order of LANGS, so that the entries read as the standard writes them.
    const later = label.entries.find((e) => LANGS.indexOf(e.lang) > LANGS.indexOf(lang));
    if (later) return ok({ start: later.span.start, end: later.span.start, text: `${printed} ` });
    const close = closeBrace(text, label.span);
    let s = close;
    while (s > label.span.start && /[ \t]/.test(text[s - 1] ?? '')) s--;
    return ok({ start: s, end: s, text: ` ${printed}` });
  }
  const line = `${indentAt(text, holder.decl.start)}${INDENT}${holder.keyword} { ${printed} }`;
  if (owner.kind === 'title') {
    // After version, status and date (the printer's order), else first in the header.
    const h = ast.header;
    const prev = h.date ?? h.status ?? h.version;
    return ok(prev ? insertAfterLine(text, prev.span.end, line) : insertAfterLine(text, openBrace(text, h.span), line));
  }
  if (owner.kind === 'indicator') {
    const f = findIndicator(ast, owner.id);
    if (!f) return refuse('notFound');
    return ok(setIndicatorClause(ast, text, f.ind, 'label', `{ ${printed} }`, 'label'));
  }
  return ok(insertAfterLine(text, openBrace(text, holder.decl), line));
}

function setHeader(ast: A.Ruleset, text: string, field: HeaderField, value: string): EditResult {
  const h = ast.header;
  const v = value.trim();
  if (field === 'date' && v !== '' && !DATE.test(v)) return refuse('date');
  if (field === 'total' && v !== '' && !NUMBER.test(v)) return refuse('number');
  const written = field === 'version' || field === 'status' ? printString(v) : v;
  const order: readonly HeaderField[] = ['version', 'status', 'date', 'total'];
  const nodeOf = (f: HeaderField): A.Str | A.DateLit | A.Num | undefined => (f === 'version' ? h.version : f === 'status' ? h.status : f === 'date' ? h.date : h.total);
  const node = nodeOf(field);
  if (node) {
    const start = clauseStart(text, node.span.start, [field]);
    if (v === '') return ok(removal(ast, text, start, node.span.end));
    return ok({ start: node.span.start, end: node.span.end, text: written });
  }
  if (v === '') return refuse('required');
  const line = `${INDENT}${field} ${written}`;
  for (let i = order.indexOf(field) - 1; i >= 0; i--) {
    const prev = nodeOf(order[i] ?? 'version');
    if (prev) return ok(insertAfterLine(text, prev.span.end, line));
  }
  if (field === 'total' && h.title) return ok(insertAfterLine(text, h.title.span.end, line));
  return ok(insertAfterLine(text, openBrace(text, h.span), line));
}

function setIndicator(ast: A.Ruleset, text: string, id: string, field: IndicatorField, value: string): EditResult {
  const f = findIndicator(ast, id);
  if (!f) return refuse('notFound');
  const { ind } = f;
  const v = value.trim();
  switch (field) {
    case 'id':
      if (!IDENT.test(v)) return refuse('identifier');
      if (v !== id && idTaken(ast, v)) return refuse('exists');
      return ok({ start: ind.id.span.start, end: ind.id.span.end, text: v });
    case 'weight':
      if (v !== '' && !NUMBER.test(v)) return refuse('number');
      return ok(setIndicatorClause(ast, text, ind, 'weight', v === '' ? undefined : v, 'weight'));
    case 'unit':
    case 'basis':
      return ok(setIndicatorClause(ast, text, ind, field, value === '' ? undefined : printString(value), field));
    case 'direction':
      if (v !== '' && v !== 'higher' && v !== 'lower') return refuse('required');
      return ok(setIndicatorClause(ast, text, ind, 'direction', v === '' ? undefined : `${v} is better`, ''));
    case 'methods':
      return ok(setIndicatorClause(ast, text, ind, 'methods', v === '' ? undefined : v, 'methods'));
    case 'type':
      if (v === '') return refuse('required');
      return ok(setIndicatorClause(ast, text, ind, 'type', v, 'type'));
    case 'applies':
      return ok(setIndicatorClause(ast, text, ind, 'applies', v === '' ? undefined : v, 'applies when'));
    case 'formerly': {
      const names = v === '' ? [] : v.split(/\s*,\s*/);
      if (names.some((n) => !IDENT.test(n))) return refuse('identifier');
      return ok(setIndicatorClause(ast, text, ind, 'formerly', names.length === 0 ? undefined : names.join(', '), 'formerly'));
    }
  }
}

function setCell(ast: A.Ruleset, text: string, cell: CellRef, value: string): EditResult {
  switch (cell.kind) {
    case 'header':
      return setHeader(ast, text, cell.field, value);
    case 'label':
      return setLabel(ast, text, cell.owner, cell.lang, value);
    case 'dimension': {
      const d = dimensions(ast).find((x) => x.id.name === cell.id);
      if (!d) return refuse('notFound');
      const v = value.trim();
      if (!NUMBER.test(v)) return refuse('number');
      if (d.weight) return ok({ start: d.weight.span.start, end: d.weight.span.end, text: v });
      const line = `${INDENT}weight ${v}`;
      return ok(insertAfterLine(text, d.label ? d.label.span.end : openBrace(text, d.span), line));
    }
    case 'indicator':
      return setIndicator(ast, text, cell.id, cell.field, value);
    case 'band':
    case 'entry': {
      const content = cellContent(ast, text, cell);
      if (!content?.span) return refuse('notFound');
      const v = value.trim();
      if (v === '') return refuse('required');
      return ok({ start: content.span.start, end: content.span.end, text: v });
    }
    case 'require': {
      const r = ruleOwner(ast, cell.owner, cell.id)?.requires[cell.index];
      if (!r) return refuse('notFound');
      const v = value.trim();
      if (v === '') return ok(removal(ast, text, clauseStart(text, r.span.start, ['require']), r.span.end));
      return ok({ start: r.span.start, end: r.span.end, text: v });
    }
    case 'veto': {
      const veto = vetoes(ast).find((x) => x.id.name === cell.id);
      if (!veto) return refuse('notFound');
      const v = value.trim();
      if (v === '') return refuse('required');
      if (veto.when) return ok({ start: veto.when.span.start, end: veto.when.span.end, text: v });
      const line = `${indentAt(text, veto.span.start)}${INDENT}when ${v}`;
      return ok(insertAfterLine(text, veto.label ? veto.label.span.end : openBrace(text, veto.span), line));
    }
  }
}

/** Rows of a band or map block: insert before row `at` (or after the last), or remove row `index`. */
function blockRows(ast: A.Ruleset, text: string, scoring: A.BandsScoring | A.MapScoring, op: 'add' | 'remove', n: number, fresh: string): EditResult {
  const rows: readonly { readonly span: A.Span }[] = scoring.kind === 'Bands' ? scoring.bands : scoring.entries;
  if (op === 'remove') {
    const row = rows[n];
    return row ? ok(removal(ast, text, row.span.start, row.span.end)) : refuse('notFound');
  }
  const at = rows[n];
  if (at) return ok(insertBeforeLine(text, at.span.start, `${indentAt(text, at.span.start)}${fresh}`));
  const last = rows[rows.length - 1];
  const indent = `${indentAt(text, scoring.span.start)}${INDENT}`;
  return ok(last ? insertAfterLine(text, last.span.end, `${indent}${fresh}`) : insertAfterLine(text, openBrace(text, scoring.span), `${indent}${fresh}`));
}

/** The one text edit an operation makes, or why it makes none. */
export function editFor(ast: A.Ruleset, text: string, op: TableOp): EditResult {
  switch (op.kind) {
    case 'set':
      return setCell(ast, text, op.cell, op.value);
    case 'addIndicator': {
      const dim = dimensions(ast).find((d) => d.id.name === op.dimension);
      if (!dim) return refuse('notFound');
      if (!IDENT.test(op.id)) return refuse('identifier');
      if (idTaken(ast, op.id)) return refuse('exists');
      const after = op.after !== undefined ? dim.indicators.find((i) => i.id.name === op.after) : dim.indicators[dim.indicators.length - 1];
      const indent = `${indentAt(text, dim.span.start)}${INDENT}`;
      const body = [`indicator ${op.id} {`, `${INDENT}weight 0`, `${INDENT}type number`, `${INDENT}bands {`, `${INDENT}${INDENT}else: 0`, `${INDENT}}`, '}'];
      const block = body.map((l) => `${indent}${l}`).join('\n');
      if (after) return ok(insertAfterLine(text, after.span.end, `\n${block}`));
      const anchor = dim.weight?.span.end ?? dim.label?.span.end ?? openBrace(text, dim.span);
      return ok(insertAfterLine(text, anchor, `\n${block}`));
    }
    case 'removeIndicator': {
      const f = findIndicator(ast, op.id);
      return f ? ok(removal(ast, text, f.ind.span.start, f.ind.span.end)) : refuse('notFound');
    }
    case 'addBand':
    case 'removeBand': {
      const s = findIndicator(ast, op.id)?.ind.scoring;
      if (s?.kind !== 'Bands') return refuse('notFound');
      return blockRows(ast, text, s, op.kind === 'addBand' ? 'add' : 'remove', op.kind === 'addBand' ? op.at : op.index, '>= 0: 0');
    }
    case 'addEntry':
    case 'removeEntry': {
      const s = findIndicator(ast, op.id)?.ind.scoring;
      if (s?.kind !== 'Map') return refuse('notFound');
      return blockRows(ast, text, s, op.kind === 'addEntry' ? 'add' : 'remove', op.kind === 'addEntry' ? op.at : op.index, 'else: 0');
    }
    case 'addRequire': {
      const d = ruleOwner(ast, op.owner, op.id);
      if (!d) return refuse('notFound');
      const line = `${indentAt(text, d.span.start)}${INDENT}require true`;
      const last = d.requires[d.requires.length - 1];
      return ok(insertAfterLine(text, last?.span.end ?? d.label?.span.end ?? openBrace(text, d.span), line));
    }
    case 'removeRequire': {
      const r = ruleOwner(ast, op.owner, op.id)?.requires[op.index];
      return r ? ok(removal(ast, text, clauseStart(text, r.span.start, ['require']), r.span.end)) : refuse('notFound');
    }
    case 'addVeto': {
      if (!IDENT.test(op.id)) return refuse('identifier');
      if (idTaken(ast, op.id)) return refuse('exists');
      const block = `veto ${op.id} {\n${INDENT}when false\n}`;
      // After the last veto; else after the last prerequisite; else before the levels; else at the end.
      const anchor = vetoes(ast).at(-1) ?? prerequisites(ast).at(-1);
      if (anchor) return ok(insertAfterLine(text, anchor.span.end, `\n${block}`));
      const levels = ladder(ast);
      if (levels) return ok(insertBeforeLine(text, levels.span.start, `${block}\n`));
      return ok({ start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : '\n'}\n${block}\n` });
    }
    case 'removeVeto': {
      const v = vetoes(ast).find((x) => x.id.name === op.id);
      return v ? ok(removal(ast, text, v.span.start, v.span.end)) : refuse('notFound');
    }
  }
}

/** The text after `edit`. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** A stable key for a cell (its `data-cell` in the page). */
export function cellKey(cell: CellRef): string {
  switch (cell.kind) {
    case 'header':
      return `header:${cell.field}`;
    case 'label':
      return `label:${cell.owner.kind}:${cell.owner.kind === 'title' ? '' : cell.owner.id}:${cell.lang}`;
    case 'dimension':
      return `dimension:${cell.id}`;
    case 'indicator':
      return `indicator:${cell.id}:${cell.field}`;
    case 'band':
    case 'entry':
      return `${cell.kind}:${cell.id}:${cell.index}:${cell.part}`;
    case 'require':
      return `require:${cell.owner}:${cell.id}:${cell.index}`;
    case 'veto':
      return `veto:${cell.id}`;
  }
}

/** A stable key for a row operation's button (its `data-op` in the page); adding indicators and vetoes has a form instead. */
export function opKey(op: Exclude<TableOp, { kind: 'set' | 'addIndicator' | 'addVeto' }>): string {
  switch (op.kind) {
    case 'removeIndicator':
    case 'removeVeto':
      return `${op.kind}:${op.id}`;
    case 'addBand':
    case 'addEntry':
      return `${op.kind}:${op.id}:${op.at}`;
    case 'removeBand':
    case 'removeEntry':
      return `${op.kind}:${op.id}:${op.index}`;
    case 'addRequire':
      return `addRequire:${op.owner}:${op.id}`;
    case 'removeRequire':
      return `removeRequire:${op.owner}:${op.id}:${op.index}`;
  }
}
