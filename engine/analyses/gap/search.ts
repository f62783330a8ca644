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

import type { Lang } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import type { PlatformInput } from '../../evaluate/evaluate';
import type { EvalEvent } from '../../evaluate/events';
import { Rational } from '../../numbers/rational';
import type { Assessment, Decision, EvidenceValue } from '../../evaluate/result';
import { indicatorOptions, type Candidate, type IndicatorOptions } from './candidates';
import { baseEvidence, changedInput, changedText, exactInput, withChanges, type BaseEvidence } from './evidence';
import { FastCheck } from './fast';
import { needsOf, type Blocker, type Needs } from './needs';
import { StandingScale } from '../../semantics/standing';

export interface PlanStep {
  readonly id: string;
  /** The evidence key to change (a former id when the evidence uses it). */
  readonly key: string;
  readonly dimension: string;
  readonly from: EvidenceValue | undefined;
  readonly to: EvidenceValue;
  readonly pointsFrom: Rational;
  readonly pointsTo: Rational;
  /**
   * What the indicator adds to its dimension's score (and so to the total) before and after: effective weight ×
   * points ÷ 100, the standard's own points (from the verified assessment).
   */
  readonly contributionFrom: Rational;
  readonly contributionTo: Rational;
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
  /** When the search stopped at its budget: how far it got. */
  readonly searched?: GapSearched;
}

/** How far a search that stopped at its budget got. */
export interface GapSearched {
  /** Indicators whose better values were assessed, of the applicable ones. */
  readonly indicators: number;
  readonly applicable: number;
  /** Plans changing up to this many indicators were tried (0: the search stopped while listing values). */
  readonly changedUpTo: number;
}

export interface GapOptions {
  readonly target?: string;
  readonly lang?: Lang;
  /** Plans to return (default 3). */
  readonly plans?: number;
  /** Most engine assessments the search may make (default 40 000). */
  readonly budget?: number;
  /** Assess the platform as given despite E161/E162 (see `AssessOptions.lenient`). */
  readonly lenient?: boolean;
  /**
   * Most work, in indicator evaluations (an assessment costs one per indicator of the ruleset; a listed option
   * or a fast check one): bounds the time on big rulesets (default 500 000).
   */
  readonly work?: number;
  /**
   * The traced assessment of this input with the same `lang` and `lenient`, when the caller has it (a report has
   * it from the explanation): the search does not assess the platform again.
   */
  readonly assessed?: { readonly assessment: Assessment; readonly events: readonly EvalEvent[] };
}

/** Default work limit: about a second or two on this project's reference machine, whatever the ruleset's size. */
const WORK_LIMIT = 500_000;

class Budget extends Error {}

