// Patches: how a diff entry applies itself to the old ruleset, as data (AST fragments of the new side).
// In: the old ruleset's AST and patch operations. Out: a new AST (the old one is never mutated) with
// exactly those changes, references to renamed indicators kept consistent.
//
// Indicators are addressed by a key: the old id for indicators of the old ruleset, `+<new id>` for added
// ones, so that a rename followed by another change of the same indicator still finds it.

import type {
  DeriveDecl,
  DimensionDecl,
  Expr,
  IndicatorDecl,
  InputDecl,
  LevelDecl,
  LevelLadder,
  MethodDecl,
  Name,
  Num,
  Points,
  PrerequisiteDecl,
  Ruleset,
  Scoring,
  Span,
  TableExpr,
  TopItem,
  TotalDecl,
  VetoDecl,
} from '../../../dsl/ast';
import { assertNever } from '../../../dsl/ast';

/** Clauses of an indicator a patch can set (from the new side's declaration; absent there = removed). */
export type IndicatorField =
  | 'id'
  | 'label'
  | 'weight'
  | 'type'
  | 'unit'
  | 'direction'
  | 'methods'
  | 'basis'
  | 'applies'
  | 'formerly'
  | 'required'
  | 'scoring';

export type RuleDecl = InputDecl | DeriveDecl | MethodDecl | VetoDecl | PrerequisiteDecl;
/** Fields of inputs, derived values, methods, vetoes, prerequisites and levels a patch can set. */
export type DeclField = 'label' | 'type' | 'unit' | 'note' | 'when' | 'requires' | 'required' | 'formula';

export type PatchOp =
  | { readonly op: 'total'; readonly value: Num | undefined }
  /** Sets (or, with `decl` undefined, removes) the formula total. */
  | { readonly op: 'total-formula'; readonly decl: TotalDecl | undefined }
  /** Sets the header clauses `evidence required` and `precision` (undefined: absent). */
  | { readonly op: 'evidence-required'; readonly value: Span | undefined }
  | { readonly op: 'precision'; readonly value: Num | undefined }
  | { readonly op: 'dimension-weight'; readonly id: string; readonly value: Num | undefined }
  | { readonly op: 'dimension-label'; readonly id: string; readonly decl: DimensionDecl }
  /** Adds a dimension (its header; its indicators come with `indicator-add`). */
  | { readonly op: 'dimension-add'; readonly decl: DimensionDecl; readonly after: string | undefined }
  | { readonly op: 'dimension-remove'; readonly id: string }
  | {
      readonly op: 'indicator-add';
      readonly key: string;
      readonly dimension: DimensionDecl;
      readonly after: string | undefined;
      readonly decl: IndicatorDecl;
    }
  | { readonly op: 'indicator-remove'; readonly key: string }
  | { readonly op: 'indicator-set'; readonly key: string; readonly fields: readonly IndicatorField[]; readonly decl: IndicatorDecl }
  | { readonly op: 'indicator-move'; readonly key: string; readonly dimension: DimensionDecl; readonly after: string | undefined }
  /**
   * Sets `fields` of a top-level declaration from `decl` (all of it when `fields` is undefined), or adds `decl`
   * after the declaration of the same kind named by `after` when the old side has none of that id.
   */
  | { readonly op: 'decl-set'; readonly decl: RuleDecl; readonly fields?: readonly DeclField[]; readonly after: string | undefined }
  | { readonly op: 'decl-remove'; readonly kind: RuleDecl['kind']; readonly id: string }
  | {
      readonly op: 'level-set';
      readonly decl: LevelDecl;
      readonly fields?: readonly DeclField[];
      readonly after: string | undefined;
      readonly ladder: LevelLadder;
    }
  | { readonly op: 'level-remove'; readonly id: string }
  | { readonly op: 'ladder-set'; readonly ladder: LevelLadder };

/** Indicator renames of the diff (old id → new id), used to keep references consistent in variants. */
export interface PatchContext {
  readonly renames: readonly { readonly from: string; readonly to: string }[];
}

interface WInd {
  key: string;
  decl: IndicatorDecl;
}
interface WDim {
  decl: DimensionDecl;
  inds: WInd[];
}
type WItem =
  | { readonly kind: 'Dimension'; readonly dim: WDim }
  | { readonly kind: 'Levels'; decl: LevelLadder; levels: LevelDecl[] }
  | { readonly kind: 'Decl'; decl: RuleDecl }
  | { readonly kind: 'TotalFormula'; decl: TotalDecl };

interface Work {
  total: Num | undefined;
  evidenceRequired: Span | undefined;
  precision: Num | undefined;
  items: WItem[];
}

