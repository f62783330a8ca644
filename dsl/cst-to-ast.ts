// Stage 3, build: CST → AST. A Chevrotain CST visitor that builds the typed tree of ast.ts with spans,
// and reports structural problems (A104 clause twice, A110 two scoring forms, A111, A112, and A114–A119 of the
// new constructs: rounding mode, power exponent, declared type, table layout, missing formula).
// In: the CST of parser.ts and the comments of lexer.ts. Out: a (possibly partial) `Ruleset` + diagnostics.
// Recovery holes become `ErrorExpr` or absent optional fields; this stage never throws on a recovered CST.

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast';
import { NO_SPAN, type Span } from './ast';
import { diag, type DiagArgs, type Diagnostic } from './diagnostics';
import { unescapeString } from './lexer';
import { theParser } from './parser';
import { foundWords, PHRASES, wordsArgs } from './token-words';
import * as T from './tokens';

type Ctx = Readonly<Record<string, CstElement[] | undefined>>;

/** Expressions deeper than this (counting operators) are refused (A111): consumers recurse over them. */
export const MAX_EXPR_DEPTH = 256;

// --- positions --------------------------------------------------------------------------------

function isToken(e: CstElement): e is IToken {
  return 'image' in e;
}

/**
 * The one place that turns positions into spans. Tokens inserted by recovery have `NaN` offsets and
 * recovered nodes may have `NaN`/`-1` locations: such parts are ignored, and a node whose location
 * is unusable is measured from its children. Returns `NO_SPAN` when nothing has a position.
 */
export function spanOf(...parts: ReadonlyArray<IToken | CstNode | Span | undefined>): Span {
  const acc: [number, number] = [Infinity, -Infinity];
  for (const p of parts) if (p !== undefined) measure(p, acc);
  return acc[0] === Infinity ? NO_SPAN : { start: acc[0], end: acc[1] };
}

/** `spanOf(t)` for one token, without the general machinery (the builder asks for many). */
function tokenSpan(t: IToken): Span {
  if (t.isInsertedInRecovery) return NO_SPAN;
  const s = t.startOffset;
  const e = s + t.image.length;
  return s >= 0 && e >= s ? { start: s, end: e } : NO_SPAN;
}

/** The expression of a literal token (number, percent, `true`/`false`, `total`); undefined for other tokens. */
function literalOf(item: IToken, span: Span): A.Expr | undefined {
  switch (item.tokenType) {
    case T.NumberLit:
      return { kind: 'Num', text: item.image, span };
    case T.PercentLit:
      return { kind: 'Percent', text: item.image.slice(0, -1), span };
    case T.True:
    case T.False:
      return { kind: 'Bool', value: item.tokenType === T.True, span };
    case T.Total:
      return { kind: 'Total', span };
    default:
      return undefined;
  }
}

/** `spanOf(n)` for one node: its location when usable, else measured from its children. */
function nodeSpan(n: CstNode): Span {
  const loc = n.location;
  const s = loc?.startOffset ?? NaN;
  const e = (loc?.endOffset ?? NaN) + 1;
  return s >= 0 && e > s ? { start: s, end: e } : spanOf(n);
}

/** Widens `acc` ([start, end]) by the usable positions of `p` (see `spanOf`). */
function measure(p: IToken | CstNode | Span, acc: [number, number]): void {
  let s: number;
  let e: number;
  if ('image' in p) {
    if (p.isInsertedInRecovery) return;
    s = p.startOffset;
    e = s + p.image.length;
  } else if ('children' in p) {
    const loc = p.location;
    s = loc?.startOffset ?? NaN;
    e = (loc?.endOffset ?? NaN) + 1;
    if (!(s >= 0 && e > s)) {
      for (const list of Object.values(p.children)) for (const c of list) measure(c, acc);
      return;
    }
  } else {
    if (p === NO_SPAN) return;
    s = p.start;
    e = p.end;
  }
  // NaN fails every comparison, so recovered positions never get in
  if (!(s >= 0 && e >= s)) return;
  if (s < acc[0]) acc[0] = s;
  if (e > acc[1]) acc[1] = e;
}

/** The span of the first real token under `n` (zero-width at 0 when there is none). */
function firstTokenSpan(n: CstNode): Span {
  let best: IToken | undefined;
  const visit = (e: CstElement): void => {
    if (isToken(e)) {
      if (!e.isInsertedInRecovery && Number.isFinite(e.startOffset) && (!best || e.startOffset < best.startOffset)) best = e;
    } else {
      for (const list of Object.values(e.children)) for (const c of list) visit(c);
    }
  };
  visit(n);
  return best ? spanOf(best) : { start: 0, end: 0 };
}

// --- reading the CST --------------------------------------------------------------------------

function toks(ctx: Ctx, name: string): IToken[] {
  const list = ctx[name];
  if (list === undefined) return [];
  return list.every(isToken) ? (list as IToken[]) : list.filter(isToken);
}
/** The first token of a key, unless recovery invented it. */
function tok(ctx: Ctx, name: string): IToken | undefined {
  const list = ctx[name];
  if (list === undefined) return undefined;
  for (const e of list) if (isToken(e)) return e.isInsertedInRecovery ? undefined : e;
  return undefined;
}
function nodes(ctx: Ctx, name: string): CstNode[] {
  const list = ctx[name];
  if (list === undefined) return [];
  return list.some(isToken) ? list.filter((e): e is CstNode => !isToken(e)) : (list as CstNode[]);
}
function node(ctx: Ctx, name: string): CstNode | undefined {
  const list = ctx[name];
  if (list === undefined) return undefined;
  for (const e of list) if (!isToken(e)) return e;
  return undefined;
}

/** Tokens and nodes of the given keys in source order (parts without a position go last, in order). */
function ordered(ctx: Ctx, names: readonly string[]): readonly CstElement[] {
  let only: CstElement[] | undefined;
  let count = 0;
  for (const name of names) {
    const list = ctx[name];
    if (list === undefined || list.length === 0) continue;
    only = list;
    count++;
  }
  if (count <= 1) return only ?? [];
  // each list is already in source order: merge them
  const lists: CstElement[][] = [];
  for (const name of names) {
    const list = ctx[name];
    if (list !== undefined && list.length > 0) lists.push(list);
  }
  const heads = lists.map(() => 0);
  const out: CstElement[] = [];
  for (;;) {
    let best = -1;
    let bestKey = Infinity;
    for (let i = 0; i < lists.length; i++) {
      const e = lists[i]?.[heads[i] ?? 0];
      if (e === undefined) continue;
      const k = orderKey(e);
      if (best === -1 || k < bestKey) {
        best = i;
        bestKey = k;
      }
    }
    if (best === -1) return out;
    const list = lists[best];
    const h = heads[best] ?? 0;
    if (list?.[h] !== undefined) out.push(list[h]);
    heads[best] = h + 1;
  }
}

function orderKey(e: CstElement): number {
  const s = isToken(e) ? (e.isInsertedInRecovery ? NaN : e.startOffset) : (e.location?.startOffset ?? NaN);
  if (Number.isFinite(s)) return s;
  const span = spanOf(e);
  return span === NO_SPAN ? Infinity : span.start;
}

const NO_ELEMENTS: ReadonlySet<CstElement> = new Set();

const TEXT_KEYS: readonly string[] = [T.LangTag.name, T.StringLit.name];
const ADD_OP = T.AddOp.name;
const MUL_OP = T.MulOp.name;

