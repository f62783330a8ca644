// JsonLogic export: a compiled ruleset's whole assessment as JsonLogic rules over `{ "evidence": { … } }`.
// In: a model (from a ruleset without errors). Out: `{ indicators, dimensions, total, prerequisitesFailed, vetoes,
// outcome, level }` rules, and notes naming every place where floating point could change a result.
//
// Semantics follow the reference evaluator (engine/evaluate/evaluate.ts, engine/evaluate/expr.ts) node by node; the encoding
// (trits, exact integers over constant denominators, unknown-ness as absence tests) is explained in
// jsonlogic-values.ts and in the README ("Interchange"). Redistribution divides by the applicable weight Σ, a
// computed value: the exporter enumerates every value that Σ can take, multiplies by their least common multiple L
// and divides L by Σ at run time — an exact integer division — so scores stay exact integers over a constant.

import type { Expr, Points, QuantDomain } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import type { DimensionInfo, IndicatorInfo, Model } from '../model/model';
import { Rational } from '../numbers/rational';
import type { ValueType } from '../model/value-type';
import {
  abs,
  add,
  compareNum,
  div,
  ifNum,
  isDecided,
  isKnown,
  isTrue,
  KNOWN,
  konst,
  lcm,
  minMax,
  mul,
  neg,
  notFalse,
  pow,
  step,
  SAFE,
  sub,
  T_FALSE,
  T_TRUE,
  T_UNKNOWN,
  tAnd,
  tNot,
  tOr,
  toDouble,

  tritOf,
  twoValued,
  unkOr,
  present,
  unkRule,
  ZERO,
  type JsonLogic,
  type Num,
  type Trit,
  type Unk,
} from './jsonlogic-values';
import { Layers, marker } from './jsonlogic-layers';
import { forEachChild } from '../check/walk';
import { ladderSteps } from '../semantics/ladder';
import { outcomeSteps } from '../semantics/outcome';

/** The formula total's id among the derived values' markers (no derived value can be called so). */
const TOTAL = '$total';

export type { JsonLogic } from './jsonlogic-values';

/** The exported rules: each one is applied to `{ "evidence": <the platform's evidence> }`. */
export interface JsonLogicRules {
  /** Points of each indicator (null when not applicable). */
  readonly indicators: Readonly<Record<string, JsonLogic>>;
  /** Score of each dimension. */
  readonly dimensions: Readonly<Record<string, JsonLogic>>;
  readonly total: JsonLogic;
  /** Ids of the prerequisites that do not hold (false or unknown), in declaration order. */
  readonly prerequisitesFailed: JsonLogic;
  /** Ids of the vetoes that fire, in declaration order. */
  readonly vetoes: JsonLogic;
  /** `"graded"`, `"vetoed"` or `"not_rated"` (evidence must be valid: `invalid` is not decided by these rules). */
  readonly outcome: JsonLogic;
  /** The level id, or null when not graded. */
  readonly level: JsonLogic;
  /** Each derived value (a number, truth value or enum value), null when it is unknown. */
  readonly derived: Readonly<Record<string, JsonLogic>>;
}

export interface JsonLogicExport {
  readonly rules: JsonLogicRules;
  /** Where floating point is used for a decision or an output (empty: every decision is exact). */
  readonly notes: readonly string[];
}

/** Largest least common multiple of applicable weight sums the exporter accepts for exact redistribution. */
const MAX_LCM = 2n ** 40n;
/** Most indicators with an `applies when` condition in one dimension for which the sums are enumerated. */
const MAX_VARIABLE = 16;

type Val =
  | { readonly t: 'num'; readonly n: Num }
  | { readonly t: 'bool'; readonly b: Trit }
  | { readonly t: 'sym'; readonly jl: JsonLogic; readonly unk: Unk; readonly konst?: string }
  | { readonly t: 'obj'; readonly unk: Unk };

interface Ctx {
  /** Quantifier bindings, innermost last. */
  readonly bound: readonly { readonly domain: QuantDomain; readonly id: string }[];
  /** The indicator being scored: its own value is known (checked before scoring). */
  readonly scoring: string | undefined;
  /** What is being compiled, for notes. */
  readonly where: string;
}

interface DimensionParts {
  readonly score: Num;
  readonly share: Num;
  /** L ÷ (applicable weight Σ), or 0 when nothing applies. */
  readonly k: Num;
  /** ω × Ω ÷ (Dw × L): multiply by `k` for an indicator's effective weight. */
  readonly effFactor: (id: string) => Rational;
}

/** Exports the whole assessment of a model as JsonLogic. */
export function exportJsonLogic(model: Model): JsonLogicExport {
  return new JsonLogicCompiler(model).run();
}

class JsonLogicCompiler {
  private readonly notes = new Set<string>();
  private readonly appCache = new Map<string, JsonLogic>();
  private readonly pointsCache = new Map<string, Num>();
  private readonly dimCache = new Map<string, DimensionParts>();
  private totalCache: Num | undefined;
  private readonly vetoCache = new Map<string, Trit>();
  private readonly prereqCache = new Map<string, Trit>();
  /** What each marker stands for (see jsonlogic-layers.ts). */
  private readonly reals = new Map<string, JsonLogic>();
  private readonly layers: Layers;
  /** Layer of each derived value (`$total`: the formula total): 0 when it reads no other, else 1 + the deepest it reads. */
  private readonly depth = new Map<string, number>();
  private readonly derivedCache = new Map<string, Val>();