/** A level's position from the top (engine/semantics/standing.ts): the fallback and off-ladder after every level. */
function levelRank(ruleset: CompiledRuleset, level: string | null): number {
  let scale = scales.get(ruleset.model);
  if (scale === undefined) scales.set(ruleset.model, (scale = new StandingScale(ruleset.model)));
  return scale.rank(level);
}
const scales = new WeakMap<CompiledRuleset['model'], StandingScale>();

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
  let a: Assessment;
  let events: readonly EvalEvent[];
  if (opts.assessed !== undefined) ({ assessment: a, events } = opts.assessed);
  else {
    const traced: EvalEvent[] = [];
    a = ruleset.assess(input, { lang, lenient: opts.lenient === true, trace: (e) => traced.push(e) });
    events = traced;
  }
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

  const lenient = opts.lenient === true;
  const base = baseEvidence(ruleset, input, lang, lenient);
  const s = new Search(ruleset, base, a, reaches, opts.budget ?? 40_000, opts.work ?? WORK_LIMIT, lenient);
  const fast = new FastCheck(ruleset, base, a, (l) => levelRank(ruleset, l), tRank);
  const needs = needsOf(ruleset, target, events, (e, where) => fast.truthAtBase(e, where));
  if (needs.blockers.length > 0) {
    return { ...head, target, status: 'unreachable', plans: [], blockers: needs.blockers, exhaustive: true, assessments: s.count };
  }
  const applicable = a.indicators.filter((i) => i.status !== 'not_applicable').length;
  const listed = new Set<string>();
  let exhaustive = true;
  try {
    const note = (c: ReadonlyMap<string, EvidenceValue>): void => {
      for (const id of c.keys()) listed.add(id);
    };
    const options = indicatorOptions(
      ruleset,
      base,
      a,
      (c) => (note(c), s.assess(c)),
      (c) => (note(c), s.decide(c)),
    );
    if (needs.additive) s.fast = fast;
    // Everything at its best: if even that does not reach the target, no plan does.
    const allBest = new Map(options.map((o) => [o.id, o.best.value]));
    const bestEvents: EvalEvent[] = [];
    s.spend(ruleset.model.indicators.length + 1);
    const atBest = ruleset.assess(changedInput(base, allBest), { lang, lenient, trace: (e) => bestEvents.push(e) });
    if (!reaches(atBest)) {
      return { ...head, target, status: 'unreachable', plans: [], blockers: [], atBest, atBestEvents: bestEvents, exhaustive: true, assessments: s.count + 1 };
    }
    s.run(options, needs, opts.plans ?? 3);
  } catch (e) {
    if (!(e instanceof Budget)) throw e;
    exhaustive = false;
  }
  const plans = s.accepted.flatMap((p) => verify(ruleset, base, a, p, reaches, lang, lenient));
  const status: GapStatus = plans.length > 0 ? 'plans' : exhaustive ? 'unreachable' : 'not-found';
  const searched: GapSearched = { indicators: Math.min(listed.size, applicable), applicable, changedUpTo: s.triedUpTo };
  return { ...head, target, status, plans, blockers: [], exhaustive, assessments: s.count, checks: s.checks, ...(exhaustive ? {} : { searched }) };
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

/**
 * Assesses the changed evidence, every number exact (what its JSON text reads as), with the reference evaluator
 * (the oracle: the search used the compiled plan and fast checks); the plan is kept only when it reaches the target.
 */
