// Why a condition held or not, read from its `condition` event: the values it read, and for comparisons the
// comparison that was true instead (`total 77.30 < 80`, `dimension C share 60.6% < 70%`, `pue 1.28 > 1.25`).
// In: the condition's expression (AST) and its event. Out: `ConditionWhy`, language-neutral data.
//
// Nothing is re-evaluated: truths come from the event (the whole condition, and each quantifier element), values
// from the event's reads; only the operator shown is the negation of the written one when the event says false.

import type { CompareOp, Expr, QuantDomain, Span } from '../../../dsl/ast';
import { printExpr } from '../../../dsl/printer';
import type { QuantElement, Read } from '../../evaluate/events';
import { renderValue } from '../../evidence/validate';
import { signHolds } from '../../numbers/compare-op';
import { Rational } from '../../numbers/rational';
import { EXACT_PLACES, PLACES, derivedShown, exactText, fixedText, scoreText, shareText, totalText } from '../../present/numbers';
import type { EvidenceValue, Truth } from '../../evaluate/result';

/** What a comparison is about. */
export type Subject =
  | { readonly kind: 'total' }
  | { readonly kind: 'field'; readonly path: string }
  | { readonly kind: 'prop'; readonly prop: string; readonly domain: QuantDomain; readonly id: string };

/** One reason, language-neutral; renderers put words around it. */
export type Why =
  /** `subject value op bound` — the comparison that was true (negated when the condition was false). */
  | { readonly kind: 'compare'; readonly subject: Subject; readonly value: string; readonly op: CompareOp; readonly bound: string }
  /** `subject value ∈ / ∉ {set}` */
  | { readonly kind: 'in'; readonly subject: Subject; readonly value: string; readonly member: boolean; readonly set: string }
  /** The subject could not be read. */
  | { readonly kind: 'unknown'; readonly text: string; readonly missing: readonly string[] }
  /** Anything else: the condition as written and the values it read. */
  | { readonly kind: 'values'; readonly text: string; readonly values: string; readonly elements?: readonly string[] };

export interface ConditionWhy {
  readonly text: string;
  readonly span: Span;
  readonly truth: Truth;
  readonly missing: readonly string[];
  readonly why: readonly Why[];
}

export interface ConditionEventLike {
  readonly span: Span;
  readonly truth: Truth;
  readonly reads: readonly Read[];
  readonly missing: readonly string[];
  readonly elements?: readonly QuantElement[];
}

const NEGATE: Readonly<Record<CompareOp, CompareOp>> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
/** Comparison read from the other side (`80 <= total` is `total >= 80`). */
const FLIP: Readonly<Record<CompareOp, CompareOp>> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** Typographic operators for output: `≥ ≤ ≠`. */
export function opText(op: CompareOp): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : op === '!=' ? '≠' : op;
}

function isLiteral(e: Expr): boolean {
  return e.kind === 'Num' || e.kind === 'Percent' || e.kind === 'Bool' || (e.kind === 'Ref' && e.path.length === 1);
}


/**
 * A read's exact number and how it is shown: on the percent scale for shares, rounded to `places` decimals (scores,
 * totals, shares) or exact up to 10 decimals (evidence, other properties). Undefined when the read is not a number.
 */
function readNumber(r: Read, totalPlaces: number | undefined): { q: Rational; percent: boolean; places: number; fixed: boolean } | undefined {
  switch (r.kind) {
    case 'total':
      // A weighted-sum total like a score (`77.30`); a formula total at the ruleset's precision (`0.5`, `9.8`).
      return totalPlaces === undefined ? { q: r.value, percent: false, places: PLACES.score, fixed: true } : { q: r.value, percent: false, places: totalPlaces, fixed: false };
    case 'evidence':
      return r.value?.kind === 'num' ? { q: r.value.q, percent: false, places: EXACT_PLACES, fixed: false } : undefined;
    case 'prop': {
      const v = r.value;
      if (!(v instanceof Rational)) return undefined;
      if (r.prop === 'share') return { q: v.mul(Rational.HUNDRED), percent: true, places: PLACES.share, fixed: true };
      return r.prop === 'score' ? { q: v, percent: false, places: PLACES.score, fixed: true } : { q: v, percent: false, places: EXACT_PLACES, fixed: false };
    }
  }
}