  constructor(private readonly m: Model) {
    for (const d of m.derived) this.depthOf(d.id, new Set());
    if (m.totalFormula) this.depthOf(TOTAL, new Set());
    const deepest = Math.max(-1, ...this.depth.values());
    this.layers = new Layers((key) => {
      const r = this.reals.get(key);
      if (r === undefined) throw new Error(`unknown marker ${key}`);
      return r;
    }, deepest + 1);
  }

  /** The layer depth of a derived value or of the formula total (a cycle, which checks refuse, counts as 0). */
  private depthOf(id: string, visiting: Set<string>): number {
    const known = this.depth.get(id);
    if (known !== undefined) return known;
    const formula = id === TOTAL ? this.m.totalFormula?.decl.formula : this.m.derivedById.get(id)?.decl.formula;
    if (!formula || visiting.has(id)) return 0;
    visiting.add(id);
    let d = 0;
    const walk = (e: Expr): void => {
      if (e.kind === 'Ref') {
        const r = this.m.resolution.refs.get(e);
        if (r?.kind === 'derived') d = Math.max(d, this.depthOf(r.id, visiting) + 1);
      } else if (e.kind === 'Total' && this.m.totalFormula && id !== TOTAL) d = Math.max(d, this.depthOf(TOTAL, visiting) + 1);
      forEachChild(e, 'any', walk, undefined);
    };
    walk(formula);
    visiting.delete(id);
    this.depth.set(id, d);
    return d;
  }

  /** A derived value (or the formula total, `$total`) as a marker of its layer, computed once. */
  private derivedVal(id: string): Val {
    let v = this.derivedCache.get(id);
    if (v) return v;
    const formula = id === TOTAL ? this.m.totalFormula?.decl.formula : this.m.derivedById.get(id)?.decl.formula;
    const where = id === TOTAL ? 'total' : `derived value \`${id}\``;
    const kind = `d${this.depth.get(id) ?? 0}`;
    if (!formula) v = { t: 'bool', b: T_UNKNOWN };
    else {
      const x = this.expr(formula, { bound: [], scoring: undefined, where });
      // The value and its unknown-ness are each written once, whatever the number of readers.
      const unk = (u: Unk): Unk => {
        const rule = unkRule(u);
        return rule === undefined ? KNOWN : { fields: [], groups: [], conds: [this.mark(kind, `${id}?`, rule)] };
      };
      switch (x.t) {
        case 'num':
          v = { t: 'num', n: { ...this.markNum(kind, id, x.n), unk: unk(x.n.unk) } };
          break;
        case 'bool':
          v = { t: 'bool', b: this.markTrit(kind, id, x.b) };
          break;
        case 'sym':
          v = x.konst !== undefined ? x : { t: 'sym', jl: this.mark(kind, id, x.jl), unk: unk(x.unk) };
          break;
        case 'obj':
          v = x;
          break;
        default:
          return assertNever(x, 'value');
      }
    }
    this.derivedCache.set(id, v);
    return v;
  }

  /** What a derived value's rule gives: the number, truth value or enum value, null when unknown. */
  private derivedOutput(v: Val): JsonLogic {
    switch (v.t) {
      case 'num': {
        this.checkOutput(v.n, 'derived value');
        const u = unkRule(v.n.unk);
        return u === undefined ? toDouble(v.n) : u === true ? null : { if: [u, null, toDouble(v.n)] };
      }
      case 'bool':
        return v.b.k !== undefined ? (v.b.k === 1 ? null : v.b.k === 2) : { if: [{ '==': [v.b.jl, 1] }, null, { '==': [v.b.jl, 2] }] };
      case 'sym': {
        const u = unkRule(v.unk);
        return u === undefined ? v.jl : u === true ? null : { if: [u, null, v.jl] };
      }
      case 'obj':
        return null;
      default:
        return assertNever(v, 'value');
    }
  }

  /** A marker for `real` (constants stay constants). */
  private mark(kind: string, id: string, real: JsonLogic): JsonLogic {
    if (real === null || typeof real !== 'object') return real;
    this.reals.set(`@${kind}.${id}`, real);
    return marker(kind, id);
  }
  private markNum(kind: string, id: string, n: Num): Num {
    return n.konst ? n : { ...n, jl: this.mark(kind, id, n.jl) };
  }
  private markTrit(kind: string, id: string, t: Trit): Trit {
    return t.k !== undefined ? t : { jl: this.mark(kind, id, t.jl) };
  }

