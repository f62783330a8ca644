// Impact of a revision on a corpus: who moves from which outcome or level to which, and which changes of
// the semantic diff caused it. In: the old and new compiled rulesets and platforms' evidence.
// Out: an `Impact` — migration matrix, changed platforms with before/after and computed causes.
//
// Attribution is computed (README.md § "Impact attribution"): every diff entry is applied alone to the old
// ruleset (its patch), the variant is compiled without the static checks (a change alone may leave weights
// not adding up; the score formulas are still defined) and the platform re-assessed. The causes are the
// entries that alone give the platform its new standing; when none does, those that alone move it the same
// way (up or down the ladder). Entries that alone move it the other way are `counter`. When no entry alone
// moves it, the pairs that do are reported (`interaction: true`); failing that, all entries together.

import type { Ruleset } from '../dsl/ast';
import { printRuleset } from '../dsl/printer';
import { compileRuleset, type CompiledRuleset } from './compile';
import { applyEntries, diffAsts, toDiffJson, type DiffEntry, type DiffEntryJson, type DiffHeader } from './diff/index';
import type { PlatformInput } from './evaluate';
import type { Rational } from './rational';
import type { Assessment, Outcome } from './result';

export interface Snapshot {
  readonly outcome: Outcome;
  readonly level: string | null;
  readonly total: Rational;
  readonly dimensions: readonly { readonly id: string; readonly score: Rational }[];
  readonly vetoes: readonly string[];
  readonly prerequisitesFailed: readonly string[];
}

export interface ChangedPlatform {
  readonly platform: string;
  readonly name?: string;
  readonly before: Snapshot;
  readonly after: Snapshot;
  /** The diff entries that caused the change: single entries, or the entries of the minimal combinations. */
  readonly causes: readonly DiffEntry[];
  /** Their indexes into `Impact.entries`. */
  readonly causeIds: readonly number[];
  /** When no entry alone moves the platform: the minimal combinations that do (pairs, else everything). */
  readonly combinations: readonly (readonly number[])[];
  readonly interaction: boolean;
  /** Entries that alone move the platform the same way but not as far (or further), when others reach it exactly. */
  readonly contributing: readonly number[];
  /** Entries that alone move the platform the other way. */
  readonly counter: readonly number[];
  /** What each cause or counter-entry alone gives (outcome or level). */
  readonly alone: ReadonlyMap<number, string>;
}

export interface Impact {
  readonly header: DiffHeader;
  readonly entries: readonly DiffEntry[];
  /** Every (from, to) pair met, with counts; `from`/`to` is the level when graded, else the outcome. */
  readonly matrix: readonly { readonly from: string; readonly to: string; readonly count: number }[];
  readonly changed: readonly ChangedPlatform[];
  readonly platforms: number;
  /** For each entry: how many changed platforms it is a cause of. */
  readonly byEntry: readonly number[];
  /** Entries (or pairs) whose variant of the old ruleset did not compile: not attributable (never silent). */
  readonly uncompiled: readonly (readonly number[])[];
}

/** Where a platform stands: its level when graded, else its outcome. */
export function standing(a: { readonly outcome: Outcome; readonly level: string | null }): string {
  return a.outcome === 'graded' && a.level !== null ? a.level : a.outcome;
}

function snapshot(a: Assessment): Snapshot {
  return {
    outcome: a.outcome,
    level: a.level,
    total: a.total,
    dimensions: a.dimensions.map((d) => ({ id: d.id, score: d.score })),
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    prerequisitesFailed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
  };
}

/** Rank on the ladder: graded levels by height (fallback 0), every other outcome below them. */
function ranker(r: CompiledRuleset): (s: string) => number {
  const ladder = r.model.ladder;
  const ids = [...(ladder?.levels.map((l) => l.id) ?? [])].reverse();
  return (s) => {
    if (ladder?.fallback && s === ladder.fallback.id) return 0;
    const i = ids.indexOf(s);
    return i >= 0 ? i + 1 : -1;
  };
}

