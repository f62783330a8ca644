// A ruleset compiled once into a plan of closures, assessing many platforms; the reference evaluator is the oracle.
// In: a model (once), then platforms. Out: the same `Assessment` engine/evaluate/evaluate.ts gives — or, for whatever the
// plan does not decide itself (invalid evidence, warnings, evaluation errors, numbers out of range), the reference's
// own answer: the plan hands the platform over (`Bail`), so results are always the reference's.
//
// Tracing is a decorator chosen when the plan is built: a second, traced variant of every closure is compiled on
// first use; the untraced variant never tests a flag or builds an event. Traced runs buffer their events and pass
// them on only when the plan decided the platform itself, so a hand-over never duplicates events.

import { LANGS, type Expr, type Lang } from '../../dsl/ast';
import type { AssessOptions, PlatformInput } from '../evaluate/evaluate';
import { MAX_STEPS } from '../evaluate/expr';
import type { Model } from '../model/model';
import { Rational } from '../numbers/rational';
import { decisionOf, missingOf, toResultJson, type ResultJson, type Assessment, type Decision, type DerivedResult, type DimensionResult, type EvidenceIssue, type IndicatorResult, type MissingEvidence, type MissingSource, type Outcome, type RuleResult, type Truth } from '../evaluate/result';
import { compileEvidenceReader, evidenceOf, INVALID, type EvidenceReader } from '../evidence/fast';
import type { ExprCtx } from './expr';
import { jsonLayoutOf, resultJsonOf, type JsonLayout } from './json';
import { compileNodes, type NodeFn } from './nodes';
import { Bail } from './num';
import { verdict } from './verdicts';
import { outcomeOf } from '../semantics/outcome';
import { truthOfCode, type TruthCode } from '../semantics/truth';
import { shownOf, Unk } from './values';
import { layoutOf, Rt, snapshot, ST_MISSING, STATUS, T_TRUE, T_UNKNOWN, type Layout, type Snap } from './runtime';
import { compileWeights, contributionRat, effRat, pointsRat, scoreRat, shareRat, totalRat, type Weights } from './scores';

/** The reference evaluator, for what the plan hands over. */
export type Reference = (input: PlatformInput, opts: AssessOptions) => Assessment;

export interface Plan {
  /** Assesses one platform; the reference's result whenever the plan hands over. */
  assess(input: PlatformInput, opts?: AssessOptions): Assessment;
  /**
   * The decision alone (`decisionOf(assess(input))`: outcome, level, exact total, failed prerequisites, fired
   * vetoes, warnings in `lang`) by the decision variant, without the per-dimension and per-indicator detail — but
   * see `PlanSummary` for invalid evidence. `messages: false`: no warning is rendered or listed. `lenient`: as the
   * reference's option (the plan hands every case it changes over to the reference).
   */
  summary(input: PlatformInput, lang?: Lang, messages?: boolean, lenient?: boolean): PlanSummary;
  /**
   * `toResultJson(assess(input))`, written straight from the plan's state (no `Rational` is built for a platform the
   * plan decides); the reference's result, converted, whenever the plan hands over, and the full assessment's when
   * evidence was missing (its `missing` list is built from the assessment).
   */
  evaluate(input: PlatformInput, lang?: Lang, lenient?: boolean): ResultJson;
  /** Platforms decided by the plan and handed over to the reference, since the plan was built (for tests, bench). */
  readonly stats: { decided: number; handedOver: number; lastReason: string };
}

/**
 * The decision (`Decision`), with one difference: for `invalid` evidence it has no errors (their messages are the
 * reference's to give) and no warnings; without `messages`, no platform has any.
 */
export type PlanSummary = Decision;

/** Why a model gets no plan (then every platform goes to the reference); undefined when it gets one. */
export function planObstacle(model: Model): string | undefined {
  if (staticSteps(model) > MAX_STEPS) return 'the ruleset may evaluate more expression nodes than the step limit';
  return undefined;
}

