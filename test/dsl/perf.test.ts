// Performance: a generated ruleset with 5,000 indicators parses well under half a second.

import { describe, expect, it } from 'vitest';
import type { DimensionDecl } from '../../dsl/ast';
import { lex } from '../../dsl/lexer';
import { parseRuleset } from '../../dsl/parse';
import { parseTokens } from '../../dsl/parser';
import { printRuleset } from '../../dsl/printer';
import { HEADER } from './helpers';

function generated(dimensions: number, perDimension: number): string {
  const out: string[] = [HEADER];
  for (let d = 0; d < dimensions; d++) {
    out.push(`dimension D${d} {\n  label { zh-Hans "维度${d}" zh-Hant "維度${d}" en "Dimension ${d}" }\n  weight 2`);
    for (let i = 0; i < perDimension; i++) {
      out.push(`  indicator d${d}_i${i} {
    label { zh-Hans "指标${i}" zh-Hant "指標${i}" en "Indicator ${i}" }
    weight 1
    type number >= 0
    higher is better
    methods DR, OS "on site"
    applies when offers_fp64 and mlps_level in {L3, L4}
    bands {
      >= 1000: 100
      >= 300: 80
      else: 20
    }
  }`);
    }
    out.push('}');
  }
  return out.join('\n');
}

describe('performance', () => {
  it('builds CST nodes as plain objects (the parser hook that keeps large files fast is in use)', () => {
    // Chevrotain's own nodes keep children in dictionary-mode objects; parser.ts replaces them through an
    // internal hook. If a Chevrotain upgrade stops calling it, parsing still works, only slower: this says so.
    const { cst } = parseTokens(lex(`${HEADER}method DR { label { en "x" } }`).tokens);
    expect(Object.getPrototypeOf(cst.children)).toBe(Object.prototype);
    expect(cst.location).toEqual({ startOffset: 0, endOffset: expect.any(Number) });
  });

  it('parses 5,000 indicators within a 3x guard of the 0.5 s target', () => {
    const text = generated(50, 100);
    parseRuleset(generated(1, 10)); // build the parser once
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const { ast, diagnostics } = parseRuleset(text);
      times.push(performance.now() - t0);
      expect(diagnostics).toEqual([]);
      count = ast.items.reduce((n, item) => n + (item.kind === 'Dimension' ? (item as DimensionDecl).indicators.length : 0), 0);
    }
    const best = Math.min(...times);
    const t0 = performance.now();
    printRuleset(parseRuleset(text).ast);
    const roundTrip = performance.now() - t0;
    console.log(
      `parse of ${count} indicators (${(text.length / 1024).toFixed(0)} KiB): best ${best.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}; parse+print ${roundTrip.toFixed(0)} ms`,
    );
    expect(count).toBe(5000);
    // The 0.5 s target (parse + check) is measured on its own by `npm run bench`; inside the test suite,
    // with other test files running on both cores, a 3x guard catches regressions without flaking.
    expect(best).toBeLessThan(Number(process.env['ASSAY_PARSE_BUDGET_MS'] ?? 1500));
  });
});
