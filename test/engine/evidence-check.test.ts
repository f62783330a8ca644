// The evidence check validates each field by a validator of its own property schema (shared across fields and
// rulesets) instead of compiling the ruleset's whole schema at once: it must give the errors ajv gives for the
// whole schema, in the same order, and cost no more than linear in the ruleset to build.
// In: every bundled ruleset and a generated one, generated platforms with invalid values, hostile keys.
// Out: `validateEvidence` with the per-property check equals it with a whole-schema ajv check, issue for issue.

import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import { compileEvidenceCheck, validateEvidence, type EvidenceCheck } from '../../engine/evidence/validate';
import { fieldsSchema } from '../../engine/evidence/schema';
import type { Model } from '../../engine/model/model';
import { generatePlatforms } from '../../bench/generate';
import { generateRuleset } from '../../bench/big-ruleset';
import { ROOT } from '../rulesets/load';

/** The check as it was: the whole schema compiled by ajv into one function. */
function wholeSchemaCheck(model: Model): EvidenceCheck {
  const schema = fieldsSchema(model, false);
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, ownProperties: true, coerceTypes: false, useDefaults: false });
  const v = ajv.compile(schema);
  return { schema, validate: (d) => (v(d) ? [] : [...(v.errors ?? [])]) };
}

const rulesets = (): { name: string; model: Model }[] => {
  const out: { name: string; model: Model }[] = [];
  for (const dir of readdirSync(join(ROOT, 'rulesets'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(ROOT, 'rulesets', dir.name)).filter((x) => x.endsWith('.assay'))) {
      const r = compileRuleset(readFileSync(join(ROOT, 'rulesets', dir.name, f), 'utf8')).ruleset;
      if (r) out.push({ name: `${dir.name}/${f}`, model: r.model });
    }
  }
  const big = compileRuleset(generateRuleset(120, 50, true)).ruleset;
  if (big) out.push({ name: 'generated 120', model: big.model });
  return out;
};

describe('the per-property evidence check', () => {
  const all = rulesets();
  it('finds the bundled rulesets', () => expect(all.length).toBeGreaterThanOrEqual(5));

  for (const { name, model } of all) {
    it(`gives the whole schema's errors, in order, on ${name}`, () => {
      const whole = wholeSchemaCheck(model);
      const mine = compileEvidenceCheck(model);
      const platforms = generatePlatforms(model, 300, 11, { missing: 0.1, invalid: 0.7 });
      // Hostile and odd keys beside the fields: JSON Pointer characters, prototype names.
      const odd = JSON.parse('{"__proto__": 5, "a/b": "x", "c~d": [1], "constructor": 1}') as Record<string, unknown>;
      platforms.push({ platform: 'odd', evidence: { ...odd, ...(platforms[0]?.evidence as object) } });
      let invalid = 0;
      for (const p of platforms) {
        for (const lenient of [false, true]) {
          const a = validateEvidence(model, whole, p.evidence, 'en', { lenient });
          const b = validateEvidence(model, mine, p.evidence, 'en', { lenient });
          expect(b.errors).toEqual(a.errors);
          expect(b.warnings).toEqual(a.warnings);
          expect([...b.values.keys()]).toEqual([...a.values.keys()]);
          if (a.errors.length > 0) invalid++;
        }
      }
      expect(invalid).toBeGreaterThan(50);
    });
  }

  it('validates every type error of a field in the schema order, with JSON Pointer paths', () => {
    const model = all.find((x) => x.name === 'csp-assessment/1.0.assay')?.model as Model;
    const ev: Record<string, unknown> = {};
    for (const [id, f] of model.fields) ev[id] = f.type?.kind === 'number' ? 'text' : 7;
    const whole = wholeSchemaCheck(model).validate(ev);
    expect(compileEvidenceCheck(model).validate(ev)).toEqual(whole.map((e) => ({ ...e, schemaPath: expect.any(String) })));
    expect(whole.length).toBeGreaterThan(10);
  });
});