  run(): JsonLogicExport {
    const m = this.m;
    const indicators = ownRecord();
    for (const i of m.indicators) {
      const pts = this.points(i.id);
      this.checkOutput(pts, `indicator \`${i.id}\``);
      const app = this.app(i.id);
      defineOwn(indicators, i.id, this.layers.assemble(app === true ? toDouble(pts) : { if: [app, toDouble(pts), null] }, true));
    }
    const dimensions = ownRecord();
    for (const d of m.dimensions) {
      const s = this.dimension(d.id).score;
      this.checkOutput(s, `dimension \`${d.id}\``);
      defineOwn(dimensions, d.id, this.layers.assemble(toDouble(s), true));
    }
    const total = this.m.totalFormula ? zeroIfUnknown(this.total()) : this.total();
    this.checkOutput(total, 'total');
    const derived = ownRecord();
    for (const d of m.derived) defineOwn(derived, d.id, this.layers.assemble(this.derivedOutput(this.derivedVal(d.id))));

    const prereqs = m.prerequisites.map((p) => ({ id: p.id, t: this.prerequisite(p.id) }));
    const vetoes = m.vetoes.map((v) => ({ id: v.id, t: this.veto(v.id) }));
    const listOf = (xs: { id: string; cond: JsonLogic }[]): JsonLogic => {
      const parts = xs.filter((x) => x.cond !== false).map((x) => (x.cond === true ? [x.id] : { if: [x.cond, [x.id], []] }));
      return parts.length === 0 ? [] : { merge: parts };
    };
    const prerequisitesFailed = listOf(prereqs.map((p) => ({ id: p.id, cond: notTrue(p.t) })));
    const vetoList = listOf(vetoes.map((v) => ({ id: v.id, cond: isTrue(v.t) })));

    const allHold = tAnd(prereqs.map((p) => p.t));
    const anyFires = tOr(vetoes.map((v) => v.t));
    const notRated = notTrue(allHold);
    const vetoed = isTrue(anyFires);
    const outcome: JsonLogic = ifChain(outcomeSteps<JsonLogic>({ not_rated: notRated, vetoed }, true));
    const graded: JsonLogic = notRated === false ? (vetoed === false ? true : { '!': vetoed }) : vetoed === false ? { '!': notRated } : { '!': { or: [notRated, vetoed] } };
    const ladder = this.ladder();
    const level: JsonLogic = graded === true ? ladder : ladder === null ? null : { if: [graded, ladder, null] };
    const bind = (jl: JsonLogic) => this.layers.assemble(jl);
    return {
      rules: {
        indicators,
        dimensions,
        total: bind(toDouble(total)),
        prerequisitesFailed: bind(prerequisitesFailed),
        vetoes: bind(vetoList),
        outcome: bind(outcome),
        level: bind(level),
        derived,
      },
      notes: [...this.notes].sort(),
    };
  }

  private note(where: string, what: string): void {
    this.notes.add(`${where}: ${what}`);
  }

  private checkOutput(n: Num, where: string): void {
    if (n.rounded) this.note(where, 'computed in floating point (arithmetic on decimal evidence, or beyond 2^53)');
  }

  // --- levels -----------------------------------------------------------------------------------

  private ladder(): JsonLogic {
    const lad = this.m.ladder;
    if (!lad) return null;
    const fallback = lad.fallback?.id ?? null;
    const own = lad.levels.map((l) => ({ id: l.id, holds: isTrue(tAnd(l.requires.map((r) => this.cond(r, `level \`${l.id}\``)))) }));
    // The ladder's decision list (engine/semantics/ladder.ts): a cumulative one from the lowest level up.
    const idAt = (k: number): JsonLogic => (k >= 0 ? (own[k] as { id: string }).id : fallback);
    return ifChain(
      ladderSteps(lad.cumulative, own.length).map((s): [JsonLogic, JsonLogic] => {
        if (s.level < 0) return [true, idAt(s.gives)];
        const holds = (own[s.level] as { holds: JsonLogic }).holds;
        return [s.holds ? holds : negate(holds), idAt(s.gives)];
      }),
    );
  }

  // --- rules ----------------------------------------------------------------------------------

  private veto(id: string): Trit {
    let t = this.vetoCache.get(id);
    if (!t) {
      const v = this.m.vetoesById.get(id);
      t = this.markTrit('v', id, v?.when ? this.cond(v.when, `veto \`${id}\``) : T_UNKNOWN);
      this.vetoCache.set(id, t);
    }
    return t;
  }

  private prerequisite(id: string): Trit {
    let t = this.prereqCache.get(id);
    if (!t) {
      const p = this.m.prerequisitesById.get(id);
      t = this.markTrit('q', id, p ? tAnd(p.requires.map((r) => this.cond(r, `prerequisite \`${id}\``))) : T_UNKNOWN);
      this.prereqCache.set(id, t);
    }
    return t;
  }

  private cond(e: Expr, where: string): Trit {
    return this.asBool(this.expr(e, { bound: [], scoring: undefined, where }), where);
  }

  // --- indicators -----------------------------------------------------------------------------

  /** JsonLogic boolean: the indicator applies (its condition is not definitely false). */
  private app(id: string): JsonLogic {
    let a = this.appCache.get(id);
    if (a === undefined) {
      const applies = this.m.indicatorsById.get(id)?.decl.applies;
      a = this.mark('a', id, applies ? notFalse(this.cond(applies, `indicator \`${id}\``)) : true);
      this.appCache.set(id, a);
    }
    return a;
  }

  /** Points of an applicable indicator: never unknown (absent evidence gives 0, as in the engine). */
  private points(id: string): Num {
    let p = this.pointsCache.get(id);
    if (!p) {
      const info = this.m.indicatorsById.get(id);
      p = this.markNum('p', id, info ? this.scoreIndicator(info) : ZERO);
      this.pointsCache.set(id, p);
    }
    return p;
  }

  private scoreIndicator(info: IndicatorInfo): Num {
    const s = info.decl.scoring;
    if (!s) return ZERO;
    const own = this.fieldAccess(info.id, [], false);
    const missing = unkRule(own.unk);
    const ctx: Ctx = { bound: [], scoring: info.id, where: `indicator \`${info.id}\`` };
    const ownVal = this.typed(this.fieldAccess(info.id, [], true), info.type, ctx);
    let scored: Num;
    switch (s.kind) {
      case 'Bands': {
        const arms = s.bands.map((b) => {
          let cond: Trit;
          if (b.cond.kind === 'Else') cond = T_TRUE;
          else if (b.cond.kind === 'Cond') cond = this.asBool(this.expr(b.cond.expr, ctx), ctx.where);
          else cond = this.compare(b.cond.op, ownVal, this.expr(b.cond.bound, ctx), ctx);
          return { cond: isTrue(cond), points: this.pointsOf(b.points, ctx) };
        });
        scored = chain(arms);
        break;
      }
      case 'Map': {
        if (ownVal.t !== 'sym') {
          scored = ZERO;
          break;
        }
        const arms: { cond: JsonLogic; points: Num }[] = [];
        for (const e of s.entries) {
          if (e.key.kind === 'Name') arms.push({ cond: { '==': [ownVal.jl, e.key.name] }, points: this.pointsOf(e.points, ctx) });
        }
        const otherwise = s.entries.find((e) => e.key.kind === 'Else');
        arms.push({ cond: true, points: otherwise ? this.pointsOf(otherwise.points, ctx) : ZERO });
        scored = chain(arms);
        break;
      }
      case 'Formula':
        scored = zeroIfUnknown(this.asNum(this.expr(s.expr, ctx), ctx.where));
        break;
      default:
        return assertNever(s, 'scoring');
    }
    return missing === undefined ? scored : ifNum(missing, ZERO, scored);
  }

