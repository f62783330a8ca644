// Hostile numbers and hostile shapes in evidence and rulesets (issue 17): long decimals, many keys, deep nesting.
// In: generated YAML/JSON texts and DSL snippets. Out: exact values or the limit's diagnostic, in bounded time.

import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_DIGITS } from '../../dsl/lexer';
import { lineCol } from '../../dsl/source';
import { compileRuleset, parseEvidenceText, Rational } from '../../engine/index';
import { exactNumber } from '../../engine/evidence/read';
import { readJsonExact } from '../../engine/evidence/json-exact';
import { ok, pts, rs } from './helpers';

const SRC = rs(`
dimension A {
  weight 100
  indicator pue {
    weight 100
    type number >= 1
    bands {
      <= 1.25: 100
      else: 0
    }
  }
}`);

/** Milliseconds `f` takes, with its result. */
function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

const codes = (text: string): string[] => parseEvidenceText(text, 'f').issues.map((i) => i.code);

describe('long decimals', () => {
  it('are read, printed and tested for a finite expansion in near-linear time (300,000 digits)', () => {
    const text = '1.' + '0'.repeat(300_000) + '1';
    const [s, ms] = timed(() => {
      const q = Rational.parse(text);
      if (!q) throw new Error('not parsed');
      expect(q.isFiniteDecimal()).toBe(true);
      expect(q.div(Rational.of(3n)).isFiniteDecimal()).toBe(false);
      return q.toDecimalString();
    });
    expect(s).toBe(text);
    // One division per factor of 2 and 5 took 131 s here.
    expect(ms).toBeLessThan(3_000);
  });

  it('reduce as Euclid would: factors of 2 and 5 counted, exponents and zeros kept exact', () => {
    expect(Rational.parse('12500e-3')?.toFraction()).toBe('25/2');
    expect(Rational.parse('0.000')?.toFraction()).toBe('0');
    expect(Rational.parse('-0.0')?.toFraction()).toBe('0');
    expect(Rational.parse('17e11')?.toFraction()).toBe('1700000000000');
    expect(Rational.parse('-3.1250')?.toFraction()).toBe('-25/8');
    expect(Rational.parse('1e-400')?.toDecimalString()).toBe('0.' + '0'.repeat(399) + '1');
    expect(Rational.parse('1e-401')).toBeUndefined();
    expect(Rational.of(7n, 2n ** 40n * 5n ** 3n).toDecimalString()).toBe(Rational.of(7n, 2n ** 40n * 5n ** 3n).toFixed(40));
    expect(Rational.of(1n, 3n * 2n ** 10n).toDecimalString()).toBe('0.0003255208');
  });

  it('in evidence: at the limit they decide exactly, beyond it the platform is an error naming platform, field and limit', () => {
    const at = '1.25' + '0'.repeat(MAX_NUMBER_DIGITS - 4);
    const above = '1.25' + '0'.repeat(MAX_NUMBER_DIGITS - 5) + '1';
    for (const [v, p] of [[at, '100'], [above, '0']] as const) {
      const doc = parseEvidenceText(`platform: P\nevidence:\n  pue: ${v}\n`).platforms[0];
      expect(pts(ok(SRC).assess(doc ?? { platform: '', evidence: {} }), 'pue')).toBe(p);
    }
    const long = '1.' + '0'.repeat(100_000) + '1';
    for (const text of [
      `- platform: OK\n  evidence: {pue: 1.2}\n- platform: P\n  evidence:\n    pue: ${long}\n`,
      `[{"platform": "OK", "evidence": {"pue": 1.2}}, {"platform": "P", "evidence": {"pue": ${long}}}]`,
    ]) {
      const [r, ms] = timed(() => parseEvidenceText(text, 'f.yaml', { lang: 'zh-Hans' }));
      expect(ms).toBeLessThan(2_000);
      expect(r.platforms.map((p) => p.platform)).toEqual(['OK']);
      expect(r.issues.map((i) => [i.code, i.field, i.args])).toEqual([
        ['E145', 'pue', { limit: MAX_NUMBER_DIGITS, digits: 100_002, platform: 'P', field: 'pue', file: 'f.yaml' }],
      ]);
      expect(r.issues[0]?.message).toBe(`平台 \`P\`：\`pue\` 是 100002 位的数字，最多读取 ${MAX_NUMBER_DIGITS} 位`);
    }
  });

  it('an exponent beyond ±400 is an error, not a silent 0 or infinity', () => {
    for (const v of ['-1e-401', '1e401', '5E+999']) {
      expect(codes(`platform: P\nevidence:\n  pue: ${v}\n`), v).toEqual(['E146']);
      expect(codes(`{"platform": "P", "evidence": {"pue": ${v}}}`), v).toEqual(['E146']);
    }
    expect(parseEvidenceText('platform: P\nevidence:\n  pue: -1e-401\n', '', { lang: 'en' }).issues[0]?.message).toBe(
      'platform `P`: `pue` is -1e-401, whose exponent is beyond ±400',
    );
  });

  it('a ruleset literal beyond the limit is A113 at its place, found at once', () => {
    const src = rs(`dimension A {\n  weight 100\n  indicator pue {\n    weight 100\n    type number\n    bands {\n      <= 1.${'0'.repeat(100_000)}1: 100\n      else: 0\n    }\n  }\n}`);
    const [c, ms] = timed(() => compileRuleset(src, { path: 'r.assay' }));
    expect(ms).toBeLessThan(3_000);
    const a113 = c.diagnostics.filter((d) => d.code === 'A113');
    expect(a113).toHaveLength(1);
    const d = a113[0];
    if (!d) throw new Error('no A113');
    expect(src.slice(d.span.start, d.span.end)).toBe(`1.${'0'.repeat(100_000)}1`);
    expect(lineCol(src, d.span.start)).toEqual({ line: 14, col: 10 });
    expect(c.ruleset).toBeUndefined();
    // At the limit it is a number like any other.
    const fine = rs(`dimension A {\n  weight 100\n  indicator pue {\n    weight 100\n    type number\n    bands {\n      <= 1.${'0'.repeat(MAX_NUMBER_DIGITS - 2)}1: 100\n      else: 0\n    }\n  }\n}`);
    expect(compileRuleset(fine).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

describe('many keys, deep nesting', () => {
  const many = (n: number): string => {
    const ev: Record<string, number> = {};
    for (let i = 0; i < n; i++) ev[`k${i}`] = i;
    return JSON.stringify({ platform: 'P', evidence: ev });
  };

  it('a JSON file of 99,990 keys is read in linear time, one of 150,000 refused at the value limit', () => {
    // 76 s and 254 s here when the YAML library compared each key with every earlier one.
    const [r, ms] = timed(() => parseEvidenceText(many(99_990)));
    expect(r.issues).toEqual([]);
    expect(Object.keys(r.platforms[0]?.evidence ?? {})).toHaveLength(99_990);
    const [big, ms2] = timed(() => parseEvidenceText(many(150_000)));
    expect(big.issues.map((i) => i.code)).toEqual(['E133']);
    expect(ms + ms2).toBeLessThan(6_000);
  });

  it('a YAML file of 60,000 keys is read in linear time (duplicates are found with a Set)', () => {
    let text = 'platform: P\nevidence:\n';
    for (let i = 0; i < 60_000; i++) text += `  k${i}: ${i}\n`;
    const [r, ms] = timed(() => parseEvidenceText(text));
    expect(r.issues).toEqual([]);
    expect(ms).toBeLessThan(12_000);
  });

  it('duplicate keys are errors naming the key and where it is given again, in YAML and JSON', () => {
    const msg = (t: string): string[] => parseEvidenceText(t).issues.map((i) => `${i.code} ${i.message}`);
    expect(msg('platform: P\nevidence:\n  pue: 1\n  pue: 2\n')).toEqual(['E130 the file is not valid YAML or JSON: duplicate key "pue" at line 4, column 3']);
    expect(msg('{"platform": "P", "evidence": {"pue": 1,\n "pue": 2}}')).toEqual(['E130 the file is not valid YAML or JSON: duplicate key "pue" at line 2, column 2']);
    expect(msg('{"platform": "P", "evidence": {"__proto__": 1, "__proto__": 2}}')).toEqual([
      'E130 the file is not valid YAML or JSON: duplicate key "__proto__" at line 1, column 48',
    ]);
  });

  it('a 3 MB nest of brackets is refused at depth 33, quickly and in little memory', () => {
    const n = 1_500_000;
    const text = `{"platform":"P","evidence":{"a":${'['.repeat(n)}${']'.repeat(n)}}}`;
    const [r, ms] = timed(() => parseEvidenceText(text));
    expect(r.issues.map((i) => i.code)).toEqual(['E132']);
    // 15 s and 1.7 GB here when the YAML library built the whole tree first.
    expect(ms).toBeLessThan(1_500);
    const unclosed = `{"platform":"P","evidence":{"a":${'{"b":'.repeat(n / 5)}`;
    expect(parseEvidenceText(unclosed).issues.map((i) => i.code)).toEqual(['E132']);
  });
});

describe('JSON files read by the exact JSON reader', () => {
  it('keep what YAML reading gave: exact numbers, `__proto__` as a key, flow-style YAML and errors with places', () => {
    const p = parseEvidenceText('{"platform": "P", "evidence": {"__proto__": {"polluted": true}, "pue": 0.10000000000000000001, "n": [1, 2.50]}}').platforms[0];
    if (!p) throw new Error('no platform');
    expect(Object.keys(p.evidence)).toEqual(['__proto__', 'pue', 'n']);
    expect(Object.getPrototypeOf(p.evidence)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(exactNumber(p.evidence, 'pue')?.toFraction()).toBe('10000000000000000001/100000000000000000000');
    expect(exactNumber(p.evidence['n'] as object, '1')?.toFraction()).toBe('5/2');
    // YAML flow style that is not JSON is still read as YAML; broken JSON gets the YAML reader's message and place.
    expect(parseEvidenceText('{platform: P, evidence: {pue: 1.2}}').platforms).toHaveLength(1);
    expect(parseEvidenceText('{"platform": "P", "evidence": {"pue": 1.2}').issues[0]?.message).toMatch(/line 1, column \d+/);
    expect(parseEvidenceText('\ufeff [{"platform": "P", "evidence": {}}]').platforms).toHaveLength(1);
    expect('value' in readJsonExact('\ufeff [{"platform": "P", "evidence": {}}]', { maxDepth: 32, maxValues: 10, duplicates: 'error' })).toBe(true);
  });
});