/** True when `tags[i]` comes right before `strs[i]`, pair after pair, all with real positions. */
function alternate(tags: readonly CstElement[], strs: readonly CstElement[]): boolean {
  if (tags.length !== strs.length) return false;
  let prev = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const v = strs[i];
    if (t === undefined || v === undefined || !isToken(t) || !isToken(v) || t.isInsertedInRecovery || v.isInsertedInRecovery) return false;
    if (!(t.startOffset > prev && v.startOffset > t.startOffset)) return false;
    prev = v.startOffset;
  }
  return true;
}

/** `node(ctx, key)` given the key's list. */
function firstNode(list: readonly CstElement[]): CstNode | undefined {
  for (const e of list) if (!isToken(e)) return e;
  return undefined;
}

/** `tok(ctx, key)` given the key's list: the first token, unless recovery invented it. */
function realToken(list: readonly CstElement[]): IToken | undefined {
  for (const e of list) if (isToken(e)) return e.isInsertedInRecovery ? undefined : e;
  return undefined;
}

const ELSE = T.Else.name;
const CMP_OP = T.CmpOp.name;

/** The first token of a key, also one recovery inserted. */
function firstToken(ctx: Ctx, name: string): IToken | undefined {
  const list = ctx[name];
  if (list === undefined) return undefined;
  for (const e of list) if (isToken(e)) return e;
  return undefined;
}

