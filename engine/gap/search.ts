// Improvement guidance (能力提升指导): the smallest changes of indicator evidence that reach a target level.
// In: a compiled ruleset, one platform, options (target level, language). Out: `GapResult` with up to three
// plans, each verified by assessing the changed evidence (exact JSON text) with the engine before it is shown.
//
// Exact search, branch and bound: sets of indicators are tried by size (|set| = number of indicators changed);
// a set is pruned when (1) it misses an indicator some failed condition needs, (2) the largest total or
// dimension score it could reach (the sum of its best single-change gains, from the engine) is below what the
// target's `total >= …` and share conditions need, or (3) the engine, given every indicator of the set at its
// best value, does not reach the target. Within a set, values are tried band by band with the same bounds.
// (2) holds because gains are additive when no scoring or applicability reads another indicator (checked;
// the bound is off otherwise); (3) assumes a better value in the declared direction never hurts, which is what
// `higher/lower is better` declares. Plans are ranked by indicators changed, then band steps, then change size.

import type { Lang } from '../../dsl/ast';
import type { CompiledRuleset } from '../compile';
import type { PlatformInput } from '../evaluate';
import type { EvalEvent } from '../events';
import { parseEvidenceText } from '../evidence';
import { Rational } from '../rational';
import type { Assessment, EvidenceValue } from '../result';
import { indicatorOptions, type Candidate, type IndicatorOptions } from './candidates';
import { baseEvidence, changedInput, changedText, type BaseEvidence } from './evidence';
import { FastCheck } from './fast';
import { needsOf, type Blocker, type Needs } from './needs';

export interface PlanStep {
  readonly id: string;
  /** The evidence key to change (a former id when the evidence uses it). */
  readonly key: string;
  readonly dimension: string;
  readonly from: EvidenceValue | undefined;
  readonly to: EvidenceValue;
  readonly pointsFrom: Rational;
  readonly pointsTo: Rational;
  readonly steps: number;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  /** The level the changed evidence is assessed at (verified). */
  readonly reaches: string;
  readonly total: Rational;
  readonly bandSteps: number;
  /** The changed platform as JSON text (what verification assessed). */
  readonly evidenceText: string;
}

/** `not-found`: the search stopped at its budget before finding a plan (the target may still be reachable). */
export type GapStatus = 'plans' | 'already' | 'top' | 'unreachable' | 'not-found' | 'invalid' | 'unknown-target' | 'no-levels';

export interface GapResult {
  readonly platform: string;
  readonly name: string | undefined;
  readonly outcome: Assessment['outcome'];
  readonly level: string | null;
  readonly target: string | null;
  readonly status: GapStatus;
  readonly plans: readonly Plan[];
  /** Why the target cannot be reached (facts no indicator change fixes, or what fails even at best). */
  readonly blockers: readonly Blocker[];
  /** Conditions that fail even with every indicator at its best value (when unreachable for that reason). */
  readonly atBest?: Assessment;
  readonly atBestEvents?: readonly EvalEvent[];
  /** False when the search stopped at its budget (plans shown are verified but may not be the best). */
  readonly exhaustive: boolean;
  /** Engine assessments the search made. */
  readonly assessments: number;
  /** Fast checks the search made (see fast.ts). */
  readonly checks?: number;
}

export interface GapOptions {
  readonly target?: string;
  readonly lang?: Lang;
  /** Plans to return (default 3). */
  readonly plans?: number;
  /** Most engine assessments the search may make (default 40 000). */
  readonly budget?: number;
}

class Budget extends Error {}

function levelRank(ruleset: CompiledRuleset, level: string | null): number {
  const m = ruleset.model;
  if (level === null) return Number.POSITIVE_INFINITY;
  const i = m.levels.findIndex((l) => l.id === level);
  return i >= 0 ? i : m.levels.length;
}

/** The default target: the next level up (graded), or the level the scores give (vetoed, not rated). */
function defaultTarget(ruleset: CompiledRuleset, a: Assessment): string | null | 'top' {
  const levels = ruleset.model.levels;
  if (levels.length === 0) return null;
  if (a.outcome === 'graded') {
    const r = levelRank(ruleset, a.level);
    if (r === 0) return 'top';
    return levels[Math.min(r, levels.length) - 1]?.id ?? null;
  }
  const holds = a.levels.find((l) => l.holds);
  return holds?.id ?? levels[levels.length - 1]?.id ?? null;
}

