// The table view: the ruleset's identity, dimensions, indicators (weights, bands, map entries), prerequisites,
// vetoes and levels as editable grids. In: the main Monaco model (parsed here on the page's thread when shown) and
// the checker's diagnostics. Out: DOM in #table-editor; a committed cell is one undoable edit of the model's text
// (`pushEditOperations` between two undo stops) made by table-edit.ts on the span of its node.

import type * as A from '../../dsl/index';
import { LANGS, RULESET_STATUSES, type Lang, renderMessage, parseRuleset } from '../../dsl/index';
import { Rational } from '../../engine/index';
import { byId, h } from './dom';
import { getLang, t, type StringKey } from './i18n';
import { oneLanguageNote } from './one-language';
import type { monaco as Monaco } from './monaco-setup';
import type { DiagOut } from './protocol';
import {
  applyEdit,
  cellContent,
  cellKey,
  dimensions,
  editFor,
  ladder,
  opKey,
  prerequisites,
  vetoes,
  type CellRef,
  type RuleOwner,
  type TableOp,
} from './table-edit';
import './table.css';

type MonacoApi = typeof Monaco;

export interface TableContext {
  readonly monaco: MonacoApi;
  readonly model: Monaco.editor.ITextModel;
}

/** A rendered cell: its node's span (problems are shown in the smallest cell holding them) and its element. */
interface Placed {
  readonly span: A.Span;
  readonly el: HTMLElement;
}

/** Above this many indicators the indicator grids open folded (each dimension unfolds on a click). */
const LARGE = 300;

const LANG_SHORT: Readonly<Record<Lang, string>> = { 'zh-Hans': '简', 'zh-Hant': '繁', en: 'en' };

export class TableView {
  private visible = false;
  private renderedVersion = -1;
  private ast: A.Ruleset | undefined;
  private text = '';
  private placed: Placed[] = [];
  /** Rows that only point at a declaration (its id cell): problems inside it no cell holds land there. */
  private rows: Placed[] = [];
  private diagnostics: { version: number; list: readonly DiagOut[] } | undefined;
  private readonly expanded = new Set<string>();
  /** Dimensions whose indicator grid is shown or hidden by the editor; others follow `LARGE`. */
  private readonly dimOpen = new Map<string, boolean>();
  /** Indicators in the ruleset drawn last (large rulesets open with their indicator grids folded). */
  private indicatorCount = 0;
  /** Syntax errors of the text drawn last (an edit may not add one). */
  private syntaxErrors = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last refusal, shown above the grids until the next edit. */
  private refusal: string | undefined;
  /** What was typed in the refused cell (kept there, marked, until it is changed or Escape gives it up). */
  private kept: { readonly key: string; readonly value: string; readonly why: string } | undefined;

