// The standard's normative content as data, in one language: title, version, status and date, methods, facts,
// the indicator tables per dimension, prerequisites, vetoes and levels. In: a ruleset's model (from `compileRuleset`
// or `buildModel`) and a language. Out: `StandardDocument`, plain data (structured-clone safe) that the renderers
// (Markdown, HTML, docx) lay out; conditions are printed by the DSL printer with the standard's operators (≥ ≤ ≠).

import type { Band, Expr, IndicatorDecl, Lang, MapEntry, Points, Scoring } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import { printExpr } from '../../dsl/printer';
import { labelIn, statusWord } from '../analyses/explain/words';
import { typeText } from '../analyses/diff/text';
import type { Model } from '../model/model';
import type { RevisionTable } from './revision';
import { dsay } from './words';

/** A method an indicator cites, with the ruleset's note for it (`TT` "on ≥5% of nodes (at least 16)"). */
export interface MethodCite {
  readonly id: string;
  readonly note?: string;
}

/** One row of a band list or mapping: `cond` is `≥1000`, an enum value or a condition; `otherwise` marks `else`. */
export interface ScoreRow {
  readonly cond: string;
  readonly otherwise: boolean;
  /** The points as the standard writes them (`60 when not mainland_ops, else 0`). */
  readonly points: string;
}

export type ScoringView =
  | { readonly kind: 'bands'; readonly rows: readonly ScoreRow[] }
  | { readonly kind: 'map'; readonly rows: readonly ScoreRow[] }
  | { readonly kind: 'formula'; readonly text: string }
  | { readonly kind: 'none' };

export interface IndicatorEntry {
  readonly id: string;
  readonly label: string;
  /** The weight as written (`4`, `2.5`); `—` when absent. */
  readonly weight: string;
  /** `number ≥ 0`, `percent`, `enum { full, partial }`; `—` when absent. */
  readonly type: string;
  readonly unit?: string;
  readonly direction?: 'higher' | 'lower';
  readonly methods: readonly MethodCite[];
  readonly basis?: string;
  /** The applicability condition (`offers_fp64`). */
  readonly applies?: string;
  readonly formerly: readonly string[];
  readonly scoring: ScoringView;
}

export interface DimensionSection {
  /** Its clause number in the document (`3.2`). */
  readonly clause: string;
  readonly id: string;
  readonly label: string;
  readonly weight: string;
  readonly indicators: readonly IndicatorEntry[];
}

export interface RuleEntry {
  readonly id: string;
  readonly kind: 'prerequisite' | 'veto';
  readonly label: string;
  /** Each `require` of a prerequisite, or a veto's `when`. */
  readonly conditions: readonly string[];
}

/** A level as the standard's table prints it: the total and share thresholds apart from the further gates. */
export interface LevelEntry {
  readonly id: string;
  readonly label: string;
  /** `95` from `require total >= 95` (the first such condition). */
  readonly total?: string;
  /** `80%` from `require every dimension: share >= 80%` (the first such condition). */
  readonly everyDimension?: string;
  /** Every other condition, as written. */
  readonly gates: readonly string[];
}

export interface StandardDocument {
  readonly lang: Lang;
  readonly id: string;
  readonly title: string;
  readonly version: string;
  /** The status in words (`征求意见稿`) and as written (`for-comment`). */
  readonly status: string;
  readonly statusId: string;
  readonly date?: string;
  readonly total: string;
  readonly methods: readonly { readonly id: string; readonly label: string }[];
  readonly facts: readonly { readonly id: string; readonly type: string; readonly label: string; readonly unit?: string; readonly note?: string }[];
  readonly dimensions: readonly DimensionSection[];
  readonly rules: readonly RuleEntry[];
  readonly levels: {
    readonly cumulative: boolean;
    readonly rows: readonly LevelEntry[];
    readonly fallback?: { readonly id: string; readonly label: string };
  };
  /** The changes from an earlier version (`documentOf(…, { against })`). */
  readonly revision?: RevisionTable;
}

/** The number of the indicator-system section; dimensions are its sub-clauses (`3.1`, `3.2`, …). */
export const INDICATOR_CLAUSE = 3;
/** Section numbers of the document: evidence and methods 2, indicators 3, prerequisites and vetoes 4, levels 5. */
export const CLAUSES = { evidence: '2', indicators: String(INDICATOR_CLAUSE), rules: '4', levels: '5' } as const;

const TYPO: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '!=': '≠' };

/** A condition or expression as the standard prints it: the DSL's text with `≥ ≤ ≠` (expressions hold no strings). */
export function conditionText(e: Expr): string {
  return typographic(printExpr(e));
}

/** `>=`, `<=`, `!=` written as `≥ ≤ ≠` in a printed expression or band text. */
export function typographic(s: string): string {
  return s.replace(/>=|<=|!=/g, (op) => TYPO[op] ?? op);
}

function pointsText(p: Points, lang: Lang): string {
  const points = printExpr(p.value);
  if (p.when === undefined) return points;
  const cond = conditionText(p.when);
  return p.otherwise !== undefined
    ? dsay(lang, 'whenElse', { points, cond, otherwise: printExpr(p.otherwise) })
    : dsay(lang, 'whenOnly', { points, cond });
}

