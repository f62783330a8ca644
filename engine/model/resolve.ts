// Name resolution: what every name, property and quantifier of a ruleset refers to, and what each
// computed node depends on. In: the declarations of a model. Out: a `Resolution` and A2xx diagnostics.
//
// Rules (documented in engine/README.md):
// - A bare name compared with (or listed in a set against) an enum-typed side is that enum's value when
//   the enum has it — even if an input or indicator has the same name (warning A214).
// - Otherwise, in the scoring of an object-typed indicator its members are in scope by name; then inputs
//   and indicators (their evidence values), with `.member` access into object values.
// - A property without an argument means the element bound by the innermost quantifier whose domain
//   has that property; `value` without an argument in scoring means the indicator being scored.

import type { Diagnostic } from '../../dsl/diagnostics';
import { diag } from '../../dsl/diagnostics';
import type { Expr, IndicatorDecl, PropExpr, PropName, QuantDomain, QuantifiedExpr, RefExpr, Span, TableExpr } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import type { DeriveInfo, ExprType, IndicatorInfo, ModelDecls, PropTarget, QuantTarget, RefTarget, Resolution } from './types';
export type { ExprType, PropTarget, QuantTarget, RefTarget, Resolution } from './types';
import { nodeKey } from './types';
import { suggest } from '../support/suggest';
import type { EnumValueType, ValueType } from './value-type';

/** Which domains have which property. */
export const PROP_DOMAINS: Readonly<Record<PropName, readonly QuantDomain[]>> = {
  score: ['dimension'],
  share: ['dimension'],
  weight: ['dimension', 'indicator'],
  points: ['indicator'],
  value: ['indicator'],
  fired: ['veto'],
  decided: ['veto', 'prerequisite'],
  holds: ['prerequisite'],
};

const UNKNOWN: ExprType = { kind: 'unknown' };
/** How many "did you mean" suggestions one ruleset gets (each scans every candidate name). */
const SUGGESTION_BUDGET = 100;
const BOOL: ExprType = { kind: 'boolean' };
const NUM: ExprType = { kind: 'number', base: 'number' };

interface Scope {
  /** Key of the computed node whose expression this is. */
  readonly owner: string;
  /** The indicator being scored (bands, map, formula). */
  readonly scoring: IndicatorInfo | undefined;
  /** Domains of the enclosing quantifiers, innermost last. */
  readonly quants: readonly QuantDomain[];
}

class Resolver {
  readonly refs = new Map<RefExpr, RefTarget>();
  readonly props = new Map<PropExpr, PropTarget>();
  readonly quantifiers = new Map<QuantifiedExpr, QuantTarget>();
  readonly types = new Map<Expr, ExprType>();
  readonly deps = new Map<string, Set<string>>();
  readonly diagnostics: Diagnostic[] = [];
  /** > 0 while peeking at a type: nothing is recorded or reported. */
  private dry = 0;

  constructor(private readonly m: ModelDecls) {}

  private report(d: Diagnostic): void {
    if (this.dry === 0) this.diagnostics.push(d);
  }
  private dep(scope: Scope, key: string): void {
    if (this.dry > 0) return;
    let s = this.deps.get(scope.owner);
    if (!s) this.deps.set(scope.owner, (s = new Set()));
    s.add(key);
  }
  /** Declares a node so that it appears in `deps` even without dependencies. */
  node(key: string): void {
    if (!this.deps.has(key)) this.deps.set(key, new Set());
  }

  /** The static type of `e`, without recording anything. */
  private peek(e: Expr, scope: Scope): ExprType {
    this.dry++;
    try {
      return this.visit(e, scope, undefined);
    } finally {
      this.dry--;
    }
  }

  /**
   * Static types found while peeking (no enum context). Each node sits in one place of the tree, so its scope
   * is fixed; caching keeps nested comparisons linear instead of exponential in their depth.
   */
  private readonly peeked = new Map<Expr, ExprType>();

