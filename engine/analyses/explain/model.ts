// The explanation of one assessment, built from the evaluator's trace events (never by evaluating again).
// In: a compiled ruleset, the `Assessment` and the `EvalEvent`s of the same run. Out: an `Explanation`:
// language-neutral data (ids, exact numbers, conditions as written) that the renderers put into words.

import type { Lang, Span, Text } from '../../../dsl/ast';
import { printExpr } from '../../../dsl/printer';
import type { CompiledRuleset } from '../../compile';
import type { PlatformInput } from '../../evaluate/evaluate';
import type { EvalEvent, Read } from '../../evaluate/events';
import { renderValue } from '../../evidence/validate';
import type { Rational } from '../../numbers/rational';
import { exactText, pointsText } from '../../present/numbers';
import type { Assessment, EvidenceIssue, EvidenceValue, IndicatorStatus, Outcome, RulesetIdentity, Truth } from '../../evaluate/result';
import type { BenchmarkPlacement } from '../benchmark';
import { approxText, explainCondition, opText, readsText, type ConditionWhy } from './conditions';
import { blockedBy, reachedIndex } from '../../semantics/ladder';

/** How an indicator got its points, as written: `99.93 ≥ 99.9 → 70`. */
export interface RuleHit {
  readonly kind: 'band' | 'entry' | 'formula' | 'none';
  /** Band or entry index (source order). */
  readonly index?: number;
  /** `99.93 ≥ 99.9`, `else (10 < 15)`, `frameworks >= 4 and architectures >= 3`, `L3`, `min(100, value * 2) = 80`. */
  readonly text: string;
  /** Values read by a condition band, a conditional entry or a formula: `frameworks = 5, architectures = 4`. */
  readonly values?: string;
  /** The points expression as written (`60 when not mainland_ops else 0`), when it is not just the number. */
  readonly pointsText?: string;
  readonly span?: Span;
}

export interface IndicatorExplanation {
  readonly id: string;
  readonly dimension: string;
  readonly label: Text | undefined;
  readonly unit: string | undefined;
  readonly percent: boolean;
  readonly basis: string | undefined;
  readonly status: IndicatorStatus;
  /** The evidence key the value came from (a former id for a renamed indicator). */
  readonly field: string | undefined;
  readonly formerId: string | undefined;
  readonly value: EvidenceValue | undefined;
  /** `applies when`: the condition as written, its truth and the values it read. */
  readonly applicability?: { readonly text: string; readonly truth: Truth; readonly values: string; readonly span: Span };
  readonly rule: RuleHit | undefined;
  readonly points: Rational | null;
  /** Evidence fields whose absence made it missing. */
  readonly missing: readonly string[];
  readonly declaredWeight: Rational;
  readonly effectiveWeight: Rational;
  readonly redistributed: boolean;
  readonly contribution: Rational;
}

export interface DimensionExplanation {
  readonly id: string;
  readonly label: Text | undefined;
  readonly weight: Rational;
  readonly score: Rational;
  readonly share: Rational;
  readonly indicators: readonly IndicatorExplanation[];
}

export interface RuleExplanation {
  readonly id: string;
  readonly label: Text | undefined;
  readonly truth: Truth;
  readonly missing: readonly string[];
  /** Prerequisites: the `require`s that did not hold; vetoes: the `when` condition (when fired or unknown). */
  readonly conditions: readonly ConditionWhy[];
}

export interface LevelExplanation {
  readonly id: string;
  readonly label: Text | undefined;
  readonly holds: boolean;
  readonly ownHolds: boolean;
  /** The `require`s of this level that did not hold. */
  readonly failed: readonly ConditionWhy[];
  /** Cumulative ladders: the level below that this one needs and that does not hold. */
  readonly needs?: string;
}

