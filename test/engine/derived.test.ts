// Derived values, the formula total, required evidence, exact rounding and powers, lookup tables (#13, LANG.md):
// what the reference evaluator gives. In: small rulesets as source text and evidence. Out: exact results, unknowns
// with their missing fields, evaluation errors naming the value and its bound, trace events.

import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import type { Assessment } from '../../engine/evaluate/result';
import type { EvalEvent } from '../../engine/evaluate/events';
import { toResultJson } from '../../engine/evaluate/result';
import { CVSS } from '../support/cvss';
import { rs } from './helpers';

function compiled(src: string): CompiledRuleset {
  const c = compileRuleset(src);
  expect(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${JSON.stringify(d.args)}`)).toEqual([]);
  if (!c.ruleset) throw new Error('no ruleset');
  return c.ruleset;
}

/** The reference evaluator's assessment (the plan learns the new constructs on its own branch). */
function ref(src: string | CompiledRuleset, evidence: Record<string, unknown>, trace?: (e: EvalEvent) => void): Assessment {
  const r = typeof src === 'string' ? compiled(src) : src;
  return r.assess({ platform: 'p', evidence }, { engine: 'reference', ...(trace ? { trace } : {}) });
}

/** Derived values as `id → exact text` (`?` when unknown). */
function derived(a: Assessment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of a.derived ?? []) {
    const v = d.value;
    out[d.id] = v === null ? `? (${d.missing.join(', ')})` : v.kind === 'num' ? v.q.toDecimalString(30) : v.kind === 'sym' ? v.s : v.kind === 'bool' ? String(v.b) : 'object';
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------------
// CVSS 3.1 (rulesets/cvss/3.1.assay). Its base score and severity on all 2,592 base vectors, against an oracle written
// from the specification, are test/rulesets/external-standards.test.ts's (reference and plan engines).

describe('CVSS 3.1 as a ruleset', () => {
  it('reports the derived values exactly and the JSON result with `derived` and the formula total', () => {
    const a = ref(CVSS, { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'C', C: 'H', I: 'H', A: 'H' });
    expect(a.total.toDecimalString()).toBe('10');
    expect(derived(a)).toMatchObject({ iss: '0.914816', exploitability: '3.887042775' });
    // 7.52 × (ISS − 0.029) − 3.25 × (ISS − 0.02)^15, exactly: the power's 90 decimals kept.
    expect(derived(a)['impact']).toMatch(/^6\.0477304915\d{20,}$/);
    const json = toResultJson(a);
    expect(json.total).toBe(10);
    expect(json.derived).toMatchObject({ iss: '0.914816', exploitability: '3.887042775' });
    expect(Object.keys(json)).toEqual(['platform', 'outcome', 'level', 'total', 'derived', 'dimensions', 'indicators', 'prerequisitesFailed', 'vetoes', 'errors', 'warnings']);
  });

  it('makes a platform missing a field `invalid` under `evidence required`, one error per field, the field named', () => {
    const a = ref(CVSS, { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: null });
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.field])).toEqual([
      ['E170', 'I'],
      ['E170', 'A'],
    ]);
    expect(a.errors[0]?.message).toBe('`I` is required but missing');
    expect(a.derived).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------------------------------

const LEVELS = `
levels {
  level high { require r >= 10 }
  fallback low { }
}`;

describe('derived values', () => {
  const SRC = rs(`
input a: number
input b: number
derive r: number { formula a * 2 + b }
${LEVELS}`);

  it('land on the right side of a threshold they equal exactly', () => {
    expect(ref(SRC, { a: 4.95, b: 0.1 }).level).toBe('high'); // 9.9 + 0.1 = 10 exactly (a double gives 9.999…)
    expect(ref(SRC, { a: 4.95, b: 0.0999 }).level).toBe('low');
  });

  it('are unknown when they read missing evidence, and an unknown condition does not hold', () => {
    const a = ref(SRC, { a: 7 });
    expect(derived(a)).toEqual({ r: '? (b)' });
    expect(a.level).toBe('low');
    expect(toResultJson(a).derived).toEqual({ r: null });
    expect(toResultJson(a).missing).toEqual([{ field: 'b', indicators: [], prerequisites: [], vetoes: [], derived: ['r'] }]);
  });

  it('are computed in dependency order, whatever the declaration order', () => {
    const src = rs(`
input a: number
derive c: number { formula b + 1 }
derive b: number { formula a * 10 }
levels { level high { require c > 30 } fallback low { } }`);
    const events: EvalEvent[] = [];
    const a = ref(src, { a: 3 }, (e) => events.push(e));
    expect(derived(a)).toEqual({ c: '31', b: '30' });
    expect(a.level).toBe('high');
    expect(events.filter((e) => e.kind === 'derived').map((e) => (e.kind === 'derived' ? e.id : ''))).toEqual(['b', 'c']);
  });

  it('may read scores and points, and an indicator may read a derived value', () => {
    const src = rs(`
input a: number
derive half: number { formula a / 2 }
derive doubled: number { formula score(D) * 2 }
dimension D {
  weight 100
  indicator i { weight 100 type number formula min(100, half) }
}
levels { level high { require doubled >= 100 } fallback low { } }`);
    const a = ref(src, { a: 100, i: 1 });
    expect(derived(a)).toEqual({ half: '50', doubled: '100' });
    expect(a.total.toDecimalString()).toBe('50');
    expect(a.level).toBe('high');
  });

  it('outside their declared bound make the platform invalid (E171), naming the value and the bound', () => {
    const src = rs(`
input a: number
derive r: number 0 to 1 { formula a / 10 }
levels { level high { require r >= 0.5 } fallback low { } }`);
    expect(ref(src, { a: 10 }).outcome).toBe('graded'); // exactly on the bound
    const a = ref(src, { a: 10.5 });
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.message])).toEqual([['E171', '`r` is 1.05, outside its bound: it must be number 0 to 1']]);
    // No bound: any value, negative or above 100.
    expect(ref(rs(`input a: number\nderive r: number { formula a - 500 }\n${LEVELS}`), { a: 1 }).outcome).toBe('graded');
  });

  it('declared integer need an integral value (E172)', () => {
    const src = rs(`
input a: number
derive r: integer { formula a / 4 }
${LEVELS}`);
    expect(ref(src, { a: 8 }).outcome).toBe('graded');
    const a = ref(src, { a: 9 });
    expect(a.errors.map((e) => [e.code, e.message])).toEqual([['E172', '`r` is declared integer, but its formula gives 2.25']]);
  });

  it('of enum type give bare values, compared like an enum input', () => {
    const src = rs(`
input pa11: percent
derive rating: enum { N, P, L, F } {
  formula if pa11 > 85 then F else if pa11 > 50 then L else if pa11 > 15 then P else N
}
levels {
  level managed { require rating in {L, F} }
  level performed { require rating = P }
  fallback incomplete { }
}`);
    expect([85.01, 85, 50, 15.5, 15].map((x) => `${derived(ref(src, { pa11: x }))['rating']} ${ref(src, { pa11: x }).level}`)).toEqual([
      'F managed',
      'L managed',
      'P performed',
      'P performed',
      'N incomplete',
    ]);
    expect(toResultJson(ref(src, { pa11: 90 })).derived).toEqual({ rating: 'F' });
  });

  it('of boolean type are conditions for `when` and `require`', () => {
    const src = rs(`
input a: number
input b: boolean
derive ok: boolean { formula a >= 3 and b }
veto V { when not ok }
${LEVELS.replace('r >= 10', 'ok')}`);
    expect(ref(src, { a: 3, b: true })).toMatchObject({ outcome: 'graded', level: 'high' });
    expect(ref(src, { a: 2.99, b: true }).outcome).toBe('vetoed');
    // Unknown: the veto's condition is unknown, so it does not fire; the level does not hold either.
    expect(ref(src, { b: true })).toMatchObject({ outcome: 'graded', level: 'low' });
  });

  it('have no evidence field: a value given under a derived id is an unknown field (warning), not read', () => {
    const a = ref(rs(`input amount: number\nderive r: number { formula amount * 2 }\n${LEVELS}`), { amount: 1, r: 50 });
    expect(a.warnings.map((w) => `${w.code} ${w.field}`)).toEqual(['E120 r']);
    expect(derived(a)).toEqual({ r: '2' });
  });

  it('emit one trace event each, with what they read', () => {
    const events: EvalEvent[] = [];
    ref(rs(`input a: number\ninput b: number\nderive r: number { formula a * 2 + b }\n${LEVELS}`), { a: 1 }, (e) => events.push(e));
    const ev = events.filter((e) => e.kind === 'derived');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ kind: 'derived', id: 'r', value: undefined, missing: ['b'] });
    expect(ev[0]?.kind === 'derived' && ev[0].reads.map((r) => (r.kind === 'evidence' ? r.field : r.kind))).toEqual(['a', 'b']);
  });
});

describe('the formula total', () => {
  const SRC = rs(`
input x: number
input y: number
total: number 0 to 10 { formula x + y }
dimension D {
  weight 100
  indicator i { weight 100 type number formula 40 }
}
levels { level high { require total >= 7 } fallback low { } }`);

  it('replaces Σ scores in the result and in `total`, while dimensions are still scored', () => {
    const a = ref(SRC, { x: 3.5, y: 3.5, i: 1 });
    expect(a.total.toDecimalString()).toBe('7');
    expect(a.level).toBe('high');
    expect(a.dimensions.map((d) => d.score.toDecimalString())).toEqual(['40']);
    expect(toResultJson(a).total).toBe(7);
  });

  it('is reported as 0 with its missing fields when unknown, and `total` then reads unknown', () => {
    const events: EvalEvent[] = [];
    const a = ref(SRC.replace('total >= 7', 'not (total < 7)'), { x: 9, i: 1 }, (e) => events.push(e));
    expect(a.total.toDecimalString()).toBe('0');
    expect(a.totalMissing).toEqual(['y']);
    expect(a.level).toBe('low'); // `not (total < 7)` is unknown, not true
    expect(toResultJson(a).missing).toEqual([{ field: 'y', indicators: [], prerequisites: [], vetoes: [], total: true }]);
    expect(events.filter((e) => e.kind === 'total-formula')).toMatchObject([{ value: null, missing: ['y'] }]);
  });

  it('outside its declared domain makes the platform invalid', () => {
    const a = ref(SRC, { x: 10, y: 0.01, i: 1 });
    expect(a.errors.map((e) => [e.code, e.message])).toEqual([['E171', '`total` is 10.01, outside its bound: it must be number 0 to 10']]);
  });

  it('is the total of a ruleset without dimensions', () => {
    const a = ref(rs(`input x: number\ntotal { formula x * 3 }\nlevels { level high { require total > 1 } fallback low { } }`), { x: 1 });
    expect([a.total.toDecimalString(), a.level]).toEqual(['3', 'high']);
  });
});

describe('a ruleset with neither dimensions nor a formula total', () => {
  it('is valid, with total 0 (a capability level from ratings)', () => {
    const a = ref(rs(`input r: enum { N, P, L, F }\nlevels { level two { require r = F } fallback zero { } }`), { r: 'F' });
    expect([a.outcome, a.total.toDecimalString(), a.level]).toEqual(['graded', '0', 'two']);
  });
});

describe('ceil, floor, round and ^ in a ruleset', () => {
  const value = (formula: string, evidence: Record<string, unknown> = {}): string => {
    const a = ref(rs(`input x: number\ninput y: number\nderive r: number { formula ${formula} }\n${LEVELS}`), evidence);
    return a.outcome === 'invalid' ? a.errors.map((e) => e.code).join(',') : (derived(a)['r'] ?? '');
  };
  it('are exact, modes included, and unknown in gives unknown out', () => {
    expect(value('ceil(x, 1)', { x: 4.01 })).toBe('4.1');
    expect(value('floor(x, -1)', { x: 129 })).toBe('120');
    expect(value('round(x, 0, half_even)', { x: 2.5 })).toBe('2');
    expect(value('round(x, 0, half_up)', { x: -2.5 })).toBe('-3');
    expect(value('round(x, 1, half_down)', { x: 0.25 })).toBe('0.2');
    expect(value('-x ^ 2', { x: 3 })).toBe('-9');
    expect(value('x ^ -2', { x: 4 })).toBe('0.0625');
    expect(value('x ^ 0', { x: 0 })).toBe('1');
    expect(value('ceil(x, 1)', {})).toBe('? (x)');
    expect(value('round(x + y, 2, half_up)', { x: 1 })).toBe('? (y)');
  });
  it('0 ^ negative is a division by zero (E150)', () => {
    expect(value('x ^ -1', { x: 0 })).toBe('E150');
  });
});

describe('lookup tables', () => {
  const SRC = rs(`
input pr: enum { N, L, H }
input s: enum { U, C }
derive w: number { formula table (pr, s) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, else: 0.5 } }
derive v: number { formula table pr { N: 1, L: 2, H: 3 } * 10 }
${LEVELS.replace('r >= 10', 'v >= 10')}`);
  it('pick the entry of the keys’ values, else `else`', () => {
    expect(derived(ref(SRC, { pr: 'L', s: 'U' }))).toEqual({ w: '0.62', v: '20' });
    expect(derived(ref(SRC, { pr: 'L', s: 'C' }))).toEqual({ w: '0.5', v: '20' });
  });
  it('are unknown when a key is', () => {
    expect(derived(ref(SRC, { pr: 'H' }))).toEqual({ w: '? (s)', v: '30' });
  });
  it('read enum-valued entries for an enum-typed derived value', () => {
    const src = rs(`input s: enum { U, C }\nderive g: enum { lo, hi } { formula table s { U: lo, C: hi } }\nlevels { level top { require g = hi } fallback none { } }`);
    expect(ref(src, { s: 'C' }).level).toBe('top');
    expect(ref(src, { s: 'U' }).level).toBe('none');
  });
});

describe('required evidence', () => {
  const SRC = rs(`
input a: number { required }
input b: number
dimension D {
  weight 100
  indicator i { weight 100 type number formerly old_i required formula min(100, value) }
}
levels { level high { require b > 1 } fallback low { } }`);
  it('a missing `required` field (absent or null) makes the platform invalid, one issue per field', () => {
    const a = ref(SRC, { a: null, b: 2 });
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.field])).toEqual([
      ['E170', 'a'],
      ['E170', 'i'],
    ]);
  });
  it('the compiled plan hands a platform missing a required field to the reference (E170), in assess and decide', () => {
    const r = compiled(SRC);
    const a = r.assess({ platform: 'p', evidence: { b: 2, i: 50 } });
    expect([a.outcome, ...a.errors.map((e) => `${e.code} ${e.field}`)]).toEqual(['invalid', 'E170 a']);
    expect(r.decide({ platform: 'p', evidence: { b: 2, i: 50 } }).outcome).toBe('invalid');
    expect(r.assess({ platform: 'p', evidence: { a: 1, b: 2, i: 50 } })).toMatchObject({ outcome: 'graded', level: 'high' });
  });
  it('a former id satisfies the requirement; other fields may be missing', () => {
    expect(ref(SRC, { a: 1, old_i: 50 })).toMatchObject({ outcome: 'graded', level: 'low' });
  });
  it('`evidence required` requires every field read, also one read only under an `applies when` that is false', () => {
    const src = rs(`
ruleset_header_placeholder
input gate: boolean
input seldom: number
input unused: number
dimension D {
  weight 100
  indicator i { weight 100 type number applies when gate and seldom > 1 formula min(100, value) }
}`).replace('  total 100\n}\n\nruleset_header_placeholder', '  total 100\n  evidence required\n}\n');
    const a = ref(src, { gate: false, i: 3 });
    expect(a.errors.map((e) => e.field)).toEqual(['seldom']);
    expect(ref(src, { gate: false, seldom: 0, i: 3 }).outcome).toBe('graded');
  });
  it('the published evidence schema requires them too', () => {
    const schema = compiled(SRC).evidenceSchema as { properties: { evidence: Record<string, unknown> } };
    expect(schema.properties.evidence).toMatchObject({
      required: ['a'],
      allOf: [{ properties: { a: { not: { type: 'null' } } } }, { anyOf: [{ required: ['i'] }, { required: ['old_i'] }] }],
    });
  });
});