/** Compiles a variant AST for attribution (static checks off); undefined when it does not compile. */
export function compileVariant(ast: Ruleset): CompiledRuleset | undefined {
  return compileRuleset(printRuleset(ast), { checks: false }).ruleset;
}

export interface ImpactOptions {
  /** Largest number of entries for which pairs are tried (pairs grow quadratically). Default 40. */
  readonly maxPairEntries?: number;
  /** Called after each platform with the number done (a front end's progress bar). */
  readonly onProgress?: (done: number) => void;
}

export function impact(a: CompiledRuleset, b: CompiledRuleset, platforms: readonly PlatformInput[], opts: ImpactOptions = {}): Impact {
  const diff = diffAsts(a.ast, b.ast);
  const entries = diff.entries;
  const variants = new Map<string, CompiledRuleset | undefined>();
  const variant = (ids: readonly number[]): CompiledRuleset | undefined => {
    const key = ids.join(',');
    if (!variants.has(key)) {
      const chosen = ids.map((i) => entries[i]).filter((e): e is DiffEntry => e !== undefined);
      variants.set(key, compileVariant(applyEntries(a.ast, chosen, entries)));
    }
    return variants.get(key);
  };
  const rankA = ranker(a);
  const rankB = ranker(b);
  const matrix = new Map<string, { from: string; to: string; count: number }>();
  const changed: ChangedPlatform[] = [];
  const byEntry = entries.map(() => 0);

  let done = 0;
  for (const p of platforms) {
    opts.onProgress?.(done++);
    const ra = a.assess(p);
    const rb = b.assess(p);
    const from = standing(ra);
    const to = standing(rb);
    const mkey = `${from}\u0000${to}`;
    const cell = matrix.get(mkey) ?? { from, to, count: 0 };
    cell.count++;
    matrix.set(mkey, cell);
    if (from === to && ra.outcome === rb.outcome) continue;

    const direction = Math.sign(rankB(to) - rankA(from));
    /** What a variant does to the platform: reaches the new standing, moves it partway, the other way, or not. */
    const effect = (ids: readonly number[]): { kind: 'exact' | 'toward' | 'counter' | 'none'; s: string } => {
      const v = variant(ids);
      if (!v) return { kind: 'none', s: from };
      const s = standing(v.assess(p));
      if (s === from) return { kind: 'none', s };
      if (s === to) return { kind: 'exact', s };
      const d = Math.sign(rankB(s) - rankA(from));
      return { kind: direction === 0 || d === 0 || d === direction ? 'toward' : 'counter', s };
    };
    const exact: number[] = [];
    const toward: number[] = [];
    const counter: number[] = [];
    const alone = new Map<number, string>();
    entries.forEach((_, i) => {
      const f = effect([i]);
      if (f.kind === 'none') return;
      alone.set(i, f.s);
      (f.kind === 'exact' ? exact : f.kind === 'toward' ? toward : counter).push(i);
    });
    // Causes: the entries that alone give the new standing; failing that, those that alone move it that way.
    const causes = exact.length > 0 ? exact : toward;
    const contributing = exact.length > 0 ? toward : [];
    let combinations: number[][] = [];
    if (causes.length === 0) {
      const pairs: { ids: number[]; exact: boolean }[] = [];
      if (entries.length <= (opts.maxPairEntries ?? 40)) {
        for (let i = 0; i < entries.length; i++) {
          for (let j = i + 1; j < entries.length; j++) {
            const f = effect([i, j]);
            if (f.kind === 'exact' || f.kind === 'toward') pairs.push({ ids: [i, j], exact: f.kind === 'exact' });
          }
        }
      }
      const best = pairs.some((x) => x.exact) ? pairs.filter((x) => x.exact) : pairs;
      combinations = best.map((x) => x.ids);
      if (combinations.length === 0) combinations = [entries.map((_, i) => i)];
    }
    const all = causes.length > 0 ? causes : [...new Set(combinations.flat())].sort((x, y) => x - y);
    for (const i of all) byEntry[i] = (byEntry[i] ?? 0) + 1;
    changed.push({
      platform: ra.platform,
      ...(ra.name !== undefined ? { name: ra.name } : {}),
      before: snapshot(ra),
      after: snapshot(rb),
      causes: all.flatMap((i) => (entries[i] ? [entries[i]] : [])),
      causeIds: all,
      combinations,
      interaction: causes.length === 0,
      contributing,
      counter,
      alone,
    });
  }
  const uncompiled = [...variants.entries()].filter(([, v]) => v === undefined).map(([k]) => k.split(',').map(Number));
  opts.onProgress?.(done);
  return { header: diff.header, entries, matrix: [...matrix.values()], changed, platforms: platforms.length, byEntry, uncompiled };
}

