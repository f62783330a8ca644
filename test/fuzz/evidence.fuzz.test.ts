// Fuzzing evidence with hostile content: prototype keys, deep nesting, numbers as text, NaN, Infinity, 1e309,
// empty files, YAML tags, anchors and aliases that expand hugely, random bytes. Each file is read with
// `parseEvidenceText` and each platform assessed by the bundled 1.0 ruleset: never a throw or a hang, never a
// polluted prototype, and always either platforms or a clear evidence error.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type Code } from '../../dsl/messages';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { params, tally } from './budget';

const compiled = compileRuleset(readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8')).ruleset;
if (!compiled) throw new Error('1.0 does not compile');
const ruleset = compiled;
const FIELDS = [...ruleset.model.fields.keys(), ...ruleset.model.formerIds.keys()];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', ''];
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

const key = fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 }));
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -10, max: 20000 }),
  fc.double(),
  fc.constantFrom('95', '1.2', 'NaN', 'Infinity', '-0', '1e309', '', 'L3', 'none', 'major', 'tiered_auto', 'true'),
  fc.string({ maxLength: 12 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 5 }),
})).v;

/** JSON text of a platform document (or list, or something else) with hostile evidence. */
const jsonDoc = fc
  .tuple(
    fc.dictionary(key, value, { maxKeys: 30 }),
    fc.constantFrom('doc', 'list', 'bare', 'junk'),
    fc.oneof(fc.constant('p1'), fc.constantFrom('', '__proto__', 'constructor'), fc.string({ maxLength: 6 })),
  )
  .map(([evidence, shape, platform]) => {
    // JSON.parse-free construction: hostile keys go in as own properties of the text.
    const ev = JSON.stringify(Object.fromEntries(Object.entries(evidence)));
    const hostile = `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}`;
    const doc = `{"platform": ${JSON.stringify(platform)}, "name": "n", "evidence": ${ev.length > 2 ? ev.slice(0, -1) + ', "__proto__": {"polluted": 1}}' : hostile}}`;
    return shape === 'doc' ? doc : shape === 'list' ? `[${doc}, ${doc}]` : shape === 'bare' ? ev : `${doc}]`;
  });

/** YAML texts that stress the reader: special numbers, tags, anchors, aliases, documents, nesting. */
const yamlDoc = fc.oneof(
  fc
    .tuple(fc.constantFrom(...FIELDS), fc.constantFrom('.nan', '.inf', '-.inf', '1e309', '-1e309', '0x1F', '0o17', '~', '"95"', "'1.20'", '!!str 95', '!!binary aGk=', '!!js/function "x"', '1_000', '+12', '99.999999999999999999999', '1e-400', '12:30', 'yes', 'No'))
    .map(([f, v]) => `platform: p\nname: n\nevidence:\n  ${f}: ${v}\n`),
  fc.integer({ min: 2, max: 7 }).map((n) => {
    // billion laughs: each level refers to the previous one ten times
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return `platform: p\nname: n\nevidence:\n  pue: 1.2\n  ${lines.join('\n  ')}\n`;
  }),
  fc.integer({ min: 1, max: 80 }).map((n) => `platform: p\nname: n\nevidence:\n  pue: ${'['.repeat(n)}1${']'.repeat(n)}\n`),
  fc.integer({ min: 1, max: 80 }).map((n) => `platform: p\nevidence: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
  fc.constantFrom('', ' ', '\n', '# only a comment\n', '---\n---\n', '---\nplatform: p\n---\nplatform: q\nevidence: {}\n', 'null', '[]', '{}', '"text"', '42', '\ufeff', 'platform: p\nplatform: q\n', 'platform: p\nevidence:\n  pue: 1\n  pue: 2\n', '<<: *x', 'a: &a 1\nb: *zz\n', 'platform: p\nevidence: !!set {a, b}\n'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.constantFrom(...FIELDS), fc.string({ unit: 'binary', maxLength: 30 })).map(([f, s]) => `platform: p\nevidence:\n  ${f}: ${JSON.stringify(s)}\n`),
);

/** Placeholders of the code's message that its arguments do not fill. */
function unfilled(code: Code, args: Readonly<Record<string, unknown>>): string[] {
  const holes = [...CATALOGUE[code].message.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return holes.filter((h) => !Object.hasOwn(args, h));
}

function prototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

function checkEvidence(text: string): void {
  const t0 = performance.now();
  const parsed = parseEvidenceText(text, 'fuzz.yaml');
  const errors = parsed.issues.filter((i) => CATALOGUE[i.code as Code]?.severity === 'error');
  for (const i of parsed.issues) {
    expect(Object.hasOwn(CATALOGUE, i.code), i.code).toBe(true);
    expect(unfilled(i.code as Code, i.args ?? {}), i.code).toEqual([]);
  }
  // Each file gets platforms or a clear evidence error.
  if (parsed.platforms.length === 0) expect(errors.length, `no platform and no error for ${JSON.stringify(text.slice(0, 80))}`).toBeGreaterThan(0);
  for (const p of parsed.platforms) {
    const a = ruleset.assess({ platform: p.platform, ...(p.name !== undefined ? { name: p.name } : {}), evidence: p.evidence });
    expect(['graded', 'vetoed', 'not_rated', 'invalid']).toContain(a.outcome);
    expect(a.outcome === 'invalid').toBe(a.errors.length > 0);
    for (const e of [...a.errors, ...a.warnings]) {
      expect(e.message.startsWith('internal error'), e.message).toBe(false);
      if (Object.hasOwn(CATALOGUE, e.code)) expect(unfilled(e.code as Code, e.args ?? {}), e.code).toEqual([]);
    }
    ruleset.evaluate({ platform: p.platform, evidence: p.evidence });
  }
  expect(performance.now() - t0, 'evidence time').toBeLessThan(5_000);
  prototypeIntact();
}

describe('fuzz: evidence', () => {
  it('hostile JSON documents', () => {
    fc.assert(fc.property(jsonDoc, checkEvidence), params('hostile JSON', 0.15));
  });

  it('hostile YAML documents', () => {
    fc.assert(fc.property(yamlDoc, checkEvidence), params('hostile YAML', 0.07));
  });

  it('hostile evidence objects passed directly (no file)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 40 }), (ev) => {
        const a = ruleset.assess({ platform: 'p', evidence: ev });
        expect(a.outcome === 'invalid').toBe(a.errors.length > 0);
        expect(a.errors.every((e) => !e.message.startsWith('internal error'))).toBe(true);
        prototypeIntact();
      }),
      params('hostile objects', 0.038),
    );
  });

  it('non-object evidence values are refused with a clear error', () => {
    for (const ev of [null, undefined, 42, 'text', [], [1, 2], true, NaN, Infinity]) {
      const a = ruleset.assess({ platform: 'p', evidence: ev });
      expect(a.outcome === 'invalid' || a.errors.length === 0).toBe(true);
    }
  });
});

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz (evidence): ${total} cases: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});