  /** `v`, or `v when c else w`: an unknown condition gives `w`; points that read missing evidence give 0. */
  private pointsOf(p: Points, ctx: Ctx): Num {
    const value = this.asNum(this.expr(p.value, ctx), ctx.where);
    if (!p.when) return zeroIfUnknown(value);
    const w = this.asBool(this.expr(p.when, ctx), ctx.where);
    const otherwise = p.otherwise ? this.asNum(this.expr(p.otherwise, ctx), ctx.where) : ZERO;
    return zeroIfUnknown(ifNum(isTrue(w), value, otherwise));
  }

  // --- dimensions, total ----------------------------------------------------------------------

  private dimension(id: string): DimensionParts {
    let parts = this.dimCache.get(id);
    if (!parts) {
      const d = this.m.dimensionsById.get(id);
      parts = d ? this.computeDimension(d) : { score: ZERO, share: ZERO, k: ZERO, effFactor: () => Rational.ZERO };
      this.dimCache.set(id, parts);
    }
    return parts;
  }

  private computeDimension(d: DimensionInfo): DimensionParts {
    const infos = d.indicators.map((i) => this.m.indicatorsById.get(i)).filter((x): x is IndicatorInfo => x !== undefined);
    // Weights as integers ω over a common denominator Dw.
    let dw = 1n;
    for (const i of infos) dw = lcm(dw, i.weight.den);
    const omega = new Map(infos.map((i) => [i.id, i.weight.mul(Rational.of(dw)).num]));
    let bigOmega = 0n;
    for (const w of omega.values()) bigOmega += w;

    // The applicable weight Σ: fixed part plus the indicators whose applicability is decided at run time.
    let fixed = 0n;
    const variable: { id: string; w: bigint; app: JsonLogic }[] = [];
    for (const i of infos) {
      const app = this.app(i.id);
      const w = omega.get(i.id) ?? 0n;
      if (app === true) fixed += w;
      else if (app !== false) variable.push({ id: i.id, w, app });
    }
    const sigma: JsonLogic =
      variable.length === 0 ? Number(fixed) : { '+': [...variable.map((v) => ({ if: [v.app, Number(v.w), 0] })), ...(fixed !== 0n ? [Number(fixed)] : [])] };

    // L: a common multiple of every non-zero value Σ can take; k = L ÷ Σ is then an exact integer.
    let k: Num;
    let L = 1n;
    const sums = variable.length <= MAX_VARIABLE ? possibleSums(fixed, variable.map((v) => v.w)) : undefined;
    if (variable.length === 0) {
      L = fixed === 0n ? 1n : fixed;
      k = fixed === 0n ? ZERO : konst(Rational.ONE);
    } else {
      const nonzero = sums ? [...sums].filter((s) => s > 0n) : [];
      for (const s of nonzero) L = lcm(L, s);
      if (sums && L <= MAX_LCM && Number(L) <= SAFE) {
        const smallest = nonzero.reduce((a, b) => (b < a ? b : a), L);
        k = { jl: { if: [{ '==': [sigma, 0] }, 0, { '/': [Number(L), sigma] }] }, den: 1n, exact: true, max: Number(L / smallest), rounded: false, unk: KNOWN };
      } else {
        this.note(`dimension \`${d.id}\``, 'redistribution of weights computed in floating point (too many combinations of applicable indicators)');
        L = 1n;
        k = { jl: { if: [{ '==': [sigma, 0] }, 0, { '/': [1, sigma] }] }, den: 1n, exact: false, max: Infinity, rounded: true, unk: KNOWN };
      }
    }

    // Score = Σ_applicable ω·p × Ω ÷ (Σ × Dw × 100) = (Σ ω·p) × k × Ω ÷ (L × Dw × 100).
    let sum: Num = ZERO;
    for (const i of infos) {
      const term = mul(konst(Rational.of(omega.get(i.id) ?? 0n)), this.points(i.id));
      const app = this.app(i.id);
      sum = add(sum, app === true ? term : app === false ? ZERO : ifNum(app, term, ZERO));
    }
    const scale = Rational.of(bigOmega, L * dw * 100n);
    k = this.markNum('k', d.id, k);
    const score = this.markNum('s', d.id, bigOmega === 0n ? ZERO : mul(mul(sum, k), konst(scale)));
    const share = d.weight.isZero() ? ZERO : div(score, konst(d.weight));
    const effFactor = (id: string): Rational => Rational.of((omega.get(id) ?? 0n) * bigOmega, L * dw);
    return { score, share, k, effFactor };
  }

