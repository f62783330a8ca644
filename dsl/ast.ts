// AST of an Assay ruleset: the typed tree that the CST → AST visitor builds.
// In: nothing (types only). Out: node types, each carrying a `span` that never takes part in equality.
//
// Contract shared by dsl/ and engine/. Change it only additively (new optional fields, new union
// members handled everywhere); every consumer switches exhaustively over these unions.

/** Half-open character range `[start, end)` in the source text (UTF-16 offsets). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Spans of recovered nodes: parsers may produce them where a token was missing. */
export const NO_SPAN: Span = { start: 0, end: 0 };

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

/** An identifier as written, e.g. `pue`, `A`, `L5`, `DR`. */
export interface Name {
  readonly kind: 'Name';
  readonly name: string;
  readonly span: Span;
}

/** A string literal, already unescaped. */
export interface Str {
  readonly kind: 'Str';
  readonly value: string;
  readonly span: Span;
}

/** A decimal literal kept as written (`1.00`, `99.99`, `14`) so that printing is faithful. */
export interface Num {
  readonly kind: 'Num';
  readonly text: string;
  readonly span: Span;
}

/** `{ zh-Hans "…" zh-Hant "…" en "…" }` — one entry per language, in source order. */
export interface Text {
  readonly kind: 'Text';
  readonly entries: readonly TextEntry[];
  readonly span: Span;
}
export interface TextEntry {
  readonly lang: Lang;
  readonly value: Str;
  readonly span: Span;
}

