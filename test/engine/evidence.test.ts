// Evidence: reading YAML/JSON files, validating each platform against the ruleset, hostile input.
// In: evidence texts and objects, small rulesets. Out: platform documents, E1xx codes with the field they name.

import { describe, expect, it } from 'vitest';
import { compileEvidenceCheck, evidenceSchema, parseEvidenceText } from '../../engine/index';
import { assess, ind, ok, pts, rs } from './helpers';

const SRC = rs(`
input ok: boolean
input months: integer >= 0
input scenarios: integer 0 to 7
dimension A {
  weight 100
  indicator pue {
    weight 30
    type number >= 1
    bands {
      <= 1.25: 100
      else: 0
    }
  }
  indicator ratio {
    weight 30
    type percent
    bands {
      > 0.1: 100
      else: 0
    }
  }
  indicator tier {
    weight 20
    type enum { low, high }
    map {
      low: 0
      high: 100
    }
  }
  indicator fw {
    weight 20
    type object { frameworks: integer >= 0, archs: integer >= 0 }
    formerly frameworks_old
    bands {
      frameworks >= 2: 100
      else: 0
    }
  }
}`);

const GOOD = { ok: true, months: 3, scenarios: 7, pue: 1.2, ratio: 50, tier: 'high', fw: { frameworks: 2, archs: 1 } };

function errors(evidence: Record<string, unknown>): string[] {
  const a = assess(SRC, evidence);
  return a.errors.map((e) => `${e.code} ${e.field}`);
}

describe('reading files', () => {
  it('reads a YAML platform', () => {
    const p = parseEvidenceText('platform: P1\nname: 一号平台\nevidence:\n  pue: 1.2\n  ok: true\n', 'p1.yaml');
    expect(p.issues).toEqual([]);
    expect(p.platforms).toEqual([{ platform: 'P1', name: '一号平台', evidence: { pue: 1.2, ok: true } }]);
  });

  it('reads JSON, a list of platforms, and several YAML documents', () => {
    expect(parseEvidenceText('{"platform": "J", "evidence": {"pue": 1.3}}', 'j.json').platforms).toHaveLength(1);
    expect(parseEvidenceText('- platform: A\n  evidence: {}\n- platform: B\n  evidence: {}\n').platforms.map((p) => p.platform)).toEqual(['A', 'B']);
    expect(parseEvidenceText('platform: A\nevidence: {}\n---\nplatform: B\nevidence: {}\n').platforms).toHaveLength(2);
  });

  it('keeps numbers exact beyond double precision', () => {
    const p = parseEvidenceText('platform: P\nevidence:\n  ratio: 0.10000000000000000001\n');
    const a = ok(SRC).assess(p.platforms[0] ?? { platform: '', evidence: {} });
    expect(pts(a, 'ratio')).toBe('100');
    const b = ok(SRC).assess(parseEvidenceText('platform: P\nevidence:\n  ratio: 0.1\n').platforms[0] ?? { platform: '', evidence: {} });
    expect(pts(b, 'ratio')).toBe('0');
  });

  it('reads YAML 1.2 core schema: `yes` is text, not a boolean', () => {
    const p = parseEvidenceText('platform: P\nevidence:\n  ok: yes\n');
    expect(p.platforms[0]?.evidence['ok']).toBe('yes');
    expect(ok(SRC).assess(p.platforms[0] ?? { platform: '', evidence: {} }).errors.map((e) => e.code)).toEqual(['E101']);
  });

  it('reports file-level problems', () => {
    const code = (t: string) => parseEvidenceText(t).issues.map((i) => i.code);
    expect(code('platform: [unclosed\n')).toEqual(['E130']);
    expect(code('platform: A\nplatform: B\nevidence: {}\n')).toEqual(['E130']);
    expect(code('just text\n')).toEqual(['E134']);
    expect(code('evidence: {}\n')).toEqual(['E135']);
    expect(code('platform: P\nevidence: [1]\n')).toEqual(['E136']);
    expect(code('platform: P\nname: 3\nevidence: {}\n')).toEqual(['E138']);
    expect(code('platform: P\nevidence: {}\nextra: 1\n')).toEqual(['E137']);
    expect(code('')).toEqual(['E139']);
  });

  it('refuses files that are too large, too deep, or expand aliases without end', () => {
    expect(parseEvidenceText('x'.repeat(5 * 1024 * 1024)).issues.map((i) => i.code)).toEqual(['E131']);
    const deep = 'platform: P\nevidence:\n  a: ' + '['.repeat(100) + ']'.repeat(100) + '\n';
    expect(parseEvidenceText(deep).issues.map((i) => i.code)).toEqual(['E132']);
    const laughs = [
      'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'platform: P',
      'evidence: {x: *f}',
    ].join('\n');
    expect(parseEvidenceText(laughs).issues.map((i) => i.code)).toEqual(['E133']);
  });

  it('renders messages in the language asked for', () => {
    const [en] = parseEvidenceText('evidence: {}\n', 'f.yaml', { lang: 'en' }).issues;
    const [hans] = parseEvidenceText('evidence: {}\n', 'f.yaml', { lang: 'zh-Hans' }).issues;
    const [hant] = parseEvidenceText('evidence: {}\n', 'f.yaml', { lang: 'zh-Hant' }).issues;
    expect(en?.message).toContain('`platform`');
    expect(hans?.message).toContain('文本');
    expect(hant?.message).toContain('文字');
  });
});

