// What the analysis worker leaves out of an answer the page already has (playground/src/analysis-delta.ts): the
// unchanged evidence schema, and symbols, explanation lines and indicator rows as the items an edit changed. Through
// the sender, a structured clone (as postMessage copies) and the receiver, every analysis of a sequence of edits,
// platform and language switches and errors arrives equal to the analysis computed; a keystroke with 2,000 indicators
// is small.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRuleset } from '../../bench/big-ruleset';
import type { Lang } from '../../dsl/index';
import { AnalysisReceiver, AnalysisSender, applyListDelta, listDelta } from '../../playground/src/analysis-delta';
import { samplesFor } from '../../playground/src/bundled';
import type { Analysis } from '../../playground/src/protocol';
import { analyze } from '../../playground/src/worker/analyze';

const CSP = readFileSync('rulesets/csp-assessment/1.0.assay', 'utf8');

interface Step {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
  readonly platform: number;
  readonly lang: Lang;
}

function through(sender: AnalysisSender, receiver: AnalysisReceiver, a: Analysis, text: string): { restored: Analysis; bytes: number } {
  const sent = structuredClone(sender.slim(a, text));
  return { restored: receiver.restore(sent), bytes: JSON.stringify(sent).length };
}

describe('analyses sent as what changed', () => {
  it('a list delta gives back the list, spans moved after the edit', () => {
    const prev = [{ id: 'a', span: { start: 1, end: 2 } }, { id: 'b', span: { start: 10, end: 12 } }, { id: 'c', span: { start: 20, end: 22 } }];
    const next = [{ id: 'a', span: { start: 1, end: 2 } }, { id: 'B', span: { start: 10, end: 12 } }, { id: 'c', span: { start: 23, end: 25 } }];
    const d = listDelta(prev, next, 15, 3);
    expect(d?.changed).toEqual([[1, next[1]]]);
    expect(applyListDelta(prev, d!)).toEqual(next);
    // Most items changed: no delta (the list itself is as short).
    expect(listDelta(prev, [{ id: 'x', span: { start: 0, end: 1 } }, { id: 'y', span: { start: 0, end: 1 } }], 0, 0)).toBeUndefined();
  });

  it('arrives equal to the analysis computed, over random edits, platform and language switches (csp-assessment 1.0)', () => {
    const platforms = samplesFor('csp-assessment');
    const step: fc.Arbitrary<Step> = fc.record({
      at: fc.nat({ max: CSP.length }),
      remove: fc.nat({ max: 4 }),
      insert: fc.constantFrom('', 'a', '7', ' ', '\n', '{', '"'),
      platform: fc.nat({ max: platforms.length - 1 }),
      lang: fc.constantFrom<Lang>('en', 'zh-Hans', 'zh-Hant'),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const sender = new AnalysisSender();
        const receiver = new AnalysisReceiver();
        let text = CSP;
        let n = 0;
        for (const s of steps) {
          const at = Math.min(s.at, text.length);
          text = text.slice(0, at) + s.insert + text.slice(at + s.remove);
          const a = analyze(++n, text, s.lang, platforms, platforms[s.platform]?.key);
          expect(through(sender, receiver, a, text).restored).toEqual(a);
        }
      }),
      { numRuns: 40, seed: 16 },
    );
  }, 300_000);

  it('a keystroke in a 2,000-indicator ruleset is sent in a fraction of the analysis, and restored whole', () => {
    const big = generateRuleset(2000);
    const platforms = samplesFor(undefined);
    const sender = new AnalysisSender();
    const receiver = new AnalysisReceiver();
    const first = analyze(1, big, 'en', platforms, platforms[0]?.key);
    expect(through(sender, receiver, first, big).restored).toEqual(first);
    const at = big.indexOf('en "Indicator 1000"') + 13;
    const next = `${big.slice(0, at)}x${big.slice(at)}`;
    const a = analyze(2, next, 'en', platforms, platforms[0]?.key);
    const { restored, bytes } = through(sender, receiver, a, next);
    expect(restored).toEqual(a);
    const whole = JSON.stringify(a).length;
    console.log(`a keystroke with 2,000 indicators: ${(bytes / 1e6).toFixed(2)} MB sent instead of ${(whole / 1e6).toFixed(2)} MB`);
    // What stays is mostly the evidence schema (the label typed into is in it).
    expect(bytes * 4).toBeLessThan(whole);
  }, 120_000);
});
