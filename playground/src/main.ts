// The playground page: wires Monaco, the analysis worker, the preview and compare views, files,
// local persistence, history and share links. In: the DOM of index.html. Out: a running workbench; state
// lives here and flows one way (edit → worker → render). Every replace of the text is one undoable edit and
// leaves the previous text in the history; an analysis that runs too long is stopped and paused.

import type { Lang } from '../../dsl/index';
import { registerAssayLanguage, LANGUAGE_ID, THEME } from './assay-language';
import { BUNDLED_RULESETS, bundledRuleset, samplesFor, startingPair } from './bundled';
import { analysingMark, clearAnalysing, currentDoc, listDocs, loadDoc, MAIN_DOC, markAnalysing, newDocId, removeDoc, saveDoc, setCurrentDoc, type SavedDoc } from './autosave';
import { ANALYSIS_BUDGET_MS, AssayClient, type Stalled } from './client';
import { CompareView } from './compare-view';
import { DeltaView } from './delta-view';
import { DistributionView } from './distribution-view';
import { DocumentView } from './document-view';
import type { PlatformDocOut } from './evidence-check';
import { EvidencePanel } from './evidence-panel';
import { byId, download, h } from './dom';
import { rovingList, tablist } from './keyboard';
import { notices, renderNotices, setNotice } from './notices';
import { listHistory, remember, type ReplacedBy } from './history';
import { showGuide } from './guide-view';
import { confirmReplace, showHistoryDialog } from './history-view';
import { getLang, preferredLang, setLang, t, type StringKey } from './i18n';
import { languageState, registerLanguageFeatures, setMarkers } from './language-features';
import { keepLongTextsLight } from './large-editor';
import { jsonDefaults, monaco, requestedWorkers } from './monaco-setup';
import { renderPlan, renderPreview } from './preview';
import type { Analysis, PlanResult, PlatformInput, SpanOut } from './protocol';
import { decodeShare, encodeShare, MAX_SHARE_BYTES, ShareTooLarge, type Work } from './share';
import { TableView } from './table-view';
import './styles.css';

// Short: the worker coalesces bursts (newest wins), so a small pause is enough to stay under 200 ms.
const ANALYZE_DEBOUNCE_MS = 50;
/** An answer later than this after the request marks the results shown as of an earlier text (no flicker while typing). */
const PENDING_MARK_MS = 400;

// ---------------------------------------------------------------------------------------------
// State

/** Why analysis is paused: the watchdog stopped it, or the document opened after an analysis that never finished. */
type Paused = { readonly kind: 'stopped'; readonly file: string; readonly ms: number } | { readonly kind: 'recovered'; readonly file: string };

interface PageState {
  /** The document being edited (its autosave slot). */
  docId: string;
  fileName: string;
  /** The text as last loaded or saved to a file: edits beyond it are asked about before a replace. */
  baseline: string;
  paused: Paused | undefined;
  /** An analysis of a changed text has been running a while: what is shown is of an earlier text. */
  pending: boolean;
  userPlatforms: PlatformInput[];
  selected: string | undefined;
  lastGood: Analysis | undefined;
  /** The text and language `lastGood` was computed from. */
  lastGoodText: string | undefined;
  lastGoodLang: Lang | undefined;
  latest: Analysis | undefined;
  stale: boolean;
  roundTripMs: number | undefined;
  tab: 'preview' | 'compare' | 'document' | 'table' | 'distribution';
  nextUserId: number;
  workerError: string | undefined;
  plan: PlanResult | undefined;
  /** What `plan` was computed for (see `planAsk`): it is stale when that is not what is on screen now. */
  planAsk: string | undefined;
  /** Why the last plan search failed (never empty). */
  planError: string | undefined;
  planComputing: boolean;
}

const state: PageState = {
  docId: MAIN_DOC,
  fileName: 'untitled.assay',
  baseline: '',
  paused: undefined,
  pending: false,
  userPlatforms: [],
  selected: undefined,
  lastGood: undefined,
  lastGoodText: undefined,
  lastGoodLang: undefined,
  latest: undefined,
  stale: false,
  roundTripMs: undefined,
  tab: 'preview',
  nextUserId: 1,
  workerError: undefined,
  plan: undefined,
  planAsk: undefined,
  planError: undefined,
  planComputing: false,
};

/** Most engine assessments one plan search may make (the engine's default, 40 000, takes seconds). */
const PLAN_BUDGET = 5000;
const PLAN_DEBOUNCE_MS = 400;

/** The toast on screen, worded again in the new language should the reader switch while it shows. */
let toastWords: (() => string) | undefined;

function toast(words: () => string): void {
  const el = byId('toast');
  toastWords = words;
  el.textContent = words();
  el.classList.add('show');
  setTimeout(() => {
    if (toastWords !== words) return;
    toastWords = undefined;
    el.classList.remove('show');
  }, 2500);
}