function toWork(r: Ruleset): Work {
  const items: WItem[] = r.items.map((it): WItem => {
    switch (it.kind) {
      case 'Dimension':
        return { kind: 'Dimension', dim: { decl: it, inds: it.indicators.map((d) => ({ key: d.id.name, decl: d })) } };
      case 'Levels':
        return { kind: 'Levels', decl: it, levels: [...it.levels] };
      case 'Input':
      case 'Derive':
      case 'Method':
      case 'Veto':
      case 'Prerequisite':
        return { kind: 'Decl', decl: it };
      case 'TotalFormula':
        return { kind: 'TotalFormula', decl: it };
      default:
        return assertNever(it, 'top item');
    }
  });
  return { total: r.header.total, evidenceRequired: r.header.evidenceRequired, precision: r.header.precision, items };
}

function fromWork(w: Work, base: Ruleset): Ruleset {
  const items: TopItem[] = w.items.map((it): TopItem => {
    switch (it.kind) {
      case 'Dimension':
        return { ...it.dim.decl, indicators: it.dim.inds.map((i) => i.decl) };
      case 'Levels':
        return { ...it.decl, levels: it.levels };
      case 'Decl':
      case 'TotalFormula':
        return it.decl;
      default:
        return assertNever(it, 'work item');
    }
  });
  const { total: _old, evidenceRequired: _e, precision: _p, ...rest } = base.header;
  const header = {
    ...rest,
    ...(w.total !== undefined ? { total: w.total } : {}),
    ...(w.evidenceRequired !== undefined ? { evidenceRequired: w.evidenceRequired } : {}),
    ...(w.precision !== undefined ? { precision: w.precision } : {}),
  };
  return { ...base, header, items, comments: [] };
}

function dims(w: Work): WDim[] {
  return w.items.flatMap((it) => (it.kind === 'Dimension' ? [it.dim] : []));
}

function findDim(w: Work, id: string): WDim | undefined {
  return dims(w).find((d) => d.decl.id.name === id);
}

function ensureDim(w: Work, template: DimensionDecl): WDim {
  const d = findDim(w, template.id.name);
  if (d) return d;
  const made: WDim = { decl: { ...template, indicators: [] }, inds: [] };
  insertItem(w, { kind: 'Dimension', dim: made }, (it) => it.kind === 'Dimension', undefined);
  return made;
}

function findInd(w: Work, key: string): { dim: WDim; index: number } | undefined {
  for (const dim of dims(w)) {
    const index = dim.inds.findIndex((i) => i.key === key);
    if (index >= 0) return { dim, index };
  }
  return undefined;
}

function insertInd(dim: WDim, ind: WInd, after: string | undefined): void {
  const at = after === undefined ? -1 : dim.inds.findIndex((i) => i.key === after);
  if (after === undefined) dim.inds.unshift(ind);
  else if (at >= 0) dim.inds.splice(at + 1, 0, ind);
  else dim.inds.push(ind);
}

function itemId(it: WItem): string | undefined {
  switch (it.kind) {
    case 'Dimension':
      return it.dim.decl.id.name;
    case 'Decl':
      return it.decl.id.name;
    case 'Levels':
    case 'TotalFormula':
      return undefined;
    default:
      return assertNever(it, 'work item');
  }
}

/** Inserts after the item of the same family named `after`, else after the family's last item, else at the end. */
function insertItem(w: Work, item: WItem, family: (it: WItem) => boolean, after: string | undefined): void {
  let at = after === undefined ? -1 : w.items.findIndex((it) => family(it) && itemId(it) === after);
  if (at < 0) {
    for (let i = w.items.length - 1; i >= 0; i--) {
      const it = w.items[i];
      if (it && family(it)) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) w.items.push(item);
  else w.items.splice(at + 1, 0, item);
}

function ladderOf(w: Work, template: LevelLadder | undefined): { decl: LevelLadder; levels: LevelDecl[] } | undefined {
  for (const it of w.items) if (it.kind === 'Levels') return it;
  if (!template) return undefined;
  const made: WItem = { kind: 'Levels', decl: { ...template, levels: [] }, levels: [] };
  w.items.push(made);
  return made;
}

/** `decl` with `fields` taken from `from` (a field absent there is removed). */
function setFields<T extends object>(decl: T, from: T, fields: readonly string[] | undefined): T {
  if (fields === undefined) return from;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(decl));
  const src: Record<string, unknown> = Object.fromEntries(Object.entries(from));
  for (const f of fields) {
    if (src[f] === undefined) delete out[f];
    else out[f] = src[f];
  }
  return out as T;
}

