// What a report is made of: per platform its explanation (with benchmark), improvement plan, evidence file, its hash
// and where each field is written; for the whole report the ruleset, what it is compared with (a named corpus or
// nothing), the date of assessment, the assessor, the Assay version, the time of rendering and the language.
// In: nothing (types), explanations (helpers). Out: `ReportItem`, `ReportMeta`, level distribution, badge class.

import type { Lang } from '../../dsl/ast';
import type { LevelCount } from '../analyses/benchmark';
import type { CompiledRuleset } from '../compile';
import type { Explanation } from '../analyses/explain/model';
import type { GapResult } from '../analyses/gap/search';

export interface ReportItem {
  readonly explanation: Explanation;
  readonly gap?: GapResult;
  /** The evidence file, as named on the command line. */
  readonly evidenceFile: string;
  /** `sha256:` + hex of the evidence file's text (engine/model/hash.ts). */
  readonly evidenceHash: string;
  /** Line of each evidence field in the file (`evidenceLines`), for the evidence reference of each indicator. */
  readonly evidenceLines?: ReadonlyMap<string, number>;
}

/** The benchmark corpus a report compares with: named by the user, never implied. */
export interface ReportCorpus {
  /** As named on the command line. */
  readonly name: string;
  /** Platforms with valid evidence in it. */
  readonly n: number;
  /** What the corpus is (the first paragraph of its README), when it says. */
  readonly description?: string;
}

export interface ReportMeta {
  readonly ruleset: CompiledRuleset;
  readonly assayVersion: string;
  /** ISO 8601 time the report was rendered (not the date of assessment). */
  readonly renderedAt: string;
  /** The date of assessment, `YYYY-MM-DD`, as the assessor states it. */
  readonly assessedOn?: string;
  readonly assessor?: string;
  /** The corpus the platforms are benchmarked against; none: compared with the ruleset's thresholds only. */
  readonly corpus?: ReportCorpus;
  /** Adds a block for the signatures of the assessor, the reviewer and the certification body. */
  readonly signature?: boolean;
  readonly lang: Lang;
}

/** Counts of the platforms per level (ladder order, then the fallback), then `vetoed`, `not_rated`, `invalid`. */
export function distribution(ruleset: CompiledRuleset, es: readonly Explanation[]): LevelCount[] {
  const m = ruleset.model;
  const counts = new Map<string, number>();
  for (const id of [...m.levels.map((l) => l.id), ...(m.fallback ? [m.fallback.id] : []), 'vetoed', 'not_rated', 'invalid']) counts.set(id, 0);
  for (const e of es) {
    const k = e.outcome === 'graded' ? (e.level ?? 'invalid') : e.outcome;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count }));
}

/** CSS class of a level badge: `lv0` for the highest level … `lv5` for the fallback, or the outcome. */
export function badgeClass(ruleset: CompiledRuleset, e: Explanation): string {
  if (e.outcome !== 'graded') return `lv${e.outcome}`;
  const r = ruleset.model.levels.findIndex((l) => l.id === e.level);
  return r < 0 ? 'lv5' : `lv${Math.min(r, 4)}`;
}
