// The reference evaluator (the oracle every other backend must agree with): draft-0.9 §1, generically.
// In: a model, one platform's evidence, options (language, trace). Out: an exact `Assessment`.
//
// Semantics and the choices this evaluator makes where the standard is silent:
// - Evidence is validated first (engine/evidence/validate.ts); any error makes the outcome `invalid` with every
//   bad field reported and nothing scored (level null, total 0, no dimensions or indicators).
// - Nodes are computed in the model's dependency order (engine/model/order.ts): indicators, dimensions, total,
//   vetoes, prerequisites, levels, unless a dependency requires otherwise (e.g. a prerequisite that reads a veto).
// - Indicator: `applies when c` definitely false → `not_applicable` (points null); unknown c → applies.
//   Absent value → `missing`, 0 points. Bands: first band whose condition is true (unknown does not match);
//   maps: the entry of the value, else `else`. No match → 0 points and warning E153. `x when c else y`: y
//   unless c is true; without `else`, y is 0. A formula, band or entry giving points outside 0–100 is an
//   evaluation error (E151, platform `invalid`): points are never clamped. Points that read missing evidence
//   (a formula of another absent input) make the indicator `missing` with 0 points.
// - Weights: an applicable indicator's effective weight is w × Σw(all) ÷ Σw(applicable) within its dimension;
//   a not-applicable one's is 0. If every indicator of a dimension is not applicable, its score and share are 0.
//   Score = Σ effective weight × points ÷ 100; share = score ÷ dimension weight (0 for weight 0); total = Σ scores.
// - Derived values are computed in dependency order with the rest; one that reads missing evidence is unknown (with
//   the missing fields). A declared domain is a bound (outside it: E171), a declared `integer` needs an integral
//   value (E172); the platform is then `invalid`. A formula total replaces Σ scores; unknown, it is reported as 0
//   with its missing fields and `total` in conditions reads unknown.
// - Division by zero or comparing incompatible values in any expression is an evaluation error (E150/E152):
//   the platform's outcome is `invalid` with the message; other platforms are unaffected.
// - Outcome: any prerequisite not true → `not_rated`; else any veto true → `vetoed`; else `graded` with the
//   highest level whose every `require` is true (cumulative: and every level below), else the fallback level.
//   All vetoes and prerequisites are evaluated and reported whatever the outcome; levels too.

import type { Expr, Lang, Points } from '../../dsl/ast';
import { assertNever, LANGS } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import type { Code } from '../../dsl/messages';
import { bandEvent, pointsEvent, type ConditionOwner, type Read, type Trace } from './events';
import { ladderHolds, reachedIndex } from '../semantics/ladder';
import { outcomeOf, prerequisiteFails, vetoFires } from '../semantics/outcome';
import { andCode, applies as appliesWhen, codeOfTruth, TRUE as T_TRUE, truthOfCode, type TruthCode } from '../semantics/truth';
import { bandMatches, mapEntry, mapIndex } from '../semantics/first-match';
import { applicableWeightSum, contribution, effectiveWeight, RATIONAL_OPS, shareOf, weightSum, type DimensionWeights } from '../semantics/weights';
import {
  compareValues,
  evalExpr,
  EvalFailure,
  freshState,
  fromEvidence,
  missingOf,
  shownValue,
  truthOf,
  type Ctx,
  type IndicatorState,
  type State,
  type V,
} from './expr';
import type { DeriveInfo, IndicatorInfo, Model } from '../model/model';
import { describeType, withinBounds, type ValueType } from '../model/value-type';
import type { EvalNode } from '../model/order';
import { Rational } from '../numbers/rational';
import type {
  Assessment,
  DerivedResult,
  DimensionResult,
  EvidenceIssue,
  EvidenceValue,
  IndicatorResult,
  LevelCheck,
  Outcome,
  RuleResult,
  Truth,
} from './result';
import { renderValue, validateEvidence, type EvidenceCheck } from '../evidence/validate';

export interface PlatformInput {
  readonly platform: string;
  readonly name?: string;
  readonly evidence: unknown;
}

export interface AssessOptions {
  readonly lang?: Lang;
  readonly trace?: Trace;
  /**
   * Score a platform despite an unknown field that looks like a missing one (E161) or a percentage that looks
   * like a fraction (E162): both become warnings (E160, E167) instead of making the platform `invalid`.
   */
  readonly lenient?: boolean;
}

function issue(code: Code, field: string, args: Record<string, string | number>, lang: Lang): EvidenceIssue {
  return { field, code, message: renderMessage({ code, args }, lang), args };
}

