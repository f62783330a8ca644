// The semantic model's types: declarations indexed by id, what name resolution found, the evaluation order's nodes.
// In: nothing (types, and `nodeKey`). Out: the shapes that model/build.ts builds and model/resolve.ts and
// model/order.ts fill in; they import these types, never each other's modules for them.
//
// Collections come twice: as arrays in declaration order (`dimensions`, `indicators`, …) and as Maps by id
// (`dimensionsById`, …). Name resolution's results are in `model.resolution`, keyed by AST node identity, so checks
// and evaluators never resolve names themselves.

import type {
  DeriveDecl,
  Direction,
  DimensionDecl,
  Expr,
  FallbackDecl,
  IndicatorDecl,
  InputDecl,
  LevelDecl,
  LevelLadder,
  MethodDecl,
  PropExpr,
  PropName,
  PrerequisiteDecl,
  QuantDomain,
  QuantifiedExpr,
  RefExpr,
  Ruleset,
  TotalDecl,
  VetoDecl,
} from '../../dsl/ast';
import type { Rational } from '../numbers/rational';
import type { EnumValueType, ValueType } from './value-type';

export interface MethodInfo {
  readonly id: string;
  readonly decl: MethodDecl;
}

export interface InputInfo {
  readonly id: string;
  readonly decl: InputDecl;
  readonly type: ValueType;
}

/** `derive id: type { formula … }`: a value computed from evidence and other values; no evidence field of its own. */
export interface DeriveInfo {
  readonly id: string;
  readonly decl: DeriveDecl;
  /** The declared type (a bound the value must respect); undefined when inferred from the formula. */
  readonly declared: ValueType | undefined;
}

/** `total: number 0 to 10 { formula … }`: the result's total by formula instead of Σ dimension scores. */
export interface TotalFormulaInfo {
  readonly decl: TotalDecl;
  /** The declared type (a bound), if any. */
  readonly declared: ValueType | undefined;
}

export interface DimensionInfo {
  readonly id: string;
  readonly decl: DimensionDecl;
  /** Declared weight (0 when absent; reported as A210). */
  readonly weight: Rational;
  /** Ids of its indicators, in declaration order. */
  readonly indicators: readonly string[];
}

export interface IndicatorInfo {
  readonly id: string;
  readonly decl: IndicatorDecl;
  /** Id of the dimension it belongs to. */
  readonly dimension: string;
  /** Declared weight (0 when absent; reported as A208). */
  readonly weight: Rational;
  /** Resolved type; undefined when absent (reported as A207). */
  readonly type: ValueType | undefined;
  readonly direction: Direction | undefined;
  /** Former ids (`formerly …`): evidence under these ids is accepted. */
  readonly formerly: readonly string[];
}

export interface PrerequisiteInfo {
  readonly id: string;
  readonly decl: PrerequisiteDecl;
  readonly requires: readonly Expr[];
}

export interface VetoInfo {
  readonly id: string;
  readonly decl: VetoDecl;
  /** The condition; undefined only in a ruleset with errors. */
  readonly when: Expr | undefined;
}

export interface LevelInfo {
  readonly id: string;
  readonly decl: LevelDecl;
  readonly requires: readonly Expr[];
}

export interface LadderInfo {
  readonly decl: LevelLadder;
  readonly cumulative: boolean;
  /** Highest first, as declared. */
  readonly levels: readonly LevelInfo[];
  readonly fallback: { readonly id: string; readonly decl: FallbackDecl } | undefined;
}

/** An evidence field the ruleset knows: an input or an indicator (under its current id). */
export type FieldInfo =
  | { readonly kind: 'input'; readonly id: string; readonly type: ValueType; readonly info: InputInfo }
  | { readonly kind: 'indicator'; readonly id: string; readonly type: ValueType | undefined; readonly info: IndicatorInfo };

export interface Model {
  readonly ast: Ruleset;
  readonly id: string;
  readonly version: string;
  readonly status: string;
  readonly date: string | undefined;
  /** What the dimension weights must add up to (`total`, default 100). */
  readonly total: Rational;
  /** Digits after the decimal point when derived values and a formula total are shown (`precision`, default 4). */
  readonly precision: number;
  /** `evidence required`: every evidence field the ruleset reads must be present. */
  readonly evidenceRequired: boolean;

