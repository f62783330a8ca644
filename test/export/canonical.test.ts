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