describe('validation against the ruleset', () => {
  it('accepts good evidence', () => {
    expect(errors(GOOD)).toEqual([]);
  });

  it('reports each kind of bad value, naming the field', () => {
    expect(errors({ ...GOOD, ok: 'true' })).toEqual(['E101 ok']);
    expect(errors({ ...GOOD, pue: '1.2' })).toEqual(['E109 pue']);
    expect(errors({ ...GOOD, pue: 'low' })).toEqual(['E102 pue']);
    expect(errors({ ...GOOD, months: 2.5 })).toEqual(['E103 months']);
    expect(errors({ ...GOOD, tier: 'medium' })).toEqual(['E104 tier']);
    expect(errors({ ...GOOD, ratio: 100.01 })).toEqual(['E105 ratio']);
    expect(errors({ ...GOOD, ratio: -1 })).toEqual(['E105 ratio']);
    expect(errors({ ...GOOD, pue: 0.99 })).toEqual(['E105 pue']);
    expect(errors({ ...GOOD, scenarios: 8 })).toEqual(['E105 scenarios']);
    expect(errors({ ...GOOD, months: -1 })).toEqual(['E105 months']);
    expect(errors({ ...GOOD, fw: { frameworks: 2 } })).toEqual(['E107 fw.archs']);
    expect(errors({ ...GOOD, fw: { frameworks: 2, archs: null } })).toEqual(['E107 fw.archs']);
    expect(errors({ ...GOOD, fw: { frameworks: 2, archs: 1.5 } })).toEqual(['E103 fw.archs']);
    expect(errors({ ...GOOD, fw: 3 })).toEqual(['E106 fw']);
    expect(errors({ ...GOOD, pue: NaN })).toEqual(['E108 pue']);
    expect(errors({ ...GOOD, pue: Infinity })).toEqual(['E108 pue']);
  });

  it('reads .nan, .inf and 1e309 in YAML as errors', () => {
    for (const v of ['.nan', '.inf', '1e309']) {
      const p = parseEvidenceText(`platform: P\nevidence:\n  pue: ${v}\n`).platforms[0];
      expect(ok(SRC).assess(p ?? { platform: '', evidence: {} }).errors.map((e) => e.code)).toEqual(['E108']);
    }
  });

  it('reports every bad field at once; the platform is invalid and nothing is scored', () => {
    const a = assess(SRC, { ...GOOD, ok: 1, pue: 0.5, tier: 'x' });
    expect(a.errors.map((e) => `${e.code} ${e.field}`)).toEqual(['E101 ok', 'E105 pue', 'E104 tier']);
    expect(a.outcome).toBe('invalid');
    expect(a.level).toBeNull();
    expect(a.total.toFraction()).toBe('0');
    expect(a.indicators).toEqual([]);
  });

  it('explains what was expected, in each language', () => {
    const en = ok(SRC).assess({ platform: 'p', evidence: { ...GOOD, pue: 0.5 } }, { lang: 'en' }).errors[0]?.message;
    const hans = ok(SRC).assess({ platform: 'p', evidence: { ...GOOD, pue: 0.5 } }, { lang: 'zh-Hans' }).errors[0]?.message;
    const hant = ok(SRC).assess({ platform: 'p', evidence: { ...GOOD, tier: 'x' } }, { lang: 'zh-Hant' }).errors[0]?.message;
    expect(en).toBe('`pue` is 0.5, outside its domain: it must be >= 1');
    expect(hans).toBe('`pue` 为 0.5，超出取值范围：应满足 >= 1');
    expect(hant).toBe('`tier` 應為 low, high 之一，實際為 "x"');
  });

  it('unknown fields and members are warnings, not errors', () => {
    const a = assess(SRC, { ...GOOD, colour: 'red', fw: { frameworks: 2, archs: 1, extra: 1 } });
    expect(a.errors).toEqual([]);
    expect(a.warnings.map((w) => `${w.code} ${w.field}`)).toEqual(['E120 colour', 'E122 fw.extra']);
    expect(a.outcome).toBe('graded');
  });

  it('a former id is read like the current one, and validated too', () => {
    expect(pts(assess(SRC, { ...GOOD, fw: undefined, frameworks_old: { frameworks: 3, archs: 0 } }), 'fw')).toBe('100');
    expect(errors({ ...GOOD, fw: undefined, frameworks_old: { frameworks: 3 } })).toEqual(['E107 frameworks_old.archs']);
  });
});

