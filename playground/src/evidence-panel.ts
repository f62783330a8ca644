// The evidence panel's problems: the evidence editor's text checked as it is typed (syntax with line, column and
// what was expected; then the ruleset's schema, YAML and JSON alike), problems of loaded files and of platforms
// refused (an id already loaded), all kept on screen until fixed or dismissed. In: the evidence editor's model, the
// worker client, the page's platforms. Out: the `#evidence-problems` list, markers in the evidence editor, and
// `add`/`load`, which hand the page only platforms that can be assessed and whose ids are new.

import type { Lang } from '../../dsl/index';
import type { AssayClient } from './client';
import { byId, h } from './dom';
import { placeIssues, problemText, readEvidenceText, type EvidenceProblem, type PlatformDocOut } from './evidence-check';
import { t, type StringKey } from './i18n';
import type { monaco as Monaco } from './monaco-setup';
import type { PlatformInput } from './protocol';
import './evidence.css';

type MonacoApi = typeof Monaco;

export interface EvidencePanelDeps {
  readonly monaco: MonacoApi;
  /** The evidence editor's model. */
  readonly model: Monaco.editor.ITextModel;
  readonly client: AssayClient;
  rulesetText(): string;
  lang(): Lang;
  /** The format chosen for the evidence editor. */
  format(): 'json' | 'yaml';
  /** Every platform on the page now (samples and the user's). */
  platforms(): readonly PlatformInput[];
  /** The file a user platform came from (undefined: the evidence editor), for messages about it. */
  originOf(key: string): string | undefined;
  /** True when the panel is open (the schema check, in its own worker, waits until it is). */
  visible(): boolean;
  /** Shows a place of the evidence editor's text (a problem of the text being edited was clicked). */
  reveal(line: number, col: number): void;
  /** Adds platforms (their ids checked new) from the file `origin` (undefined: the evidence editor). */
  add(docs: readonly PlatformDocOut[], origin: string | undefined): void;
}

const MARKER_OWNER = 'assay-evidence';
const CHECK_DEBOUNCE_MS = 250;

