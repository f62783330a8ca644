// A fast check for the improvement search: does a set of indicator changes reach the target? The engine's own
// expression evaluator (expr-eval.ts) decides vetoes, prerequisites and levels over a state built from the base
// assessment plus the changes' engine-computed points and gains, skipping evidence validation and scoring.
// In: the ruleset, base evidence and assessment, the target rank. Out: `reaches(changes)`. Only a filter: every
// plan shown is re-assessed by the full engine (and a test checks this agrees with the engine).

import type { Expr } from '../../../dsl/ast';
import type { CompiledRuleset } from '../../compile';
import { evalExpr, EvalFailure, fromEvidence, truthOf, type Ctx, type DimensionState, type IndicatorState, type State, type V } from '../../evaluate/expr';
import { Rational } from '../../numbers/rational';
import type { Assessment, EvidenceValue, Truth } from '../../evaluate/result';
import type { BaseEvidence } from './evidence';
import { ladderHolds, levelsNeeded, reachedIndex } from '../../semantics/ladder';
import { hasLevel, outcomeOf, prerequisiteFails, vetoFires } from '../../semantics/outcome';
import { andCode, codeOfTruth, TRUE, truthOfCode, type TruthCode } from '../../semantics/truth';
import { RATIONAL_OPS, shareOf } from '../../semantics/weights';

export interface FastChange {
  readonly id: string;
  readonly dimension: string;
  readonly value: EvidenceValue;
  readonly points: Rational;
  readonly gain: Rational;
}

export class FastCheck {
  private readonly indicators: Map<string, IndicatorState>;
  private readonly values: Map<string, EvidenceValue>;
  private readonly effective: ReadonlyMap<string, ReadonlyMap<string, Rational>>;

  constructor(
    private readonly ruleset: CompiledRuleset,
    base: BaseEvidence,
    private readonly a: Assessment,
    private readonly rankOf: (level: string | null) => number,
    private readonly targetRank: number,
  ) {
    this.values = new Map(base.values);
    this.indicators = new Map(a.indicators.map((i) => [i.id, { status: i.status, points: i.points, applicable: i.status !== 'not_applicable' }]));
    const eff = new Map<string, Map<string, Rational>>();
    for (const i of a.indicators) {
      const m = eff.get(i.dimension) ?? new Map<string, Rational>();
      m.set(i.id, i.effectiveWeight);
      eff.set(i.dimension, m);
    }
    this.effective = eff;
  }

  /** The outcome and level the changes give (or undefined when evaluation fails). */
  evaluate(changes: readonly FastChange[]): { outcome: Assessment['outcome']; level: string | null } | undefined {
    return this.applied(changes, () => this.run(changes));
  }

  /** Runs `f` with the changes applied to the shared maps, then undoes them. */
  private applied<T>(changes: readonly FastChange[], f: () => T): T {
    const values = this.values;
    const indicators = this.indicators;
    const undo: [string, EvidenceValue | undefined, IndicatorState | undefined][] = changes.map((c) => [c.id, values.get(c.id), indicators.get(c.id)]);
    try {
      return f();
    } finally {
      for (const [id, v, st] of undo) {
        if (v === undefined) values.delete(id);
        else values.set(id, v);
        if (st === undefined) indicators.delete(id);
        else indicators.set(id, st);
      }
    }
  }

  /** The state of the platform as it is (no changes), made once: needs.ts asks for many conditions. */
  private base: { outcome: Assessment['outcome']; level: string | null; state?: State } | undefined | null = null;

  /** The truth of `expr` for the platform as it is (no changes); evaluation failures count as unknown. */
  truthAtBase(expr: Expr, where: string): Truth {
    try {
      if (this.base === null) this.base = this.run([], true);
      const r = this.base;
      if (!r || !r.state) return 'unknown';
      return truthOf(evalExpr(expr, { state: r.state, bound: [], scoring: undefined, reads: undefined, where }), where);
    } catch (e) {
      if (e instanceof EvalFailure) return 'unknown';
      throw e;
    }
  }

