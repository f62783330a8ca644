// The playground page: wires Monaco, the analysis worker, the preview and compare views, files,
// local persistence and share links. In: the DOM of index.html. Out: a running workbench; state lives
// here and flows one way (edit → worker → render).

import type { Lang } from '../../dsl/ast';
import { registerAssayLanguage, LANGUAGE_ID, THEME } from './assay-language';
import { BUNDLED_RULESETS, bundledRuleset, readEvidence, samplesFor } from './bundled';
import { AssayClient } from './client';
import { CompareView } from './compare-view';
import { byId, h } from './dom';
import { getLang, preferredLang, setLang, t, type StringKey } from './i18n';
import { languageState, registerLanguageFeatures, setMarkers } from './language-features';
import { jsonDefaults, monaco, requestedWorkers } from './monaco-setup';
import { renderPlan, renderPreview } from './preview';
import type { Analysis, PlanResult, PlatformInput, SpanOut } from './protocol';
import { decodeShare, encodeShare, loadLocal, saveLocal, type Work } from './share';
import './styles.css';

// Short: the worker coalesces bursts (newest wins), so a small pause is enough to stay under 200 ms.
const ANALYZE_DEBOUNCE_MS = 50;

// ---------------------------------------------------------------------------------------------
// State

interface PageState {
  fileName: string;
  userPlatforms: PlatformInput[];
  selected: string | undefined;
  lastGood: Analysis | undefined;
  /** The text and language `lastGood` was computed from. */
  lastGoodText: string | undefined;
  lastGoodLang: Lang | undefined;
  latest: Analysis | undefined;
  stale: boolean;
  roundTripMs: number | undefined;
  tab: 'preview' | 'compare';
  nextUserId: number;
  workerError: string | undefined;
  plan: PlanResult | undefined;
  planComputing: boolean;
}

const state: PageState = {
  fileName: 'untitled.assay',
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
  planComputing: false,
};

/** Most engine assessments one plan search may make (the engine's default, 40 000, takes seconds). */
const PLAN_BUDGET = 5000;
const PLAN_DEBOUNCE_MS = 400;

function toast(text: string): void {
  const el = byId('toast');
  el.textContent = text;
  el.classList.add('show');
  setTimeout(() => el.classList.remove('show'), 2500);
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

const client = new AssayClient(onAnalysis, (message) => {
  state.workerError = message;
  toast(t('workerFailed', { message }));
  renderAll();
});
registerLanguageFeatures(monaco, client);

const compareView = new CompareView({
  monaco,
  client,
  mainModel,
  platforms: () => allPlatforms(),
  lang: () => getLang(),
  onChoice: () => persist(),
});

// ---------------------------------------------------------------------------------------------
// Platforms

function rulesetIdOf(text: string): string | undefined {
  return /ruleset\s+"([^"\\]+)"/.exec(text)?.[1];
}

function allPlatforms(): PlatformInput[] {
  return [...samplesFor(rulesetIdOf(mainModel.getValue())), ...state.userPlatforms];
}

