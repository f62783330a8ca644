// The playground's autosaves in localStorage: one slot per document (the first one, `main`, in the slot of
// earlier builds), the document last open, and a mark while a document's text is being analysed. In: work and
// document ids. Out: the saved work and marks, read back; bad or missing entries give `undefined`.

import { readWork, type Work } from './share';

const PREFIX = 'assay-playground:';
/** The slot of `main`: the one slot earlier builds had (kept so their autosave opens). */
const MAIN_KEY = `${PREFIX}v1`;
const DOC_PREFIX = `${PREFIX}doc:`;
const CURRENT_KEY = `${PREFIX}current`;
const ANALYSING_PREFIX = `${PREFIX}analysing:`;

export const MAIN_DOC = 'main';

export interface SavedDoc {
  readonly id: string;
  readonly work: Work;
  /** When it was last saved (ms since the epoch; 0 when unknown). */
  readonly savedAt: number;
}

/** Why a document is opened paused: its last analysis did not finish. */
export interface AnalysingMark {
  /** When the analysis was asked for (ms since the epoch). */
  readonly since: number;
  readonly fileName: string;
  /** Set when the watchdog stopped it (rather than the tab closing or dying while it ran). */
  readonly stopped: boolean;
}

function slotKey(id: string): string {
  return id === MAIN_DOC ? MAIN_KEY : `${DOC_PREFIX}${id}`;
}

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** False when storage is full or disabled (private mode): the caller says so, the work stays in the page. */
function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was written either.
  }
}

/** Autosaves `work` as document `id`; false when the browser refused (storage full or disabled). */
export function saveDoc(id: string, work: Work): boolean {
  return write(slotKey(id), { ...work, savedAt: Date.now() });
}

/** Takes document `id` out of the list (the caller keeps its work in the history first). */
export function removeDoc(id: string): void {
  remove(slotKey(id));
  clearAnalysing(id);
}

export function loadDoc(id: string): SavedDoc | undefined {
  const raw = read(slotKey(id));
  const work = readWork(raw);
  if (!work) return undefined;
  const savedAt = (raw as { savedAt?: unknown }).savedAt;
  return { id, work, savedAt: typeof savedAt === 'number' ? savedAt : 0 };
}

/** Every autosaved document, newest first. */
export function listDocs(): SavedDoc[] {
  const ids: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key === MAIN_KEY) ids.push(MAIN_DOC);
      else if (key?.startsWith(DOC_PREFIX)) ids.push(key.slice(DOC_PREFIX.length));
    }
  } catch {
    return [];
  }
  return ids.flatMap((id) => loadDoc(id) ?? []).sort((a, b) => b.savedAt - a.savedAt);
}

/** The document a fresh tab opens (the one last open). */
export function currentDoc(): string {
  const id = read(CURRENT_KEY);
  return typeof id === 'string' && id !== '' ? id : MAIN_DOC;
}

export function setCurrentDoc(id: string): void {
  void write(CURRENT_KEY, id);
}

/** A new document id, unlike any saved one. */
export function newDocId(): string {
  return `d${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export function markAnalysing(id: string, mark: AnalysingMark): void {
  void write(`${ANALYSING_PREFIX}${id}`, mark);
}

export function clearAnalysing(id: string): void {
  remove(`${ANALYSING_PREFIX}${id}`);
}

/** The mark left by an analysis of document `id` that never answered, if any. */
export function analysingMark(id: string): AnalysingMark | undefined {
  const m = read(`${ANALYSING_PREFIX}${id}`) as Partial<AnalysingMark> | undefined;
  if (typeof m !== 'object' || m === null || typeof m.since !== 'number') return undefined;
  return { since: m.since, fileName: typeof m.fileName === 'string' ? m.fileName : '', stopped: m.stopped === true };
}
