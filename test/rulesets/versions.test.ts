// 1.0 is 0.9 with exactly the twelve changes C01–C12 of final-1.0.md, checked on the syntax trees.
// In: both rulesets, parsed (spans dropped). Out: pass when every declaration is either identical in both
// versions or changed exactly as one of C01–C12 says, and nothing else differs.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expr, IndicatorDecl, Ruleset } from '../../dsl/ast';
import { parseRuleset } from '../../dsl/parse';
import type { Version } from './expected';
import { RULESET_DIR, rulesetText } from './load';
import { expr, labels, methodColumn, scoring, SYM, typeColumn } from './render';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The tree as plain JSON without spans (spans never take part in equality). */
function canon(x: unknown): Json {
  if (Array.isArray(x)) return x.map(canon);
  if (typeof x === 'object' && x !== null) {
    const o: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'span' && v !== undefined) o[k] = canon(v);
    return o;
  }
  if (typeof x === 'bigint') return x.toString();
  return x as Json;
}

function tree(v: Version): Ruleset {
  const r = parseRuleset(rulesetText(v));
  expect(r.diagnostics).toEqual([]);
  if (!r.ast) throw new Error(`${v} did not parse`);
  return r.ast;
}

/** Every declaration by a key (`input:mainland_ops`, `indicator:pue`, `level:L5`…), in source order. */
function declarations(r: Ruleset): Map<string, Json> {
  const m = new Map<string, Json>();
  m.set('header', canon({ id: r.id, header: r.header }));
  for (const item of r.items) {
    switch (item.kind) {
      case 'Method':
      case 'Input':
      case 'Prerequisite':
      case 'Veto':
        m.set(`${item.kind.toLowerCase()}:${item.id.name}`, canon(item));
        break;
      case 'Dimension':
        m.set(`dimension:${item.id.name}`, canon({ ...item, indicators: item.indicators.map((i) => i.id.name) }));
        for (const i of item.indicators) m.set(`indicator:${i.id.name}`, canon({ dimension: item.id.name, ...i }));
        break;
      case 'Levels':
        m.set('levels', canon({ cumulative: item.cumulative, levels: item.levels.map((l) => l.id.name) }));
        for (const l of item.levels) m.set(`level:${l.id.name}`, canon(l));
        if (item.fallback) m.set(`fallback:${item.fallback.id.name}`, canon(item.fallback));
        break;
    }
  }
  return m;
}

function indicatorDecl(r: Ruleset, id: string): IndicatorDecl {
  for (const item of r.items) {
    if (item.kind !== 'Dimension') continue;
    const i = item.indicators.find((x) => x.id.name === id);
    if (i) return i;
  }
  throw new Error(`no indicator ${id}`);
}

/** The paths where two JSON values differ (`weight.text`, `scoring.bands.0.cond.bound.text`). */
function differences(a: Json, b: Json, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const aObj = typeof a === 'object' && a !== null;
  const bObj = typeof b === 'object' && b !== null;
  if (!aObj || !bObj || Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && Array.isArray(b) && a.length !== b.length)) {
    return [path || '.'];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const k of keys) {
    const x = (a as Record<string, Json>)[k] ?? null;
    const y = (b as Record<string, Json>)[k] ?? null;
    out.push(...differences(x, y, path ? `${path}.${k}` : k));
  }
  return out;
}

/** The value at a dotted path. */
function at(x: Json, path: string): Json {
  let cur: Json = x;
  for (const k of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return null;
    cur = (cur as Record<string, Json>)[k] ?? null;
  }
  return cur;
}