/** Upper bound on the expression nodes one assessment evaluates (quantifiers multiply by their domain). */
export function staticSteps(model: Model): number {
  const count = (e: Expr | undefined): number => {
    if (!e) return 0;
    switch (e.kind) {
      case 'Num':
      case 'Percent':
      case 'Bool':
      case 'Error':
      case 'Total':
      case 'Ref':
      case 'Prop':
        return 1;
      case 'Call':
        return 1 + e.args.reduce((s, a) => s + count(a), 0);
      case 'Unary':
        return 1 + count(e.operand);
      case 'Binary':
      case 'Compare':
        return 1 + count(e.left) + count(e.right);
      case 'In':
        return 1 + count(e.operand) + e.set.reduce((s, a) => s + count(a), 0);
      case 'If':
        return 1 + count(e.cond) + count(e.then) + count(e.otherwise);
      case 'Quantified': {
        const size =
          e.domain === 'dimension'
            ? model.dimensions.length
            : e.domain === 'veto'
              ? model.vetoes.length
              : e.domain === 'prerequisite'
                ? model.prerequisites.length
                : model.indicators.length;
        return Math.min(Number.MAX_SAFE_INTEGER, 1 + size * count(e.body));
      }
      case 'Table':
        return 1 + e.keys.length + e.entries.reduce((s, x) => s + count(x.value), 0);
    }
  };
  let n = 0;
  const points = (p: { value: Expr; when?: Expr; otherwise?: Expr }): number => count(p.value) + count(p.when) + count(p.otherwise);
  for (const i of model.indicators) {
    n += count(i.decl.applies);
    const s = i.decl.scoring;
    if (!s) continue;
    if (s.kind === 'Formula') n += count(s.expr);
    else if (s.kind === 'Bands') for (const b of s.bands) n += (b.cond.kind === 'Compare' ? count(b.cond.bound) : b.cond.kind === 'Cond' ? count(b.cond.expr) : 0) + points(b.points);
    else for (const e of s.entries) n += points(e.points);
  }
  for (const d of model.derived) n += count(d.decl.formula);
  n += count(model.totalFormula?.decl.formula);
  for (const v of model.vetoes) n += count(v.when);
  for (const p of model.prerequisites) for (const x of p.requires) n += count(x);
  for (const l of model.levels) for (const x of l.requires) n += count(x);
  return n;
}

interface Variant {
  readonly traced: boolean;
  readonly nodes: readonly NodeFn[];
  rt: Rt;
}

const unknownRule = { truth: 'unknown' as Truth, missing: [] as readonly string[] };