function applyOp(w: Work, op: PatchOp): void {
  switch (op.op) {
    case 'total':
      w.total = op.value;
      return;
    case 'evidence-required':
      w.evidenceRequired = op.value;
      return;
    case 'precision':
      w.precision = op.value;
      return;
    case 'total-formula': {
      const at = w.items.findIndex((it) => it.kind === 'TotalFormula');
      if (op.decl === undefined) {
        if (at >= 0) w.items.splice(at, 1);
      } else if (at >= 0) w.items[at] = { kind: 'TotalFormula', decl: op.decl };
      else {
        // After the last input or derived value (where editors declare it), else first.
        const last = w.items.reduce((k, it, i) => (it.kind === 'Decl' && (it.decl.kind === 'Input' || it.decl.kind === 'Derive') ? i : k), -1);
        w.items.splice(last + 1, 0, { kind: 'TotalFormula', decl: op.decl });
      }
      return;
    }
    case 'dimension-weight': {
      const d = findDim(w, op.id);
      if (!d) return;
      const { weight: _w, ...rest } = d.decl;
      d.decl = op.value !== undefined ? { ...rest, weight: op.value } : rest;
      return;
    }
    case 'dimension-label': {
      const d = findDim(w, op.id);
      if (!d) return;
      const { label: _l, ...rest } = d.decl;
      d.decl = op.decl.label !== undefined ? { ...rest, label: op.decl.label } : rest;
      return;
    }
    case 'dimension-add':
      if (!findDim(w, op.decl.id.name)) {
        insertItem(w, { kind: 'Dimension', dim: { decl: { ...op.decl, indicators: [] }, inds: [] } }, (it) => it.kind === 'Dimension', op.after);
      }
      return;
    case 'dimension-remove':
      w.items = w.items.filter((it) => !(it.kind === 'Dimension' && it.dim.decl.id.name === op.id));
      return;
    case 'indicator-add': {
      if (findInd(w, op.key)) return;
      insertInd(ensureDim(w, op.dimension), { key: op.key, decl: op.decl }, op.after);
      return;
    }
    case 'indicator-remove': {
      const f = findInd(w, op.key);
      if (f) f.dim.inds.splice(f.index, 1);
      return;
    }
    case 'indicator-set': {
      const f = findInd(w, op.key);
      const ind = f?.dim.inds[f.index];
      if (ind) ind.decl = setFields(ind.decl, op.decl, op.fields);
      return;
    }
    case 'indicator-move': {
      const f = findInd(w, op.key);
      const ind = f?.dim.inds[f.index];
      if (!f || !ind) return;
      f.dim.inds.splice(f.index, 1);
      insertInd(ensureDim(w, op.dimension), ind, op.after);
      return;
    }
    case 'decl-set': {
      const kind = op.decl.kind;
      const at = w.items.findIndex((it) => it.kind === 'Decl' && it.decl.kind === kind && it.decl.id.name === op.decl.id.name);
      const old = w.items[at];
      if (old && old.kind === 'Decl') w.items[at] = { kind: 'Decl', decl: setFields(old.decl, op.decl, op.fields) };
      else insertItem(w, { kind: 'Decl', decl: op.decl }, (it) => it.kind === 'Decl' && it.decl.kind === kind, op.after);
      return;
    }
    case 'decl-remove':
      w.items = w.items.filter((it) => !(it.kind === 'Decl' && it.decl.kind === op.kind && it.decl.id.name === op.id));
      return;
    case 'level-set': {
      const lad = ladderOf(w, op.ladder);
      if (!lad) return;
      const at = lad.levels.findIndex((l) => l.id.name === op.decl.id.name);
      const old = lad.levels[at];
      if (old) lad.levels[at] = setFields(old, op.decl, op.fields);
      else {
        const after = op.after === undefined ? -1 : lad.levels.findIndex((l) => l.id.name === op.after);
        if (op.after === undefined) lad.levels.unshift(op.decl);
        else if (after >= 0) lad.levels.splice(after + 1, 0, op.decl);
        else lad.levels.push(op.decl);
      }
      return;
    }
    case 'level-remove': {
      const lad = ladderOf(w, undefined);
      if (lad) lad.levels = lad.levels.filter((l) => l.id.name !== op.id);
      return;
    }
    case 'ladder-set': {
      const lad = ladderOf(w, op.ladder);
      if (!lad) return;
      const { fallback: _f, ...rest } = lad.decl;
      lad.decl = {
        ...rest,
        cumulative: op.ladder.cumulative,
        ...(op.ladder.fallback !== undefined ? { fallback: op.ladder.fallback } : {}),
      };
      return;
    }
    default:
      assertNever(op, 'patch operation');
  }
}

