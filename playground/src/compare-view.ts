// The compare view: Monaco diff editor between two versions, the semantic diff list, the impact on
// loaded platforms and the migration matrix. In: bundled rulesets, the main model, the worker client.
// Out: DOM in the compare regions; the diff editor is read-only and its models change one at a time,
// each after the previous diff settled.

import type { Lang } from '../../dsl/index';
import { BUNDLED_RULESETS, bundledRuleset } from './bundled';
import type { AssayClient } from './client';
import { Rational, fromJsonNumber, scoreText } from '../../engine/index';
import { byId, fmt, h, totalShown } from './dom';
import { t } from './i18n';
import type { monaco as Monaco } from './monaco-setup';
import type { Comparison, DiffEntry, PlatformInput } from './protocol';

type MonacoApi = typeof Monaco;

export interface CompareContext {
  readonly monaco: MonacoApi;
  readonly client: AssayClient;
  readonly mainModel: Monaco.editor.ITextModel;
  platforms(): readonly PlatformInput[];
  lang(): Lang;
  onChoice(base: string, head: string): void;
}

export class CompareView {
  private diffEditor: Monaco.editor.IStandaloneDiffEditor | undefined;
  private readonly models = new Map<string, Monaco.editor.ITextModel>();
  private base = '';
  private head = 'editor';
  private pendingModels: Promise<void> = Promise.resolve();
  /** Resolved when the last comparison was rendered (for tests). */
  lastRendered: Comparison | undefined;

  constructor(private readonly ctx: CompareContext) {
    const baseSel = byId<HTMLSelectElement>('compare-base');
    const headSel = byId<HTMLSelectElement>('compare-head');
    baseSel.addEventListener('change', () => this.choose(baseSel.value, this.head));
    headSel.addEventListener('change', () => this.choose(this.base, headSel.value));
  }

  /** Fills the pickers (texts depend on the language). */
  renderPickers(): void {
    const baseSel = byId<HTMLSelectElement>('compare-base');
    const headSel = byId<HTMLSelectElement>('compare-head');
    baseSel.replaceChildren(...BUNDLED_RULESETS.map((r) => h('option', { value: r.ref }, r.ref)));
    headSel.replaceChildren(h('option', { value: 'editor' }, t('editorText')), ...BUNDLED_RULESETS.map((r) => h('option', { value: r.ref }, r.ref)));
    baseSel.value = this.base;
    headSel.value = this.head;
    this.labelSides();
  }

  get choice(): { base: string; head: string } {
    return { base: this.base, head: this.head };
  }

  setChoice(base: string, head: string): void {
    const fallbackBase = BUNDLED_RULESETS[0]?.ref ?? '';
    this.base = bundledRuleset(base) ? base : fallbackBase;
    this.head = head === 'editor' || bundledRuleset(head) ? head : 'editor';
    this.renderPickers();
  }

  private choose(base: string, head: string): void {
    this.setChoice(base, head);
    this.ctx.onChoice(this.base, this.head);
    void this.refresh();
  }

  private modelFor(ref: string): Monaco.editor.ITextModel {
    // The editor text is shown through a read-only mirror, synced only between diff computations:
    // Monaco's diff editor throws when its model is edited right after a programmatic replacement
    // while a diff is being computed.
    const key = ref === 'editor' ? 'editor' : ref;
    let m = this.models.get(key);
    if (!m) {
      const text = ref === 'editor' ? this.ctx.mainModel.getValue() : (bundledRuleset(ref)?.text ?? '');
      m = this.ctx.monaco.editor.createModel(text, 'assay', this.ctx.monaco.Uri.parse(`compare:///${key}.assay`));
      this.models.set(key, m);
    }
    return m;
  }

  /** Resolves when the diff editor has no computation in flight (or after a time-out). */
  private settle(): Promise<void> {
    const editor = this.diffEditor;
    if (!editor) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const sub = editor.onDidUpdateDiff(() => {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(() => {
        sub.dispose();
        resolve();
      }, 1500);
    });
  }

  /** One change of the diff editor's models at a time, each after the previous diff settled. */
  private async ensureEditor(): Promise<void> {
    const { monaco } = this.ctx;
    if (!this.diffEditor) {
      this.diffEditor = monaco.editor.createDiffEditor(byId('diff-editor'), {
        automaticLayout: true,
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
      });
    }
    const editor = this.diffEditor;
    const original = this.modelFor(this.base);
    const modified = this.modelFor(this.head);
    const current = editor.getModel();
    const mirror = this.head === 'editor' ? modified : undefined;
    const mirrorStale = mirror !== undefined && mirror.getValue() !== this.ctx.mainModel.getValue();
    if (current?.original === original && current.modified === modified && !mirrorStale) return;
    const settled = this.settle();
    if (current?.original !== original || current.modified !== modified) editor.setModel({ original, modified });
    if (mirror && mirrorStale) mirror.setValue(this.ctx.mainModel.getValue());
    await settled;
    this.labelSides();
  }

  /**
   * Names both sides for screen readers. (Monaco's `originalAriaLabel`/`modifiedAriaLabel` are dropped when the
   * diff editor recomputes its sides' options, leaving text boxes without a name: set on the sides themselves.)
   */
  private labelSides(): void {
    this.diffEditor?.getOriginalEditor().updateOptions({ ariaLabel: t('diffOriginal') });
    this.diffEditor?.getModifiedEditor().updateOptions({ ariaLabel: t('diffModified') });
  }

