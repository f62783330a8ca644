// The ruleset registry: resolves `id@version`, `id@latest` (newest published) and `id@latest-draft`.
// In: the registry's entries (identity and path of every `rulesets/<id>/<version>.assay`). Out: the entry a
// reference names, or a typed failure listing the versions that exist. Pure: callers list the files.

import type { RulesetIdentity } from './evaluate/result';

export interface RegistryEntry {
  readonly identity: RulesetIdentity;
  readonly path: string;
}

export type Resolution =
  | { readonly ok: true; readonly entry: RegistryEntry }
  | { readonly ok: false; readonly reason: 'unknown-id'; readonly id: string; readonly known: readonly string[] }
  | {
      readonly ok: false;
      readonly reason: 'unknown-version' | 'no-published' | 'no-draft';
      readonly id: string;
      readonly versions: readonly string[];
    };

/** True when `text` looks like a registry reference rather than a path (`csp-assessment@1.0`). */
export function isReference(text: string): boolean {
  return /^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+$/.test(text) && !text.endsWith('.assay');
}

/** Compares dotted versions numerically where both parts are numbers (`0.10` > `0.9`), else as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}

/** Entries sorted by id, then version ascending. */
export function sortEntries(entries: readonly RegistryEntry[]): RegistryEntry[] {
  return [...entries].sort(
    (a, b) => a.identity.id.localeCompare(b.identity.id) || compareVersions(a.identity.version, b.identity.version),
  );
}

const DRAFT_STATUSES = new Set(['draft', 'for-comment']);

export function resolveReference(ref: string, entries: readonly RegistryEntry[]): Resolution {
  const at = ref.lastIndexOf('@');
  const id = ref.slice(0, at);
  const version = ref.slice(at + 1);
  const mine = sortEntries(entries.filter((e) => e.identity.id === id));
  if (mine.length === 0) {
    return { ok: false, reason: 'unknown-id', id, known: [...new Set(entries.map((e) => e.identity.id))].sort() };
  }
  const versions = mine.map((e) => `${e.identity.version} (${e.identity.status})`);
  let pick: RegistryEntry | undefined;
  if (version === 'latest') {
    pick = mine.filter((e) => e.identity.status === 'published').at(-1);
    if (!pick) return { ok: false, reason: 'no-published', id, versions };
  } else if (version === 'latest-draft') {
    pick = mine.filter((e) => DRAFT_STATUSES.has(e.identity.status)).at(-1);
    if (!pick) return { ok: false, reason: 'no-draft', id, versions };
  } else {
    pick = mine.find((e) => e.identity.version === version);
    if (!pick) return { ok: false, reason: 'unknown-version', id, versions };
  }
  return { ok: true, entry: pick };
}