/** Assesses one platform; `check` is the model's compiled evidence validator (built once per ruleset). */
export function assessPlatform(model: Model, check: EvidenceCheck, input: PlatformInput, opts: AssessOptions = {}): Assessment {
  // Front ends pass languages as strings: anything unknown falls back to en rather than breaking messages.
  const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
  const base = { platform: String(input.platform), ...(input.name !== undefined ? { name: String(input.name) } : {}) };
  const ev = validateEvidence(model, check, input.evidence, lang, { lenient: opts.lenient === true });
  if (ev.errors.length > 0) return invalid(base, ev.errors, ev.warnings);
  const warnings = [...ev.warnings];
  try {
    const r = new Run(model, ev.values, ev.fields, opts.trace, lang, warnings);
    return { ...base, ...r.run(), errors: [], warnings };
  } catch (e) {
    if (!(e instanceof EvalFailure)) throw e;
    opts.trace?.({ kind: 'error', where: String(e.args['where'] ?? ''), code: e.code, args: e.args });
    return invalid(base, [issue(e.code, String(e.args['where'] ?? ''), { ...e.args }, lang)], warnings);
  }
}

/** The assessment of invalid evidence: the messages and nothing else (also what generated deciders give). */
export function invalid(
  base: { readonly platform: string; readonly name?: string },
  errors: readonly EvidenceIssue[],
  warnings: readonly EvidenceIssue[],
): Assessment {
  // Two fixed shapes, key by key (a spread of `base` first made each one slow to build).
  return base.name !== undefined
    ? { platform: base.platform, name: base.name, outcome: 'invalid', level: null, total: Rational.ZERO, dimensions: [], indicators: [], prerequisites: [], vetoes: [], levels: [], errors, warnings }
    : { platform: base.platform, outcome: 'invalid', level: null, total: Rational.ZERO, dimensions: [], indicators: [], prerequisites: [], vetoes: [], levels: [], errors, warnings };
}

type Computed = Omit<Assessment, 'platform' | 'name' | 'errors' | 'warnings'>;

interface IndicatorOut extends IndicatorState {
  readonly matched?: number;
}

class Run {
  private readonly state: State;
  private readonly ind = new Map<string, IndicatorOut>();
  private levels: LevelCheck[] = [];
  private level: string | null = null;

  constructor(
    private readonly model: Model,
    values: ReadonlyMap<string, EvidenceValue>,
    private readonly fields: ReadonlyMap<string, string>,
    private readonly trace: Trace | undefined,
    private readonly lang: Lang,
    private readonly warnings: EvidenceIssue[],
  ) {
    this.state = freshState(model, values);
  }

  private ctx(where: string, scoring?: string): Ctx {
    return { state: this.state, bound: [], scoring, reads: this.trace ? [] : undefined, where, elements: this.trace ? [] : undefined };
  }

  run(): Computed {
    for (const n of this.model.order) this.node(n);
    const m = this.model;
    const st = this.state;
    const total = st.total ?? Rational.ZERO;
    const derived: DerivedResult[] = m.derived.map((d) => {
      const v = st.derived?.get(d.id) ?? { k: 'unknown' as const, missing: [] };
      return { id: d.id, value: shownValue(v) ?? null, missing: missingOf(v) };
    });
    const prerequisites: RuleResult[] = m.prerequisites.map((p) => ({ id: p.id, ...(st.prerequisites.get(p.id) ?? unknownRule) }));
    const vetoes: RuleResult[] = m.vetoes.map((v) => ({ id: v.id, ...(st.vetoes.get(v.id) ?? unknownRule) }));
    const outcome: Outcome = outcomeOf(
      prerequisites.some((p) => prerequisiteFails(codeOfTruth(p.truth))),
      vetoes.some((v) => vetoFires(codeOfTruth(v.truth))),
    );
    const level = outcome === 'graded' ? this.level : null;
    this.trace?.({ kind: 'outcome', outcome, level, total });

    const dimensions: DimensionResult[] = m.dimensions.map((d) => {
      const s = st.dimensions.get(d.id);
      return { id: d.id, weight: d.weight, score: s?.score ?? Rational.ZERO, share: s?.share ?? Rational.ZERO };
    });
    const indicators: IndicatorResult[] = m.indicators.map((i) => {
      const s = this.ind.get(i.id);
      const eff = st.dimensions.get(i.dimension)?.effective.get(i.id) ?? Rational.ZERO;
      const points = s?.points ?? null;
      const value = st.values.get(i.id);
      const field = this.fields.get(i.id);
      return {
        id: i.id,
        dimension: i.dimension,
        status: s?.status ?? 'missing',
        ...(value !== undefined ? { value } : {}),
        ...(field !== undefined ? { field } : {}),
        points,
        weight: i.weight,
        effectiveWeight: eff,
        contribution: contribution(RATIONAL_OPS, eff, points),
        ...(s?.matched !== undefined ? { matched: s.matched } : {}),
      };
    });
    return {
      outcome,
      level,
      total,
      ...(st.totalMissing ? { totalMissing: st.totalMissing } : {}),
      ...(derived.length > 0 ? { derived } : {}),
      dimensions,
      indicators,
      prerequisites,
      vetoes,
      levels: this.levels,
    };
  }