describe('hostile evidence', () => {
  it('prototype keys are plain unknown fields and pollute nothing', () => {
    const evidence = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "toString": 1, "pue": 1.2}') as Record<string, unknown>;
    const a = assess(SRC, evidence);
    expect(a.errors).toEqual([]);
    expect(a.warnings.map((w) => w.field).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(pts(a, 'pue')).toBe('100');
  });

  it('YAML `__proto__` keys are data too', () => {
    const p = parseEvidenceText('platform: P\nevidence:\n  __proto__:\n    polluted: true\n  pue: 1.2\n').platforms[0];
    expect(p && Object.getPrototypeOf(p.evidence)).toBe(Object.prototype);
    expect(Object.keys(p?.evidence ?? {})).toEqual(['__proto__', 'pue']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ids that are also Object.prototype names work as ordinary fields', () => {
    const src = rs(`
input constructor: boolean
input toString: integer >= 0
prerequisite P { require constructor }
prerequisite Q { require toString >= 1 }`);
    expect(assess(src, {}).prerequisites.map((p) => p.truth)).toEqual(['unknown', 'unknown']);
    expect(assess(src, { constructor: true, toString: 2 }).prerequisites.map((p) => p.truth)).toEqual([true, true]);
    expect(assess(src, { constructor: 'x' }).errors.map((e) => `${e.code} ${e.field}`)).toEqual(['E101 constructor']);
  });

  it('evidence that is not a mapping makes the platform invalid without crashing', () => {
    for (const ev of [null, undefined, 'text', 3, [1, 2], true]) {
      const a = ok(SRC).assess({ platform: 'p', evidence: ev });
      expect(a.outcome).toBe('invalid');
      expect(a.errors.map((e) => e.code)).toEqual(['E136']);
    }
  });
});

describe('the evidence schema', () => {
  it('derives types, domains, enums, object members and former ids from the model', () => {
    const s = evidenceSchema(ok(SRC).model) as { properties: { evidence: { properties: Record<string, Record<string, unknown>> } } };
    const p = s.properties.evidence.properties;
    expect(p['months']).toEqual({ type: ['integer', 'null'], minimum: 0 });
    expect(p['scenarios']).toMatchObject({ minimum: 0, maximum: 7 });
    expect(p['ratio']).toMatchObject({ type: ['number', 'null'], minimum: 0, maximum: 100 });
    expect(p['tier']).toMatchObject({ enum: ['low', 'high', null] });
    expect(p['fw']).toMatchObject({ required: ['frameworks', 'archs'] });
    expect(p['frameworks_old']).toMatchObject({ required: ['frameworks', 'archs'] });
    expect(Object.keys(p)).toContain('ok');
  });

  it('carries labels and units as descriptions', () => {
    const src = rs(`
input m: integer >= 0 {
  label { zh-Hans "月数" zh-Hant "月數" en "Months" }
  unit "months"
}`);
    const s = evidenceSchema(ok(src).model) as { properties: { evidence: { properties: Record<string, { description?: string }> } } };
    expect(s.properties.evidence.properties['m']?.description).toBe('zh-Hans: 月数\nzh-Hant: 月數\nen: Months\nunit: months');
  });
});

describe('indicator results keep their evidence', () => {
  it('value and field are reported', () => {
    const a = assess(SRC, GOOD);
    expect(ind(a, 'pue').value).toEqual({ kind: 'num', q: expect.anything() });
    expect(ind(a, 'pue').field).toBe('pue');
  });
});

describe('the compiled evidence validator', () => {
  it('is compiled once per evidence schema, however many tools ask for it (gap plans and reports ask per platform)', () => {
    const r = ok(SRC);
    const first = compileEvidenceCheck(r.model);
    expect(compileEvidenceCheck(r.model)).toBe(first);
    // Another ruleset declaring the same fields shares it (the check depends on the schema alone: impact compiles a
    // variant of a ruleset per diff entry); one declaring other fields gets its own.
    expect(compileEvidenceCheck(ok(SRC).model)).toBe(first);
    expect(compileEvidenceCheck(ok(SRC.replace('input ok: boolean', 'input ok: boolean\ninput extra: boolean')).model)).not.toBe(first);
  });
});