/** Builds the plan of a model; `reference` assesses what the plan hands over. Never throws for a valid model. */
export function compilePlan(model: Model, reference: Reference): Plan {
  const stats = { decided: 0, handedOver: 0, lastReason: '' };
  const obstacle = planObstacle(model);
  const reader: EvidenceReader | undefined = obstacle ? undefined : compileEvidenceReader(model);
  const layout: Layout | undefined = reader ? layoutOf(model, reader.slotOf) : undefined;
  const weights: Weights | undefined = layout ? compileWeights(model, layout) : undefined;
  if (!reader || !layout || !weights) {
    const why = obstacle ?? 'no fast path for this ruleset (types, bounds or weights)';
    const assess = (input: PlatformInput, opts: AssessOptions = {}): Assessment => {
      stats.handedOver++;
      stats.lastReason = why;
      return reference(input, opts);
    };
    return {
      stats,
      assess,
      evaluate: (input, lang, lenient = false) => toResultJson(assess(input, { lang: lang ?? 'en', lenient })),
      summary: (input, lang, messages = true, lenient = false) => {
        const d = decisionOf(assess(input, { lang: lang ?? 'en', lenient }));
        return messages ? d : { ...d, errors: NO_ISSUES, warnings: NO_ISSUES };
      },
    };
  }
  const slots = reader.slots.length;
  const build = (traced: boolean, decision = false): Variant => {
    const c: ExprCtx = { layout, weights, traced, decision };
    return { traced, nodes: compileNodes(model.order, c), rt: new Rt(layout, slots) };
  };
  // Each variant is compiled on first use: a corpus tallied by `decide` never builds the full one, and impact's
  // variants of a ruleset (one per diff entry and pair) build only the decision variant.
  let plainVariant: Variant | undefined;
  const plain = (): Variant => (plainVariant ??= build(false));
  const preIds = model.prerequisites.map((p) => p.id);
  const vetoIds = model.vetoes.map((v) => v.id);
  let tracedVariant: Variant | undefined;
  let decisionVariant: Variant | undefined;

  const run = (v: Variant, input: PlatformInput, lang: Lang): Assessment => {
    // Re-entrant calls (a trace callback assessing another platform) get their own state.
    const rt = v.rt.busy ? new Rt(layout, slots) : v.rt;
    rt.busy = true;
    try {
      rt.reset(lang);
      rt.events = [];
      reader.read(input.evidence, rt.raw, rt.keys, rt.sym, rt.warn);
      for (const n of v.nodes) n(rt);
      return assemble(rt, model, layout, weights, input, v.traced);
    } finally {
      rt.busy = false;
    }
  };

  // Built on the first full result (a corpus tallied by `decide` never needs it).
  let jsonLayout: JsonLayout | undefined;

  /**
   * The missing evidence of a platform the decision variant decided: the full variant's state read by `missingOf`,
   * with no `Assessment` built (most of a corpus may miss some field, and `--decision` lines list it).
   */
  const missingByPlan = (input: PlatformInput, lang: Lang, lenient: boolean): readonly MissingEvidence[] => {
    const v = plain();
    const rt = v.rt.busy ? new Rt(layout, slots) : v.rt;
    rt.busy = true;
    try {
      rt.reset(LANGS.includes(lang) ? lang : 'en');
      reader.read(input.evidence, rt.raw, rt.keys, rt.sym, rt.warn);
      for (const n of v.nodes) n(rt);
      return missingOf(missingSource(rt, model, layout, weights));
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      return missingOf(reference(input, { lang, lenient }));
    } finally {
      rt.busy = false;
    }
  };
  /** `missingByPlan` as a lazy decision asks it (its source and two values: no closure per decision). */
  const missingLater = (input: PlatformInput, o: { readonly lang: Lang; readonly lenient: boolean }): readonly MissingEvidence[] =>
    missingByPlan(input, o.lang, o.lenient);


  const plan: Plan = {
    stats,
    evaluate(input, lang = 'en', lenient = false) {
      const v = plain();
      const rt = v.rt.busy ? new Rt(layout, slots) : v.rt;
      rt.busy = true;
      try {
        rt.reset(LANGS.includes(lang) ? lang : 'en');
        // Evidence warnings rendered once per corpus (`warnShared`): the result copies their field, message, code.
        reader.read(input.evidence, rt.raw, rt.keys, rt.sym, rt.warnShared);
        for (const n of v.nodes) n(rt);
        stats.decided++;
        // Missing evidence: the result lists what it cost, read from the same state.
        const missing = anyMissing(rt) ? missingOf(missingSource(rt, model, layout, weights)) : NO_MISSING;
        return resultJsonOf(rt, (jsonLayout ??= jsonLayoutOf(model)), layout, weights, String(input.platform), input.name === undefined ? undefined : String(input.name), missing);
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
        stats.handedOver++;
        stats.lastReason = e.why;
        return toResultJson(reference(input, { lang, lenient }));
      } finally {
        rt.busy = false;
      }
    },
    summary(input, lang = 'en', messages = true, lenient = false) {
      const decision = (decisionVariant ??= build(false, true));
      const rt = decision.rt.busy ? new Rt(layout, slots) : decision.rt;
      rt.busy = true;
      try {
        rt.reset(LANGS.includes(lang) ? lang : 'en', true);
        // Warnings rendered once per corpus, not per platform (`warnShared`), or not at all.
        reader.read(input.evidence, rt.raw, rt.keys, rt.sym, messages ? rt.warnShared : ignoreWarning, true, lenient);
        for (const n of decision.nodes) n(rt);
        stats.decided++;
        const failed = ids(rt.pTruth, preIds, false);
        const fired = ids(rt.vTruth, vetoIds, true);
        const outcome: Outcome = outcomeOf(failed.length > 0, fired.length > 0);
        const total = rt.totSet ? totalRat(rt) : Rational.ZERO;
        const warnings = messages && rt.warnings.length > 0 ? rt.warnings.slice() : NO_ISSUES;
        const level = outcome === 'graded' ? rt.level : null;
        // Missing evidence: which fields and what they cost, from the full assessment when first read (the
        // decision variant keeps no list of missing fields; most readers of a corpus's decisions never ask).
        return anyMissing(rt)
          ? verdict(input, outcome, level, total, failed, fired, warnings, missingLater, input, { lang, lenient })
          : verdict(input, outcome, level, total, failed, fired, warnings);
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
        // Invalid evidence decides the summary without the reference (which would only add the messages).
        if (e.why === INVALID) {
          stats.decided++;
          return verdict(input, 'invalid', null, Rational.ZERO, NO_IDS, NO_IDS, NO_ISSUES);
        }
        stats.handedOver++;
        stats.lastReason = e.why;
        const d = decisionOf(reference(input, { lang, lenient }));
        return messages ? d : { ...d, errors: NO_ISSUES, warnings: NO_ISSUES };
      } finally {
        rt.busy = false;
      }
    },
    assess(input, opts = {}) {
      const lang: Lang = LANGS.includes(opts.lang as Lang) ? (opts.lang as Lang) : 'en';
      const trace = opts.trace;
      try {
        if (!trace) {
          const a = run(plain(), input, lang);
          stats.decided++;
          return a;
        }
        tracedVariant ??= build(true);
        const a = run(tracedVariant, input, lang);
        const events = tracedVariant.rt.events;
        tracedVariant.rt.events = [];
        stats.decided++;
        for (const e of events) trace(e);
        return a;
      } catch (e) {
        if (!(e instanceof Bail)) throw e;
        stats.handedOver++;
        stats.lastReason = e.why;
        return reference(input, opts);
      }
    },
  };
  return plan;
}

