// The 0.9 → 1.0 diff of csp-assessment is exactly the twelve changes C01–C12 of final-1.0.md, each once.
// In: rulesets/csp-assessment/{0.9,1.0}.assay. Out: pass when the JSON entries map 1:1 to C01–C12 and the
// rendered text equals the golden files in test/diff/golden/ (refresh with UPDATE_GOLDEN=1, then review).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../dsl/ast';
import { applyEntries, diffAsts, diffRulesets, diffWithHeader, toDiffJson, type DiffEntry } from '../../engine/analyses/diff/index';
import { renderDiff } from '../../engine/analyses/diff/render';
import { ruleset } from '../rulesets/load';

const GOLDEN = join(__dirname, 'golden');
const a = ruleset('0.9');
const b = ruleset('1.0');
const entries = diffRulesets(a, b);
const json = entries.map(toDiffJson);

/** Which C-number of final-1.0.md an entry is (undefined: not one of them). */
function changeNumber(e: DiffEntry): string | undefined {
  const is = (kind: string, target: string) => e.kind === kind && e.target === target;
  if (is('dimension-weights', 'B, G')) return 'C01';
  if (is('indicator-added', 'asset_inventory_consistency')) return 'C02';
  if (is('indicator-removed', 'support_response_p1')) return 'C03';
  if (is('weight-changed', 'rack_occupancy')) return 'C04';
  if (is('indicator-renamed', 'hot_spare_capacity_ratio')) return 'C05';
  if (is('indicator-renamed', 'resource_delivery_latency')) return 'C06';
  if (is('veto-changed', 'V1')) return 'C07';
  if (is('band-edge-moved', 'total_compute_scale')) return 'C08';
  if (is('band-removed', 'pue')) return 'C09';
  if (is('band-removed', 'service_availability')) return 'C10';
  if (is('vetoes-added', 'V5, V6')) return 'C11';
  if (is('levels-changed', 'L5, L4, P2')) return 'C12';
  return undefined;
}

describe('csp-assessment 0.9 → 1.0', () => {
  it('is exactly C01–C12, each once and nothing else', () => {
    const numbers = entries.map(changeNumber);
    expect(numbers).not.toContain(undefined);
    expect([...numbers].sort()).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']);
  });

  it('says what each change is, with before and after', () => {
    const by = (c: string) => json[entries.findIndex((e) => changeNumber(e) === c)];
    expect(by('C01')).toMatchObject({ before: { B: 18, G: 10 }, after: { B: 20, G: 8 } });
    expect(by('C02')).toMatchObject({ dimension: 'B', before: null, after: { weight: 2, after: 'oversubscription_ratio' } });
    expect(by('C03')).toMatchObject({ dimension: 'G', before: { weight: 1 }, after: null });
    expect(by('C04')).toMatchObject({ dimension: 'G', before: 2, after: 1 });
    expect(by('C05')).toMatchObject({
      before: { id: 'compute_redundancy', label: { 'zh-Hans': '算力冗余度' } },
      after: { id: 'hot_spare_capacity_ratio', label: { 'zh-Hans': '热备算力比例', en: 'Hot-spare capacity ratio' } },
    });
    expect(by('C06')).toMatchObject({ before: { id: 'task_response_latency' }, after: { id: 'resource_delivery_latency' } });
    expect(by('C07')).toMatchObject({
      before: 'declared_vs_measured_gap > 20 or metric_disclosure = misleading',
      after: 'declared_vs_measured_gap > 10 or metric_disclosure = misleading',
    });
    expect(by('C07')?.parts?.map((p) => [p.kind, p.target])).toEqual([
      ['veto-condition', 'V1'],
      ['methods-changed', 'declared_vs_measured_gap'],
    ]);
    expect(by('C08')).toMatchObject({ before: '>= 1000: 100', after: '>= 2000: 100' });
    expect(by('C08')?.region).toEqual([
      { from: { value: '1000', inclusive: true }, to: { value: '2000', inclusive: false }, before: '100', after: '80', text: '[1000, 2000)' },
    ]);
    expect(by('C09')?.region?.map((r) => `${r.text}: ${r.before} → ${r.after}`)).toEqual(['(1.40, 1.50]: 20 → 0']);
    expect(by('C10')?.region?.map((r) => `${r.text}: ${r.before} → ${r.after}`)).toEqual(['[99.0, 99.5): 30 → 0']);
    expect(by('C11')).toMatchObject({
      after: {
        V5: 'sells_exclusive_cards and oversubscription_ratio > 1.00',
        V6: 'cross_border_data_flow and cross_border_data_compliance = noncompliant',
      },
    });
    expect(by('C12')).toMatchObject({
      before: { L5: ['total >= 95', 'every dimension: share >= 80%', 'pue <= 1.25'], P2: ['months_in_operation >= 6'] },
      after: { L5: ['total >= 93', 'every dimension: share >= 85%', 'pue <= 1.20'], P2: ['months_in_operation >= 12'] },
    });
    for (const j of json) {
      expect(j).toHaveProperty('kind');
      expect(j).toHaveProperty('target');
      expect(j).toHaveProperty('before');
      expect(j).toHaveProperty('after');
    }
  });

  it('keeps metadata out of the entries, in the header', () => {
    const d = diffWithHeader(a, b);
    expect(d.header.changed).toEqual(['version', 'status', 'date']);
    expect(d.header.hashBefore).toBe(a.identity.hash);
    expect(JSON.stringify(json)).not.toContain('published');
  });

  it('applies: 0.9 with every entry applied has no difference left from 1.0', () => {
    expect(diffAsts(applyEntries(a.ast, entries), b.ast).entries).toEqual([]);
  });

  it('applies alone: 0.9 with one entry applied differs from 1.0 by exactly the eleven others', () => {
    for (const e of entries) {
      const rest = diffAsts(applyEntries(a.ast, [e], entries), b.ast).entries.map((x) => `${x.kind} ${x.target}`);
      expect(rest).toEqual(entries.filter((x) => x !== e).map((x) => `${x.kind} ${x.target}`));
    }
  });

  it('has no changes between a version and itself', () => {
    expect(diffRulesets(a, a)).toEqual([]);
  });

  for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const satisfies readonly Lang[]) {
    it(`renders as the golden text (${lang})`, () => {
      const text = renderDiff(diffAsts(a.ast, b.ast), { format: 'text', lang });
      const file = join(GOLDEN, `csp-0.9-1.0.${lang}.txt`);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(file, text);
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