export interface Comment {
  /** The comment text including the leading `#`. */
  readonly text: string;
  readonly span: Span;
  /** True when code precedes the comment on its line (`weight 4  # why`): the printer keeps it there. */
  readonly trailing?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Ruleset

export interface Ruleset {
  readonly kind: 'Ruleset';
  /** `ruleset "csp-assessment" { … }` */
  readonly id: Str;
  readonly header: RulesetHeader;
  /** Top-level declarations in source order. */
  readonly items: readonly TopItem[];
  /** Every comment of the file, in source order (the printer re-attaches them by position). */
  readonly comments: readonly Comment[];
  readonly span: Span;
}

export type RulesetStatus = 'draft' | 'for-comment' | 'published' | 'superseded';
export const RULESET_STATUSES: readonly RulesetStatus[] = ['draft', 'for-comment', 'published', 'superseded'];

export interface RulesetHeader {
  readonly version?: Str;
  /** Checked against RULESET_STATUSES by the checker, not by the parser. */
  readonly status?: Str;
  /** `date 2026-01-13`, kept as written. */
  readonly date?: DateLit;
  readonly title?: Text;
  /** `total 100`: the sum the dimension weights must reach. Default 100. */
  readonly total?: Num;
  /** `evidence required`: every field the ruleset reads must be present (a platform missing one is `invalid`). */
  readonly evidenceRequired?: Span;
  /** `precision 4`: digits after the decimal point when derived values and a formula total are shown. */
  readonly precision?: Num;
  readonly span: Span;
}

export interface DateLit {
  readonly kind: 'Date';
  readonly text: string;
  readonly span: Span;
}

export type TopItem =
  | MethodDecl
  | InputDecl
  | DeriveDecl
  | TotalDecl
  | DimensionDecl
  | PrerequisiteDecl
  | VetoDecl
  | LevelLadder;

/** `method DR { label { … } }` — an assessment method that indicators cite. */
export interface MethodDecl {
  readonly kind: 'Method';
  readonly id: Name;
  readonly label?: Text;
  readonly span: Span;
}

/** `input months_in_operation: integer >= 0 { label { … } unit "months" }` — a fact. */
export interface InputDecl {
  readonly kind: 'Input';
  readonly id: Name;
  readonly type: TypeExpr;
  readonly label?: Text;
  readonly unit?: Str;
  /** `note "…"`: free text for assessors. */
  readonly note?: Str;
  /** `required`: a platform without this field is `invalid` (an evidence error), not scored as missing. */
  readonly required?: Span;
  readonly span: Span;
}

/**
 * `derive iss: number { label {…} unit "…" formula 1 - (1 - c) * (1 - i) }` — a named value computed from evidence and
 * other values. Not counted in the total; needs no evidence of its own. `type` is optional (inferred when absent);
 * a declared domain (`number 0 to 1`) is a bound the value must stay within (else an evaluation error).
 */
export interface DeriveDecl {
  readonly kind: 'Derive';
  readonly id: Name;
  /** A scalar type (with its domain) or an enum type (the formula yields its values); never an object type. */
  readonly type?: ScalarType | EnumType;
  readonly label?: Text;
  readonly unit?: Str;
  readonly note?: Str;
  readonly formula: Expr;
  readonly span: Span;
}

/**
 * `total: number 0 to 10 { label {…} formula … }` — the result's total defined by a formula on the standard's own scale
 * instead of the sum of dimension scores. At most one per ruleset. The declared domain bounds the result.
 */
export interface TotalDecl {
  readonly kind: 'TotalFormula';
  readonly type?: ScalarType;
  readonly label?: Text;
  readonly unit?: Str;
  readonly note?: Str;
  readonly formula: Expr;
  readonly span: Span;
}

export interface DimensionDecl {
  readonly kind: 'Dimension';
  readonly id: Name;
  readonly label?: Text;
  readonly weight?: Num;
  readonly indicators: readonly IndicatorDecl[];
  readonly span: Span;
}

export type Direction = 'higher' | 'lower';

export interface IndicatorDecl {
  readonly kind: 'Indicator';
  readonly id: Name;
  readonly label?: Text;
  readonly weight?: Num;
  readonly type?: TypeExpr;
  readonly unit?: Str;
  /** `higher is better` / `lower is better` */
  readonly direction?: { readonly value: Direction; readonly span: Span };
  /** `methods TT "on ≥ 5% of nodes (at least 16)", OS, DR` */
  readonly methods?: { readonly refs: readonly MethodRef[]; readonly span: Span };
  /** `basis "…"`: where the bands come from; explanations cite it. */
  readonly basis?: Str;
  /** `applies when <expr>`: not applicable when the condition is (definitely) false. */
  readonly applies?: Expr;
  /** `formerly compute_redundancy`: evidence under these ids is accepted too. */
  readonly formerly?: readonly Name[];
  /** `required`: a platform without this indicator's evidence is `invalid`, not scored as missing. */
  readonly required?: Span;
  readonly scoring?: Scoring;
  readonly span: Span;
}

export interface MethodRef {
  readonly method: Name;
  readonly note?: Str;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Types of inputs and indicators

export type TypeExpr = ScalarType | EnumType | ObjectType;

export interface ScalarType {
  readonly kind: 'Scalar';
  readonly name: 'boolean' | 'integer' | 'number' | 'percent';
  /** `>= 0`, `> 0`, `<= 7`, `0 to 7`; percent implies 0 to 100 unless narrowed. */
  readonly domain?: Domain;
  readonly span: Span;
}

export type Domain =
  | { readonly kind: 'Bound'; readonly op: '>=' | '>' | '<=' | '<'; readonly value: Num; readonly span: Span }
  | { readonly kind: 'Range'; readonly min: Num; readonly max: Num; readonly span: Span };

export interface EnumType {
  readonly kind: 'Enum';
  /** `enum { full, partial, none, misleading }` in declared order (the order of the scale). */
  readonly values: readonly Name[];
  readonly span: Span;
}

export interface ObjectType {
  readonly kind: 'Object';
  /** `object { frameworks: integer >= 0, architectures: integer >= 0 }` */
  readonly fields: readonly ObjectField[];
  readonly span: Span;
}
export interface ObjectField {
  readonly name: Name;
  readonly type: TypeExpr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Scoring forms

export type Scoring = BandsScoring | MapScoring | FormulaScoring;

/** `bands { >= 1000: 100 … else: 20 }` — first match wins. */
export interface BandsScoring {
  readonly kind: 'Bands';
  readonly bands: readonly Band[];
  readonly span: Span;
}

export interface Band {
  readonly cond: BandCond;
  readonly points: Points;
  readonly span: Span;
}

export type BandCond =
  /** `>= 1000` — compares the indicator's own value with `bound`. */
  | { readonly kind: 'Compare'; readonly op: CompareOp; readonly bound: Expr; readonly span: Span }
  /** `frameworks >= 4 and architectures >= 3` — any boolean expression. */
  | { readonly kind: 'Cond'; readonly expr: Expr; readonly span: Span }
  /** `else` — matches anything; must be last. */
  | { readonly kind: 'Else'; readonly span: Span };

/** `map { full: 100  partial: 50  …  intl_equiv: 60 when not mainland_ops else 0 }` */
export interface MapScoring {
  readonly kind: 'Map';
  readonly entries: readonly MapEntry[];
  readonly span: Span;
}
export interface MapEntry {
  /** An enum value of the indicator's type, or `else`. */
  readonly key: Name | { readonly kind: 'Else'; readonly span: Span };
  readonly points: Points;
  readonly span: Span;
}

/** `formula min(100, value / 10)` — an expression giving points (0–100). */
export interface FormulaScoring {
  readonly kind: 'Formula';
  readonly expr: Expr;
  readonly span: Span;
}

/** `60` or `60 when not mainland_ops else 0` (an unknown condition gives the else points). */
export interface Points {
  readonly value: Expr;
  readonly when?: Expr;
  readonly otherwise?: Expr;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Prerequisites, vetoes, levels

/** `prerequisite P1 { label {…} require independent_legal_entity }` — every `require` must hold. */
export interface PrerequisiteDecl {
  readonly kind: 'Prerequisite';
  readonly id: Name;
  readonly label?: Text;
  readonly requires: readonly Expr[];
  readonly span: Span;
}

/** `veto V1 { label {…} when declared_vs_measured_gap > 20 or … }` — fires when the condition holds. */
export interface VetoDecl {
  readonly kind: 'Veto';
  readonly id: Name;
  readonly label?: Text;
  readonly when?: Expr;
  readonly span: Span;
}

/** `levels cumulative { level L5 {…} … fallback L0 {…} }` — highest level first. */
export interface LevelLadder {
  readonly kind: 'Levels';
  readonly cumulative: boolean;
  readonly levels: readonly LevelDecl[];
  readonly fallback?: FallbackDecl;
  readonly span: Span;
}
export interface LevelDecl {
  readonly kind: 'Level';
  readonly id: Name;
  readonly label?: Text;
  readonly requires: readonly Expr[];
  readonly span: Span;
}
export interface FallbackDecl {
  readonly kind: 'Fallback';
  readonly id: Name;
  readonly label?: Text;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
/** `^` is a whole-number power: the exponent is an integer literal (`(iss - 0.02) ^ 15`), right-associative, binding tighter than unary minus. */
export type ArithOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | NumExpr
  | PercentExpr
  | BoolExpr
  | RefExpr
  | TotalExpr
  | PropExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | CompareExpr
  | InExpr
  | IfExpr
  | QuantifiedExpr
  | TableExpr
  | ErrorExpr;

/** `99.99` */
export interface NumExpr {
  readonly kind: 'Num';
  readonly text: string;
  readonly span: Span;
}
/** `80%` — the number before `%`; its value is text / 100 (a ratio, compared with shares). */
export interface PercentExpr {
  readonly kind: 'Percent';
  readonly text: string;
  readonly span: Span;
}
export interface BoolExpr {
  readonly kind: 'Bool';
  readonly value: boolean;
  readonly span: Span;
}
/**
 * A name, possibly with members: `pue`, `framework_chip_adaptation.frameworks`, `misleading`.
 * Resolved by the engine: an input or indicator value, an object field in scope, or an enum value.
 */
export interface RefExpr {
  readonly kind: 'Ref';
  readonly path: readonly Name[];
  readonly span: Span;
}
/** `total` — the total score. */
export interface TotalExpr {
  readonly kind: 'Total';
  readonly span: Span;
}
export type PropName = 'score' | 'share' | 'weight' | 'points' | 'value' | 'fired' | 'decided' | 'holds';
/**
 * `share(A)`, `points(pue)`, `weight(A)`, `fired(V1)`, `holds(P1)`; without an argument the property of the
 * element bound by the enclosing quantifier (`every dimension: share >= 80%`), or for `value`
 * the indicator being scored.
 */
export interface PropExpr {
  readonly kind: 'Prop';
  readonly prop: PropName;
  readonly of?: Name;
  readonly span: Span;
}
export type CallFn = 'min' | 'max' | 'abs' | 'known' | 'ceil' | 'floor' | 'round';
/** How `round` settles a tie: `half_up` away from zero, `half_even` to the even digit, `half_down` toward zero. */
export type RoundingModeName = 'half_up' | 'half_even' | 'half_down';
export interface RoundingMode {
  readonly kind: 'Mode';
  readonly name: RoundingModeName;
  readonly span: Span;
}
/** `min(a, b, …)`, `max(…)`, `abs(x)`, `known(x)` (true unless x reads a missing value). */
/**
 * `ceil(x)`, `ceil(x, 1)`, `floor(x, 2)`: exact, to the given digits after the decimal point (an integer literal,
 * default 0). `round(x, 5, half_up)`: `args` = [x, digits]; the rounding mode must be named (`mode`).
 */
export interface CallExpr {
  readonly kind: 'Call';
  readonly fn: CallFn;
  readonly args: readonly Expr[];
  /** Only for `round`. */
  readonly mode?: RoundingMode;
  readonly span: Span;
}
export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
  readonly span: Span;
}
export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly op: ArithOp | 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
export interface CompareExpr {
  readonly kind: 'Compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
/** `mlps_level in {L3, L4}` / `x not in {…}` */
export interface InExpr {
  readonly kind: 'In';
  readonly negated: boolean;
  readonly operand: Expr;
  readonly set: readonly Expr[];
  readonly span: Span;
}
/** `if c then a else b` */
export interface IfExpr {
  readonly kind: 'If';
  readonly cond: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
  readonly span: Span;
}
export type QuantDomain = 'dimension' | 'indicator' | 'veto' | 'prerequisite';
/** `every dimension: share >= 80%`, `some veto: fired`, `every indicator in D: points >= 50` */
export interface QuantifiedExpr {
  readonly kind: 'Quantified';
  readonly quantifier: 'every' | 'some';
  readonly domain: QuantDomain;
  /** `in D` — only with `indicator`. */
  readonly within?: Name;
  readonly body: Expr;
  readonly span: Span;
}
/**
 * A lookup table keyed by one or two enum values: `table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }`,
 * `table (PR, S) { (N, U): 0.85, (L, C): 0.68, …, else: 0 }`. Entries are separated by commas or line breaks.
 * The checker proves every key (pair) covered, or an `else` present; an unknown key makes the value unknown.
 */
export interface TableExpr {
  readonly kind: 'Table';
  /** One or two names (`AV`, `PR`, `S`, `obj.member`) of enum type. */
  readonly keys: readonly RefExpr[];
  readonly entries: readonly TableEntry[];
  readonly span: Span;
}
export interface TableEntry {
  /** One name per key (enum values of the key's type), or `else`. */
  readonly key: readonly Name[] | { readonly kind: 'Else'; readonly span: Span };
  readonly value: Expr;
  readonly span: Span;
}
/** A hole left by error recovery; never produced for a file without syntax errors. */
export interface ErrorExpr {
  readonly kind: 'Error';
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------

/** Exhaustiveness helper for switches over the unions above. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