/** `spanOf(a, b)` for two spans that are each usable or NO_SPAN. */
function join(a: Span, b: Span): Span {
  if (a === NO_SPAN) return b;
  if (b === NO_SPAN) return a;
  return { start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}

/** Keys of an `arith` node: operands' parts and the binary operators. */
const ARITH_KEYS: readonly string[] = [
  T.Minus.name, T.NumberLit.name, T.PercentLit.name, T.BoolLit.name, T.Total.name, T.Identifier.name, T.Dot.name,
  T.PropWord.name, T.LParen.name, 'propOf', T.RParen.name, 'callExpr', 'parenExpr', 'tableExpr', T.AddOp.name, T.MulOp.name,
  T.Caret.name,
];
const CARET = T.Caret.name;

const COMPARE_OPS: ReadonlyMap<string, A.CompareOp> = new Map([
  [T.GtEq.name, '>='],
  [T.LtEq.name, '<='],
  [T.NotEq.name, '!='],
  [T.Eq.name, '='],
  [T.Lt.name, '<'],
  [T.Gt.name, '>'],
]);
const BOUND_OPS: ReadonlyMap<string, '>=' | '>' | '<=' | '<'> = new Map([
  [T.GtEq.name, '>='],
  [T.LtEq.name, '<='],
  [T.Lt.name, '<'],
  [T.Gt.name, '>'],
]);
const SCALARS: ReadonlyMap<string, A.ScalarType['name']> = new Map([
  [T.BooleanKw.name, 'boolean'],
  [T.IntegerKw.name, 'integer'],
  [T.NumberKw.name, 'number'],
  [T.PercentKw.name, 'percent'],
]);
const PROPS: ReadonlyMap<string, A.PropName> = new Map([
  [T.Score.name, 'score'],
  [T.Share.name, 'share'],
  [T.Weight.name, 'weight'],
  [T.PointsKw.name, 'points'],
  [T.Value.name, 'value'],
  [T.Fired.name, 'fired'],
  [T.Decided.name, 'decided'],
  [T.Holds.name, 'holds'],
]);
const FNS: ReadonlyMap<string, A.CallFn> = new Map([
  [T.Min.name, 'min'],
  [T.Max.name, 'max'],
  [T.Abs.name, 'abs'],
  [T.Known.name, 'known'],
  [T.Ceil.name, 'ceil'],
  [T.Floor.name, 'floor'],
  [T.Round.name, 'round'],
]);
const ROUNDING_MODES: ReadonlyMap<string, A.RoundingModeName> = new Map([
  ['half_up', 'half_up'],
  ['half_even', 'half_even'],
  ['half_down', 'half_down'],
]);

/** What a declaration is called in A116 and A118. */
function declWords(kind: 'derive' | 'total', id: string | undefined): DiagArgs {
  return kind === 'derive'
    ? { what: `the derived value \`${id ?? ''}\``, 'what@zh-Hans': `派生值 \`${id ?? ''}\` `, 'what@zh-Hant': `衍生值 \`${id ?? ''}\` ` }
    : { what: 'the formula total', 'what@zh-Hans': '公式总分', 'what@zh-Hant': '公式總分' };
}
const DERIVE_TYPES: DiagArgs = {
  allowed: '`number`, `integer`, `percent`, `boolean` (with a domain) or `enum { … }`',
  'allowed@zh-Hans': ' `number`、`integer`、`percent`、`boolean`（可带取值范围）或 `enum { … }`',
  'allowed@zh-Hant': ' `number`、`integer`、`percent`、`boolean`（可帶取值範圍）或 `enum { … }`',
};
const TOTAL_TYPES: DiagArgs = { allowed: '`number` (with a domain)', 'allowed@zh-Hans': ' `number`（可带取值范围）', 'allowed@zh-Hant': ' `number`（可帶取值範圍）' };

/** True for an integer literal, possibly negated: `15`, `-1` (the exponent of `^`, the digits of `round`). */
export function isIntegerLiteral(e: A.Expr): boolean {
  const lit = e.kind === 'Unary' && e.op === '-' ? e.operand : e;
  return lit.kind === 'Num' && /^\d+$/.test(lit.text);
}
const DOMAINS: ReadonlyMap<string, A.QuantDomain> = new Map([
  [T.Dimension.name, 'dimension'],
  [T.Indicator.name, 'indicator'],
  [T.Veto.name, 'veto'],
  [T.Prerequisite.name, 'prerequisite'],
]);
const LANG_TAGS: ReadonlyMap<string, A.Lang> = new Map([
  ['zh-Hans', 'zh-Hans'],
  ['zh-Hant', 'zh-Hant'],
  ['en', 'en'],
]);

function nameOf(t: IToken | undefined): A.Name | undefined {
  return t ? { kind: 'Name', name: t.image, span: tokenSpan(t) } : undefined;
}
function strOf(t: IToken | undefined): A.Str | undefined {
  return t ? { kind: 'Str', value: unescapeString(t.image), span: tokenSpan(t) } : undefined;
}
function numOf(t: IToken | undefined): A.Num | undefined {
  return t ? { kind: 'Num', text: t.image, span: tokenSpan(t) } : undefined;
}
function errorExpr(span: Span): A.ErrorExpr {
  return { kind: 'Error', span };
}

/** A node under construction: optional fields are added in order, `span` last. */
type Draft<T> = { -readonly [K in keyof T]?: T[K] };

/** Adds `key: value` only when value is defined (exactOptionalPropertyTypes). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

// --- the visitor ------------------------------------------------------------------------------

const BaseVisitor = theParser().getBaseCstVisitorConstructor<undefined, unknown>();

/**
 * One visitor method per grammar rule (checked by `validateVisitor`). Methods are called directly
 * with the node's children and the node, so each returns its own AST type.
 */
class AstBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];
  private readonly depth = new WeakMap<A.Expr, number>();
  /** Holes that replace a refused (too deep) expression; they absorb their parents. */
  private readonly refused = new WeakSet<A.Expr>();

  constructor() {
    super();
    this.validateVisitor();
  }

  // --- helpers (not rule names) -----------------------------------------------------------

  /** The first clause of a kind; later ones are reported (A104) and dropped. */
  private once(ctx: Ctx, rule: string, clause: string): CstNode | undefined {
    const list = ctx[rule];
    if (list === undefined) return undefined;
    if (list.length === 1) {
      const only = list[0];
      return only !== undefined && !isToken(only) ? only : undefined;
    }
    const all = nodes(ctx, rule);
    const first = all[0];
    for (let i = 1; i < all.length; i++) {
      const extra = all[i] as CstNode;
      const related = first ? [{ span: spanOf(first), code: 'A901' as const }] : [];
      this.diagnostics.push(diag('A104', spanOf(extra), { clause }, { related }));
    }
    return first;
  }

  private text(n: CstNode | undefined): A.Text | undefined {
    return n ? this.textNode(n.children, n) : undefined;
  }

  private labelOf(ctx: Ctx): A.Text | undefined {
    const n = this.once(ctx, 'labelClause', 'label');
    return n ? this.labelClause(n.children) : undefined;
  }

  private expr(n: CstNode | undefined, build: (c: Ctx, n: CstNode) => A.Expr, fallback: Span): A.Expr {
    return n ? build(n.children, n) : errorExpr(fallback);
  }

  private exprOf(n: CstNode | undefined, fallback: Span = NO_SPAN): A.Expr {
    return this.expr(n, (c, nn) => this.expression(c, nn), fallback);
  }

  private depthOf(e: A.Expr): number {
    return this.depth.get(e) ?? 1;
  }

  /** Records the depth of a composite expression; refuses it when too deep (A111, once per expression). */
  private composite(e: A.Expr, ...children: A.Expr[]): A.Expr {
    const refusedChild = children.find((c) => this.refused.has(c));
    if (refusedChild) return refusedChild;
    const d = 1 + Math.max(0, ...children.map((c) => this.depthOf(c)));
    if (d > MAX_EXPR_DEPTH) {
      this.diagnostics.push(diag('A111', e.span, { limit: MAX_EXPR_DEPTH }));
      const hole = errorExpr(e.span);
      this.refused.add(hole);
      return hole;
    }
    this.depth.set(e, d);
    return e;
  }

  /** Folds `a op b op c` to the left. */
  private fold<Op extends A.ArithOp | 'and' | 'or'>(
    operands: A.Expr[],
    ops: readonly IToken[],
    opOf: (t: IToken) => Op,
  ): A.Expr {
    let left = operands[0] ?? errorExpr(NO_SPAN);
    for (let i = 0; i < ops.length; i++) {
      const opTok = ops[i];
      if (!opTok) break;
      const right = operands[i + 1] ?? errorExpr(spanOf(opTok));
      const node: A.BinaryExpr = { kind: 'Binary', op: opOf(opTok), left, right, span: spanOf(left.span, right.span, opTok) };
      left = this.composite(node, left, right);
    }
    return left;
  }

  // --- file and header --------------------------------------------------------------------

  ruleset(ctx: Ctx, n?: CstNode): Omit<A.Ruleset, 'comments'> {
    const h = node(ctx, 'header');
    const items: A.TopItem[] = [];
    for (const item of nodes(ctx, 'topItem')) {
      const built = this.topItem(item.children);
      if (built) items.push(built);
    }
    if (!h) this.diagnostics.push(diag('A112', n ? firstTokenSpan(n) : { start: 0, end: 0 }));
    const header = h ? this.header(h.children, h) : undefined;
    return {
      kind: 'Ruleset',
      id: header?.id ?? { kind: 'Str', value: '', span: NO_SPAN },
      header: header?.header ?? { span: NO_SPAN },
      items,
      span: n ? spanOf(n) : NO_SPAN,
    };
  }

  header(ctx: Ctx, n?: CstNode): { id: A.Str | undefined; header: A.RulesetHeader } {
    const version = this.once(ctx, 'versionClause', 'version');
    const status = this.once(ctx, 'statusClause', 'status');
    const date = this.once(ctx, 'dateClause', 'date');
    const title = this.once(ctx, 'titleClause', 'title');
    const total = this.once(ctx, 'totalClause', 'total');
    const evidence = this.once(ctx, 'evidenceClause', 'evidence required');
    const precision = this.once(ctx, 'precisionClause', 'precision');
    const dateTok = date ? tok(date.children, T.DateLit.name) : undefined;
    return {
      id: strOf(tok(ctx, T.StringLit.name)),
      header: {
        ...opt('version', version ? this.versionClause(version.children) : undefined),
        ...opt('status', status ? this.statusClause(status.children) : undefined),
        ...opt('date', dateTok ? { kind: 'Date' as const, text: dateTok.image, span: spanOf(dateTok) } : undefined),
        ...opt('title', title ? this.titleClause(title.children) : undefined),
        ...opt('total', total ? this.totalClause(total.children) : undefined),
        ...opt('evidenceRequired', evidence ? this.evidenceClause(evidence.children, evidence) : undefined),
        ...opt('precision', precision ? this.precisionClause(precision.children) : undefined),
        span: n ? spanOf(n) : NO_SPAN,
      },
    };
  }

  versionClause(ctx: Ctx): A.Str | undefined {
    return strOf(tok(ctx, T.StringLit.name));
  }
  statusClause(ctx: Ctx): A.Str | undefined {
    return strOf(tok(ctx, T.StringLit.name));
  }
  dateClause(ctx: Ctx): IToken | undefined {
    return tok(ctx, T.DateLit.name);
  }
  titleClause(ctx: Ctx): A.Text | undefined {
    return this.text(node(ctx, 'text'));
  }
  totalClause(ctx: Ctx): A.Num | undefined {
    return numOf(tok(ctx, T.NumberLit.name));
  }
  evidenceClause(_ctx: Ctx, n: CstNode): Span {
    return nodeSpan(n);
  }
  /** `precision 4`: a count of digits, so a whole number (A102 otherwise). */
  precisionClause(ctx: Ctx): A.Num | undefined {
    const t = tok(ctx, T.NumberLit.name);
    if (t && t.image.includes('.')) {
      this.diagnostics.push(diag('A102', tokenSpan(t), { ...wordsArgs('expected', PHRASES.wholeNumber), ...wordsArgs('found', foundWords(t)) }));
    }
    return numOf(t);
  }

  topItem(ctx: Ctx): A.TopItem | undefined {
    const m = node(ctx, 'methodDecl');
    if (m) return this.methodDecl(m.children, m);
    const i = node(ctx, 'inputDecl');
    if (i) return this.inputDecl(i.children, i);
    const dv = node(ctx, 'deriveDecl');
    if (dv) return this.deriveDecl(dv.children, dv);
    const t = node(ctx, 'totalDecl');
    if (t) return this.totalDecl(t.children, t);
    const d = node(ctx, 'dimensionDecl');
    if (d) return this.dimensionDecl(d.children, d);
    const p = node(ctx, 'prerequisiteDecl');
    if (p) return this.prerequisiteDecl(p.children, p);
    const v = node(ctx, 'vetoDecl');
    if (v) return this.vetoDecl(v.children, v);
    const l = node(ctx, 'levelsDecl');
    if (l) return this.levelsDecl(l.children, l);
    return undefined;
  }

  // --- shared clauses ---------------------------------------------------------------------

  textNode(ctx: Ctx, n: CstNode): A.Text {
    const entries: A.TextEntry[] = [];
    const tags = ctx[T.LangTag.name];
    const strs = ctx[T.StringLit.name];
    if (tags !== undefined && strs !== undefined && alternate(tags, strs)) {
      // the common case: tag, string, tag, string, … as written
      for (let i = 0; i < tags.length; i++) this.textEntry(tags[i] as IToken, strs[i] as IToken, entries);
    } else {
      let tag: IToken | undefined;
      for (const item of ordered(ctx, TEXT_KEYS)) {
        if (!isToken(item)) continue;
        if (item.tokenType === T.LangTag) {
          tag = item;
          continue;
        }
        if (tag && this.textEntry(tag, item, entries)) tag = undefined;
      }
    }
    return { kind: 'Text', entries, span: nodeSpan(n) };
  }

  /** Adds `tag "value"` to `entries` unless its language is there already (A104). False when not an entry. */
  private textEntry(tag: IToken, item: IToken, entries: A.TextEntry[]): boolean {
    const lang = LANG_TAGS.get(tag.image);
    if (!lang) return false;
    const entry: A.TextEntry = { lang, value: { kind: 'Str', value: unescapeString(item.image), span: tokenSpan(item) }, span: join(tokenSpan(tag), tokenSpan(item)) };
    for (const e of entries) {
      if (e.lang !== lang) continue;
      this.diagnostics.push(diag('A104', entry.span, { clause: lang }, { related: [{ span: e.span, code: 'A901' }] }));
      return true;
    }
    entries.push(entry);
    return true;
  }
  labelClause(ctx: Ctx): A.Text | undefined {
    return this.text(node(ctx, 'text'));
  }
  weightClause(ctx: Ctx): A.Num | undefined {
    return numOf(tok(ctx, T.NumberLit.name));
  }
  unitClause(ctx: Ctx): A.Str | undefined {
    return strOf(tok(ctx, T.StringLit.name));
  }
  noteClause(ctx: Ctx): A.Str | undefined {
    return strOf(tok(ctx, T.StringLit.name));
  }
  requireClause(ctx: Ctx, n?: CstNode): A.Expr {
    return this.exprOf(node(ctx, 'expression'), n ? spanOf(n) : NO_SPAN);
  }
  whenClause(ctx: Ctx, n?: CstNode): A.Expr {
    return this.exprOf(node(ctx, 'expression'), n ? spanOf(n) : NO_SPAN);
  }

  private clause<R>(ctx: Ctx, rule: string, word: string, build: (c: Ctx, n: CstNode) => R): R | undefined {
    const n = this.once(ctx, rule, word);
    return n ? build(n.children, n) : undefined;
  }

  // --- methods and inputs -----------------------------------------------------------------

  methodDecl(ctx: Ctx, n: CstNode): A.MethodDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    return { kind: 'Method', id, ...opt('label', this.labelOf(ctx)), span: spanOf(n) };
  }

  inputDecl(ctx: Ctx, n: CstNode): A.InputDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    const typeNode = node(ctx, 'typeExpr');
    const type = typeNode ? this.typeExpr(typeNode.children, typeNode) : undefined;
    if (!id || !type) return undefined;
    return {
      kind: 'Input',
      id,
      type,
      ...opt('label', this.labelOf(ctx)),
      ...opt('unit', this.clause(ctx, 'unitClause', 'unit', (c) => this.unitClause(c))),
      ...opt('note', this.clause(ctx, 'noteClause', 'note', (c) => this.noteClause(c))),
      ...opt('required', this.clause(ctx, 'requiredClause', 'required', (c, nn) => this.requiredClause(c, nn))),
      span: spanOf(n),
    };
  }
  requiredClause(_ctx: Ctx, n: CstNode): Span {
    return nodeSpan(n);
  }

  // --- derived values and the formula total -----------------------------------------------

  deriveDecl(ctx: Ctx, n: CstNode): A.DeriveDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    const words = declWords('derive', id.name);
    const type = this.declaredType(ctx, (t) => t.kind !== 'Object', words, DERIVE_TYPES);
    return {
      kind: 'Derive',
      id,
      ...opt('type', type?.kind === 'Object' ? undefined : type),
      ...this.formulaBody(ctx, n, words),
      span: spanOf(n),
    };
  }
  totalDecl(ctx: Ctx, n: CstNode): A.TotalDecl {
    const type = this.declaredType(ctx, (t) => t.kind === 'Scalar' && t.name === 'number', declWords('total', undefined), TOTAL_TYPES);
    return {
      kind: 'TotalFormula',
      ...opt('type', type?.kind === 'Scalar' ? type : undefined),
      ...this.formulaBody(ctx, n, declWords('total', undefined)),
      span: spanOf(n),
    };
  }

  /** The `: type` of a derive or total declaration; one that `allowed` refuses is reported (A116) and dropped. */
  private declaredType(ctx: Ctx, allowed: (t: A.TypeExpr) => boolean, words: DiagArgs, allowedWords: DiagArgs): A.TypeExpr | undefined {
    const t = node(ctx, 'typeExpr');
    const type = t ? this.typeExpr(t.children, t) : undefined;
    if (type === undefined || allowed(type)) return type;
    const shown = type.kind === 'Scalar' ? type.name : type.kind === 'Enum' ? 'enum' : 'object';
    this.diagnostics.push(diag('A116', type.span, { ...words, ...allowedWords, type: shown }));
    return undefined;
  }

  /** label, unit, note and the one `formula` of a derive or total block (A118 when it has none). */
  private formulaBody(ctx: Ctx, n: CstNode, words: DiagArgs): { label?: A.Text; unit?: A.Str; note?: A.Str; formula: A.Expr } {
    const f = this.once(ctx, 'formulaClause', 'formula');
    let formula: A.Expr;
    if (f) {
      formula = this.formulaClause(f.children, f).expr;
    } else {
      const head = firstTokenSpan(n);
      this.diagnostics.push(diag('A118', head, words));
      formula = errorExpr(head);
    }
    return {
      ...opt('label', this.labelOf(ctx)),
      ...opt('unit', this.clause(ctx, 'unitClause', 'unit', (c) => this.unitClause(c))),
      ...opt('note', this.clause(ctx, 'noteClause', 'note', (c) => this.noteClause(c))),
      formula,
    };
  }

  // --- types ------------------------------------------------------------------------------

  typeExpr(ctx: Ctx, n?: CstNode): A.TypeExpr | undefined {
    const word = tok(ctx, T.ScalarTypeWord.name);
    if (word) {
      const name = SCALARS.get(word.tokenType.name);
      if (!name) return undefined;
      const d = node(ctx, 'domain');
      const domain = d ? this.domain(d.children, d) : undefined;
      const span = n ? nodeSpan(n) : spanOf(word, d);
      return domain !== undefined ? { kind: 'Scalar', name, domain, span } : { kind: 'Scalar', name, span };
    }
    const e = node(ctx, 'enumType');
    if (e) return this.enumType(e.children, e);
    const o = node(ctx, 'objectType');
    if (o) return this.objectType(o.children, o);
    return undefined;
  }
  domain(ctx: Ctx, n: CstNode): A.Domain | undefined {
    const nums: A.Num[] = [];
    let minus: IToken | undefined;
    for (const t of ordered(ctx, [T.Minus.name, T.NumberLit.name])) {
      if (!isToken(t) || t.isInsertedInRecovery) continue;
      if (t.tokenType === T.Minus) {
        minus = t;
        continue;
      }
      nums.push({ kind: 'Num', text: minus ? `-${t.image}` : t.image, span: spanOf(minus, t) });
      minus = undefined;
    }
    const opTok = tok(ctx, T.BoundOp.name);
    if (opTok) {
      const op = BOUND_OPS.get(opTok.tokenType.name);
      const value = nums[0];
      return op && value ? { kind: 'Bound', op, value, span: spanOf(n) } : undefined;
    }
    const [min, max] = nums;
    return min && max ? { kind: 'Range', min, max, span: spanOf(n) } : undefined;
  }
  enumType(ctx: Ctx, n: CstNode): A.EnumType {
    const values = toks(ctx, T.Identifier.name)
      .map(nameOf)
      .filter((x): x is A.Name => x !== undefined);
    return { kind: 'Enum', values, span: spanOf(n) };
  }
  objectType(ctx: Ctx, n: CstNode): A.ObjectType {
    const fields: A.ObjectField[] = [];
    for (const f of nodes(ctx, 'objectField')) {
      const field = this.objectField(f.children, f);
      if (field) fields.push(field);
    }
    return { kind: 'Object', fields, span: spanOf(n) };
  }
  objectField(ctx: Ctx, n: CstNode): A.ObjectField | undefined {
    const name = nameOf(tok(ctx, T.Identifier.name));
    const t = node(ctx, 'typeExpr');
    const type = t ? this.typeExpr(t.children, t) : undefined;
    return name && type ? { name, type, span: spanOf(n) } : undefined;
  }

  // --- dimensions and indicators ----------------------------------------------------------

  dimensionDecl(ctx: Ctx, n: CstNode): A.DimensionDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    const indicators: A.IndicatorDecl[] = [];
    for (const i of nodes(ctx, 'indicatorDecl')) {
      const built = this.indicatorDecl(i.children, i);
      if (built) indicators.push(built);
    }
    const d: Draft<A.DimensionDecl> = { kind: 'Dimension', id };
    const label = this.labelOf(ctx);
    if (label !== undefined) d.label = label;
    const w = this.once(ctx, 'weightClause', 'weight');
    const weight = w ? this.weightClause(w.children) : undefined;
    if (weight !== undefined) d.weight = weight;
    d.indicators = indicators;
    d.span = nodeSpan(n);
    return d as A.DimensionDecl;
  }

  indicatorDecl(ctx: Ctx, n: CstNode): A.IndicatorDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    const typeNode = this.once(ctx, 'typeClause', 'type');
    const typeExprNode = typeNode ? node(typeNode.children, 'typeExpr') : undefined;
    // Optional fields are set in declaration order, one by one (no spread objects: thousands of indicators).
    const d: Draft<A.IndicatorDecl> = { kind: 'Indicator', id };
    const label = this.labelOf(ctx);
    if (label !== undefined) d.label = label;
    const w = this.once(ctx, 'weightClause', 'weight');
    const weight = w ? this.weightClause(w.children) : undefined;
    if (weight !== undefined) d.weight = weight;
    const type = typeExprNode ? this.typeExpr(typeExprNode.children, typeExprNode) : undefined;
    if (type !== undefined) d.type = type;
    const u = this.once(ctx, 'unitClause', 'unit');
    const unit = u ? this.unitClause(u.children) : undefined;
    if (unit !== undefined) d.unit = unit;
    const dir = this.once(ctx, 'directionClause', 'higher/lower is better');
    const direction = dir ? this.directionClause(dir.children, dir) : undefined;
    if (direction !== undefined) d.direction = direction;
    const m = this.once(ctx, 'methodsClause', 'methods');
    if (m) d.methods = this.methodsClause(m.children, m);
    const b = this.once(ctx, 'basisClause', 'basis');
    const basis = b ? this.basisClause(b.children) : undefined;
    if (basis !== undefined) d.basis = basis;
    const a = this.once(ctx, 'appliesClause', 'applies when');
    if (a) d.applies = this.appliesClause(a.children, a);
    const f = this.once(ctx, 'formerlyClause', 'formerly');
    if (f) d.formerly = this.formerlyClause(f.children);
    const r = ctx['requiredClause'] === undefined ? undefined : this.once(ctx, 'requiredClause', 'required');
    if (r) d.required = this.requiredClause(r.children, r);
    const scoring = this.scoring(ctx);
    if (scoring !== undefined) d.scoring = scoring;
    d.span = nodeSpan(n);
    return d as A.IndicatorDecl;
  }

  /** The first scoring form; a second one is A104 (same form) or A110 (another form). */
  private scoring(ctx: Ctx): A.Scoring | undefined {
    const bands = ctx['bandsClause'];
    const map = ctx['mapClause'];
    const formula = ctx['formulaClause'];
    // the common case: one form, once
    if (bands !== undefined && bands.length === 1 && map === undefined && formula === undefined) {
      const b = bands[0];
      if (b !== undefined && !isToken(b)) return this.bandsClause(b.children, b);
    } else if (map !== undefined && map.length === 1 && bands === undefined && formula === undefined) {
      const b = map[0];
      if (b !== undefined && !isToken(b)) return this.mapClause(b.children, b);
    } else if (bands === undefined && map === undefined && formula === undefined) {
      return undefined;
    }
    const forms = [
      ...nodes(ctx, 'bandsClause').map((n) => ({ n, word: 'bands' })),
      ...nodes(ctx, 'mapClause').map((n) => ({ n, word: 'map' })),
      ...nodes(ctx, 'formulaClause').map((n) => ({ n, word: 'formula' })),
    ].sort((a, b) => spanOf(a.n).start - spanOf(b.n).start);
    const first = forms[0];
    if (!first) return undefined;
    for (const extra of forms.slice(1)) {
      const related = [{ span: spanOf(first.n), code: 'A901' as const }];
      if (extra.word === first.word) this.diagnostics.push(diag('A104', spanOf(extra.n), { clause: extra.word }, { related }));
      else this.diagnostics.push(diag('A110', spanOf(extra.n), { first: first.word, second: extra.word }, { related }));
    }
    switch (first.word) {
      case 'bands':
        return this.bandsClause(first.n.children, first.n);
      case 'map':
        return this.mapClause(first.n.children, first.n);
      default:
        return this.formulaClause(first.n.children, first.n);
    }
  }

  typeClause(ctx: Ctx): A.TypeExpr | undefined {
    const t = node(ctx, 'typeExpr');
    return t ? this.typeExpr(t.children, t) : undefined;
  }
  directionClause(ctx: Ctx, n: CstNode): { value: A.Direction; span: Span } | undefined {
    const word = tok(ctx, T.DirectionWord.name);
    if (!word) return undefined;
    return { value: word.tokenType === T.Lower ? 'lower' : 'higher', span: nodeSpan(n) };
  }
  methodsClause(ctx: Ctx, n: CstNode): { refs: A.MethodRef[]; span: Span } {
    const refs: A.MethodRef[] = [];
    for (const r of nodes(ctx, 'methodRef')) {
      const ref = this.methodRef(r.children, r);
      if (ref) refs.push(ref);
    }
    return { refs, span: nodeSpan(n) };
  }
  methodRef(ctx: Ctx, n: CstNode): A.MethodRef | undefined {
    const method = nameOf(tok(ctx, T.Identifier.name));
    if (!method) return undefined;
    const note = strOf(tok(ctx, T.StringLit.name));
    return note !== undefined ? { method, note, span: nodeSpan(n) } : { method, span: nodeSpan(n) };
  }
  basisClause(ctx: Ctx): A.Str | undefined {
    return strOf(tok(ctx, T.StringLit.name));
  }
  appliesClause(ctx: Ctx, n: CstNode): A.Expr {
    return this.exprOf(node(ctx, 'expression'), spanOf(n));
  }
  formerlyClause(ctx: Ctx): A.Name[] {
    return toks(ctx, T.Identifier.name)
      .map(nameOf)
      .filter((x): x is A.Name => x !== undefined);
  }

  // --- scoring ----------------------------------------------------------------------------

  bandsClause(ctx: Ctx, n: CstNode): A.BandsScoring {
    const bands: A.Band[] = [];
    for (const b of nodes(ctx, 'band')) {
      const band = this.band(b.children, b);
      if (band) bands.push(band);
    }
    return { kind: 'Bands', bands, span: nodeSpan(n) };
  }
  band(ctx: Ctx, n: CstNode): A.Band | undefined {
    // one pass over the keys there are (a band has few) instead of a probe per key it might have
    let p: CstNode | undefined;
    let elseTok: IToken | undefined;
    let opTok: IToken | undefined;
    let exprNode: CstNode | undefined;
    let arithNode: CstNode | undefined;
    for (const key in ctx) {
      const list = ctx[key];
      if (list === undefined) continue;
      if (key === 'points') p = firstNode(list);
      else if (key === ELSE) elseTok = realToken(list);
      else if (key === CMP_OP) opTok = realToken(list);
      else if (key === 'expression') exprNode = firstNode(list);
      else if (key === 'arith') arithNode = firstNode(list);
    }
    if (!p) return undefined;
    const points = this.points(p.children, p);
    let cond: A.BandCond;
    if (elseTok) {
      cond = { kind: 'Else', span: tokenSpan(elseTok) };
    } else if (opTok) {
      const op = COMPARE_OPS.get(opTok.tokenType.name) ?? '=';
      const opSpan = tokenSpan(opTok);
      const bound = this.arithOf(arithNode, opSpan);
      cond = { kind: 'Compare', op, bound, span: join(opSpan, bound.span) };
    } else if (exprNode) {
      const expr = this.exprOf(exprNode);
      cond = { kind: 'Cond', expr, span: expr.span };
    } else {
      return undefined;
    }
    return { cond, points, span: nodeSpan(n) };
  }
  mapClause(ctx: Ctx, n: CstNode): A.MapScoring {
    const entries: A.MapEntry[] = [];
    for (const e of nodes(ctx, 'mapEntry')) {
      const entry = this.mapEntry(e.children, e);
      if (entry) entries.push(entry);
    }
    return { kind: 'Map', entries, span: spanOf(n) };
  }
  mapEntry(ctx: Ctx, n: CstNode): A.MapEntry | undefined {
    const p = node(ctx, 'points');
    const elseTok = tok(ctx, T.Else.name);
    const key = elseTok ? { kind: 'Else' as const, span: tokenSpan(elseTok) } : nameOf(tok(ctx, T.Identifier.name));
    if (!p || !key) return undefined;
    return { key, points: this.points(p.children, p), span: nodeSpan(n) };
  }
  points(ctx: Ctx, n: CstNode): A.Points {
    const ariths = nodes(ctx, 'arith');
    const valueNode = ariths[0];
    const span = nodeSpan(n);
    const value = this.arithOf(valueNode, span);
    const when = firstToken(ctx, T.When.name);
    if (!when) return { value, span };
    const otherwiseNode = ariths[1];
    const cond = this.exprOf(node(ctx, 'expression'), tokenSpan(when));
    const otherwise = this.arithOf(otherwiseNode, span);
    return { value, when: cond, otherwise, span };
  }
  formulaClause(ctx: Ctx, n: CstNode): A.FormulaScoring {
    return { kind: 'Formula', expr: this.exprOf(node(ctx, 'expression'), spanOf(n)), span: spanOf(n) };
  }

  // --- prerequisites, vetoes, levels ------------------------------------------------------

  private requires(ctx: Ctx): A.Expr[] {
    return nodes(ctx, 'requireClause').map((r) => this.requireClause(r.children, r));
  }

  prerequisiteDecl(ctx: Ctx, n: CstNode): A.PrerequisiteDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    return { kind: 'Prerequisite', id, ...opt('label', this.labelOf(ctx)), requires: this.requires(ctx), span: spanOf(n) };
  }
  vetoDecl(ctx: Ctx, n: CstNode): A.VetoDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    return {
      kind: 'Veto',
      id,
      ...opt('label', this.labelOf(ctx)),
      ...opt('when', this.clause(ctx, 'whenClause', 'when', (c, nn) => this.whenClause(c, nn))),
      span: spanOf(n),
    };
  }
  levelsDecl(ctx: Ctx, n: CstNode): A.LevelLadder {
    const levels: A.LevelDecl[] = [];
    for (const l of nodes(ctx, 'levelDecl')) {
      const level = this.levelDecl(l.children, l);
      if (level) levels.push(level);
    }
    const f = this.once(ctx, 'fallbackDecl', 'fallback');
    const fallback = f ? this.fallbackDecl(f.children, f) : undefined;
    return {
      kind: 'Levels',
      cumulative: tok(ctx, T.Cumulative.name) !== undefined,
      levels,
      ...opt('fallback', fallback),
      span: spanOf(n),
    };
  }
  levelDecl(ctx: Ctx, n: CstNode): A.LevelDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    return { kind: 'Level', id, ...opt('label', this.labelOf(ctx)), requires: this.requires(ctx), span: spanOf(n) };
  }
  fallbackDecl(ctx: Ctx, n: CstNode): A.FallbackDecl | undefined {
    const id = nameOf(tok(ctx, T.Identifier.name));
    if (!id) return undefined;
    return { kind: 'Fallback', id, ...opt('label', this.labelOf(ctx)), span: spanOf(n) };
  }

  // --- expressions ------------------------------------------------------------------------

  expression(ctx: Ctx, n?: CstNode): A.Expr {
    const span = n ? spanOf(n) : NO_SPAN;
    const i = node(ctx, 'ifExpr');
    if (i) return this.ifExpr(i.children, i);
    const q = node(ctx, 'quantExpr');
    if (q) return this.quantExpr(q.children, q);
    // not* cmp ((and|or) not* cmp)*, with `or` looser than `and` looser than `not`
    const items = ordered(ctx, [T.Not.name, 'cmpExpr', T.Or.name, T.And.name]);
    let at = 0;
    const isTok = (t: (typeof T)['Not']): boolean => {
      const x = items[at];
      return x !== undefined && isToken(x) && x.tokenType === t;
    };
    const notOperand = (): A.Expr => {
      const nots: IToken[] = [];
      for (let x = items[at]; x !== undefined && isToken(x) && x.tokenType === T.Not; x = items[++at]) nots.push(x);
      const item = items[at];
      let operand: A.Expr;
      if (item !== undefined && !isToken(item)) {
        at++;
        operand = this.cmpExpr(item.children, item);
      } else {
        operand = errorExpr(nots.length > 0 ? spanOf(nots[nots.length - 1]) : span);
      }
      for (let k = nots.length - 1; k >= 0; k--) {
        const u: A.UnaryExpr = { kind: 'Unary', op: 'not', operand, span: spanOf(nots[k], operand.span) };
        operand = this.composite(u, operand);
      }
      return operand;
    };
    const chain = (operand: () => A.Expr, opTok: (typeof T)['Or'], op: 'and' | 'or'): A.Expr => {
      const operands = [operand()];
      const ops: IToken[] = [];
      while (isTok(opTok)) {
        ops.push(items[at++] as IToken);
        operands.push(operand());
      }
      return this.fold(operands, ops, () => op);
    };
    if (items.length === 0) return errorExpr(span);
    return chain(() => chain(notOperand, T.And, 'and'), T.Or, 'or');
  }
  ifExpr(ctx: Ctx, n: CstNode): A.Expr {
    const span = spanOf(n);
    const [c, t, e] = nodes(ctx, 'expression');
    const cond = this.exprOf(c, span);
    const then = this.exprOf(t, span);
    const otherwise = this.exprOf(e, span);
    return this.composite({ kind: 'If', cond, then, otherwise, span }, cond, then, otherwise);
  }
  quantExpr(ctx: Ctx, n: CstNode): A.Expr {
    const span = spanOf(n);
    const q = tok(ctx, T.Quantifier.name);
    const d = tok(ctx, T.QuantDomainWord.name);
    const domain = d ? DOMAINS.get(d.tokenType.name) : undefined;
    const body = this.exprOf(node(ctx, 'expression'), span);
    if (!q || !domain) return errorExpr(span);
    const within = nameOf(tok(ctx, T.Identifier.name));
    const e: A.QuantifiedExpr = {
      kind: 'Quantified',
      quantifier: q.tokenType === T.Some ? 'some' : 'every',
      domain,
      ...opt('within', within),
      body,
      span,
    };
    return this.composite(e, body);
  }
  cmpExpr(ctx: Ctx, n: CstNode): A.Expr {
    const span = spanOf(n);
    const [l, r] = nodes(ctx, 'arith');
    const left = this.arithOf(l, span);
    const opTok = tok(ctx, T.CmpOp.name);
    if (opTok) {
      const right = this.arithOf(r, spanOf(opTok));
      const op = COMPARE_OPS.get(opTok.tokenType.name) ?? '=';
      return this.composite({ kind: 'Compare', op, left, right, span }, left, right);
    }
    if (toks(ctx, T.In.name).length > 0) {
      const setNode = node(ctx, 'setExpr');
      const set = setNode ? this.setExpr(setNode.children) : [];
      const negated = tok(ctx, T.Not.name) !== undefined;
      return this.composite({ kind: 'In', negated, operand: left, set, span }, left, ...set);
    }
    return left;
  }

  private arithOf(n: CstNode | undefined, fallback: Span): A.Expr {
    return n ? this.arith(n.children, n) : errorExpr(fallback);
  }

  /**
   * operand ((+|-|*|/) operand)*, flat in the CST: `*` and `/` bind tighter than `+` and `-`, and both
   * fold to the left. An operand is `-`* then a literal, a name `a.b`, a property, a call or `( … )`.
   */
  arith(ctx: Ctx, n: CstNode): A.Expr {
    // Most `arith` nodes hold one part under one key (a number, a name): look at the keys there are rather
    // than probing for every key an operand may have.
    let keys = 0;
    let part: CstElement | undefined;
    for (const key in ctx) {
      keys++;
      const list = ctx[key];
      part = list !== undefined && list.length === 1 && key !== ADD_OP && key !== MUL_OP ? list[0] : undefined;
    }
    if (keys === 1 && part !== undefined) {
      const only = this.singleOperand(part);
      if (only) return only;
    }
    const items = ordered(ctx, ARITH_KEYS);
    const addOps = ctx[T.AddOp.name];
    const mulOps = ctx[T.MulOp.name];
    const binary: ReadonlySet<CstElement> = addOps || mulOps ? new Set([...(addOps ?? []), ...(mulOps ?? [])]) : NO_ELEMENTS;
    let at = 0;
    const peekTok = (): IToken | undefined => {
      const x = items[at];
      return x !== undefined && isToken(x) && !binary.has(x) ? x : undefined;
    };
    const primary = (): A.Expr => {
      const item = items[at];
      if (item === undefined || binary.has(item)) return errorExpr(item && isToken(item) ? spanOf(item) : spanOf(n));
      at++;
      if (!isToken(item)) return this.operandNode(item);
      const span = spanOf(item);
      const literal = literalOf(item, span);
      if (literal !== undefined) return literal;
      switch (item.tokenType) {
        case T.Identifier: {
          const path = [nameOf(item) ?? { kind: 'Name' as const, name: item.image, span }];
          while (peekTok()?.tokenType === T.Dot) {
            at++;
            const next = peekTok();
            if (next?.tokenType !== T.Identifier) break;
            at++;
            path.push({ kind: 'Name', name: next.image, span: spanOf(next) });
          }
          return { kind: 'Ref', path, span: spanOf(...path.map((p) => p.span)) };
        }
        default: {
          const prop = PROPS.get(item.tokenType.name);
          if (prop === undefined) return errorExpr(span);
          if (peekTok()?.tokenType !== T.LParen) return { kind: 'Prop', prop, span };
          at++;
          const of = peekTok()?.tokenType === T.Identifier ? (items[at++] as IToken) : undefined;
          const close = peekTok()?.tokenType === T.RParen ? (items[at++] as IToken) : undefined;
          return { kind: 'Prop', prop, ...opt('of', nameOf(of)), span: spanOf(item, of, close) };
        }
      }
    };
    const caret = (): IToken | undefined => {
      const x = items[at];
      return x !== undefined && isToken(x) && x.tokenType === T.Caret ? x : undefined;
    };
    // `-`* primary (`^` `-`* primary)*: `^` binds tighter than the minuses before its base and groups to the
    // right (`-a ^ -b ^ c` = -(a ^ -(b ^ c))); built without recursion, however long the chain.
    const operand = (): A.Expr => {
      const segments: { minus: IToken[]; base: A.Expr; caret?: IToken }[] = [];
      for (;;) {
        const minus: IToken[] = [];
        for (let t = peekTok(); t?.tokenType === T.Minus; t = peekTok()) {
          minus.push(t);
          at++;
        }
        const base = primary();
        const c = caret();
        if (c === undefined) {
          segments.push({ minus, base });
          break;
        }
        at++;
        segments.push({ minus, base, caret: c });
      }
      let e: A.Expr | undefined;
      for (let s = segments.length - 1; s >= 0; s--) {
        const seg = segments[s] as (typeof segments)[number];
        if (e === undefined) e = seg.base;
        else {
          if (!isIntegerLiteral(e)) this.diagnostics.push(diag('A115', e.span === NO_SPAN ? spanOf(seg.caret) : e.span));
          const p: A.BinaryExpr = { kind: 'Binary', op: '^', left: seg.base, right: e, span: join(seg.base.span, e.span) };
          e = this.composite(p, seg.base, e);
        }
        for (let k = seg.minus.length - 1; k >= 0; k--) {
          const u: A.UnaryExpr = { kind: 'Unary', op: '-', operand: e, span: spanOf(seg.minus[k], e.span) };
          e = this.composite(u, e);
        }
      }
      return e ?? errorExpr(spanOf(n));
    };
    const isOp = (mul: boolean): boolean => {
      const x = items[at];
      return x !== undefined && isToken(x) && binary.has(x) && (x.tokenType === T.Star || x.tokenType === T.Slash) === mul;
    };
    const term = (): A.Expr => {
      const operands = [operand()];
      const ops: IToken[] = [];
      while (isOp(true)) {
        ops.push(items[at++] as IToken);
        operands.push(operand());
      }
      return this.fold(operands, ops, (t) => (t.tokenType === T.Slash ? '/' : '*'));
    };
    const operands = [term()];
    const ops: IToken[] = [];
    while (isOp(false)) {
      ops.push(items[at++] as IToken);
      operands.push(term());
    }
    return this.fold(operands, ops, (t) => (t.tokenType === T.Minus ? '-' : '+'));
  }

  /**
   * An `arith` of one part that needs no operator handling (most bounds and points): what the general
   * path builds for it, without its machinery. Undefined for anything else.
   */
  private singleOperand(item: CstElement): A.Expr | undefined {
    if (!isToken(item)) return this.operandNode(item);
    const span = tokenSpan(item);
    const literal = literalOf(item, span);
    if (literal !== undefined) return literal;
    switch (item.tokenType) {
      case T.Identifier: {
        const name: A.Name = { kind: 'Name', name: item.image, span };
        return { kind: 'Ref', path: [name], span: span === NO_SPAN ? NO_SPAN : { start: span.start, end: span.end } };
      }
      default: {
        const prop = PROPS.get(item.tokenType.name);
        return prop === undefined ? undefined : { kind: 'Prop', prop, span };
      }
    }
  }

  /** An operand that is a rule of its own: a call, `( … )` or a table. */
  private operandNode(item: CstNode): A.Expr {
    switch (item.name) {
      case 'callExpr':
        return this.callExpr(item.children, item);
      case 'tableExpr':
        return this.tableExpr(item.children, item);
      default:
        return this.parenExpr(item.children, item);
    }
  }

  callExpr(ctx: Ctx, n: CstNode): A.Expr {
    const word = tok(ctx, T.FnWord.name);
    const fn = word ? FNS.get(word.tokenType.name) : undefined;
    const args = nodes(ctx, 'expression').map((x) => this.exprOf(x));
    if (!fn) return errorExpr(spanOf(n));
    if (fn === 'round') return this.roundCall(args, spanOf(n));
    return this.composite({ kind: 'Call', fn, args, span: spanOf(n) }, ...args);
  }

  /**
   * `round(x, d, mode)`: the last argument, when it is a bare name, is the mode (checked here: A114 for a wrong
   * spelling, listing the three); a call without a name there keeps its arguments for the checker to count.
   */
  private roundCall(args: A.Expr[], span: Span): A.Expr {
    const last = args[args.length - 1];
    if (args.length >= 3 && last?.kind === 'Ref' && last.path.length === 1) {
      const word = last.path[0] as A.Name;
      const name = ROUNDING_MODES.get(word.name);
      if (name !== undefined) {
        const rest = args.slice(0, -1);
        const mode: A.RoundingMode = { kind: 'Mode', name, span: word.span };
        return this.composite({ kind: 'Call', fn: 'round', args: rest, mode, span }, ...rest);
      }
      // a misspelt mode stays an argument, so that the text prints back as written
      this.diagnostics.push(diag('A114', last.span, { found: word.name }));
    }
    else if (args.length >= 3 && last !== undefined) this.diagnostics.push(diag('A114', last.span, { found: '…' }));
    return this.composite({ kind: 'Call', fn: 'round', args, span }, ...args);
  }

  /** `table K { … }` / `table (K1, K2) { … }`: entries must match the number of keys (A119); `else` comes last (A117). */
  tableExpr(ctx: Ctx, n: CstNode): A.Expr {
    const keys = nodes(ctx, 'tableKey').map((k) => this.tableKey(k.children, k));
    const entries: A.TableEntry[] = [];
    const values: A.Expr[] = [];
    let elseAt: A.TableEntry | undefined;
    for (const e of nodes(ctx, 'tableEntry')) {
      const entry = this.tableEntry(e.children, e);
      if (!entry) continue;
      if (elseAt) this.diagnostics.push(diag('A117', elseAt.span));
      elseAt = undefined;
      if (Array.isArray(entry.key)) {
        if (keys.length > 0 && entry.key.length !== keys.length) {
          this.diagnostics.push(diag('A119', spanOf(...entry.key.map((k) => k.span)), { found: entry.key.length, keys: keys.length }));
        }
      } else {
        elseAt = entry;
      }
      entries.push(entry);
      values.push(entry.value);
    }
    return this.composite({ kind: 'Table', keys, entries, span: spanOf(n) }, ...values);
  }
  tableKey(ctx: Ctx, n: CstNode): A.RefExpr {
    const path = toks(ctx, T.Identifier.name)
      .map(nameOf)
      .filter((x): x is A.Name => x !== undefined);
    return { kind: 'Ref', path, span: nodeSpan(n) };
  }
  tableEntry(ctx: Ctx, n: CstNode): A.TableEntry | undefined {
    const value = this.arithOf(node(ctx, 'arith'), nodeSpan(n));
    const elseTok = tok(ctx, T.Else.name);
    if (elseTok) return { key: { kind: 'Else', span: tokenSpan(elseTok) }, value, span: nodeSpan(n) };
    const key = toks(ctx, T.Identifier.name)
      .filter((t) => !t.isInsertedInRecovery)
      .map((t) => ({ kind: 'Name' as const, name: t.image, span: tokenSpan(t) }));
    if (key.length === 0) return undefined;
    return { key, value, span: nodeSpan(n) };
  }
  parenExpr(ctx: Ctx, n: CstNode): A.Expr {
    const inner = this.exprOf(node(ctx, 'expression'), spanOf(n));
    const wrapped = { ...inner, span: spanOf(n) };
    this.depth.set(wrapped, this.depthOf(inner));
    if (this.refused.has(inner)) this.refused.add(wrapped);
    return wrapped;
  }
  setExpr(ctx: Ctx): A.Expr[] {
    return nodes(ctx, 'arith').map((x) => this.arith(x.children, x));
  }
}