  /** The total: Σ dimension scores, or the formula's value (unknown when it read missing evidence). */
  private total(): Num {
    if (this.m.totalFormula) {
      const v = this.derivedVal(TOTAL);
      return this.asNum(v, 'total');
    }
    if (!this.totalCache) {
      let t: Num = ZERO;
      for (const d of this.m.dimensions) t = add(t, this.dimension(d.id).score);
      this.totalCache = t;
    }
    return this.totalCache;
  }

  /** An indicator's effective weight (0 when not applicable). */
  private effectiveWeight(id: string): Num {
    const info = this.m.indicatorsById.get(id);
    if (!info) return ZERO;
    const parts = this.dimension(info.dimension);
    const w = mul(parts.k, konst(parts.effFactor(id)));
    const app = this.app(id);
    return app === true ? w : app === false ? ZERO : ifNum(app, w, ZERO);
  }

  // --- expressions ----------------------------------------------------------------------------

  private asBool(v: Val, where: string): Trit {
    if (v.t === 'bool') return v.b;
    this.note(where, 'a condition that is not a truth value (an evaluation error in Assay)');
    return T_UNKNOWN;
  }

  private asNum(v: Val, where: string): Num {
    if (v.t === 'num') return v.n;
    this.note(where, 'arithmetic on a value that is not a number (an evaluation error in Assay)');
    return { ...ZERO, unk: { fields: [], groups: [], conds: [true] } };
  }

  /** JsonLogic condition: the value is unknown (undefined: never). */
  private unknownOf(v: Val): JsonLogic | undefined {
    if (v.t === 'bool') return v.b.k === undefined ? { '==': [v.b.jl, 1] } : v.b.k === 1 ? true : undefined;
    return unkRule(v.t === 'num' ? v.n.unk : v.unk);
  }

  /** Reads an evidence field (current id, then former ids) with optional members. */
  private fieldAccess(id: string, members: readonly string[], known: boolean): { jl: JsonLogic; unk: Unk } {
    const ids = [id, ...(this.m.indicatorsById.get(id)?.formerly ?? [])];
    const path = (x: string) => ['evidence', x, ...members].join('.');
    let jl: JsonLogic = { var: path(ids[ids.length - 1] as string) };
    for (let i = ids.length - 2; i >= 0; i--) {
      const x = ids[i] as string;
      jl = { if: [present(`evidence.${x}`), { var: path(x) }, jl] };
    }
    if (known) return { jl, unk: KNOWN };
    const keys = ids.map((x) => `evidence.${x}`);
    return { jl, unk: keys.length === 1 ? { fields: keys, groups: [], conds: [] } : { fields: [], groups: [keys], conds: [] } };
  }

  private typed(f: { jl: JsonLogic; unk: Unk }, type: ValueType | undefined, ctx: Ctx): Val {
    if (!type) {
      this.note(ctx.where, 'a value of unknown type');
      return { t: 'obj', unk: f.unk };
    }
    switch (type.kind) {
      case 'boolean':
        return { t: 'bool', b: tritOf(f.jl, f.unk) };
      case 'number': {
        if (type.base !== 'integer') return { t: 'num', n: { jl: f.jl, den: 1n, exact: false, max: Infinity, rounded: false, unk: f.unk } };
        const lo = type.min ? Math.abs(type.min.value.toNumber()) : Infinity;
        const hi = type.max ? Math.abs(type.max.value.toNumber()) : Infinity;
        return { t: 'num', n: { jl: f.jl, den: 1n, exact: true, max: Math.max(lo, hi), rounded: false, unk: f.unk } };
      }
      case 'enum':
        return { t: 'sym', jl: f.jl, unk: f.unk };
      case 'object':
        return { t: 'obj', unk: f.unk };
      default:
        return assertNever(type, 'value type');
    }
  }

