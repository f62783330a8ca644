// Fuzzing numbers (issue 17): long decimals near the bundled thresholds, exponent forms and many keys, written as
// YAML, JSON, NDJSON and CSV. Every format gives the same result; a decimal a hair either side of a threshold lands
// on its side; numbers beyond the limits are refused by every format alike; reading stays fast.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRecord, csvShape, ndjsonRecord, type CsvShape, type RecordResult } from '../../cli/stream/records';
import { MAX_NUMBER_DIGITS } from '../../dsl/lexer';
import { compileRuleset, parseEvidenceText, toResultJson } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import type { CompiledRuleset } from '../../engine/compile';
import { params, tally } from './budget';

const TEXT = readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8');
const compiled = compileRuleset(TEXT).ruleset;
if (!compiled) throw new Error('1.0 does not compile');
const ruleset = compiled;
/** Top-level number fields of 1.0 (what a CSV column and every other format can carry alike). */
const NUMBER_FIELDS = [...ruleset.model.fields].filter(([, f]) => f.type?.kind === 'number').map(([id]) => id);
/** The decimals the ruleset compares with (band bounds, domains, conditions). */
const THRESHOLDS = [...new Set(TEXT.match(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g) ?? [])];

/** `t` moved by `sign`·10^-k, written out exactly (k ≥ the decimals of t). */
function nudge(t: string, k: number, sign: -1 | 0 | 1): string {
  const [int = '0', frac = ''] = t.split('.');
  let n = BigInt(int + frac.padEnd(k, '0')) + BigInt(sign);
  const neg = n < 0n;
  if (neg) n = -n;
  const digits = n.toString().padStart(k + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -k)}.${digits.slice(-k)}`;
}

/** A decimal text in one of the forms evidence may use: plain, with trailing zeros, or with an exponent. */
function written(d: string, form: number): string {
  if (form === 1) return d + '000';
  if (form === 2 && d.includes('.') && !d.startsWith('-')) {
    const [int = '0', frac = ''] = d.split('.');
    return `${BigInt(int + frac)}e-${frac.length}`;
  }
  return d;
}

/** A number near a threshold of the ruleset: on it, or a hair (10^-k, k up to 120) below or above. */
const nearThreshold = fc
  .tuple(fc.constantFrom(...THRESHOLDS), fc.integer({ min: 1, max: 120 }), fc.constantFrom(-1 as const, 0 as const, 1 as const), fc.integer({ min: 0, max: 2 }))
  .map(([t, k, sign, form]) => written(nudge(t, Math.max(k, (t.split('.')[1] ?? '').length), sign), form));

const evidence = fc.dictionary(fc.constantFrom(...NUMBER_FIELDS), nearThreshold, { minKeys: 1, maxKeys: 12 });

function platformOf(r: RecordResult): PlatformInput | string {
  return 'error' in r ? r.error : r.platform;
}

/** One platform's evidence (field → number text) read from YAML, JSON, NDJSON and CSV. */
function readAll(ev: Record<string, string>, rs: CompiledRuleset = ruleset): Record<string, PlatformInput | string> {
  const keys = Object.keys(ev);
  const yaml = parseEvidenceText(`platform: P\nevidence:\n${keys.map((k) => `  ${k}: ${ev[k]}\n`).join('')}`);
  const json = parseEvidenceText(`{"platform": "P", "evidence": {${keys.map((k) => `"${k}": ${ev[k]}`).join(', ')}}}`);
  const fileOf = (p: typeof yaml): PlatformInput | string => p.platforms[0] ?? p.issues.map((i) => i.message).join('; ');
  const shape = csvShape(`platform,${keys.join(',')}`, rs.model) as CsvShape;
  return {
    yaml: fileOf(yaml),
    json: fileOf(json),
    ndjson: platformOf(ndjsonRecord(`{"platform":"P","evidence":{${keys.map((k) => `"${k}":${ev[k]}`).join(',')}}}`)),
    csv: platformOf(csvRecord(`P,${keys.map((k) => ev[k]).join(',')}`, shape)),
  };
}

function resultOf(p: PlatformInput | string, rs: CompiledRuleset = ruleset): string {
  if (typeof p === 'string') return `error: ${p.replace(/`[^`]*`: /, '')}`;
  return JSON.stringify(toResultJson(rs.assess(p)));
}