// ---------------------------------------------------------------------------------------------
// Editors

registerAssayLanguage(monaco);

const mainModel = monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('file:///ruleset.assay'));
const editor = monaco.editor.create(byId('editor'), {
  model: mainModel,
  theme: THEME,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  tabSize: 2,
  renderWhitespace: 'none',
});
keepLongTextsLight(editor, mainModel);

const evidenceModel = monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://evidence/platform.json'));
const evidenceEditor = monaco.editor.create(byId('evidence-editor'), {
  model: evidenceModel,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 12,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  tabSize: 2,
});

// `?analysisBudgetMs=…` shortens the watchdog's budget (the end-to-end tests use it).
const budgetParam = Number(new URLSearchParams(location.search).get('analysisBudgetMs'));
const client = new AssayClient(
  onAnalysis,
  (message) => {
    settleMark();
    state.workerError = message;
    toast(() => t('workerFailed', { message }));
    renderAll();
  },
  onStalled,
  budgetParam > 0 ? budgetParam : ANALYSIS_BUDGET_MS,
);
registerLanguageFeatures(monaco, client);

const compareView = new CompareView({
  monaco,
  client,
  mainModel,
  platforms: () => allPlatforms(),
  lang: () => getLang(),
  onChoice: () => persist(),
});
const tableView = new TableView({ monaco, model: mainModel });
const deltaView = new DeltaView({ client, platforms: () => allPlatforms() });
const distributionView = new DistributionView({ monaco, model: mainModel, baseline: () => state.baseline });

const evidencePanel = new EvidencePanel({
  monaco,
  model: evidenceModel,
  client,
  rulesetText: () => mainModel.getValue(),
  lang: () => getLang(),
  format: () => (byId<HTMLSelectElement>('evidence-lang').value === 'yaml' ? 'yaml' : 'json'),
  platforms: () => allPlatforms(),
  originOf: (key) => origins.get(key),
  visible: () => byId<HTMLDetailsElement>('evidence-panel').open,
  reveal: (lineNumber, column) => {
    evidenceEditor.revealLineInCenter(lineNumber);
    evidenceEditor.setPosition({ lineNumber, column });
    evidenceEditor.focus();
  },
  add: (docs, origin) => addUserPlatforms(docs, origin),
});

const documentView = new DocumentView({
  client,
  text: () => mainModel.getValue(),
  lang: () => getLang(),
  compareBase: () => compareView.choice.base,
});

// ---------------------------------------------------------------------------------------------
// Platforms

function rulesetIdOf(text: string): string | undefined {
  return /ruleset\s+"([^"\\]+)"/.exec(text)?.[1];
}

function allPlatforms(): PlatformInput[] {
  return [...samplesFor(rulesetIdOf(mainModel.getValue())), ...state.userPlatforms];
}

/** The file each user platform came from (none: the evidence editor), for messages about it. */
const origins = new Map<string, string>();

/** Adds platforms whose evidence was read and whose ids are new (the evidence panel checks both). */
function addUserPlatforms(docs: readonly PlatformDocOut[], origin: string | undefined): void {
  for (const d of docs) {
    const key = `user:${state.nextUserId++}`;
    state.userPlatforms.push({ key, source: 'user', platform: d.platform, ...(d.name !== undefined ? { name: d.name } : {}), evidence: d.evidence });
    if (origin !== undefined) origins.set(key, origin);
    state.selected = key;
    toast(() => t('evidenceAdded', { platform: d.platform }));
  }
  persist();
  requestAnalysis(0);
}

// ---------------------------------------------------------------------------------------------
// Analysis

const sentVersion = new Map<number, number>();
let analyzeTimer: ReturnType<typeof setTimeout> | undefined;

/** The document whose analysis is marked as running in localStorage, and since when (page clock). */
let marked: { doc: string; at: number } | undefined;

let pendingTimer: ReturnType<typeof setTimeout> | undefined;

/** The worker answered: the document's text is not poisonous (as far as this analysis goes). */
function settleMark(): void {
  if (marked) clearAnalysing(marked.doc);
  marked = undefined;
  if (pendingTimer !== undefined) clearTimeout(pendingTimer);
  pendingTimer = undefined;
  state.pending = false;
}

