// Impact of csp-assessment 0.9 → 1.0 on the five sample platforms, and computed attribution on snippets.
// In: the rulesets, the samples, expected.md; small rulesets from test/diff/snippets.ts.
// Out: pass when the transitions are the standard's, causes are the changes that alone move each platform,
// and interactions are reported as combinations.

import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import { impact, standing, toImpactJson, type Impact } from '../../engine/analyses/impact';
import type { DiffEntry } from '../../engine/analyses/diff/index';
import { BASE, edit } from '../diff/snippets';
import { expected, platforms, ruleset } from '../rulesets/load';

const a = ruleset('0.9');
const b = ruleset('1.0');
const samples = platforms().map((p) => ({ platform: p.platform, name: p.name, evidence: p.evidence }));
const im = impact(a, b, samples);

const describeEntry = (e: DiffEntry | undefined) => (e ? `${e.kind} ${e.target}` : '?');
const causesOf = (x: Impact, platform: string) =>
  x.changed.find((c) => c.platform === platform)?.causes.map(describeEntry);

describe('csp-assessment 0.9 → 1.0 on the samples', () => {
  const rows = expected().rows;
  const standingIn = (v: '0.9' | '1.0', platform: string) => {
    const r = rows.get(v)?.find((x) => x.platform === platform);
    if (!r) throw new Error(`no expected row for ${platform}`);
    return standing({ outcome: r.outcome as 'graded', level: r.level });
  };

  it('migrates as expected.md says', () => {
    const want = new Map<string, number>();
    for (const p of samples) {
      const key = `${standingIn('0.9', p.platform)} → ${standingIn('1.0', p.platform)}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map(im.matrix.map((m) => [`${m.from} → ${m.to}`, m.count]));
    expect(got).toEqual(want);
    expect(got.get('L2 → L1')).toBe(1);
    expect(got.get('L0 → vetoed')).toBe(1);
    expect(got.get('L1 → L0')).toBe(1);
  });

  it('lists exactly the platforms whose outcome or level differs', () => {
    const moved = samples.filter((p) => standingIn('0.9', p.platform) !== standingIn('1.0', p.platform)).map((p) => p.platform);
    expect(im.changed.filter((c) => !c.scoreOnly).map((c) => c.platform).sort()).toEqual(moved.sort());
    // The others are there too when their total changes (issue 16: P1 +0.20, P5 -1.60), each with its causes.
    for (const c of im.changed.filter((x) => x.scoreOnly)) {
      expect(c.before.total.eq(c.after.total), c.platform).toBe(false);
      expect(c.causeIds.length, c.platform).toBeGreaterThan(0);
    }
  });

  it('attributes each move to the changes that alone cause it', () => {
    // P2: G's share falls below 60% (L2) when support_response_p1 (C03) goes or rack_occupancy weighs 1 (C04).
    expect(causesOf(im, 'P2_regional_aicc')).toEqual(['indicator-removed support_response_p1', 'weight-changed rack_occupancy']);
    // P3: its gap of 15% now fires V1 (C07).
    expect(causesOf(im, 'P3_gpu_rental_startup')).toEqual(['veto-changed V1']);
    // P4: G's share falls below 50% (L1) for the same two reasons; the new dimension weights alone would lift it.
    expect(causesOf(im, 'P4_hk_crossborder')).toEqual(['indicator-removed support_response_p1', 'weight-changed rack_occupancy']);
    const p4 = im.changed.find((c) => c.platform === 'P4_hk_crossborder');
    expect(p4?.counter.map((i) => describeEntry(im.entries[i]))).toEqual(['dimension-weights B, G']);
    expect(im.changed.every((c) => !c.interaction)).toBe(true);
  });

  it('gives before and after with outcome, level, total and dimension scores (JSON)', () => {
    const j = toImpactJson(im);
    const p3 = j.changed.find((c) => c.platform === 'P3_gpu_rental_startup');
    expect(p3?.before).toMatchObject({ outcome: 'graded', level: 'L0', total: 45.2409090909 });
    expect(p3?.after).toMatchObject({ outcome: 'vetoed', level: null, vetoes: ['V1'] });
    expect(p3?.after.dimensions['G']).toBe(3);
    expect(p3?.causes[0]).toMatchObject({ kind: 'veto-changed', target: 'V1', before: expect.any(String), after: expect.any(String), alone: 'vetoed' });
    expect(j.matrix.reduce((s, m) => s + m.count, 0)).toBe(5);
  });

  it('assesses evidence recorded under 0.9 ids under 1.0 without edits', () => {
    const p2 = samples.find((p) => p.platform === 'P2_regional_aicc');
    if (!p2) throw new Error('no P2');
    expect(Object.keys(p2.evidence)).toContain('compute_redundancy');
    expect(Object.keys(p2.evidence)).not.toContain('hot_spare_capacity_ratio');
    const r = b.assess(p2);
    const hot = r.indicators.find((i) => i.id === 'hot_spare_capacity_ratio');
    const rdl = r.indicators.find((i) => i.id === 'resource_delivery_latency');
    expect(hot).toMatchObject({ status: 'scored', field: 'compute_redundancy' });
    expect(rdl).toMatchObject({ status: 'scored', field: 'task_response_latency' });
    expect(r.errors).toEqual([]);
    expect(r.total.toFraction()).toBe('8457/110');
  });
});

describe('attribution on small rulesets', () => {
  const compile = (text: string) => {
    const r = compileRuleset(text).ruleset;
    if (!r) throw new Error('did not compile');
    return r;
  };
  // tier b (50 points, weight 30) and green 40 (20 points, weight 20): total = 15 + 4 + pue 30 + scale 10 = 59 → L1.
  const platform = {
    platform: 'x',
    evidence: { ok: true, months: 10, pue: 1.1, tier: 'b', scale: 50, green: 40 },
  };

  it('a change that alone moves a platform is its cause', () => {
    const x = impact(compile(BASE), compile(edit(BASE, ['require total >= 50', 'require total >= 60'])), [platform]);
    expect(x.changed.map((c) => [standing(c.before), standing(c.after)])).toEqual([['L1', 'L0']]);
    expect(causesOf(x, 'x')).toEqual(['levels-changed L1']);
  });

  it('changes that move a platform only together are reported as a combination, marked interaction', () => {
    // Each change alone adds 3 points (59 → 62); only both (65) reach a level L2 that needs 64.
    const old = edit(BASE, ['require total >= 80', 'require total >= 64']);
    const next = edit(old, ['b: 50', 'b: 60'], ['else: 20', 'else: 35']);
    const x = impact(compile(old), compile(next), [platform]);
    const c = x.changed[0];
    expect(c && [standing(c.before), standing(c.after)]).toEqual(['L1', 'L2']);
    expect(c?.interaction).toBe(true);
    expect(c?.combinations.map((k) => k.map((i) => describeEntry(x.entries[i])))).toEqual([
      ['mapping-changed tier', 'band-points-changed green'],
    ]);
  });

  it('a platform that keeps its level but changes score is a score-only move, with its cause', () => {
    const x = impact(compile(BASE), compile(edit(BASE, ['b: 50', 'b: 55'])), [platform]);
    expect(x.changed.map((c) => [c.platform, c.scoreOnly, c.causes.map((e) => e.kind)])).toEqual([['x', true, ['mapping-changed']]]);
    expect(x.matrix).toEqual([{ from: 'L1', to: 'L1', count: 1 }]);
  });

  it('a platform whose standing and total stay has no entry in changed', () => {
    const x = impact(compile(BASE), compile(edit(BASE, ['require total >= 50', 'require total >= 49'])), [platform]);
    expect(x.changed).toEqual([]);
  });
});
