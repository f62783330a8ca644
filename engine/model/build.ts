// Builds the semantic model of a ruleset: declarations indexed by id, resolved types and weights, then every name
// resolved (resolve.ts) and the evaluation order (order.ts). In: a parsed `Ruleset` AST. Out: `{ model,
// diagnostics }` (A2xx: what makes a ruleset impossible to evaluate). The shapes are in types.ts.

import { diag, type Diagnostic } from '../../dsl/diagnostics';
import type { Name, Ruleset, Span, TypeExpr } from '../../dsl/ast';
import { Rational } from '../numbers/rational';
import { valueTypeOf } from './value-type';
import { resolveModel } from './resolve';
import { evaluationOrder } from './order';
import type {
  DeriveInfo,
  DimensionInfo,
  FieldInfo,
  IndicatorInfo,
  InputInfo,
  LadderInfo,
  LevelInfo,
  MethodInfo,
  Model,
  ModelDecls,
  PrerequisiteInfo,
  Resolution,
  TotalFormulaInfo,
  VetoInfo,
} from './types';
import { suggest } from '../support/suggest';

function parseWeight(n: { text: string } | undefined): Rational | undefined {
  return n ? Rational.parse(n.text) : undefined;
}

/**
 * A name no declaration may take: JSON readers, JSON Schema's `properties` and an assignment `o[k] = v` treat
 * `__proto__` as the object's prototype, so a field, member or result key of that name would be silently lost (A221).
 */
const LOST_NAME = '__proto__';

/** A221 at every object member named `__proto__` in `type`, members of members included. */
function refuseLostMembers(type: TypeExpr | undefined, out: Diagnostic[]): void {
  if (type?.kind !== 'Object') return;
  for (const f of type.fields) {
    if (f.name.name === LOST_NAME) out.push(diag('A221', f.name.span, { name: LOST_NAME }));
    refuseLostMembers(f.type, out);
  }
}

/** Records declarations of one namespace and reports duplicates (A202 with A901 at the first one) and A221. */
class Namespace {
  private readonly seen = new Map<string, Span>();
  constructor(private readonly out: Diagnostic[]) {}
  /** True when `name` is new in this namespace. */
  declare(name: Name): boolean {
    if (name.name === LOST_NAME) this.out.push(diag('A221', name.span, { name: LOST_NAME }));
    const first = this.seen.get(name.name);
    if (first) {
      this.out.push(diag('A202', name.span, { name: name.name }, { related: [{ span: first, code: 'A901' }] }));
      return false;
    }
    this.seen.set(name.name, name.span);
    return true;
  }
  has(name: string): boolean {
    return this.seen.has(name);
  }
  span(name: string): Span | undefined {
    return this.seen.get(name);
  }
  names(): IterableIterator<string> {
    return this.seen.keys();
  }
}