function requestAnalysis(delay = ANALYZE_DEBOUNCE_MS): void {
  if (analyzeTimer !== undefined) clearTimeout(analyzeTimer);
  analyzeTimer = undefined;
  if (state.paused) return;
  analyzeTimer = setTimeout(() => {
    analyzeTimer = undefined;
    // Should the tab die during this analysis, the next one opens this document paused.
    marked = { doc: state.docId, at: performance.now() };
    markAnalysing(state.docId, { since: Date.now(), fileName: state.fileName, stopped: false });
    pendingTimer ??= setTimeout(() => {
      pendingTimer = undefined;
      state.pending = true;
      renderAll();
    }, PENDING_MARK_MS);
    const lang = getLang();
    const seq = client.analyze({
      text: mainModel.getValue(),
      lang,
      platforms: allPlatforms(),
      ...(state.selected !== undefined ? { selected: state.selected } : {}),
      // Stale results shown in another language: have them redone in this one, should the text still fail.
      ...(state.stale && state.lastGoodText !== undefined && state.lastGoodLang !== lang ? { staleText: state.lastGoodText } : {}),
    });
    sentText.set(seq, { text: mainModel.getValue(), lang });
    sentVersion.set(seq, mainModel.getVersionId());
  }, delay);
}

let lastSchema = '';
let lastSchemaObject: unknown;
/** Text and language of each analysis request, until its answer (or a newer one) arrives. */
const sentText = new Map<number, { text: string; lang: Lang }>();

function onAnalysis(a: Analysis, roundTripMs: number): void {
  settleMark();
  if (state.paused) return;
  const version = sentVersion.get(a.seq);
  for (const k of [...sentVersion.keys()]) if (k <= a.seq) sentVersion.delete(k);
  state.latest = a;
  state.roundTripMs = roundTripMs;
  state.workerError = undefined;
  if (version === mainModel.getVersionId()) {
    languageState.symbols = a.symbols;
    languageState.diagnostics = a.diagnostics;
    languageState.versionId = version;
    setMarkers(monaco, mainModel, a.diagnostics);
    renderProblems(a);
    tableView.setDiagnostics(a.diagnostics, version);
  } else if (a.symbols.length > 0) {
    languageState.symbols = a.symbols;
  }
  const sent = sentText.get(a.seq);
  for (const k of [...sentText.keys()]) if (k <= a.seq) sentText.delete(k);
  deltaView.onAnalysis(a, sent?.text);
  if (a.ok && a.results) {
    state.lastGood = a;
    state.lastGoodText = sent?.text;
    state.lastGoodLang = sent?.lang;
    state.stale = false;
    const keys = a.results.map((r) => r.key);
    if (state.selected === undefined || !keys.includes(state.selected)) {
      state.selected = keys[0];
      if (state.selected !== undefined) requestAnalysis(0);
    }
    if (version === mainModel.getVersionId()) schedulePlan();
  } else {
    state.stale = true;
    if (a.staleResults && sent) {
      state.lastGood = a.staleResults;
      state.lastGoodLang = sent.lang;
    }
    // No plan search for a ruleset with errors: keep the last plan, marked stale with the results.
    state.planComputing = false;
  }
  // The client hands back the very schema object it kept when the worker said it is unchanged: no 0.3 MB stringify.
  if (a.schema !== undefined && a.schema !== lastSchemaObject) {
    lastSchemaObject = a.schema;
    const s = JSON.stringify(a.schema);
    if (s !== lastSchema) {
      lastSchema = s;
      // Evidence is checked by the evidence panel, YAML and JSON alike (the engine's reader and schema check): the
      // JSON worker keeps the schema for completion and hover only.
      evidencePanel.schedule(0);
      jsonDefaults.setDiagnosticsOptions({
        validate: false,
        allowComments: false,
        enableSchemaRequest: false,
        schemas: [{ uri: 'assay://schema/evidence.json', fileMatch: [evidenceModel.uri.toString()], schema: a.schema as object }],
      });
    }
  }
  renderAll();
  document.body.dataset['analysisMs'] = a.ms.toFixed(1);
  document.body.dataset['roundTripMs'] = roundTripMs.toFixed(1);
  document.body.dataset['analysisSeq'] = String(a.seq);
}

function renderAll(): void {
  renderPreview(
    {
      analysis: state.lastGood,
      stale: state.stale,
      selected: state.selected,
      userKeys: new Set(state.userPlatforms.map((p) => p.key)),
      roundTripMs: state.roundTripMs,
      error: state.workerError,
      paused: state.paused !== undefined,
      pending: state.pending,
    },
    {
      select(key) {
        if (state.selected === key) return;
        state.selected = key;
        renderAll();
        requestAnalysis(0);
        schedulePlan();
      },
      remove(key) {
        state.userPlatforms = state.userPlatforms.filter((p) => p.key !== key);
        if (state.selected === key) state.selected = undefined;
        persist();
        requestAnalysis(0);
      },
      reveal: revealSpan,
    },
  );
  renderPlanNow();
}

