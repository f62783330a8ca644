// Hostile rulesets: nesting that would make resolution or evaluation explode is bounded.
// In: generated DSL texts. Out: compile time stays small; runaway evaluation becomes `invalid` (E152).

import { describe, expect, it } from 'vitest';
import { compile, ok, rs } from './helpers';

describe('limits', () => {
  it('deeply nested comparisons resolve in linear time', () => {
    const depth = 40;
    const expr = '('.repeat(depth) + 'a' + ' = a)'.repeat(depth);
    const started = Date.now();
    const c = compile(rs(`input a: boolean\nprerequisite P { require ${expr} }`));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(c.diagnostics.filter((d) => d.code.startsWith('A2'))).toEqual([]);
  });

  it('nested quantifiers that would take too long make the platform invalid instead of hanging', () => {
    const dims = Array.from({ length: 30 }, (_, i) => `dimension D${i} {\n  weight 1\n}`).join('\n');
    const body = 'every dimension: '.repeat(6) + 'share >= 0%';
    const r = ok(rs(`${dims}\nprerequisite P { require ${body} }`, 30));
    const started = Date.now();
    const a = r.assess({ platform: 'p', evidence: {} });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => e.code)).toEqual(['E152']);
  });

  it('many unknown names give at most 100 diagnostics and one A105, and stay fast', () => {
    const prs = Array.from({ length: 400 }, (_, i) => `prerequisite P${i} { require nope_${i} }`).join('\n');
    const started = Date.now();
    const c = compile(rs(`input nope: boolean\n${prs}`));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(c.diagnostics).toHaveLength(101);
    expect(c.diagnostics.at(-1)).toMatchObject({ code: 'A105', severity: 'error', args: { count: 300 } });
    expect(c.ruleset).toBeUndefined();
  });
});
