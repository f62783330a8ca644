// The analysis worker's incremental path (playground/src/worker/live.ts: one item reparsed, the last compile reused)
// against a cold analysis of the same text: after random edits of csp-assessment 0.9 and 1.0 and of the 2,000-indicator
// ruleset, with the playground's own sample platforms, the two analyses are equal (results, explanations, diagnostics,
// symbols, schema), whichever way the text was parsed.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import type { Lang } from '../../dsl/index';
import { samplesFor } from '../../playground/src/bundled';
import type { Analysis } from '../../playground/src/protocol';
import { analyze, DETAIL_ALL_MAX } from '../../playground/src/worker/analyze';
import { withoutMemory } from '../../playground/src/worker/live';

const BIG = generateRuleset(2000);
const CSP = ['0.9', '1.0'].map((v) => readFileSync(`rulesets/csp-assessment/${v}.assay`, 'utf8'));

/** Everything but the timing and the way the text was parsed. */
function content(a: Analysis): unknown {
  const { ms: _ms, parsed: _parsed, kept: _kept, staleResults, ...rest } = a;
  return { ...rest, ...(staleResults ? { staleResults: content(staleResults) } : {}) };
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit = (spots: readonly number[], len: number): fc.Arbitrary<Edit> =>
  fc.record({
    // Mostly where an editor types (labels, numbers, line ends); sometimes anywhere.
    at: fc.oneof({ arbitrary: fc.constantFrom(...spots), weight: 3 }, { arbitrary: fc.nat({ max: len }), weight: 1 }),
    remove: fc.nat({ max: 3 }),
    insert: fc.constantFrom('', 'a', '5', '0', ' ', '\n', '}', '# c', '.5', 'x y'),
  });

const spotsOf = (text: string): number[] => [...text.matchAll(/en "|\d\n|\n/g)].map((m) => (m.index ?? 0) + (m[0] === 'en "' ? 4 : 1));

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Analyses each edited text warm (the worker's memory) and cold, and checks they agree; counts the parse paths. */
function run(start: string, edits: readonly Edit[], lang: Lang, counts: Record<string, number>): void {
  const platforms = samplesFor(/ruleset\s+"([^"\\]+)"/.exec(start)?.[1]);
  const selected = platforms[1]?.key;
  let text = start;
  analyze(0, text, lang, platforms, selected);
  for (const e of edits) {
    text = apply(text, e);
    const warm = analyze(1, text, lang, platforms, selected);
    counts[warm.parsed ?? 'none'] = (counts[warm.parsed ?? 'none'] ?? 0) + 1;
    const cold = withoutMemory(() => analyze(1, text, lang, platforms, selected));
    expect(cold.parsed).toBe('full');
    expect(content(warm)).toEqual(content(cold));
  }
}

describe('the incremental analysis', () => {
  it('equals a cold analysis after random edits of csp-assessment 0.9 and 1.0', () => {
    const counts: Record<string, number> = {};
    for (const text of CSP) {
      fc.assert(
        fc.property(fc.array(edit(spotsOf(text), text.length), { minLength: 1, maxLength: 3 }), fc.constantFrom<Lang>('en', 'zh-Hans'), (edits, lang) =>
          run(text, edits, lang, counts),
        ),
        { numRuns: 25, seed: 16 },
      );
    }
    expect(counts['item'] ?? 0).toBeGreaterThan(10);
    expect(counts['full'] ?? 0).toBeGreaterThan(3);
  }, 300_000);

  it('equals a cold analysis after random edits of the 2,000-indicator ruleset, and reparses one item for some', () => {
    const counts: Record<string, number> = {};
    fc.assert(
      fc.property(fc.array(edit(spotsOf(BIG), BIG.length), { minLength: 2, maxLength: 3 }), (edits) => run(BIG, edits, 'en', counts)),
      { numRuns: 3, seed: 2000 },
    );
    expect(counts['item'] ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it('keeps every assessment across an edit of a label, and none across an edit of a bound', () => {
    const platforms = samplesFor('csp-assessment');
    const text = CSP[0] as string;
    const at = (s: string): number => text.indexOf(s, text.indexOf('indicator total_compute_scale'));
    const label = text.replace('en "Total available compute"', 'en "Total compute available"');
    const bound = text.slice(0, at('>= 300: 80')) + '>= 301: 80' + text.slice(at('>= 300: 80') + '>= 300: 80'.length);
    const explained = platforms[0]?.key;
    analyze(1, text, 'en', platforms, explained);
    const a = analyze(2, label, 'en', platforms, explained);
    // Every platform's assessment, and the explained one's traced assessment.
    expect([a.parsed, a.kept]).toEqual(['item', platforms.length + 1]);
    expect(a.explanation?.some((l) => l.text.includes('Total compute available'))).toBe(true);
    // The kept results carry the new label.
    expect(a.results?.[0]?.indicators.find((r) => r.id === 'total_compute_scale')?.label?.find((l) => l.lang === 'en')?.value).toBe('Total compute available');
    // Another language: nothing kept (messages are worded in it).
    expect(analyze(3, label, 'zh-Hans', platforms, undefined).kept).toBe(0);
    const b = analyze(4, bound, 'zh-Hans', platforms, undefined);
    expect([b.parsed, b.kept]).toEqual(['item', 0]);
  }, 120_000);

  it('sends indicator rows for the selected platform only over DETAIL_ALL_MAX indicators, and the same text is not compiled again', () => {
    const platforms = samplesFor(undefined);
    const a = analyze(1, BIG, 'en', platforms, platforms[2]?.key);
    const rows = (a.results ?? []).map((r) => [r.key, r.indicators.length, r.indicatorsOmitted === true]);
    expect(rows.filter(([, n]) => n === 2000).map(([k]) => k)).toEqual([platforms[2]?.key]);
    expect(rows.filter(([, , omitted]) => omitted).length).toBe(platforms.length - 1);
    expect(DETAIL_ALL_MAX).toBeLessThan(2000);
    // A click on another platform: the same text, nothing parsed, its rows sent.
    const b = analyze(2, BIG, 'en', platforms, platforms[0]?.key);
    expect(b.parsed).toBe('same');
    expect(b.results?.[0]?.indicators.length).toBe(2000);
    // A small ruleset keeps every platform's rows.
    const small = analyze(3, CSP[1] as string, 'en', samplesFor('csp-assessment'), undefined);
    expect((small.results ?? []).every((r) => r.indicators.length > 0 && r.indicatorsOmitted !== true)).toBe(true);
  }, 120_000);
});
