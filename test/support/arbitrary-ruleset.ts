// Random rulesets for property tests (printer round trip, interchange forms): fast-check arbitraries of ASTs
// and expressions. In: nothing. Out: `ruleset` and `expr` arbitraries whose nodes carry NO_SPAN.

import fc from 'fast-check';
import * as A from '../../dsl/ast';
import { NO_SPAN } from '../../dsl/ast';
import { KEYWORDS, keywordText } from '../../dsl/tokens';

const span = NO_SPAN;
const RESERVED = new Set([...KEYWORDS.map(keywordText), 'en']);

const name: fc.Arbitrary<A.Name> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/)
  .filter((s) => !RESERVED.has(s))
  .map((n) => ({ kind: 'Name', name: n, span }));
const numText = fc.stringMatching(/^\d{1,4}(\.\d{1,3})?$/);
const num: fc.Arbitrary<A.Num> = numText.map((text) => ({ kind: 'Num', text, span }));
const intText = fc.stringMatching(/^\d{1,2}$/);
/** An integer literal, possibly negated (`15`, `-1`): the exponent of `^`, the digits of ceil/floor/round. */
const intLit: fc.Arbitrary<A.Expr> = fc
  .tuple(fc.boolean(), intText)
  .map(([neg, text]): A.Expr => (neg ? { kind: 'Unary', op: '-', operand: { kind: 'Num', text, span }, span } : { kind: 'Num', text, span }));
const signedNum: fc.Arbitrary<A.Num> = fc.tuple(fc.boolean(), numText).map(([neg, t]) => ({ kind: 'Num', text: neg ? `-${t}` : t, span }));
const str: fc.Arbitrary<A.Str> = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('算力规模', '算力規模', 'a "quoted" \\ path', ''))
  .map((value) => ({ kind: 'Str', value, span }));
const text: fc.Arbitrary<A.Text> = fc
  .shuffledSubarray([...A.LANGS])
  .chain((langs) => fc.tuple(...langs.map((lang) => str.map((value): A.TextEntry => ({ lang, value, span })))))
  .map((entries) => ({ kind: 'Text', entries, span }));

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}
/** `T` with fields that may be undefined made optional instead (exactOptionalPropertyTypes). */
type Clean<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
/** Drops undefined fields, as the parser never sets them. */
function clean<const T extends object>(o: T): Clean<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Clean<T>;
}

