// The table view's edits, without a browser: every grid operation is one text edit on the span of its node,
// keeps every comment of the file, and undoing it (the inverse edit) restores the text; the twelve changes of
// 0.9 → 1.0 made as table operations give 1.0's canonical form.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../dsl/canonical';
import { parseRuleset } from '../../dsl/parse';
import { applyEdit, cellContent, editFor, type TableOp, type TextEdit } from '../../playground/src/table-edit';
import { TWELVE_CHANGES } from '../support/csp-twelve-changes';

const V09 = readFileSync(new URL('../../rulesets/csp-assessment/0.9.assay', import.meta.url), 'utf8');
const V10 = readFileSync(new URL('../../rulesets/csp-assessment/1.0.assay', import.meta.url), 'utf8');

function commentsOf(text: string): string[] {
  return parseRuleset(text).ast.comments.map((c) => c.text.trimEnd());
}

function run(text: string, op: TableOp): { next: string; edit: TextEdit } {
  const parsed = parseRuleset(text);
  const r = editFor(parsed.ast, text, op);
  if (!r.ok) throw new Error(`${JSON.stringify(op)} refused: ${r.reason}`);
  const next = applyEdit(text, r.edit);
  const errors = parseRuleset(next).diagnostics.filter((d) => d.severity === 'error');
  expect(errors, `${JSON.stringify(op)} made a syntax error`).toEqual([]);
  return { next, edit: r.edit };
}

/** The edit that undoes `edit` on the text it was applied to. */
function inverse(before: string, edit: TextEdit): TextEdit {
  return { start: edit.start, end: edit.start + edit.text.length, text: before.slice(edit.start, edit.end) };
}