  private expr(e: Expr, ctx: Ctx): Val {
    switch (e.kind) {
      case 'Num':
        return { t: 'num', n: konst(Rational.parse(e.text) ?? Rational.ZERO) };
      case 'Percent':
        return { t: 'num', n: konst((Rational.parse(e.text) ?? Rational.ZERO).div(Rational.HUNDRED)) };
      case 'Bool':
        return { t: 'bool', b: e.value ? T_TRUE : T_FALSE };
      case 'Total':
        return { t: 'num', n: this.total() };
      case 'Error':
        this.note(ctx.where, 'a syntax error');
        return { t: 'bool', b: T_UNKNOWN };
      case 'Ref': {
        const r = this.m.resolution.refs.get(e);
        if (!r) {
          this.note(ctx.where, `unresolved name \`${e.path.map((n) => n.name).join('.')}\``);
          return { t: 'bool', b: T_UNKNOWN };
        }
        switch (r.kind) {
          case 'symbol':
            return { t: 'sym', jl: r.value, unk: KNOWN, konst: r.value };
          case 'input':
          case 'indicator':
            return this.typed(this.fieldAccess(r.id, r.members, ctx.scoring === r.id), r.type, ctx);
          case 'field':
            return this.typed(this.fieldAccess(r.indicator, r.members, ctx.scoring === r.indicator), r.type, ctx);
          case 'derived':
            return this.derivedVal(r.id);
          default:
            return assertNever(r, 'reference');
        }
      }
      case 'Prop':
        return this.prop(e, ctx);
      case 'Call': {
        const args = e.args.map((a) => this.expr(a, ctx));
        if (e.fn === 'known') {
          const conds = args.map((a) => this.unknownOf(a)).filter((c): c is JsonLogic => c !== undefined);
          if (conds.includes(true)) return { t: 'bool', b: T_FALSE };
          if (conds.length === 0) return { t: 'bool', b: T_TRUE };
          return { t: 'bool', b: { jl: { if: [conds.length === 1 ? (conds[0] as JsonLogic) : { or: conds }, 0, 2] } } };
        }
        const nums = args.map((a) => this.asNum(a, ctx.where));
        switch (e.fn) {
          case 'abs':
            return { t: 'num', n: abs(nums[0] ?? ZERO) };
          case 'min':
          case 'max':
            return { t: 'num', n: minMax(e.fn, nums) };
          case 'ceil':
          case 'floor':
          case 'round': {
            const digits = nums[1]?.konst;
            if (digits !== undefined && !(digits.isInteger() && Number.isSafeInteger(Number(digits.num)))) {
              this.note(ctx.where, 'digits that are not a whole number (an evaluation error in Assay)');
              return { t: 'num', n: ZERO };
            }
            if (nums.length > 1 && digits === undefined) {
              this.note(ctx.where, 'digits that are not a constant');
              return { t: 'num', n: ZERO };
            }
            return { t: 'num', n: step(e.fn, nums[0] ?? ZERO, digits === undefined ? 0 : Number(digits.num), e.mode?.name) };
          }
          default:
            return assertNever(e.fn, 'function');
        }
      }
      case 'Unary': {
        const v = this.expr(e.operand, ctx);
        if (e.op === 'not') return { t: 'bool', b: tNot(this.asBool(v, ctx.where)) };
        return { t: 'num', n: neg(this.asNum(v, ctx.where)) };
      }
      case 'Binary': {
        const a = this.expr(e.left, ctx);
        const b = this.expr(e.right, ctx);
        const op = e.op;
        switch (op) {
          case 'and':
            return { t: 'bool', b: tAnd([this.asBool(a, ctx.where), this.asBool(b, ctx.where)]) };
          case 'or':
            return { t: 'bool', b: tOr([this.asBool(a, ctx.where), this.asBool(b, ctx.where)]) };
          case '+':
            return { t: 'num', n: add(this.asNum(a, ctx.where), this.asNum(b, ctx.where)) };
          case '-':
            return { t: 'num', n: sub(this.asNum(a, ctx.where), this.asNum(b, ctx.where)) };
          case '*':
            return { t: 'num', n: mul(this.asNum(a, ctx.where), this.asNum(b, ctx.where)) };
          case '/':
            return { t: 'num', n: div(this.asNum(a, ctx.where), this.asNum(b, ctx.where)) };
          case '^': {
            const n = this.asNum(b, ctx.where).konst;
            if (!n || !n.isInteger() || !Number.isSafeInteger(Number(n.num))) {
              this.note(ctx.where, 'an exponent that is not a whole-number constant (an evaluation error in Assay)');
              return { t: 'num', n: ZERO };
            }
            const x = this.asNum(a, ctx.where);
            if (n.sign() < 0 && x.konst?.isZero()) this.note(ctx.where, '0 to a negative power (an evaluation error in Assay)');
            return { t: 'num', n: pow(x, Number(n.num)) };
          }
          default:
            return assertNever(op, 'operator');
        }
      }
      case 'Compare':
        return { t: 'bool', b: this.compare(e.op, this.expr(e.left, ctx), this.expr(e.right, ctx), ctx) };
      case 'In': {
        const v = this.expr(e.operand, ctx);
        const set = e.set.map((x) => this.expr(x, ctx));
        let t: Trit;
        if (v.t === 'sym' && set.every((x) => x.t === 'sym' && x.konst !== undefined)) {
          const names = set.map((x) => (x.t === 'sym' ? (x.konst as string) : ''));
          t = tritOf({ in: [v.jl, names] }, v.unk);
        } else {
          const any = tOr(set.map((x) => this.compare('=', v, x, ctx)));
          const unknown = this.unknownOf(v);
          t = unknown === undefined ? any : unknown === true ? T_UNKNOWN : tIf(unknown, T_UNKNOWN, any);
        }
        return { t: 'bool', b: e.negated ? tNot(t) : t };
      }
      case 'If': {
        const c = this.asBool(this.expr(e.cond, ctx), ctx.where);
        const a = this.expr(e.then, ctx);
        const b = this.expr(e.otherwise, ctx);
        if (c.k === 2) return a;
        if (c.k === 0) return b;
        if (a.t === 'bool' && b.t === 'bool') {
          return { t: 'bool', b: c.k === 1 ? T_UNKNOWN : { jl: { if: [{ '==': [c.jl, 2] }, a.b.jl, { '==': [c.jl, 0] }, b.b.jl, 1] } } };
        }
        if (a.t === 'num' && b.t === 'num') {
          const n = ifNum(isTrue(c), a.n, b.n);
          const unknownCond: JsonLogic = { '==': [c.jl, 1] };
          return { t: 'num', n: { ...n, unk: unkOr(n.unk, { fields: [], groups: [], conds: [unknownCond] }) } };
        }
        if (a.t === 'sym' && b.t === 'sym') {
          const ua = unkRule(a.unk);
          const ub = unkRule(b.unk);
          const conds: JsonLogic[] = [{ '==': [c.jl, 1] }];
          if (ua !== undefined || ub !== undefined) conds.push({ if: [isTrue(c), ua ?? false, ub ?? false] });
          return { t: 'sym', jl: { if: [isTrue(c), a.jl, b.jl] }, unk: { fields: [], groups: [], conds } };
        }
        this.note(ctx.where, '`if` whose branches have different kinds of values');
        return { t: 'bool', b: T_UNKNOWN };
      }
      case 'Quantified': {
        const q = this.m.resolution.quantifiers.get(e);
        const ids = this.elements(e.domain, q?.within);
        const parts = ids.map((id) => {
          const body = this.asBool(this.expr(e.body, { ...ctx, bound: [...ctx.bound, { domain: e.domain, id }] }), ctx.where);
          if (e.domain !== 'indicator') return body;
          // Not-applicable indicators are not in the domain: neutral for the quantifier.
          const app = this.app(id);
          const neutral = e.quantifier === 'every' ? T_TRUE : T_FALSE;
          return app === true ? body : app === false ? neutral : tIf(app, body, neutral);
        });
        return { t: 'bool', b: e.quantifier === 'every' ? tAnd(parts) : tOr(parts) };
      }
      case 'Table':
        return this.table(e, ctx);
      default:
        return assertNever(e, 'expression');
    }
  }

