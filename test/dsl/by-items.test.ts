// Parsing item by item (the fast path of parse.ts for files without syntax errors) against parsing the whole
// file in one go: the same AST, spans included, and the same diagnostics, on every .assay file in the
// repository, the benchmark's generated ruleset, random rulesets, and files with errors (which fall back).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { ruleset } from '../support/arbitrary-ruleset';
import { HEADER } from './helpers';

function assayFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') return [];
    return statSync(path).isDirectory() ? assayFiles(path) : name.endsWith('.assay') ? [path] : [];
  });
}

function same(text: string): void {
  expect(parseRuleset(text)).toEqual(parseRuleset(text, { byItems: false }));
}

describe('parsing item by item', () => {
  const files = [...assayFiles('rulesets'), ...assayFiles('test')];

  it('finds the repository rulesets and test files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('gives the same AST and diagnostics as the whole-file parse on every .assay file', () => {
    for (const f of files) same(readFileSync(f, 'utf8'));
  });

  it('gives the same on the generated ruleset of the benchmark', () => {
    same(generateRuleset(300));
  });

  it('gives the same on random rulesets', () => {
    fc.assert(
      fc.property(ruleset, (ast) => same(printRuleset(ast))),
      { numRuns: 200, seed: 42 },
    );
  });

  it('gives the same on files with syntax, lexing and structure problems (the whole-file parse decides)', () => {
    const body = 'method DR { label { en "x" } }\ninput flag: boolean { label { en "f" } }\n';
    for (const text of [
      `${HEADER}${body}`,
      `${body}`, // no header
      `${HEADER}${body}}`, // a stray brace
      `${HEADER}${body}{`, // an unclosed brace
      `${HEADER}${body}method M { label { en "m" }`, // an unclosed item
      `${HEADER}${body}veto V { when flag and }`, // a syntax error inside an item
      `${HEADER}${body}method M { label { en "m" } label { en "n" } }`, // a clause twice (A104)
      `${HEADER}${body}${HEADER}`, // a second header
      `${HEADER}${body}dimension D { weight 1 } junk`, // junk at the top
      `${HEADER}${body}method M { label { en "m" } } ４`, // a lexing error
    ]) same(text);
  });
});
