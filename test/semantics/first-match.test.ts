// First match (engine/semantics/first-match.ts): bands top-down, maps by key else `else`, in code and in source.

import { describe, expect, it } from 'vitest';
import { bandMatches, firstMatch, mapEntry, mapIndex, FALSE, TRUE, UNKNOWN, type TruthCode } from '../../engine/semantics/index';
import { assess, ind, rs } from '../engine/helpers';

describe('first match', () => {
  it('the first true band wins; unknown bands do not match; later bands are not tested', () => {
    const bands: TruthCode[] = [FALSE, UNKNOWN, TRUE, TRUE];
    const tested: number[] = [];
    expect(firstMatch(bands.length, bands, (b, k) => (tested.push(k), b[k] as TruthCode))).toBe(2);
    expect(tested).toEqual([0, 1, 2]);
    expect(firstMatch(2, [FALSE, UNKNOWN], (b, k) => b[k] as TruthCode)).toBe(-1);
    expect(bandMatches(UNKNOWN)).toBe(false);
  });

  it('a map gives the first entry of the key, else the first `else`, else none', () => {
    const ix = mapIndex(['a', undefined, 'b', 'a', undefined]);
    expect(mapEntry(ix, 'a')).toBe(0);
    expect(mapEntry(ix, 'b')).toBe(2);
    expect(mapEntry(ix, 'c')).toBe(1);
    expect(mapEntry(mapIndex(['a']), 'c')).toBe(-1);
    expect(mapEntry(ix, undefined)).toBe(-1);
  });
});

describe('the same rule in source text', () => {
  const src = rs(`
dimension D {
  weight 100
  indicator x {
    weight 1
    type number 0 to 100
    bands {
      >= 50: 80
      >= 30: 60
      >= 50: 100
    }
  }
}`);
  it('a value on a threshold takes the first band it satisfies; no band → 0 points and E153', () => {
    expect(ind(assess(src, { x: 50 }), 'x').points?.toString()).toBe('80');
    expect(ind(assess(src, { x: 30 }), 'x').points?.toString()).toBe('60');
    const a = assess(src, { x: 10 });
    expect(ind(a, 'x').points?.toString()).toBe('0');
    expect(a.warnings.map((w) => w.code)).toEqual(['E153']);
  });
});