/** A derived value (or the formula total): its value at the ruleset's `precision`, and what its formula read. */
export interface ComputedExplanation {
  /** The derived value's id; `total` for the formula total. */
  readonly id: string;
  readonly label: Text | undefined;
  readonly unit: string | undefined;
  /** Exact value; undefined when unknown (a number, an enum value or a truth value). */
  readonly value: EvidenceValue | undefined;
  /** The value as shown: numbers to `precision` digits with `≈` when that rounded them; `?` when unknown. */
  readonly shown: string;
  /** Evidence fields whose absence made it unknown. */
  readonly missing: readonly string[];
  /** What the formula read, `name = value` (derived values at `precision`). */
  readonly values: string;
  readonly span: Span;
}

export interface Explanation {
  readonly ruleset: RulesetIdentity;
  readonly rulesetTitle: Text | undefined;
  readonly platform: string;
  readonly name: string | undefined;
  readonly outcome: Outcome;
  readonly level: string | null;
  readonly levelLabel: Text | undefined;
  /** The level the scores and level conditions alone give (also when vetoed or not rated). */
  readonly scoreLevel: string | null;
  readonly total: Rational;
  /** Digits shown for derived values and a formula total (the ruleset's `precision`, default 4). */
  readonly precision: number;
  /** Derived values in evaluation order (empty when the ruleset declares none). */
  readonly derived: readonly ComputedExplanation[];
  /** The formula total, when the ruleset defines its total by a formula. */
  readonly totalFormula?: ComputedExplanation;
  readonly dimensions: readonly DimensionExplanation[];
  readonly prerequisites: readonly RuleExplanation[];
  readonly vetoes: readonly RuleExplanation[];
  /** Every level above `scoreLevel` (or all levels when none holds), highest first. */
  readonly levelsAbove: readonly LevelExplanation[];
  /** Every level of the ladder, highest first (for tools). */
  readonly levels: readonly LevelExplanation[];
  readonly errors: readonly EvidenceIssue[];
  readonly warnings: readonly EvidenceIssue[];
  readonly events: readonly EvalEvent[];
  readonly benchmark?: BenchmarkPlacement;
}

/** Assesses with tracing on: the assessment and the events of its run (what `buildExplanation` reads). */
export function tracedAssessment(
  ruleset: CompiledRuleset,
  input: PlatformInput,
  opts: { lang?: Lang; lenient?: boolean } = {},
): { assessment: Assessment; events: readonly EvalEvent[] } {
  const events: EvalEvent[] = [];
  const assessment = ruleset.assess(input, { ...(opts.lang ? { lang: opts.lang } : {}), lenient: opts.lenient === true, trace: (e) => events.push(e) });
  return { assessment, events };
}

/** Assesses with tracing on and explains the result. */
export function explainPlatform(
  ruleset: CompiledRuleset,
  input: PlatformInput,
  opts: { lang?: Lang; benchmark?: BenchmarkPlacement; lenient?: boolean } = {},
): { assessment: Assessment; explanation: Explanation; events: readonly EvalEvent[] } {
  const { assessment, events } = tracedAssessment(ruleset, input, opts);
  return { assessment, explanation: buildExplanation(ruleset, assessment, events, opts.benchmark), events };
}

type Ev<K extends EvalEvent['kind']> = Extract<EvalEvent, { kind: K }>;

function byKind<K extends EvalEvent['kind']>(events: readonly EvalEvent[], kind: K): Ev<K>[] {
  return events.filter((e): e is Ev<K> => e.kind === kind);
}