/** Applies patch operations, in order, to a copy of `base`; then keeps references to renamed indicators valid. */
export function applyPatch(base: Ruleset, ops: readonly PatchOp[], ctx: PatchContext): Ruleset {
  const w = toWork(base);
  for (const op of ops) applyOp(w, op);
  const present = new Set(dims(w).flatMap((d) => d.inds.map((i) => i.decl.id.name)));
  for (const r of ctx.renames) {
    // A fragment of either side may name the indicator by the id the variant does not use.
    if (present.has(r.from) && !present.has(r.to)) renameEverywhere(w, r.to, r.from);
    else if (present.has(r.to) && !present.has(r.from)) renameEverywhere(w, r.from, r.to);
  }
  return fromWork(w, base);
}

// ---------------------------------------------------------------------------------------------
// Renaming references inside expressions

function renameName(n: Name, from: string, to: string): Name {
  return n.name === from ? { ...n, name: to } : n;
}

/** The expression with every reference to indicator `from` (as a name or a property argument) made `to`. */
export function renameInExpr(e: Expr, from: string, to: string): Expr {
  const r = (x: Expr) => renameInExpr(x, from, to);
  switch (e.kind) {
    case 'Num':
    case 'Percent':
    case 'Bool':
    case 'Total':
    case 'Error':
      return e;
    case 'Ref': {
      const [head, ...tail] = e.path;
      return head && head.name === from ? { ...e, path: [renameName(head, from, to), ...tail] } : e;
    }
    case 'Prop':
      return e.of && e.of.name === from ? { ...e, of: renameName(e.of, from, to) } : e;
    case 'Call':
      return { ...e, args: e.args.map(r) };
    case 'Unary':
      return { ...e, operand: r(e.operand) };
    case 'Binary':
    case 'Compare':
      return { ...e, left: r(e.left), right: r(e.right) };
    case 'In':
      return { ...e, operand: r(e.operand), set: e.set.map(r) };
    case 'If':
      return { ...e, cond: r(e.cond), then: r(e.then), otherwise: r(e.otherwise) };
    case 'Quantified':
      return { ...e, body: r(e.body) };
    case 'Table':
      return renameTable(e, from, to);
    default:
      return assertNever(e, 'expression');
  }
}

function renameTable(e: TableExpr, from: string, to: string): TableExpr {
  return {
    ...e,
    keys: e.keys.map((k) => renameInExpr(k, from, to) as typeof k),
    entries: e.entries.map((en) => ({ ...en, value: renameInExpr(en.value, from, to) })),
  };
}

function renamePoints(p: Points, from: string, to: string): Points {
  return {
    ...p,
    value: renameInExpr(p.value, from, to),
    ...(p.when !== undefined ? { when: renameInExpr(p.when, from, to) } : {}),
    ...(p.otherwise !== undefined ? { otherwise: renameInExpr(p.otherwise, from, to) } : {}),
  };
}

function renameScoring(s: Scoring, from: string, to: string): Scoring {
  switch (s.kind) {
    case 'Bands':
      return {
        ...s,
        bands: s.bands.map((b) => ({
          ...b,
          points: renamePoints(b.points, from, to),
          cond:
            b.cond.kind === 'Compare'
              ? { ...b.cond, bound: renameInExpr(b.cond.bound, from, to) }
              : b.cond.kind === 'Cond'
                ? { ...b.cond, expr: renameInExpr(b.cond.expr, from, to) }
                : b.cond,
        })),
      };
    case 'Map':
      return { ...s, entries: s.entries.map((m) => ({ ...m, points: renamePoints(m.points, from, to) })) };
    case 'Formula':
      return { ...s, expr: renameInExpr(s.expr, from, to) };
    default:
      return assertNever(s, 'scoring');
  }
}

function renameEverywhere(w: Work, from: string, to: string): void {
  for (const it of w.items) {
    switch (it.kind) {
      case 'Dimension':
        for (const ind of it.dim.inds) {
          const d = ind.decl;
          ind.decl = {
            ...d,
            ...(d.applies !== undefined ? { applies: renameInExpr(d.applies, from, to) } : {}),
            ...(d.scoring !== undefined ? { scoring: renameScoring(d.scoring, from, to) } : {}),
          };
        }
        break;
      case 'Levels':
        it.levels = it.levels.map((l) => ({ ...l, requires: l.requires.map((x) => renameInExpr(x, from, to)) }));
        break;
      case 'Decl': {
        const d = it.decl;
        if (d.kind === 'Veto' && d.when !== undefined) it.decl = { ...d, when: renameInExpr(d.when, from, to) };
        else if (d.kind === 'Prerequisite') it.decl = { ...d, requires: d.requires.map((x) => renameInExpr(x, from, to)) };
        else if (d.kind === 'Derive') it.decl = { ...d, formula: renameInExpr(d.formula, from, to) };
        break;
      }
      case 'TotalFormula':
        it.decl = { ...it.decl, formula: renameInExpr(it.decl.formula, from, to) };
        break;
      default:
        assertNever(it, 'work item');
    }
  }
}
