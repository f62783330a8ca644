// The Document tab: the ruleset in the editor as the standard prints it (the engine's document blocks drawn as
// text), opening with the revision table against the version chosen beside it (by default the Compare tab's base).
// In: the worker client, the editor's text, the language. Out: DOM in #view-document; a ruleset with errors keeps
// the last document on screen, marked stale, with the reason.

import type { Lang } from '../../dsl/index';
import { DOCUMENT_CSS, type Block } from '../../engine/index';
import { BUNDLED_RULESETS, bundledRuleset } from './bundled';
import type { AssayClient } from './client';
import { byId, download, h } from './dom';
import { t } from './i18n';
import './document.css';

export interface DocumentContext {
  readonly client: AssayClient;
  text(): string;
  lang(): Lang;
  /** The version the Compare tab compares with (the default of the picker). */
  compareBase(): string;
}

function blockEl(b: Block): HTMLElement {
  switch (b.kind) {
    case 'title':
      return h('h1', {}, b.text);
    case 'heading':
      return b.level === 2 ? h('h2', {}, b.text) : h('h3', {}, b.text);
    case 'para':
      return h('p', {}, b.text);
    case 'table':
      return h(
        'div',
        { class: 'doc-table', tabindex: 0, role: 'region', 'aria-label': b.name },
        h(
          'table',
          { 'data-table': b.name },
          h('thead', {}, h('tr', {}, b.head.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, b.rows.map((r) => h('tr', {}, r.map((c, i) => h('td', {}, b.code.includes(i) && c !== '' ? h('code', {}, c) : c))))),
        ),
      );
  }
}

export class DocumentView {
  /** The picker's value: a bundled ruleset's ref, `''` for none; undefined until the tab is first shown. */
  private against: string | undefined;
  private shown = false;
  /** The blocks drawn last (for tests). */
  lastBlocks: readonly Block[] | undefined;

  constructor(private readonly ctx: DocumentContext) {
    // The document's own styles, the same as in `assay doc --format html` (one owner: engine/document/html.ts).
    document.head.append(h('style', {}, DOCUMENT_CSS));
    byId<HTMLSelectElement>('document-against').addEventListener('change', (e) => {
      this.against = (e.target as HTMLSelectElement).value;
      void this.refresh();
    });
    for (const format of ['md', 'html', 'docx'] as const) byId(`document-download-${format}`).addEventListener('click', () => void this.refresh(format));
  }

  /** Fills the picker (its first option's words depend on the language). */
  renderPicker(): void {
    const sel = byId<HTMLSelectElement>('document-against');
    sel.replaceChildren(h('option', { value: '' }, t('documentNoRevision')), ...BUNDLED_RULESETS.map((r) => h('option', { value: r.ref }, r.ref)));
    sel.value = this.against ?? this.ctx.compareBase();
  }

  /** Asks the worker for the document of the current text and draws it (the newest request wins); with a format, offers it as a file. */
  async refresh(format?: 'md' | 'html' | 'docx'): Promise<void> {
    if (this.against === undefined) this.against = bundledRuleset(this.ctx.compareBase()) ? this.ctx.compareBase() : '';
    if (!this.shown) {
      this.shown = true;
      this.renderPicker();
    }
    const status = byId('document-status');
    const body = byId('document-body');
    status.textContent = t('documentWorking');
    const against = this.against === '' ? undefined : bundledRuleset(this.against)?.text;
    let r;
    try {
      r = await this.ctx.client.document({
        text: this.ctx.text(),
        lang: this.ctx.lang(),
        ...(against !== undefined ? { against } : {}),
        ...(format !== undefined ? { format } : {}),
      });
    } catch (e) {
      if (e instanceof Error && e.message === 'superseded') return;
      status.textContent = t('documentFailed', { message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (!r.blocks) {
      status.textContent = r.errors.includes('text') ? t('documentTextErrors') : t('documentAgainstErrors', { ref: this.against });
      body.classList.add('stale');
      return;
    }
    status.textContent = '';
    body.classList.remove('stale');
    this.lastBlocks = r.blocks;
    body.replaceChildren(h('article', { class: 'assay-doc', lang: this.ctx.lang() }, r.blocks.map(blockEl)));
    if (r.file) download(r.file.name, r.file.data, r.file.type);
  }
}