/** Rulesets with one band at a long threshold each: a value ≤ it scores 100, above it 0. */
const LONG_THRESHOLDS = ['1.25', '0.1', '99.999999999999999999999', '0.' + '0'.repeat(300) + '1', '7.' + '3'.repeat(900)];
const BANDED = LONG_THRESHOLDS.map((t) => {
  const c = compileRuleset(`ruleset "t" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "测试" zh-Hant "測試" en "Test" }
  total 100
}
dimension A {
  weight 100
  indicator x {
    weight 100
    type number
    bands {
      <= ${t}: 100
      else: 0
    }
  }
}
`).ruleset;
  if (!c) throw new Error(`threshold ${t.slice(0, 20)} does not compile`);
  return { t, ruleset: c };
});

describe('fuzz: numbers', () => {
  it('one platform gives one result from YAML, JSON, NDJSON and CSV (decimals near the thresholds of 1.0)', () => {
    fc.assert(
      fc.property(evidence, (ev) => {
        const got = Object.entries(readAll(ev)).map(([format, p]) => [format, resultOf(p)] as const);
        const [first] = got;
        for (const [format, r] of got) expect(r, `${format} vs ${first?.[0]}: ${JSON.stringify(ev)}`).toBe(first?.[1]);
      }),
      params('same result in every format', 0.008),
    );
  });

  it('long decimals a hair from a long threshold land on its right side, in every format', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BANDED.length - 1 }),
        fc.integer({ min: 1, max: MAX_NUMBER_DIGITS - 10 }),
        fc.constantFrom(-1 as const, 0 as const, 1 as const),
        fc.integer({ min: 0, max: 2 }),
        (i, k, sign, form) => {
          const b = BANDED[i];
          if (!b) return;
          const places = Math.max(k, (b.t.split('.')[1] ?? '').length);
          const v = written(nudge(b.t, places, sign), form);
          // An exponent form of more than 400 places is beyond the limit: refused alike everywhere (next property).
          if (form === 2 && places > 400) return;
          const want = sign <= 0 ? '100' : '0';
          for (const [format, p] of Object.entries(readAll({ x: v }, b.ruleset))) {
            expect(typeof p === 'string' ? p : b.ruleset.assess(p).indicators[0]?.points?.toFraction(), `${format} ${v.slice(0, 30)}… (${v.length} chars)`).toBe(want);
          }
        },
      ),
      params('long decimals at thresholds', 0.008),
    );
  });

  it('many keys and numbers beyond the limits: read or refused alike by every format, in bounded time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 2, max: 3 * MAX_NUMBER_DIGITS }), fc.boolean(), (extra, digits, exponent) => {
        const ev: Record<string, string> = {};
        for (let i = 0; i < extra; i++) ev[`k${i}`] = String(i);
        ev['pue'] = exponent ? `1e-${digits}` : `1.${'0'.repeat(digits - 2)}1`;
        const t0 = performance.now();
        const all = readAll(ev);
        expect(performance.now() - t0, `${extra} keys, ${digits} digits`).toBeLessThan(2_000);
        const over = exponent ? digits > 400 : digits > MAX_NUMBER_DIGITS;
        for (const [format, p] of Object.entries(all)) {
          expect(typeof p === 'string' ? (p.match(/E14[56]|digits|exponent/) ? 'refused' : p) : 'read', format).toBe(over ? 'refused' : 'read');
        }
      }),
      params('many keys and long numbers', 0.004),
    );
  });
});

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz (numbers): ${total} cases: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});