describe('1.0 = 0.9 + C01–C12', () => {
  const old = tree('0.9');
  const neu = tree('1.0');
  const a = declarations(old);
  const b = declarations(neu);

  /**
   * Expected differences of declarations present in both versions: path → the 1.0 value there (null where a
   * list changed length; those lists are checked by the tests below).
   */
  const changed: Record<string, Record<string, string | null>> = {
    header: { 'header.version.value': '1.0', 'header.status.value': 'published', 'header.date.text': '2026-06-30' },
    'dimension:A': { 'indicators.3': 'hot_spare_capacity_ratio' }, // C05
    'dimension:B': { 'weight.text': '20', indicators: null }, // C01, C02
    'dimension:C': { 'indicators.2': 'resource_delivery_latency' }, // C06
    'dimension:G': { 'weight.text': '8', indicators: null }, // C01, C03
    'indicator:total_compute_scale': { 'scoring.bands.0.cond.bound.text': '2000' }, // C08
    'indicator:declared_vs_measured_gap': { 'methods.refs.0.note.value': 'on ≥10% of nodes, at least 32' }, // C07
    'indicator:rack_occupancy': { 'weight.text': '1' }, // C04
    'indicator:pue': { 'scoring.bands': null }, // C09
    'indicator:service_availability': { 'scoring.bands': null }, // C10
    'prerequisite:P2': {
      'label.entries.0.value.value': '连续运营满12个月',
      'label.entries.1.value.value': '連續營運滿12個月',
      'label.entries.2.value.value': 'Twelve months in operation',
      'requires.0.right.text': '12',
    }, // C12
    'veto:V1': { 'when.left.right.text': '10' }, // C07
    'level:L5': { 'requires.0.right.text': '93', 'requires.1.body.right.text': '85', 'requires.4.right.text': '1.20' }, // C12
    'level:L4': { 'requires.3.right.text': '5', 'requires.4.right.text': '1.25' }, // C12
  };
  const renamed: Record<string, string> = {
    compute_redundancy: 'hot_spare_capacity_ratio', // C05
    task_response_latency: 'resource_delivery_latency', // C06
  };

  it('every declaration of 0.9 is unchanged in 1.0 unless a change names it', () => {
    for (const [key, value] of a) {
      const id = key.replace(/^indicator:/, '');
      if (key.startsWith('indicator:') && Object.hasOwn(renamed, id)) continue;
      if (key === 'indicator:support_response_p1') continue; // C03
      const other = b.get(key);
      expect(other, `${key} is missing from 1.0`).toBeDefined();
      const want = changed[key] ?? {};
      expect(differences(value, other ?? null).sort(), key).toEqual(Object.keys(want).sort());
      for (const [path, v] of Object.entries(want)) if (v !== null) expect(at(other ?? null, path), `${key} ${path}`).toBe(v);
    }
  });

  it('1.0 adds exactly asset_inventory_consistency (C02), V5 and V6 (C11) and the two new ids (C05, C06)', () => {
    const added = [...b.keys()].filter((k) => !a.has(k));
    expect(added).toEqual([
      'indicator:hot_spare_capacity_ratio',
      'indicator:asset_inventory_consistency',
      'indicator:resource_delivery_latency',
      'veto:V5',
      'veto:V6',
    ]);
    const removed = [...a.keys()].filter((k) => !b.has(k));
    expect(removed).toEqual(['indicator:compute_redundancy', 'indicator:task_response_latency', 'indicator:support_response_p1']);
  });

  it('the order of declarations is kept; new items sit where the changes put them', () => {
    const order = (m: Map<string, Json>) => [...m.keys()];
    const expectedOrder = order(a)
      .filter((k) => k !== 'indicator:support_response_p1')
      .map((k) => (k.startsWith('indicator:') && Object.hasOwn(renamed, k.slice(10)) ? `indicator:${renamed[k.slice(10)]}` : k))
      .flatMap((k) => (k === 'indicator:oversubscription_ratio' ? [k, 'indicator:asset_inventory_consistency'] : [k]))
      .flatMap((k) => (k === 'veto:V4' ? [k, 'veto:V5', 'veto:V6'] : [k]));
    expect(order(b)).toEqual(expectedOrder);
  });

  it('C05, C06: renamed indicators differ only in id, labels and `formerly <old id>`', () => {
    for (const [from, to] of Object.entries(renamed)) {
      const x = indicatorDecl(old, from);
      const y = indicatorDecl(neu, to);
      expect(y.formerly?.map((n) => n.name)).toEqual([from]);
      const strip = (i: IndicatorDecl) => canon({ ...i, id: undefined, label: undefined, formerly: undefined });
      expect(strip(y)).toEqual(strip(x));
    }
  });

  it('C09, C10: exactly one band removed (pue ≤ 1.50: 20, availability ≥ 99.0: 30)', () => {
    for (const [id, removedAt] of [
      ['pue', 5],
      ['service_availability', 4],
    ] as const) {
      const x = indicatorDecl(old, id).scoring;
      const y = indicatorDecl(neu, id).scoring;
      if (x?.kind !== 'Bands' || y?.kind !== 'Bands') throw new Error(`${id} has no bands`);
      expect(canon(y.bands)).toEqual(canon(x.bands.filter((_, i) => i !== removedAt)));
    }
  });

  it('C01: the dimension weights of 1.0 are A 14, B 20, C 16, D 18, E 14, F 10, G 8 and each dimension’s indicators add up to it', () => {
    const weights: Record<string, string> = {};
    for (const item of neu.items) {
      if (item.kind !== 'Dimension') continue;
      weights[item.id.name] = item.weight?.text ?? '?';
      const sum = item.indicators.reduce((s, i) => s + Number(i.weight?.text ?? NaN), 0);
      expect(sum, item.id.name).toBe(Number(item.weight?.text));
    }
    expect(weights).toEqual({ A: '14', B: '20', C: '16', D: '18', E: '14', F: '10', G: '8' });
  });

  /** The `1.0` cell of a change row of final-1.0.md (a verbatim copy in the ruleset folder). */
  const FINAL = readFileSync(join(RULESET_DIR, 'final-1.0.md'), 'utf8').split(/\r?\n/);
  function cell(change: string): string {
    const row = FINAL.find((l) => l.startsWith(`| ${change} |`));
    const cells = row?.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    return cells?.[3] ?? '';
  }

  /** A veto condition in the notation of C11: `` `a` and `b` > 1.00 ``. */
  function cond(e: Expr | undefined): string {
    if (!e) return '';
    if (e.kind === 'Ref') return `\`${expr(e)}\``;
    if (e.kind === 'Binary') return `${cond(e.left)} ${e.op} ${cond(e.right)}`;
    if (e.kind === 'Compare') return `${cond(e.left)} ${SYM[e.op] ?? e.op} ${expr(e.right)}`;
    return `<${e.kind}>`;
  }

  it('C02: asset_inventory_consistency is encoded as the text gives it', () => {
    const m = /^`(\w+)` (.+?): (percent .+?); (↑|↓); bands (.+?); method (.+?); basis: (.+?); weight (\d+)$/.exec(cell('C02'));
    expect(m, 'C02 row of final-1.0.md').not.toBeNull();
    const i = indicatorDecl(neu, 'asset_inventory_consistency');
    expect([
      i.id.name,
      labels(i.label),
      typeColumn(i),
      i.direction?.value === 'higher' ? '↑' : '↓',
      scoring(i),
      methodColumn(i),
      i.basis?.value,
      i.weight?.text,
    ]).toEqual(m?.slice(1));
  });

  it('C05, C06: the new ids and labels are those of the text', () => {
    for (const [change, id] of [
      ['C05', 'hot_spare_capacity_ratio'],
      ['C06', 'resource_delivery_latency'],
    ] as const) {
      const m = /^`(\w+)` (.+?); same type, bands and weight$/.exec(cell(change));
      const i = indicatorDecl(neu, id);
      expect([i.id.name, labels(i.label)]).toEqual(m?.slice(1));
    }
  });

  it('C11: V5 and V6 have the text’s zh-Hans and en labels and conditions', () => {
    const text = cell('C11');
    const found = [...text.matchAll(/`(V\d)` (\S+) \/ ([^:]+): (.+?)(?:\.(?= `V)|$)/g)].map((m) => m.slice(1, 5));
    const vetoes = neu.items.flatMap((x) => (x.kind === 'Veto' && (x.id.name === 'V5' || x.id.name === 'V6') ? [x] : []));
    expect(
      vetoes.map((v) => {
        const e = new Map(v.label?.entries.map((x) => [x.lang, x.value.value]));
        return [v.id.name, e.get('zh-Hans'), e.get('en'), cond(v.when)];
      }),
    ).toEqual(found);
  });
});