  /**
   * A lookup table as one flat `if` over its entries, each testing the keys' values (`==` on the key's var); an
   * unknown key (absent: no entry matches) makes the value unknown. Entries of numbers share one denominator.
   */
  private table(e: Extract<Expr, { kind: 'Table' }>, ctx: Ctx): Val {
    const keys = e.keys.map((k) => this.expr(k, ctx));
    const keyUnk: Unk[] = [];
    for (const k of keys) {
      if (k.t !== 'sym') {
        this.note(ctx.where, 'a table key that is not an enum value');
        return { t: 'bool', b: T_UNKNOWN };
      }
      keyUnk.push(k.unk);
    }
    const arms: { cond: JsonLogic; v: Val }[] = [];
    let otherwise: Val | undefined;
    for (const en of e.entries) {
      const v = this.expr(en.value, ctx);
      if ('kind' in en.key) {
        otherwise ??= v;
        continue;
      }
      const conds: JsonLogic[] = en.key.map((name, i) => {
        const k = keys[i] as Extract<Val, { t: 'sym' }>;
        return k.konst !== undefined ? k.konst === name.name : { '==': [k.jl, name.name] };
      });
      const live = conds.filter((c) => c !== true);
      if (live.includes(false)) continue;
      arms.push({ cond: live.length === 0 ? true : live.length === 1 ? (live[0] as JsonLogic) : { and: live }, v });
    }
    const unk = unkOr(...keyUnk);
    const all = otherwise ? [...arms, { cond: true as JsonLogic, v: otherwise }] : arms;
    const first = all[0]?.v;
    if (!first) return { t: 'bool', b: T_UNKNOWN };
    if (all.every((a) => a.v.t === 'num')) {
      const n = chain(all.map((a) => ({ cond: a.cond, points: (a.v as Extract<Val, { t: 'num' }>).n })));
      return { t: 'num', n: { ...n, unk: unkOr(n.unk, unk) } };
    }
    if (all.every((a) => a.v.t === 'bool')) {
      const b = ifChain(all.map((a): [JsonLogic, JsonLogic] => [a.cond, (a.v as Extract<Val, { t: 'bool' }>).b.jl]));
      const u = unkRule(unk);
      return { t: 'bool', b: { jl: u === undefined ? b : { if: [u, 1, b] } } };
    }
    if (all.every((a) => a.v.t === 'sym')) {
      const jl = ifChain(all.map((a): [JsonLogic, JsonLogic] => [a.cond, (a.v as Extract<Val, { t: 'sym' }>).jl]));
      return { t: 'sym', jl, unk: unkOr(unk, ...all.map((a) => (a.v as Extract<Val, { t: 'sym' }>).unk)) };
    }
    this.note(ctx.where, 'a table whose entries have different kinds of values');
    return { t: 'bool', b: T_UNKNOWN };
  }

  private elements(domain: QuantDomain, within: string | undefined): string[] {
    const m = this.m;
    switch (domain) {
      case 'dimension':
        return m.dimensions.map((d) => d.id);
      case 'indicator':
        return m.indicators.filter((i) => within === undefined || i.dimension === within).map((i) => i.id);
      case 'veto':
        return m.vetoes.map((v) => v.id);
      case 'prerequisite':
        return m.prerequisites.map((p) => p.id);
      default:
        return assertNever(domain, 'domain');
    }
  }

  private prop(e: Extract<Expr, { kind: 'Prop' }>, ctx: Ctx): Val {
    const t = this.m.resolution.props.get(e);
    const id = t?.id ?? ctx.bound[ctx.bound.length - 1]?.id;
    if (!t || id === undefined) {
      this.note(ctx.where, `unresolved property \`${e.prop}\``);
      return { t: 'bool', b: T_UNKNOWN };
    }
    switch (t.domain) {
      case 'dimension': {
        if (t.prop === 'weight') return { t: 'num', n: konst(this.m.dimensionsById.get(id)?.weight ?? Rational.ZERO) };
        const d = this.dimension(id);
        return { t: 'num', n: t.prop === 'score' ? d.score : d.share };
      }
      case 'indicator': {
        if (t.prop === 'value') return this.typed(this.fieldAccess(id, [], ctx.scoring === id), this.m.indicatorsById.get(id)?.type, ctx);
        if (t.prop === 'weight') return { t: 'num', n: this.effectiveWeight(id) };
        const app = this.app(id);
        const pts = this.points(id);
        if (app === true) return { t: 'num', n: pts };
        return { t: 'num', n: { ...pts, unk: app === false ? { fields: [], groups: [], conds: [true] } : { fields: [], groups: [], conds: [{ '!': app }] } } };
      }
      case 'veto':
      case 'prerequisite': {
        const r = t.domain === 'veto' ? this.veto(id) : this.prerequisite(id);
        const b = t.prop === 'decided' ? isDecided(r) : isTrue(r);
        return { t: 'bool', b: typeof b === 'boolean' ? (b ? T_TRUE : T_FALSE) : { jl: { if: [b, 2, 0] } } };
      }
      default:
        return assertNever(t.domain, 'domain');
    }
  }

