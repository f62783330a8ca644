// Compiles the computed nodes of a ruleset (indicators, dimensions, total, vetoes, prerequisites, levels) into
// closures that fill the plan's runtime state. In: the model in evaluation order, layout, weights, trace flag.
// Out: one `(rt) => void` per node, doing what engine/evaluate/evaluate.ts does for it (events only when traced).

import type { Expr, Points, Span } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { renderMessage } from '../../dsl/diagnostics';
import { bandEvent, pointsEvent, type ConditionOwner } from '../evaluate/events';
import { renderValue } from '../evidence/validate';
import type { IndicatorInfo } from '../model/model';
import type { EvalNode } from '../model/order';
import { Rational } from '../numbers/rational';
import type { Truth } from '../evaluate/result';
import { evidenceOf } from '../evidence/fast';
import { compileDecisionLevels, compileTruthCode } from './decision';
import { memoised } from './memo';
import { compileExpr, literalValue, type ExprCtx, type Fn } from './expr';
import { Bail, fracOfDouble, fracOf, ratOf } from './num';
import { ST_MISSING, ST_NA, ST_SCORED, STATUS, type Rt } from './runtime';
import { computeDimension, computeTotal, contributionRat, effRat, pointsRat, scoreRat, shareRat, totalRat } from './scores';
import { cmpNum, compare, doubleHolds, shownOf, missingOf, opCode, shownBound, truthCodeOf, Unk, type PV } from './values';
import { andCode, applies as appliesWhen, holds, TRUE, truthOfCode, UNKNOWN, type TruthCode } from '../semantics/truth';
import { bandMatches, mapEntry, mapIndex } from '../semantics/first-match';
import { ladderHolds, reachedIndex } from '../semantics/ladder';
import { prerequisiteFails, vetoFires } from '../semantics/outcome';
import type { ValueType } from '../model/value-type';

export type NodeFn = (rt: Rt) => void;

const ZERO_POINTS = { n: 0, d: 1 };
/** No missing fields (shared: events and results never change it). */
const NONE: readonly string[] = [];

/** Starts a top-level evaluation in the traced variant: fresh reads and elements. */
function fresh(rt: Rt): void {
  rt.reads = [];
  rt.elements = [];
}

interface PointsPlan {
  /** Constant points (a literal, no `when`). */
  readonly constant: { readonly n: number; readonly d: number } | undefined;
  readonly value: Fn;
  readonly when: Fn | undefined;
  readonly otherwise: Fn | undefined;
  readonly span: Span;
}

function pointsPlan(p: Points, c: ExprCtx): PointsPlan {
  let constant: { n: number; d: number } | undefined;
  if (!p.when && (p.value.kind === 'Num' || p.value.kind === 'Percent')) {
    const v = literalValue(p.value, p.value.kind === 'Percent');
    const q = typeof v === 'number' ? ratOf(v) : v;
    if (q.sign() >= 0 && !q.gt(Rational.HUNDRED)) constant = fracOf(q);
  }
  return {
    constant,
    value: compileExpr(p.value, c),
    when: p.when ? compileExpr(p.when, c) : undefined,
    otherwise: p.otherwise ? compileExpr(p.otherwise, c) : undefined,
    span: p.span,
  };
}

/** Points of a value as a fraction, or Bail (E152 not a number, E151 outside 0–100, or out of range). */
function pointsFrac(v: PV): { n: number; d: number } {
  if (typeof v === 'number') {
    if (!(v >= 0 && v <= 100)) throw new Bail('points outside 0–100');
    const f = Number.isInteger(v) ? { n: v === 0 ? 0 : v, d: 1 } : fracOfDouble(v);
    if (!f) throw new Bail('points out of range');
    return f;
  }
  if (v instanceof Rational) {
    if (v.sign() < 0 || v.gt(Rational.HUNDRED)) throw new Bail('points outside 0–100');
    const f = fracOf(v);
    if (!f) throw new Bail('points out of range');
    return f;
  }
  throw new Bail('points must be a number');
}