// ---------------------------------------------------------------------------------------------
// JSON view

export interface SnapshotJson {
  outcome: Outcome;
  level: string | null;
  total: number;
  dimensions: Record<string, number>;
  vetoes: string[];
  prerequisitesFailed: string[];
}

export interface ImpactJson {
  header: DiffHeader;
  platforms: number;
  matrix: { from: string; to: string; count: number }[];
  changed: {
    platform: string;
    name?: string;
    before: SnapshotJson;
    after: SnapshotJson;
    causes: (DiffEntryJson & { entry: number; alone?: string })[];
    interaction: boolean;
    combinations: number[][];
    contributing: { entry: number; kind: string; target: string; alone?: string }[];
    counter: { entry: number; kind: string; target: string; alone?: string }[];
  }[];
  entries: (DiffEntryJson & { entry: number; platformsMoved: number })[];
  /** Entry numbers (or pairs) that could not be applied alone; their attribution is unknown. */
  uncompiled: number[][];
}

function snapshotJson(s: Snapshot): SnapshotJson {
  const dimensions: Record<string, number> = {};
  for (const d of s.dimensions) dimensions[d.id] = d.score.toJSONNumber();
  return {
    outcome: s.outcome,
    level: s.level,
    total: s.total.toJSONNumber(),
    dimensions,
    vetoes: [...s.vetoes],
    prerequisitesFailed: [...s.prerequisitesFailed],
  };
}

/** The JSON shape of `assay impact --format json`. Entries are numbered from 1, as in the diff's listing. */
export function toImpactJson(im: Impact): ImpactJson {
  const ent = (i: number): DiffEntry | undefined => im.entries[i];
  return {
    header: im.header,
    platforms: im.platforms,
    matrix: im.matrix.map((m) => ({ ...m })),
    changed: im.changed.map((c) => {
      const brief = (i: number) => {
        const e = ent(i);
        const alone = c.alone.get(i);
        return e ? [{ entry: i + 1, kind: e.kind, target: e.target, ...(alone !== undefined ? { alone } : {}) }] : [];
      };
      return {
        platform: c.platform,
        ...(c.name !== undefined ? { name: c.name } : {}),
        before: snapshotJson(c.before),
        after: snapshotJson(c.after),
        causes: c.causeIds.flatMap((i) => {
          const e = ent(i);
          const alone = c.alone.get(i);
          return e ? [{ entry: i + 1, ...toDiffJson(e), ...(alone !== undefined ? { alone } : {}) }] : [];
        }),
        interaction: c.interaction,
        combinations: c.combinations.map((x) => x.map((i) => i + 1)),
        contributing: c.contributing.flatMap(brief),
        counter: c.counter.flatMap(brief),
      };
    }),
    entries: im.entries.map((e, i) => ({ entry: i + 1, ...toDiffJson(e), platformsMoved: im.byEntry[i] ?? 0 })),
    uncompiled: im.uncompiled.map((x) => x.map((i) => i + 1)),
  };
}