  /** Comparison as the engine does it: numbers by value, enum values and truth values by equality. */
  private compare(op: '=' | '!=' | '<' | '<=' | '>' | '>=', a: Val, b: Val, ctx: Ctx): Trit {
    if (a.t === 'num' && b.t === 'num') {
      if (a.n.rounded || b.n.rounded) this.note(ctx.where, 'a comparison of numbers computed in floating point');
      return compareNum(op, a.n, b.n);
    }
    if (op === '=' || op === '!=') {
      if (a.t === 'sym' && b.t === 'sym') {
        if (a.konst !== undefined && b.konst !== undefined) return (a.konst === b.konst) === (op === '=') ? T_TRUE : T_FALSE;
        return tritOf({ [op === '=' ? '==' : '!=']: [a.jl, b.jl] }, unkOr(a.unk, b.unk));
      }
      if (a.t === 'bool' && b.t === 'bool') {
        if (a.b.k !== undefined && b.b.k !== undefined) {
          if (a.b.k === 1 || b.b.k === 1) return T_UNKNOWN;
          return (a.b.k === b.b.k) === (op === '=') ? T_TRUE : T_FALSE;
        }
        const eq: Trit = { jl: { if: [{ or: [{ '==': [a.b.jl, 1] }, { '==': [b.b.jl, 1] }] }, 1, { '==': [a.b.jl, b.b.jl] }, 2, 0] } };
        return op === '=' ? eq : tNot(eq);
      }
    }
    this.note(ctx.where, `\`${op}\` between values of different kinds (an evaluation error in Assay)`);
    return T_UNKNOWN;
  }
}

// --- helpers --------------------------------------------------------------------------------------

function ownRecord(): Record<string, JsonLogic> {
  return Object.create(null) as Record<string, JsonLogic>;
}

function defineOwn(o: Record<string, JsonLogic>, key: string, value: JsonLogic): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JsonLogic condition: the trit is not true (false or unknown). */
function notTrue(t: Trit): JsonLogic {
  if (t.k !== undefined) return t.k !== 2;
  const c = twoValued(t);
  return c !== undefined ? { '!': [c] } : { '!=': [t.jl, 2] };
}

function negate(c: JsonLogic): JsonLogic {
  return typeof c === 'boolean' ? !c : { '!': [c] };
}

/** `cond ? a : b` on trits. */
function tIf(cond: JsonLogic, a: Trit, b: Trit): Trit {
  if (cond === true) return a;
  if (cond === false) return b;
  if (a.k !== undefined && a.k === b.k) return a;
  return { jl: { if: [cond, a.jl, b.jl] } };
}

/** `{"if": [c1, v1, c2, v2, …, else]}`, dropping arms after a constant-true condition and false arms. */
function ifChain(pairs: readonly (readonly [JsonLogic, JsonLogic])[]): JsonLogic {
  const args: JsonLogic[] = [];
  for (const [c, v] of pairs) {
    if (c === false) continue;
    if (c === true) {
      if (args.length === 0) return v;
      args.push(v);
      return { if: args };
    }
    args.push(c, v);
  }
  args.push(null);
  return { if: args };
}

/** First arm whose condition holds; 0 when none does. Exact arms share one denominator and one flat `if`. */
function chain(arms: readonly { cond: JsonLogic; points: Num }[]): Num {
  const live: { cond: JsonLogic; points: Num }[] = [];
  for (const a of arms) {
    if (a.cond === false) continue;
    live.push(a);
    if (a.cond === true) break;
  }
  if (live.length === 0 || live[live.length - 1]?.cond !== true) live.push({ cond: true, points: ZERO });
  if (live.length === 1) return (live[0] as { points: Num }).points;
  if (live.every((a) => a.points.exact && isKnown(a.points.unk))) {
    let den = 1n;
    for (const a of live) den = lcm(den, a.points.den);
    const max = Math.max(...live.map((a) => a.points.max * Number(den / a.points.den)));
    if (den <= BigInt(SAFE) && max <= SAFE) {
      const args: JsonLogic[] = [];
      for (const a of live) {
        const f = den / a.points.den;
        const v = f === 1n ? a.points.jl : typeof a.points.jl === 'number' ? a.points.jl * Number(f) : { '*': [a.points.jl, Number(f)] };
        if (a.cond === true) args.push(v);
        else args.push(a.cond, v);
      }
      return { jl: { if: args }, den, exact: true, max, rounded: false, unk: KNOWN };
    }
  }
  let acc = (live[live.length - 1] as { points: Num }).points;
  for (let i = live.length - 2; i >= 0; i--) {
    const a = live[i] as { cond: JsonLogic; points: Num };
    acc = ifNum(a.cond, a.points, acc);
  }
  return acc;
}

/** Points that read missing evidence count 0 (the indicator is `missing`). */
function zeroIfUnknown(n: Num): Num {
  const u = unkRule(n.unk);
  if (u === undefined) return n;
  if (u === true) return ZERO;
  return ifNum(u, ZERO, { ...n, unk: KNOWN });
}

/** Every sum of `fixed` plus a subset of `ws`. */
function possibleSums(fixed: bigint, ws: readonly bigint[]): Set<bigint> {
  let sums = new Set<bigint>([fixed]);
  for (const w of ws) {
    const next = new Set(sums);
    for (const s of sums) next.add(s + w);
    sums = next;
  }
  return sums;
}