  private node(n: EvalNode): void {
    switch (n.kind) {
      case 'indicator': {
        const info = this.model.indicatorsById.get(n.id);
        if (info) this.indicator(info);
        return;
      }
      case 'dimension':
        this.dimension(n.id);
        return;
      case 'derived': {
        const d = this.model.derivedById.get(n.id);
        if (d) this.derive(d);
        return;
      }
      case 'total': {
        if (this.model.totalFormula) {
          this.totalFormula();
          return;
        }
        let total = Rational.ZERO;
        for (const d of this.state.dimensions.values()) total = total.add(d.score);
        this.state.total = total;
        this.trace?.({ kind: 'total', total });
        return;
      }
      case 'veto': {
        const v = this.model.vetoesById.get(n.id);
        if (!v) return;
        const r = this.conditions({ kind: 'veto', id: v.id }, v.when ? [v.when] : []);
        this.state.vetoes.set(v.id, { truth: r.truth, missing: r.missing });
        this.trace?.({ kind: 'veto', id: v.id, truth: r.truth, fired: r.truth === true, missing: r.missing });
        return;
      }
      case 'prerequisite': {
        const p = this.model.prerequisitesById.get(n.id);
        if (!p) return;
        const r = this.conditions({ kind: 'prerequisite', id: p.id }, p.requires);
        this.state.prerequisites.set(p.id, { truth: r.truth, missing: r.missing });
        this.trace?.({ kind: 'prerequisite', id: p.id, truth: r.truth, holds: r.truth === true, missing: r.missing });
        return;
      }
      case 'levels':
        this.ladder();
        return;
      default:
        return assertNever(n, 'node');
    }
  }

  /** A derived value: its formula's value, checked against the declared type (a bound, integer-ness). */
  private derive(d: DeriveInfo): void {
    const ctx = this.ctx(d.id);
    const v = evalExpr(d.decl.formula, ctx);
    if (d.declared) checkDeclared(d.id, d.declared, v);
    this.state.derived?.set(d.id, v);
    this.trace?.({ kind: 'derived', id: d.id, span: d.decl.span, value: shownValue(v), reads: ctx.reads ?? [], missing: missingOf(v) });
  }

  /**
   * The formula total: its value within the declared bound. Unknown (it read missing evidence) → reported as 0 with
   * the missing fields, while `total` in conditions reads unknown.
   */
  private totalFormula(): void {
    const f = this.model.totalFormula;
    if (!f) return;
    const ctx = this.ctx('total');
    const v = evalExpr(f.decl.formula, ctx);
    if (f.declared) checkDeclared('total', f.declared, v);
    if (v.k !== 'num' && v.k !== 'unknown') throw new EvalFailure('E152', { where: 'total', detail: 'the total must be a number' });
    const value = v.k === 'num' ? v.q : null;
    this.trace?.({ kind: 'total-formula', span: f.decl.span, value, reads: ctx.reads ?? [], missing: missingOf(v) });
    this.state.total = value ?? Rational.ZERO;
    if (v.k === 'unknown') this.state.totalMissing = v.missing;
    this.trace?.({ kind: 'total', total: this.state.total });
  }

  /** Evaluates conditions that must all hold (three-valued conjunction), emitting one event per condition. */
  private conditions(owner: ConditionOwner, exprs: readonly Expr[]): { truth: Truth; missing: string[]; each: Truth[] } {
    let code: TruthCode = T_TRUE;
    const missing = new Set<string>();
    const each: Truth[] = [];
    for (const [index, x] of exprs.entries()) {
      const ctx = this.ctx(owner.id);
      const v = evalExpr(x, ctx);
      const t = truthOf(v, owner.id);
      each.push(t);
      const miss = missingOf(v);
      const elements = ctx.elements && ctx.elements.length > 0 ? { elements: ctx.elements } : {};
      this.trace?.({ kind: 'condition', owner, index, span: x.span, truth: t, reads: ctx.reads ?? [], missing: miss, ...elements });
      code = andCode(code, codeOfTruth(t));
      if (t === 'unknown') for (const f of miss) missing.add(f);
    }
    const truth = truthOfCode(code);
    return { truth, missing: truth === 'unknown' ? [...missing] : [], each };
  }

