// The document and its revision table on small rulesets, for the constructs csp-assessment does not use: formulas,
// `else` map entries, levels without a total threshold, a ladder that is not cumulative, and one revision row per kind
// of change (mapping, formula, methods alone, applicability, labels, levels added, dimensions added, prerequisites).
// In: test/diff/snippets.ts's ruleset and edits of it. Out: rows and cells, as the reader sees them.

import { describe, expect, it } from 'vitest';
import { documentOf, renderDocument, type RevisionRow } from '../../engine/document/index';
import { compileRuleset } from '../../engine/index';
import { BASE, edit, L } from '../diff/snippets';

function compiled(text: string) {
  const r = compileRuleset(text);
  if (!r.ruleset) throw new Error(r.diagnostics.map((d) => d.code).join(', '));
  return r.ruleset.model;
}

function rows(after: string, lang: 'en' | 'zh-Hans' = 'en'): RevisionRow[] {
  return [...(documentOf(compiled(after), lang, { against: compiled(BASE) }).revision?.rows ?? [])];
}

const cells = (r: RevisionRow | undefined): string[] => (r ? [r.clause, r.change, r.subject, r.old, r.new] : []);

describe('the document of constructs csp-assessment does not use', () => {
  const text = edit(
    BASE,
    ['    map {\n      a: 100\n      b: 50\n      c: 0\n    }', '    map {\n      a: 100\n      b: 50 when ok else 10\n      else: 0\n    }'],
    ['    bands {\n      >= 100: 100\n      >= 10: 50\n      else: 0\n    }', '    formula min(100, value / 2)'],
    ['levels cumulative {', 'levels {'],
    ['    require total >= 80\n', '    require total >= 80\n    require every dimension: share >= 50%\n    require points(pue) >= 50\n'],
    ['    require total >= 50\n', '    require pue <= 1.40\n'],
  );
  const doc = documentOf(compiled(text), 'en');

  it('prints a formula, a map with `else` and conditional points', () => {
    const a = doc.dimensions[0]?.indicators.find((i) => i.id === 'tier');
    expect(a?.scoring).toEqual({
      kind: 'map',
      rows: [
        { cond: 'a', otherwise: false, points: '100' },
        { cond: 'b', otherwise: false, points: '50 when ok, else 10' },
        { cond: '', otherwise: true, points: '0' },
      ],
    });
    expect(doc.dimensions[1]?.indicators.find((i) => i.id === 'scale')?.scoring).toEqual({ kind: 'formula', text: 'min(100, value / 2)' });
    const md = renderDocument(doc, 'md');
    expect(md).toContain('| `tier` | tier | enum { a, b, c } | ↑ | a: 100; b: 50 when ok, else 10; else 0 | DR | — | 30 |');
    expect(md).toContain('| formula: min(100, value / 2) |');
    expect(renderDocument(documentOf(compiled(text), 'zh-Hans'), 'md')).toContain('a: 100; b: ok 时 50，否则 10; 其余 0');
  });

  it('splits level conditions into the standard’s columns only where they fit', () => {
    expect(doc.levels.cumulative).toBe(false);
    expect(doc.levels.rows).toEqual([
      { id: 'L2', label: 'two', total: '80', everyDimension: '50%', gates: ['points(pue) ≥ 50'] },
      { id: 'L1', label: 'one', gates: ['pue ≤ 1.40'] },
    ]);
    const md = renderDocument(doc, 'md');
    expect(md).toContain('| `L1` | one | — | — | pue ≤ 1.40 |');
    expect(md).toContain('The highest level whose every condition holds.\n');
    expect(md).not.toContain('Levels are cumulative');
  });
});

describe('one revision row per change, worded as the document prints it', () => {
  it('a mapping entry, a formula, methods alone, an applicability condition', () => {
    const r = rows(
      edit(
        BASE,
        ['      b: 50\n', '      b: 60\n'],
        ['    methods TT\n', '    methods TT "on 10% of nodes", DR\n'],
        ['    bands {\n      >= 50: 100\n      else: 20\n    }', '    applies when ok\n    bands {\n      >= 50: 100\n      else: 20\n    }'],
      ),
    );
    expect(r.map(cells)).toEqual([
      ['3.1', 'mapping changed', 'tier tier', 'b: 50', 'b: 60'],
      ['3.2', 'methods changed', 'scale scale', 'TT', 'TT (on 10% of nodes), DR'],
      ['3.2', 'applicability changed', 'green green', '—', 'ok'],
    ]);
  });

  it('a dimension and a level added, a prerequisite changed, labels changed (zh-Hans)', () => {
    const r = rows(
      edit(
        BASE,
        ['prerequisite P1 {\n', `dimension C {\n  ${L('dim C')}\n  weight 10\n  indicator c1 {\n    ${L('c1')}\n    weight 10\n    type percent\n    higher is better\n    methods DR\n    bands {\n      >= 50: 100\n      else: 0\n    }\n  }\n}\nprerequisite P1 {\n`],
        ['  weight 60\n', '  weight 50\n'],
        ['    weight 30\n    type number >= 1', '    weight 20\n    type number >= 1'],
        ['  require ok\n', '  require ok and months >= 3\n'],
        ['  level L1 {\n', `  level L15 {\n    ${L('one and a half')}\n    require total >= 65\n  }\n  level L1 {\n`],
        [`    ${L('pue')}\n`, '    label { zh-Hans "能效" zh-Hant "能效" en "pue" }\n'],
      ),
      'zh-Hans',
    );
    const by = (kind: string): RevisionRow | undefined => r.find((x) => x.kind === kind);
    expect(cells(by('label-changed'))).toEqual(['3.1', '名称变更', 'pue 能效', 'pue', '能效']);
    expect(by('dimension-added')?.clause).toBe('3.3');
    expect(by('dimension-added')?.new).toBe('权重：10; 指标：c1');
    expect(cells(by('levels-changed'))).toEqual(['4, 5', '等级与基本要求', 'L15, P1', 'P1: ok', 'L15: total ≥ 65; P1: ok and months ≥ 3']);
  });

  it('every row has a clause, a change and both sides', () => {
    const r = rows(
      edit(
        BASE,
        ['  weight 60\n', '  weight 50\n'],
        ['  weight 40\n', '  weight 50\n'],
        ['    weight 30\n    type number >= 1', '    weight 25\n    type number >= 1'],
        ['    weight 30\n    type enum', '    weight 25\n    type enum'],
        ['    weight 20\n    type percent', '    weight 30\n    type percent'],
      ),
    );
    expect(r.length).toBeGreaterThan(0);
    for (const x of r) for (const c of cells(x)) expect(c, JSON.stringify(x)).not.toBe('');
  });
});