let builder: AstBuilder | undefined;

export interface BuildResult {
  readonly ast: A.Ruleset;
  readonly diagnostics: Diagnostic[];
}

/**
 * Builds the AST of a file parsed item by item (`parse.ts` does so for files without syntax errors): the
 * ruleset `buildAst` makes from the whole file's CST, with the same diagnostics in the same order (items
 * first, then the header), while each item's CST can be dropped as soon as its AST is built.
 */
export class ItemsBuilder {
  private readonly items: A.TopItem[] = [];
  private readonly b: AstBuilder;

  constructor() {
    builder ??= new AstBuilder();
    this.b = builder;
    this.b.diagnostics.length = 0;
  }

  /** Adds the item of a `topItem` node. */
  item(cst: CstNode): void {
    const built = this.b.topItem(cst.children);
    if (built) this.items.push(built);
  }

  /** The items built so far and the diagnostics of building them (one item reparsed alone: dsl/incremental.ts). */
  built(): { readonly items: readonly A.TopItem[]; readonly diagnostics: readonly Diagnostic[] } {
    const diagnostics = [...this.b.diagnostics];
    this.b.diagnostics.length = 0;
    return { items: this.items, diagnostics };
  }

  /** The ruleset of the items so far, with the `header` node and the span of the whole file's tokens. */
  finish(header: CstNode, span: Span, comments: readonly A.Comment[]): BuildResult {
    const h = this.b.header(header.children, header);
    const diagnostics = [...this.b.diagnostics];
    this.b.diagnostics.length = 0;
    const id = h.id ?? { kind: 'Str', value: '', span: NO_SPAN };
    return { ast: { kind: 'Ruleset', id, header: h.header, items: this.items, span, comments }, diagnostics };
  }
}

/** Builds the AST of a parsed file. `cst` may be a recovered (partial) tree. */
export function buildAst(cst: CstNode, comments: readonly A.Comment[]): BuildResult {
  builder ??= new AstBuilder();
  builder.diagnostics.length = 0;
  const partial = builder.ruleset(cst.children, cst);
  const diagnostics = [...builder.diagnostics];
  builder.diagnostics.length = 0;
  return { ast: { ...partial, comments }, diagnostics };
}
