// Line edits of share links: random texts and their edits round-trip exactly, and an edit that does not fit its base
// is refused. In: generated texts. Out: assertions.

import { describe, expect, it } from 'vitest';
import { applyLineEdits, lineEdits } from '../../playground/src/share-diff';

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('share-diff', () => {
  it('round-trips random edits of a text, with few lines in the edits', () => {
    const r = rng(7);
    const base = Array.from({ length: 200 }, (_, i) => `line ${i % 37} ${i % 5 === 0 ? '' : 'x'}`).join('\n');
    for (let round = 0; round < 300; round++) {
      const lines = base.split('\n');
      const changes = 1 + Math.floor(r() * 6);
      for (let c = 0; c < changes; c++) {
        const at = Math.floor(r() * lines.length);
        const kind = r();
        if (kind < 0.33) lines.splice(at, 1);
        else if (kind < 0.66) lines.splice(at, 0, `new ${round} ${c}`);
        else lines[at] = `changed ${round} ${c}`;
      }
      const text = lines.join('\n');
      const edits = lineEdits(base, text);
      expect(edits).toBeDefined();
      expect(applyLineEdits(base, edits)).toBe(text);
      const touched = (edits ?? []).reduce((n, e) => n + e[1] + e[2].length, 0);
      expect(touched).toBeLessThanOrEqual(changes * 2);
    }
  });

  it('handles empty texts, identical texts and trailing newlines', () => {
    for (const [a, b] of [['', ''], ['', 'a'], ['a', ''], ['a\n', 'a'], ['a\nb\n', 'a\nb\n'], ['x\r\ny', 'x\r\nz']]) {
      expect(applyLineEdits(a ?? '', lineEdits(a ?? '', b ?? ''))).toBe(b);
    }
  });

  it('gives up past the limit, and refuses edits that do not fit', () => {
    const base = Array.from({ length: 50 }, (_, i) => `a${i}`).join('\n');
    const text = Array.from({ length: 50 }, (_, i) => `b${i}`).join('\n');
    expect(lineEdits(base, text, 20)).toBeUndefined();
    expect(applyLineEdits('a\nb', [[5, 1, []]])).toBeUndefined();
    expect(applyLineEdits('a\nb', [[1, 1, []], [0, 1, []]])).toBeUndefined();
    expect(applyLineEdits('a\nb', [[0, 1, [3]]])).toBeUndefined();
    expect(applyLineEdits('a\nb', 'x')).toBeUndefined();
  });
});