  readonly methods: readonly MethodInfo[];
  readonly methodsById: ReadonlyMap<string, MethodInfo>;
  readonly inputs: readonly InputInfo[];
  readonly inputsById: ReadonlyMap<string, InputInfo>;
  /** Derived values in declaration order. */
  readonly derived: readonly DeriveInfo[];
  readonly derivedById: ReadonlyMap<string, DeriveInfo>;
  /** The (first) `total` formula; undefined when the total is the sum of the dimension scores. */
  readonly totalFormula: TotalFormulaInfo | undefined;
  readonly dimensions: readonly DimensionInfo[];
  readonly dimensionsById: ReadonlyMap<string, DimensionInfo>;
  /** Every indicator of every dimension, in declaration order. */
  readonly indicators: readonly IndicatorInfo[];
  readonly indicatorsById: ReadonlyMap<string, IndicatorInfo>;
  /** Former id → current indicator id. */
  readonly formerIds: ReadonlyMap<string, string>;
  readonly prerequisites: readonly PrerequisiteInfo[];
  readonly prerequisitesById: ReadonlyMap<string, PrerequisiteInfo>;
  readonly vetoes: readonly VetoInfo[];
  readonly vetoesById: ReadonlyMap<string, VetoInfo>;
  /** The (first) `levels` block; undefined when the ruleset has none. */
  readonly ladder: LadderInfo | undefined;
  /** The ladder's levels, highest first (empty without a ladder). */
  readonly levels: readonly LevelInfo[];
  /** The ladder's fallback level. */
  readonly fallback: LadderInfo['fallback'];
  /** Evidence fields (inputs and indicators) by current id. */
  readonly fields: ReadonlyMap<string, FieldInfo>;

  /** What every name, property and quantifier in the ruleset refers to. */
  readonly resolution: Resolution;
  /**
   * Evidence fields (current ids) a platform must give, in declaration order: those marked `required`, and with
   * `evidence required` every field the ruleset reads (every indicator, every input an expression names).
   */
  readonly required: readonly string[];
  /** The order in which an evaluator computes indicators, dimensions, the total, vetoes, prerequisites, levels. */
  readonly order: readonly EvalNode[];
}

export type ModelDecls = Omit<Model, 'resolution' | 'order' | 'required'>;

// --- name resolution (model/resolve.ts) ---

/** What a `Ref` denotes. `members` are the `.a.b` accesses after the first name. */
export type RefTarget =
  | { readonly kind: 'input'; readonly id: string; readonly members: readonly string[]; readonly type: ValueType | undefined }
  | { readonly kind: 'indicator'; readonly id: string; readonly members: readonly string[]; readonly type: ValueType | undefined }
  /** A member of the object value of the indicator being scored: `members[0]` is the member's name. */
  | { readonly kind: 'field'; readonly indicator: string; readonly members: readonly string[]; readonly type: ValueType | undefined }
  | { readonly kind: 'symbol'; readonly value: string; readonly type: EnumValueType }
  /** A derived value (`derive id …`): its declared type, else the type of its formula. */
  | { readonly kind: 'derived'; readonly id: string; readonly type: ValueType | undefined };

/** What a property denotes: `id` undefined means the element bound by the innermost quantifier of `domain`. */
export interface PropTarget {
  readonly domain: QuantDomain;
  readonly prop: PropName;
  readonly id: string | undefined;
}

export interface QuantTarget {
  readonly domain: QuantDomain;
  /** `every indicator in D`: the dimension id. */
  readonly within: string | undefined;
}

/** Static type of an expression, as far as name resolution needs it. */
export type ExprType = ValueType | { readonly kind: 'unknown' };

export interface Resolution {
  readonly refs: ReadonlyMap<RefExpr, RefTarget>;
  readonly props: ReadonlyMap<PropExpr, PropTarget>;
  readonly quantifiers: ReadonlyMap<QuantifiedExpr, QuantTarget>;
  /** Static type of every resolved expression node (`unknown` when it cannot be told). */
  readonly types: ReadonlyMap<Expr, ExprType>;
  /** Computed nodes (see `order.ts`) each node reads, by node key. */
  readonly deps: ReadonlyMap<string, ReadonlySet<string>>;
}

// --- evaluation order (model/order.ts) ---

export type EvalNode =
  | { readonly kind: 'derived' | 'indicator' | 'dimension' | 'veto' | 'prerequisite'; readonly id: string }
  | { readonly kind: 'total' }
  | { readonly kind: 'levels' };

/** A stable string key of a node: `derived:iss`, `indicator:pue`, `dimension:A`, `total`, `veto:V1`, `levels`. */
export function nodeKey(n: EvalNode): string {
  return n.kind === 'total' || n.kind === 'levels' ? n.kind : `${n.kind}:${n.id}`;
}
