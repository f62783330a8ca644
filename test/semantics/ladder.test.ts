// The level ladder (engine/semantics/ladder.ts): which levels hold, the level reached, the lazy decision list
// and the levels a target needs — against each other over every combination, and in source text.

import { describe, expect, it } from 'vitest';
import { blockedBy, ladderHolds, ladderSteps, levelsNeeded, reachedIndex, reachLevel } from '../../engine/semantics/index';
import { assess, rs } from '../engine/helpers';

/** Every vector of n booleans. */
function vectors(n: number): boolean[][] {
  return Array.from({ length: 1 << n }, (_, m) => Array.from({ length: n }, (_, k) => ((m >> k) & 1) === 1));
}

describe('ladder', () => {
  it('cumulative: a level holds when it and every level below it hold (highest first)', () => {
    expect(ladderHolds(true, [true, false, true], [])).toEqual([false, false, true]);
    expect(ladderHolds(false, [true, false, true], [])).toEqual([true, false, true]);
    expect(ladderHolds(true, [true, true, true], [])).toEqual([true, true, true]);
  });

  it('writes in place without growing', () => {
    const own = [true, false];
    expect(ladderHolds(true, own, own)).toBe(own);
    expect(own).toEqual([false, false]);
  });

  it('the decision list reaches the same level as the full reading, reading each level at most once', () => {
    for (const cumulative of [true, false]) {
      for (let n = 0; n <= 5; n++) {
        const steps = ladderSteps(cumulative, n);
        for (const own of vectors(n)) {
          const reads: number[] = [];
          const got = reachLevel(steps, own, (o, k) => (reads.push(k), o[k] === true));
          expect(got).toBe(reachedIndex(ladderHolds(cumulative, own, [])));
          expect(new Set(reads).size).toBe(reads.length);
        }
      }
    }
  });

  it('the levels a target needs, and the level below that blocks one', () => {
    expect(levelsNeeded(true, 4, 1)).toEqual({ from: 1, to: 4 });
    expect(levelsNeeded(false, 4, 1)).toEqual({ from: 1, to: 2 });
    const own = [true, false, true];
    const h = ladderHolds(true, own, []);
    expect(blockedBy(true, own, h, 0)).toBe(1);
    expect(blockedBy(false, own, ladderHolds(false, own, []), 0)).toBe(-1);
    expect(blockedBy(true, own, h, 2)).toBe(-1);
  });
});

describe('the same rule in source text', () => {
  const ladder = (kind: string) =>
    rs(`
input a: boolean
input b: boolean
levels ${kind} {
  level L2 { require a }
  level L1 { require b }
  fallback L0 { }
}`);
  it('a cumulative L2 needs L1; a plain one does not; nothing holds → the fallback', () => {
    expect(assess(ladder('cumulative'), { a: true, b: false }).level).toBe('L0');
    expect(assess(ladder(''), { a: true, b: false }).level).toBe('L2');
    expect(assess(ladder('cumulative'), { a: false, b: true }).level).toBe('L1');
    expect(assess(ladder(''), { a: false, b: false }).level).toBe('L0');
  });
});
