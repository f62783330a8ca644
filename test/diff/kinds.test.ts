// Each kind of change on a small ruleset: what the diff reports (kind, target, before, after, region) and
// that applying the entries to the old ruleset gives the new one (no difference left).
// In: BASE of snippets.ts and edits of its text. Out: pass/fail per change kind.

import { describe, expect, it } from 'vitest';
import type { DiffEntryJson } from '../../engine/analyses/diff/index';
import { BASE, checkedDiff, L } from './snippets';

/** The diff of BASE → edited text, checked to apply back; as JSON. */
function diff(...changes: readonly (readonly [string, string])[]): DiffEntryJson[] {
  return checkedDiff(BASE, ...changes).entries;
}

const brief = (es: readonly DiffEntryJson[]) => es.map((e) => ({ kind: e.kind, target: e.target, before: e.before, after: e.after }));
const regions = (e: DiffEntryJson | undefined) => e?.region?.map((r) => `${r.text}: ${r.before} → ${r.after}`);

describe('bands', () => {
  it('edge moved, with the region whose points change', () => {
    const [e, ...rest] = diff(['<= 1.40: 50', '<= 1.30: 50']);
    expect(rest).toEqual([]);
    expect(brief([e as DiffEntryJson])).toEqual([{ kind: 'band-edge-moved', target: 'pue', before: '<= 1.40: 50', after: '<= 1.30: 50' }]);
    expect(regions(e)).toEqual(['(1.30, 1.40]: 50 → 0']);
  });
  it('band removed in the middle', () => {
    const [e] = diff(['      <= 1.40: 50\n', '']);
    expect(e?.kind).toBe('band-removed');
    expect(e?.before).toBe('<= 1.40: 50');
    expect(regions(e)).toEqual(['(1.20, 1.40]: 50 → 0']);
  });
  it('band added', () => {
    const [e] = diff(['      else: 20\n', '      >= 30: 60\n      else: 20\n']);
    expect(e).toMatchObject({ kind: 'band-added', target: 'green', before: null, after: '>= 30: 60' });
    expect(regions(e)).toEqual(['[30, 50): 20 → 60']);
  });
  it('points changed', () => {
    const [e] = diff(['else: 20', 'else: 10']);
    expect(e).toMatchObject({ kind: 'band-points-changed', before: 'else: 20', after: 'else: 10' });
    expect(regions(e)).toEqual(['[0, 50): 20 → 10']);
  });
  it('regions respect an integer domain and unbounded ends', () => {
    const [e] = diff(['>= 100: 100', '>= 200: 100'], ['>= 10: 50', '> 10: 50']);
    expect(e?.kind).toBe('bands-changed');
    expect(regions(e)).toEqual(['= 10: 50 → 0', '[100, 200): 100 → 50']);
  });
  it('regions stop at the declared domain', () => {
    const [e] = diff(['<= 1.20: 100', '<= 0.5: 100']);
    // pue is a number >= 1: nothing below 1 is reported
    expect(regions(e)).toEqual(['[1, 1.20]: 100 → 50']);
  });
  it('reformatting a number is not a change', () => {
    expect(diff(['<= 1.20: 100', '<= 1.2: 100'], ['weight 60', 'weight 60.0'])).toEqual([]);
  });
});

