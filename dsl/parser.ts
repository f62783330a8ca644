// Stage 2, parse: tokens → concrete syntax tree. A pure Chevrotain `CstParser` (grammar only, no actions),
// with error recovery; built once and reused. In: tokens from `lexer.ts`. Out: CST + recognition errors.

import {
  CstParser,
  EOF,
  type CstNode,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type OrMethodOpts,
  type TokenType,
} from 'chevrotain';
import { alternatives, BLOCK_ITEMS, isPhraseKey, PHRASES, tokenTypeWords, type Words } from './token-words';
import * as T from './tokens';

/** Payload of a parse error message: what was expected, in words. Decoded by `parse.ts`. */
export interface ExpectedPayload {
  readonly expected: Words;
}

function payload(expected: Words): string {
  return JSON.stringify({ expected } satisfies ExpectedPayload);
}

function pathsWords(paths: readonly (readonly TokenType[])[]): Words {
  return alternatives(paths.map((p) => (p[0] ? tokenTypeWords(p[0]) : tokenTypeWords(EOF))));
}

/** Messages are structured payloads (JSON), turned into diagnostics with readable words later. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    if (expected === EOF && ruleName === 'ruleset') return payload(PHRASES.topItem);
    const block = BLOCK_ITEMS.get(ruleName);
    if (expected === T.RBrace && block !== undefined) {
      return payload(alternatives([...block, tokenTypeWords(T.RBrace)]));
    }
    return payload(tokenTypeWords(expected));
  },
  buildNotAllInputParsedMessage() {
    return payload(PHRASES.topItem);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, customUserDescription }) {
    if (customUserDescription !== undefined && isPhraseKey(customUserDescription)) {
      return payload(PHRASES[customUserDescription]);
    }
    return payload(pathsWords(expectedPathsPerAlt.flat()));
  },
  buildEarlyExitMessage({ expectedIterationPaths, customUserDescription }) {
    if (customUserDescription !== undefined && isPhraseKey(customUserDescription)) {
      return payload(PHRASES[customUserDescription]);
    }
    return payload(pathsWords(expectedIterationPaths));
  },
};

/**
 * Recovery must never invent a value (names, numbers, strings, dates, …), nor open a bracket: an
 * invented `{` would take the next `}` and cascade.
 */
const NEVER_INSERTED: ReadonlySet<TokenType> = new Set([
  T.LBrace,
  T.LParen,
  T.Identifier,
  T.NumberLit,
  T.PercentLit,
  T.StringLit,
  T.DateLit,
  T.LangTag,
  T.True,
  T.False,
  T.BoolLit,
  T.Total,
]);

export class AssayParser extends CstParser {
  /**
   * `validate: true` runs Chevrotain's grammar validations (ambiguities, left recursion). They cost ~60 ms of
   * every cold start and the grammar is fixed at build time, so the shared instance skips them and a test
   * (test/dsl/grammar.test.ts) builds a validating instance instead.
   */
  constructor(opts: { validate?: boolean } = {}) {
    super([...T.ALL_TOKENS], {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: messages,
      skipValidations: opts.validate !== true,
    });
    this.performSelfAnalysis();
  }

