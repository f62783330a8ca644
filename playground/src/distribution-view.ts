// The Distribution tab: a corpus of platforms (the bundled one, or the user's NDJSON / CSV / JSON / YAML files or a
// folder, kept in this browser only) and its level distribution before (the text as loaded or last saved) and after
// (the text now), live; the platforms that cross a threshold with the engine's causes; the record problems; and
// handles that drag a level's `total >=` threshold or a band bound (one undoable edit of the text per drag).
// In: the editor's model and the page's baseline. Out: DOM in #distribution; counting happens in the corpus worker.

import { parseRuleset } from '../../dsl/index';
import { bandBounds, bandedIndicators, boundEdit, levelBounds, type Bound } from './distribution-calibrate';
import { CorpusClient } from './distribution-client';
import { NO_STANDING, type Causes, type CorpusFile, type Distribution, type Loaded, type RecordError } from './distribution-protocol';
import { append, byId, h } from './dom';
import { getLang, t, type StringKey } from './i18n';
import type { monaco as Monaco } from './monaco-setup';
import './distribution.css';

export interface DistributionContext {
  readonly monaco: typeof Monaco;
  readonly model: ReturnType<typeof Monaco.editor.createModel>;
  /** The text as loaded or last saved: the "before". */
  baseline(): string;
}

/** A pause in typing this long, then the corpus is counted again. */
const DEBOUNCE_MS = 30;
/** Platforms whose causes are computed (the engine's attribution re-assesses each one per diff entry). */
const MAX_CAUSED = 30;
/** Rows listed (crossings, record problems); the counts say how many there are. */
const MAX_ROWS = 100;

export class DistributionView {
  private readonly client: CorpusClient;
  private visible = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading = false;
  private loaded: Loaded | undefined;
  private dist: { d: Distribution; version: number; before: string; after: string } | undefined;
  private failedAfter = false;
  private causes: Causes | undefined;
  private causesOf: string | undefined;
  private message: string | undefined;
  private indicator: string | undefined;
  /** A handle is being dragged: the edits it makes join one undo step. */
  private dragging = false;
  /** The texts of the newest evaluation asked for (an answer is always of the newest: older ones are dropped). */
  private pendingTexts: { before: string; after: string; version: number } | undefined;

  constructor(private readonly ctx: DistributionContext) {
    this.client = new CorpusClient({
      loaded: (l) => this.onLoaded(l),
      distribution: (d) => this.onDistribution(d),
      causes: (c) => {
        this.causes = c;
        this.renderCrossings();
      },
      failed: (m) => {
        this.message = m;
        this.loading = false;
        this.render();
      },
    });
    ctx.model.onDidChangeContent(() => this.schedule(DEBOUNCE_MS));
  }

  show(on: boolean): void {
    this.visible = on;
    if (on) {
      this.render();
      this.schedule(0);
    }
  }

  /** Reads files into the corpus (replacing the one loaded). */
  load(files: readonly CorpusFile[]): void {
    this.loading = true;
    this.message = undefined;
    this.client.load(files);
    this.render();
  }