function bandRow(b: Band, lang: Lang): ScoreRow {
  const c = b.cond;
  const points = pointsText(b.points, lang);
  switch (c.kind) {
    case 'Compare':
      return { cond: `${TYPO[c.op] ?? c.op}${printExpr(c.bound, 5)}`, otherwise: false, points };
    case 'Cond':
      return { cond: conditionText(c.expr), otherwise: false, points };
    case 'Else':
      return { cond: '', otherwise: true, points };
    default:
      return assertNever(c, 'band condition');
  }
}

function entryRow(e: MapEntry, lang: Lang): ScoreRow {
  const points = pointsText(e.points, lang);
  return e.key.kind === 'Else' ? { cond: '', otherwise: true, points } : { cond: e.key.name, otherwise: false, points };
}

function scoringView(s: Scoring | undefined, lang: Lang): ScoringView {
  if (s === undefined) return { kind: 'none' };
  switch (s.kind) {
    case 'Bands':
      return { kind: 'bands', rows: s.bands.map((b) => bandRow(b, lang)) };
    case 'Map':
      return { kind: 'map', rows: s.entries.map((e) => entryRow(e, lang)) };
    case 'Formula':
      return { kind: 'formula', text: conditionText(s.expr) };
    default:
      return assertNever(s, 'scoring');
  }
}

/** One indicator as a row of its dimension's table (also used by the revision table for added and removed ones). */
export function indicatorEntry(decl: IndicatorDecl, lang: Lang): IndicatorEntry {
  return {
    id: decl.id.name,
    label: labelIn(decl.label, lang) ?? '',
    weight: decl.weight?.text ?? '—',
    type: decl.type ? typographic(typeText(decl.type)) : '—',
    ...(decl.unit ? { unit: decl.unit.value } : {}),
    ...(decl.direction ? { direction: decl.direction.value } : {}),
    methods: (decl.methods?.refs ?? []).map((r) => ({ id: r.method.name, ...(r.note ? { note: r.note.value } : {}) })),
    ...(decl.basis ? { basis: decl.basis.value } : {}),
    ...(decl.applies ? { applies: conditionText(decl.applies) } : {}),
    formerly: (decl.formerly ?? []).map((n) => n.name),
    scoring: scoringView(decl.scoring, lang),
  };
}

/** Splits a level's conditions into the standard's columns: total ≥, every dimension ≥, further gates. */
function levelEntry(id: string, label: string, requires: readonly Expr[]): LevelEntry {
  let total: string | undefined;
  let everyDimension: string | undefined;
  const gates: string[] = [];
  for (const r of requires) {
    if (total === undefined && r.kind === 'Compare' && r.op === '>=' && r.left.kind === 'Total' && r.right.kind === 'Num') {
      total = r.right.text;
      continue;
    }
    if (
      everyDimension === undefined &&
      r.kind === 'Quantified' &&
      r.quantifier === 'every' &&
      r.domain === 'dimension' &&
      r.within === undefined &&
      r.body.kind === 'Compare' &&
      r.body.op === '>=' &&
      r.body.left.kind === 'Prop' &&
      r.body.left.prop === 'share' &&
      r.body.left.of === undefined &&
      r.body.right.kind === 'Percent'
    ) {
      everyDimension = `${r.body.right.text}%`;
      continue;
    }
    gates.push(conditionText(r));
  }
  return { id, label, ...(total !== undefined ? { total } : {}), ...(everyDimension !== undefined ? { everyDimension } : {}), gates };
}

/** The model's declarations as the standard's document in `lang`. */
export function standardDocument(model: Model, lang: Lang): StandardDocument {
  const ast = model.ast;
  const label = (t: Parameters<typeof labelIn>[0]): string => labelIn(t, lang) ?? '';
  const rules: RuleEntry[] = [];
  // Prerequisites and vetoes in the order the ruleset declares them (the standard's §4 table interleaves them too).
  for (const item of ast.items) {
    if (item.kind === 'Prerequisite') rules.push({ id: item.id.name, kind: 'prerequisite', label: label(item.label), conditions: item.requires.map(conditionText) });
    else if (item.kind === 'Veto') rules.push({ id: item.id.name, kind: 'veto', label: label(item.label), conditions: item.when ? [conditionText(item.when)] : [] });
  }
  const fallback = model.fallback;
  return {
    lang,
    id: model.id,
    title: label(ast.header.title) || model.id,
    version: model.version,
    status: model.status === '' ? dsay(lang, 'noStatus') : statusWord(model.status, lang),
    statusId: model.status,
    ...(model.date !== undefined ? { date: model.date } : {}),
    total: ast.header.total?.text ?? '100',
    methods: model.methods.map((m) => ({ id: m.id, label: label(m.decl.label) })),
    facts: model.inputs.map((i) => ({
      id: i.id,
      type: typographic(typeText(i.decl.type)),
      label: label(i.decl.label),
      ...(i.decl.unit ? { unit: i.decl.unit.value } : {}),
      ...(i.decl.note ? { note: i.decl.note.value } : {}),
    })),
    dimensions: model.dimensions.map((d, k) => ({
      clause: `${INDICATOR_CLAUSE}.${k + 1}`,
      id: d.id,
      label: label(d.decl.label),
      weight: d.decl.weight?.text ?? '—',
      indicators: d.decl.indicators.map((i) => indicatorEntry(i, lang)),
    })),
    rules,
    levels: {
      cumulative: model.ladder?.cumulative ?? false,
      rows: model.levels.map((l) => levelEntry(l.id, label(l.decl.label), l.requires)),
      ...(fallback ? { fallback: { id: fallback.id, label: label(fallback.decl.label) } } : {}),
    },
  };
}