  /** Resolves `e`; `symbols` is the enum type a bare name may be a value of (the other side's type). */
  visit(e: Expr, scope: Scope, symbols: EnumValueType | undefined): ExprType {
    if (this.dry > 0 && symbols === undefined) {
      const cached = this.peeked.get(e);
      if (cached) return cached;
      const t = this.visitInner(e, scope, symbols);
      this.peeked.set(e, t);
      return t;
    }
    const t = this.visitInner(e, scope, symbols);
    if (this.dry === 0) this.types.set(e, t);
    return t;
  }

  private visitInner(e: Expr, scope: Scope, symbols: EnumValueType | undefined): ExprType {
    switch (e.kind) {
      case 'Num':
      case 'Percent':
        return NUM;
      case 'Bool':
        return BOOL;
      case 'Error':
        return UNKNOWN;
      case 'Total':
        this.dep(scope, nodeKey({ kind: 'total' }));
        return NUM;
      case 'Ref':
        return this.ref(e, scope, symbols);
      case 'Prop':
        return this.prop(e, scope);
      case 'Call':
        // A misspelt mode of `round` stays its third argument (A114 reported it): not a name to resolve.
        for (const a of e.fn === 'round' && !e.mode ? e.args.slice(0, 2) : e.args) this.visit(a, scope, undefined);
        return e.fn === 'known' ? BOOL : NUM;
      case 'Table':
        return this.table(e, scope, symbols);
      case 'Unary':
        this.visit(e.operand, scope, undefined);
        return e.op === 'not' ? BOOL : NUM;
      case 'Binary':
        this.visit(e.left, scope, undefined);
        this.visit(e.right, scope, undefined);
        return e.op === 'and' || e.op === 'or' ? BOOL : NUM;
      case 'Compare': {
        const lt = this.peek(e.left, scope);
        const rt = this.peek(e.right, scope);
        this.visit(e.left, scope, rt.kind === 'enum' ? rt : undefined);
        this.visit(e.right, scope, lt.kind === 'enum' ? lt : undefined);
        return BOOL;
      }
      case 'In': {
        const ot = this.visit(e.operand, scope, undefined);
        for (const x of e.set) this.visit(x, scope, ot.kind === 'enum' ? ot : undefined);
        return BOOL;
      }
      case 'If': {
        this.visit(e.cond, scope, undefined);
        const a = this.visit(e.then, scope, symbols);
        this.visit(e.otherwise, scope, symbols);
        return a;
      }
      case 'Quantified':
        return this.quantified(e, scope);
      default:
        return assertNever(e, 'expression');
    }
  }

  /** A lookup table: its keys are names (of enum type); entry values may be bare enum values when `symbols` says so. */
  private table(e: TableExpr, scope: Scope, symbols: EnumValueType | undefined): ExprType {
    for (const k of e.keys) this.visit(k, scope, undefined);
    let t: ExprType = UNKNOWN;
    for (const en of e.entries) {
      const vt = this.visit(en.value, scope, symbols);
      if (t.kind === 'unknown') t = vt;
    }
    return t;
  }

  /** Derived values whose type is being inferred (a cycle leaves it unknown; order.ts reports the cycle). */
  private readonly inferring = new Set<string>();
  private readonly inferred = new Map<string, ExprType>();

  /** The type of a derived value: declared, else its formula's (peeked once, then remembered). */
  derivedType(d: DeriveInfo): ExprType {
    if (d.declared) return d.declared;
    const known = this.inferred.get(d.id);
    if (known) return known;
    if (this.inferring.has(d.id)) return UNKNOWN;
    this.inferring.add(d.id);
    try {
      const t = this.peek(d.decl.formula, { owner: nodeKey({ kind: 'derived', id: d.id }), scoring: undefined, quants: [] });
      this.inferred.set(d.id, t);
      return t;
    } finally {
      this.inferring.delete(d.id);
    }
  }