/** The watchdog ended the worker: pause analysis of this document (also for the next tab) and say so. */
function onStalled(s: Stalled): void {
  const doc = marked?.doc ?? state.docId;
  markAnalysing(doc, { since: Date.now(), fileName: state.fileName, stopped: true });
  marked = undefined;
  pause({ kind: 'stopped', file: state.fileName, ms: s.ms });
}

function pause(p: Paused): void {
  state.paused = p;
  if (pendingTimer !== undefined) clearTimeout(pendingTimer);
  pendingTimer = undefined;
  state.pending = false;
  if (analyzeTimer !== undefined) clearTimeout(analyzeTimer);
  analyzeTimer = undefined;
  if (planTimer !== undefined) clearTimeout(planTimer);
  if (client.cancelPlan()) planAsked = '';
  state.planComputing = false;
  const args = { file: p.file, ...(p.kind === 'stopped' ? { s: (p.ms / 1000).toFixed(1), next: Math.round(Math.min(client.budget * 2, MAX_ANALYSIS_BUDGET_MS) / 1000) } : {}) };
  setNotice('paused', { key: p.kind === 'stopped' ? 'analysisStopped' : 'analysisRecovered', args, bad: true, action: { key: 'analyseAgain', run: resume } });
  renderAll();
}

/** Most time the watchdog allows after budgets doubled by "Analyse again". */
const MAX_ANALYSIS_BUDGET_MS = 120_000;

/** Analysis runs again (on the text as it is now); after a stop, with twice the time (a slow ruleset may need it). */
function resume(): void {
  if (state.paused?.kind === 'stopped') client.budget = Math.min(client.budget * 2, MAX_ANALYSIS_BUDGET_MS);
  state.paused = undefined;
  clearAnalysing(state.docId);
  setNotice('paused', undefined);
  renderAll();
  requestAnalysis(0);
}

// ---------------------------------------------------------------------------------------------
// Improvement plans (a slow search: its own worker, restarted when superseded)

let planTimer: ReturnType<typeof setTimeout> | undefined;
let planAsked = '';

/** What a plan search now would be asked (language, platform, its evidence, text); undefined without a platform. */
function planAsk(): string | undefined {
  const key = state.selected;
  const p = allPlatforms().find((x) => x.key === key);
  if (key === undefined || !p) return undefined;
  return `${getLang()}\u0000${key}\u0000${JSON.stringify(p.evidence)}\u0000${mainModel.getValue()}`;
}

/** Draws the plan panel; a plan not of the text, platform and language on screen is marked stale. */
function renderPlanNow(): void {
  const stale = state.plan !== undefined && (state.stale || state.pending || state.paused !== undefined || state.planAsk !== planAsk());
  renderPlan(state.plan, state.planComputing, { reveal: revealSpan }, stale, state.planError);
}

function schedulePlan(): void {
  const key = state.selected;
  const p = allPlatforms().find((x) => x.key === key);
  const ask = planAsk();
  if (key === undefined || !p || ask === undefined || state.paused) {
    renderPlanNow();
    return;
  }
  const text = mainModel.getValue();
  if (ask === planAsked) return;
  if (state.plan && state.plan.key !== key) state.plan = undefined;
  state.planComputing = true;
  state.planError = undefined;
  renderPlanNow();
  if (planTimer !== undefined) clearTimeout(planTimer);
  planTimer = setTimeout(() => {
    planAsked = ask;
    client.plan({ text, lang: getLang(), platform: p, budget: PLAN_BUDGET }).then(
      (plan) => {
        if (plan.key !== state.selected) return;
        state.plan = plan;
        state.planAsk = ask;
        state.planComputing = false;
        renderPlanNow();
      },
      (e: unknown) => {
        if (e instanceof Error && e.message === 'superseded') return;
        planAsked = '';
        state.planComputing = false;
        // An engine error may carry no message (it once threw a bare `Error` when its budget ran out).
        const message = e instanceof Error ? e.message.trim() : String(e).trim();
        state.planError = message === '' ? t('planFailedUnknown') : message;
        renderPlanNow();
      },
    );
  }, PLAN_DEBOUNCE_MS);
}

let highlight: monaco.editor.IEditorDecorationsCollection | undefined;

function revealSpan(span: SpanOut): void {
  const a = mainModel.getPositionAt(span.start);
  const b = mainModel.getPositionAt(span.end);
  const range = new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
  highlight?.clear();
  highlight = editor.createDecorationsCollection([
    { range, options: { className: 'rule-highlight', linesDecorationsClassName: 'rule-highlight-margin', isWholeLine: false } },
  ]);
  editor.revealRangeInCenter(range);
  editor.setSelection(new monaco.Selection(a.lineNumber, a.column, a.lineNumber, a.column));
  editor.focus();
}

