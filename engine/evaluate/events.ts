// Evaluation events: what the reference evaluator did, step by step, for explanations and improvement plans.
// In: nothing (types only). Out: `EvalEvent`, emitted in evaluation order to the optional `trace` callback.
//
// The events are complete: an explanation ("99.93 ≥ 99.9 → 70") or an improvement plan can be built from
// them and the AST alone (spans point at the AST nodes). No event object is built when `trace` is undefined.
// The events with optional members are built by one builder each (`bandEvent`, `pointsEvent`), which every
// backend that traces calls: keys in one order, no second builder.

import type { CompareOp, QuantDomain, Span } from '../../dsl/ast';
import type { Rational } from '../numbers/rational';
import type { EvidenceValue, IndicatorStatus, Outcome, Truth } from './result';

/** A value an expression read while it was evaluated. */
export type Read =
  /** An evidence field (or a member of one: `path` is dotted); `value` undefined when absent. */
  | { readonly kind: 'evidence'; readonly field: string; readonly path: string; readonly value: EvidenceValue | undefined }
  /** A computed property: `score(A)`, `share` of a bound dimension, `fired(V1)`, `points(pue)` (null: not applicable). */
  | {
      readonly kind: 'prop';
      readonly domain: QuantDomain;
      readonly prop: string;
      readonly id: string;
      readonly value: Rational | boolean | EvidenceValue | null;
    }
  | { readonly kind: 'total'; readonly value: Rational }
  /** A derived value (`value` undefined when unknown; `missing` then says why). */
  | { readonly kind: 'derived'; readonly id: string; readonly value: EvidenceValue | undefined; readonly missing: readonly string[] };

/** One element of a quantifier (`every dimension: …`) and the truth of the body for it; `depth` 0 is outermost. */
export interface QuantElement {
  readonly domain: QuantDomain;
  readonly id: string;
  readonly depth: number;
  readonly truth: Truth;
}

/** Whose condition an event is about. */
export interface ConditionOwner {
  readonly kind: 'prerequisite' | 'veto' | 'level';
  readonly id: string;
}