function verify(ruleset: CompiledRuleset, base: BaseEvidence, a: Assessment, f: Found, reaches: (a: Assessment) => boolean, lang: Lang, lenient = false): Plan[] {
  const changes = new Map(f.picks.map((p) => [p.o.id, p.c.value]));
  const text = changedText(base, changes);
  const r = ruleset.assess(exactInput(base, changes), { lang, lenient, engine: 'reference' });
  if (!reaches(r) || r.level === null) return [];
  const contribution = (x: Assessment, id: string): Rational => x.indicators.find((i) => i.id === id)?.contribution ?? Rational.ZERO;
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
        contributionFrom: contribution(a, p.o.id),
        contributionTo: contribution(r, p.o.id),
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
    private readonly workLimit: number,
    /** Re-assess as the platform was assessed (a percentage written as a fraction is then a warning). */
    private readonly lenient = false,
  ) {}

  /** Work done, in indicator evaluations (an assessment costs one per indicator, a listed option or fast check one). */
  work = 0;
  /** The most indicators changed at once that the search tried (0 before the search proper). */
  triedUpTo = 0;

  /** Counts work; stops the search (Budget) past the limit. */
  spend(units: number): void {
    this.work += units;
    if (this.work > this.workLimit) throw new Budget();
  }

  assess(changes: ReadonlyMap<string, EvidenceValue>): Assessment {
    if (this.count >= this.budget) throw new Budget();
    this.count++;
    this.spend(this.ruleset.model.indicators.length + 1);
    return withChanges(this.base, changes, (input) => this.ruleset.assess(input, { lenient: this.lenient }));
  }

  /** The decision alone (outcome, level, total), counted like an assessment. */
  decide(changes: ReadonlyMap<string, EvidenceValue>): Decision {
    if (this.count >= this.budget) throw new Budget();
    this.count++;
    this.spend(this.ruleset.model.indicators.length + 1);
    return withChanges(this.base, changes, (input) => this.ruleset.decide(input, { messages: false, lenient: this.lenient }));
  }

  private ok(picks: readonly { o: IndicatorOptions; c: Candidate }[]): boolean {
    if (this.fast) {
      if (++this.checks > this.budget * 10) throw new Budget();
      this.spend(1);
      return this.fast.reaches(picks.map((p) => ({ id: p.o.id, dimension: p.o.dimension, value: p.c.value, points: p.c.points, gain: p.c.gain })));
    }
    return this.reaches(this.assess(new Map(picks.map((p) => [p.o.id, p.c.value]))));
  }

  /**
   * Every way to change at most `cap` indicators of one dimension that keeps its mandatory ones and meets its need.
   * A branch stops when even every remaining indicator at its largest gain cannot meet the need.
   */
  private optionsOf(list: readonly IndicatorOptions[], mandatory: ReadonlySet<string>, need: Rational | undefined, cap: number): Option[] {
    const out: Option[] = [];
    const picks: { o: IndicatorOptions; c: Candidate }[] = [];
    // rest[i]: the largest gain indicators i.. can add; mustFrom[i]: mandatory indicators among them.
    const rest: Rational[] = new Array<Rational>(list.length + 1).fill(Rational.ZERO);
    const mustFrom: number[] = new Array<number>(list.length + 1).fill(0);
    for (let i = list.length - 1; i >= 0; i--) {
      const o = list[i] as IndicatorOptions;
      rest[i] = (rest[i + 1] as Rational).add(o.maxGain);
      mustFrom[i] = (mustFrom[i + 1] as number) + (mandatory.has(o.id) ? 1 : 0);
    }
    const go = (i: number, gain: Rational): void => {
      if (picks.length + (mustFrom[i] as number) > cap) return;
      if (need && gain.add(rest[i] as Rational).lt(need)) return;
      if (i === list.length) {
        this.spend(1);
        if (out.length > MAX_OPTIONS) throw new Budget();
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
      if (picks.length >= cap) return;
      for (const c of o.candidates) {
        picks.push({ o, c });
        go(i + 1, gain.add(c.gain));
        picks.pop();
      }
    };
    go(0, Rational.ZERO);
    return out.sort((x, y) => x.count - y.count || x.steps - y.steps || x.size - y.size);
  }

  /**
   * The fewest indicators of a dimension that can meet its need (a lower bound: the largest gains first), with
   * its mandatory ones; undefined when even all of them cannot.
   */
  private leastCount(list: readonly IndicatorOptions[], mandatory: ReadonlySet<string>, need: Rational | undefined): number | undefined {
    const must = list.filter((o) => mandatory.has(o.id)).length;
    if (!need || need.sign() <= 0) return must;
    const gains = list.map((o) => o.maxGain).sort((x, y) => y.cmp(x));
    let sum = Rational.ZERO;
    for (let k = 0; k < gains.length; k++) {
      sum = sum.add(gains[k] as Rational);
      if (sum.ge(need)) return Math.max(must, k + 1);
    }
    return undefined;
  }

  run(options: readonly IndicatorOptions[], needs: Needs, want: number): void {
    const m = this.ruleset.model;
    const additive = needs.additive;
    const mandatory = needs.mandatory;
    if ([...mandatory].some((id) => !options.some((o) => o.id === id))) return; // a needed indicator has no better value
    // Per dimension: its indicators and the score it lacks (each dimension is changed independently; the total ties them).
    const lists = m.dimensions.map((d) => options.filter((o) => o.dimension === d.id));
    const deficits = m.dimensions.map((d) => {
      const have = this.a.dimensions.find((x) => x.id === d.id)?.score ?? Rational.ZERO;
      const needScore = needs.scores.get(d.id);
      return additive && needScore && needScore.gt(have) ? needScore.sub(have) : undefined;
    });
    const least = lists.map((list, i) => this.leastCount(list, mandatory, deficits[i]));
    if (least.some((k) => k === undefined)) return; // some dimension cannot reach its share
    const leastOf = least as number[];
    const totalDeficit = additive && needs.total && needs.total.gt(this.a.total) ? needs.total.sub(this.a.total) : undefined;
    const sumLeast = leastOf.reduce((x, y) => x + y, 0);
    // Plans are tried by the number of indicators they change (k), from the least any plan needs: a dimension
    // then changes at most k minus what the others need at least, so small k lists few options.
    let limit = Number.POSITIVE_INFINITY;
    for (let k = Math.max(1, sumLeast); k <= options.length && k <= limit; k++) {
      if (this.accepted.length >= want) return;
      this.triedUpTo = k;
      const dims = lists.map((list, i) => this.optionsOf(list, mandatory, deficits[i], k - sumLeast + (leastOf[i] as number)));
      if (dims.some((o) => o.length === 0)) continue;
      if (this.runClasses(dims, totalDeficit, k, want) && limit === Number.POSITIVE_INFINITY) limit = k + 1;
    }
  }

  /** Tries the classes of plans changing exactly `k` indicators; true when one was accepted. */
  private runClasses(dims: readonly Option[][], totalDeficit: Rational | undefined, k: number, want: number): boolean {
    // best[i].get(key(c, s)) = largest gain of dimensions i.. with exactly c indicators and s steps changed.
    const n = dims.length;
    const best: Map<number, Rational>[] = Array.from({ length: n + 1 }, () => new Map<number, Rational>());
    (best[n] as Map<number, Rational>).set(classKey(0, 0), Rational.ZERO);
    for (let i = n - 1; i >= 0; i--) {
      const next = best[i + 1] as Map<number, Rational>;
      const cur = best[i] as Map<number, Rational>;
      const own = new Map<number, Rational>();
      for (const o of dims[i] as Option[]) {
        const key = classKey(o.count, o.steps);
        const g = own.get(key);
        if (!g || o.gain.gt(g)) own.set(key, o.gain);
      }
      // Keys add: key(c1, s1) + key(c2, s2) = key(c1 + c2, s1 + s2).
      for (const [k1, g1] of own) {
        for (const [k2, g2] of next) {
          if (classOf(k1 + k2)[0] > k) continue;
          const key = k1 + k2;
          const g = g1.add(g2);
          const had = cur.get(key);
          if (!had || g.gt(had)) cur.set(key, g);
        }
      }
    }
    // Options of each dimension grouped by (indicators, steps), groups in that order, options by gain then size.
    const groups: Group[][] = dims.map((opts) => {
      const byKey = new Map<string, Group>();
      for (const o of opts) {
        const key = `${o.count},${o.steps}`;
        const g = byKey.get(key) ?? { count: o.count, steps: o.steps, options: [] };
        g.options.push(o);
        byKey.set(key, g);
      }
      const list = [...byKey.values()];
      for (const g of list) g.options.sort((x, y) => y.gain.cmp(x.gain) || x.size - y.size);
      return list.sort((x, y) => x.count - y.count || x.steps - y.steps);
    });
    const classes = [...(best[0] as Map<number, Rational>)]
      .filter(([key, g]) => classOf(key)[0] === k && (!totalDeficit || g.ge(totalDeficit)))
      .map(([key]) => classOf(key))
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const before = this.accepted.length;
    for (const [count, steps] of classes) {
      if (this.accepted.length >= want) break;
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
      for (const f of found) {
        if (this.accepted.length >= want) break;
        if (this.accepted.some((q) => dominates(q, f))) continue;
        this.accepted.push(f);
      }
    }
    return this.accepted.length > before;
  }
}

/** `q` dominates `f` when every change of `q` is in `f` with a value at least as far (so `f` is not minimal). */
function dominates(q: Found, f: Found): boolean {
  return q.picks.every((p) => f.picks.some((x) => x.o.id === p.o.id && x.c.rank >= p.c.rank));
}
