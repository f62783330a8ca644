// The syntax pipeline, stage by stage, in order: lex → parse → build AST → print.
// In: nothing. Out: `STAGES` (name, module, what goes in and out, entry point) and the entry points themselves.

import { buildAst } from './cst-to-ast';
import { lex } from './lexer';
import { parseTokens } from './parser';
import { printRuleset } from './printer';

export { buildAst, lex, parseTokens, printRuleset };

export interface Stage {
  readonly name: string;
  readonly module: string;
  readonly input: string;
  readonly output: string;
}

/** The stages of `parseRuleset` (dsl/parse.ts) and the formatter, in the order they run. */
export const STAGES = [
  { name: 'lex', module: 'dsl/lexer.ts', input: 'source text', output: 'tokens, comments, A101/A103/A108/A109', run: lex },
  { name: 'parse', module: 'dsl/parser.ts', input: 'tokens', output: 'CST + recognition errors (A102)', run: parseTokens },
  { name: 'build', module: 'dsl/cst-to-ast.ts', input: 'CST + comments', output: 'AST (dsl/ast.ts), A104/A110/A111/A112', run: buildAst },
  { name: 'print', module: 'dsl/printer.ts', input: 'AST', output: 'canonical source text', run: printRuleset },
] as const satisfies readonly (Stage & { run: (...args: never[]) => unknown })[];
