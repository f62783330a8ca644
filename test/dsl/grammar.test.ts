// The grammar and token set pass Chevrotain's own validations (the shared instances skip them at run time
// for start-up speed, so this test is what keeps an ambiguous or left-recursive rule from landing).
import { describe, expect, it } from 'vitest';
import { makeLexer } from '../../dsl/lexer';
import { AssayParser } from '../../dsl/parser';

describe('grammar self-checks', () => {
  it('the parser passes Chevrotain validations', () => {
    // With validations on, Chevrotain throws from performSelfAnalysis on any grammar definition error.
    expect(() => new AssayParser({ validate: true })).not.toThrow();
  });
  it('the lexer passes Chevrotain validations with optimisations on', () => {
    const l = makeLexer(true);
    expect(l.lexerDefinitionErrors).toEqual([]);
  });
});
