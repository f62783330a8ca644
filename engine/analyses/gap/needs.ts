// What a target level needs, read from the ruleset and the platform's trace: the total and dimension shares it
// requires (for the search's upper bounds), the indicators that must change, and what no indicator can fix.
// In: a compiled ruleset, the target, the base trace events. Out: `Needs`.

import type { Expr } from '../../../dsl/ast';
import { printExpr } from '../../../dsl/printer';
import type { CompiledRuleset } from '../../compile';
import type { EvalEvent, Read } from '../../evaluate/events';
import { memoIn } from '../../support/memo';
import type { IndicatorInfo, LevelInfo, Model } from '../../model/model';
import { Rational } from '../../numbers/rational';
import type { Truth } from '../../evaluate/result';
import { levelsNeeded } from '../../semantics/ladder';

/** Why a target cannot be reached by changing indicators. */
export interface Blocker {
  readonly kind: 'prerequisite' | 'veto' | 'level';
  readonly id: string;
  readonly condition: string;
  /** The facts (inputs) it depends on. */
  readonly fields: readonly string[];
}

export interface Needs {
  /** The levels whose conditions must hold: the target, and when cumulative every level below it. */
  readonly levels: readonly string[];
  /** Least total the levels require (`total >= x`), if they say. */
  readonly total: Rational | undefined;
  /** Least score per dimension the levels require (`every dimension: share >= p%`, `share(D) >= p%`, `score(D) >= x`). */
  readonly scores: ReadonlyMap<string, Rational>;
  /** Indicators that must change (a failed condition that reads only this indicator, and facts). */
  readonly mandatory: ReadonlySet<string>;
  readonly blockers: readonly Blocker[];
  /** False when scoring or applicability reads other indicators: gains are then not additive, bounds are off. */
  readonly additive: boolean;
}

function literal(e: Expr): Rational | undefined {
  if (e.kind === 'Num') return Rational.parse(e.text);
  if (e.kind === 'Percent') return Rational.parse(e.text)?.div(Rational.HUNDRED);
  return undefined;
}

/** `lhs >= x` / `lhs > x` (or the mirrored form) → [lhs, x]. */
function atLeast(e: Expr): [Expr, Rational] | undefined {
  if (e.kind !== 'Compare') return undefined;
  if ((e.op === '>=' || e.op === '>') && literal(e.right)) return [e.left, literal(e.right) as Rational];
  if ((e.op === '<=' || e.op === '<') && literal(e.left)) return [e.right, literal(e.left) as Rational];
  return undefined;
}

/**
 * Every node of `e`; with the model, also of the formulas of the derived values it reads and of a formula total
 * (read in their place: a derived value has no evidence of its own, so what it reads is what may change).
 */
function refsIn(e: Expr, m?: Model, out: Expr[] = [], seen: Set<string> = new Set()): Expr[] {
  const deeper = (formula: Expr | undefined, id: string): void => {
    if (!formula || seen.has(id)) return;
    seen.add(id);
    refsIn(formula, m, out, seen);
  };
  if (m && e.kind === 'Total' && m.totalFormula) {
    deeper(m.totalFormula.decl.formula, '$total');
    return out;
  }
  out.push(e);
  if (m && e.kind === 'Ref') {
    const t = m.resolution.refs.get(e);
    if (t?.kind === 'derived') deeper(m.derivedById.get(t.id)?.decl.formula, t.id);
    return out;
  }
  const walk = (x: Expr): void => void refsIn(x, m, out, seen);
  switch (e.kind) {
    case 'Table':
      e.keys.forEach(walk);
      e.entries.forEach((x) => walk(x.value));
      break;
    case 'Call':
      e.args.forEach(walk);
      break;
    case 'Unary':
      walk(e.operand);
      break;
    case 'Binary':
    case 'Compare':
      walk(e.left);
      walk(e.right);
      break;
    case 'In':
      walk(e.operand);
      e.set.forEach(walk);
      break;
    case 'If':
      walk(e.cond);
      walk(e.then);
      walk(e.otherwise);
      break;
    case 'Quantified':
      walk(e.body);
      break;
    default:
      break;
  }
  return out;
}