  private ref(e: RefExpr, scope: Scope, symbols: EnumValueType | undefined): ExprType {
    const [head, ...rest] = e.path;
    if (!head) return UNKNOWN;
    const name = head.name;
    const variable = this.m.fields.get(name);
    const derived = this.m.derivedById.get(name);
    const scopedField = scope.scoring?.type?.kind === 'object' ? scope.scoring.type.fields.get(name) : undefined;

    if (rest.length === 0 && symbols && symbols.values.includes(name)) {
      if ((variable || scopedField || derived) && this.dry === 0) this.report(diag('A214', head.span, { name }, { severity: 'warning' }));
      return this.record(e, { kind: 'symbol', value: name, type: symbols });
    }
    if (scope.scoring && scopedField !== undefined) {
      const type = this.members(scopedField, rest, name);
      return this.record(e, { kind: 'field', indicator: scope.scoring.id, members: [name, ...rest.map((n) => n.name)], type });
    }
    if (variable) {
      const type = variable.type ? this.members(variable.type, rest, name) : undefined;
      return this.record(e, { kind: variable.kind, id: name, members: rest.map((n) => n.name), type });
    }
    if (derived) {
      this.dep(scope, nodeKey({ kind: 'derived', id: name }));
      const dt = this.derivedType(derived);
      // A derived value is never an object: `.member` after it is A216.
      const type = dt.kind === 'unknown' ? undefined : this.members(dt, rest, name);
      return this.record(e, { kind: 'derived', id: name, type });
    }
    // Unknown: suggest among what could have been meant here.
    const candidates = (): string[] => {
      const c: string[] = [...this.m.fields.keys(), ...this.m.derivedById.keys()];
      if (scope.scoring?.type?.kind === 'object') c.unshift(...scope.scoring.type.fields.keys());
      if (symbols) c.unshift(...symbols.values);
      return c;
    };
    const renamed = this.m.formerIds.get(name);
    const s = renamed ?? this.suggest(name, candidates);
    this.unknown('A201', head.span, name, s);
    return UNKNOWN;
  }

  /** Walks `.a.b` member accesses through object types, reporting A215/A216. */
  private members(t: ValueType, rest: readonly { name: string; span: Span }[], base: string): ValueType | undefined {
    let cur: ValueType = t;
    let path = base;
    for (const m of rest) {
      if (cur.kind !== 'object') {
        this.report(diag('A216', m.span, { name: path, member: m.name }));
        return undefined;
      }
      const next = cur.fields.get(m.name);
      if (!next) {
        const fieldsOf = cur.fields;
        const s = this.suggest(m.name, () => fieldsOf.keys());
        this.report(
          diag('A215', m.span, { name: path, member: m.name, ...(s !== undefined ? { suggestion: s } : {}) }, {
            related: s !== undefined ? [{ span: m.span, code: 'A903', args: { name: s } }] : [],
          }),
        );
        return undefined;
      }
      cur = next;
      path = `${path}.${m.name}`;
    }
    return cur;
  }

  private record(e: RefExpr, t: RefTarget): ExprType {
    if (this.dry === 0) this.refs.set(e, t);
    return t.type ?? UNKNOWN;
  }

  /** Suggestions cost a scan of every candidate: after SUGGESTION_BUDGET of them, unknown names get none. */
  private suggestions = 0;
  suggest(name: string, candidates: () => Iterable<string>): string | undefined {
    if (this.dry > 0 || ++this.suggestions > SUGGESTION_BUDGET) return undefined;
    return suggest(name, candidates());
  }

  /** Reports an unknown name, pointing at the suggested declaration when there is one. */
  private unknown(code: 'A201' | 'A204', span: Span, name: string, s: string | undefined, args: Record<string, string> = {}): void {
    const at = s !== undefined ? this.declSpan(s) : undefined;
    this.report(
      diag(code, span, { name, ...args, ...(s !== undefined ? { suggestion: s } : {}) }, {
        related: s === undefined ? [] : [at ? { span: at, code: 'A902', args: { name: s } } : { span, code: 'A903', args: { name: s } }],
      }),
    );
  }

  private declSpan(id: string): Span | undefined {
    const m = this.m;
    return (
      m.fields.get(id)?.info.decl.id.span ??
      m.derivedById.get(id)?.decl.id.span ??
      m.dimensionsById.get(id)?.decl.id.span ??
      m.vetoesById.get(id)?.decl.id.span ??
      m.prerequisitesById.get(id)?.decl.id.span
    );
  }

