// The public face of dsl/: the syntax of Assay rulesets, from text to AST and back.
// In: nothing. Out: re-exports of the entry points of each stage, the shared types, and the words and text helpers
// the front ends use; test/structure/imports.test.ts keeps cli/ and playground/ on this file for the syntax.

export * from './ast';
export * from './diagnostics';
export { CATALOGUE, type Code, type MessageDef } from './messages';
export { parseRuleset, parseHeader, MAX_FILE_BYTES, MAX_NESTING, MAX_DIAGNOSTICS, type ParseResult } from './parse';
export { lex, unescapeString, type LexResult } from './lexer';
export { parseTokens, theParser, type ParseTokensResult } from './parser';
export { buildAst, spanOf, MAX_EXPR_DEPTH, type BuildResult } from './cst-to-ast';
export { printRuleset, printExpr, printType, printString, precedence, MAX_LINE } from './printer';
export { forEachChild, childrenOf, walkExpr, forEachItemExpr, forEachIndicatorExpr } from './walk';
export { toCanonical, canonicalExpr, canonicalNode, canonicalString } from './canonical';
export { lineCol, lineIndex, LineIndex, displayWidth, type LineCol } from './source';
export { visibleControls, visibleForTerminal } from './visible';
export { words, lookup, type Words, type Catalogue } from './words';
export { renderDiagnostic, renderDiagnostics, type RenderOptions } from './render';
export { STAGES, type Stage } from './stages';
export { editBetween, moveSpans, reparse, sameAfterMove, track, type Tracked } from './incremental';