/** Builds the explanation of `a` from the events of the run that produced it. */
export function buildExplanation(
  ruleset: CompiledRuleset,
  a: Assessment,
  events: readonly EvalEvent[],
  benchmark?: BenchmarkPlacement,
): Explanation {
  const m = ruleset.model;
  const indicators = new Map<string, IndicatorExplanation>();
  // Each indicator's events, gathered in one pass (filtering the whole trace per indicator is quadratic).
  const byIndicator = new Map<string, EvalEvent[]>();
  for (const e of events) {
    if (!('indicator' in e)) continue;
    const list = byIndicator.get(e.indicator);
    if (list) list.push(e);
    else byIndicator.set(e.indicator, [e]);
  }
  for (const info of m.indicators) {
    const ex = explainIndicator(ruleset, info.id, byIndicator.get(info.id) ?? []);
    if (ex) indicators.set(info.id, ex);
  }
  const dimEvents = new Map(byKind(events, 'dimension').map((d) => [d.id, d]));
  const dimensions: DimensionExplanation[] = [];
  for (const d of m.dimensions) {
    const ev = dimEvents.get(d.id);
    if (!ev) continue;
    dimensions.push({
      id: d.id,
      label: d.decl.label,
      weight: ev.weight,
      score: ev.score,
      share: ev.share,
      indicators: d.indicators.flatMap((i) => indicators.get(i) ?? []),
    });
  }
  const conds = byKind(events, 'condition');
  const condsOf = (kind: 'prerequisite' | 'veto' | 'level', id: string) => conds.filter((c) => c.owner.kind === kind && c.owner.id === id);

  // A formula total reads at the ruleset's precision in failed conditions (`total 0.5 < 2`), a weighted sum as a score.
  const totalPlaces = m.totalFormula ? m.precision : undefined;
  const prerequisites: RuleExplanation[] = byKind(events, 'prerequisite').map((p) => {
    const decl = m.prerequisitesById.get(p.id);
    const failed = condsOf('prerequisite', p.id).filter((c) => c.truth !== true);
    return {
      id: p.id,
      label: decl?.decl.label,
      truth: p.truth,
      missing: p.missing,
      conditions: failed.flatMap((c) => {
        const x = decl?.requires[c.index];
        return x ? [explainCondition(x, c, totalPlaces)] : [];
      }),
    };
  });
  const vetoes: RuleExplanation[] = byKind(events, 'veto').map((v) => {
    const decl = m.vetoesById.get(v.id);
    const shown = condsOf('veto', v.id).filter((c) => c.truth !== false);
    return {
      id: v.id,
      label: decl?.decl.label,
      truth: v.truth,
      missing: v.missing,
      conditions: shown.flatMap((c) => (decl?.when ? [explainCondition(decl.when, c, totalPlaces)] : [])),
    };
  });
  const levelEvents = byKind(events, 'level');
  const ownHolds = levelEvents.map((l) => l.ownHolds);
  const levelHolds = levelEvents.map((l) => l.holds);
  const levels: LevelExplanation[] = levelEvents.map((l, i) => {
    const decl = m.ladder?.levels.find((x) => x.id === l.id);
    const failed = condsOf('level', l.id).filter((c) => c.truth !== true);
    const blocker = levelEvents[blockedBy(m.ladder?.cumulative === true, ownHolds, levelHolds, i)];
    const needs = blocker ? { needs: blocker.id } : {};
    return {
      id: l.id,
      label: decl?.decl.label,
      holds: l.holds,
      ownHolds: l.ownHolds,
      failed: failed.flatMap((c) => {
        const x = decl?.requires[c.index];
        return x ? [explainCondition(x, c, totalPlaces)] : [];
      }),
      ...needs,
    };
  });
  const places = m.precision;
  const derived: ComputedExplanation[] = byKind(events, 'derived').map((d) => {
    const decl = m.derivedById.get(d.id)?.decl;
    return computed(d.id, decl?.label, decl?.unit?.value, d.value, d.missing, d.reads, d.span, places);
  });
  const tf = byKind(events, 'total-formula')[0];
  const tdecl = m.totalFormula?.decl;
  const totalFormula =
    tf && tdecl
      ? computed('total', tdecl.label, tdecl.unit?.value, tf.value === null ? undefined : { kind: 'num', q: tf.value }, tf.missing, tf.reads, tf.span, places)
      : undefined;
  const top = reachedIndex(levelHolds);
  const scoreLevel = top >= 0 ? (levels[top]?.id ?? null) : (m.ladder?.fallback?.id ?? null);
  const levelsAbove = top >= 0 ? levels.slice(0, top) : levels;
  const levelId = a.level;
  const levelLabel =
    levelId === null ? undefined : (m.ladder?.levels.find((l) => l.id === levelId)?.decl.label ?? (m.ladder?.fallback?.id === levelId ? m.ladder.fallback.decl.label : undefined));
  return {
    ruleset: ruleset.identity,
    rulesetTitle: ruleset.ast.header.title,
    platform: a.platform,
    name: a.name,
    outcome: a.outcome,
    level: a.level,
    levelLabel,
    scoreLevel: a.outcome === 'invalid' ? null : scoreLevel,
    total: a.total,
    precision: places,
    derived,
    ...(totalFormula ? { totalFormula } : {}),
    dimensions,
    prerequisites,
    vetoes,
    levelsAbove: a.outcome === 'invalid' ? [] : levelsAbove,
    levels,
    errors: a.errors,
    warnings: a.warnings,
    events,
    ...(benchmark ? { benchmark } : {}),
  };
}

