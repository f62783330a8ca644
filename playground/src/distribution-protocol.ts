// Messages between the Distribution panel and the corpus worker (structured-clone-safe; standings travel as typed
// arrays, transferred). In: nothing (types). Out: request and response shapes, and the problems a corpus record
// can have (worded by the page in the reader's language, except the engine's own evidence messages).

import type { Lang } from '../../dsl/index';

/** One file of a corpus as the page read it (NDJSON, CSV, JSON, YAML). */
export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Why a record was not read, or why the engine found its evidence invalid. */
export type RecordProblem =
  | { readonly kind: 'json'; readonly detail: string }
  | { readonly kind: 'yaml'; readonly detail: string }
  | { readonly kind: 'shape'; readonly detail: string }
  | { readonly kind: 'csvQuote' }
  | { readonly kind: 'csvColumns'; readonly expected: number; readonly got: number }
  | { readonly kind: 'csvCell'; readonly value: string; readonly detail: string }
  | { readonly kind: 'csvHeader' }
  | { readonly kind: 'fileType' }
  /** The engine's evidence check (outcome `invalid`), its message already in the language asked for. */
  | { readonly kind: 'evidence'; readonly code: string; readonly message: string };

export interface RecordError {
  readonly file: string;
  /** 1-based line of the record in its file (absent for a whole file). */
  readonly line?: number;
  readonly platform?: string;
  readonly field?: string;
  readonly problem: RecordProblem;
}

export type CorpusRequest =
  | { readonly type: 'load'; readonly seq: number; readonly files: readonly CorpusFile[] }
  | { readonly type: 'evaluate'; readonly seq: number; readonly before: string; readonly after: string; readonly lang: Lang }
  | {
      readonly type: 'causes';
      readonly seq: number;
      readonly before: string;
      readonly after: string;
      readonly lang: Lang;
      /** Indexes into the corpus of the platforms whose causes to compute. */
      readonly indices: readonly number[];
    };

export interface Loaded {
  readonly seq: number;
  /** Platform ids, in corpus order (the index of a standing array is the index here). */
  readonly ids: readonly string[];
  /** Records not read (not in `ids`). */
  readonly errors: readonly RecordError[];
  readonly ms: number;
}

export interface Distribution {
  readonly seq: number;
  /** Which texts did not compile (their side is empty). */
  readonly failed: readonly ('before' | 'after')[];
  /** Every standing of both versions (the engine's order: levels highest first, fallback, outcomes). */
  readonly standings: readonly string[];
  /** For each platform, the index of its standing in `standings` (0xffff: that side did not compile). */
  readonly before: Uint16Array;
  readonly after: Uint16Array;
  /** Platforms whose evidence is invalid under the after text, with the engine's messages (capped). */
  readonly invalid: readonly RecordError[];
  readonly invalidCount: number;
  /** Time spent in the worker. */
  readonly ms: number;
}

export interface Causes {
  readonly seq: number;
  readonly rows: readonly { readonly index: number; readonly causes: readonly string[]; readonly interaction: boolean }[];
}

export type CorpusResponse =
  | { readonly type: 'loaded'; readonly loaded: Loaded }
  | { readonly type: 'distribution'; readonly distribution: Distribution }
  | { readonly type: 'causes'; readonly causes: Causes }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string };

/** A standing index for a side that did not compile. */
export const NO_STANDING = 0xffff;
