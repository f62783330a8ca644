// Diffs of the new constructs (#13): derived values (a changed table entry is a changed formula), the formula
// total, `required`, `evidence required`, `precision` are semantic changes, described in three languages, and
// every entry applies itself to the old ruleset (applying all leaves no difference).
// In: a small ruleset with derived values and edits of its text. Out: entries, rendered text.

import { describe, expect, it } from 'vitest';
import { applyEntries, diffAsts, toDiffJson, type DiffEntryJson } from '../../engine/analyses/diff/index';
import { renderDiff } from '../../engine/analyses/diff/render';
import { astOf as ast, checkedDiff, edit, L } from './snippets';

const BASE = `ruleset "t" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "测试" zh-Hant "測試" en "Test" }
}
input pr: enum { N, L, H } { ${L('privileges')} }
input s: enum { U, C } { ${L('scope')} }
input x: number { ${L('x')} }
derive w: number {
  ${L('weight of pr')}
  formula table (pr, s) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, else: 0.5 }
}
derive half: number { ${L('half')} formula x / 2 }
dimension D {
  ${L('dim')}
  weight 100
  indicator i { ${L('i')} weight 100 type number formula min(100, x) }
}
levels { level top { ${L('top')} require w > 0.6 } fallback none { ${L('none')} } }
`;

/** The diff BASE → edited, checked to apply back as a whole and entry by entry (each leaves exactly the others). */
function diff(...changes: readonly (readonly [string, string])[]): DiffEntryJson[] {
  const { entries, raw, a, b } = checkedDiff(BASE, ...changes);
  for (const e of raw) {
    const left = diffAsts(applyEntries(a, [e]), b).entries.map((x) => `${x.kind} ${x.target}`);
    expect(left).toEqual(raw.filter((x) => x !== e).map((x) => `${x.kind} ${x.target}`));
  }
  return entries;
}
const brief = (es: readonly DiffEntryJson[]) => es.map((e) => ({ kind: e.kind, target: e.target, before: e.before, after: e.after }));

describe('derived values', () => {
  it('a changed table entry is a changed formula of its derived value', () => {
    expect(brief(diff(['(L, U): 0.62', '(L, U): 0.6']))).toEqual([
      {
        kind: 'derived-changed',
        target: 'w',
        before: { formula: 'table (pr, s) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, else: 0.5 }' },
        after: { formula: 'table (pr, s) { (N, U): 0.85, (L, U): 0.6, (H, U): 0.27, else: 0.5 }' },
      },
    ]);
  });
  it('added and removed, with type and formula', () => {
    expect(brief(diff([`derive half: number { ${L('half')} formula x / 2 }\n`, `derive third: integer { ${L('third')} formula floor(x / 3) }\n`]))).toEqual([
      { kind: 'derived-added', target: 'third', before: null, after: { type: 'integer', label: { 'zh-Hans': 'third', 'zh-Hant': 'third', en: 'third' }, formula: 'floor(x / 3)' } },
      { kind: 'derived-removed', target: 'half', before: { type: 'number', label: { 'zh-Hans': 'half', 'zh-Hant': 'half', en: 'half' }, formula: 'x / 2' }, after: null },
    ]);
  });
  it('are described in three languages', () => {
    const a = ast(BASE);
    const d = diffAsts(a, ast(edit(BASE, ['formula x / 2', 'formula x / 4'])));
    expect(renderDiff(d, { format: 'text', lang: 'en' })).toContain('derived value changed: half “half”');
    expect(renderDiff(d, { format: 'text', lang: 'zh-Hans' })).toContain('派生值变更');
    expect(renderDiff(d, { format: 'text', lang: 'zh-Hant' })).toContain('衍生值變更');
    expect(renderDiff(d, { format: 'text', lang: 'en' })).toContain('x / 2 → x / 4');
  });
});

describe('the formula total and the evidence requirements', () => {
  const TOTAL = `total: number 0 to 10 { ${L('score')} formula ceil(half, 1) }\n`;
  it('a formula total added, changed and removed', () => {
    expect(brief(diff(['dimension D {', `${TOTAL}dimension D {`]))).toMatchObject([{ kind: 'total-formula-added', target: 'total', before: null, after: { formula: 'ceil(half, 1)', type: 'number 0 to 10' } }]);
    const withTotal = edit(BASE, ['dimension D {', `${TOTAL}dimension D {`]);
    const a = ast(withTotal);
    const changed = diffAsts(a, ast(edit(withTotal, ['ceil(half, 1)', 'round(half, 1, half_even)']))).entries.map(toDiffJson);
    expect(brief(changed)).toEqual([{ kind: 'total-formula-changed', target: 'total', before: { formula: 'ceil(half, 1)' }, after: { formula: 'round(half, 1, half_even)' } }]);
    const removed = diffAsts(a, ast(BASE));
    expect(removed.entries.map((e) => e.kind)).toEqual(['total-formula-removed']);
    expect(diffAsts(applyEntries(a, removed.entries), ast(BASE)).entries).toEqual([]);
  });
  it('`required` on an input, `evidence required` and `precision` in the header', () => {
    expect(brief(diff([`input x: number { ${L('x')} }`, `input x: number { ${L('x')} required }`]))).toEqual([
      { kind: 'input-changed', target: 'x', before: { required: null }, after: { required: true } },
    ]);
    expect(brief(diff(['  status "draft"\n', '  status "draft"\n  evidence required\n  precision 2\n']))).toEqual([
      { kind: 'evidence-required-changed', target: 't', before: false, after: true },
      { kind: 'precision-changed', target: 't', before: 4, after: 2 },
    ]);
    expect(brief(diff(['indicator i { label', 'indicator i { required label']))).toEqual([{ kind: 'required-changed', target: 'i', before: false, after: true }]);
  });
});
