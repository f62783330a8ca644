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
// A platform whose standing stays but whose total changes is a score-only move, attributed the same way by the
// total. A cause whose indicators the platform has no evidence for is marked (`missing`): its effect is the gap
// in the evidence, and it stays a cause even when another entry alone gives the new standing.

import type { Ruleset } from '../../dsl/ast';
import { compileAst, type CompiledRuleset } from '../compile';
import { applyEntries, diffAsts, toDiffJson, type DiffEntry, type DiffEntryJson, type DiffHeader } from './diff/index';
import type { PlatformInput } from '../evaluate/evaluate';
import { Rational } from '../numbers/rational';
import { totalText } from '../present/numbers';
import type { Assessment, Outcome } from '../evaluate/result';
import { StandingScale, standingName, standingsOfAll } from '../semantics/standing';

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
  /** True when the platform keeps its standing and only its total changes. */
  readonly scoreOnly: boolean;
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
  /** What each cause or counter-entry alone gives (outcome or level, or the total for a score-only move). */
  readonly alone: ReadonlyMap<number, string>;
  /**
   * Causes whose effect comes from evidence the platform lacks: entry → the indicators it concerns that the
   * platform has no evidence for (scored 0 as missing under the new version).
   */
  readonly missing: ReadonlyMap<number, readonly string[]>;
}

export interface Impact {
  readonly header: DiffHeader;
  readonly entries: readonly DiffEntry[];
  /**
   * The migration matrix, square: `standings` are every level of both versions (highest first), the fallbacks and
   * the other outcomes, whether or not a platform occupies them; `cells[i][j]` counts platforms moving from
   * `standings[i]` to `standings[j]`.
   */
  readonly standings: readonly string[];
  readonly cells: readonly (readonly number[])[];
  /** Every (from, to) pair met, with counts; `from`/`to` is the level when graded, else the outcome. */
  readonly matrix: readonly { readonly from: string; readonly to: string; readonly count: number }[];
  /** Platforms whose standing or total changed (score-only moves included). */
  readonly changed: readonly ChangedPlatform[];
  readonly platforms: number;
  /** For each entry: how many changed platforms it is a cause of. */
  readonly byEntry: readonly number[];
  /** For each entry: of those, how many it moves because they lack evidence, and for which indicators. */
  readonly byEntryMissing: readonly { readonly count: number; readonly fields: readonly string[] }[];
  /** Entries (or pairs) whose variant of the old ruleset did not compile: not attributable (never silent). */
  readonly uncompiled: readonly (readonly number[])[];
}