  /** Recomputes the comparison; call when shown, on a version switch, or after editor edits. */
  async refresh(): Promise<void> {
    const status = byId('compare-status');
    status.textContent = t('computing');
    const baseText = bundledRuleset(this.base)?.text ?? '';
    const headText = this.head === 'editor' ? this.ctx.mainModel.getValue() : (bundledRuleset(this.head)?.text ?? '');
    // The worker compares while the text diff settles (one after the other took seconds longer with large rulesets).
    const asked = this.ctx.client.compare({ base: baseText, head: headText, lang: this.ctx.lang(), platforms: this.ctx.platforms() });
    asked.catch(() => undefined);
    // Serialise model changes: each waits for the previous one's diff.
    const step = this.pendingModels.then(() => this.ensureEditor());
    this.pendingModels = step.catch(() => undefined);
    await step;
    let c: Comparison;
    try {
      c = await asked;
    } catch (e) {
      if (e instanceof Error && e.message === 'superseded') return;
      status.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    status.textContent = '';
    this.render(c);
  }

  private render(c: Comparison): void {
    this.lastRendered = c;
    const diffEl = byId('semantic-diff');
    const impactEl = byId('impact');
    const matrixEl = byId('migration');
    for (const el of [diffEl, impactEl, matrixEl]) el.replaceChildren();
    if (c.errors.length > 0) {
      const msg = c.errors.map((side) => t('compareFailed', { side: side === 'base' ? t('base') : t('head') })).join(' · ');
      for (const el of [diffEl, impactEl, matrixEl]) el.append(h('p', { class: 'stale-banner' }, msg));
      return;
    }
    const d = c.diff;
    if (d === undefined || d.length === 0) diffEl.append(h('p', { class: 'muted' }, t('noChanges')));
    else diffEl.append(diffList(d));

    if (c.impact) {
      impactEl.append(
        h(
          'table',
          { class: 'grid' },
          h('thead', {}, h('tr', {}, h('th', {}, t('platform')), h('th', {}, t('base')), h('th', {}, t('head')), h('th', { class: 'num' }, t('delta')), h('th', {}, t('causes')))),
          h(
            'tbody',
            {},
            c.impact.map((r) => {
              const delta = (fromJsonNumber(r.after.total) ?? Rational.ZERO).sub(fromJsonNumber(r.before.total) ?? Rational.ZERO);
              const side = (x: typeof r.before): string => (x.outcome === 'graded' && x.level !== null ? x.level : t(`outcome_${x.outcome}` as 'outcome_graded')) + ` · ${totalShown(x)}`;
              return h(
                'tr',
                { 'data-platform': r.platform },
                h('td', {}, h('span', { class: 'platform-id' }, r.platform), r.name ? h('div', { class: 'muted' }, r.name) : ''),
                h('td', {}, side(r.before)),
                h('td', {}, side(r.after)),
                h('td', { class: `num ${delta.sign() > 0 ? 'delta-up' : delta.sign() < 0 ? 'delta-down' : ''}` }, `${delta.sign() > 0 ? '+' : ''}${scoreText(delta)}`),
                h(
                  'td',
                  { class: 'causes' },
                  r.causes.length > 0 ? h('ul', {}, r.causes.map((c) => h('li', {}, c))) : '',
                  r.interaction ? h('div', { class: 'muted' }, t('interaction')) : '',
                ),
              );
            }),
          ),
        ),
      );
    }

    if (c.matrix) matrixEl.append(migrationTable(c.matrix));
  }

  layout(): void {
    this.diffEditor?.layout();
  }
}

function diffList(entries: readonly DiffEntry[]): HTMLElement {
  return h(
    'ul',
    { class: 'diff-list' },
    entries.map((x) =>
      h(
        'li',
        { 'data-kind': x.kind ?? '' },
        x.text,
        x.details ? h('ul', { class: 'regions' }, x.details.map((r) => h('li', {}, r))) : '',
      ),
    ),
  );
}

/** The square migration matrix (every standing of both versions on both axes): rows before, columns after. */
export function migrationTable(m: NonNullable<Comparison['matrix']>, testId = 'migration-matrix'): HTMLElement {
  const word = (k: string): string => (['vetoed', 'not_rated', 'invalid'].includes(k) ? t(`outcome_${k}` as 'outcome_vetoed') : k);
  return h(
    'table',
    { class: 'grid matrix', 'data-testid': testId },
    h('thead', {}, h('tr', {}, h('th', {}, t('migrationCorner')), m.cols.map((col) => h('th', { 'data-col': col }, word(col))))),
    h(
      'tbody',
      {},
      m.rows.map((row, i) =>
        h(
          'tr',
          { 'data-row': row },
          h('th', {}, word(row)),
          m.cols.map((col, j) => {
            const n = m.cells[i]?.[j] ?? 0;
            return h('td', { class: `${row === col ? 'diag' : ''} ${n > 0 ? 'hit' : ''}`, 'data-cell': `${row}->${col}` }, n > 0 ? n : '·');
          }),
        ),
      ),
    ),
  );
}