  constructor(private readonly ctx: TableContext) {
    // Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in the grids undo and redo the text's edits, one cell at a time; a cell being
    // typed in keeps its own undo until it is committed.
    byId('table-editor').addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      const el = e.target;
      if (el instanceof HTMLInputElement && el.value !== el.defaultValue) return;
      e.preventDefault();
      if (k === 'y' || e.shiftKey) void ctx.model.redo();
      else void ctx.model.undo();
      this.render();
    });
    ctx.model.onDidChangeContent(() => {
      if (!this.visible) return;
      if (this.timer !== undefined) clearTimeout(this.timer);
      // A large text takes a while to parse on this thread: wait for a longer pause in typing.
      this.timer = setTimeout(() => this.render(), ctx.model.getValueLength() > 200_000 ? 600 : 120);
    });
  }

  show(on: boolean): void {
    this.visible = on;
    if (on) this.render(true);
  }

  /** The checker's diagnostics of model version `version` (shown only while the text is that version). */
  setDiagnostics(list: readonly DiagOut[], version: number): void {
    this.diagnostics = { version, list };
    if (this.visible && version === this.renderedVersion) this.markProblems();
  }

  /** Redraws the grids from the model's text (kept focus and caret survive the redraw). */
  render(force = false): void {
    const model = this.ctx.model;
    if (!force && model.getVersionId() === this.renderedVersion) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.text = model.getValue();
    this.renderedVersion = model.getVersionId();
    const t0 = performance.now();
    const parsed = parseRuleset(this.text);
    this.ast = parsed.ast;
    this.indicatorCount = dimensions(parsed.ast).reduce((n, d) => n + d.indicators.length, 0);
    const t1 = performance.now();
    const root = byId('table-editor');
    const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.dataset['cell'] : undefined;
    this.placed = [];
    this.rows = [];
    this.syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error').length;
    const syntax = this.syntaxErrors > 0;
    root.replaceChildren(
      syntax ? h('p', { class: 'stale-banner' }, t('tableSyntax')) : '',
      this.refusal ? h('p', { class: 'stale-banner', 'data-testid': 'table-refusal' }, this.refusal) : '',
      this.identityCard(parsed.ast),
      this.dimensionsCard(parsed.ast),
      ...dimensions(parsed.ast).map((d) => this.indicatorsCard(d)),
      this.prerequisitesCard(parsed.ast),
      this.vetoesCard(parsed.ast),
      this.levelsCard(parsed.ast),
    );
    if (focused) {
      const el = root.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focused)}"]`);
      el?.focus();
    }
    const t2 = performance.now();
    this.markProblems();
    this.restoreKept(root);
    const t3 = performance.now();
    root.dataset['renderMs'] = `${(t1 - t0).toFixed(0)} ${(t2 - t1).toFixed(0)} ${(t3 - t2).toFixed(0)}`;
  }

  // --- edits ----------------------------------------------------------------------------------

  /** Makes `op` one undoable edit of the text; a refused one is said and leaves the text alone. */
  private apply(op: TableOp, what: string, key?: string): boolean {
    const typed = op.kind === 'set' ? op.value : op.kind === 'addIndicator' || op.kind === 'addVeto' ? op.id : undefined;
    const refuse = (why: string): false => this.refuse(what, why, key !== undefined && typed !== undefined ? { key, value: typed, why } : undefined);
    const model = this.ctx.model;
    const text = model.getValue();
    const current = text === this.text && this.ast ? { ast: this.ast, errors: this.syntaxErrors } : undefined;
    const parsed = current ? undefined : parseRuleset(text);
    const ast = current?.ast ?? parsed?.ast ?? this.ast;
    if (!ast) return false;
    const r = editFor(ast, text, op);
    if (!r.ok) return refuse(t(`refuse_${r.reason}` as StringKey));
    const { edit } = r;
    if (edit.start === edit.end && edit.text === '') return true;
    if (text.slice(edit.start, edit.end) === edit.text) return true;
    // A cell never breaks the text: an edit that adds a syntax error is refused with the parser's words.
    const before = current?.errors ?? parsed?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
    const after = parseRuleset(applyEdit(text, edit)).diagnostics.filter((d) => d.severity === 'error');
    if (after.length > before) return refuse(after[0] ? renderMessage(after[0], getLang()) : '');
    if (op.kind === 'set' && op.cell.kind === 'indicator' && op.cell.field === 'id' && this.expanded.has(op.cell.id)) this.expanded.add(op.value.trim());
    if (op.kind === 'addIndicator') this.expanded.add(op.id);
    this.refusal = undefined;
    this.kept = undefined;
    const { monaco } = this.ctx;
    const a = model.getPositionAt(edit.start);
    const b = model.getPositionAt(edit.end);
    model.pushStackElement();
    model.pushEditOperations([], [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: edit.text }], () => null);
    model.pushStackElement();
    this.render();
    return true;
  }

  private refuse(what: string, why: string, kept?: TableView['kept']): false {
    this.refusal = t('refusedEdit', { cell: what, why });
    this.kept = kept;
    this.render(true);
    return false;
  }

  // --- cells ----------------------------------------------------------------------------------

  /** An input bound to `cell`: committed on change (Enter or leaving it), reverted by Escape. */
  private input(cell: CellRef, opts: { wide?: boolean; code?: boolean; onInput?: (el: HTMLInputElement) => void; label?: string } = {}): HTMLElement {
    const ast = this.ast;
    const content = ast ? cellContent(ast, this.text, cell) : undefined;
    const key = cellKey(cell);
    const el = h('input', {
      class: `cell${opts.wide ? ' wide' : ''}${opts.code ? ' code' : ''}`,
      'data-cell': key,
      'aria-label': opts.label ?? key,
      spellcheck: 'false',
    });
    el.defaultValue = content?.value ?? '';
    el.value = el.defaultValue;
    const original = el.value;
    let committed = false;
    const commit = (): void => {
      if (committed || el.value === original) return;
      committed = true;
      this.apply({ kind: 'set', cell, value: el.value }, opts.label ?? key, key);
    };
    el.addEventListener('change', commit);
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape') {
        el.value = original;
        if (this.kept?.key === key) this.kept = undefined;
        el.classList.remove('problem-error');
        opts.onInput?.(el);
      }
    });
    el.addEventListener('input', () => {
      // Typed back to what the text says: the refused value is given up.
      if (el.value === original && this.kept?.key === key) this.kept = undefined;
      opts.onInput?.(el);
    });
    if (content?.span) this.placed.push({ span: content.span, el });
    return el;
  }

  private select(cell: CellRef, options: readonly { value: string; text: string }[], label: string): HTMLElement {
    const content = this.ast ? cellContent(this.ast, this.text, cell) : undefined;
    const value = content?.value ?? '';
    const known = options.some((o) => o.value === value) ? options : [...options, { value, text: value }];
    const el = h('select', { class: 'cell', 'data-cell': cellKey(cell), 'aria-label': label }, known.map((o) => h('option', { value: o.value }, o.text)));
    el.value = value;
    el.addEventListener('change', () => this.apply({ kind: 'set', cell, value: el.value }, label));
    if (content?.span) this.placed.push({ span: content.span, el });
    return el;
  }

  private button(op: Exclude<TableOp, { kind: 'set' | 'addIndicator' | 'addVeto' }>, text: string, title: string): HTMLElement {
    return h('button', { class: 'row-op', 'data-op': opKey(op), title, 'aria-label': title, onclick: () => void this.apply(op, title) }, text);
  }

  private labelCells(owner: Extract<CellRef, { kind: 'label' }>['owner'], name: string): HTMLElement[] {
    return LANGS.map((lang) => h('td', {}, this.input({ kind: 'label', owner, lang }, { label: `${name} ${t('colLabel', { lang })}` })));
  }

  private labelHeads(): HTMLElement[] {
    return LANGS.map((lang) => h('th', { title: lang }, t('colLabel', { lang: LANG_SHORT[lang] })));
  }

  private row(decl: A.Span, el: HTMLElement): void {
    this.rows.push({ span: decl, el });
  }

  // --- cards ----------------------------------------------------------------------------------

  private identityCard(ast: A.Ruleset): HTMLElement {
    const field = (key: StringKey, cell: HTMLElement): HTMLElement => h('tr', {}, h('th', {}, t(key)), h('td', {}, cell));
    const statuses = RULESET_STATUSES.map((s) => ({ value: s, text: s }));
    return h(
      'section',
      { class: 'card', 'data-table': 'identity' },
      h('h2', {}, t('tableIdentity')),
      h(
        'table',
        { class: 'grid fields' },
        h('tbody', {},
          field('field_id', h('code', {}, ast.id.value)),
          field('field_version', this.input({ kind: 'header', field: 'version' }, { label: t('field_version') })),
          field('field_status', this.select({ kind: 'header', field: 'status' }, statuses, t('field_status'))),
          field('field_date', this.input({ kind: 'header', field: 'date' }, { label: t('field_date') })),
          LANGS.map((lang) => h('tr', {}, h('th', {}, t('field_title', { lang })), h('td', {}, this.input({ kind: 'label', owner: { kind: 'title' }, lang }, { wide: true, label: t('field_title', { lang }) })))),
          field('field_total', this.input({ kind: 'header', field: 'total' }, { label: t('field_total') })),
        ),
      ),
    );
  }

  private dimensionsCard(ast: A.Ruleset): HTMLElement {
    const dims = dimensions(ast);
    const totalText = ast.header.total?.text ?? '100';
    const totalCell = h('td', { colspan: 6, 'data-sum': 'dimensions', class: 'sum' });
    const resum = (): void => {
      const values = [...byId('table-editor').querySelectorAll<HTMLInputElement>('input[data-cell^="dimension:"]')].map((i) => i.value);
      fillSum(totalCell, values, totalText, t('sumDims', { sum: sumText(values), total: totalText }));
    };
    const body = dims.map((d) => {
      const idCell = h('td', {}, h('code', {}, d.id.name));
      this.row(d.span, idCell);
      const sum = h('td', { class: 'num sum', 'data-sum': d.id.name });
      fillSum(sum, d.indicators.map((i) => i.weight?.text ?? '0'), d.weight?.text, sumText(d.indicators.map((i) => i.weight?.text ?? '0')));
      // A401 (indicator weights do not add up) is reported at the dimension's id: show it on the sum.
      this.placed.push({ span: d.id.span, el: sum });
      return h(
        'tr',
        { 'data-dimension': d.id.name },
        idCell,
        ...this.labelCells({ kind: 'dimension', id: d.id.name }, d.id.name),
        h('td', { class: 'num' }, this.input({ kind: 'dimension', id: d.id.name }, { label: `${d.id.name} ${t('weight')}`, onInput: () => {
          resum();
          refreshIndicatorSum(d.id.name);
        } })),
        sum,
      );
    });
    const card = h(
      'section',
      { class: 'card', 'data-table': 'dimensions' },
      h('h2', {}, t('tableDimensions')),
      h(
        'table',
        { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', {}, t('colId')), ...this.labelHeads(), h('th', { class: 'num' }, t('weight')), h('th', { class: 'num' }, t('colSum')))),
        h('tbody', {}, body),
        h('tfoot', {}, h('tr', {}, totalCell)),
      ),
    );
    const values = dims.map((d) => d.weight?.text ?? '0');
    fillSum(totalCell, values, totalText, t('sumDims', { sum: sumText(values), total: totalText }));
    if (ast.header.total) this.placed.push({ span: ast.header.total.span, el: totalCell });
    return card;
  }

  private indicatorsCard(d: A.DimensionDecl): HTMLElement {
    const dim = d.id.name;
    const shown = this.dimOpen.get(dim) ?? this.indicatorCount <= LARGE;
    const heading = h(
      'h2',
      {},
      h(
        'button',
        {
          class: 'row-op expand',
          'data-expand-dimension': dim,
          'aria-expanded': shown ? 'true' : 'false',
          'aria-label': t('tableIndicatorsOf', { dim }),
          onclick: () => {
            this.dimOpen.set(dim, !shown);
            this.render(true);
          },
        },
        shown ? '▾' : '▸',
      ),
      t('tableIndicatorsOf', { dim: `${dim} ${labelOf(d.label)}` }),
      shown ? '' : h('span', { class: 'muted' }, ` · ${t('foldedCount', { n: d.indicators.length })}`),
    );
    if (!shown) return h('section', { class: 'card', 'data-table': `indicators:${dim}` }, heading);
    const rows: HTMLElement[] = [];
    for (const ind of d.indicators) {
      const id = ind.id.name;
      const open = this.expanded.has(id);
      const toggle = h('button', {
        class: 'row-op expand',
        'data-expand': id,
        'aria-expanded': open ? 'true' : 'false',
        title: t('details', { id }),
        'aria-label': t('details', { id }),
        onclick: () => {
          if (this.expanded.has(id)) this.expanded.delete(id);
          else this.expanded.add(id);
          this.render(true);
        },
      }, open ? '▾' : '▸');
      const idInput = this.input({ kind: 'indicator', id, field: 'id' }, { code: true, label: `${id} ${t('colId')}` });
      const idCell = h('td', {}, toggle, idInput);
      this.row(ind.span, idInput);
      const s = ind.scoring;
      const scoring = !s ? '' : s.kind === 'Bands' ? t('bandsCount', { n: s.bands.length }) : s.kind === 'Map' ? t('entriesCount', { n: s.entries.length }) : t('formulaScoring');
      const dirs = [
        { value: '', text: t('dir_none') },
        { value: 'higher', text: t('dir_higher') },
        { value: 'lower', text: t('dir_lower') },
      ];
      rows.push(
        h(
          'tr',
          { 'data-indicator': id, class: open ? 'open' : '' },
          idCell,
          h('td', { class: 'label-cell' }, labelOf(ind.label)),
          h('td', { class: 'num' }, this.input({ kind: 'indicator', id, field: 'weight' }, { label: `${id} ${t('weight')}`, onInput: () => refreshIndicatorSum(dim) })),
          h('td', {}, this.input({ kind: 'indicator', id, field: 'type' }, { code: true, label: `${id} ${t('colType')}` })),
          h('td', {}, this.select({ kind: 'indicator', id, field: 'direction' }, dirs, `${id} ${t('colDirection')}`)),
          h('td', { class: 'muted' }, scoring),
          h('td', {}, this.button({ kind: 'removeIndicator', id }, '✕', `${t('removeRow')} ${id}`)),
        ),
      );
      if (open) rows.push(h('tr', { class: 'detail', 'data-detail': id }, h('td', { colspan: 7 }, this.indicatorDetail(ind))));
    }
    const sum = h('td', { class: 'num sum', 'data-sum-indicators': dim });
    const values = d.indicators.map((i) => i.weight?.text ?? '0');
    fillSum(sum, values, d.weight?.text, sumText(values));
    const newId = h('input', { class: 'cell code', 'data-add-indicator': dim, 'data-cell': `add-indicator:${dim}`, placeholder: t('newId'), 'aria-label': `${t('addIndicator')} ${dim}` });
    const after = h(
      'select',
      { 'data-add-after': dim, 'aria-label': t('afterIndicator') },
      d.indicators.map((i) => h('option', { value: i.id.name }, i.id.name)),
    );
    after.value = d.indicators[d.indicators.length - 1]?.id.name ?? '';
    const add = (): void => {
      const id = newId.value.trim();
      if (id === '') return;
      this.apply({ kind: 'addIndicator', dimension: dim, id, ...(after.value ? { after: after.value } : {}) }, `${t('addIndicator')} ${id}`, `add-indicator:${dim}`);
    };
    newId.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') add();
    });
    return h(
      'section',
      { class: 'card', 'data-table': `indicators:${dim}` },
      heading,
      h(
        'table',
        { class: 'grid indicators-grid' },
        h('thead', {}, h('tr', {}, h('th', {}, t('colId')), h('th', {}, t('colLabel', { lang: LANG_SHORT[getLang()] })), h('th', { class: 'num' }, t('weight')), h('th', {}, t('colType')), h('th', {}, t('colDirection')), h('th', {}, t('colScoring')), h('th', {}, h('span', { class: 'sr-only' }, t('rowActions'))))),
        h('tbody', {}, rows),
        h('tfoot', {}, h('tr', {}, h('td', { colspan: 2 }, t('colSum')), sum, h('td', { colspan: 4 }))),
      ),
      h('div', { class: 'add-row' }, newId, h('span', { class: 'muted' }, t('afterIndicator')), after, h('button', { 'data-add-indicator-button': dim, onclick: add }, t('addIndicator'))),
    );
  }

  private indicatorDetail(ind: A.IndicatorDecl): HTMLElement {
    const id = ind.id.name;
    const field = (key: StringKey, cell: HTMLElement): HTMLElement => h('tr', {}, h('th', {}, t(key)), h('td', {}, cell));
    const parts: HTMLElement[] = [
      h(
        'table',
        { class: 'grid fields' },
        h('tbody', {},
          LANGS.map((lang) => h('tr', {}, h('th', {}, t('colLabel', { lang })), h('td', {}, this.input({ kind: 'label', owner: { kind: 'indicator', id }, lang }, { wide: true, label: `${id} ${t('colLabel', { lang })}` })))),
          field('colUnit', oneLanguage(ind.unit?.value, this.input({ kind: 'indicator', id, field: 'unit' }, { wide: true, label: `${id} ${t('colUnit')}` }))),
          field('colMethods', this.input({ kind: 'indicator', id, field: 'methods' }, { wide: true, code: true, label: `${id} ${t('colMethods')}` })),
          field('colBasis', oneLanguage(ind.basis?.value, this.input({ kind: 'indicator', id, field: 'basis' }, { wide: true, label: `${id} ${t('colBasis')}` }))),
          field('colApplies', this.input({ kind: 'indicator', id, field: 'applies' }, { wide: true, code: true, label: `${id} ${t('colApplies')}` })),
          field('colFormerly', this.input({ kind: 'indicator', id, field: 'formerly' }, { code: true, label: `${id} ${t('colFormerly')}` })),
        ),
      ),
    ];
    const s = ind.scoring;
    if (s?.kind === 'Bands' || s?.kind === 'Map') {
      const isBands = s.kind === 'Bands';
      const rows = (isBands ? s.bands : s.entries).map((_, i) => {
        const cond: CellRef = isBands ? { kind: 'band', id, index: i, part: 'cond' } : { kind: 'entry', id, index: i, part: 'key' };
        const points: CellRef = isBands ? { kind: 'band', id, index: i, part: 'points' } : { kind: 'entry', id, index: i, part: 'points' };
        return h(
          'tr',
          { 'data-row': i },
          h('td', {}, this.input(cond, { code: true, label: `${id} ${t(isBands ? 'colCond' : 'colKey')} ${i + 1}` })),
          h('td', { class: 'num' }, this.input(points, { code: true, label: `${id} ${t('points')} ${i + 1}` })),
          h(
            'td',
            {},
            this.button(isBands ? { kind: 'addBand', id, at: i } : { kind: 'addEntry', id, at: i }, '＋↑', t(isBands ? 'insertBand' : 'insertEntry')),
            this.button(isBands ? { kind: 'removeBand', id, index: i } : { kind: 'removeEntry', id, index: i }, '✕', `${t('removeRow')} ${i + 1}`),
          ),
        );
      });
      const n = isBands ? s.bands.length : s.entries.length;
      parts.push(
        h(
          'table',
          { class: 'grid bands', 'data-bands': id },
          h('thead', {}, h('tr', {}, h('th', {}, t(isBands ? 'colCond' : 'colKey')), h('th', { class: 'num' }, t('points')), h('th', {}, h('span', { class: 'sr-only' }, t('rowActions'))))),
          h('tbody', {}, rows),
        ),
        this.button(isBands ? { kind: 'addBand', id, at: n } : { kind: 'addEntry', id, at: n }, t(isBands ? 'addBand' : 'addEntry'), t(isBands ? 'addBand' : 'addEntry')),
      );
    } else if (s?.kind === 'Formula') {
      parts.push(h('pre', { class: 'code' }, this.text.slice(s.span.start, s.span.end)));
    }
    return h('div', { class: 'detail-body' }, parts);
  }

  private requireList(owner: RuleOwner, id: string, requires: readonly A.Expr[]): HTMLElement {
    return h(
      'div',
      { class: 'requires' },
      requires.map((_, i) =>
        h(
          'div',
          { class: 'require' },
          this.input({ kind: 'require', owner, id, index: i }, { wide: true, code: true, label: `${id} ${t('colRequires')} ${i + 1}` }),
          this.button({ kind: 'removeRequire', owner, id, index: i }, '✕', `${t('removeRow')} ${id} ${i + 1}`),
        ),
      ),
      this.button({ kind: 'addRequire', owner, id }, t('addRequire'), `${t('addRequire')} ${id}`),
    );
  }

  private prerequisitesCard(ast: A.Ruleset): HTMLElement {
    const body = prerequisites(ast).map((p) => {
      const idCell = h('td', {}, h('code', {}, p.id.name));
      this.row(p.span, idCell);
      return h('tr', { 'data-prerequisite': p.id.name }, idCell, ...this.labelCells({ kind: 'prerequisite', id: p.id.name }, p.id.name), h('td', {}, this.requireList('prerequisite', p.id.name, p.requires)));
    });
    return h(
      'section',
      { class: 'card', 'data-table': 'prerequisites' },
      h('h2', {}, t('tablePrerequisites')),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, t('colId')), ...this.labelHeads(), h('th', {}, t('colRequires')))), h('tbody', {}, body)),
    );
  }

  private vetoesCard(ast: A.Ruleset): HTMLElement {
    const body = vetoes(ast).map((v) => {
      const idCell = h('td', {}, h('code', {}, v.id.name));
      this.row(v.span, idCell);
      return h(
        'tr',
        { 'data-veto': v.id.name },
        idCell,
        ...this.labelCells({ kind: 'veto', id: v.id.name }, v.id.name),
        h('td', {}, this.input({ kind: 'veto', id: v.id.name }, { wide: true, code: true, label: `${v.id.name} ${t('colWhen')}` })),
        h('td', {}, this.button({ kind: 'removeVeto', id: v.id.name }, '✕', `${t('removeRow')} ${v.id.name}`)),
      );
    });
    const newId = h('input', { class: 'cell code', 'data-add-veto': '', 'data-cell': 'add-veto', placeholder: t('newId'), 'aria-label': t('addVeto') });
    const add = (): void => {
      const id = newId.value.trim();
      if (id !== '') this.apply({ kind: 'addVeto', id }, `${t('addVeto')} ${id}`, 'add-veto');
    };
    newId.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') add();
    });
    return h(
      'section',
      { class: 'card', 'data-table': 'vetoes' },
      h('h2', {}, t('tableVetoes')),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, t('colId')), ...this.labelHeads(), h('th', {}, t('colWhen')), h('th', {}, h('span', { class: 'sr-only' }, t('rowActions'))))), h('tbody', {}, body)),
      h('div', { class: 'add-row' }, newId, h('button', { 'data-add-veto-button': '', onclick: add }, t('addVeto'))),
    );
  }

  private levelsCard(ast: A.Ruleset): HTMLElement {
    const l = ladder(ast);
    const body = (l?.levels ?? []).map((lv) => {
      const idCell = h('td', {}, h('code', {}, lv.id.name));
      this.row(lv.span, idCell);
      return h('tr', { 'data-level': lv.id.name }, idCell, ...this.labelCells({ kind: 'level', id: lv.id.name }, lv.id.name), h('td', {}, this.requireList('level', lv.id.name, lv.requires)));
    });
    const f = l?.fallback;
    if (f) {
      const idCell = h('td', {}, h('code', {}, f.id.name));
      this.row(f.span, idCell);
      body.push(h('tr', { 'data-level': f.id.name }, idCell, ...this.labelCells({ kind: 'level', id: f.id.name }, f.id.name), h('td', { class: 'muted' }, '—')));
    }
    return h(
      'section',
      { class: 'card', 'data-table': 'levels' },
      h('h2', {}, t('tableLevels')),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, t('colId')), ...this.labelHeads(), h('th', {}, t('colRequires')))), h('tbody', {}, body)),
    );
  }

  // --- problems -------------------------------------------------------------------------------

  /** Puts what was typed in a refused cell back in it, marked with the reason. */
  private restoreKept(root: HTMLElement): void {
    const k = this.kept;
    if (!k) return;
    const el = root.querySelector<HTMLInputElement>(`input[data-cell="${CSS.escape(k.key)}"]`);
    if (!el) return;
    el.value = k.value;
    el.classList.add('problem-error');
    el.title = k.why;
    el.dataset['refused'] = '';
  }

  /** Shows each diagnostic in the smallest cell whose node holds it, else on its declaration's row. */
  private markProblems(): void {
    for (const p of [...this.placed, ...this.rows]) {
      p.el.classList.remove('problem-error', 'problem-warning', 'problem-info');
      p.el.removeAttribute('data-problem');
      p.el.removeAttribute('title');
    }
    const d = this.diagnostics;
    if (!d || d.version !== this.renderedVersion) return;
    const smallest = (list: readonly Placed[], at: number): Placed | undefined => {
      let best: Placed | undefined;
      for (const p of list) {
        const inside = p.span.start <= at && (at < p.span.end || (at === p.span.start && p.span.start === p.span.end));
        if (inside && (!best || p.span.end - p.span.start < best.span.end - best.span.start)) best = p;
      }
      return best;
    };
    for (const diag of d.list) {
      const target = smallest(this.placed, diag.span.start) ?? smallest(this.rows, diag.span.start);
      if (!target) continue;
      const el = target.el;
      const worst = el.classList.contains('problem-error') ? 'error' : diag.severity;
      el.classList.remove('problem-warning', 'problem-info');
      el.classList.add(`problem-${worst}`);
      el.dataset['problem'] = [el.dataset['problem'], diag.code].filter(Boolean).join(' ');
      el.title = [el.title, `${diag.code}: ${diag.message}`].filter(Boolean).join('\n');
    }
  }
}