export function compileIndicator(info: IndicatorInfo, i: number, c: ExprCtx): NodeFn {
  const L = c.layout;
  const traced = c.traced;
  const id = info.id;
  const dimension = info.dimension;
  const slot = L.indSlot[i] as number;
  const dIndex = L.indDim[i] as number;
  void dIndex;
  const missingSelf: readonly string[] = [id];

  const set = (rt: Rt, status: number, pn: number, pd: number, applicable: boolean, matched: number, missing: readonly string[], span: Span | undefined): void => {
    rt.iSet[i] = 1;
    rt.iStatus[i] = status;
    rt.iPn[i] = pn;
    rt.iPd[i] = pd;
    rt.iApplicable[i] = applicable ? 1 : 0;
    rt.iMatched[i] = matched;
    if (traced) rt.events.push(pointsEvent(id, dimension, STATUS[status] as (typeof STATUS)[number], pointsRat(rt, i), matched, span, missing));
  };

  const finish = (rt: Rt, v: PV, matched: number, span: Span): void => {
    if (v instanceof Unk) {
      set(rt, ST_MISSING, 0, 1, true, matched, v.missing, span);
      return;
    }
    const f = pointsFrac(v);
    set(rt, ST_SCORED, f.n, f.d, true, matched, NONE, span);
  };

  const score = (rt: Rt, p: PointsPlan, index: number, span: Span): void => {
    if (p.constant) {
      set(rt, ST_SCORED, p.constant.n, p.constant.d, true, index, NONE, span);
      return;
    }
    let chosen: Fn | undefined = p.value;
    if (p.when) {
      if (traced) fresh(rt);
      const cv = p.when(rt);
      const t = truthCodeOf(cv);
      chosen = holds(t) ? p.value : p.otherwise;
      if (traced) {
        rt.events.push({
          kind: 'conditional-points',
          indicator: id,
          span: p.span,
          truth: truthOfCode(t),
          gave: holds(t) ? 'then' : 'else',
          reads: rt.reads,
          missing: missingOf(cv),
        });
      }
    }
    if (traced) fresh(rt);
    const v: PV = chosen ? chosen(rt) : 0;
    finish(rt, v, index, span);
  };

  const noMatch = (rt: Rt): void => {
    const raw = rt.raw[slot];
    const args = { indicator: id, found: raw === undefined ? '' : renderValue(evidenceOf(raw)) };
    rt.warnings.push({ field: id, code: 'E153', message: renderMessage({ code: 'E153', args }, rt.lang), args });
    set(rt, ST_SCORED, 0, 1, true, -1, NONE, undefined);
  };

  let scoring: ((rt: Rt, own: PV) => void) | undefined;
  const s = info.decl.scoring;
  if (s) {
    switch (s.kind) {
      case 'Bands': {
        const bands = s.bands.map((b, index) => {
          const points = pointsPlan(b.points, c);
          if (b.cond.kind === 'Compare') {
            const bound = compileExpr(b.cond.bound, c);
            const op = opCode(b.cond.op);
            const lit = b.cond.bound.kind === 'Num' || b.cond.bound.kind === 'Percent'
              ? literalValue(b.cond.bound, b.cond.bound.kind === 'Percent')
              : undefined;
            return { kind: 0 as const, op, opText: b.cond.op, bound, lit: typeof lit === 'number' ? lit : undefined, points, span: b.span, index };
          }
          if (b.cond.kind === 'Cond') return { kind: 1 as const, cond: compileExpr(b.cond.expr, c), points, span: b.span, index };
          return { kind: 2 as const, points, span: b.span, index };
        });
        const general = (rt: Rt, own: PV): void => {
          for (const b of bands) {
            let v: PV;
            if (traced) fresh(rt);
            let shown: Rational | string | boolean | undefined;
            if (b.kind === 0) {
              const lit = b.lit;
              if (!traced && lit !== undefined && typeof own === 'number') {
                // The common band: the indicator's own decimal double against a canonical literal.
                v = doubleHolds(b.op, own, lit);
              } else {
                const bv = b.bound(rt);
                if (traced) shown = shownBound(bv);
                v = compare(b.op, own, bv);
              }
            } else if (b.kind === 1) v = b.cond(rt);
            else v = true;
            const t = truthCodeOf(v);
            if (traced) {
              const opText = b.kind === 0 ? b.opText : undefined;
              rt.events.push(bandEvent(id, b.index, b.span, truthOfCode(t), rt.evidenceAt(slot), opText, shown, b.kind === 2, rt.reads, missingOf(v)));
            }
            if (bandMatches(t)) {
              score(rt, b.points, b.index, b.span);
              return;
            }
          }
          noMatch(rt);
        };
        scoring = traced ? general : (simpleBands(bands, general, noMatch, i) ?? general);
        break;
      }
      case 'Map': {
        const index = mapIndex(s.entries.map((e) => (e.key.kind === 'Name' ? e.key.name : undefined)));
        const entries = s.entries.map((e) => ({ points: pointsPlan(e.points, c), span: e.span, key: e.key.kind === 'Name' ? e.key.name : undefined }));
        if (!traced && entries.every((e) => e.points.constant !== undefined)) {
          // Every entry gives constant points.
          const pn = entries.map((e) => e.points.constant?.n ?? 0);
          const pd = entries.map((e) => e.points.constant?.d ?? 1);
          // Entry `at` (-1: none) written straight away.
          const hit = (rt: Rt, at: number): void => {
            if (at < 0) noMatch(rt);
            else setScored(rt, i, pn[at] as number, pd[at] as number, at);
          };
          const type = L.model.fields.get(id)?.type;
          if (slot >= 0 && type?.kind === 'enum') {
            // The reader gives an enum value's index in its type (rt.sym): the entry of each value, looked up once.
            const atOf = Int32Array.from(type.values, (v) => mapEntry(index, v));
            scoring = (rt) => hit(rt, atOf[rt.sym[slot] as number] as number);
          } else scoring = (rt, own) => hit(rt, mapEntry(index, typeof own === 'string' ? own : undefined));
          break;
        }
        scoring = (rt, own) => {
          if (typeof own === 'string') {
            const at = mapEntry(index, own);
            const entry = entries[at];
            if (entry) {
              if (traced) rt.events.push({ kind: 'map-entry', indicator: id, index: at, span: entry.span, key: entry.key, value: own });
              score(rt, entry.points, at, entry.span);
              return;
            }
          }
          noMatch(rt);
        };
        break;
      }
      case 'Formula': {
        const f = compileExpr(s.expr, c);
        const span = s.span;
        scoring = (rt) => {
          if (traced) fresh(rt);
          const v = f(rt);
          if (traced) {
            const isNum = typeof v === 'number' || v instanceof Rational;
            rt.events.push({
              kind: 'formula',
              indicator: id,
              span,
              result: isNum ? (typeof v === 'number' ? ratOf(v) : v) : null,
              reads: rt.reads,
              missing: missingOf(v),
            });
          }
          finish(rt, v, -1, span);
        };
        break;
      }
      default:
        return assertNever(s, 'scoring');
    }
  }

  const applies = info.decl.applies ? compileExpr(info.decl.applies, c) : undefined;
  const appliesSpan = info.decl.applies?.span;
  return (rt) => {
    const raw = slot >= 0 ? rt.raw[slot] : undefined;
    if (traced) {
      rt.events.push({
        kind: 'indicator-value',
        indicator: id,
        dimension,
        field: slot >= 0 ? rt.keys[slot] : undefined,
        value: raw === undefined ? undefined : rt.evidenceAt(slot),
      });
    }
    if (applies) {
      if (traced) fresh(rt);
      const v = applies(rt);
      const t = truthCodeOf(v);
      if (traced) {
        rt.events.push({
          kind: 'applicability',
          indicator: id,
          span: appliesSpan as Span,
          truth: truthOfCode(t),
          applicable: appliesWhen(t),
          reads: rt.reads,
          missing: missingOf(v),
        });
      }
      if (!appliesWhen(t)) {
        set(rt, ST_NA, 0, 0, false, -1, NONE, undefined);
        return;
      }
    }
    if (raw === undefined) {
      set(rt, ST_MISSING, ZERO_POINTS.n, ZERO_POINTS.d, true, -1, missingSelf, undefined);
      return;
    }
    if (!scoring) {
      set(rt, ST_SCORED, 0, 1, true, -1, NONE, undefined);
      return;
    }
    scoring(rt, raw);
  };
}

