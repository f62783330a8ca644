// Static checks of the new constructs (#13): names shared with inputs, cycles through derived values, lookup
// tables (keys, coverage, duplicates, unreachable else), rounding arguments, powers, `total` without a total.
// In: DSL snippets. Out: codes + underlined text.

import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';

const L = 'label { zh-Hans "标" zh-Hant "標" en "L" }';
const HEAD = `ruleset "t" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "测" zh-Hant "測" en "T" }\n}\n`;
const INPUTS = `input C: enum { H, L, N } { ${L} }\ninput S: enum { U, C } { ${L} }\ninput x: number { ${L} }\n`;

/** `CODE \`underlined\`` for every diagnostic of a ruleset made of the inputs above and `body`. */
function found(body: string): string[] {
  const text = `${HEAD}${INPUTS}${body}`;
  return compileRuleset(text).diagnostics.map((d) => `${d.code} \`${text.slice(d.span.start, d.span.end)}\``);
}
const derive = (id: string, formula: string, type = ''): string => `derive ${id}${type} { ${L} formula ${formula} }\n`;

describe('names', () => {
  it('derived ids share the namespace of inputs, indicators and dimensions', () => {
    expect(found(derive('x', '1'))).toEqual(['A202 `x`']);
  });
  it('a cycle through derived values is A211, as for other computed values', () => {
    expect(found(derive('a', 'b + 1') + derive('b', 'a * 2'))).toEqual(['A211 `a`']);
  });
  it('an unknown name in a formula is A201 with a suggestion among derived values too', () => {
    expect(found(derive('impact', '1') + derive('b', 'impakt * 2'))).toEqual(['A201 `impakt`']);
  });
  it('`total` in a ruleset with neither dimensions nor a formula total is A220; with a formula total it is fine', () => {
    const levels = `levels { level a { ${L} require total >= 1 } fallback z { ${L} } }\n`;
    expect(found(levels)).toEqual(['A220 `total`']);
    expect(found(`total: number 0 to 10 { ${L} formula x }\n${levels}`)).toEqual([]);
  });
});

describe('lookup tables', () => {
  it('a complete table is clean, and entry keys are enum values, never input names (no A214 for `C`)', () => {
    expect(found(derive('w', 'table (C, S) { (H, U): 1, (L, U): 2, (N, U): 3, (H, C): 4, (L, C): 5, (N, C): 6 }'))).toEqual([]);
  });
  it('names what a two-key table misses: `(N, C)`', () => {
    expect(found(derive('w', 'table (C, S) { (H, U): 1, (L, U): 2, (N, U): 3, (H, C): 4, (L, C): 5 }'))).toEqual([
      'A323 `table (C, S) { (H, U): 1, (L, U): 2, (N, U): 3, (H, C): 4, (L, C): 5 }`',
    ]);
    const d = compileRuleset(`${HEAD}${INPUTS}${derive('w', 'table (C, S) { (H, U): 1, (L, U): 2, (N, U): 3, (H, C): 4, (L, C): 5 }')}`).diagnostics[0];
    expect(d?.args['missing']).toBe('`(N, C)`');
  });
  it('an `else` makes it complete; an `else` after full coverage is unreachable (warning)', () => {
    expect(found(derive('w', 'table C { H: 1, else: 0 }'))).toEqual([]);
    expect(found(derive('w', 'table C { H: 1, L: 2, N: 3, else: 0 }'))).toEqual(['A324 `else: 0`']);
  });
  it('an unknown entry value gets "did you mean", a duplicate points at the first', () => {
    const text = `${HEAD}${INPUTS}${derive('w', 'table C { H: 1, Lo: 2, N: 3, H: 4, else: 0 }')}`;
    const ds = compileRuleset(text).diagnostics;
    expect(ds.map((d) => `${d.code} \`${text.slice(d.span.start, d.span.end)}\``)).toEqual(['A321 `Lo`', 'A322 `H: 4`']);
    expect(ds[0]?.related?.map((r) => [r.code, r.args?.['name']])).toEqual([['A903', 'L']]);
    expect(ds[1]?.related?.map((r) => text.slice(r.span.start, r.span.end))).toEqual(['H: 1']);
  });
  it('keys must be of enum type; entries must agree in kind', () => {
    expect(found(derive('w', 'table x { H: 1, else: 0 }'))).toEqual(['A320 `x`']);
    expect(found(`input b: boolean { ${L} }\n${derive('w', 'table S { U: 1, C: b }')}`)).toEqual(['A325 `b`']);
  });
});

describe('functions, powers and declared types', () => {
  it('ceil/floor/round take whole-number literal digits, round a mode', () => {
    expect(found(derive('w', 'ceil(x) + floor(x, -1) + round(x, 2, half_even)'))).toEqual([]);
    expect(found(derive('w', 'ceil(x, x)'))).toEqual(['A328 `x`']);
    expect(found(derive('w', 'round(x, 2)'))).toEqual(['A328 `round(x, 2)`']);
    expect(found(derive('w', 'floor(x, 1, 2)'))).toEqual(['A328 `floor(x, 1, 2)`']);
  });
  it('a power beyond ±1000 is A327', () => {
    expect(found(derive('w', 'x ^ 1000'))).toEqual([]);
    expect(found(derive('w', 'x ^ -1001'))).toEqual(['A327 `-1001`']);
  });
  it('a declared type the formula cannot give: A303 for numbers, A329 for enums, A306 for thresholds outside a bound', () => {
    expect(found(derive('w', 'x > 1', ': number'))).toEqual(['A303 `x > 1`']);
    expect(found(derive('g', 'S', ': enum { lo, hi }'))).toEqual(['A329 `S`']);
    expect(found(derive('g', 'if x > 1 then hi else lo', ': enum { lo, hi }'))).toEqual([]);
    expect(found(derive('r', 'x / 10', ': number 0 to 1') + `veto V { ${L} when r > 2 }\n`)).toEqual(['A306 `2`']);
  });
});