const NO_IDS: readonly string[] = [];

/** What `missingOf` reads, from the full variant's state: the missing indicators, every prerequisite and veto. */
export function missingSource(rt: Rt, m: Model, L: Layout, W: Weights): MissingSource {
  const indicators: MissingSource['indicators'][number][] = [];
  for (let i = 0; i < m.indicators.length; i++) {
    const slot = L.indSlot[i] as number;
    const absent = slot < 0 || rt.raw[slot] === undefined;
    const missing = rt.iSet[i] !== 1 || STATUS[rt.iStatus[i] as number] === 'missing';
    const info = m.indicators[i];
    if (absent && missing && info) indicators.push({ id: info.id, dimension: info.dimension, status: 'missing', effectiveWeight: effRat(rt, W, L, i) });
  }
  const rule = (c: number, id: string, missing: readonly string[] | undefined): MissingSource['prerequisites'][number] =>
    c < 0 ? { id, ...unknownRule } : { id, truth: truthOfCode(c as TruthCode), missing: missing ?? [] };
  const totV = rt.totV;
  return {
    indicators,
    ...(m.derived.length > 0 ? { derived: derivedResults(rt, m) } : {}),
    ...(totV instanceof Unk ? { totalMissing: totV.missing } : {}),
    prerequisites: m.prerequisites.map((p, k) => rule(rt.pTruth[k] as number, p.id, rt.pMissing[k] as readonly string[] | undefined)),
    vetoes: m.vetoes.map((v, k) => rule(rt.vTruth[k] as number, v.id, rt.vMissing[k] as readonly string[] | undefined)),
  };
}

/** Whether an indicator scored 0 for want of evidence, or a prerequisite or veto is unknown. */
export function anyMissing(rt: Rt): boolean {
  for (let i = 0; i < rt.iStatus.length; i++) if (rt.iSet[i] === 0 || rt.iStatus[i] === ST_MISSING) return true;
  // A derived value or the formula total that read missing evidence (the result lists the fields).
  if (rt.totV instanceof Unk) return true;
  for (const v of rt.dv) if (v instanceof Unk && v.missing.length > 0) return true;
  return rt.pTruth.includes(T_UNKNOWN) || rt.vTruth.includes(T_UNKNOWN);
}
const NO_ISSUES: readonly EvidenceIssue[] = [];
const NO_MISSING: readonly MissingEvidence[] = [];
const ignoreWarning = (): void => undefined;

/** Ids of the rules whose truth code is (`is`) or is not (`!is`) true; a shared empty list when there are none. */
function ids(codes: Int8Array, of: readonly string[], is: boolean): readonly string[] {
  let out: string[] | undefined;
  for (let k = 0; k < codes.length; k++) if ((codes[k] === T_TRUE) === is) (out ??= []).push(of[k] as string);
  return out ?? NO_IDS;
}