function renderProblems(a: Analysis): void {
  const list = byId('problems-list');
  const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = a.diagnostics.filter((d) => d.severity === 'warning').length;
  byId('problem-count').textContent = a.diagnostics.length === 0 ? t('noProblems') : t('problemCount', { errors, warnings });
  list.replaceChildren(
    ...a.diagnostics.map((d) => {
      const p = mainModel.getPositionAt(d.span.start);
      return h(
        'li',
        { class: `sev-${d.severity}`, 'data-code': d.code, onclick: () => revealSpan(d.span), title: d.help ?? '' },
        h('span', { class: `sev sev-${d.severity}` }, t(`severity_${d.severity}` as StringKey)),
        h('span', { class: 'pos' }, `${p.lineNumber}:${p.column}`),
        h('span', { class: 'msg' }, d.message, d.help ? h('span', { class: 'help' }, ` — ${d.help}`) : ''),
        h('span', { class: 'code' }, d.code),
      );
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Persistence and sharing

function currentWork(): Work {
  const c = compareView.choice;
  return {
    text: mainModel.getValue(),
    fileName: state.fileName,
    platforms: state.userPlatforms,
    compareBase: c.base,
    compareHead: c.head,
    lang: getLang(),
    ...(state.selected !== undefined ? { selected: state.selected } : {}),
  };
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
  if (persistTimer !== undefined) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    autosave();
  }, 300);
}

/** Autosaves now; a refusal (storage full) is said, and unsaid once a save succeeds again. */
function autosave(): void {
  const ok = saveDoc(state.docId, currentWork());
  if (ok === notices.has('autosave')) setNotice('autosave', ok ? undefined : { key: 'autosaveFailed', args: { file: state.fileName }, bad: true });
}

/** Writes a pending autosave now (before the document changes under it). */
function flushPersist(): void {
  if (persistTimer === undefined) return;
  clearTimeout(persistTimer);
  persistTimer = undefined;
  autosave();
}

function setFileName(name: string): void {
  state.fileName = name;
  byId('file-name').textContent = name;
}

/**
 * Puts `text` in the editor. `undoable`: as one edit on the undo stack (Ctrl+Z brings the previous text back);
 * otherwise as a fresh model (the first text of the page).
 */
function setText(text: string, undoable: boolean): void {
  if (!undoable) {
    mainModel.setValue(text);
    return;
  }
  editor.pushUndoStop();
  editor.executeEdits('replace', [{ range: mainModel.getFullModelRange(), text, forceMoveMarkers: true }], [new monaco.Selection(1, 1, 1, 1)]);
  editor.pushUndoStop();
  editor.setPosition({ lineNumber: 1, column: 1 });
  editor.revealLine(1);
}

/** Takes the platforms, compare choice and language of `w` (the text is set apart). */
function applyWorkState(w: Work): void {
  state.userPlatforms = w.platforms.map((p) => ({ ...p }));
  state.nextUserId = state.userPlatforms.length + 1 + Math.max(0, ...state.userPlatforms.map((p) => Number(/^user:(\d+)$/.exec(p.key)?.[1] ?? 0)));
  // The platform selected when the work was kept (the first one when it is gone: see `onAnalysis`).
  state.selected = w.selected;
  compareView.setChoice(w.compareBase, w.compareHead);
  if (w.lang) applyLang(w.lang);
}

/** Opens `w` as the page's first text (no undo entry, nothing replaced). */
function applyWork(w: Work): void {
  applyWorkState(w);
  setFileName(w.fileName);
  setText(w.text, false);
  state.baseline = w.text;
}

/** The last replace, so that undoing it (or redoing it) also brings back its file name. */
let lastReplace: { before: { text: string; fileName: string }; after: { text: string; fileName: string } } | undefined;

/** True when the text has edits that are neither loaded nor saved to a file. */
function dirty(): boolean {
  return mainModel.getValue() !== state.baseline;
}

/**
 * Replaces the editor's text with `next` (and, when `whole`, its platforms and choices): asks first when there
 * are unsaved edits, keeps the current work in the history, and makes the replace one undoable edit.
 */
async function replaceWith(next: Pick<Work, 'text' | 'fileName'> & Partial<Work>, reason: ReplacedBy, whole = false): Promise<boolean> {
  if (dirty() && !(await confirmReplace(state.fileName, next.fileName))) return false;
  const before = currentWork();
  let kept = await remember(before, reason, state.docId);
  // Typed while the history was written: that text goes to the history too, not lost under the replace.
  if (kept !== 'failed' && mainModel.getValue() !== before.text) kept = await remember(currentWork(), reason, state.docId);
  if (kept === 'failed') setNotice('history', { key: 'historyFailed', args: {} });
  if (whole && next.platforms) applyWorkState(next as Work);
  lastReplace = { before: { text: before.text, fileName: before.fileName }, after: { text: next.text, fileName: next.fileName } };
  setFileName(next.fileName);
  setText(next.text, true);
  state.baseline = next.text;
  persist();
  toast(() => t('replaced', { file: next.fileName }));
  // The text that stopped the analysis is gone: analyse the new one.
  if (state.paused) resume();
  return true;
}

/** The text and file name just before a paste (taken as the paste event reaches the editor, before Monaco applies it). */
let beforePaste: { text: string; fileName: string } | undefined;

/**
 * A paste that replaced the whole text is another document: it becomes untitled (so Save does not write it over the
 * old file), the old text goes to the history, and undoing the paste brings the old text and its name back.
 */
function onPaste(range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }): void {
  const before = beforePaste;
  beforePaste = undefined;
  const full = mainModel.getFullModelRange();
  const whole = range.startLineNumber === 1 && range.startColumn === 1 && range.endLineNumber === full.endLineNumber && range.endColumn === full.endColumn;
  if (!before || !whole || before.text.trim() === '' || before.text === mainModel.getValue()) return;
  const untitled = t('untitled');
  lastReplace = { before, after: { text: mainModel.getValue(), fileName: untitled } };
  void remember({ ...currentWork(), text: before.text, fileName: before.fileName }, 'paste', state.docId).then((kept) => {
    if (kept === 'failed') setNotice('history', { key: 'historyFailed', args: {} });
  });
  setFileName(untitled);
  // Nothing of the pasted text is saved to a file yet.
  state.baseline = '';
  persist();
  toast(() => t('pastedUntitled', { file: untitled, old: before.fileName }));
}

function openBundled(ref: string): Promise<boolean> {
  const r = bundledRuleset(ref);
  if (!r) return Promise.resolve(false);
  return replaceWith({ text: r.text, fileName: `${r.id}-${r.version}.assay` }, 'bundled');
}

/** Switches to the autosaved document `id` (the current one stays in its own slot). */
function openDoc(id: string): void {
  if (id === state.docId) return;
  const d = loadDoc(id);
  if (!d) return;
  flushPersist();
  if (state.paused) resume();
  state.docId = id;
  setCurrentDoc(id);
  applyWorkState(d.work);
  lastReplace = undefined;
  setFileName(d.work.fileName);
  setText(d.work.text, true);
  state.baseline = d.work.text;
  const mark = analysingMark(id);
  if (mark) pause({ kind: 'recovered', file: mark.fileName || d.work.fileName });
  else requestAnalysis(0);
}

async function showHistory(): Promise<void> {
  flushPersist();
  showHistoryDialog(listDocs(), await listHistory(), state.docId, {
    open: openDoc,
    remove: (d) => void removeToHistory(d),
    restore: (e) => void replaceWith(e.work, 'history', true),
  });
}

/** Takes a document out of the list, its work kept in the history first (removing never loses it). */
async function removeToHistory(d: SavedDoc): Promise<void> {
  if ((await remember(d.work, 'document', d.id)) === 'failed') {
    setNotice('history', { key: 'historyFailed', args: {} });
    return;
  }
  removeDoc(d.id);
  await showHistory();
}


// ---------------------------------------------------------------------------------------------
// Language

function applyLang(lang: Lang): void {
  setLang(lang);
  document.documentElement.lang = lang;
  byId<HTMLSelectElement>('lang').value = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset['i18n'] as StringKey | undefined;
    if (key !== undefined) el.textContent = t(key);
  }
  document.title = t('appTitle');
  if (toastWords !== undefined) byId('toast').textContent = toastWords();
  // Monaco reads its own words once, when loaded (boot.ts): another language takes a reload, offered here.
  const monacoLang = document.documentElement.dataset['monacoLang'];
  const reload = (): void => {
    autosave();
    location.reload();
  };
  setNotice('monacoLang', monacoLang === undefined || monacoLang === lang ? undefined : { key: 'monacoReload', args: {}, action: { key: 'reloadNow', run: reload } });
  compareView.renderPickers();
  documentView.renderPicker();
  renderNotices();
  if (state.tab === 'table') {
    tableView.render(true);
    deltaView.render();
  }
  if (state.tab === 'distribution') distributionView.show(true);
}