describe('indicators', () => {
  it('added and removed, each one entry with the dimension', () => {
    const added = `indicator extra {\n    ${L('extra')}\n    weight 5\n    type percent\n    bands {\n      else: 100\n    }\n  }\n  indicator green {`;
    const es = diff(['indicator green {', added], ['weight 40\n  indicator scale', 'weight 45\n  indicator scale']);
    expect(es.map((e) => [e.kind, e.target, e.dimension])).toEqual([
      ['dimension-weights', 'B', undefined],
      ['indicator-added', 'extra', 'B'],
    ]);
    expect(es[1]?.after).toMatchObject({ weight: 5, after: 'scale' });
  });
  it('renamed via formerly is one entry; other changes of it are their own', () => {
    const es = diff(
      ['indicator tier {\n    label { zh-Hans "tier" zh-Hant "tier" en "tier" }', 'indicator grade {\n    label { zh-Hans "grade" zh-Hant "grade" en "grade" }\n    formerly tier'],
      ['    weight 30\n    type enum', '    weight 25\n    type enum'],
      ['weight 60', 'weight 55'],
    );
    expect(es.map((e) => [e.kind, e.target])).toEqual([
      ['dimension-weights', 'A'],
      ['indicator-renamed', 'grade'],
      ['weight-changed', 'grade'],
    ]);
    expect(es[1]).toMatchObject({ before: { id: 'tier', label: { en: 'tier' } }, after: { id: 'grade', label: { en: 'grade' } } });
  });
  it('conditions that read a renamed indicator by its new id are not changes', () => {
    const es = diff(['indicator pue {', 'indicator power_eff {\n    formerly pue'], ['when pue > 2', 'when power_eff > 2']);
    expect(es.map((e) => [e.kind, e.target])).toEqual([['indicator-renamed', 'power_eff']]);
    const changed = diff(['indicator pue {', 'indicator power_eff {\n    formerly pue'], ['when pue > 2', 'when power_eff > 1.9']);
    expect(brief(changed).map((e) => [e.kind, e.before, e.after])).toEqual([
      ['indicator-renamed', { id: 'pue', label: { 'zh-Hans': 'pue', 'zh-Hant': 'pue', en: 'pue' } }, { id: 'power_eff', label: { 'zh-Hans': 'pue', 'zh-Hant': 'pue', en: 'pue' } }],
      ['veto-changed', 'pue > 2', 'power_eff > 1.9'],
    ]);
  });
  it('moved between dimensions', () => {
    const block = BASE.slice(BASE.indexOf('  indicator green {'), BASE.indexOf('}\nprerequisite P1'));
    const es = diff([block, ''], ['weight 30\n    type enum', `weight 30\n    type enum`], ['  indicator tier {', `${block.replace(/\n$/, '')}\n  indicator tier {`]);
    expect(es.map((e) => [e.kind, e.target, e.before, e.after])).toEqual([['indicator-moved', 'green', 'B', 'A']]);
  });
  it('label, unit, direction, methods, basis, applicability, type and formerly', () => {
    const es = diff(
      [`${L('pue')}\n    weight 30`, `label { zh-Hans "电能" zh-Hant "pue" en "pue" }\n    weight 30`],
      ['unit "ratio"', 'unit "kWh/kWh"'],
      ['lower is better\n    methods DR\n    basis "b1"', 'lower is better\n    methods DR "annual mean", TT\n    basis "b2"\n    applies when ok'],
      ['type integer >= 0', 'type integer >= 1'],
      ['    type percent\n', '    type percent\n    formerly greenness\n'],
    );
    expect(brief(es)).toEqual([
      { kind: 'label-changed', target: 'pue', before: { 'zh-Hans': 'pue', 'zh-Hant': 'pue', en: 'pue' }, after: { 'zh-Hans': '电能', 'zh-Hant': 'pue', en: 'pue' } },
      { kind: 'unit-changed', target: 'pue', before: 'ratio', after: 'kWh/kWh' },
      { kind: 'methods-changed', target: 'pue', before: 'DR', after: 'DR "annual mean", TT' },
      { kind: 'basis-changed', target: 'pue', before: 'b1', after: 'b2' },
      { kind: 'applicability-changed', target: 'pue', before: null, after: 'ok' },
      { kind: 'type-changed', target: 'scale', before: 'integer >= 0', after: 'integer >= 1' },
      { kind: 'formerly-changed', target: 'green', before: [], after: ['greenness'] },
    ]);
  });
  it('direction and mapping', () => {
    const es = diff(['higher is better\n    methods DR\n    map', 'lower is better\n    methods DR\n    map'], ['b: 50', 'b: 60']);
    expect(brief(es)).toEqual([
      { kind: 'direction-changed', target: 'tier', before: 'higher', after: 'lower' },
      { kind: 'mapping-changed', target: 'tier', before: { b: '50' }, after: { b: '60' } },
    ]);
  });
  it('scoring form changed and formula changed', () => {
    expect(brief(diff(['bands {\n      >= 50: 100\n      else: 20\n    }', 'formula min(100, value * 2)']))).toEqual([
      { kind: 'scoring-changed', target: 'green', before: ['>= 50: 100', 'else: 20'], after: 'formula min(100, value * 2)' },
    ]);
  });
});