function assemble(rt: Rt, m: Model, L: Layout, W: Weights, input: PlatformInput, traced: boolean): Assessment {
  const prerequisites: RuleResult[] = m.prerequisites.map((p, k) => {
    const c = rt.pTruth[k] as number;
    return c < 0 ? { id: p.id, ...unknownRule } : { id: p.id, truth: truthOfCode(c as TruthCode), missing: rt.pMissing[k] as readonly string[] };
  });
  const vetoes: RuleResult[] = m.vetoes.map((v, k) => {
    const c = rt.vTruth[k] as number;
    return c < 0 ? { id: v.id, ...unknownRule } : { id: v.id, truth: truthOfCode(c as TruthCode), missing: rt.vMissing[k] as readonly string[] };
  });
  const outcome: Outcome = outcomeOf(
    prerequisites.some((p) => p.truth !== true),
    vetoes.some((v) => v.truth === true),
  );
  const level = outcome === 'graded' ? rt.level : null;
  const total = rt.totSet ? totalRat(rt) : Rational.ZERO;
  if (traced) rt.events.push({ kind: 'outcome', outcome, level, total });
  const totV = rt.totV;
  const derived = m.derived.length > 0 ? derivedResults(rt, m) : undefined;
  // Dimensions and indicators are built when first read, from a copy of the state: most batch consumers read
  // the outcome, level and total only. They are own enumerable accessors, so spreading, JSON and deep equality
  // see them as plain properties.
  // Built key by key in the reference's order (a conditional spread costs more than the rest of the object). The
  // dimensions and indicators are accessors built when first read, from a copy of the state: most batch consumers
  // read the outcome, level and total only (a ruleset with neither gets plain empty lists). Own enumerable
  // accessors, so spreading, JSON and deep equality see them as plain properties.
  const a: Record<string, unknown> = { platform: String(input.platform) };
  if (input.name !== undefined) a['name'] = String(input.name);
  a['outcome'] = outcome;
  a['level'] = level;
  a['total'] = total;
  if (totV instanceof Unk) a['totalMissing'] = totV.missing;
  if (derived) a['derived'] = derived;
  if (m.dimensions.length === 0 && m.indicators.length === 0) {
    a['dimensions'] = [];
    a['indicators'] = [];
  } else {
    const snap = snapshot(rt);
    let dims: DimensionResult[] | undefined;
    let inds: IndicatorResult[] | undefined;
    Object.defineProperty(a, 'dimensions', { get: () => (dims ??= buildDimensions(snap, m)), enumerable: true, configurable: true });
    Object.defineProperty(a, 'indicators', { get: () => (inds ??= buildIndicators(snap, m, L, W)), enumerable: true, configurable: true });
  }
  a['prerequisites'] = prerequisites;
  a['vetoes'] = vetoes;
  a['levels'] = rt.levels;
  a['errors'] = [];
  a['warnings'] = rt.warnings;
  return a as unknown as Assessment;
}

/** The derived values as the reference reports them (declaration order; null and the missing fields when unknown). */
function derivedResults(rt: Rt, m: Model): DerivedResult[] {
  return m.derived.map((d, k) => {
    const v = rt.dv[k];
    return v === undefined || v instanceof Unk ? { id: d.id, value: null, missing: v ? v.missing : [] } : { id: d.id, value: shownOf(v), missing: [] };
  });
}

function buildDimensions(snap: Snap, m: Model): DimensionResult[] {
  return m.dimensions.map((d, k) =>
    snap.dSet[k] === 1
      ? { id: d.id, weight: d.weight, score: scoreRat(snap, k), share: shareRat(snap, k) }
      : { id: d.id, weight: d.weight, score: Rational.ZERO, share: Rational.ZERO },
  );
}

function buildIndicators(snap: Snap, m: Model, L: Layout, W: Weights): IndicatorResult[] {
  return m.indicators.map((info, i) => {
    const slot = L.indSlot[i] as number;
    const raw = slot >= 0 ? snap.raw[slot] : undefined;
    const set = snap.iSet[i] === 1;
    const points = set ? pointsRat(snap, i) : null;
    const matched = set ? (snap.iMatched[i] as number) : -1;
    const status = set ? (STATUS[snap.iStatus[i] as number] as IndicatorResult['status']) : 'missing';
    const effectiveWeight = effRat(snap, W, L, i);
    const contribution = points === null ? Rational.ZERO : contributionRat(snap, W, L, i);
    // Fixed object shapes in the reference's key order (conditional spreads are slow on this path).
    if (raw !== undefined) {
      const value = evidenceOf(raw);
      const field = snap.keys[slot] as string;
      return matched >= 0
        ? { id: info.id, dimension: info.dimension, status, value, field, points, weight: info.weight, effectiveWeight, contribution, matched }
        : { id: info.id, dimension: info.dimension, status, value, field, points, weight: info.weight, effectiveWeight, contribution };
    }
    return matched >= 0
      ? { id: info.id, dimension: info.dimension, status, points, weight: info.weight, effectiveWeight, contribution, matched }
      : { id: info.id, dimension: info.dimension, status, points, weight: info.weight, effectiveWeight, contribution };
  });
}
