// The evidence template and the evidence JSON Schema: the template is valid YAML listing every field with its
// label, unit and methods; filled with a sample's values it assesses like the sample; the schema accepts the samples.

import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { parseEvidenceText } from '../../engine/index';
import { evidenceTemplate } from '../../engine/evidence/template';
import { platforms, ruleset } from '../rulesets/load';

describe('assay template', () => {
  for (const v of ['0.9', '1.0'] as const) {
    const r = ruleset(v);

    it(`${v}: parses as YAML with every field blank, and comments in the chosen language`, () => {
      const t = evidenceTemplate(r.model, 'en');
      const doc = parse(t) as { platform: unknown; evidence: Record<string, unknown> };
      expect(Object.keys(doc.evidence)).toEqual([...r.model.inputs.map((i) => i.id), ...r.model.indicators.map((i) => i.id)]);
      expect(Object.values(doc.evidence).every((x) => x === null)).toBe(true);
      expect(t).toContain('# Power usage effectiveness (annual) [weight 3]');
      expect(t).toContain('unit: ratio');
      expect(t).toContain('methods: Verification of operating data (DV)');
      expect(t).toContain('one of: full | partial | none | misleading');
      expect(evidenceTemplate(r.model, 'zh-Hans')).toContain('# 电能利用效率');
      expect(evidenceTemplate(r.model, 'zh-Hant')).toContain('# 電能使用效率');
    });

    it(`${v}: filled in with each sample's values, it validates and assesses like the sample`, () => {
      for (const p of platforms()) {
        const doc = parseDocument(evidenceTemplate(r.model, 'en'));
        doc.set('platform', p.platform);
        for (const [k, value] of Object.entries(p.evidence)) doc.setIn(['evidence', r.model.formerIds.get(k) ?? k], value);
        const filled = parseEvidenceText(String(doc), 'filled.yaml');
        expect(filled.issues).toEqual([]);
        const mine = r.evaluate(filled.platforms[0] as never);
        const theirs = r.evaluate({ platform: p.platform, evidence: p.evidence });
        expect(mine.errors).toEqual([]);
        expect({ ...mine, warnings: [], indicators: {} }).toEqual({ ...theirs, warnings: [], indicators: {} });
      }
    });
  }

  it('an unfilled template is valid evidence with everything missing', () => {
    const r = ruleset('1.0');
    const doc = parseDocument(evidenceTemplate(r.model, 'en'));
    doc.set('platform', 'blank');
    const parsed = parseEvidenceText(String(doc), 'blank.yaml');
    expect(parsed.issues).toEqual([]);
    const a = r.evaluate(parsed.platforms[0] as never);
    expect(a.errors).toEqual([]);
    expect(a.outcome).toBe('not_rated');
  });
});

describe('assay schema', () => {
  it('accepts every sample and describes types, ranges, enums, labels, units and former ids', () => {
    const r = ruleset('1.0');
    const s = r.evidenceSchema as { properties: { evidence: { properties: Record<string, Record<string, unknown>> } } };
    const validate = new Ajv({ strict: false }).compile(s);
    for (const p of platforms()) expect(validate({ platform: p.platform, name: p.name, evidence: JSON.parse(JSON.stringify(p.evidence)) }), p.file).toBe(true);
    const props = s.properties.evidence.properties;
    expect(props['pue']).toMatchObject({ minimum: 1 });
    expect(props['pue']?.['description']).toContain('unit: ratio');
    expect(props['pue']?.['description']).toContain('zh-Hans: 电能利用效率');
    expect(props['metric_disclosure']?.['enum']).toEqual(['full', 'partial', 'none', 'misleading', null]);
    expect(props['multi_scenario_coverage']).toMatchObject({ minimum: 0, maximum: 7 });
    expect(props['compute_redundancy']?.['description']).toContain('hot_spare_capacity_ratio');
    expect(validate({ platform: 'x', evidence: { pue: 0.5 } })).toBe(false);
  });
});