  private onLoaded(l: Loaded): void {
    this.loading = false;
    // Nothing read and nothing wrong: the corpus was forgotten.
    this.loaded = l.ids.length === 0 && l.errors.length === 0 ? undefined : l;
    this.dist = undefined;
    this.causes = undefined;
    this.causesOf = undefined;
    // No distribution of this corpus is on screen yet.
    delete byId('distribution').dataset['version'];
    this.render();
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (!this.visible || !this.loaded) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pendingTexts = { before: this.ctx.baseline(), after: this.ctx.model.getValue(), version: this.ctx.model.getVersionId() };
      this.client.evaluate(this.pendingTexts.before, this.pendingTexts.after, getLang());
    }, delay);
  }

  private onDistribution(d: Distribution): void {
    const sent = this.pendingTexts;
    if (!sent) return;
    this.failedAfter = d.failed.includes('after');
    // A text with errors keeps the last distribution on screen (marked).
    if (!this.failedAfter || !this.dist) this.dist = { d, version: sent.version, before: sent.before, after: sent.after };
    const key = `${sent.before}\u0000${sent.after}\u0000${getLang()}`;
    if (!this.failedAfter && this.causesOf !== key) {
      this.causesOf = key;
      this.causes = undefined;
      const moved = crossings(d).slice(0, MAX_CAUSED);
      if (moved.length > 0) this.client.causes(sent.before, sent.after, getLang(), moved);
    }
    this.renderResults();
    if (!this.dragging) this.renderCalibration();
    const root = byId('distribution');
    root.dataset['version'] = String(sent.version);
    root.dataset['workerMs'] = d.ms.toFixed(1);
  }

  // --- drawing --------------------------------------------------------------------------------

  /** The whole panel (a corpus loaded or forgotten, the language changed). */
  render(): void {
    const root = byId('distribution');
    root.lang = getLang();
    const files = h('input', { type: 'file', multiple: true, accept: '.ndjson,.jsonl,.csv,.json,.yaml,.yml', 'data-testid': 'corpus-files', class: 'file-hidden', id: 'corpus-files' });
    const folder = h('input', { type: 'file', multiple: true, webkitdirectory: true, 'data-testid': 'corpus-folder', class: 'file-hidden', id: 'corpus-folder' });
    files.addEventListener('change', () => void this.readInput(files));
    folder.addEventListener('change', () => void this.readInput(folder));
    const controls = h(
      'div',
      { class: 'dist-controls' },
      h('button', { type: 'button', 'data-testid': 'corpus-bundled', onclick: () => void this.loadBundled() }, t('distBundled')),
      h('label', { class: 'file-button', for: 'corpus-files' }, t('distFiles')),
      files,
      h('label', { class: 'file-button', for: 'corpus-folder' }, t('distFolder')),
      folder,
      this.loaded ? h('button', { type: 'button', onclick: () => this.forget() }, t('distClear')) : '',
    );
    root.dataset['count'] = String(this.loaded?.ids.length ?? 0);
    root.replaceChildren(
      h('h2', {}, t('distTitle')),
      h('p', { class: 'muted small' }, t('distPrivacy')),
      controls,
      h('div', { id: 'dist-status' }),
      h('div', { class: 'dist-main' }, h('div', { id: 'dist-chart' }), h('aside', { id: 'dist-calibrate', class: 'dist-calibrate', 'data-testid': 'calibrate' })),
      h('div', { id: 'dist-crossings' }),
      h('div', { id: 'dist-problems' }),
    );
    this.renderResults();
    this.renderCalibration();
  }

  /** What a distribution changes: status, chart, crossings and problems (the handles stay as they are). */
  private renderResults(): void {
    if (!document.getElementById('dist-status')) return;
    byId('dist-status').replaceChildren(
      this.loading
        ? h('p', { class: 'muted' }, t('distLoading'))
        : this.message !== undefined
          ? h('p', { class: 'error', role: 'alert' }, this.message)
          : !this.loaded
            ? h('p', { class: 'muted' }, t('distNone'))
            : h('p', { class: 'muted', 'data-dist-summary': '' }, t('distSummary', { n: this.loaded.ids.length, ms: this.dist ? this.dist.d.ms.toFixed(0) : '…' })),
    );
    byId('dist-chart').replaceChildren(this.dist ? this.chart(this.dist.d) : '');
    byId('dist-problems').replaceChildren(this.problems());
    this.renderCrossings();
  }

  private standingName(s: string): string {
    return s === 'vetoed' || s === 'not_rated' || s === 'invalid' ? t(`outcome_${s}` as StringKey) : s;
  }

  private chart(d: Distribution): HTMLElement {
    const n = d.standings.length;
    const before = new Array<number>(n).fill(0);
    const after = new Array<number>(n).fill(0);
    for (let i = 0; i < d.before.length; i++) {
      const b = d.before[i] as number;
      const a = d.after[i] as number;
      if (b !== NO_STANDING) before[b] = (before[b] ?? 0) + 1;
      if (a !== NO_STANDING) after[a] = (after[a] ?? 0) + 1;
    }
    const max = Math.max(1, ...before, ...after);
    const bar = (count: number, cls: string): HTMLElement =>
      h('div', { class: `dist-bar ${cls}`, style: `width:${((count / max) * 100).toFixed(2)}%` });
    return h(
      'div',
      { class: 'dist-chart-wrap' },
      d.failed.includes('before') ? h('p', { class: 'warning' }, t('distFailedBefore')) : '',
      this.failedAfter ? h('p', { class: 'warning', 'data-dist-stale': '' }, t('distFailedAfter')) : '',
      h(
        'table',
        { class: 'grid dist-chart' },
        h('thead', {}, h('tr', {}, h('th', {}, t('distStanding')), h('th', { class: 'num' }, t('distBefore')), h('th', { class: 'num' }, t('distAfter')), h('th', { 'aria-hidden': 'true' }))),
        h(
          'tbody',
          {},
          d.standings.map((s, i) => {
            const b = before[i] ?? 0;
            const a = after[i] ?? 0;
            const delta = a - b;
            return h(
              'tr',
              { 'data-standing': s, 'data-before': b, 'data-after': a, class: delta !== 0 ? 'moved' : '' },
              h('th', { scope: 'row' }, this.standingName(s)),
              h('td', { class: 'num' }, b),
              h('td', { class: `num${delta > 0 ? ' up' : delta < 0 ? ' down' : ''}` }, a, delta !== 0 ? h('span', { class: 'muted' }, ` (${delta > 0 ? '+' : ''}${delta})`) : ''),
              h('td', { class: 'dist-bars', 'aria-hidden': 'true' }, bar(b, 'before'), bar(a, 'after')),
            );
          }),
        ),
      ),
    );
  }

  private renderCrossings(): void {
    const host = document.getElementById('dist-crossings');
    const cur = this.dist;
    if (!host) return;
    if (!cur || !this.loaded) {
      host.replaceChildren();
      return;
    }
    const { d } = cur;
    const moved = crossings(d);
    const why = new Map((this.causes?.rows ?? []).map((r) => [r.index, r]));
    const ids = this.loaded.ids;
    host.dataset['crossings'] = String(moved.length);
    if (moved.length === 0) {
      host.replaceChildren(h('h3', {}, t('distCrossings', { n: 0 })), h('p', { class: 'muted' }, t('distCrossingsNone')));
      return;
    }
    host.replaceChildren(
      h('h3', {}, moved.length === 1 ? t('distCrossingsOne') : t('distCrossings', { n: moved.length })),
      moved.length > MAX_CAUSED ? h('p', { class: 'muted small' }, t('distCausesLater', { n: MAX_CAUSED })) : '',
      h(
        'table',
        { class: 'grid dist-crossings' },
        h('thead', {}, h('tr', {}, h('th', {}, t('platform')), h('th', {}, t('distFromTo')), h('th', {}, t('distWhy')))),
        h(
          'tbody',
          {},
          moved.slice(0, MAX_ROWS).map((i, k) => {
            const from = d.standings[d.before[i] as number] ?? '';
            const to = d.standings[d.after[i] as number] ?? '';
            const r = why.get(i);
            return h(
              'tr',
              { 'data-crossing': ids[i] ?? '', 'data-from': from, 'data-to': to },
              h('td', {}, h('span', { class: 'platform-id' }, ids[i] ?? '')),
              h('td', {}, `${this.standingName(from)} → ${this.standingName(to)}`),
              h(
                'td',
                { class: 'small' },
                r
                  ? h('ul', { class: 'causes' }, r.causes.map((c) => h('li', {}, c)), r.interaction ? h('li', { class: 'muted' }, t('interaction')) : '')
                  : k < MAX_CAUSED
                    ? h('span', { class: 'muted' }, t('computing'))
                    : '',
              ),
            );
          }),
        ),
      ),
      moved.length > MAX_ROWS ? h('p', { class: 'muted' }, t('distMore', { n: moved.length - MAX_ROWS })) : '',
    );
  }

  private problems(): HTMLElement | string {
    const read = this.loaded?.errors ?? [];
    const invalid = this.dist?.d.invalid ?? [];
    const invalidCount = this.dist?.d.invalidCount ?? 0;
    if (read.length === 0 && invalidCount === 0) return '';
    const rows = [...read, ...invalid];
    return h(
      'div',
      { class: 'dist-problems', 'data-testid': 'corpus-problems' },
      read.length > 0 ? h('h3', {}, t('distRecordErrors', { n: read.length })) : '',
      invalidCount > 0 ? h('p', { class: 'muted' }, t('distInvalidNote', { n: invalidCount })) : '',
      h(
        'table',
        { class: 'grid' },
        h('thead', {}, h('tr', {}, h('th', {}, t('distFile')), h('th', { class: 'num' }, t('distLine')), h('th', {}, t('platform')), h('th', {}, t('distField')), h('th', {}, t('distProblem')))),
        h(
          'tbody',
          {},
          rows.slice(0, MAX_ROWS).map((e) =>
            h(
              'tr',
              { 'data-problem': e.problem.kind, 'data-platform': e.platform ?? '', 'data-field': e.field ?? '' },
              h('td', {}, e.file),
              h('td', { class: 'num' }, e.line ?? ''),
              h('td', {}, e.platform ?? ''),
              h('td', {}, e.field ?? ''),
              h('td', {}, problemText(e)),
            ),
          ),
        ),
      ),
      rows.length > MAX_ROWS ? h('p', { class: 'muted' }, t('distMore', { n: rows.length - MAX_ROWS })) : '',
    );
  }

  // --- calibration ----------------------------------------------------------------------------

  /** The handles, from the text now; the one with focus keeps it. */
  private renderCalibration(): void {
    const host = document.getElementById('dist-calibrate');
    if (!host) return;
    if (!this.loaded) {
      host.replaceChildren();
      return;
    }
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.['bound'];
    const text = this.ctx.model.getValue();
    const ast = parseRuleset(text).ast;
    const levels = levelBounds(ast, text);
    const banded = bandedIndicators(ast);
    if (this.indicator === undefined || !banded.includes(this.indicator)) this.indicator = banded[0];
    const bands = this.indicator !== undefined ? bandBounds(ast, this.indicator) : [];
    const pick = h(
      'select',
      { 'data-testid': 'calibrate-indicator', 'aria-label': t('distBands') },
      banded.map((id) => h('option', { value: id, selected: id === this.indicator }, id)),
    );
    pick.addEventListener('change', () => {
      this.indicator = pick.value;
      this.renderCalibration();
    });
    host.replaceChildren(h('h3', {}, t('distCalibrate')), h('p', { class: 'muted small' }, t('distCalibrateHelp')), h('h4', {}, t('distLevels')));
    append(host, [
      levels.length > 0 ? levels.map((b) => this.handle(b, b.cell.kind === 'require' ? b.cell.id : b.key)) : h('p', { class: 'muted' }, t('distNoBounds')),
      banded.length > 0 ? h('h4', {}, t('distBands'), ' ', pick) : '',
      bands.map((b) => this.handle(b, this.indicator ?? '')),
    ]);
    if (focused !== undefined) host.querySelector<HTMLElement>(`[data-bound="${CSS.escape(focused)}"]`)?.focus();
  }

  private handle(b: Bound, name: string): HTMLElement {
    const out = h('output', { class: 'num' }, `${b.head} ${b.value}`);
    const slider = h('input', {
      type: 'range',
      min: b.min,
      max: b.max,
      step: b.step,
      value: b.value,
      'data-bound': b.key,
      'aria-label': `${name} ${b.head}`,
    });
    slider.value = b.value;
    slider.addEventListener('input', () => {
      out.textContent = `${b.head} ${slider.value}`;
      this.setBound(b, slider.value, false);
    });
    slider.addEventListener('change', () => this.setBound(b, slider.value, true));
    return h('label', { class: 'dist-handle' }, h('span', { class: 'dist-handle-name' }, name), slider, out);
  }

  /** Writes the bound into the text; the edits of one drag make one undo step (closed when the handle is let go). */
  private setBound(b: Bound, value: string, done: boolean): void {
    const model = this.ctx.model;
    const text = model.getValue();
    const r = boundEdit(text, b, value);
    if (r.ok && text.slice(r.edit.start, r.edit.end) !== r.edit.text) {
      if (!this.dragging) model.pushStackElement();
      this.dragging = true;
      const a = model.getPositionAt(r.edit.start);
      const e = model.getPositionAt(r.edit.end);
      model.pushEditOperations([], [{ range: new this.ctx.monaco.Range(a.lineNumber, a.column, e.lineNumber, e.column), text: r.edit.text }], () => null);
    }
    if (done) {
      if (this.dragging) model.pushStackElement();
      this.dragging = false;
      this.renderCalibration();
    }
  }

  // --- corpus ---------------------------------------------------------------------------------

  private async readInput(input: HTMLInputElement): Promise<void> {
    const list = [...(input.files ?? [])];
    input.value = '';
    if (list.length === 0) return;
    const files = await Promise.all(list.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })));
    this.load(files);
  }

  private async loadBundled(): Promise<void> {
    const id = /ruleset\s+"([^"\\]+)"/.exec(this.ctx.model.getValue())?.[1] ?? '';
    this.loading = true;
    this.render();
    const { BUNDLED_CORPORA } = await import('./distribution-corpus-data');
    const files = BUNDLED_CORPORA.get(id);
    if (!files) {
      this.loading = false;
      this.message = t('distNoBundled', { id });
      this.render();
      return;
    }
    this.load(files);
  }

  private forget(): void {
    this.loaded = undefined;
    this.dist = undefined;
    this.causes = undefined;
    this.causesOf = undefined;
    this.message = undefined;
    this.client.load([]);
    this.render();
  }
}

/** Indexes of the platforms whose standing differs before and after (both sides compiled). */
function crossings(d: Distribution): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.after.length; i++) {
    const b = d.before[i] as number;
    const a = d.after[i] as number;
    if (a !== b && a !== NO_STANDING && b !== NO_STANDING) out.push(i);
  }
  return out;
}

function problemText(e: RecordError): string {
  const p = e.problem;
  switch (p.kind) {
    case 'json':
      return t('distProbJson', { detail: p.detail });
    case 'yaml':
      return t('distProbYaml', { detail: p.detail });
    case 'shape':
      return t('distProbShape', { detail: p.detail });
    case 'csvQuote':
      return t('distProbQuote');
    case 'csvColumns':
      return t('distProbColumns', { expected: p.expected, got: p.got });
    case 'csvCell':
      return t('distProbCell', { value: p.value, detail: p.detail });
    case 'csvHeader':
      return t('distProbHeader');
    case 'fileType':
      return t('distProbFileType');
    case 'evidence':
      return `${p.code} ${p.message}`;
  }
}