// --- sums ----------------------------------------------------------------------------------------

/** A unit or basis cell, with a note beside it when the ruleset's one string is not in the UI's language. */
function oneLanguage(text: string | undefined, cell: HTMLElement): HTMLElement {
  const note = text !== undefined ? oneLanguageNote(text) : undefined;
  return note === undefined ? cell : h('span', { class: 'one-language' }, cell, ' ', h('span', { class: 'muted', 'data-testid': 'one-language' }, note));
}

function labelOf(label: A.Text | undefined): string {
  if (!label) return '';
  const lang = getLang();
  return (label.entries.find((e) => e.lang === lang) ?? label.entries[0])?.value.value ?? '';
}

/** Exact sum of decimal texts (a text that is not a number counts as nothing and is said by its cell). */
function sumOf(values: readonly string[]): Rational | undefined {
  let sum = Rational.ZERO;
  for (const v of values) {
    const r = Rational.parse(v.trim() === '' ? '0' : v.trim());
    if (!r) return undefined;
    sum = sum.add(r);
  }
  return sum;
}

function sumText(values: readonly string[]): string {
  return sumOf(values)?.toDecimalString() ?? '?';
}

/** Fills a sum cell; marked when the sum is not `want`. */
function fillSum(el: HTMLElement, values: readonly string[], want: string | undefined, shown: string): void {
  const sum = sumOf(values);
  const target = want !== undefined ? Rational.parse(want.trim()) : undefined;
  const off = sum === undefined || (target !== undefined && !sum.eq(target));
  el.classList.toggle('sum-off', off);
  el.textContent = off && target !== undefined ? `${shown} · ${t('sumOff', { want: target.toDecimalString() })}` : shown;
}

/** Re-sums a dimension's indicator weights from the cells as typed (before they are committed). */
function refreshIndicatorSum(dim: string): void {
  const root = byId('table-editor');
  const card = root.querySelector<HTMLElement>(`[data-table="indicators:${CSS.escape(dim)}"]`);
  const sum = root.querySelector<HTMLElement>(`[data-sum-indicators="${CSS.escape(dim)}"]`);
  const dimSum = root.querySelector<HTMLElement>(`[data-sum="${CSS.escape(dim)}"]`);
  const weight = root.querySelector<HTMLInputElement>(`input[data-cell="${CSS.escape(`dimension:${dim}`)}"]`)?.value;
  if (!card) return;
  const values = [...card.querySelectorAll<HTMLInputElement>('input[data-cell$=":weight"]')].map((i) => i.value);
  for (const el of [sum, dimSum]) if (el) fillSum(el, values, weight, sumText(values));
}