// ---------------------------------------------------------------------------------------------
// Controls

const TABS = ['preview', 'compare', 'document', 'table', 'distribution'] as const;
/** Marks the chosen tab for assistive technology and the keyboard (set in `wireControls`). */
let selectTab: (index: number) => void = () => undefined;

function setTab(tab: PageState['tab']): void {
  state.tab = tab;
  selectTab(TABS.indexOf(tab));
  for (const name of TABS) {
    byId(`tab-${name}`).classList.toggle('active', tab === name);
    byId(`view-${name}`).hidden = tab !== name;
  }
  tableView.show(tab === 'table');
  deltaView.show(tab === 'table');
  distributionView.show(tab === 'distribution');
  if (tab === 'compare') {
    compareView.layout();
    void compareView.refresh();
  }
  if (tab === 'document') void documentView.refresh();
}

/** Evidence field names of a platform-document schema (former ids left out). */
function evidenceFields(schema: unknown): string[] {
  const props = (schema as { properties?: { evidence?: { properties?: Record<string, { description?: unknown }> } } } | undefined)
    ?.properties?.evidence?.properties;
  if (!props) return [];
  return Object.entries(props)
    .filter(([, v]) => !(typeof v.description === 'string' && v.description.startsWith('former id')))
    .map(([k]) => k);
}

