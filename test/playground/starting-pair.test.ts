// What the playground opens first when several standards are bundled: the newest version of the first standard with
// several versions, compared with the version before it — never two different standards side by side.
// In: the repository's bundled rulesets (as Vite globs them) and small lists. Out: the pair chosen.

import { describe, expect, it } from 'vitest';
import { BUNDLED_RULESETS, startingPair, type BundledRuleset } from '../../playground/src/bundled';

function r(id: string, version: string): BundledRuleset {
  return { ref: `${id}@${version}`, id, version, path: `rulesets/${id}/${version}.assay`, text: '' };
}

describe('the playground starting pair', () => {
  it('with the repository rulesets: csp-assessment 1.0, compared with 0.9, though other standards sort after it', () => {
    expect(BUNDLED_RULESETS.map((b) => b.id)).toContain('leed-bdc');
    const { latest, previous } = startingPair(BUNDLED_RULESETS);
    expect(latest?.ref).toBe('csp-assessment@1.0');
    expect(previous?.ref).toBe('csp-assessment@0.9');
  });

  it('the first standard with several versions wins; one-version standards alone give the last, with nothing to compare', () => {
    expect(startingPair([r('a', '1'), r('b', '1'), r('b', '2'), r('c', '1')]).latest?.ref).toBe('b@2');
    expect(startingPair([r('a', '1'), r('b', '1')])).toEqual({ latest: r('b', '1'), previous: undefined });
    expect(startingPair([])).toEqual({ latest: undefined, previous: undefined });
  });
});