  private prop(e: PropExpr, scope: Scope): ExprType {
    const domains = PROP_DOMAINS[e.prop];
    if (e.of) {
      const id = e.of.name;
      const domain = domains.find((d) => this.has(d, id));
      if (!domain) {
        const candidates = (): string[] => domains.flatMap((d) => this.ids(d));
        this.unknown('A204', e.of.span, id, this.suggest(id, candidates), { prop: e.prop, kinds: domains.join(' / ') });
        return this.propType(e.prop, undefined);
      }
      this.record2(e, { domain, prop: e.prop, id });
      this.propDep(scope, domain, e.prop, id);
      return this.propType(e.prop, domain === 'indicator' ? this.m.indicatorsById.get(id) : undefined);
    }
    const bound = [...scope.quants].reverse()[0];
    if (bound !== undefined && domains.includes(bound)) {
      this.record2(e, { domain: bound, prop: e.prop, id: undefined });
      return this.propType(e.prop, undefined);
    }
    if (e.prop === 'value' && scope.scoring) {
      this.record2(e, { domain: 'indicator', prop: 'value', id: scope.scoring.id });
      return this.propType('value', scope.scoring);
    }
    if (e.prop === 'value') this.report(diag('A206', e.span));
    else this.report(diag('A205', e.span, { prop: e.prop, kinds: domains.join(' / ') }));
    return this.propType(e.prop, undefined);
  }

  private record2(e: PropExpr, t: PropTarget): void {
    if (this.dry === 0) this.props.set(e, t);
  }

  private propType(prop: PropName, ind: IndicatorInfo | undefined): ExprType {
    switch (prop) {
      case 'score':
      case 'share':
      case 'weight':
      case 'points':
        return NUM;
      case 'fired':
      case 'decided':
      case 'holds':
        return BOOL;
      case 'value':
        return ind?.type ?? UNKNOWN;
      default:
        return assertNever(prop, 'property');
    }
  }

  private propDep(scope: Scope, domain: QuantDomain, prop: PropName, id: string): void {
    switch (domain) {
      case 'dimension':
        // A dimension's declared weight is a constant; its score and share are computed.
        if (prop !== 'weight') this.dep(scope, nodeKey({ kind: 'dimension', id }));
        return;
      case 'indicator': {
        if (prop === 'points') this.dep(scope, nodeKey({ kind: 'indicator', id }));
        const dim = this.m.indicatorsById.get(id)?.dimension;
        // `weight(i)` is the effective weight, known once its dimension's applicability is.
        if (prop === 'weight' && dim !== undefined) this.dep(scope, nodeKey({ kind: 'dimension', id: dim }));
        return;
      }
      case 'veto':
        this.dep(scope, nodeKey({ kind: 'veto', id }));
        return;
      case 'prerequisite':
        this.dep(scope, nodeKey({ kind: 'prerequisite', id }));
        return;
      default:
        return assertNever(domain, 'domain');
    }
  }

  private has(d: QuantDomain, id: string): boolean {
    switch (d) {
      case 'dimension':
        return this.m.dimensionsById.has(id);
      case 'indicator':
        return this.m.indicatorsById.has(id);
      case 'veto':
        return this.m.vetoesById.has(id);
      case 'prerequisite':
        return this.m.prerequisitesById.has(id);
      default:
        return assertNever(d, 'domain');
    }
  }
  private ids(d: QuantDomain): string[] {
    switch (d) {
      case 'dimension':
        return this.m.dimensions.map((x) => x.id);
      case 'indicator':
        return this.m.indicators.map((x) => x.id);
      case 'veto':
        return this.m.vetoes.map((x) => x.id);
      case 'prerequisite':
        return this.m.prerequisites.map((x) => x.id);
      default:
        return assertNever(d, 'domain');
    }
  }