/** Plans that reach `target` (default: the next level) for one platform. */
export function improvementPlans(ruleset: CompiledRuleset, input: PlatformInput, opts: GapOptions = {}): GapResult {
  const lang = opts.lang ?? 'en';
  const events: EvalEvent[] = [];
  const a = ruleset.assess(input, { lang, trace: (e) => events.push(e) });
  const head = { platform: a.platform, name: a.name, outcome: a.outcome, level: a.level };
  const empty = { plans: [], blockers: [], exhaustive: true, assessments: 1 };
  if (a.outcome === 'invalid') return { ...head, ...empty, target: opts.target ?? null, status: 'invalid' };
  if (ruleset.model.levels.length === 0) return { ...head, ...empty, target: null, status: 'no-levels' };
  let target: string;
  if (opts.target !== undefined) {
    if (!ruleset.model.levels.some((l) => l.id === opts.target)) return { ...head, ...empty, target: opts.target, status: 'unknown-target' };
    target = opts.target;
  } else {
    const t = defaultTarget(ruleset, a);
    if (t === 'top' || t === null) return { ...head, ...empty, target: a.level, status: 'top' };
    target = t;
  }
  const tRank = levelRank(ruleset, target);
  const reaches = (x: Assessment): boolean => x.outcome === 'graded' && levelRank(ruleset, x.level) <= tRank;
  if (reaches(a)) return { ...head, ...empty, target, status: 'already' };

  const base = baseEvidence(ruleset, input, lang);
  const s = new Search(ruleset, base, a, reaches, opts.budget ?? 40_000);
  const fast = new FastCheck(ruleset, base, a, (l) => levelRank(ruleset, l), tRank);
  const needs = needsOf(ruleset, target, events, (e, where) => fast.truthAtBase(e, where));
  if (needs.blockers.length > 0) {
    return { ...head, target, status: 'unreachable', plans: [], blockers: needs.blockers, exhaustive: true, assessments: s.count };
  }
  // Listing the candidates costs one assessment per better value of each indicator: on a large ruleset that
  // alone can pass the budget (2,000 indicators under the playground's 5,000), which is `not-found`, not a throw.
  let options: ReturnType<typeof indicatorOptions>;
  try {
    options = indicatorOptions(ruleset, base, a, (c) => s.assess(c));
  } catch (e) {
    if (!(e instanceof Budget)) throw e;
    return { ...head, target, status: 'not-found', plans: [], blockers: [], exhaustive: false, assessments: s.count - 1 };
  }
  if (needs.additive) s.fast = fast;
  // Everything at its best: if even that does not reach the target, no plan does.
  const allBest = new Map(options.map((o) => [o.id, o.best.value]));
  const bestEvents: EvalEvent[] = [];
  const atBest = ruleset.assess(changedInput(base, allBest), { lang, trace: (e) => bestEvents.push(e) });
  if (!reaches(atBest)) {
    return { ...head, target, status: 'unreachable', plans: [], blockers: [], atBest, atBestEvents: bestEvents, exhaustive: true, assessments: s.count + 1 };
  }
  let exhaustive = true;
  try {
    s.run(options, needs, opts.plans ?? 3);
  } catch (e) {
    if (!(e instanceof Budget)) throw e;
    exhaustive = false;
  }
  const plans = s.accepted.flatMap((p) => verify(ruleset, base, p, reaches, lang));
  const status: GapStatus = plans.length > 0 ? 'plans' : exhaustive ? 'unreachable' : 'not-found';
  return { ...head, target, status, plans, blockers: [], exhaustive, assessments: s.count, checks: s.checks };
}

/** Rank of a level in the ladder (0 = highest); the fallback after every level; no level last. */
export function rankOfLevel(ruleset: CompiledRuleset, level: string | null): number {
  return levelRank(ruleset, level);
}

interface Found {
  readonly picks: readonly { readonly o: IndicatorOptions; readonly c: Candidate }[];
  readonly steps: number;
  readonly size: number;
}