/** Whether an expression reads any indicator (its value, points or weight) or anything computed from them. */
function readsIndicators(ruleset: CompiledRuleset, e: Expr, except?: string): boolean {
  const m = ruleset.model.resolution;
  return refsIn(e, ruleset.model).some((x) => {
    if (x.kind === 'Total') return true;
    // `value` without an argument, inside the indicator's own scoring, is the indicator itself.
    if (x.kind === 'Prop') return except === undefined || !(x.of ? x.of.name === except : x.prop === 'value');
    if (x.kind !== 'Ref') return false;
    const t = m.refs.get(x);
    if (!t) return false;
    if (t.kind === 'indicator') return t.id !== except;
    if (t.kind === 'field') return t.indicator !== except;
    return false;
  });
}

/** The expressions an indicator's scoring evaluates (band conditions and bounds, points, conditions of points). */
function scoringExprs(i: IndicatorInfo): Expr[] {
  const s = i.decl.scoring;
  if (!s) return [];
  return s.kind === 'Formula'
    ? [s.expr]
    : s.kind === 'Bands'
      ? s.bands.flatMap((b) => [...(b.cond.kind === 'Cond' ? [b.cond.expr] : b.cond.kind === 'Compare' ? [b.cond.bound] : []), b.points.value, ...(b.points.when ? [b.points.when] : [])])
      : s.entries.flatMap((x) => [x.points.value, ...(x.points.when ? [x.points.when] : [])]);
}

/**
 * Whether an indicator's points depend on its own value alone: its scoring reads no other name, and its
 * applicability reads no indicator. Then changing its value alone changes the total by exactly effective weight ×
 * Δpoints ÷ 100, so its points follow from the total.
 */
export function selfScored(ruleset: CompiledRuleset, i: IndicatorInfo): boolean {
  return memoIn(SELF_SCORED, i, () => readsOwnValueOnly(ruleset, i));
}

const SELF_SCORED = new WeakMap<IndicatorInfo, boolean>();

function readsOwnValueOnly(ruleset: CompiledRuleset, i: IndicatorInfo): boolean {
  if (i.decl.applies && readsIndicators(ruleset, i.decl.applies)) return false;
  const refs = ruleset.model.resolution.refs;
  return scoringExprs(i).every((e) =>
    refsIn(e, ruleset.model).every((x) => {
      if (x.kind === 'Total') return false;
      if (x.kind === 'Prop') return x.of ? x.of.name === i.id && x.prop === 'value' : x.prop === 'value';
      if (x.kind !== 'Ref') return true;
      const t = refs.get(x);
      return t !== undefined && ((t.kind === 'indicator' && t.id === i.id) || (t.kind === 'field' && t.indicator === i.id));
    }),
  );
}

function split(e: Expr, op: 'and' | 'or'): Expr[] {
  return e.kind === 'Binary' && e.op === op ? [...split(e.left, op), ...split(e.right, op)] : [e];
}

function indicatorsIn(ruleset: CompiledRuleset, e: Expr): string[] {
  const out = new Set<string>();
  for (const x of refsIn(e, ruleset.model)) {
    if (x.kind !== 'Ref') continue;
    const t = ruleset.model.resolution.refs.get(x);
    if (t?.kind === 'indicator') out.add(t.id);
  }
  return [...out];
}

function inputsIn(ruleset: CompiledRuleset, e: Expr): string[] {
  const out = new Set<string>();
  for (const x of refsIn(e, ruleset.model)) {
    if (x.kind !== 'Ref') continue;
    const t = ruleset.model.resolution.refs.get(x);
    if (t?.kind === 'input') out.add(t.id);
  }
  return [...out];
}

function evidenceFields(reads: readonly Read[]): string[] {
  return [...new Set(reads.flatMap((r) => (r.kind === 'evidence' ? [r.field] : [])))];
}

/** The levels whose conditions must hold for `target` to hold (engine/semantics/ladder.ts); none off the ladder. */
export function neededLevels(m: Model, target: string | null): readonly LevelInfo[] {
  const at = m.levels.findIndex((l) => l.id === target);
  if (at < 0) return [];
  const { from, to } = levelsNeeded(m.ladder?.cumulative === true, m.levels.length, at);
  return m.levels.slice(from, to);
}