export type EvalEvent =
  /** The indicator's evidence value, and the field it came from (a former id for renamed indicators). */
  | {
      readonly kind: 'indicator-value';
      readonly indicator: string;
      readonly dimension: string;
      readonly field: string | undefined;
      readonly value: EvidenceValue | undefined;
    }
  /** The `applies when` condition of an indicator was evaluated. Unknown applies. */
  | {
      readonly kind: 'applicability';
      readonly indicator: string;
      readonly span: Span;
      readonly truth: Truth;
      readonly applicable: boolean;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /**
   * One band was tested (in order, until one matched). For a comparison band, `op` and `bound` say what
   * the indicator's `value` was compared with.
   */
  | {
      readonly kind: 'band';
      readonly indicator: string;
      readonly index: number;
      readonly span: Span;
      readonly truth: Truth;
      readonly matched: boolean;
      readonly value: EvidenceValue;
      readonly op?: CompareOp;
      readonly bound?: Rational | string | boolean;
      readonly else?: true;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /** The mapping entry that matched the indicator's enum value (`else` when `key` is undefined). */
  | {
      readonly kind: 'map-entry';
      readonly indicator: string;
      readonly index: number;
      readonly span: Span;
      readonly key: string | undefined;
      readonly value: string;
    }
  /** `x when c else y`: the condition's truth and which side gave the points. */
  | {
      readonly kind: 'conditional-points';
      readonly indicator: string;
      readonly span: Span;
      readonly truth: Truth;
      readonly gave: 'then' | 'else';
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /** A formula's result (null when it read missing evidence). */
  | {
      readonly kind: 'formula';
      readonly indicator: string;
      readonly span: Span;
      readonly result: Rational | null;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /** The points an indicator got: `matched` is the band or entry index, `span` that band's or entry's span. */
  | {
      readonly kind: 'points';
      readonly indicator: string;
      readonly dimension: string;
      readonly status: IndicatorStatus;
      readonly points: Rational | null;
      readonly matched?: number;
      readonly span?: Span;
      /** Evidence fields whose absence caused `missing` (the indicator's own field, or what a formula read). */
      readonly missing: readonly string[];
    }
  /** An indicator's weight after not-applicable weight was redistributed in its dimension. */
  | {
      readonly kind: 'weight';
      readonly indicator: string;
      readonly dimension: string;
      readonly declared: Rational;
      readonly effective: Rational;
      readonly contribution: Rational;
    }
  | { readonly kind: 'dimension'; readonly id: string; readonly weight: Rational; readonly score: Rational; readonly share: Rational }
  | { readonly kind: 'total'; readonly total: Rational }
  /** A derived value was computed: its value (undefined when unknown) and what its formula read. */
  | {
      readonly kind: 'derived';
      readonly id: string;
      readonly span: Span;
      readonly value: EvidenceValue | undefined;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /**
   * The formula total (`total: … { formula … }`) was computed: its value, null when it read missing evidence (the
   * total is then reported as 0 and reads unknown). A `total` event with the reported total follows.
   */
  | {
      readonly kind: 'total-formula';
      readonly span: Span;
      readonly value: Rational | null;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
    }
  /** One condition (a `require` or a veto's `when`) with its truth, what it read and what was missing. */
  | {
      readonly kind: 'condition';
      readonly owner: ConditionOwner;
      readonly index: number;
      readonly span: Span;
      readonly truth: Truth;
      readonly reads: readonly Read[];
      readonly missing: readonly string[];
      /** The elements of the quantifiers in the condition, in evaluation order (absent when there are none). */
      readonly elements?: readonly QuantElement[];
    }
  | { readonly kind: 'veto'; readonly id: string; readonly truth: Truth; readonly fired: boolean; readonly missing: readonly string[] }
  | {
      readonly kind: 'prerequisite';
      readonly id: string;
      readonly truth: Truth;
      readonly holds: boolean;
      readonly missing: readonly string[];
    }
  /** A level: whether its own conditions hold, and whether it holds (cumulative: with every level below). */
  | {
      readonly kind: 'level';
      readonly id: string;
      readonly ownHolds: boolean;
      readonly holds: boolean;
      readonly failed: readonly { readonly index: number; readonly truth: Truth }[];
    }
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly level: string | null; readonly total: Rational }
  /** Evaluation stopped on an error (division by zero, points outside 0–100, incompatible values). */
  | { readonly kind: 'error'; readonly where: string; readonly code: string; readonly args: Readonly<Record<string, string | number>> };

export type Trace = (e: EvalEvent) => void;

/** A band event. */
export type BandEvent = Extract<EvalEvent, { readonly kind: 'band' }>;
/** A points event. */
export type PointsEvent = Extract<EvalEvent, { readonly kind: 'points' }>;

type Building<T> = { -readonly [K in keyof T]?: T[K] };

/**
 * The event of one band tested: `op` and `bound` for a comparison band (bound undefined when it is unknown or an
 * object), `isElse` for the `else` band. Keys in one order, optional ones only when present.
 */
export function bandEvent(
  indicator: string,
  index: number,
  span: Span,
  truth: Truth,
  value: EvidenceValue,
  op: CompareOp | undefined,
  bound: Rational | string | boolean | undefined,
  isElse: boolean,
  reads: readonly Read[],
  missing: readonly string[],
): BandEvent {
  const ev: Building<BandEvent> = { kind: 'band', indicator, index, span, truth, matched: truth === true, value };
  if (op !== undefined) ev.op = op;
  if (bound !== undefined) ev.bound = bound;
  if (isElse) ev.else = true;
  ev.reads = reads;
  ev.missing = missing;
  return ev as BandEvent;
}

/** The event of the points an indicator got: `matched` (−1 or undefined: none) and `span` only when present. */
export function pointsEvent(
  indicator: string,
  dimension: string,
  status: IndicatorStatus,
  points: Rational | null,
  matched: number | undefined,
  span: Span | undefined,
  missing: readonly string[],
): PointsEvent {
  const ev: Building<PointsEvent> = { kind: 'points', indicator, dimension, status, points };
  if (matched !== undefined && matched >= 0) ev.matched = matched;
  if (span !== undefined) ev.span = span;
  ev.missing = missing;
  return ev as PointsEvent;
}
