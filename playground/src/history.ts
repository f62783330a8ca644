// The local history of documents (IndexedDB): the text each replace took out of the editor.
// In: work that was replaced and why. Out: the entries, newest first; without IndexedDB it is empty, never an error.

import { readWork, type Work } from './share';

const DB_NAME = 'assay-playground';
const STORE = 'history';
/** Entries kept; the oldest go first. */
const KEEP = 100;

/** What replaced the text an entry holds. */
export type ReplacedBy = 'bundled' | 'file' | 'share' | 'history' | 'document' | 'paste';

export interface HistoryEntry {
  readonly id: number;
  /** When it was replaced (ms since the epoch). */
  readonly at: number;
  readonly reason: ReplacedBy;
  /** The document it belonged to. */
  readonly doc: string;
  readonly work: Work;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('indexedDB request failed'));
  });
}

let opened: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('indexedDB unavailable'));
  });
  return opened;
}

function isReason(x: unknown): x is ReplacedBy {
  return x === 'bundled' || x === 'file' || x === 'share' || x === 'history' || x === 'document' || x === 'paste';
}

function readEntry(x: unknown): HistoryEntry | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const e = x as Record<string, unknown>;
  const work = readWork(e['work']);
  const { id, at, reason, doc } = e;
  if (!work || typeof id !== 'number' || typeof at !== 'number' || !isReason(reason) || typeof doc !== 'string') return undefined;
  return { id, at, reason, doc, work };
}

/**
 * Keeps `work` unless its text is empty or the same as the newest entry's (`skipped`); resolves when it is
 * stored (`kept`), or with `failed` when the browser has no IndexedDB for this page.
 */
export async function remember(work: Work, reason: ReplacedBy, doc: string): Promise<'kept' | 'skipped' | 'failed'> {
  if (work.text.trim() === '') return 'skipped';
  try {
    const newest = (await listHistory())[0];
    if (newest && newest.work.text === work.text) return 'skipped';
    const d = await db();
    const tx = d.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    await request(store.add({ at: Date.now(), reason, doc, work: JSON.parse(JSON.stringify(work)) as unknown }));
    const keys = await request(store.getAllKeys());
    for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) store.delete(k);
    return 'kept';
  } catch {
    return 'failed';
  }
}

/** Every entry, newest first. */
export async function listHistory(): Promise<HistoryEntry[]> {
  try {
    const d = await db();
    const all = await request(d.transaction(STORE, 'readonly').objectStore(STORE).getAll());
    return all.flatMap((x) => readEntry(x) ?? []).sort((a, b) => b.id - a.id);
  } catch {
    return [];
  }
}