function computed(
  id: string,
  label: Text | undefined,
  unit: string | undefined,
  value: EvidenceValue | undefined,
  missing: readonly string[],
  reads: readonly Read[],
  span: Span,
  places: number,
): ComputedExplanation {
  const shown = value === undefined ? '?' : value.kind === 'num' ? approxText(value.q, places) : renderValue(value);
  return { id, label, unit, value, shown, missing, values: readsText(reads, places), span };
}

/** `mine`: the events of indicator `id`, in trace order. */
function explainIndicator(ruleset: CompiledRuleset, id: string, mine: readonly EvalEvent[]): IndicatorExplanation | undefined {
  const info = ruleset.model.indicatorsById.get(id);
  if (!info) return undefined;
  const valueEv = mine.find((e): e is Ev<'indicator-value'> => e.kind === 'indicator-value');
  const pointsEv = mine.find((e): e is Ev<'points'> => e.kind === 'points');
  const weightEv = mine.find((e): e is Ev<'weight'> => e.kind === 'weight');
  const appEv = mine.find((e): e is Ev<'applicability'> => e.kind === 'applicability');
  if (!valueEv || !pointsEv || !weightEv) return undefined;
  const decl = info.decl;
  const field = valueEv.value !== undefined ? valueEv.field : undefined;
  const applicability =
    appEv && decl.applies
      ? { applicability: { text: printExpr(decl.applies), truth: appEv.truth, values: readsText(appEv.reads), span: appEv.span } }
      : {};
  const rule = pointsEv.status === 'scored' || pointsEv.matched !== undefined ? ruleHit(ruleset, id, mine, pointsEv) : undefined;
  return {
    id,
    dimension: info.dimension,
    label: decl.label,
    unit: decl.unit?.value,
    percent: info.type?.kind === 'number' && info.type.base === 'percent',
    basis: decl.basis?.value,
    status: pointsEv.status,
    field,
    formerId: field !== undefined && field !== id ? field : undefined,
    value: valueEv.value,
    ...applicability,
    rule,
    points: pointsEv.points,
    missing: pointsEv.missing,
    declaredWeight: weightEv.declared,
    effectiveWeight: weightEv.effective,
    redistributed: !weightEv.declared.eq(weightEv.effective),
    contribution: weightEv.contribution,
  };
}

function pointsSuffix(points: Rational | null): string {
  return points === null ? '' : ` → ${pointsText(points)}`;
}