/** Assesses the changed evidence from its exact JSON text; the plan is kept only when it reaches the target. */
function verify(ruleset: CompiledRuleset, base: BaseEvidence, f: Found, reaches: (a: Assessment) => boolean, lang: Lang): Plan[] {
  const changes = new Map(f.picks.map((p) => [p.o.id, p.c.value]));
  const text = changedText(base, changes);
  const parsed = parseEvidenceText(text, 'plan.json', { lang });
  const doc = parsed.platforms[0];
  if (!doc || parsed.issues.length > 0) return [];
  const r = ruleset.assess(doc, { lang });
  if (!reaches(r) || r.level === null) return [];
  return [
    {
      steps: f.picks.map((p) => ({
        id: p.o.id,
        key: p.o.key,
        dimension: p.o.dimension,
        from: p.o.current,
        to: p.c.value,
        pointsFrom: p.o.currentPoints,
        pointsTo: p.c.points,
        steps: p.c.steps,
      })),
      reaches: r.level,
      total: r.total,
      bandSteps: f.steps,
      evidenceText: text,
    },
  ];
}

/** Steps of a plan stay below this (a class key packs indicators and steps in one safe integer). */
const STEP_BASE = 2 ** 24;

/** The key of the class of plans changing `count` indicators by `steps` band steps; keys add like the pairs. */
function classKey(count: number, steps: number): number {
  return count * STEP_BASE + steps;
}

function classOf(key: number): [number, number] {
  return [Math.floor(key / STEP_BASE), key % STEP_BASE];
}

/** One way to change the indicators of one dimension. */
interface Option {
  readonly picks: readonly { readonly o: IndicatorOptions; readonly c: Candidate }[];
  readonly count: number;
  readonly steps: number;
  readonly size: number;
  readonly gain: Rational;
}

interface Group {
  readonly count: number;
  readonly steps: number;
  readonly options: Option[];
}

/** Most ways to change one dimension that the search lists (a dimension of 7 indicators with 4 values has 78 125). */
const MAX_OPTIONS = 200_000;
/** Plans of one (indicators, steps) class collected before ranking them by size. */
const PER_CLASS = 60;