function wireControls(): void {
  const bundled = byId<HTMLSelectElement>('bundled');
  bundled.replaceChildren(h('option', { value: '' }, '—'), ...BUNDLED_RULESETS.map((r) => h('option', { value: r.ref }, r.ref)));
  bundled.addEventListener('change', () => {
    const ref = bundled.value;
    bundled.value = '';
    if (ref) void openBundled(ref);
  });
  const fileInput = byId<HTMLInputElement>('open-file-input');
  byId('open-file').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (!f) return;
    const text = await f.text();
    fileInput.value = '';
    await replaceWith({ text, fileName: f.name }, 'file');
  });
  byId('save-file').addEventListener('click', () => {
    download(state.fileName, mainModel.getValue(), 'text/plain;charset=utf-8');
    state.baseline = mainModel.getValue();
  });
  byId('history-button').addEventListener('click', () => void showHistory());
  byId('guide-button').addEventListener('click', () => void showGuide(getLang()));
  byId('format').addEventListener('click', () => void editor.getAction('editor.action.formatDocument')?.run());
  byId<HTMLSelectElement>('lang').addEventListener('change', (e) => {
    applyLang((e.target as HTMLSelectElement).value as Lang);
    persist();
    requestAnalysis(0);
    evidencePanel.schedule(0);
    if (state.tab === 'document') void documentView.refresh();
    // Paused, no analysis comes to redraw the panels: redraw their words now (results stay as they were).
    if (state.paused) {
      renderAll();
      if (state.latest) renderProblems(state.latest);
    }
  });
  for (const name of TABS) byId(`tab-${name}`).addEventListener('click', () => setTab(name));
  selectTab = tablist(
    TABS.map((name) => byId(`tab-${name}`)),
    TABS.map((name) => byId(`view-${name}`)),
    (i) => setTab(TABS[i] ?? 'preview'),
  );
  selectTab(TABS.indexOf(state.tab));
  // Rows, problems, explanation lines and plan steps: one tab stop each, arrows to move, Enter to act.
  const click = (el: HTMLElement): void => el.click();
  rovingList(byId('platforms-body'), 'tr[data-key]', click, (el) => el.dataset['key'] ?? '', (el) => el.classList.contains('selected'));
  rovingList(byId('problems-list'), 'li', click);
  rovingList(byId('explanation-body'), 'li', click);
  rovingList(byId('plan-body'), 'li.clickable', click);
  // The indicator table's band links (one per indicator): one tab stop, not thirty-five on the way to the explanation.
  rovingList(byId('indicators-body'), 'button.band', click);
  rovingList(byId('evidence-problems'), 'li', click);

  byId('share-button').addEventListener('click', async () => {
    const hash = await encodeShare(currentWork(), BUNDLED_RULESETS);
    const url = `${location.href.replace(/#.*$/, '')}#${hash}`;
    const input = byId<HTMLInputElement>('share-link');
    input.value = url;
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      byId('share-status').textContent = t('shareCopied');
    } catch {
      byId('share-status').textContent = t('shareReady');
    }
  });

  const evLang = byId<HTMLSelectElement>('evidence-lang');
  evLang.addEventListener('change', () => {
    monaco.editor.setModelLanguage(evidenceModel, evLang.value);
    evidencePanel.schedule(0);
  });
  const showEvidence = (doc: unknown): void => {
    evidenceModel.setValue(JSON.stringify(doc, null, 2));
    evLang.value = 'json';
    monaco.editor.setModelLanguage(evidenceModel, 'json');
  };
  byId('evidence-template').addEventListener('click', () => {
    // Every field the ruleset reads, as null (= absent): fill in what you have.
    const fields = evidenceFields(state.lastGood?.schema);
    showEvidence({ platform: 'my_platform', name: '', evidence: Object.fromEntries(fields.map((f) => [f, null])) });
  });
  byId('evidence-copy').addEventListener('click', () => {
    const p = allPlatforms().find((x) => x.key === state.selected) ?? allPlatforms()[0];
    showEvidence({ platform: p ? `${p.platform}_copy` : 'my_platform', name: p?.name ?? '', evidence: p?.evidence ?? {} });
  });
  byId('evidence-add').addEventListener('click', () => {
    evidencePanel.addFromEditor();
  });
  const evInput = byId<HTMLInputElement>('evidence-load-input');
  byId('evidence-load').addEventListener('click', () => evInput.click());
  evInput.addEventListener('change', async () => {
    const files = await Promise.all([...(evInput.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
    evInput.value = '';
    await evidencePanel.load(files);
  });
  byId('evidence-panel').addEventListener('toggle', () => {
    evidenceEditor.layout();
    evidencePanel.schedule(0);
  });

  byId('editor').addEventListener('paste', () => (beforePaste = { text: mainModel.getValue(), fileName: state.fileName }), true);
  editor.onDidPaste((e) => onPaste(e.range));

  let compareTimer: ReturnType<typeof setTimeout> | undefined;
  mainModel.onDidChangeContent((e) => {
    // Undoing a replace brings its file name back too (and redoing it, the new one).
    if (lastReplace && (e.isUndoing || e.isRedoing)) {
      const side = e.isUndoing ? lastReplace.before : lastReplace.after;
      if (mainModel.getValue() === side.text) setFileName(side.fileName);
    }
    if (planTimer !== undefined) clearTimeout(planTimer);
    if (client.cancelPlan()) planAsked = '';
    requestAnalysis();
    persist();
    // (Not while paused: the text that stopped the analysis would stall the comparison's worker too.)
    if (state.tab === 'compare' && compareView.choice.head === 'editor' && !state.paused) {
      if (compareTimer !== undefined) clearTimeout(compareTimer);
      compareTimer = setTimeout(() => void compareView.refresh(), 400);
    }
    if (state.tab === 'document' && !state.paused) {
      if (compareTimer !== undefined) clearTimeout(compareTimer);
      compareTimer = setTimeout(() => void documentView.refresh(), 300);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Start

async function start(): Promise<void> {
  applyLang(preferredLang(navigator.languages));
  wireControls();
  const { latest, previous } = startingPair(BUNDLED_RULESETS);
  compareView.setChoice(previous?.ref ?? latest?.ref ?? '', 'editor');
  let restored = false;
  if (location.hash.length > 1) {
    try {
      const w = await decodeShare(location.hash, MAX_SHARE_BYTES, BUNDLED_RULESETS);
      if (w) {
        // A new document beside the autosaved ones: opening a colleague's link never overwrites your work.
        const kept = listDocs().some((d) => d.work.text.trim() !== '');
        state.docId = newDocId();
        setCurrentDoc(state.docId);
        applyWork(w);
        restored = true;
        toast(() => t(kept ? 'shareBeside' : 'shareRestored'));
        saveDoc(state.docId, currentWork());
      }
    } catch (e) {
      if (e instanceof ShareTooLarge) setNotice('share', { key: 'shareTooLarge', args: { mb: Math.round(MAX_SHARE_BYTES / 2 ** 20) }, bad: true });
      else setNotice('share', { key: 'shareBroken', args: {}, bad: true });
    }
    history.replaceState(null, '', location.href.replace(/#.*$/, ''));
  }
  if (!restored) {
    state.docId = currentDoc();
    const local = loadDoc(state.docId)?.work;
    if (local && local.text.trim() !== '') {
      applyWork(local);
      // The last analysis of this text never answered: show it, but analyse only when asked.
      const mark = analysingMark(state.docId);
      if (mark) pause({ kind: 'recovered', file: mark.fileName || local.fileName });
      else toast(() => t('restored'));
    } else if (latest) {
      setFileName(`${latest.id}-${latest.version}.assay`);
      setText(latest.text, false);
      state.baseline = latest.text;
      editor.setPosition({ lineNumber: 1, column: 1 });
    }
  }
  byId('evidence-copy').click();
  requestAnalysis(0);
}

// Closing the tab during an ordinary analysis is no sign of a poisonous text; one running for seconds is.
addEventListener('pagehide', () => {
  flushPersist();
  if (marked && performance.now() - marked.at < 2000) settleMark();
});

declare global {
  interface Window {
    /** Handles for the end-to-end tests and for curious users in the console. */
    assayPlayground?: {
      monaco: typeof monaco;
      editor: typeof editor;
      evidenceEditor: typeof evidenceEditor;
      requestedWorkers: readonly string[];
      state: PageState;
      compareView: CompareView;
      documentView: DocumentView;
      /** How many entries the document history holds (for tests). */
      historySize(): Promise<number>;
    };
  }
}
window.assayPlayground = { monaco, editor, evidenceEditor, requestedWorkers, state, compareView, documentView, historySize: async () => (await listHistory()).length };

void start();