interface BandPlan {
  readonly kind: 0 | 1 | 2;
  readonly op?: number;
  readonly lit?: number | undefined;
  readonly points: PointsPlan;
  readonly index: number;
}

/**
 * The common band list, untraced: every band compares the indicator's own value with a canonical number literal
 * (or is `else`) and gives constant points. Its scorer walks flat arrays; a value that is not a decimal double
 * (an enum, an object) goes to `general`. Undefined when the list is not that simple.
 */
function simpleBands(bands: readonly BandPlan[], general: (rt: Rt, own: PV) => void, noMatch: (rt: Rt) => void, i: number): ((rt: Rt, own: PV) => void) | undefined {
  const m = bands.length;
  const ops = new Int8Array(m);
  const lits = new Float64Array(m);
  const pn = new Float64Array(m);
  const pd = new Float64Array(m);
  const index = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const b = bands[k] as BandPlan;
    const points = b.points.constant;
    if (!points) return undefined;
    if (b.kind === 0 && b.lit !== undefined && b.op !== undefined) {
      ops[k] = b.op;
      lits[k] = b.lit;
    } else if (b.kind === 2) ops[k] = -1;
    else return undefined;
    pn[k] = points.n;
    pd[k] = points.d;
    index[k] = b.index;
  }
  return (rt, own) => {
    if (typeof own !== 'number') {
      general(rt, own);
      return;
    }
    for (let k = 0; k < m; k++) {
      const op = ops[k] as number;
      if (op === -1 || doubleHolds(op, own, lits[k] as number)) {
        setScored(rt, i, pn[k] as number, pd[k] as number, index[k] as number);
        return;
      }
    }
    noMatch(rt);
  };
}