function ruleHit(ruleset: CompiledRuleset, id: string, mine: readonly EvalEvent[], pe: Ev<'points'>): RuleHit {
  const scoring = ruleset.model.indicatorsById.get(id)?.decl.scoring;
  const cp = mine.find((e): e is Ev<'conditional-points'> => e.kind === 'conditional-points');
  const conditional = (p: { value: unknown; when?: unknown } | undefined, text: string | undefined) =>
    p && p.when !== undefined && text !== undefined ? { pointsText: text } : {};
  const cpValues = cp ? readsText(cp.reads) : undefined;
  const join = (...xs: (string | undefined)[]): string | undefined => {
    const s = xs.filter((x): x is string => x !== undefined && x !== '').join(', ');
    return s === '' ? undefined : s;
  };
  const span = pe.span ? { span: pe.span } : {};
  if (scoring?.kind === 'Bands') {
    const bands = mine.filter((e): e is Ev<'band'> => e.kind === 'band');
    const hit = bands.find((b) => b.matched);
    if (!hit) return { kind: 'none', text: '', ...span };
    const band = scoring.bands[hit.index];
    const ptext = band ? printPoints(band.points) : undefined;
    // Inside an object indicator's bands its members are in scope by name: `frameworks = 5`, not the dotted path.
    const own = hit.reads.length > 0 && band?.cond.kind === 'Cond' ? readsText(hit.reads).split(`${id}.`).join('') : undefined;
    const values = join(own, cpValues);
    let text: string;
    if (hit.op !== undefined && hit.bound !== undefined) {
      const written = band?.cond.kind === 'Compare' ? printExpr(band.cond.bound) : boundText(hit.bound);
      text = `${renderValue(hit.value)} ${opText(hit.op)} ${written}`;
    } else if (hit.else) {
      const prev = bands[hit.index - 1];
      const prevBand = scoring.bands[hit.index - 1];
      const written = prevBand?.cond.kind === 'Compare' ? printExpr(prevBand.cond.bound) : prev?.bound !== undefined ? boundText(prev.bound) : '';
      text =
        prev && prev.op !== undefined && prev.bound !== undefined && prev.truth === false
          ? `else (${renderValue(hit.value)} ${opText(negate(prev.op))} ${written})`
          : `else (${renderValue(hit.value)})`;
    } else {
      text = band && band.cond.kind === 'Cond' ? printExpr(band.cond.expr) : '';
    }
    return {
      kind: 'band',
      index: hit.index,
      text: text + pointsSuffix(pe.points),
      ...(values !== undefined ? { values } : {}),
      ...conditional(band?.points, ptext),
      ...span,
    };
  }
  if (scoring?.kind === 'Map') {
    const me = mine.find((e): e is Ev<'map-entry'> => e.kind === 'map-entry');
    if (!me) return { kind: 'none', text: '', ...span };
    const entry = scoring.entries[me.index];
    const text = me.key === undefined ? `else (${me.value})` : me.key;
    return {
      kind: 'entry',
      index: me.index,
      text: text + pointsSuffix(pe.points),
      ...(cpValues ? { values: cpValues } : {}),
      ...conditional(entry?.points, entry ? printPoints(entry.points) : undefined),
      ...span,
    };
  }
  if (scoring?.kind === 'Formula') {
    const fe = mine.find((e): e is Ev<'formula'> => e.kind === 'formula');
    const result = fe?.result ? pointsText(fe.result) : '?';
    return {
      kind: 'formula',
      text: `${printExpr(scoring.expr)} = ${result}`,
      ...(fe && fe.reads.length > 0 ? { values: readsText(fe.reads) } : {}),
      ...span,
    };
  }
  return { kind: 'none', text: '', ...span };
}

function negate(op: NonNullable<Ev<'band'>['op']>): NonNullable<Ev<'band'>['op']> {
  const n = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;
  return n[op];
}

function boundText(b: Rational | string | boolean): string {
  return typeof b === 'string' || typeof b === 'boolean' ? String(b) : exactText(b);
}

function printPoints(p: { value: Parameters<typeof printExpr>[0]; when?: Parameters<typeof printExpr>[0]; otherwise?: Parameters<typeof printExpr>[0] }): string {
  if (!p.when) return printExpr(p.value);
  return `${printExpr(p.value)} when ${printExpr(p.when)}${p.otherwise ? ` else ${printExpr(p.otherwise)}` : ''}`;
}

/** The reads of an event as `name = value` text (for renderers of raw events). */
export function readsOf(reads: readonly Read[]): string {
  return readsText(reads);
}