export const { expr } = fc.letrec<{ expr: A.Expr }>((tie) => {
  const sub = tie('expr');
  const leaf: fc.Arbitrary<A.Expr> = fc.oneof(
    num.map((n): A.Expr => ({ kind: 'Num', text: n.text, span })),
    numText.map((t): A.Expr => ({ kind: 'Percent', text: t, span })),
    fc.boolean().map((value): A.Expr => ({ kind: 'Bool', value, span })),
    fc.constant<A.Expr>({ kind: 'Total', span }),
    fc.array(name, { minLength: 1, maxLength: 3 }).map((path): A.Expr => ({ kind: 'Ref', path, span })),
    fc
      .tuple(fc.constantFrom<A.PropName>('score', 'share', 'weight', 'points', 'value', 'fired', 'decided', 'holds'), optional(name))
      .map(([prop, of]): A.Expr => clean({ kind: 'Prop', prop, of, span })),
  );
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.constantFrom<A.CallFn>('min', 'max', 'abs', 'known'), fc.array(sub, { minLength: 1, maxLength: 3 }))
        .map(([fn, args]): A.Expr => ({ kind: 'Call', fn, args, span })),
      fc
        .tuple(fc.constantFrom<A.CallFn>('ceil', 'floor'), sub, optional(intLit))
        .map(([fn, x, d]): A.Expr => ({ kind: 'Call', fn, args: d ? [x, d] : [x], span })),
      fc
        .tuple(sub, intLit, fc.constantFrom<A.RoundingModeName>('half_up', 'half_even', 'half_down'))
        .map(([x, d, mode]): A.Expr => ({ kind: 'Call', fn: 'round', args: [x, d], mode: { kind: 'Mode', name: mode, span }, span })),
      fc.tuple(sub, intLit).map(([left, right]): A.Expr => ({ kind: 'Binary', op: '^', left, right, span })),
      fc
        .tuple(fc.array(fc.array(name, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), fc.array(sub, { maxLength: 4 }), optional(sub))
        .chain(([keyPaths, values, otherwise]) =>
          fc.tuple(...values.map(() => fc.array(name, { minLength: keyPaths.length, maxLength: keyPaths.length }))).map((keys): A.Expr => {
            const entries: A.TableEntry[] = values.map((value, i) => ({ key: keys[i] ?? [], value, span }));
            if (otherwise) entries.push({ key: { kind: 'Else', span }, value: otherwise, span });
            return { kind: 'Table', keys: keyPaths.map((path): A.RefExpr => ({ kind: 'Ref', path, span })), entries, span };
          }),
        ),
      fc.tuple(fc.constantFrom<'-' | 'not'>('-', 'not'), sub).map(([op, operand]): A.Expr => ({ kind: 'Unary', op, operand, span })),
      fc
        .tuple(fc.constantFrom<A.BinaryExpr['op']>('+', '-', '*', '/', 'and', 'or'), sub, sub)
        .map(([op, left, right]): A.Expr => ({ kind: 'Binary', op, left, right, span })),
      fc
        .tuple(fc.constantFrom<A.CompareOp>('=', '!=', '<', '<=', '>', '>='), sub, sub)
        .map(([op, left, right]): A.Expr => ({ kind: 'Compare', op, left, right, span })),
      fc
        .tuple(fc.boolean(), sub, fc.array(sub, { minLength: 1, maxLength: 3 }))
        .map(([negated, operand, set]): A.Expr => ({ kind: 'In', negated, operand, set, span })),
      fc.tuple(sub, sub, sub).map(([cond, then, otherwise]): A.Expr => ({ kind: 'If', cond, then, otherwise, span })),
      fc
        .tuple(fc.constantFrom<'every' | 'some'>('every', 'some'), fc.constantFrom<A.QuantDomain>('dimension', 'indicator', 'veto', 'prerequisite'), optional(name), sub)
        .map(([quantifier, domain, within, body]): A.Expr => clean({ kind: 'Quantified', quantifier, domain, within, body, span })),
    ),
  };
});

const { type } = fc.letrec<{ type: A.TypeExpr }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small' },
    fc
      .tuple(
        fc.constantFrom<A.ScalarType['name']>('boolean', 'integer', 'number', 'percent'),
        optional(
          fc.oneof(
            fc.tuple(fc.constantFrom<'>=' | '>' | '<=' | '<'>('>=', '>', '<=', '<'), signedNum).map(([op, value]): A.Domain => ({ kind: 'Bound', op, value, span })),
            fc.tuple(signedNum, signedNum).map(([min, max]): A.Domain => ({ kind: 'Range', min, max, span })),
          ),
        ),
      )
      .map(([n, domain]): A.TypeExpr => clean({ kind: 'Scalar', name: n, domain, span })),
    fc.array(name, { minLength: 1, maxLength: 4 }).map((values): A.TypeExpr => ({ kind: 'Enum', values, span })),
    fc
      .array(fc.tuple(name, tie('type')).map(([n, t]): A.ObjectField => ({ name: n, type: t, span })), { minLength: 1, maxLength: 3 })
      .map((fields): A.TypeExpr => ({ kind: 'Object', fields, span })),
  ),
}));

const points: fc.Arbitrary<A.Points> = fc
  .tuple(expr, optional(fc.tuple(expr, expr)))
  .map(([value, cond]) => (cond ? { value, when: cond[0], otherwise: cond[1], span } : { value, span }));
const bandCond: fc.Arbitrary<A.BandCond> = fc.oneof(
  fc.constant<A.BandCond>({ kind: 'Else', span }),
  fc.tuple(fc.constantFrom<A.CompareOp>('=', '!=', '<', '<=', '>', '>='), expr).map(([op, bound]): A.BandCond => ({ kind: 'Compare', op, bound, span })),
  expr.map((e): A.BandCond => ({ kind: 'Cond', expr: e, span })),
);
const scoring: fc.Arbitrary<A.Scoring> = fc.oneof(
  fc.array(fc.tuple(bandCond, points).map(([cond, p]): A.Band => ({ cond, points: p, span })), { maxLength: 4 }).map((bands): A.Scoring => ({ kind: 'Bands', bands, span })),
  fc
    .array(
      fc.tuple(fc.oneof(name, fc.constant({ kind: 'Else' as const, span })), points).map(([key, p]): A.MapEntry => ({ key, points: p, span })),
      { maxLength: 4 },
    )
    .map((entries): A.Scoring => ({ kind: 'Map', entries, span })),
  expr.map((e): A.Scoring => ({ kind: 'Formula', expr: e, span })),
);