/**
 * The read's value as shown beside `op bound` (the relation that holds): rounded as everywhere, but with as many more
 * decimals as it takes for the shown number to satisfy that relation too. A total of exactly 99.995 against `< 100`
 * is `99.995`, never `100.00 < 100`; a share of 99.95% against `< 100%` is `99.95%`.
 */
function valueTextAgainst(r: Read, op: CompareOp, bound: Rational | undefined, totalPlaces: number | undefined): string {
  const n = readNumber(r, totalPlaces);
  if (n === undefined || bound === undefined) return readValueText(r, READ_PLACES, totalPlaces);
  const b = n.percent ? bound.mul(Rational.HUNDRED) : bound;
  const text = (places: number): string => (n.fixed ? fixedText(n.q, places) : exactText(n.q, places));
  let places = n.places;
  let s = text(places);
  // An exact value always satisfies it; a finite decimal bound is passed within a few digits of where they differ.
  while (!signHolds(op, (Rational.parse(s) ?? n.q).cmp(b)) && places < n.places + 60) s = text(++places);
  if (!signHolds(op, (Rational.parse(s) ?? n.q).cmp(b))) s = n.q.toFraction();
  return n.percent ? `${s}%` : s;
}

/** The value of a literal bound as the evaluator reads it (`80%` is 0.8). */
function boundValue(e: Expr): Rational | undefined {
  if (e.kind === 'Num') return Rational.parse(e.text);
  if (e.kind === 'Percent') return Rational.parse(e.text)?.div(Rational.HUNDRED);
  return undefined;
}

/**
 * A computed value shown to `places` digits after the decimal point, with `≈` when that rounded it (half up): a
 * derived value or a formula total is exact but may have dozens of digits. `0.5` stays `0.5`; 1/3 is `≈0.3333`.
 */
export function approxText(q: Rational, places: number): string {
  // Rounded: every place kept (`≈3.8870` says four places were shown); exact: as derivedShown trims it (`0.5`).
  const s = derivedShown(q, places);
  return s.rounded ? `≈${fixedText(q, places)}` : s.text;
}

/** Digits shown for a derived value read inside a condition when the ruleset's `precision` is not at hand. */
const READ_PLACES = 4;

function readValueText(r: Read, places = READ_PLACES, totalPlaces?: number): string {
  switch (r.kind) {
    case 'total':
      return totalPlaces === undefined ? totalText(r.value) : approxText(r.value, totalPlaces);
    case 'derived': {
      const v = r.value;
      if (v === undefined) return '?';
      return v.kind === 'num' ? approxText(v.q, places) : renderValue(v);
    }
    case 'evidence':
      return r.value === undefined ? '?' : renderValue(r.value);
    case 'prop': {
      const v = r.value;
      if (v === null) return '—';
      if (typeof v === 'boolean') return String(v);
      if (v instanceof Rational) return r.prop === 'share' ? shareText(v) : r.prop === 'score' ? scoreText(v) : exactText(v);
      return renderValue(v as EvidenceValue);
    }
  }
}

function readName(r: Read): string {
  switch (r.kind) {
    case 'total':
      return 'total';
    case 'derived':
      return r.id;
    case 'evidence':
      return r.path;
    case 'prop':
      return `${r.prop}(${r.id})`;
  }
}

/** `name = value` for every distinct read, in order. */
export function readsText(reads: readonly Read[], places?: number, totalPlaces?: number): string {
  const seen = new Map<string, string>();
  for (const r of reads) {
    const n = readName(r);
    if (!seen.has(n)) seen.set(n, readValueText(r, places, totalPlaces));
  }
  return [...seen].map(([n, v]) => `${n} = ${v}`).join(', ');
}

