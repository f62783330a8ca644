// The incremental reparse (dsl/incremental.ts) against a full parse: after random edits of the 2,000-indicator
// benchmark ruleset and of csp-assessment 0.9 and 1.0, the tree (spans included) and the diagnostics are the same; edits
// inside one item are reparsed from that item alone, edits across items, in the header or in a file with errors in full.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import { editBetween, moveSpans, reparse, sameAfterMove, track } from '../../dsl/incremental';
import { parseRuleset } from '../../dsl/parse';

const BIG = generateRuleset(2000);
const CSP = ['0.9', '1.0'].map((v) => readFileSync(`rulesets/csp-assessment/${v}.assay`, 'utf8'));

/** Pieces typed or pasted: letters, digits, brackets, quotes, comments, line breaks and whole keywords. */
const piece = fc.oneof(
  fc.constantFrom('a', 'Z', '7', '0.5', ' ', '\n', '{', '}', '"', '#', '# note\n', ':', '<= 3: 40', '%', 'dimension X {', 'veto', 'indicator j {', '}\n', '"x"', '\u3000'),
  fc.string({ maxLength: 4 }),
);

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit = (len: number): fc.Arbitrary<Edit> =>
  fc.record({ at: fc.nat({ max: len }), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 2 }).map((xs) => xs.join('')) });

/** Where an editor types most: inside the labels (`en "Indicator 12"`), at line ends and in blank lines. */
const typingSpots = (text: string): number[] => [...text.matchAll(/"Indicator |\n/g)].map((m) => (m.index ?? 0) + (m[0] === '\n' ? 0 : 10));

/** A keystroke at a typing spot: one character typed or deleted. */
const keystroke = (spots: readonly number[]): fc.Arbitrary<Edit> =>
  fc.record({ at: fc.constantFrom(...spots), remove: fc.nat({ max: 1 }), insert: fc.constantFrom('', 'a', '5', ' ', '  ', '# c') });

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Applies the edits one after another, each reparsed incrementally from the last, and checks each against a full parse. */
function check(start: string, edits: readonly Edit[], counts: { item: number; full: number }): void {
  let tracked = track(start);
  let text = start;
  for (const e of edits) {
    text = apply(text, e);
    tracked = reparse(tracked, text);
    counts[tracked.how]++;
    expect(tracked.result).toEqual(parseRuleset(text));
  }
}

describe('incremental reparse', () => {
  it('finds the edit as one replaced range', () => {
    expect(editBetween('abcdef', 'abXdef')).toEqual({ start: 2, endA: 3, endB: 3 });
    expect(editBetween('aaaa', 'aaaaa')).toEqual({ start: 4, endA: 4, endB: 5 });
    expect(editBetween('abc', 'abc')).toEqual({ start: 3, endA: 3, endB: 3 });
  });

  it('reparses one item for a keystroke in an indicator label and gives the full parse', () => {
    const at = BIG.indexOf('en "Indicator 1000"') + 'en "Indicator'.length;
    const next = `${BIG.slice(0, at)}x${BIG.slice(at)}`;
    const t = reparse(track(BIG), next);
    expect(t.how).toBe('item');
    expect(t.result).toEqual(parseRuleset(next));
    expect(t.result.diagnostics).toEqual([]);
  });

  it('parses in full when the edit is in the header, crosses two items or leaves an error', () => {
    const base = track(CSP[0] as string);
    const text = base.text;
    const header = text.replace('version "0.9"', 'version "0.91"');
    expect(reparse(base, header).how).toBe('full');
    // Joining two items by deleting the line break and keyword between them.
    const at = text.indexOf('\ndimension ', text.indexOf('dimension ') + 1);
    const joined = text.slice(0, at - 1) + text.slice(at + 10);
    const t = reparse(base, joined);
    expect(t.how).toBe('full');
    expect(t.result).toEqual(parseRuleset(joined));
    const broken = text.replace('weight 4', 'weight {');
    const b = reparse(base, broken);
    expect(b.how).toBe('full');
    expect(b.result.diagnostics.length).toBeGreaterThan(0);
    // And from a file with errors, the next edit parses in full too.
    expect(reparse(b, text).how).toBe('full');
  });

  it('a comment typed at the end of an item that would swallow the next keyword parses in full', () => {
    const text = 'ruleset "r" { version "1" }\nmethod A { label { en "a" } } method B { label { en "b" } }\n';
    const at = text.indexOf(' method B');
    const next = `${text.slice(0, at + 1)}#${text.slice(at + 1)}`;
    const t = reparse(track(text), next);
    expect(t.result).toEqual(parseRuleset(next));
  });

  it('gives the full parse after random edits of csp-assessment 0.9 and 1.0', () => {
    const counts = { item: 0, full: 0 };
    for (const text of CSP) {
      fc.assert(
        fc.property(fc.array(edit(text.length), { minLength: 1, maxLength: 4 }), (edits) => check(text, edits, counts)),
        { numRuns: 100, seed: 16 },
      );
    }
    // The property covers both paths (most random edits stay inside one item).
    expect(counts.item).toBeGreaterThan(50);
    expect(counts.full).toBeGreaterThan(20);
  });

  it('gives the full parse after random edits of the 2,000-indicator ruleset', () => {
    const counts = { item: 0, full: 0 };
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: keystroke(typingSpots(BIG)), weight: 3 }, { arbitrary: edit(BIG.length), weight: 1 }), { minLength: 1, maxLength: 3 }), (edits) => check(BIG, edits, counts)),
      { numRuns: 10, seed: 2000 },
    );
    expect(counts.item).toBeGreaterThan(3);
  }, 120_000);
});

describe('moving spans with an edit', () => {
  it('moves spans after the edit, stretches a span around it, keeps spans before it and objects that are not plain data', () => {
    class Num {
      constructor(readonly n: number) {}
    }
    const num = new Num(7);
    const moved = moveSpans({ before: { start: 0, end: 2 }, around: { start: 1, end: 10 }, after: [{ start: 12, end: 14 }], num }, 3, 5);
    expect(moved).toEqual({ before: { start: 0, end: 2 }, around: { start: 1, end: 13 }, after: [{ start: 15, end: 17 }], num });
    expect(moved.num).toBe(num);
    expect(moveSpans({ at: { start: 5, end: 5 } }, -2, 5)).toEqual({ at: { start: 3, end: 3 } });
  });
});

describe('comparing after moving spans', () => {
  it('agrees with comparing the moved copy as JSON text, on random data with spans', () => {
    const span = fc.record({ start: fc.nat({ max: 40 }), end: fc.nat({ max: 40 }) }).map((s) => ({ start: Math.min(s.start, s.end), end: Math.max(s.start, s.end) }));
    const leaf = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', true, null), span);
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('span', 'text', 'x', 'start'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(data, data, fc.integer({ min: -5, max: 5 }), fc.nat({ max: 40 }), (a, b, delta, from) => {
        const text = JSON.stringify(moveSpans(a, delta, from));
        expect(sameAfterMove(a, b, delta, from)).toBe(text === JSON.stringify(b));
        // b taken as the moved copy itself: always the same.
        expect(sameAfterMove(a, JSON.parse(text), delta, from)).toBe(true);
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