/** Builds the semantic model of a ruleset, reporting every A2xx problem in one pass. */
export function buildModel(ast: Ruleset): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Namespaces: evidence fields (inputs, indicators, former ids) share one with dimensions so that
  // `weight(X)` is never ambiguous; vetoes and prerequisites share one (both are listed in results).
  const fieldNs = new Namespace(diagnostics);
  const ruleNs = new Namespace(diagnostics);
  const methodNs = new Namespace(diagnostics);
  const levelNs = new Namespace(diagnostics);

  const methods: MethodInfo[] = [];
  const inputs: InputInfo[] = [];
  const dimensions: DimensionInfo[] = [];
  const indicators: IndicatorInfo[] = [];
  const prerequisites: PrerequisiteInfo[] = [];
  const vetoes: VetoInfo[] = [];
  const derived: DeriveInfo[] = [];
  let totalFormula: TotalFormulaInfo | undefined;
  const formerIds = new Map<string, string>();
  let ladder: LadderInfo | undefined;

  const formerlyPending: { name: Name; indicator: string }[] = [];

  for (const item of ast.items) {
    switch (item.kind) {
      case 'Method':
        if (methodNs.declare(item.id)) methods.push({ id: item.id.name, decl: item });
        break;
      case 'Input':
        refuseLostMembers(item.type, diagnostics);
        if (fieldNs.declare(item.id)) inputs.push({ id: item.id.name, decl: item, type: valueTypeOf(item.type) });
        break;
      case 'Derive':
        refuseLostMembers(item.type, diagnostics);
        if (fieldNs.declare(item.id)) derived.push({ id: item.id.name, decl: item, declared: item.type ? valueTypeOf(item.type) : undefined });
        break;
      case 'TotalFormula':
        if (totalFormula) {
          diagnostics.push(diag('A219', item.span, {}, { related: [{ span: totalFormula.decl.span, code: 'A901' }] }));
          break;
        }
        totalFormula = { decl: item, declared: item.type ? valueTypeOf(item.type) : undefined };
        break;
      case 'Dimension': {
        const declared = fieldNs.declare(item.id);
        const weight = parseWeight(item.weight);
        if (!item.weight) diagnostics.push(diag('A210', item.id.span, { name: item.id.name }));
        const ids: string[] = [];
        for (const ind of item.indicators) {
          refuseLostMembers(ind.type, diagnostics);
          if (!fieldNs.declare(ind.id)) continue;
          ids.push(ind.id.name);
          const w = parseWeight(ind.weight);
          if (!ind.weight) diagnostics.push(diag('A208', ind.id.span, { name: ind.id.name }));
          if (!ind.type) diagnostics.push(diag('A207', ind.id.span, { name: ind.id.name }));
          if (!ind.scoring) diagnostics.push(diag('A209', ind.id.span, { name: ind.id.name }));
          for (const f of ind.formerly ?? []) formerlyPending.push({ name: f, indicator: ind.id.name });
          indicators.push({
            id: ind.id.name,
            decl: ind,
            dimension: item.id.name,
            weight: w ?? Rational.ZERO,
            type: ind.type ? valueTypeOf(ind.type) : undefined,
            direction: ind.direction?.value,
            formerly: (ind.formerly ?? []).map((f) => f.name),
          });
        }
        if (declared) dimensions.push({ id: item.id.name, decl: item, weight: weight ?? Rational.ZERO, indicators: ids });
        break;
      }
      case 'Prerequisite':
        if (ruleNs.declare(item.id)) prerequisites.push({ id: item.id.name, decl: item, requires: item.requires });
        break;
      case 'Veto':
        if (!item.when) diagnostics.push(diag('A212', item.id.span, { name: item.id.name }));
        if (ruleNs.declare(item.id)) vetoes.push({ id: item.id.name, decl: item, when: item.when });
        break;
      case 'Levels': {
        if (ladder) {
          diagnostics.push(diag('A213', item.span, {}, { related: [{ span: ladder.decl.span, code: 'A901' }] }));
          break;
        }
        const levels: LevelInfo[] = [];
        for (const l of item.levels) {
          if (levelNs.declare(l.id)) levels.push({ id: l.id.name, decl: l, requires: l.requires });
        }
        const fb = item.fallback && levelNs.declare(item.fallback.id) ? { id: item.fallback.id.name, decl: item.fallback } : undefined;
        ladder = { decl: item, cumulative: item.cumulative, levels, fallback: fb };
        break;
      }
    }
  }

  // Former ids live in the evidence namespace too: they must not clash with a current id.
  for (const f of formerlyPending) {
    if (fieldNs.declare(f.name)) formerIds.set(f.name.name, f.indicator);
  }

  // Methods cited by indicators must exist.
  for (const ind of indicators) {
    for (const ref of ind.decl.methods?.refs ?? []) {
      const name = ref.method.name;
      if (methodNs.has(name)) continue;
      const s = suggest(name, methodNs.names());
      const sSpan = s !== undefined ? methodNs.span(s) : undefined;
      diagnostics.push(
        diag('A203', ref.method.span, { name, ...(s !== undefined ? { suggestion: s } : {}) }, {
          related: s !== undefined && sSpan ? [{ span: sSpan, code: 'A902', args: { name: s } }] : [],
        }),
      );
    }
  }

  const fields = new Map<string, FieldInfo>();
  for (const i of inputs) fields.set(i.id, { kind: 'input', id: i.id, type: i.type, info: i });
  for (const i of indicators) fields.set(i.id, { kind: 'indicator', id: i.id, type: i.type, info: i });

  const h = ast.header;
  const partial = {
    ast,
    id: ast.id.value,
    version: h.version?.value ?? '',
    status: h.status?.value ?? '',
    date: h.date?.text,
    total: parseWeight(h.total) ?? Rational.HUNDRED,
    precision: precisionOf(h.precision),
    evidenceRequired: h.evidenceRequired !== undefined,
    methods,
    methodsById: byId(methods),
    inputs,
    inputsById: byId(inputs),
    derived,
    derivedById: byId(derived),
    totalFormula,
    dimensions,
    dimensionsById: byId(dimensions),
    indicators,
    indicatorsById: byId(indicators),
    formerIds,
    prerequisites,
    prerequisitesById: byId(prerequisites),
    vetoes,
    vetoesById: byId(vetoes),
    ladder,
    levels: ladder?.levels ?? [],
    fallback: ladder?.fallback,
    fields,
  };
  const { resolution, diagnostics: rd } = resolveModel(partial);
  diagnostics.push(...rd);
  const { order, diagnostics: od } = evaluationOrder(partial, resolution);
  diagnostics.push(...od);
  return { model: { ...partial, resolution, order, required: requiredFields(partial, resolution) }, diagnostics };
}

/** Digits shown for derived values and a formula total: the header's `precision` (a whole number ≥ 0), else 4. */
function precisionOf(n: { text: string } | undefined): number {
  const p = n ? Number(n.text) : NaN;
  return Number.isSafeInteger(p) && p >= 0 ? p : 4;
}

/** The evidence fields a platform must give (see `Model.required`). */
function requiredFields(m: ModelDecls, resolution: Resolution): string[] {
  const out = new Set<string>();
  if (m.evidenceRequired) {
    const read = new Set<string>();
    for (const t of resolution.refs.values()) {
      if (t.kind === 'input' || t.kind === 'indicator') read.add(t.id);
      else if (t.kind === 'field') read.add(t.indicator);
    }
    for (const p of resolution.props.values()) if (p.prop === 'value' && p.id !== undefined) read.add(p.id);
    for (const i of m.inputs) if (read.has(i.id)) out.add(i.id);
    for (const i of m.indicators) out.add(i.id);
  }
  for (const i of m.inputs) if (i.decl.required) out.add(i.id);
  for (const i of m.indicators) if (i.decl.required) out.add(i.id);
  // Declaration order of the fields (inputs, then indicators), whatever made each one required.
  return [...m.fields.keys()].filter((id) => out.has(id));
}

function byId<T extends { readonly id: string }>(xs: readonly T[]): ReadonlyMap<string, T> {
  return new Map(xs.map((x) => [x.id, x]));
}

/** The declarations part of a model (what resolution and ordering need). */
