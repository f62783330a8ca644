// The playground's Monaco highlighting knows every keyword of the lexer (its lists are written by hand in
// playground/src/assay-language.ts): a keyword added to dsl/tokens.ts without a colour fails here.

import { describe, expect, it } from 'vitest';
import { CLAUSE_KEYWORDS, DECLARATION_KEYWORDS, EXPRESSION_KEYWORDS, ROUNDING_MODES, TYPE_KEYWORDS } from '../../playground/src/assay-language';
import { KEYWORDS, keywordText } from '../../dsl/tokens';

describe('playground highlighting', () => {
  it('colours every keyword of the lexer, and only those (plus the rounding modes)', () => {
    const coloured = [...DECLARATION_KEYWORDS, ...CLAUSE_KEYWORDS, ...EXPRESSION_KEYWORDS, ...TYPE_KEYWORDS];
    expect(new Set(coloured)).toEqual(new Set(KEYWORDS.map(keywordText)));
    expect(coloured.length).toBe(new Set(coloured).size);
    expect([...ROUNDING_MODES]).toEqual(['half_up', 'half_even', 'half_down']);
  });
});