/** Where a platform stands: its level when graded, else its outcome. */
export function standing(a: { readonly outcome: Outcome; readonly level: string | null }): string {
  return standingName(a.outcome, a.level);
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

/** The ruleset's standing scale (engine/semantics/standing.ts): levels by height, the fallback 0, the rest −1. */
function scaleOf(r: CompiledRuleset): StandingScale {
  return new StandingScale(r.model.ladder ?? { levels: [] });
}

function ranker(r: CompiledRuleset): (s: string) => number {
  const scale = scaleOf(r);
  return (s) => scale.height(s);
}

/** Every standing of both versions in reading order: levels highest first, the fallbacks, then the other outcomes. */
export function standingsOf(a: CompiledRuleset, b: CompiledRuleset): string[] {
  return standingsOfAll([scaleOf(b), scaleOf(a)]);
}

/** Compiles a variant AST for attribution (static checks off); undefined when it does not compile. */
export function compileVariant(ast: Ruleset): CompiledRuleset | undefined {
  return compileAst(ast, { checks: false });
}

export interface ImpactOptions {
  /** Largest number of entries for which pairs are tried (pairs grow quadratically). Default 40. */
  readonly maxPairEntries?: number;
  /** Called after each platform with the number done (a front end's progress bar). */
  readonly onProgress?: (done: number) => void;
}

/** Platforms a variant of several entries decides with the reference evaluator before it builds its plan. */
const PLAN_AFTER = 4;

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
  const standings = standingsOf(a, b);
  const cells = standings.map(() => standings.map(() => 0));
  const matrix = new Map<string, { from: string; to: string; count: number }>();
  const changed: ChangedPlatform[] = [];
  const byEntry = entries.map(() => 0);
  const byEntryMissing = entries.map(() => ({ count: 0, fields: new Set<string>() }));
  const NO_MESSAGES = { messages: false } as const;
  const BY_REFERENCE = { messages: false, engine: 'reference' } as const;
  /**
   * A variant of several entries decides its first platforms with the reference evaluator (the oracle: the same
   * decision), then builds its plan: building a plan costs as much as about ten reference assessments, and a pair
   * variant usually decides one platform (the one no single entry explains). A single-entry variant decides every
   * changed platform: it builds its plan at once.
   */
  const uses = new Map<CompiledRuleset, number>();
  const decideBy = (v: CompiledRuleset, entriesApplied: number, p: PlatformInput) => {
    if (entriesApplied < 2) return v.decide(p, NO_MESSAGES);
    const n = uses.get(v) ?? 0;
    uses.set(v, n + 1);
    return v.decide(p, n < PLAN_AFTER ? BY_REFERENCE : NO_MESSAGES);
  };

  let done = 0;
  for (const p of platforms) {
    opts.onProgress?.(done++);
    // The decision alone (outcome, level, exact total) tells who moves; full assessments only for those.
    const da = a.decide(p, NO_MESSAGES);
    const db = b.decide(p, NO_MESSAGES);
    const from = standing(da);
    const to = standing(db);
    const mkey = `${from}\u0000${to}`;
    const cell = matrix.get(mkey) ?? { from, to, count: 0 };
    cell.count++;
    matrix.set(mkey, cell);
    const row = cells[standings.indexOf(from)];
    const col = standings.indexOf(to);
    if (row && col >= 0) row[col] = (row[col] ?? 0) + 1;
    const scoreOnly = from === to && da.outcome === db.outcome;
    if (scoreOnly && da.total.eq(db.total)) continue;

    const direction = scoreOnly ? db.total.cmp(da.total) : Math.sign(rankB(to) - rankA(from));
    /** What a variant does to the platform: reaches the new standing (or total), moves it partway, the other way, or not. */
    const effect = (ids: readonly number[]): { kind: 'exact' | 'toward' | 'counter' | 'none'; s: string } => {
      const v = variant(ids);
      if (!v) return { kind: 'none', s: from };
      const d = decideBy(v, ids.length, p);
      const s = standing(d);
      if (scoreOnly) {
        // A score-only move: what the entry does to the total (a level change alone counts by its direction).
        const moved = s === from ? d.total.cmp(da.total) : Math.sign(rankA(s) - rankA(from));
        if (moved === 0) return { kind: 'none', s };
        const shown = s === from ? totalText(d.total) : s;
        if (s === from && d.total.eq(db.total)) return { kind: 'exact', s: shown };
        return { kind: moved === direction ? 'toward' : 'counter', s: shown };
      }
      if (s === from) return { kind: 'none', s };
      if (s === to) return { kind: 'exact', s };
      const dir = Math.sign(rankB(s) - rankA(from));
      return { kind: direction === 0 || dir === 0 || dir === direction ? 'toward' : 'counter', s };
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
    const rb = b.assess(p);
    // Entries whose indicators the platform has no evidence for: their effect is the evidence gap.
    const lacking = new Set(rb.indicators.filter((x) => x.status === 'missing' && x.value === undefined).map((x) => x.id));
    const missing = new Map<number, string[]>();
    for (const i of [...exact, ...toward]) {
      const fields = (entries[i]?.targets ?? []).filter((id) => lacking.has(id));
      if (fields.length > 0) missing.set(i, fields);
    }
    // Causes: the entries that alone give the new standing; failing that, those that alone move it that way. An
    // entry that moves it that way through missing evidence is a cause too: blaming only another entry would hide
    // the evidence gap.
    const gaps = toward.filter((i) => missing.has(i));
    let causes = exact.length > 0 ? [...exact, ...gaps].sort((x, y) => x - y) : toward;
    let contributing = exact.length > 0 ? toward.filter((i) => !missing.has(i)) : [];
    // A loss that the indicators the revision introduces would make up, had the platform evidence for them: the
    // entries introducing them are the cause (their weight is taken from what the platform could score), and the
    // entries that alone give the same loss only contribute. Checked on the total: the points those indicators
    // could add (effective weight × 100 ÷ 100) cover the loss.
    const loss = da.total.sub(db.total);
    if (direction < 0 && loss.sign() > 0) {
      const introducing: number[] = [];
      let potential = Rational.ZERO;
      const counted = new Set<string>();
      entries.forEach((e, i) => {
        const fields = e.targets.filter((id) => lacking.has(id));
        if (fields.length === 0) return;
        introducing.push(i);
        missing.set(i, fields);
        for (const id of fields) {
          if (counted.has(id)) continue;
          counted.add(id);
          potential = potential.add(rb.indicators.find((x) => x.id === id)?.effectiveWeight ?? Rational.ZERO);
        }
      });
      if (introducing.length > 0) {
        const others = [...causes, ...contributing].filter((i) => !introducing.includes(i));
        if (potential.ge(loss)) {
          causes = introducing;
          contributing = [...new Set(others)].sort((x, y) => x - y);
        } else causes = [...new Set([...causes, ...introducing])].sort((x, y) => x - y);
      }
    }
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
    for (const i of all) {
      byEntry[i] = (byEntry[i] ?? 0) + 1;
      const gap = missing.get(i);
      const tally = byEntryMissing[i];
      if (gap && tally) {
        tally.count++;
        for (const f of gap) tally.fields.add(f);
      }
    }
    const ra = a.assess(p);
    changed.push({
      platform: ra.platform,
      ...(ra.name !== undefined ? { name: ra.name } : {}),
      before: snapshot(ra),
      after: snapshot(rb),
      scoreOnly,
      causes: all.flatMap((i) => (entries[i] ? [entries[i]] : [])),
      causeIds: all,
      combinations,
      interaction: causes.length === 0,
      contributing,
      counter,
      alone,
      missing: new Map([...missing].filter(([i]) => all.includes(i))),
    });
  }
  const uncompiled = [...variants.entries()].filter(([, v]) => v === undefined).map(([k]) => k.split(',').map(Number));
  opts.onProgress?.(done);
  return {
    header: diff.header,
    entries,
    standings,
    cells,
    matrix: [...matrix.values()],
    changed,
    platforms: platforms.length,
    byEntry,
    byEntryMissing: byEntryMissing.map((x) => ({ count: x.count, fields: [...x.fields] })),
    uncompiled,
  };
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
  /** Every standing of both versions; `cells[i][j]`: platforms from `standings[i]` to `standings[j]`. */
  standings: string[];
  cells: number[][];
  matrix: { from: string; to: string; count: number }[];
  changed: {
    platform: string;
    name?: string;
    before: SnapshotJson;
    after: SnapshotJson;
    scoreOnly: boolean;
    /** Causes whose effect comes from evidence the platform lacks, with the indicators it has none for. */
    missingEvidence: { entry: number; fields: string[] }[];
    causes: (DiffEntryJson & { entry: number; alone?: string })[];
    interaction: boolean;
    combinations: number[][];
    contributing: { entry: number; kind: string; target: string; alone?: string }[];
    counter: { entry: number; kind: string; target: string; alone?: string }[];
  }[];
  entries: (DiffEntryJson & { entry: number; platformsMoved: number; movedForMissingEvidence: { platforms: number; fields: string[] } })[];
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
    standings: [...im.standings],
    cells: im.cells.map((r) => [...r]),
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
        scoreOnly: c.scoreOnly,
        missingEvidence: [...c.missing].map(([i, fields]) => ({ entry: i + 1, fields: [...fields] })),
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
    entries: im.entries.map((e, i) => ({
      entry: i + 1,
      ...toDiffJson(e),
      platformsMoved: im.byEntry[i] ?? 0,
      movedForMissingEvidence: { platforms: im.byEntryMissing[i]?.count ?? 0, fields: [...(im.byEntryMissing[i]?.fields ?? [])] },
    })),
    uncompiled: im.uncompiled.map((x) => x.map((i) => i + 1)),
  };
}