class Search {
  /** Full engine assessments (candidate points, fallbacks). */
  count = 0;
  /** Fast checks (engine expression evaluator over a derived state). */
  checks = 0;
  readonly accepted: Found[] = [];
  fast: FastCheck | undefined;

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly base: BaseEvidence,
    private readonly a: Assessment,
    private readonly reaches: (a: Assessment) => boolean,
    private readonly budget: number,
  ) {}

  assess(changes: ReadonlyMap<string, EvidenceValue>): Assessment {
    if (++this.count > this.budget) throw new Budget();
    return this.ruleset.assess(changedInput(this.base, changes));
  }

  private ok(picks: readonly { o: IndicatorOptions; c: Candidate }[]): boolean {
    if (this.fast) {
      if (++this.checks > this.budget * 10) throw new Budget();
      return this.fast.reaches(picks.map((p) => ({ id: p.o.id, dimension: p.o.dimension, value: p.c.value, points: p.c.points, gain: p.c.gain })));
    }
    return this.reaches(this.assess(new Map(picks.map((p) => [p.o.id, p.c.value]))));
  }

  /** Every way to change the indicators of one dimension that keeps its mandatory ones and meets its need. */
  private optionsOf(list: readonly IndicatorOptions[], mandatory: ReadonlySet<string>, need: Rational | undefined): Option[] {
    const out: Option[] = [];
    const picks: { o: IndicatorOptions; c: Candidate }[] = [];
    const go = (i: number, gain: Rational): void => {
      if (out.length > MAX_OPTIONS) throw new Budget();
      if (i === list.length) {
        if (need && gain.lt(need)) return;
        out.push({
          picks: [...picks],
          count: picks.length,
          steps: picks.reduce((n, p) => n + p.c.steps, 0),
          size: picks.reduce((n, p) => n + p.c.rank, 0),
          gain,
        });
        return;
      }
      const o = list[i] as IndicatorOptions;
      if (!mandatory.has(o.id)) go(i + 1, gain);
      for (const c of o.candidates) {
        picks.push({ o, c });
        go(i + 1, gain.add(c.gain));
        picks.pop();
      }
    };
    go(0, Rational.ZERO);
    return out.sort((x, y) => x.count - y.count || x.steps - y.steps || x.size - y.size);
  }

  run(options: readonly IndicatorOptions[], needs: Needs, want: number): void {
    const m = this.ruleset.model;
    const additive = needs.additive;
    const mandatory = needs.mandatory;
    if ([...mandatory].some((id) => !options.some((o) => o.id === id))) return; // a needed indicator has no better value
    // Per dimension: its options (each dimension is changed independently; the total ties them together).
    const dims = m.dimensions.map((d) => {
      const list = options.filter((o) => o.dimension === d.id);
      const have = this.a.dimensions.find((x) => x.id === d.id)?.score ?? Rational.ZERO;
      const needScore = needs.scores.get(d.id);
      const deficit = additive && needScore && needScore.gt(have) ? needScore.sub(have) : undefined;
      return this.optionsOf(list, mandatory, deficit);
    });
    if (dims.some((o) => o.length === 0)) return;
    const totalDeficit = additive && needs.total && needs.total.gt(this.a.total) ? needs.total.sub(this.a.total) : undefined;
    // best[i].get(key(c, s)) = largest gain of dimensions i.. with exactly c indicators and s steps changed.
    const n = dims.length;
    const best: Map<number, Rational>[] = Array.from({ length: n + 1 }, () => new Map<number, Rational>());
    (best[n] as Map<number, Rational>).set(classKey(0, 0), Rational.ZERO);
    for (let i = n - 1; i >= 0; i--) {
      const next = best[i + 1] as Map<number, Rational>;
      const cur = best[i] as Map<number, Rational>;
      const own = new Map<number, Rational>();
      for (const o of dims[i] as Option[]) {
        const k = classKey(o.count, o.steps);
        const g = own.get(k);
        if (!g || o.gain.gt(g)) own.set(k, o.gain);
      }
      // Keys add: key(c1, s1) + key(c2, s2) = key(c1 + c2, s1 + s2).
      for (const [k1, g1] of own) {
        for (const [k2, g2] of next) {
          const k = k1 + k2;
          const g = g1.add(g2);
          const had = cur.get(k);
          if (!had || g.gt(had)) cur.set(k, g);
        }
      }
    }
    // Options of each dimension grouped by (indicators, steps), groups in that order, options by gain then size.
    const groups: Group[][] = dims.map((opts) => {
      const byKey = new Map<string, Group>();
      for (const o of opts) {
        const k = `${o.count},${o.steps}`;
        const g = byKey.get(k) ?? { count: o.count, steps: o.steps, options: [] };
        g.options.push(o);
        byKey.set(k, g);
      }
      const list = [...byKey.values()];
      for (const g of list) g.options.sort((x, y) => y.gain.cmp(x.gain) || x.size - y.size);
      return list.sort((x, y) => x.count - y.count || x.steps - y.steps);
    });
    const classes = [...(best[0] as Map<number, Rational>)]
      .filter(([, g]) => !totalDeficit || g.ge(totalDeficit))
      .map(([k]) => classOf(k))
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let limit = Number.POSITIVE_INFINITY;
    for (const [count, steps] of classes) {
      if (count > limit || this.accepted.length >= want) return;
      const found: Found[] = [];
      const chosen: Option[] = [];
      const dfs = (i: number, c: number, s: number, gain: Rational): void => {
        if (found.length >= PER_CLASS) return;
        if (i === n) {
          if (c !== 0 || s !== 0) return;
          const picks = chosen.flatMap((o) => o.picks);
          const f: Found = { picks, steps, size: picks.reduce((x, p) => x + p.c.rank, 0) };
          if (this.accepted.some((q) => q.picks.every((p) => picks.some((x) => x.o.id === p.o.id)))) return;
          if (this.ok(picks)) found.push(f);
          return;
        }
        for (const g of groups[i] as Group[]) {
          if (g.count > c) break;
          if (g.steps > s) continue;
          const rest = (best[i + 1] as Map<number, Rational>).get(classKey(c - g.count, s - g.steps));
          if (rest === undefined) continue;
          for (const o of g.options) {
            // Options of a group are sorted by gain, largest first: once one falls short, the rest do too.
            if (totalDeficit && gain.add(o.gain).add(rest).lt(totalDeficit)) break;
            chosen.push(o);
            dfs(i + 1, c - g.count, s - g.steps, gain.add(o.gain));
            chosen.pop();
            if (found.length >= PER_CLASS) return;
          }
        }
      };
      dfs(0, count, steps, Rational.ZERO);
      found.sort((x, y) => x.size - y.size);
      if (found.length > 0 && this.accepted.length === 0) limit = count + 1;
      for (const f of found) {
        if (this.accepted.length >= want) break;
        if (this.accepted.some((q) => dominates(q, f))) continue;
        this.accepted.push(f);
      }
    }
  }
}

/** `q` dominates `f` when every change of `q` is in `f` with a value at least as far (so `f` is not minimal). */
function dominates(q: Found, f: Found): boolean {
  return q.picks.every((p) => f.picks.some((x) => x.o.id === p.o.id && x.c.rank >= p.c.rank));
}