  private ladder(): void {
    const lad = this.model.ladder;
    if (!lad) return;
    const own = lad.levels.map((l) => {
      const r = this.conditions({ kind: 'level', id: l.id }, l.requires);
      return { l, own: r.each.every((t) => t === true), failed: r.each.flatMap((truth, index) => (truth === true ? [] : [{ index, truth }])) };
    });
    const holds = ladderHolds(lad.cumulative, own.map((o) => o.own), []);
    this.levels = own.map((o, i) => ({ id: o.l.id, holds: holds[i] as boolean, failed: o.failed }));
    for (const [i, o] of own.entries()) {
      this.trace?.({ kind: 'level', id: o.l.id, ownHolds: o.own, holds: holds[i] as boolean, failed: o.failed });
    }
    const top = reachedIndex(holds);
    this.level = top >= 0 ? (own[top] as { l: { id: string } }).l.id : (lad.fallback?.id ?? null);
  }

  /** A dimension's indicators as the weight rules read them (not yet computed counts as applicable, as declared). */
  private readonly weightsOf: DimensionWeights<readonly string[], Rational> = {
    count: (ids) => ids.length,
    weight: (ids, k) => this.model.indicatorsById.get(ids[k] as string)?.weight ?? Rational.ZERO,
    applicable: (ids, k) => this.ind.get(ids[k] as string)?.applicable !== false,
  };

  private dimension(id: string): void {
    const d = this.model.dimensionsById.get(id);
    if (!d) return;
    const all = weightSum(RATIONAL_OPS, this.weightsOf, d.indicators);
    const applicable = applicableWeightSum(RATIONAL_OPS, this.weightsOf, d.indicators);
    const effective = new Map<string, Rational>();
    let score = Rational.ZERO;
    for (const i of d.indicators) {
      const info = this.model.indicatorsById.get(i);
      const s = this.ind.get(i);
      if (!info || !s) continue;
      const eff = effectiveWeight(RATIONAL_OPS, info.weight, all, applicable, s.applicable);
      effective.set(i, eff);
      const part = contribution(RATIONAL_OPS, eff, s.points);
      score = score.add(part);
      this.trace?.({ kind: 'weight', indicator: i, dimension: id, declared: info.weight, effective: eff, contribution: part });
    }
    const share = shareOf(RATIONAL_OPS, score, d.weight);
    this.state.dimensions.set(id, { score, share, effective });
    this.trace?.({ kind: 'dimension', id, weight: d.weight, score, share });
  }

  private setIndicator(info: IndicatorInfo, out: IndicatorOut, missing: readonly string[], span?: Expr['span']): void {
    this.ind.set(info.id, out);
    this.state.indicators.set(info.id, out);
    this.trace?.(pointsEvent(info.id, info.dimension, out.status, out.points, out.matched, span, missing));
  }