function addUserPlatform(text: string, fallbackName: string): boolean {
  const key = `user:${state.nextUserId++}`;
  try {
    const p = readEvidence(text, key, 'user', fallbackName);
    state.userPlatforms.push(p);
    state.selected = key;
    toast(t('evidenceAdded', { platform: p.platform }));
    persist();
    requestAnalysis(0);
    return true;
  } catch (e) {
    toast(t('evidenceBad', { message: e instanceof Error ? e.message : String(e) }));
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Analysis

const sentVersion = new Map<number, number>();
let analyzeTimer: ReturnType<typeof setTimeout> | undefined;

function requestAnalysis(delay = ANALYZE_DEBOUNCE_MS): void {
  if (analyzeTimer !== undefined) clearTimeout(analyzeTimer);
  analyzeTimer = setTimeout(() => {
    analyzeTimer = undefined;
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
/** Text and language of each analysis request, until its answer (or a newer one) arrives. */
const sentText = new Map<number, { text: string; lang: Lang }>();

function onAnalysis(a: Analysis, roundTripMs: number): void {
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
  } else if (a.symbols.length > 0) {
    languageState.symbols = a.symbols;
  }
  const sent = sentText.get(a.seq);
  for (const k of [...sentText.keys()]) if (k <= a.seq) sentText.delete(k);
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
    renderPlan(state.plan, false, { reveal: revealSpan }, true);
  }
  if (a.schema !== undefined) {
    const s = JSON.stringify(a.schema);
    if (s !== lastSchema) {
      lastSchema = s;
      jsonDefaults.setDiagnosticsOptions({
        validate: true,
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
}

// ---------------------------------------------------------------------------------------------
// Improvement plans (a slow search: its own worker, restarted when superseded)

let planTimer: ReturnType<typeof setTimeout> | undefined;
let planAsked = '';

function schedulePlan(): void {
  const key = state.selected;
  const p = allPlatforms().find((x) => x.key === key);
  if (key === undefined || !p) return;
  const text = mainModel.getValue();
  const ask = `${getLang()}\u0000${key}\u0000${JSON.stringify(p.evidence)}\u0000${text}`;
  if (ask === planAsked) return;
  if (state.plan && state.plan.key !== key) state.plan = undefined;
  state.planComputing = true;
  renderPlan(state.plan, true, { reveal: revealSpan });
  if (planTimer !== undefined) clearTimeout(planTimer);
  planTimer = setTimeout(() => {
    planAsked = ask;
    client.plan({ text, lang: getLang(), platform: p, budget: PLAN_BUDGET }).then(
      (plan) => {
        if (plan.key !== state.selected) return;
        state.plan = plan;
        state.planComputing = false;
        renderPlan(state.plan, false, { reveal: revealSpan }, state.stale);
      },
      (e: unknown) => {
        if (e instanceof Error && e.message === 'superseded') return;
        planAsked = '';
        state.planComputing = false;
        renderPlan(state.plan, false, { reveal: revealSpan }, state.stale);
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
  };
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
  if (persistTimer !== undefined) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => saveLocal(currentWork()), 300);
}

function applyWork(w: Work): void {
  state.fileName = w.fileName;
  state.userPlatforms = w.platforms.map((p) => ({ ...p }));
  state.nextUserId = state.userPlatforms.length + 1 + Math.max(0, ...state.userPlatforms.map((p) => Number(/^user:(\d+)$/.exec(p.key)?.[1] ?? 0)));
  state.selected = undefined;
  compareView.setChoice(w.compareBase, w.compareHead);
  if (w.lang) applyLang(w.lang);
  mainModel.setValue(w.text);
  byId('file-name').textContent = state.fileName;
}

function openBundled(ref: string): void {
  const r = bundledRuleset(ref);
  if (!r) return;
  state.fileName = `${r.id}-${r.version}.assay`;
  byId('file-name').textContent = state.fileName;
  mainModel.setValue(r.text);
  editor.setPosition({ lineNumber: 1, column: 1 });
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
  compareView.renderPickers();
}

// ---------------------------------------------------------------------------------------------
// Controls

function setTab(tab: PageState['tab']): void {
  state.tab = tab;
  byId('tab-preview').classList.toggle('active', tab === 'preview');
  byId('tab-compare').classList.toggle('active', tab === 'compare');
  byId('view-preview').hidden = tab !== 'preview';
  byId('view-compare').hidden = tab !== 'compare';
  if (tab === 'compare') {
    compareView.layout();
    void compareView.refresh();
  }
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

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wireControls(): void {
  const bundled = byId<HTMLSelectElement>('bundled');
  bundled.replaceChildren(h('option', { value: '' }, '—'), ...BUNDLED_RULESETS.map((r) => h('option', { value: r.ref }, r.ref)));
  bundled.addEventListener('change', () => {
    if (bundled.value) openBundled(bundled.value);
    bundled.value = '';
  });
  const fileInput = byId<HTMLInputElement>('open-file-input');
  byId('open-file').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (!f) return;
    state.fileName = f.name;
    byId('file-name').textContent = f.name;
    mainModel.setValue(await f.text());
    fileInput.value = '';
  });
  byId('save-file').addEventListener('click', () => download(state.fileName, mainModel.getValue()));
  byId('format').addEventListener('click', () => void editor.getAction('editor.action.formatDocument')?.run());
  byId<HTMLSelectElement>('lang').addEventListener('change', (e) => {
    applyLang((e.target as HTMLSelectElement).value as Lang);
    persist();
    requestAnalysis(0);
  });
  byId('tab-preview').addEventListener('click', () => setTab('preview'));
  byId('tab-compare').addEventListener('click', () => setTab('compare'));

  byId('share-button').addEventListener('click', async () => {
    const hash = await encodeShare(currentWork());
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
  evLang.addEventListener('change', () => monaco.editor.setModelLanguage(evidenceModel, evLang.value));
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
    addUserPlatform(evidenceModel.getValue(), 'my_platform');
  });
  const evInput = byId<HTMLInputElement>('evidence-load-input');
  byId('evidence-load').addEventListener('click', () => evInput.click());
  evInput.addEventListener('change', async () => {
    for (const f of evInput.files ?? []) addUserPlatform(await f.text(), f.name.replace(/\.[^.]+$/, ''));
    evInput.value = '';
  });
  byId('evidence-panel').addEventListener('toggle', () => evidenceEditor.layout());

  let compareTimer: ReturnType<typeof setTimeout> | undefined;
  mainModel.onDidChangeContent(() => {
    if (planTimer !== undefined) clearTimeout(planTimer);
    if (client.cancelPlan()) planAsked = '';
    requestAnalysis();
    persist();
    if (state.tab === 'compare' && compareView.choice.head === 'editor') {
      if (compareTimer !== undefined) clearTimeout(compareTimer);
      compareTimer = setTimeout(() => void compareView.refresh(), 400);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Start

async function start(): Promise<void> {
  applyLang(preferredLang(navigator.languages));
  wireControls();
  const latest = BUNDLED_RULESETS[BUNDLED_RULESETS.length - 1];
  const previous = BUNDLED_RULESETS[BUNDLED_RULESETS.length - 2];
  compareView.setChoice(previous?.ref ?? latest?.ref ?? '', 'editor');
  let restored = false;
  if (location.hash.length > 1) {
    try {
      const w = await decodeShare(location.hash);
      if (w) {
        applyWork(w);
        restored = true;
        toast(t('shareRestored'));
        history.replaceState(null, '', location.href.replace(/#.*$/, ''));
        saveLocal(currentWork());
      }
    } catch {
      toast(t('shareBroken'));
    }
  }
  if (!restored) {
    const local = loadLocal();
    if (local && local.text.trim() !== '') {
      applyWork(local);
      toast(t('restored'));
    } else if (latest) {
      openBundled(latest.ref);
    }
  }
  byId('evidence-copy').click();
  requestAnalysis(0);
}

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
    };
  }
}
window.assayPlayground = { monaco, editor, evidenceEditor, requestedWorkers, state, compareView };

void start();
