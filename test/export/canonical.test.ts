// The canonical JSON form: export → import is lossless (bundled rulesets and random ASTs), the published JSON
// Schema accepts what the exporter writes, and the content hash is the hash of the canonical JSON.

import Ajv from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCanonical } from '../../dsl/canonical';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { exportCanonicalText } from '../../engine/export/canonical';
import { rulesetFromCanonical } from '../../engine/import/canonical';
import { importRulesetJson } from '../../engine/import/ruleset';
import { rulesetHash, sha256Text } from '../../engine/model/hash';
import { ROOT, rulesetText } from '../rulesets/load';
import { ruleset as randomRuleset } from '../support/arbitrary-ruleset';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ruleset.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const VERSIONS = ['0.9', '1.0'] as const;

describe('canonical JSON of the bundled rulesets', () => {
  for (const v of VERSIONS) {
    const ast = parseRuleset(rulesetText(v)).ast;
    const json = exportCanonicalText(ast);

    it(`${v}: import gives the formatted DSL (without comments) and the same canonical form`, () => {
      const r = importRulesetJson(json);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(r.text).toBe(printRuleset({ ...ast, comments: [] }));
      expect(toCanonical(parseRuleset(r.text).ast)).toEqual(toCanonical(ast));
    });

    it(`${v}: the content hash is the hash of the canonical JSON`, () => {
      expect(rulesetHash(ast)).toBe(`sha256:${sha256Text(JSON.stringify(JSON.parse(json)))}`);
    });

    it(`${v}: the published JSON Schema accepts the export`, () => {
      expect(validate(JSON.parse(json)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });

    it(`${v}: keys come in a stable order (kind first, then alphabetical) and no span is left`, () => {
      expect(json).not.toContain('"span"');
      expect(json).not.toContain('"comments"');
      expect(exportCanonicalText(parseRuleset(printRuleset(ast)).ast)).toBe(json);
    });
  }
});

describe('round trip on random rulesets', () => {
  it('export → import gives back the same canonical AST, accepted by the JSON Schema', () => {
    fc.assert(
      fc.property(randomRuleset, (ast) => {
        const json = exportCanonicalText(ast);
        expect(validate(JSON.parse(json)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const r = importRulesetJson(json);
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        expect(toCanonical(r.ast)).toEqual(toCanonical(ast));
        expect(toCanonical(parseRuleset(r.text).ast)).toEqual(toCanonical(ast));
        expect(rulesetHash(r.ast)).toBe(rulesetHash(ast));
      }),
      { numRuns: 200 },
    );
  });
});

describe('bad canonical JSON', () => {
  const good = JSON.parse(exportCanonicalText(parseRuleset(rulesetText('1.0')).ast)) as Record<string, unknown>;
  const issues = (data: unknown) => {
    const r = rulesetFromCanonical(data);
    return r.ok ? [] : r.issues.map((i) => `${i.problem} ${i.path} ${i.detail}`);
  };

  it('names every problem by its JSON Pointer, and the JSON Schema rejects it too', () => {
    const bad = structuredClone(good) as { items: Record<string, unknown>[] };
    const dim = bad.items.find((i) => i['kind'] === 'Dimension') as { indicators: Record<string, unknown>[] };
    const idx = bad.items.indexOf(dim as unknown as Record<string, unknown>);
    (dim.indicators[0] as Record<string, unknown>)['weight'] = { kind: 'Num', text: '4 points' };
    (dim.indicators[1] as Record<string, unknown>)['colour'] = 'red';
    delete (dim.indicators[2] as Record<string, unknown>)['id'];
    expect(issues(bad)).toEqual([
      `expected /items/${idx}/indicators/0/weight/text decimal text`,
      `unknown-key /items/${idx}/indicators/1/colour colour`,
      `missing /items/${idx}/indicators/2/id id`,
    ]);
    expect(validate(bad)).toBe(false);
  });

  it('rejects ids that are not identifiers, unknown kinds and recovery holes', () => {
    expect(issues({ kind: 'Ruleset', id: { kind: 'Str', value: 'x' }, header: {}, items: [{ kind: 'Method', id: { kind: 'Name', name: 'a b' } }] })).toEqual([
      'expected /items/0/id/name identifier',
    ]);
    expect(issues({ kind: 'Ruleset', id: { kind: 'Str', value: 'x' }, header: {}, items: [{ kind: 'Rule' }] })[0]).toMatch(/^expected \/items\/0 declaration/);
    expect(issues({ kind: 'Ruleset', id: { kind: 'Str', value: 'x' }, header: {}, items: [{ kind: 'Veto', id: { kind: 'Name', name: 'V' }, when: { kind: 'Error' } }] })).toEqual([
      'expected /items/0/when expression node',
    ]);
    expect(issues(null)).toEqual(['expected  `Ruleset` node']);
    expect(issues({ kind: 'Ruleset', ['__proto__']: 1, id: { kind: 'Str', value: 'x' }, header: {}, items: [] })).toEqual([
      'unknown-key /__proto__ __proto__',
    ]);
  });

  it('rejects text that is not JSON, and a ruleset whose DSL would not read back (a keyword as id)', () => {
    const notJson = importRulesetJson('{ "kind": ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.issues[0]?.problem).toBe('json');
    const keyword = importRulesetJson(
      JSON.stringify({ kind: 'Ruleset', header: {}, id: { kind: 'Str', value: 'x' }, items: [{ kind: 'Method', id: { kind: 'Name', name: 'dimension' } }] }),
    );
    expect(keyword.ok).toBe(false);
    if (!keyword.ok) expect(keyword.issues[0]?.problem).toBe('round-trip');
  });
});

describe('canonical JSON of the language growth (#13)', () => {
  const CVSS = `ruleset "cvss" {
  version "3.1"
  evidence required
  precision 4
}
input AV: enum { N, A, L, P } { required }
input S: enum { U, C }
derive iss: number 0 to 1 {
  label { en "ISS" }
  unit "ratio"
  formula 1 - (1 - table AV { N: 0.56, A: 0.22, else: 0 }) * (1 - table (AV, S) { (N, U): 0.85, (L, C): 0.68, else: 0 })
}
derive rating: enum { low, high } { formula if iss > 0.5 then high else low }
total: number 0 to 10 {
  note "base score"
  formula ceil(round(min(iss ^ 2 * 10, 10), 5, half_up), 1) - floor(iss, -1) + 2 ^ -1
}
dimension D { indicator i { weight 100 required type number formula value } }
`;
  const ast = parseRuleset(CVSS).ast;
  const json = exportCanonicalText(ast);

  it('exports every new construct, accepted by the JSON Schema, and imports it back to the same form', () => {
    expect(parseRuleset(CVSS).diagnostics).toEqual([]);
    const data = JSON.parse(json) as { header: Record<string, unknown>; items: Record<string, unknown>[] };
    expect(data.header).toMatchObject({ evidenceRequired: true, precision: { kind: 'Num', text: '4' } });
    expect(data.items[0]).toMatchObject({ kind: 'Input', required: true });
    expect(data.items.map((i) => i['kind'])).toEqual(['Input', 'Input', 'Derive', 'Derive', 'TotalFormula', 'Dimension']);
    expect(json).toContain('"kind": "Table"');
    expect(json).toContain('"mode": {\n');
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const r = importRulesetJson(json);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(toCanonical(r.ast)).toEqual(toCanonical(ast));
    expect(r.text).toBe(printRuleset({ ...ast, comments: [] }));
    expect(rulesetHash(r.ast)).toBe(rulesetHash(ast));
  });

  it('keeps the content hashes of csp-assessment 0.9 and 1.0 as they were before the new constructs', () => {
    // computed on branch lang-ast (8316cef) with its dsl/canonical.ts; 1.0's is the one in test/report/golden/1.0.batch.md
    expect(rulesetHash(parseRuleset(rulesetText('0.9')).ast)).toBe('sha256:04a6a45aefeafef03d2fe3a5bc8b1148aa715bfce03d54f67f57997aa778ad58');
    expect(rulesetHash(parseRuleset(rulesetText('1.0')).ast)).toBe('sha256:880bf0a630f3248266a8e37e16e8200fde7c625b70b5ef4ae9f9644012b7e3ae');
  });

  it('hashes a flag (`required`, `evidence required`) by presence, not by where it is written', () => {
    const a = parseRuleset('ruleset "t" { version "1" evidence required }\ninput x: number { required }').ast;
    const b = parseRuleset('ruleset "t" {\n  evidence required\n  version "1"\n}\n\ninput x: number {\n  required\n}\n').ast;
    expect(rulesetHash(a)).toBe(rulesetHash(b));
    expect(rulesetHash(a)).not.toBe(rulesetHash(parseRuleset('ruleset "t" { version "1" }\ninput x: number { required }').ast));
  });

  it('rejects malformed new nodes, by path, and the JSON Schema rejects them too', () => {
    const at = (i: number) => `/items/${i}`;
    const bad = (mutate: (d: { header: Record<string, unknown>; items: Record<string, unknown>[] }) => void): [string[], boolean] => {
      const d = JSON.parse(json) as { header: Record<string, unknown>; items: Record<string, unknown>[] };
      mutate(d);
      const r = rulesetFromCanonical(d);
      return [r.ok ? [] : r.issues.map((i) => `${i.problem} ${i.path}`), validate(d)];
    };
    expect(bad((d) => void (d.header['evidenceRequired'] = false))).toEqual([['expected /header/evidenceRequired'], false]);
    expect(bad((d) => void (d.header['precision'] = { kind: 'Num', text: '1.5' }))).toEqual([['expected /header/precision/text'], false]);
    expect(bad((d) => void ((d.items[2] as Record<string, unknown>)['type'] = { kind: 'Object', fields: [] }))).toEqual([[`expected ${at(2)}/type`], false]);
    expect(bad((d) => void delete (d.items[4] as Record<string, unknown>)['formula'])).toEqual([[`missing ${at(4)}/formula`], false]);
    expect(bad((d) => void ((d.items[4] as Record<string, unknown>)['type'] = { kind: 'Scalar', name: 'boolean' }))).toEqual([[`expected ${at(4)}/type`], false]);
    // the total's formula is (ceil(round(…)) - floor(…)) + 2 ^ -1
    const round = (d: { items: Record<string, unknown>[] }) =>
      (d.items[4] as { formula: { left: { left: { args: Record<string, unknown>[] } } } }).formula.left.left.args[0] as Record<string, unknown>;
    expect(bad((d) => void (round(d)['fn'] = 'floor'))).toEqual([[`unknown-key ${at(4)}/formula/left/left/args/0/mode`], false]);
    expect(bad((d) => void (round(d)['mode'] = { kind: 'Mode', name: 'half_upp' }))).toEqual([[`expected ${at(4)}/formula/left/left/args/0/mode/name`], false]);
    const table = (d: { items: Record<string, unknown>[] }) => (d.items[2] as { formula: { right: { left: { right: Record<string, unknown> } } } }).formula.right.left.right;
    expect(bad((d) => void (table(d)['keys'] = []))).toEqual([[`expected ${at(2)}/formula/right/left/right/keys`], false]);
    expect(bad((d) => void (table(d)['keys'] = [{ kind: 'Num', text: '1' }]))).toEqual([[`expected ${at(2)}/formula/right/left/right/keys`], false]);
  });
});