export class EvidencePanel {
  /** Problems of the evidence editor's text as it is now. */
  private live: EvidenceProblem[] = [];
  /** Problems of loaded files and refused platforms: kept until dismissed. */
  private kept: EvidenceProblem[] = [];
  private rulesetErrors = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every check, so that an older answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly deps: EvidencePanelDeps) {
    deps.model.onDidChangeContent(() => this.schedule());
  }

  /** Checks the editor's text again after a short pause (typing, another ruleset, another language). */
  schedule(delay = CHECK_DEBOUNCE_MS): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.check();
    }, delay);
  }

  /** Checks the editor's text now: syntax on this thread, then the schema in the worker. */
  async check(): Promise<void> {
    const gen = ++this.generation;
    const text = this.deps.model.getValue();
    const read = readEvidenceText(text, this.deps.format());
    this.live = [...read.problems];
    this.rulesetErrors = false;
    this.render();
    if (read.problems.some((p) => p.severity === 'error') || read.platforms.length === 0 || !this.deps.visible()) return;
    const schema = await this.schemaProblems(text, read.platforms).catch(() => undefined);
    if (gen !== this.generation || schema === undefined) return;
    this.live = [...read.problems, ...schema.problems];
    this.rulesetErrors = schema.rulesetErrors;
    this.render();
  }

  private async schemaProblems(text: string, platforms: readonly PlatformDocOut[], file?: string): Promise<{ problems: EvidenceProblem[]; rulesetErrors: boolean }> {
    const r = await this.deps.client.checkEvidence({ text: this.deps.rulesetText(), lang: this.deps.lang(), platforms });
    return { problems: placeIssues(text, platforms, r.issues, file), rulesetErrors: !r.rulesetOk };
  }

  /** Adds the editor's platforms, unless the text has errors or an id is taken (both said, and kept on screen). */
  addFromEditor(): boolean {
    const read = readEvidenceText(this.deps.model.getValue(), this.deps.format());
    this.live = [...read.problems];
    if (read.problems.some((p) => p.severity === 'error') || read.platforms.length === 0) {
      this.render(t('evidenceNotAdded'));
      return false;
    }
    const added = this.addNew(read.platforms, undefined, undefined);
    this.schedule(0);
    return added;
  }

  /** Loads files: each one's problems are kept (with its name) beside earlier ones; its platforms with new ids are added. */
  async load(files: readonly { readonly name: string; readonly text: string }[]): Promise<void> {
    for (const f of files) {
      const format = /\.json$/i.test(f.name) ? 'json' : 'yaml';
      const read = readEvidenceText(f.text, format, f.name);
      this.kept.push(...read.problems);
      if (read.problems.some((p) => p.severity === 'error')) continue;
      const schema = await this.schemaProblems(f.text, read.platforms, f.name).catch(() => undefined);
      if (schema) this.kept.push(...schema.problems);
      this.addNew(read.platforms, f.name, f.name);
    }
    this.render();
  }

  /** Adds the platforms whose ids are not loaded yet; each refused one is a kept problem naming the other. */
  private addNew(docs: readonly PlatformDocOut[], origin: string | undefined, file: string | undefined): boolean {
    /** Platform id → the words that name the one loaded (its origin: a sample, a file, or the editor). */
    const taken = new Map<string, { key: StringKey; source?: string }>();
    const said = (source: string | undefined): { key: StringKey; source?: string } =>
      source === undefined ? { key: 'evidenceDuplicateEditor' } : { key: 'evidenceDuplicateFile', source };
    for (const p of this.deps.platforms()) {
      if (taken.has(p.platform)) continue;
      taken.set(p.platform, p.source === 'sample' ? { key: 'evidenceDuplicateSample' } : said(this.deps.originOf(p.key)));
    }
    const fresh: PlatformDocOut[] = [];
    for (const d of docs) {
      const other = taken.get(d.platform);
      if (other !== undefined) {
        this.kept.push({
          code: 'duplicate-platform',
          severity: 'error',
          words: { key: other.key, args: { platform: d.platform, ...(other.source !== undefined ? { source: other.source } : {}) } },
          platform: d.platform,
          ...(file !== undefined ? { file } : {}),
        });
        continue;
      }
      taken.set(d.platform, said(origin));
      fresh.push(d);
    }
    if (fresh.length > 0) this.deps.add(fresh, origin);
    this.render();
    return fresh.length === docs.length;
  }

  /** Draws the list and the editor's markers in the current language; `status` is said above the list. */
  render(status?: string): void {
    const lang = this.deps.lang();
    const { monaco, model } = this.deps;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      this.live
        .filter((p) => p.at !== undefined)
        .map((p) => ({
          severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: problemText(p, lang),
          code: p.code,
          source: 'assay',
          startLineNumber: p.at?.line ?? 1,
          startColumn: p.at?.col ?? 1,
          endLineNumber: p.at?.endLine ?? 1,
          endColumn: p.at?.endCol ?? 2,
        })),
    );
    const list = byId('evidence-problems');
    const all = [...this.live, ...this.kept];
    const dismiss =
      this.kept.length > 0
        ? h('button', { class: 'link', 'data-testid': 'evidence-problems-dismiss', onclick: () => ((this.kept = []), this.render()) }, t('evidenceDismiss'))
        : '';
    list.replaceChildren(
      h('div', { class: 'panel-title' }, h('span', {}, t('evidenceProblems')), ' ', h('span', { class: 'muted' }, all.length === 0 ? t('evidenceProblemsNone') : String(all.length)), ' ', dismiss),
      status !== undefined ? h('p', { class: 'note-bad', 'data-testid': 'evidence-status' }, status) : '',
      this.rulesetErrors ? h('p', { class: 'muted' }, t('evidenceRulesetErrors')) : '',
      h(
        'ul',
        {},
        all.map((p) =>
          h(
            'li',
            {
              class: `sev-${p.severity}${p.at && p.file === undefined ? ' clickable' : ''}`,
              'data-code': p.code,
              ...(p.at ? { 'data-line': p.at.line, 'data-col': p.at.col } : {}),
              onclick: () => p.at && p.file === undefined && this.deps.reveal(p.at.line, p.at.col),
            },
            h('span', { class: `sev sev-${p.severity}` }, t(p.severity === 'error' ? 'severity_error' : 'severity_warning')),
            h('span', { class: 'src' }, p.file ?? t('evidenceFromEditor'), p.platform !== undefined ? ` · ${p.platform}` : ''),
            p.at ? h('span', { class: 'pos' }, t('evidenceAt', { line: p.at.line, col: p.at.col })) : '',
            h('span', { class: 'msg' }, problemText(p, lang)),
            p.code.startsWith('E') ? h('span', { class: 'code' }, p.code) : '',
          ),
        ),
      ),
    );
  }
}