/** Indicator `i` scored with constant points pn/pd by band or entry `matched` (untraced scorers). */
function setScored(rt: Rt, i: number, pn: number, pd: number, matched: number): void {
  rt.iSet[i] = 1;
  rt.iStatus[i] = ST_SCORED;
  rt.iPn[i] = pn;
  rt.iPd[i] = pd;
  rt.iApplicable[i] = 1;
  rt.iMatched[i] = matched;
}

/** The three-valued conjunction of conditions, one `condition` event each (as `Run.conditions`). */
export type CondsFn = (rt: Rt) => { code: TruthCode; missing: readonly string[]; each: Truth[] };

export function compileConditions(owner: ConditionOwner, exprs: readonly Expr[], c: ExprCtx): CondsFn {
  const fns = exprs.map((x) => ({ fn: compileExpr(x, c), span: x.span }));
  const traced = c.traced;
  return (rt) => {
    let code: TruthCode = TRUE;
    let missing: Set<string> | undefined;
    const each: Truth[] = [];
    for (let index = 0; index < fns.length; index++) {
      const x = fns[index] as { fn: Fn; span: Span };
      if (traced) fresh(rt);
      const v = x.fn(rt);
      const c = truthCodeOf(v);
      const t = truthOfCode(c);
      each.push(t);
      if (traced) {
        const miss = missingOf(v);
        const elements = rt.elements.length > 0 ? { elements: rt.elements } : {};
        rt.events.push({ kind: 'condition', owner, index, span: x.span, truth: t, reads: rt.reads, missing: miss, ...elements });
      }
      code = andCode(code, c);
      if (v instanceof Unk && v.missing.length > 0) {
        missing ??= new Set();
        for (const f of v.missing) missing.add(f);
      }
    }
    return { code, missing: code === UNKNOWN && missing ? [...missing] : [], each };
  };
}