/** The needs of `target` for a platform whose base run emitted `events`. */
export function needsOf(
  ruleset: CompiledRuleset,
  target: string,
  events: readonly EvalEvent[],
  truthAtBase: (e: Expr, where: string) => Truth,
): Needs {
  const m = ruleset.model;
  const levels = neededLevels(m, target);
  let total: Rational | undefined;
  const scores = new Map<string, Rational>();
  const needScore = (d: string, q: Rational): void => {
    const cur = scores.get(d);
    if (!cur || q.gt(cur)) scores.set(d, q);
  };
  for (const l of levels) {
    for (const r of l.requires) {
      const c = atLeast(r);
      if (c && c[0].kind === 'Total') total = total && total.ge(c[1]) ? total : c[1];
      if (c && c[0].kind === 'Prop' && c[0].of) {
        const d = m.dimensionsById.get(c[0].of.name);
        if (d && c[0].prop === 'share') needScore(d.id, c[1].mul(d.weight));
        if (d && c[0].prop === 'score') needScore(d.id, c[1]);
      }
      if (r.kind === 'Quantified' && r.quantifier === 'every' && r.domain === 'dimension') {
        const b = atLeast(r.body);
        if (b && b[0].kind === 'Prop' && !b[0].of && (b[0].prop === 'share' || b[0].prop === 'score')) {
          for (const d of m.dimensions) needScore(d.id, b[0].prop === 'share' ? b[1].mul(d.weight) : b[1]);
        }
      }
    }
  }

  const mandatory = new Set<string>();
  const blockers: Blocker[] = [];
  const levelIds = new Set(levels.map((l) => l.id));
  for (const ev of events) {
    if (ev.kind !== 'condition') continue;
    const { owner } = ev;
    let expr: Expr | undefined;
    let broken: boolean;
    if (owner.kind === 'level') {
      if (!levelIds.has(owner.id)) continue;
      expr = m.levels.find((l) => l.id === owner.id)?.requires[ev.index];
      broken = ev.truth !== true;
    } else if (owner.kind === 'prerequisite') {
      expr = m.prerequisitesById.get(owner.id)?.requires[ev.index];
      broken = ev.truth !== true;
    } else {
      expr = m.vetoesById.get(owner.id)?.when;
      broken = ev.truth === true || ev.truth === 'unknown';
    }
    if (!expr || !broken) continue;
    // A failed `a and b` needs each false part to change; a fired `a or b` needs each true part to change.
    const parts = owner.kind === 'veto' ? split(expr, 'or') : split(expr, 'and');
    for (const part of parts) {
      const t = truthAtBase(part, owner.id);
      if (owner.kind === 'veto' ? t === false : t === true) continue;
      const indicators = indicatorsIn(ruleset, part);
      if (!readsIndicators(ruleset, part)) {
        const fields = inputsIn(ruleset, part);
        const shown = t === 'unknown' ? `${printExpr(part)} (${ev.missing.length > 0 ? `missing ${ev.missing.join(', ')}` : 'unknown'})` : printExpr(part);
        blockers.push({ kind: owner.kind, id: owner.id, condition: shown, fields: fields.length > 0 ? fields : evidenceFields(ev.reads) });
        continue;
      }
      const only = indicators[0];
      if (indicators.length === 1 && only !== undefined && !readsIndicators(ruleset, part, only)) mandatory.add(only);
    }
  }

  // Derived values and a formula total are not sums of the indicators' gains: the search's bounds and its fast
  // check (which adds gains to the base total) do not hold, so every candidate set is assessed by the engine.
  let additive = m.derived.length === 0 && !m.totalFormula;
  if (m.totalFormula) total = undefined;
  for (const i of m.indicators) {
    if (i.decl.applies && readsIndicators(ruleset, i.decl.applies)) additive = false;
    if (scoringExprs(i).some((x) => readsIndicators(ruleset, x, i.id))) additive = false;
  }
  return { levels: levels.map((l) => l.id), total, scores, mandatory, blockers, additive };
}
