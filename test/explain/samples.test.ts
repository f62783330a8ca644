// Explanations of the sample platforms under both csp-assessment versions: golden text (en and zh-Hans, one
// Markdown and one JSON), and checks that each explanation names the band the engine matched and the failed
// conditions of every higher level. In: rulesets/csp-assessment. Out: test/explain/golden/<version>/….
// `UPDATE_GOLDEN=1 npx vitest run test/explain` rewrites the golden files (review the diff, never hand-edit).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainPlatform, explanationJson, explanationMarkdown, explanationText, type Explanation } from '../../engine/analyses/explain/index';
import { VERSIONS } from '../rulesets/expected';
import { platforms, ruleset, rulesetText } from '../rulesets/load';
import { golden } from './golden';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

function explain(v: (typeof VERSIONS)[number], file: string, lang: 'en' | 'zh-Hans' | 'zh-Hant' = 'en'): Explanation {
  const p = platforms().find((x) => x.file === file);
  if (!p) throw new Error(file);
  return explainPlatform(ruleset(v), { platform: p.platform, name: p.name, evidence: p.evidence }, { lang }).explanation;
}

describe('golden explanations of the sample platforms', () => {
  for (const v of VERSIONS) {
    for (const p of platforms()) {
      it(`${v} ${p.file} (en, zh-Hans)`, () => {
        golden(join(GOLDEN, v, `${p.file}.en.txt`), explanationText(explain(v, p.file, 'en'), 'en'));
        golden(join(GOLDEN, v, `${p.file}.zh-Hans.txt`), explanationText(explain(v, p.file, 'zh-Hans'), 'zh-Hans'));
      });
    }
  }
  it('1.0 p2-regional-aicc as Markdown (zh-Hant) and JSON', () => {
    golden(join(GOLDEN, '1.0', 'p2-regional-aicc.zh-Hant.md'), explanationMarkdown(explain('1.0', 'p2-regional-aicc', 'zh-Hant'), 'zh-Hant'));
    const json = explanationJson(explain('1.0', 'p2-regional-aicc'), 'en', { events: false });
    golden(join(GOLDEN, '1.0', 'p2-regional-aicc.en.json'), JSON.stringify(json, null, 2) + '\n');
  });
});

describe('explanations agree with the assessment they come from', () => {
  for (const v of VERSIONS) {
    for (const p of platforms()) {
      it(`${v} ${p.file}: bands, points, weights, levels`, () => {
        const r = explainPlatform(ruleset(v), { platform: p.platform, evidence: p.evidence });
        const a = r.assessment;
        const e = r.explanation;
        expect(e.total.eq(a.total)).toBe(true);
        const inds = e.dimensions.flatMap((d) => d.indicators);
        expect(inds.map((i) => i.id)).toEqual(a.indicators.map((i) => i.id));
        for (const i of inds) {
          const ai = a.indicators.find((x) => x.id === i.id);
          expect(ai).toBeDefined();
          if (!ai) continue;
          expect([i.id, i.status, i.rule?.index]).toEqual([ai.id, ai.status, ai.matched]);
          expect(i.points === null ? null : i.points.toFraction()).toBe(ai.points === null ? null : ai.points.toFraction());
          expect(i.contribution.eq(ai.contribution)).toBe(true);
          expect(i.effectiveWeight.eq(ai.effectiveWeight)).toBe(true);
          if (i.points !== null && i.rule && i.rule.kind !== 'none') expect(i.rule.text.endsWith(`→ ${i.points.toDecimalString()}`)).toBe(true);
        }
        // Every higher level lists exactly the `require`s the engine found failed.
        for (const l of e.levels) {
          const al = a.levels.find((x) => x.id === l.id);
          expect(l.failed.length).toBe(al?.failed.length);
        }
        expect(e.vetoes.filter((x) => x.truth === true).map((x) => x.id)).toEqual(a.vetoes.filter((x) => x.truth === true).map((x) => x.id));
      });
    }
  }

  it('names the band with its condition written out, and the former id a value came from', () => {
    const text = explanationText(explain('1.0', 'p2-regional-aicc'), 'en');
    expect(text).toContain('99.93 ≥ 99.9 → 70');
    expect(text).toContain('read from former id `compute_redundancy`');
    expect(text).toContain('1.28 ≤ 1.30 → 65');
    expect(text).toContain('frameworks >= 4 and architectures >= 3 → 100 (frameworks = 4, architectures = 3)');
    expect(text).toContain('weight 4 → 5.09 (redistributed)');
    expect(text).toMatch(/cross_border_data_compliance .*\n.*not applicable \(cross_border_data_flow is false/);
  });

  it('says by how much each condition of a higher level failed', () => {
    const text = explanationText(explain('1.0', 'p2-regional-aicc'), 'en');
    for (const s of ['total 76.88 < 80', 'dimension C share 60.6% < 70%', 'pue 1.28 > 1.25', 'service_availability 99.93 < 99.95', 'declared_vs_measured_gap 7 > 5']) {
      expect(text).toContain(s);
    }
    expect(explanationText(explain('1.0', 'p3-gpu-rental-startup'), 'en')).toContain('mlps_level L2 ∉ {L3, L4}');
  });

  it('shows the values that made vetoes fire', () => {
    const text = explanationText(explain('1.0', 'p5-inflated-claims'), 'en');
    expect(text).toContain('V1 “Overstated compute”: fired — declared_vs_measured_gap > 10 or metric_disclosure = misleading (declared_vs_measured_gap = 57.5, metric_disclosure = misleading)');
    expect(text).toContain('V5 “Oversold exclusive cards”: fired');
    expect(text).toContain('the scores alone would give L0');
  });
});

describe('JSON explanation', () => {
  it('lists the events with spans that point at the rules they come from', () => {
    const e = explain('1.0', 'p2-regional-aicc');
    const json = explanationJson(e, 'en') as { events: { kind: string; indicator?: string; index?: number; span?: { start: number; end: number } }[] };
    const src = rulesetText('1.0');
    const band = json.events.find((x) => x.kind === 'band' && x.indicator === 'service_availability' && x.index === 2);
    expect(band?.span && src.slice(band.span.start, band.span.end)).toBe('>= 99.9: 70');
    const cond = json.events.find((x) => x.kind === 'condition' && (x as { owner?: { id: string } }).owner?.id === 'L4' && x.index === 4);
    expect(cond?.span && src.slice(cond.span.start, cond.span.end)).toBe('pue <= 1.25');
    // Plain JSON: numbers, no bigint, round-trips.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    const dims = (json as unknown as { dimensions: { id: string; share: number }[] }).dimensions;
    expect(dims.find((d) => d.id === 'C')?.share).toBeCloseTo(0.60625, 10);
  });
});
