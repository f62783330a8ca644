// The entries of a semantic diff: what changed between two rulesets, as a standards editor names it.
// In: nothing (types, small constructors and the JSON view). Out: `DiffEntry`, its kinds, `toDiffJson`.
//
// An entry is a change of the standard (never of its metadata: version, status, date and title are the
// diff's `header`). Grouped entries (`dimension-weights`, `vetoes-added`, `levels-changed`, a veto change
// with its evidence's method change) list their atomic changes in `parts`. Every entry carries the patch
// that applies it alone to the old ruleset (`apply.ts`); the patch is not part of the JSON view.

import type { Lang } from '../../../dsl/ast';
import type { PatchOp } from './patch';

/** What an entry is about. */
export type Subject = 'ruleset' | 'dimension' | 'indicator' | 'input' | 'derived' | 'method' | 'veto' | 'prerequisite' | 'level';

export type DiffKind =
  // ruleset
  | 'total-changed'
  | 'total-formula-added'
  | 'total-formula-removed'
  | 'total-formula-changed'
  | 'evidence-required-changed'
  | 'precision-changed'
  // dimensions
  | 'dimension-weights'
  | 'dimension-weight'
  | 'dimension-added'
  | 'dimension-removed'
  // indicators
  | 'indicator-added'
  | 'indicator-removed'
  | 'indicator-renamed'
  | 'indicator-moved'
  | 'weight-changed'
  | 'label-changed'
  | 'unit-changed'
  | 'direction-changed'
  | 'methods-changed'
  | 'basis-changed'
  | 'applicability-changed'
  | 'type-changed'
  | 'formerly-changed'
  | 'required-changed'
  | 'band-edge-moved'
  | 'band-added'
  | 'band-removed'
  | 'band-points-changed'
  | 'bands-changed'
  | 'mapping-changed'
  | 'formula-changed'
  | 'scoring-changed'
  // facts and methods
  | 'input-added'
  | 'input-removed'
  | 'input-changed'
  | 'derived-added'
  | 'derived-removed'
  | 'derived-changed'
  | 'method-added'
  | 'method-removed'
  | 'method-changed'
  // vetoes
  | 'veto-changed'
  | 'veto-condition'
  | 'vetoes-added'
  | 'vetoes-removed'
  | 'veto-added'
  | 'veto-removed'
  // levels and prerequisites (one group: they decide who is rated and at which level)
  | 'levels-changed'
  | 'level-requires'
  | 'level-added'
  | 'level-removed'
  | 'levels-cumulative'
  | 'fallback-changed'
  | 'prerequisite-requires'
  | 'prerequisite-added'
  | 'prerequisite-removed';

/** A JSON value describing one side of a change. */
export type DiffValue = null | string | number | boolean | readonly DiffValue[] | { readonly [k: string]: DiffValue };

/** One end of an input interval; absent means unbounded. */
export interface RegionEnd {
  /** Exact decimal text (`1.4`), or a fraction when not a finite decimal. */
  readonly value: string;
  readonly inclusive: boolean;
}

/** An interval of the indicator's own value over which its points change. */
export interface BandRegion {
  readonly from?: RegionEnd;
  readonly to?: RegionEnd;
  /** Points under the old and new bands (null: no band matches). */
  readonly before: string | null;
  readonly after: string | null;
  /** `(1.4, 1.5]`, `[1000, 2000)`, `>= 2000`, `= 5`. */
  readonly text: string;
}

export type Labels = Readonly<Partial<Record<Lang, string>>>;

export interface DiffEntry {
  readonly kind: DiffKind;
  readonly subject: Subject;
  /** The id the entry concerns (the new id for renames; ids joined by `, ` for groups). */
  readonly target: string;
  /** Every id the entry concerns. */
  readonly targets: readonly string[];
  /** The dimension of an indicator (the new one when moved). */
  readonly dimension?: string;
  /** The target's label (new side, or old side when removed). */
  readonly label?: Labels;
  readonly before: DiffValue;
  readonly after: DiffValue;
  /** Band changes: the input regions whose points change, computed exactly over the declared domain. */
  readonly region?: readonly BandRegion[];
  /** For grouped entries: the atomic changes. */
  readonly parts?: readonly DiffEntry[];
  /** How to apply this change alone to the old ruleset. */
  readonly patch: readonly PatchOp[];
}

/** The diff's metadata part: changes of id, version, status, date and title (not changes of the standard). */
export interface DiffHeader {
  readonly before: { readonly id: string; readonly version: string; readonly status: string; readonly date: string | null; readonly title: Labels };
  readonly after: { readonly id: string; readonly version: string; readonly status: string; readonly date: string | null; readonly title: Labels };
  /** Names of the fields that differ (`version`, `status`, `date`, `title`, `id`). */
  readonly changed: readonly string[];
  readonly hashBefore?: string;
  readonly hashAfter?: string;
}

export interface Diff {
  readonly header: DiffHeader;
  readonly entries: readonly DiffEntry[];
}

/** The JSON view of an entry (no patch). */
export interface DiffEntryJson {
  kind: DiffKind;
  subject: Subject;
  target: string;
  targets: string[];
  dimension?: string;
  label?: Labels;
  before: DiffValue;
  after: DiffValue;
  region?: BandRegion[];
  parts?: DiffEntryJson[];
}

export function toDiffJson(e: DiffEntry): DiffEntryJson {
  return {
    kind: e.kind,
    subject: e.subject,
    target: e.target,
    targets: [...e.targets],
    ...(e.dimension !== undefined ? { dimension: e.dimension } : {}),
    ...(e.label !== undefined ? { label: e.label } : {}),
    before: e.before,
    after: e.after,
    ...(e.region !== undefined ? { region: [...e.region] } : {}),
    ...(e.parts !== undefined ? { parts: e.parts.map(toDiffJson) } : {}),
  };
}

/** Builds an entry; `targets` defaults to `[target]`. */
export function entry(
  e: Omit<DiffEntry, 'targets'> & { readonly targets?: readonly string[] },
): DiffEntry {
  return { ...e, targets: e.targets ?? [e.target] };
}

/** A group of atomic entries: the patch is theirs, in order. */
export function group(
  kind: DiffKind,
  subject: Subject,
  parts: readonly DiffEntry[],
  before: DiffValue,
  after: DiffValue,
): DiffEntry {
  const targets = [...new Set(parts.flatMap((p) => p.targets))];
  return {
    kind,
    subject,
    target: targets.join(', '),
    targets,
    before,
    after,
    parts,
    patch: parts.flatMap((p) => p.patch),
  };
}