  private indicator(info: IndicatorInfo): void {
    const id = info.id;
    const value = this.state.values.get(id);
    this.trace?.({ kind: 'indicator-value', indicator: id, dimension: info.dimension, field: this.fields.get(id), value });
    const applies = info.decl.applies;
    if (applies) {
      const ctx = this.ctx(id);
      const v = evalExpr(applies, ctx);
      const t = truthOf(v, id);
      this.trace?.({
        kind: 'applicability',
        indicator: id,
        span: applies.span,
        truth: t,
        applicable: appliesWhen(codeOfTruth(t)),
        reads: ctx.reads ?? [],
        missing: missingOf(v),
      });
      if (!appliesWhen(codeOfTruth(t))) {
        this.setIndicator(info, { status: 'not_applicable', points: null, applicable: false }, []);
        return;
      }
    }
    if (value === undefined) {
      this.setIndicator(info, { status: 'missing', points: Rational.ZERO, applicable: true }, [id]);
      return;
    }
    const s = info.decl.scoring;
    if (!s) {
      this.setIndicator(info, { status: 'scored', points: Rational.ZERO, applicable: true }, []);
      return;
    }
    switch (s.kind) {
      case 'Bands': {
        const own = fromEvidence(value);
        for (const [index, b] of s.bands.entries()) {
          const ctx = this.ctx(id, id);
          let v: V;
          let bound: Rational | string | boolean | undefined;
          if (b.cond.kind === 'Compare') {
            const bv = evalExpr(b.cond.bound, ctx);
            bound = bv.k === 'num' ? bv.q : bv.k === 'sym' ? bv.s : bv.k === 'bool' ? bv.b : undefined;
            v = compareValues(b.cond.op, own, bv, ctx);
          } else if (b.cond.kind === 'Cond') v = evalExpr(b.cond.expr, ctx);
          else v = { k: 'bool', b: true };
          const t = truthOf(v, id);
          this.trace?.(
            bandEvent(id, index, b.span, t, value, b.cond.kind === 'Compare' ? b.cond.op : undefined, bound, b.cond.kind === 'Else', ctx.reads ?? [], missingOf(v)),
          );
          if (bandMatches(codeOfTruth(t))) {
            this.scorePoints(info, b.points, index, b.span);
            return;
          }
        }
        this.noMatch(info, value);
        return;
      }
      case 'Map': {
        if (value.kind === 'sym') {
          const at = mapEntry(mapIndex(s.entries.map((e) => (e.key.kind === 'Name' ? e.key.name : undefined))), value.s);
          const entry = s.entries[at];
          if (entry) {
            this.trace?.({
              kind: 'map-entry',
              indicator: id,
              index: at,
              span: entry.span,
              key: entry.key.kind === 'Name' ? entry.key.name : undefined,
              value: value.s,
            });
            this.scorePoints(info, entry.points, at, entry.span);
            return;
          }
        }
        this.noMatch(info, value);
        return;
      }
      case 'Formula': {
        const ctx = this.ctx(id, id);
        const v = evalExpr(s.expr, ctx);
        this.trace?.({
          kind: 'formula',
          indicator: id,
          span: s.span,
          result: v.k === 'num' ? v.q : null,
          reads: ctx.reads ?? [],
          missing: missingOf(v),
        });
        this.finishPoints(info, v, undefined, s.span);
        return;
      }
      default:
        return assertNever(s, 'scoring');
    }
  }

  private noMatch(info: IndicatorInfo, value: EvidenceValue): void {
    this.warnings.push(issue('E153', info.id, { indicator: info.id, found: renderValue(value) }, this.lang));
    this.setIndicator(info, { status: 'scored', points: Rational.ZERO, applicable: true }, []);
  }

  private scorePoints(info: IndicatorInfo, p: Points, index: number, span: Expr['span']): void {
    const ctx = this.ctx(info.id, info.id);
    let chosen: Expr | undefined = p.value;
    if (p.when) {
      const c = evalExpr(p.when, ctx);
      const t = truthOf(c, info.id);
      chosen = t === true ? p.value : p.otherwise;
      this.trace?.({
        kind: 'conditional-points',
        indicator: info.id,
        span: p.span,
        truth: t,
        gave: t === true ? 'then' : 'else',
        reads: ctx.reads ?? [],
        missing: missingOf(c),
      });
    }
    const v: V = chosen ? evalExpr(chosen, this.ctx(info.id, info.id)) : { k: 'num', q: Rational.ZERO };
    this.finishPoints(info, v, index, span);
  }

  private finishPoints(info: IndicatorInfo, v: V, matched: number | undefined, span: Expr['span']): void {
    const at = matched !== undefined ? { matched } : {};
    if (v.k === 'unknown') {
      this.setIndicator(info, { status: 'missing', points: Rational.ZERO, applicable: true, ...at }, v.missing, span);
      return;
    }
    if (v.k !== 'num') throw new EvalFailure('E152', { where: info.id, detail: 'points must be a number' });
    if (v.q.sign() < 0 || v.q.gt(Rational.HUNDRED)) {
      throw new EvalFailure('E151', { where: info.id, points: v.q.toDecimalString() });
    }
    this.setIndicator(info, { status: 'scored', points: v.q, applicable: true, ...at }, [], span);
  }
}

/** A known value against its declared type: a bound (E171) and integer-ness (E172). Unknown values pass. */
function checkDeclared(name: string, t: ValueType, v: V): void {
  if (v.k !== 'num' || t.kind !== 'number') return;
  if (!withinBounds(t, v.q)) {
    throw new EvalFailure('E171', { where: name, name, value: v.q.toDecimalString(), domain: describeType(t) });
  }
  if (t.base === 'integer' && !v.q.isInteger()) throw new EvalFailure('E172', { where: name, name, value: v.q.toDecimalString() });
}

const unknownRule = { truth: 'unknown' as Truth, missing: [] as readonly string[] };

/** Reads collected for an event; exported for tests of the trace. */
export type { Read };