describe('dimensions, facts, methods', () => {
  it('all dimension weight changes are one entry', () => {
    const es = diff(['weight 60', 'weight 50'], ['weight 40\n  indicator scale', 'weight 50\n  indicator scale']);
    expect(brief(es)).toEqual([{ kind: 'dimension-weights', target: 'A, B', before: { A: 60, B: 40 }, after: { A: 50, B: 50 } }]);
  });
  it('dimension label, input and method changes', () => {
    const es = diff(
      [L('dim B'), L('Dimension B')],
      ['input months: integer >= 0', 'input months: integer >= 1'],
      [`method TT { ${L('test')} }`, `method TT { ${L('technical test')} }\nmethod IV { ${L('interview')} }`],
    );
    expect(es.map((e) => [e.kind, e.target])).toEqual([
      ['label-changed', 'B'],
      ['input-changed', 'months'],
      ['method-changed', 'TT'],
      ['method-added', 'IV'],
    ]);
    expect(es[1]).toMatchObject({ before: { type: 'integer >= 0' }, after: { type: 'integer >= 1' } });
  });
});

describe('vetoes, prerequisites, levels', () => {
  it('a veto condition change, with the old and new condition', () => {
    expect(brief(diff(['when pue > 2', 'when pue > 1.8 or not ok']))).toEqual([
      { kind: 'veto-changed', target: 'V1', before: 'pue > 2', after: 'pue > 1.8 or not ok' },
    ]);
  });
  it('a method change of an indicator the changed veto reads joins the veto entry', () => {
    const es = diff(['when pue > 2', 'when pue > 1.8'], ['methods DR\n    basis "b1"', 'methods DR, TT\n    basis "b1"']);
    expect(es.map((e) => [e.kind, e.target])).toEqual([['veto-changed', 'V1']]);
    expect(es[0]?.parts?.map((p) => p.kind)).toEqual(['veto-condition', 'methods-changed']);
  });
  it('a method change alone is its own entry', () => {
    expect(diff(['methods DR\n    basis "b1"', 'methods DR, TT\n    basis "b1"']).map((e) => e.kind)).toEqual(['methods-changed']);
  });
  it('vetoes added form one entry; vetoes removed one entry', () => {
    const added = diff(['veto V1 {', `veto V2 {\n  ${L('v2')}\n  when not ok\n}\nveto V3 {\n  ${L('v3')}\n  when months < 1\n}\nveto V1 {`]);
    expect(brief(added)).toEqual([{ kind: 'vetoes-added', target: 'V2, V3', before: null, after: { V2: 'not ok', V3: 'months < 1' } }]);
    const removed = diff([`veto V1 {\n  ${L('bad pue')}\n  when pue > 2\n}\n`, '']);
    expect(brief(removed)).toEqual([{ kind: 'vetoes-removed', target: 'V1', before: { V1: 'pue > 2' }, after: null }]);
  });
  it('level and prerequisite changes are one entry listing each changed condition', () => {
    const es = diff(
      ['require total >= 80', 'require total >= 85\n    require every dimension: share >= 60%'],
      ['require ok', 'require ok and months >= 12'],
      [`  fallback L0`, `  level L0 {\n    ${L('zero')}\n  }\n  fallback L00`],
    );
    expect(brief(es)).toEqual([
      {
        kind: 'levels-changed',
        target: 'L2, L0, L00, P1',
        before: { L2: ['total >= 80'], L0: null, L00: { id: 'L0', label: { 'zh-Hans': 'zero', 'zh-Hant': 'zero', en: 'zero' } }, P1: ['ok'] },
        after: {
          L2: ['total >= 85', 'every dimension: share >= 60%'],
          L0: [],
          L00: { id: 'L00', label: { 'zh-Hans': 'zero', 'zh-Hant': 'zero', en: 'zero' } },
          P1: ['ok and months >= 12'],
        },
      },
    ]);
  });
  it('prerequisite added and removed', () => {
    const es = diff([`prerequisite P1 {\n  ${L('legal')}\n  require ok\n}`, `prerequisite P2 {\n  ${L('months')}\n  require months >= 6\n}`]);
    expect(es[0]?.parts?.map((p) => [p.kind, p.target])).toEqual([
      ['prerequisite-added', 'P2'],
      ['prerequisite-removed', 'P1'],
    ]);
  });
  it('total changed', () => {
    expect(brief(diff(['date 2026-01-01', 'date 2026-01-01\n  total 120'], ['weight 60', 'weight 80']))[0]).toEqual({
      kind: 'total-changed',
      target: 't',
      before: 100,
      after: 120,
    });
  });
  it('metadata is never an entry', () => {
    expect(diff(['version "1"', 'version "2"'], ['status "draft"', 'status "published"'], ['en "Test"', 'en "Testing"'])).toEqual([]);
  });
});
