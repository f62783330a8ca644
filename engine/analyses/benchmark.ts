// Benchmarking (行业对标): where one platform stands in a corpus of assessed platforms.
// In: the assessments of a corpus (one ruleset), then one assessment. Out: corpus statistics (medians, level
// distribution) and the platform's percentile rank of its total and of each dimension share, all exact.
//
// Percentile rank = (platforms below + half of those equal) ÷ platforms × 100, over the corpus platforms whose
// evidence is valid (invalid ones have no scores); medians average the two middle values of an even count.

import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { Assessment } from '../evaluate/result';
import { StandingScale } from '../semantics/standing';

export interface LevelCount {
  /** A level id, or `vetoed`, `not_rated`, `invalid`. */
  readonly id: string;
  readonly count: number;
}

export interface CorpusStats {
  /** What the corpus is (a folder name), for display. */
  readonly name: string;
  /** Platforms with valid evidence (those that percentiles are computed over). */
  readonly n: number;
  readonly totals: readonly Rational[];
  readonly shares: ReadonlyMap<string, readonly Rational[]>;
  readonly medianTotal: Rational;
  readonly medianShares: ReadonlyMap<string, Rational>;
  /** Every ladder level (highest first), then the fallback, `vetoed`, `not_rated`, `invalid`, with counts. */
  readonly levels: readonly LevelCount[];
}

export interface BenchmarkPlacement {
  readonly corpus: string;
  readonly n: number;
  readonly total: { readonly value: Rational; readonly percentile: Rational; readonly median: Rational };
  readonly dimensions: readonly { readonly id: string; readonly share: Rational; readonly percentile: Rational; readonly median: Rational }[];
  readonly levels: readonly LevelCount[];
}

function sorted(xs: readonly Rational[]): Rational[] {
  return [...xs].sort((a, b) => a.cmp(b));
}

/** The median of sorted values (0 for none). */
export function median(xs: readonly Rational[]): Rational {
  const n = xs.length;
  if (n === 0) return Rational.ZERO;
  const mid = Math.floor(n / 2);
  const hi = xs[mid] ?? Rational.ZERO;
  if (n % 2 === 1) return hi;
  const lo = xs[mid - 1] ?? hi;
  return lo.add(hi).div(Rational.fromInt(2));
}

/** Percentile rank of `v` in `xs` (0–100; 0 for an empty corpus). */
export function percentileRank(xs: readonly Rational[], v: Rational): Rational {
  if (xs.length === 0) return Rational.ZERO;
  let below = 0;
  let equal = 0;
  for (const x of xs) {
    const c = x.cmp(v);
    if (c < 0) below++;
    else if (c === 0) equal++;
  }
  return Rational.of(BigInt(2 * below + equal) * 100n, BigInt(2 * xs.length));
}

/** Statistics of a corpus assessed with the ruleset of `model`. */
export function corpusStats(model: Model, corpus: readonly Assessment[], name: string): CorpusStats {
  const valid = corpus.filter((a) => a.outcome !== 'invalid');
  const totals = sorted(valid.map((a) => a.total));
  const shares = new Map<string, Rational[]>();
  for (const d of model.dimensions) {
    shares.set(d.id, sorted(valid.map((a) => a.dimensions.find((x) => x.id === d.id)?.share ?? Rational.ZERO)));
  }
  const medianShares = new Map([...shares].map(([id, xs]) => [id, median(xs)]));
  const counts = new Map<string, number>();
  const order = new StandingScale(model).order();
  for (const id of order) counts.set(id, 0);
  for (const a of corpus) {
    const key = a.outcome === 'graded' ? (a.level ?? 'invalid') : a.outcome;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    name,
    n: valid.length,
    totals,
    shares,
    medianTotal: median(totals),
    medianShares,
    levels: [...counts].map(([id, count]) => ({ id, count })),
  };
}

/** Where `a` stands in the corpus. */
export function placeIn(stats: CorpusStats, a: Assessment): BenchmarkPlacement {
  return {
    corpus: stats.name,
    n: stats.n,
    total: { value: a.total, percentile: percentileRank(stats.totals, a.total), median: stats.medianTotal },
    dimensions: a.dimensions.map((d) => ({
      id: d.id,
      share: d.share,
      percentile: percentileRank(stats.shares.get(d.id) ?? [], d.share),
      median: stats.medianShares.get(d.id) ?? Rational.ZERO,
    })),
    levels: stats.levels,
  };
}