  // Alternatives (`OR`) and repetition bodies (`MANY`, `OPTION`) of the hot rules are fields built once, not
  // literals in the rule: a literal would allocate an array and a closure per alternative at every step, and a
  // large file takes hundreds of thousands of steps. Chevrotain records them the same way either way.

  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return !NEVER_INSERTED.has(tokType);
  }

  /**
   * Opens the CST node of a rule invocation. Chevrotain's own version (an internal hook of its tree builder,
   * chevrotain 11) makes `children` with `Object.create(null)`, which V8 keeps as a slow dictionary: a large
   * file then spends most of its parse time and memory on them. This makes the same node (same keys, same
   * NaN location that recovery with `onlyOffset` tracking starts from) as a plain object with stable shapes.
   * Children are only read by fixed rule and token names, never by user text, so the prototype is harmless.
   */
  protected cstInvocationStateUpdate(fullRuleName: string): void {
    const node: CstNode = { name: fullRuleName, children: {}, location: { startOffset: NaN, endOffset: NaN } };
    (this as unknown as { CST_STACK: CstNode[] }).CST_STACK.push(node);
  }

  /** Parses the current input as one header or one top-level item (see `parseTokensAs`). */
  public parseAs(rule: 'header' | 'topItem'): CstNode {
    return rule === 'header' ? this.header() : this.topItem();
  }

  // --- file and header -----------------------------------------------------------------------

  /** The header is optional here so that a file without one still parses; the AST builder reports it. */
  public ruleset = this.RULE('ruleset', () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(this.oneTopItem);
  });
  private readonly oneTopItem = (): void => void this.SUBRULE(this.topItem);

  private header = this.RULE('header', () => {
    this.CONSUME(T.Ruleset);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.LBrace);
    this.MANY(this.headerItem);
    this.CONSUME(T.RBrace);
  });
  private readonly headerAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.versionClause) },
    { ALT: () => this.SUBRULE(this.statusClause) },
    { ALT: () => this.SUBRULE(this.dateClause) },
    { ALT: () => this.SUBRULE(this.titleClause) },
    { ALT: () => this.SUBRULE(this.totalClause) },
    { ALT: () => this.SUBRULE(this.evidenceClause) },
    { ALT: () => this.SUBRULE(this.precisionClause) },
  ];
  private readonly headerItem = (): void => void this.OR(this.headerAlts);

  private versionClause = this.RULE('versionClause', () => {
    this.CONSUME(T.Version);
    this.CONSUME(T.StringLit);
  });
  private statusClause = this.RULE('statusClause', () => {
    this.CONSUME(T.Status);
    this.CONSUME(T.StringLit);
  });
  private dateClause = this.RULE('dateClause', () => {
    this.CONSUME(T.DateKw);
    this.CONSUME(T.DateLit);
  });
  private titleClause = this.RULE('titleClause', () => {
    this.CONSUME(T.Title);
    this.SUBRULE(this.text);
  });
  private totalClause = this.RULE('totalClause', () => {
    this.CONSUME(T.Total);
    this.CONSUME(T.NumberLit);
  });
  /** `evidence required` */
  private evidenceClause = this.RULE('evidenceClause', () => {
    this.CONSUME(T.Evidence);
    this.CONSUME(T.Required);
  });
  /** `precision 4` */
  private precisionClause = this.RULE('precisionClause', () => {
    this.CONSUME(T.Precision);
    this.CONSUME(T.NumberLit);
  });

  private topItem = this.RULE('topItem', () => {
    this.OR(this.topItemAlts);
  });
  private readonly topItemAlts: OrMethodOpts<unknown> = {
    DEF: [
      { ALT: () => this.SUBRULE(this.methodDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.deriveDecl) },
      { ALT: () => this.SUBRULE(this.totalDecl) },
      { ALT: () => this.SUBRULE(this.dimensionDecl) },
      { ALT: () => this.SUBRULE(this.prerequisiteDecl) },
      { ALT: () => this.SUBRULE(this.vetoDecl) },
      { ALT: () => this.SUBRULE(this.levelsDecl) },
    ],
    ERR_MSG: 'topItem',
  };

  // --- shared clauses ------------------------------------------------------------------------

  private text = this.RULE('text', () => {
    this.CONSUME(T.LBrace);
    this.MANY(this.textEntry);
    this.CONSUME(T.RBrace);
  });
  private readonly textEntry = (): void => {
    this.CONSUME(T.LangTag);
    this.CONSUME(T.StringLit);
  };
  private labelClause = this.RULE('labelClause', () => {
    this.CONSUME(T.Label);
    this.SUBRULE(this.text);
  });
  private readonly oneLabel = (): void => void this.SUBRULE(this.labelClause);
  private weightClause = this.RULE('weightClause', () => {
    this.CONSUME(T.Weight);
    this.CONSUME(T.NumberLit);
  });
  private unitClause = this.RULE('unitClause', () => {
    this.CONSUME(T.Unit);
    this.CONSUME(T.StringLit);
  });
  private noteClause = this.RULE('noteClause', () => {
    this.CONSUME(T.Note);
    this.CONSUME(T.StringLit);
  });
  private requireClause = this.RULE('requireClause', () => {
    this.CONSUME(T.Require);
    this.SUBRULE(this.expression);
  });
  private whenClause = this.RULE('whenClause', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
  });
  /** `required` in an input or indicator block */
  private requiredClause = this.RULE('requiredClause', () => {
    this.CONSUME(T.Required);
  });

  // --- methods and inputs --------------------------------------------------------------------

  private methodDecl = this.RULE('methodDecl', () => {
    this.CONSUME(T.Method);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.oneLabel);
    this.CONSUME(T.RBrace);
  });

  private inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(this.inputItem);
      this.CONSUME(T.RBrace);
    });
  });
  private readonly inputAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.unitClause) },
    { ALT: () => this.SUBRULE(this.noteClause) },
    { ALT: () => this.SUBRULE(this.requiredClause) },
  ];
  private readonly inputItem = (): void => void this.OR(this.inputAlts);

  // --- derived values and the formula total --------------------------------------------------

  /** `derive iss: number 0 to 1 { label {…} unit "…" note "…" formula … }` (the type is optional) */
  private deriveDecl = this.RULE('deriveDecl', () => {
    this.CONSUME(T.Derive);
    this.CONSUME(T.Identifier);
    this.OPTION(this.optDeclaredType);
    this.CONSUME(T.LBrace);
    this.MANY(this.deriveItem);
    this.CONSUME(T.RBrace);
  });
  /** `total: number 0 to 10 { label {…} formula … }` at the top level (the header's `total 100` is another clause) */
  private totalDecl = this.RULE('totalDecl', () => {
    this.CONSUME(T.Total);
    this.OPTION(this.optDeclaredType);
    this.CONSUME(T.LBrace);
    this.MANY(this.deriveItem);
    this.CONSUME(T.RBrace);
  });
  private readonly optDeclaredType = (): void => {
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  };
  private readonly deriveAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.unitClause) },
    { ALT: () => this.SUBRULE(this.noteClause) },
    { ALT: () => this.SUBRULE(this.formulaClause) },
  ];
  private readonly deriveItem = (): void => void this.OR(this.deriveAlts);

  // --- types ---------------------------------------------------------------------------------

  private typeExpr = this.RULE('typeExpr', () => {
    this.OR(this.typeAlts);
  });
  private readonly typeAlts: OrMethodOpts<unknown> = {
    DEF: [
      {
        ALT: () => {
          this.CONSUME(T.ScalarTypeWord);
          this.OPTION(this.optDomain);
        },
      },
      { ALT: () => this.SUBRULE(this.enumType) },
      { ALT: () => this.SUBRULE(this.objectType) },
    ],
    ERR_MSG: 'type',
  };
  private readonly optDomain = (): void => void this.SUBRULE(this.domain);
  /** `>= 0`, `> -1`, `0 to 7`, `-5 to 40.5` */
  private domain = this.RULE('domain', () => {
    this.OR(this.domainAlts);
  });
  private readonly domainAlts: OrMethodOpts<unknown> = {
    DEF: [
      {
        ALT: () => {
          this.CONSUME(T.BoundOp);
          this.OPTION(() => this.CONSUME(T.Minus));
          this.CONSUME(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Minus));
          this.CONSUME2(T.NumberLit);
          this.CONSUME(T.To);
          this.OPTION3(() => this.CONSUME3(T.Minus));
          this.CONSUME3(T.NumberLit);
        },
      },
    ],
    ERR_MSG: 'domain',
  };
  private enumType = this.RULE('enumType', () => {
    this.CONSUME(T.EnumKw);
    this.CONSUME(T.LBrace);
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RBrace);
  });
  private objectType = this.RULE('objectType', () => {
    this.CONSUME(T.ObjectKw);
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.objectField);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.objectField);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RBrace);
  });
  private objectField = this.RULE('objectField', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  // --- dimensions and indicators -------------------------------------------------------------

  private dimensionDecl = this.RULE('dimensionDecl', () => {
    this.CONSUME(T.Dimension);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.dimensionItem);
    this.CONSUME(T.RBrace);
  });
  private readonly dimensionAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.weightClause) },
    { ALT: () => this.SUBRULE(this.indicatorDecl) },
  ];
  private readonly dimensionItem = (): void => void this.OR(this.dimensionAlts);

  private indicatorDecl = this.RULE('indicatorDecl', () => {
    this.CONSUME(T.Indicator);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.indicatorItem);
    this.CONSUME(T.RBrace);
  });
  private readonly indicatorAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.weightClause) },
    { ALT: () => this.SUBRULE(this.typeClause) },
    { ALT: () => this.SUBRULE(this.unitClause) },
    { ALT: () => this.SUBRULE(this.directionClause) },
    { ALT: () => this.SUBRULE(this.methodsClause) },
    { ALT: () => this.SUBRULE(this.basisClause) },
    { ALT: () => this.SUBRULE(this.appliesClause) },
    { ALT: () => this.SUBRULE(this.formerlyClause) },
    { ALT: () => this.SUBRULE(this.bandsClause) },
    { ALT: () => this.SUBRULE(this.mapClause) },
    { ALT: () => this.SUBRULE(this.formulaClause) },
    { ALT: () => this.SUBRULE(this.requiredClause) },
  ];
  private readonly indicatorItem = (): void => void this.OR(this.indicatorAlts);

  private typeClause = this.RULE('typeClause', () => {
    this.CONSUME(T.TypeKw);
    this.SUBRULE(this.typeExpr);
  });
  private directionClause = this.RULE('directionClause', () => {
    this.CONSUME(T.DirectionWord);
    this.CONSUME(T.Is);
    this.CONSUME(T.Better);
  });
  private methodsClause = this.RULE('methodsClause', () => {
    this.CONSUME(T.Methods);
    this.SUBRULE(this.methodRef);
    this.MANY(this.moreMethodRefs);
  });
  private readonly moreMethodRefs = (): void => {
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.methodRef);
  };
  private methodRef = this.RULE('methodRef', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(this.optMethodNote);
  });
  private readonly optMethodNote = (): void => void this.CONSUME(T.StringLit);
  private basisClause = this.RULE('basisClause', () => {
    this.CONSUME(T.Basis);
    this.CONSUME(T.StringLit);
  });
  private appliesClause = this.RULE('appliesClause', () => {
    this.CONSUME(T.Applies);
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
  });
  private formerlyClause = this.RULE('formerlyClause', () => {
    this.CONSUME(T.Formerly);
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Identifier);
    });
  });

  // --- scoring -------------------------------------------------------------------------------

  private bandsClause = this.RULE('bandsClause', () => {
    this.CONSUME(T.Bands);
    this.CONSUME(T.LBrace);
    this.MANY(this.oneBand);
    this.CONSUME(T.RBrace);
  });
  private readonly oneBand = (): void => void this.SUBRULE(this.band);
  private band = this.RULE('band', () => {
    this.OR(this.bandAlts);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.points);
  });
  private readonly bandAlts: OrMethodOpts<unknown> = {
    DEF: [
      { ALT: () => this.CONSUME(T.Else) },
      {
        ALT: () => {
          this.CONSUME(T.CmpOp);
          this.SUBRULE(this.arith);
        },
      },
      { ALT: () => this.SUBRULE(this.expression) },
    ],
    ERR_MSG: 'band',
  };
  private mapClause = this.RULE('mapClause', () => {
    this.CONSUME(T.MapKw);
    this.CONSUME(T.LBrace);
    this.MANY(this.oneMapEntry);
    this.CONSUME(T.RBrace);
  });
  private readonly oneMapEntry = (): void => void this.SUBRULE(this.mapEntry);
  private readonly mapKeyAlts: OrMethodOpts<unknown> = {
    DEF: [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Else) }],
    ERR_MSG: 'mapEntry',
  };
  private mapEntry = this.RULE('mapEntry', () => {
    this.OR(this.mapKeyAlts);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.points);
  });
  /** Points are arithmetic (`60`, `value * 2`): a comparison would swallow the next band. */
  private points = this.RULE('points', () => {
    this.SUBRULE(this.arith);
    this.OPTION(this.pointsWhen);
  });
  private readonly pointsWhen = (): void => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Else);
    this.SUBRULE2(this.arith);
  };
  private formulaClause = this.RULE('formulaClause', () => {
    this.CONSUME(T.Formula);
    this.SUBRULE(this.expression);
  });

  // --- prerequisites, vetoes, levels ---------------------------------------------------------

  private prerequisiteDecl = this.RULE('prerequisiteDecl', () => {
    this.CONSUME(T.Prerequisite);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.labelOrRequire);
    this.CONSUME(T.RBrace);
  });
  private vetoDecl = this.RULE('vetoDecl', () => {
    this.CONSUME(T.Veto);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.labelOrWhen);
    this.CONSUME(T.RBrace);
  });
  private levelsDecl = this.RULE('levelsDecl', () => {
    this.CONSUME(T.Levels);
    this.OPTION(() => this.CONSUME(T.Cumulative));
    this.CONSUME(T.LBrace);
    this.MANY(this.levelOrFallback);
    this.CONSUME(T.RBrace);
  });
  private readonly labelOrRequireAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.requireClause) },
  ];
  private readonly labelOrRequire = (): void => void this.OR(this.labelOrRequireAlts);
  private readonly labelOrWhenAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.labelClause) },
    { ALT: () => this.SUBRULE(this.whenClause) },
  ];
  private readonly labelOrWhen = (): void => void this.OR(this.labelOrWhenAlts);
  private readonly levelOrFallbackAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.levelDecl) },
    { ALT: () => this.SUBRULE(this.fallbackDecl) },
  ];
  private readonly levelOrFallback = (): void => void this.OR(this.levelOrFallbackAlts);
  private levelDecl = this.RULE('levelDecl', () => {
    this.CONSUME(T.Level);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(this.labelOrRequire);
    this.CONSUME(T.RBrace);
  });
  /** `fallback L0 { label {…} }`, or `fallback none` without a block (LANG.md writes it so). */
  private fallbackDecl = this.RULE('fallbackDecl', () => {
    this.CONSUME(T.Fallback);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(this.oneLabel);
      this.CONSUME(T.RBrace);
    });
  });

  // --- expressions, loosest binding first -------------------------------------------------
  // Operator chains are flat here (`not* cmp ((and|or) not* cmp)*`, `operand ((+|-|*|/) operand)*`); the AST
  // builder applies precedence. Fewer rule levels mean far fewer CST nodes: parsing stays fast.

  private expression = this.RULE('expression', () => {
    this.OR(this.expressionAlts);
  });
  private readonly expressionAlts: OrMethodOpts<unknown> = {
    DEF: [
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.quantExpr) },
      {
        ALT: () => {
          this.MANY(this.leadingNot);
          this.SUBRULE(this.cmpExpr);
          this.MANY2(this.logicTail);
        },
      },
    ],
    ERR_MSG: 'expression',
  };
  private readonly leadingNot = (): void => void this.CONSUME(T.Not);
  private readonly andOrAlts: IOrAlt<unknown>[] = [{ ALT: () => this.CONSUME(T.Or) }, { ALT: () => this.CONSUME(T.And) }];
  private readonly innerNot = (): void => void this.CONSUME2(T.Not);
  private readonly logicTail = (): void => {
    this.OR2(this.andOrAlts);
    this.MANY3(this.innerNot);
    this.SUBRULE2(this.cmpExpr);
  };
  private ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression);
  });
  private quantExpr = this.RULE('quantExpr', () => {
    this.CONSUME(T.Quantifier);
    this.CONSUME(T.QuantDomainWord);
    this.OPTION(() => {
      this.CONSUME(T.In);
      this.CONSUME(T.Identifier);
    });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });
  private cmpExpr = this.RULE('cmpExpr', () => {
    this.SUBRULE(this.arith);
    this.OPTION(this.cmpTail);
  });
  private readonly cmpTailAlts: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.CONSUME(T.CmpOp);
        this.SUBRULE2(this.arith);
      },
    },
    {
      ALT: () => {
        this.CONSUME(T.In);
        this.SUBRULE(this.setExpr);
      },
    },
    {
      ALT: () => {
        this.CONSUME(T.Not);
        this.CONSUME2(T.In);
        this.SUBRULE2(this.setExpr);
      },
    },
  ];
  private readonly cmpTail = (): void => void this.OR(this.cmpTailAlts);
  /**
   * `+ - * / ^` chains of operands (each: prefix `-`s, then a literal, name `a.b`, property, call or
   * `( … )`), flat in one node; the AST builder applies precedence.
   */
  private arith = this.RULE('arith', () => {
    this.operand(1);
    this.MANY5(this.arithTail);
  });
  private readonly binaryOpAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(T.AddOp) },
    { ALT: () => this.CONSUME(T.MulOp) },
    { ALT: () => this.CONSUME(T.Caret) },
  ];
  private readonly arithTail = (): void => {
    this.OR3(this.binaryOpAlts);
    this.operand(2);
  };

  /** One operand of `arith`; `k` (1 or 2) keeps the DSL occurrence indexes apart. */
  private operand(k: 1 | 2): void {
    const g = k === 1 ? this.operand1 : this.operand2;
    this.many(k, g.minus);
    this.or(k, g.alts);
  }
  private readonly operand1 = this.operandGrammar(1);
  private readonly operand2 = this.operandGrammar(2);
  /** The repetition and alternatives of `operand(k)`, built once per `k`. */
  private operandGrammar(k: 1 | 2): { minus: () => void; alts: OrMethodOpts<unknown> } {
    const dotted = (): void => {
      this.consume(k, T.Dot);
      this.consume(k + 2, T.Identifier);
    };
    const propOf = (): void => {
      this.consume(k, T.LParen);
      this.consume(k + 4, T.Identifier, { LABEL: 'propOf' });
      this.consume(k, T.RParen);
    };
    return {
      minus: () => void this.consume(k, T.Minus),
      alts: {
        DEF: [
          { ALT: () => this.consume(k, T.NumberLit) },
          { ALT: () => this.consume(k, T.PercentLit) },
          { ALT: () => this.consume(k, T.BoolLit) },
          { ALT: () => this.consume(k, T.Total) },
          {
            ALT: () => {
              this.consume(k, T.Identifier);
              this.many(k + 2, dotted);
            },
          },
          {
            ALT: () => {
              this.consume(k, T.PropWord);
              this.option(k, propOf);
            },
          },
          { ALT: () => this.subrule(k, this.callExpr) },
          { ALT: () => this.subrule(k, this.parenExpr) },
          { ALT: () => this.subrule(k, this.tableExpr) },
        ],
        ERR_MSG: 'expression',
      },
    };
  }
  private callExpr = this.RULE('callExpr', () => {
    this.CONSUME(T.FnWord);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expression);
    });
    this.CONSUME(T.RParen);
  });
  /**
   * `table AV { N: 0.85, A: 0.62 }`, `table (PR, S) { (N, U): 0.85, …, else: 0 }`: entries separated by commas or
   * line breaks (the comma is optional, as between map entries); the AST builder checks keys and entries agree.
   */
  private tableExpr = this.RULE('tableExpr', () => {
    this.CONSUME(T.Table);
    this.OR(this.tableKeyAlts);
    this.CONSUME(T.LBrace);
    this.MANY(this.tableEntryThenComma);
    this.CONSUME(T.RBrace);
  });
  private readonly tableKeyAlts: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.tableKey) },
    {
      ALT: () => {
        this.CONSUME(T.LParen);
        this.SUBRULE2(this.tableKey);
        this.CONSUME(T.Comma);
        this.SUBRULE3(this.tableKey);
        this.CONSUME(T.RParen);
      },
    },
  ];
  /** A key of a table: a name, possibly with members (`AV`, `obj.member`). */
  private tableKey = this.RULE('tableKey', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });
  private readonly tableEntryThenComma = (): void => {
    this.SUBRULE(this.tableEntry);
    this.OPTION(() => this.CONSUME2(T.Comma));
  };
  private tableEntry = this.RULE('tableEntry', () => {
    this.OR(this.tableEntryKeyAlts);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.arith);
  });
  private readonly tableEntryKeyAlts: OrMethodOpts<unknown> = {
    DEF: [
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Else) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.CONSUME2(T.Identifier);
          this.CONSUME(T.Comma);
          this.CONSUME3(T.Identifier);
          this.CONSUME(T.RParen);
        },
      },
    ],
    ERR_MSG: 'tableEntry',
  };
  private parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });
  /** `{a, b}`: the elements are values (a comparison needs parentheses). */
  private setExpr = this.RULE('setExpr', () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.arith);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.arith);
    });
    this.CONSUME(T.RBrace);
  });
}

let instance: AssayParser | undefined;

/** The one parser instance (building it runs Chevrotain's grammar analysis, which is slow). */
export function theParser(): AssayParser {
  instance ??= new AssayParser();
  return instance;
}

export interface ParseTokensResult {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

/** Parses tokens into a CST. Never throws on bad input: errors come back as data. */
export function parseTokens(tokens: IToken[]): ParseTokensResult {
  const p = theParser();
  p.input = tokens;
  const cst = p.ruleset();
  return { cst, errors: [...p.errors] };
}

/**
 * Parses tokens as one `header` or one `topItem` (all of them, else a "not all input parsed" error): the
 * pieces of a file that `parse.ts` parses item by item.
 */
export function parseTokensAs(rule: 'header' | 'topItem', tokens: IToken[]): ParseTokensResult {
  const p = theParser();
  p.input = tokens;
  const cst = p.parseAs(rule);
  return { cst, errors: [...p.errors] };
}