describe('table edits', () => {
  it('the twelve changes C01–C12 made on 0.9 through table operations give 1.0 (canonical form), every comment kept, every edit undoable', () => {
    let text = V09;
    const comments = commentsOf(V09);
    for (const { change, ops } of TWELVE_CHANGES) {
      for (const op of ops) {
        const { next, edit } = run(text, op);
        expect(applyEdit(next, inverse(text, edit)), `${change}: undo`).toBe(text);
        // Only the span of the node changes: the text outside the edit is the same.
        expect(next.slice(0, edit.start)).toBe(text.slice(0, edit.start));
        text = next;
        expect(commentsOf(text), `${change}: comments`).toEqual(expect.arrayContaining(comments));
      }
    }
    expect(commentsOf(text)).toEqual(comments);
    expect(canonicalString(parseRuleset(text).ast)).toBe(canonicalString(parseRuleset(V10).ast));
  });

  // Every other kind of operation the grids offer, each on 0.9 as it is.
  const OTHERS: readonly TableOp[] = [
    { kind: 'addEntry', id: 'metric_disclosure', at: 1 },
    { kind: 'removeEntry', id: 'metric_disclosure', index: 0 },
    { kind: 'set', cell: { kind: 'entry', id: 'metric_disclosure', index: 1, part: 'points' }, value: '55' },
    { kind: 'addRequire', owner: 'level', id: 'L3' },
    { kind: 'removeRequire', owner: 'level', id: 'L5', index: 2 },
    { kind: 'addRequire', owner: 'prerequisite', id: 'P1' },
    { kind: 'removeVeto', id: 'V2' },
    { kind: 'addBand', id: 'pue', at: 7 },
    { kind: 'addIndicator', dimension: 'G', id: 'water_usage' },
    { kind: 'set', cell: { kind: 'indicator', id: 'pue', field: 'applies' }, value: 'known(pue)' },
    { kind: 'set', cell: { kind: 'indicator', id: 'hpl_efficiency', field: 'applies' }, value: '' },
    { kind: 'set', cell: { kind: 'indicator', id: 'pue', field: 'direction' }, value: '' },
    { kind: 'set', cell: { kind: 'indicator', id: 'pue', field: 'basis' }, value: '' },
    { kind: 'set', cell: { kind: 'label', owner: { kind: 'title' }, lang: 'en' }, value: 'CSP assessment' },
    { kind: 'set', cell: { kind: 'label', owner: { kind: 'level', id: 'L0' }, lang: 'zh-Hant' }, value: '未達' },
    { kind: 'set', cell: { kind: 'header', field: 'total' }, value: '' },
  ];

  it.each(OTHERS.map((op) => [JSON.stringify(op), op] as const))('%s: one edit, comments kept, undone by its inverse', (_, op) => {
    const { next, edit } = run(V09, op);
    expect(next).not.toBe(V09);
    expect(applyEdit(next, inverse(V09, edit))).toBe(V09);
    expect(commentsOf(next)).toEqual(commentsOf(V09));
  });

  it('a cell shows the value of its node: plain text for strings, source for expressions', () => {
    const { ast } = parseRuleset(V09);
    expect(cellContent(ast, V09, { kind: 'indicator', id: 'pue', field: 'weight' })?.value).toBe('3');
    expect(cellContent(ast, V09, { kind: 'indicator', id: 'pue', field: 'type' })?.value).toBe('number >= 1');
    expect(cellContent(ast, V09, { kind: 'indicator', id: 'pue', field: 'direction' })?.value).toBe('lower');
    expect(cellContent(ast, V09, { kind: 'indicator', id: 'pue', field: 'unit' })?.value).toBe('ratio');
    expect(cellContent(ast, V09, { kind: 'label', owner: { kind: 'dimension', id: 'G' }, lang: 'en' })?.value).toBe('Green operation');
    expect(cellContent(ast, V09, { kind: 'band', id: 'pue', index: 0, part: 'cond' })?.value).toBe('<= 1.15');
    expect(cellContent(ast, V09, { kind: 'require', owner: 'level', id: 'L5', index: 0 })?.value).toBe('total >= 95');
    expect(cellContent(ast, V09, { kind: 'indicator', id: 'declared_vs_measured_gap', field: 'methods' })?.value).toBe('TT "on ≥5% of nodes (at least 16)", OS, DR');
  });

  const SRC = [
    'ruleset "t" {',
    '  version "1"',
    '}',
    '',
    'dimension A {',
    '  weight 100  # the whole total',
    '',
    '  indicator x {',
    '    # why x weighs 1',
    '    weight 1',
    '    type number',
    '    unit "u"  # unit note',
    '    bands {',
    '      >= 10: 100  # top',
    '      # the middle band',
    '      >= 5: 50',
    '      else: 0',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('a trailing comment stays when its clause is removed, and comments inside a removed band or indicator are kept', () => {
    const noUnit = run(SRC, { kind: 'set', cell: { kind: 'indicator', id: 'x', field: 'unit' }, value: '' }).next;
    expect(noUnit).toContain('    # unit note\n');
    expect(noUnit).not.toContain('unit "u"');
    const noTop = run(SRC, { kind: 'removeBand', id: 'x', index: 0 }).next;
    expect(noTop).toContain('      # top\n      # the middle band\n      >= 5: 50');
    const noX = run(SRC, { kind: 'removeIndicator', id: 'x' }).next;
    expect(commentsOf(noX)).toEqual(commentsOf(SRC));
    expect(noX).not.toContain('indicator x');
  });

  it('a changed value replaces only its node: the trailing comment on the line stays', () => {
    const { next, edit } = run(SRC, { kind: 'set', cell: { kind: 'dimension', id: 'A' }, value: '90' });
    expect(next).toContain('  weight 90  # the whole total');
    expect(edit.end - edit.start).toBe(3);
  });

  it('refuses what would not be the value a cell holds (the text is left alone)', () => {
    const { ast } = parseRuleset(SRC);
    expect(editFor(ast, SRC, { kind: 'set', cell: { kind: 'indicator', id: 'x', field: 'weight' }, value: 'two' })).toEqual({ ok: false, reason: 'number' });
    expect(editFor(ast, SRC, { kind: 'set', cell: { kind: 'indicator', id: 'x', field: 'id' }, value: '2x' })).toEqual({ ok: false, reason: 'identifier' });
    expect(editFor(ast, SRC, { kind: 'addIndicator', dimension: 'A', id: 'x' })).toEqual({ ok: false, reason: 'exists' });
    expect(editFor(ast, SRC, { kind: 'set', cell: { kind: 'header', field: 'date' }, value: '30.6.2026' })).toEqual({ ok: false, reason: 'date' });
  });

  it('labels are written in the order zh-Hans, zh-Hant, en whatever order they are filled in', () => {
    let text = run(SRC, { kind: 'set', cell: { kind: 'label', owner: { kind: 'indicator', id: 'x' }, lang: 'en' }, value: 'Ex "quoted"' }).next;
    text = run(text, { kind: 'set', cell: { kind: 'label', owner: { kind: 'indicator', id: 'x' }, lang: 'zh-Hans' }, value: '甲' }).next;
    text = run(text, { kind: 'set', cell: { kind: 'label', owner: { kind: 'indicator', id: 'x' }, lang: 'zh-Hant' }, value: '乙' }).next;
    expect(text).toContain('    label { zh-Hans "甲" zh-Hant "乙" en "Ex \\"quoted\\"" }\n    # why x weighs 1');
  });
});
