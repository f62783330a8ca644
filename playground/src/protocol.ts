// Messages between the page and the analysis worker (structured-clone-safe plain data only).
// In: nothing (types). Out: request and response shapes; offsets are UTF-16 offsets into the text sent.

import type { Lang } from '../../dsl/index';
import type { Block } from '../../engine/index';
import type { ListDelta } from './analysis-delta';

export interface PlatformInput {
  /** Stable key in the page (`sample:p1-hub-operator`, `user:3`). */
  readonly key: string;
  readonly source: 'sample' | 'user';
  readonly platform: string;
  readonly name?: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface LabelEntry {
  readonly lang: Lang;
  readonly value: string;
}

export interface SpanOut {
  readonly start: number;
  readonly end: number;
}

export interface QuickFix {
  readonly title: string;
  readonly span: SpanOut;
  readonly text: string;
}

export interface DiagOut {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly help?: string;
  readonly span: SpanOut;
  readonly related: readonly { readonly message: string; readonly span: SpanOut }[];
  readonly fixes: readonly QuickFix[];
}

export type SymbolKind = 'input' | 'dimension' | 'indicator' | 'method' | 'prerequisite' | 'veto' | 'level' | 'field' | 'enum';

export interface SymbolInfo {
  readonly id: string;
  readonly kind: SymbolKind;
  /** Span of the declaring name. */
  readonly nameSpan: SpanOut;
  /** Span of the whole declaration. */
  readonly span: SpanOut;
  readonly label?: readonly LabelEntry[];
  /** Source text of the type, e.g. `enum { L4, L3 }`. */
  readonly type?: string;
  readonly weight?: string;
  readonly unit?: string;
  /** Source text of each band or mapping entry. */
  readonly bands?: readonly string[];
  /** The dimension of an indicator, the owner of a field or enum value. */
  readonly parent?: string;
}

export interface IndicatorRow {
  readonly id: string;
  readonly dimension: string;
  readonly label?: readonly LabelEntry[];
  readonly status: 'scored' | 'missing' | 'not_applicable';
  readonly value?: string;
  /** Source text of the band or mapping entry that gave the points. */
  readonly band?: string;
  readonly bandSpan?: SpanOut;
  readonly points: number | null;
  readonly weight: number;
  readonly contribution?: number;
}

export interface DimensionRow {
  readonly id: string;
  readonly label?: readonly LabelEntry[];
  readonly score: number;
  readonly weight: number;
  readonly share: number;
}

export interface PlatformResult {
  readonly key: string;
  readonly platform: string;
  readonly name?: string;
  readonly outcome: 'graded' | 'vetoed' | 'not_rated' | 'invalid';
  readonly level: string | null;
  readonly levelLabel?: readonly LabelEntry[];
  readonly total: number;
  readonly dimensions: readonly DimensionRow[];
  readonly indicators: readonly IndicatorRow[];
  /** True when `indicators` were left out (a large ruleset: only the selected platform's rows are sent). */
  readonly indicatorsOmitted?: boolean;
  /** Sent instead of `indicators` (then empty): the change from this platform's rows sent last (the client puts them back). */
  readonly indicatorsDelta?: ListDelta<IndicatorRow>;
  readonly vetoes: readonly string[];
  readonly prerequisitesFailed: readonly string[];
  readonly errors: readonly { readonly field: string; readonly message: string }[];
  readonly warnings: readonly { readonly field: string; readonly message: string }[];
}

export interface ExplainLine {
  readonly text: string;
  readonly depth: number;
  readonly span?: SpanOut;
}

export interface PlanStep {
  readonly text: string;
  readonly span?: SpanOut;
}

/** Improvement plans for one platform, worded by the engine (`assay gap`). */
export interface PlanResult {
  readonly seq: number;
  readonly key: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly plans: readonly { readonly title: string; readonly steps: readonly PlanStep[] }[];
  readonly ms: number;
}

export interface Analysis {
  readonly seq: number;
  readonly diagnostics: readonly DiagOut[];
  readonly symbols: readonly SymbolInfo[];
  /** True when the ruleset compiled (no errors) and `results` are fresh. */
  readonly ok: boolean;
  readonly title?: readonly LabelEntry[];
  readonly identity?: { readonly id: string; readonly version: string; readonly status: string };
  readonly levelOrder?: readonly string[];
  readonly results?: readonly PlatformResult[];
  readonly explanation?: readonly ExplainLine[];
  /** The platform `explanation` is about. */
  readonly explained?: string;
  /** JSON schema of an evidence file for this ruleset. */
  readonly schema?: unknown;
  /** Set by the worker instead of `schema` when it is the one it sent last (the client puts it back). */
  readonly schemaSame?: true;
  /** Sent instead of `symbols` (then empty): the change from the symbols sent last (the client puts them back). */
  readonly symbolsDelta?: ListDelta<SymbolInfo>;
  /** Sent instead of `explanation`: the change from the explanation lines sent last (the client puts them back). */
  readonly explanationDelta?: ListDelta<ExplainLine>;
  /** When `ok` is false and `staleText` was sent: the analysis of that text, in the language asked for. */
  readonly staleResults?: Analysis;
  /** How the worker parsed the text: the `same` text as last time, one top-level `item` reparsed, or the `full` file. */
  readonly parsed?: 'same' | 'item' | 'full';
  /** How many assessments were kept from the last analysis (an edit that changed no meaning): one per platform, and
   *  one more for the explained platform's traced assessment. */
  readonly kept?: number;
  readonly ms: number;
}

export interface DiffEntry {
  /** The entry's headline in the reader's language. */
  readonly text: string;
  readonly kind?: string;
  /** Detail lines (old → new bands, input regions whose points change, parts of a group). */
  readonly details?: readonly string[];
}

export interface ImpactRow {
  readonly platform: string;
  readonly name?: string;
  readonly before: { readonly outcome: string; readonly level: string | null; readonly total: number };
  readonly after: { readonly outcome: string; readonly level: string | null; readonly total: number };
  /** Diff entries that alone move this platform (`band-edge-moved total_compute_scale`). */
  readonly causes: readonly string[];
  /** True when no entry alone moves it, only a combination. */
  readonly interaction?: boolean;
}

export interface Comparison {
  readonly seq: number;
  readonly errors: readonly ('base' | 'head')[];
  readonly diff?: readonly DiffEntry[];
  readonly impact?: readonly ImpactRow[];
  /** Rows and columns: level ids (or outcome words) of base and head; cells: counts. */
  readonly matrix?: {
    readonly rows: readonly string[];
    readonly cols: readonly string[];
    readonly cells: readonly (readonly number[])[];
  };
}

/** The standard as a document (the Document tab): the engine's blocks, or which text has errors. */
export interface DocumentResult {
  readonly seq: number;
  readonly errors: readonly ('text' | 'against')[];
  readonly blocks?: readonly Block[];
  /** The document as a file, when a format was asked for: its name and its text (md, html) or bytes (docx). */
  readonly file?: { readonly name: string; readonly data: string | Uint8Array; readonly type: string };
}

/** A schema problem of one platform of an evidence text (`assess`'s evidence errors and warnings). */
export interface EvidenceIssueOut {
  /** Index of the platform in the request's `platforms`. */
  readonly index: number;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: string;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Evidence checked against the ruleset's schema, or why it could not be (the ruleset has errors). */
export interface EvidenceCheckResult {
  readonly seq: number;
  readonly rulesetOk: boolean;
  readonly issues: readonly EvidenceIssueOut[];
}

export type Request =
  | {
      readonly type: 'analyze';
      readonly seq: number;
      readonly text: string;
      readonly lang: Lang;
      readonly platforms: readonly PlatformInput[];
      /** The platform whose explanation and plan to compute. */
      readonly selected?: string;
      /**
       * The last text that compiled, sent when its results are shown stale in another language than `lang`:
       * if `text` has errors, the results of `staleText` come back in `lang` (`Analysis.staleResults`).
       */
      readonly staleText?: string;
    }
  | { readonly type: 'format'; readonly seq: number; readonly text: string }
  | {
      readonly type: 'evidence';
      readonly seq: number;
      /** The ruleset's text. */
      readonly text: string;
      readonly lang: Lang;
      readonly platforms: readonly { readonly platform: string; readonly name?: string; readonly evidence: Readonly<Record<string, unknown>> }[];
    }
  | {
      readonly type: 'plan';
      readonly seq: number;
      readonly text: string;
      readonly lang: Lang;
      readonly platform: PlatformInput;
      /** Most engine assessments the search may make. */
      readonly budget: number;
    }
  | {
      readonly type: 'compare';
      readonly seq: number;
      readonly base: string;
      readonly head: string;
      readonly lang: Lang;
      readonly platforms: readonly PlatformInput[];
    }
  | {
      readonly type: 'document';
      readonly seq: number;
      readonly text: string;
      /** An earlier version: the document opens with its revision table. */
      readonly against?: string;
      readonly lang: Lang;
      /** Also render the document as this file format (a download). */
      readonly format?: 'md' | 'html' | 'docx';
    };

export type Response =
  | { readonly type: 'analysis'; readonly analysis: Analysis }
  | { readonly type: 'formatted'; readonly seq: number; readonly text: string | null }
  | { readonly type: 'comparison'; readonly comparison: Comparison }
  | { readonly type: 'plan'; readonly plan: PlanResult }
  | { readonly type: 'document'; readonly document: DocumentResult }
  | { readonly type: 'evidence'; readonly check: EvidenceCheckResult }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string };
