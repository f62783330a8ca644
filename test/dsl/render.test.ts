// Source positions and rendered diagnostics: line/col, caret under the span, help, related notes.

import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../dsl/parse';
import { renderDiagnostic, renderDiagnostics } from '../../dsl/render';
import { lineCol, LineIndex } from '../../dsl/source';
import { STAGES } from '../../dsl/stages';
import { HEADER } from './helpers';

describe('source positions', () => {
  it('gives 1-based lines and UTF-16 columns', () => {
    const text = 'ab\n算力x\r\nz';
    expect(lineCol(text, 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol(text, 3)).toEqual({ line: 2, col: 1 });
    expect(lineCol(text, 5)).toEqual({ line: 2, col: 3 });
    expect(lineCol(text, 8)).toEqual({ line: 3, col: 1 });
    expect(lineCol(text, 999)).toEqual({ line: 3, col: 2 });
    const index = new LineIndex(text);
    expect([index.lineText(1), index.lineText(2), index.lineText(3)]).toEqual(['ab', '算力x', 'z']);
  });
});

describe('rendered diagnostics', () => {
  it('shows path:line:col, the line, a caret underline and help', () => {
    const text = `${HEADER}dimension A {\n  weight 1\n  weight 2\n}`;
    const [d] = parseRuleset(text).diagnostics;
    expect(d && renderDiagnostic(d, { text, path: 'x.assay' })).toBe(
      [
        'x.assay:6:3: error: `weight` is given twice [A104]',
        ' 6 |   weight 2',
        '   |   ^^^^^^^^',
        '  = help: keep one of them',
        '  = note[A901]: first declared here (x.assay:5:3)',
        ' 5 |   weight 1',
        '   |   ^^^^^^^^',
      ].join('\n'),
    );
  });

  it('aligns the caret under Chinese text and speaks the reader’s language', () => {
    const text = `${HEADER}method M { label { zh-Hans "算力" en } }`;
    const out = renderDiagnostics(parseRuleset(text).diagnostics, { text, path: 'x.assay', lang: 'zh-Hans' });
    expect(out).toBe(
      [
        'x.assay:4:36: error: 此处应为字符串（`"…"`），实际为`}` [A102]',
        ' 4 | method M { label { zh-Hans "算力" en } }',
        '   |                                      ^',
      ].join('\n'),
    );
  });

  it('shows a window of a very long line', () => {
    const text = `${HEADER}veto V { when ${'a + '.repeat(200)}}`;
    const out = renderDiagnostics(parseRuleset(text).diagnostics, { text, path: 'x.assay' });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^x\.assay:4:\d+: error: expected an expression but found `}` \[A102\]$/);
    expect(lines[1]?.length).toBeLessThan(200);
    expect(lines[1]).toContain('…');
    expect(lines[2]?.trimEnd().endsWith('^')).toBe(true);
  });

  it('colours only when asked', () => {
    const text = `${HEADER}method M @ {}`;
    const ds = parseRuleset(text).diagnostics;
    expect(renderDiagnostics(ds, { text, path: 'p' })).not.toContain('\x1b[');
    expect(renderDiagnostics(ds, { text, path: 'p', color: true })).toContain('\x1b[31;1merror\x1b[0m');
  });
});

describe('stages', () => {
  it('lists the pipeline in order', () => {
    expect(STAGES.map((s) => s.name)).toEqual(['lex', 'parse', 'build', 'print']);
  });
});