const indicator: fc.Arbitrary<A.IndicatorDecl> = fc
  .record({
    id: name,
    label: optional(text),
    weight: optional(num),
    type: optional(type),
    unit: optional(str),
    direction: optional(fc.constantFrom<A.Direction>('higher', 'lower').map((value) => ({ value, span }))),
    methods: optional(
      fc.array(fc.tuple(name, optional(str)).map(([method, note]): A.MethodRef => clean({ method, note, span })), { minLength: 1, maxLength: 3 }).map((refs) => ({ refs, span })),
    ),
    basis: optional(str),
    applies: optional(expr),
    formerly: optional(fc.array(name, { minLength: 1, maxLength: 2 })),
    required: optional(fc.constant(span)),
    scoring: optional(scoring),
  })
  .map((r) => clean({ kind: 'Indicator' as const, ...r, span }));

const topItem: fc.Arbitrary<A.TopItem> = fc.oneof(
  fc.record({ id: name, label: optional(text) }).map((r): A.TopItem => clean({ kind: 'Method', ...r, span })),
  fc
    .record({ id: name, type, label: optional(text), unit: optional(str), note: optional(str), required: optional(fc.constant(span)) })
    .map((r): A.TopItem => clean({ kind: 'Input', ...r, span })),
  fc
    .record({ id: name, type: optional(type.filter((t): t is A.ScalarType | A.EnumType => t.kind !== 'Object')), label: optional(text), unit: optional(str), note: optional(str), formula: expr })
    .map((r): A.TopItem => clean({ kind: 'Derive', ...r, span })),
  fc
    .record({ type: optional(type.filter((t): t is A.ScalarType => t.kind === 'Scalar' && t.name === 'number')), label: optional(text), unit: optional(str), note: optional(str), formula: expr })
    .map((r): A.TopItem => clean({ kind: 'TotalFormula', ...r, span })),
  fc
    .record({ id: name, label: optional(text), weight: optional(num), indicators: fc.array(indicator, { maxLength: 3 }) })
    .map((r): A.TopItem => clean({ kind: 'Dimension', ...r, span })),
  fc.record({ id: name, label: optional(text), requires: fc.array(expr, { maxLength: 3 }) }).map((r): A.TopItem => clean({ kind: 'Prerequisite', ...r, span })),
  fc.record({ id: name, label: optional(text), when: optional(expr) }).map((r): A.TopItem => clean({ kind: 'Veto', ...r, span })),
  fc
    .record({
      cumulative: fc.boolean(),
      levels: fc.array(
        fc.record({ id: name, label: optional(text), requires: fc.array(expr, { maxLength: 2 }) }).map((r): A.LevelDecl => clean({ kind: 'Level', ...r, span })),
        { maxLength: 3 },
      ),
      fallback: optional(fc.record({ id: name, label: optional(text) }).map((r): A.FallbackDecl => clean({ kind: 'Fallback', ...r, span }))),
    })
    .map((r): A.TopItem => clean({ kind: 'Levels', ...r, span })),
);

export const ruleset: fc.Arbitrary<A.Ruleset> = fc
  .record({
    id: str,
    header: fc
      .record({
        version: optional(str),
        status: optional(str),
        date: optional(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/).map((t): A.DateLit => ({ kind: 'Date', text: t, span }))),
        title: optional(text),
        total: optional(num),
        evidenceRequired: optional(fc.constant(span)),
        precision: optional(intText.map((t): A.Num => ({ kind: 'Num', text: t, span }))),
      })
      .map((h): A.RulesetHeader => clean({ ...h, span })),
    items: fc.array(topItem, { maxLength: 5 }),
  })
  .map((r) => ({ kind: 'Ruleset' as const, ...r, comments: [], span }));