  private quantified(e: QuantifiedExpr, scope: Scope): ExprType {
    let within: string | undefined;
    if (e.within) {
      if (e.domain !== 'indicator') this.report(diag('A217', e.within.span, { domain: e.domain }));
      else if (!this.m.dimensionsById.has(e.within.name)) {
        this.unknown('A204', e.within.span, e.within.name, this.suggest(e.within.name, () => this.ids('dimension')), {
          prop: 'in',
          kinds: 'dimension',
        });
      } else within = e.within.name;
    }
    if (this.dry === 0) this.quantifiers.set(e, { domain: e.domain, within });
    // The body may read any element of the domain: depend on all of them.
    for (const id of this.ids(e.domain)) {
      if (within !== undefined && this.m.indicatorsById.get(id)?.dimension !== within) continue;
      if (e.domain === 'indicator') {
        this.dep(scope, nodeKey({ kind: 'indicator', id }));
        const dim = this.m.indicatorsById.get(id)?.dimension;
        if (dim !== undefined) this.dep(scope, nodeKey({ kind: 'dimension', id: dim }));
      } else this.dep(scope, nodeKey({ kind: e.domain, id }));
    }
    this.visit(e.body, { ...scope, quants: [...scope.quants, e.domain] }, undefined);
    return BOOL;
  }

  /** Resolves the applicability condition and the scoring of an indicator. */
  indicator(ind: IndicatorInfo): void {
    const owner = nodeKey({ kind: 'indicator', id: ind.id });
    this.node(owner);
    const plain: Scope = { owner, scoring: undefined, quants: [] };
    const scoring: Scope = { owner, scoring: ind, quants: [] };
    const decl: IndicatorDecl = ind.decl;
    if (decl.applies) this.visit(decl.applies, plain, undefined);
    const own = ind.type?.kind === 'enum' ? ind.type : undefined;
    const s = decl.scoring;
    if (!s) return;
    const points = (p: { value: Expr; when?: Expr; otherwise?: Expr }): void => {
      this.visit(p.value, scoring, undefined);
      if (p.when) this.visit(p.when, scoring, undefined);
      if (p.otherwise) this.visit(p.otherwise, scoring, undefined);
    };
    switch (s.kind) {
      case 'Bands':
        for (const b of s.bands) {
          if (b.cond.kind === 'Compare') this.visit(b.cond.bound, scoring, own);
          else if (b.cond.kind === 'Cond') this.visit(b.cond.expr, scoring, undefined);
          points(b.points);
        }
        return;
      case 'Map':
        for (const en of s.entries) points(en.points);
        return;
      case 'Formula':
        this.visit(s.expr, scoring, undefined);
        return;
      default:
        return assertNever(s, 'scoring');
    }
  }

  /** Resolves a derived value's formula (an enum-typed one may give bare values of its enum). */
  derive(d: DeriveInfo): void {
    const owner = nodeKey({ kind: 'derived', id: d.id });
    this.node(owner);
    const t = this.visit(d.decl.formula, { owner, scoring: undefined, quants: [] }, d.declared?.kind === 'enum' ? d.declared : undefined);
    if (!d.declared) this.inferred.set(d.id, t);
  }

  /** Resolves the formula of the total. */
  totalFormula(formula: Expr): void {
    const owner = nodeKey({ kind: 'total' });
    this.node(owner);
    this.visit(formula, { owner, scoring: undefined, quants: [] }, undefined);
  }

  /** Resolves the conditions of a prerequisite, veto or the level ladder. */
  conditions(owner: string, exprs: readonly Expr[]): void {
    this.node(owner);
    for (const x of exprs) this.visit(x, { owner, scoring: undefined, quants: [] }, undefined);
  }
}

/** Resolves every expression of the ruleset. */
export function resolveModel(m: ModelDecls): { resolution: Resolution; diagnostics: Diagnostic[] } {
  const r = new Resolver(m);
  for (const d of m.derived) r.derive(d);
  if (m.totalFormula) r.totalFormula(m.totalFormula.decl.formula);
  for (const ind of m.indicators) r.indicator(ind);
  for (const d of m.dimensions) {
    const key = nodeKey({ kind: 'dimension', id: d.id });
    r.node(key);
  }
  for (const v of m.vetoes) r.conditions(nodeKey({ kind: 'veto', id: v.id }), v.when ? [v.when] : []);
  for (const p of m.prerequisites) r.conditions(nodeKey({ kind: 'prerequisite', id: p.id }), p.requires);
  if (m.ladder) r.conditions(nodeKey({ kind: 'levels' }), m.ladder.levels.flatMap((l) => l.requires));
  return {
    resolution: { refs: r.refs, props: r.props, quantifiers: r.quantifiers, types: r.types, deps: r.deps },
    diagnostics: r.diagnostics,
  };
}