  /**
   * Whether the changes certainly miss the target, by evaluating in order and stopping at the first veto that
   * fires, prerequisite that does not hold, or level at or below the target (cumulative: every one) that fails,
   * or at an evaluation failure (the engine would say invalid). False means "evaluate fully".
   */
  private misses(changes: readonly FastChange[]): boolean {
    const m = this.ruleset.model;
    const state = this.stateOf(changes);
    const holds = (where: string, exprs: readonly Expr[], rule: boolean): Truth => {
      let t: Truth = true;
      for (const x of exprs) {
        const v = truthOf(evalExpr(x, { state, bound: [], scoring: undefined, reads: undefined, where }), where);
        if (v === false) return false;
        if (v === 'unknown') t = 'unknown';
      }
      return rule ? t : t === true;
    };
    try {
      for (const n of m.order) {
        if (n.kind === 'veto') {
          const v = m.vetoesById.get(n.id);
          if (!v) continue;
          const t = holds(v.id, v.when ? [v.when] : [], true);
          if (t === true) return true;
          state.vetoes.set(v.id, { truth: t, missing: [] });
        } else if (n.kind === 'prerequisite') {
          const p = m.prerequisitesById.get(n.id);
          if (!p) continue;
          const t = holds(p.id, p.requires, true);
          if (t !== true) return true;
          state.prerequisites.set(p.id, { truth: t, missing: [] });
        } else if (n.kind === 'levels' && m.ladder) {
          const levels = m.ladder.levels;
          if (m.ladder.cumulative) {
            // Reaching the target or higher needs every level the target needs (engine/semantics/ladder.ts).
            const { from, to } = levelsNeeded(true, levels.length, Math.max(0, this.targetRank));
            for (let k = to - 1; k >= from; k--) {
              const l = levels[k];
              if (l && holds(l.id, l.requires, false) !== true) return true;
            }
          } else if (!levels.some((l, k) => k <= this.targetRank && holds(l.id, l.requires, false) === true)) return true;
        }
      }
    } catch (e) {
      if (e instanceof EvalFailure) return true;
      throw e;
    }
    return false;
  }

  /** The evaluation state of the base assessment plus the changes (applied to the shared maps by the caller). */
  private stateOf(changes: readonly FastChange[]): State {
    const m = this.ruleset.model;
    const values = this.values;
    const indicators = this.indicators;
    let total = this.a.total;
    const gains = new Map<string, Rational>();
    for (const c of changes) {
      values.set(c.id, c.value);
      indicators.set(c.id, { status: 'scored', points: c.points, applicable: true });
      total = total.add(c.gain);
      gains.set(c.dimension, (gains.get(c.dimension) ?? Rational.ZERO).add(c.gain));
    }
    const dimensions = new Map<string, DimensionState>();
    for (const d of this.a.dimensions) {
      const score = d.score.add(gains.get(d.id) ?? Rational.ZERO);
      dimensions.set(d.id, { score, share: shareOf(RATIONAL_OPS, score, d.weight), effective: this.effective.get(d.id) ?? new Map() });
    }
    // Derived values and an unknown formula total as the base assessment has them (exact for the platform as it is;
    // with changes the search does not use this check when there are any: needs.ts says it is not additive).
    const derived = new Map<string, V>();
    for (const d of this.a.derived ?? []) derived.set(d.id, d.value === null ? { k: 'unknown', missing: d.missing } : fromEvidence(d.value));
    return { model: m, values, indicators, dimensions, total, totalMissing: this.a.totalMissing, derived, vetoes: new Map(), prerequisites: new Map(), steps: 0 };
  }

  private run(
    changes: readonly FastChange[],
    keep = false,
  ): { outcome: Assessment['outcome']; level: string | null; state?: State } | undefined {
    const m = this.ruleset.model;
    const state = this.stateOf(changes);
    const all = (where: string, exprs: readonly Expr[]): Truth[] =>
      exprs.map((x) => {
        const ctx: Ctx = { state, bound: [], scoring: undefined, reads: undefined, where };
        return truthOf(evalExpr(x, ctx), where);
      });
    const conj = (ts: readonly Truth[]): Truth => truthOfCode(ts.reduce<TruthCode>((c, t) => andCode(c, codeOfTruth(t)), TRUE));
    let level: string | null = m.fallback?.id ?? null;
    try {
      for (const n of m.order) {
        if (n.kind === 'veto') {
          const v = m.vetoesById.get(n.id);
          if (v) state.vetoes.set(v.id, { truth: conj(all(v.id, v.when ? [v.when] : [])), missing: [] });
        } else if (n.kind === 'prerequisite') {
          const p = m.prerequisitesById.get(n.id);
          if (p) state.prerequisites.set(p.id, { truth: conj(all(p.id, p.requires)), missing: [] });
        } else if (n.kind === 'levels' && m.ladder) {
          const own = m.ladder.levels.map((l) => all(l.id, l.requires).every((t) => t === true));
          const top = reachedIndex(ladderHolds(m.ladder.cumulative, own, []));
          if (top >= 0) level = m.ladder.levels[top]?.id ?? level;
        }
      }
    } catch (e) {
      if (e instanceof EvalFailure) return undefined;
      throw e;
    }
    const kept = keep ? { state } : {};
    const outcome = outcomeOf(
      [...state.prerequisites.values()].some((p) => prerequisiteFails(codeOfTruth(p.truth))),
      [...state.vetoes.values()].some((v) => vetoFires(codeOfTruth(v.truth))),
    );
    return { outcome, level: hasLevel(outcome) ? level : null, ...kept };
  }

  reaches(changes: readonly FastChange[]): boolean {
    // Most sets miss: a cheap early-stopping pass first; the full evaluation confirms (as the engine would).
    if (this.applied(changes, () => this.misses(changes))) return false;
    const r = this.evaluate(changes);
    return r !== undefined && r.outcome === 'graded' && this.rankOf(r.level) <= this.targetRank;
  }
}