/** The read that gives `e`'s value, with `element` the bound quantifier element (for `share` without argument). */
function subjectOf(e: Expr, reads: readonly Read[], element: QuantElement | undefined): { subject: Subject; read: Read } | undefined {
  if (e.kind === 'Total') {
    const read = reads.find((r) => r.kind === 'total');
    return read ? { subject: { kind: 'total' }, read } : undefined;
  }
  if (e.kind === 'Ref') {
    const path = e.path.map((n) => n.name).join('.');
    const read = reads.find((r) => r.kind === 'evidence' && r.path === path);
    return read ? { subject: { kind: 'field', path }, read } : undefined;
  }
  if (e.kind === 'Prop') {
    const id = e.of?.name ?? element?.id;
    if (id === undefined) return undefined;
    const read = reads.find((r) => r.kind === 'prop' && r.prop === e.prop && r.id === id);
    return read && read.kind === 'prop' ? { subject: { kind: 'prop', prop: e.prop, domain: read.domain, id }, read } : undefined;
  }
  return undefined;
}

function boundText(e: Expr, percent: boolean): string {
  if (e.kind === 'Percent') return `${e.text}%`;
  if (percent && e.kind === 'Num') {
    const q = Rational.parse(e.text);
    return q ? shareText(q) : e.text;
  }
  return printExpr(e);
}

/** The reason of an atomic comparison or membership whose truth is `truth`, if the expression is one. */
function atom(e: Expr, truth: Truth, reads: readonly Read[], element: QuantElement | undefined, totalPlaces: number | undefined): Why | undefined {
  if (truth === 'unknown') return undefined;
  if (e.kind === 'Compare') {
    let left = e.left;
    let right = e.right;
    let op = e.op;
    if (isLiteral(left) && !isLiteral(right)) {
      [left, right] = [right, left];
      op = FLIP[op];
    }
    if (!isLiteral(right)) return undefined;
    const s = subjectOf(left, reads, element);
    if (!s) return undefined;
    const percent = s.read.kind === 'prop' && s.read.prop === 'share';
    const shown = truth ? op : NEGATE[op];
    const bound = boundValue(right);
    return {
      kind: 'compare',
      subject: s.subject,
      value: valueTextAgainst(s.read, shown, bound, totalPlaces),
      op: shown,
      bound: boundText(right, percent),
    };
  }
  if (e.kind === 'In' && e.set.every(isLiteral)) {
    const s = subjectOf(e.operand, reads, element);
    if (!s) return undefined;
    const member = truth === !e.negated;
    return { kind: 'in', subject: s.subject, value: readValueText(s.read, READ_PLACES, totalPlaces), member, set: `{${e.set.map((x) => printExpr(x)).join(', ')}}` };
  }
  return undefined;
}

/**
 * Explains one condition from its event. `totalPlaces`: the ruleset's precision when its total is a formula (shown
 * like a derived value), undefined for a weighted-sum total (shown like a score).
 */
export function explainCondition(expr: Expr, ev: ConditionEventLike, totalPlaces?: number): ConditionWhy {
  const text = printExpr(expr);
  const base = { text, span: ev.span, truth: ev.truth, missing: ev.missing };
  if (ev.truth === 'unknown') return { ...base, why: [{ kind: 'unknown', text, missing: ev.missing }] };
  const direct = atom(expr, ev.truth, ev.reads, undefined, totalPlaces);
  if (direct) return { ...base, why: [direct] };
  // `every …: body` that failed: the elements for which the body did not hold; `some …` that held: those that did.
  if (expr.kind === 'Quantified' && ev.elements) {
    const want: Truth = expr.quantifier === 'every' ? false : true;
    const decisive = ev.truth === (expr.quantifier === 'some');
    const outer = ev.elements.filter((x) => x.depth === 0 && (decisive ? x.truth === want : true));
    const why: Why[] = [];
    for (const el of outer) {
      const a = atom(expr.body, el.truth, ev.reads, el, totalPlaces);
      const own = ev.reads.filter((r) => r.kind !== 'prop' || r.id === el.id);
      why.push(
        a ??
          (el.truth === 'unknown'
            ? { kind: 'unknown', text: `${el.id}: ${printExpr(expr.body)}`, missing: ev.missing }
            : { kind: 'values', text: `${el.id}: ${printExpr(expr.body)}`, values: readsText(own, READ_PLACES, totalPlaces) }),
      );
    }
    if (why.length > 0) return { ...base, why };
  }
  return { ...base, why: [{ kind: 'values', text, values: readsText(ev.reads, READ_PLACES, totalPlaces) }] };
}