/** One closure per node of the model's evaluation order. */
export function compileNodes(order: readonly EvalNode[], c: ExprCtx): NodeFn[] {
  const L = c.layout;
  const m = L.model;
  const W = c.weights;
  const traced = c.traced;
  const out: NodeFn[] = [];
  for (const n of order) {
    switch (n.kind) {
      case 'indicator': {
        const i = L.indIndex.get(n.id);
        const info = m.indicatorsById.get(n.id);
        if (i !== undefined && info) out.push(compileIndicator(info, i, c));
        break;
      }
      case 'dimension': {
        const d = L.dimIndex.get(n.id);
        const info = m.dimensionsById.get(n.id);
        if (d === undefined || !info) break;
        const members = W.members[d] as readonly number[];
        out.push((rt) => {
          computeDimension(rt, W, d);
          if (!traced) return;
          for (const i of members) {
            if (rt.iSet[i] === 0) continue;
            const ind = m.indicators[i] as IndicatorInfo;
            rt.events.push({
              kind: 'weight',
              indicator: ind.id,
              dimension: n.id,
              declared: ind.weight,
              effective: effRat(rt, W, L, i),
              contribution: contributionRat(rt, W, L, i),
            });
          }
          rt.events.push({ kind: 'dimension', id: n.id, weight: info.weight, score: scoreRat(rt, d), share: shareRat(rt, d) });
        });
        break;
      }
      case 'derived': {
        const k = L.derIndex.get(n.id);
        const d = m.derivedById.get(n.id);
        if (k === undefined || !d) break;
        const formulaFn = compileExpr(d.decl.formula, c);
        const f = memoised(d.decl.formula, formulaFn, c) ?? formulaFn;
        const declared = d.declared;
        out.push((rt) => {
          if (traced) fresh(rt);
          const v = f(rt);
          // Outside the declared bound or type: the reference's evaluation error (E17x) makes the platform invalid.
          if (!fitsDeclared(v, declared)) throw new Bail('derived value outside its declared type');
          rt.dv[k] = v;
          if (traced) {
            rt.events.push({ kind: 'derived', id: d.id, span: d.decl.span, value: v instanceof Unk ? undefined : shownOf(v), reads: rt.reads, missing: missingOf(v) });
          }
        });
        break;
      }
      case 'total': {
        const formula = m.totalFormula;
        if (formula) {
          const formulaFn = compileExpr(formula.decl.formula, c);
          const f = memoised(formula.decl.formula, formulaFn, c) ?? formulaFn;
          const declared = formula.declared;
          out.push((rt) => {
            if (traced) fresh(rt);
            const v = f(rt);
            if (!(v instanceof Unk) && typeof v !== 'number' && !(v instanceof Rational)) throw new Bail('total formula is not a number');
            if (!fitsDeclared(v, declared)) throw new Bail('total outside its declared bound');
            rt.totV = v;
            rt.totSet = true;
            if (traced) {
              rt.events.push({ kind: 'total-formula', span: formula.decl.span, value: v instanceof Unk ? null : totalRat(rt), reads: rt.reads, missing: missingOf(v) });
              rt.events.push({ kind: 'total', total: totalRat(rt) });
            }
          });
          break;
        }
        out.push((rt) => {
          computeTotal(rt);
          if (traced) rt.events.push({ kind: 'total', total: totalRat(rt) });
        });
        break;
      }
      case 'veto': {
        const k = L.vetoIndex.get(n.id);
        const v = m.vetoesById.get(n.id);
        if (k === undefined || !v) break;
        if (c.decision) {
          const code = compileTruthCode(v.when ? [v.when] : [], c);
          out.push((rt) => {
            rt.vTruth[k] = code(rt);
          });
          break;
        }
        const conds = compileConditions({ kind: 'veto', id: v.id }, v.when ? [v.when] : [], c);
        out.push((rt) => {
          const r = conds(rt);
          rt.vTruth[k] = r.code;
          rt.vMissing[k] = r.missing;
          if (traced) rt.events.push({ kind: 'veto', id: v.id, truth: truthOfCode(r.code), fired: vetoFires(r.code), missing: r.missing });
        });
        break;
      }
      case 'prerequisite': {
        const k = L.preIndex.get(n.id);
        const p = m.prerequisitesById.get(n.id);
        if (k === undefined || !p) break;
        if (c.decision) {
          const code = compileTruthCode(p.requires, c);
          out.push((rt) => {
            rt.pTruth[k] = code(rt);
          });
          break;
        }
        const conds = compileConditions({ kind: 'prerequisite', id: p.id }, p.requires, c);
        out.push((rt) => {
          const r = conds(rt);
          rt.pTruth[k] = r.code;
          rt.pMissing[k] = r.missing;
          if (traced) rt.events.push({ kind: 'prerequisite', id: p.id, truth: truthOfCode(r.code), holds: !prerequisiteFails(r.code), missing: r.missing });
        });
        break;
      }
      case 'levels': {
        const lad = m.ladder;
        if (!lad) break;
        const cumulative = lad.cumulative;
        const fallback = lad.fallback?.id ?? null;
        if (c.decision) {
          // Skipping the ladder when the outcome is not `graded` needs every veto and prerequisite decided first.
          const at = (k: EvalNode['kind']): number[] => order.flatMap((x, j) => (x.kind === k ? [j] : []));
          const after = Math.max(-1, ...at('veto'), ...at('prerequisite')) < order.indexOf(n);
          out.push(compileDecisionLevels(lad.levels, cumulative, fallback, lad.levels.map((l) => l.id), after, c));
          break;
        }
        const levels = lad.levels.map((l) => ({ id: l.id, conds: compileConditions({ kind: 'level', id: l.id }, l.requires, c) }));
        out.push((rt) => {
          const own = levels.map((l) => {
            const r = l.conds(rt);
            let ok = true;
            const failed: { index: number; truth: Truth }[] = [];
            r.each.forEach((truth, index) => {
              if (truth !== true) {
                ok = false;
                failed.push({ index, truth });
              }
            });
            return { id: l.id, own: ok, failed };
          });
          const hold = ladderHolds(cumulative, own.map((o) => o.own), []);
          rt.levels = own.map((o, k) => ({ id: o.id, holds: hold[k] as boolean, failed: o.failed }));
          if (traced) {
            own.forEach((o, k) => rt.events.push({ kind: 'level', id: o.id, ownHolds: o.own, holds: hold[k] as boolean, failed: o.failed }));
          }
          const top = reachedIndex(hold);
          rt.level = top >= 0 ? (own[top] as { id: string }).id : fallback;
        });
        break;
      }
      default:
        return assertNever(n, 'node');
    }
  }
  return out;
}

/** Whether a value respects a declared type (unknown always does; no declared type: anything). */
function fitsDeclared(v: PV, t: ValueType | undefined): boolean {
  if (t === undefined || v instanceof Unk) return true;
  switch (t.kind) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && t.values.includes(v);
    case 'number': {
      if (typeof v !== 'number' && !(v instanceof Rational)) return false;
      if (t.base === 'integer' && !(typeof v === 'number' ? Number.isInteger(v) : v.isInteger())) return false;
      if (t.min) {
        const s = cmpNum(v, t.min.value);
        if (t.min.inclusive ? s < 0 : s <= 0) return false;
      }
      if (t.max) {
        const s = cmpNum(v, t.max.value);
        if (t.max.inclusive ? s > 0 : s >= 0) return false;
      }
      return true;
    }
    case 'object':
      return false;
    default:
      return assertNever(t, 'value type');
  }
}
