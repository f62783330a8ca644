// Standing (engine/semantics/standing.ts): heights, ranks and the reading order of levels and outcomes.

import { describe, expect, it } from 'vitest';
import { StandingScale, standingsOfAll } from '../../engine/semantics/index';
import { ok, rs } from '../engine/helpers';

const src = rs(`
input n: number 0 to 10
levels {
  level Gold { require n >= 8 }
  level Silver { require n >= 5 }
  fallback Basic { }
}`);

describe('standing', () => {
  const scale = new StandingScale(ok(src).model);
  it('higher levels stand higher; the fallback at 0; no level below every level', () => {
    expect(['Gold', 'Silver', 'Basic', 'vetoed', null, 'Elsewhere'].map((s) => scale.height(s))).toEqual([2, 1, 0, -1, -1, -1]);
    expect(scale.heightOf('vetoed', 'Gold')).toBe(-1);
    expect(scale.compare('Silver', 'Gold')).toBe(-1);
    expect(scale.compare('Basic', 'not_rated')).toBe(1);
  });

  it('rank counts from the top; the fallback after every level; no level last', () => {
    expect(['Gold', 'Silver', 'Basic', 'Elsewhere', null].map((s) => scale.rank(s))).toEqual([0, 1, 2, 2, Number.POSITIVE_INFINITY]);
  });

  it('reading order: levels, fallback, then the outcomes without a level; of two ladders, both', () => {
    expect(scale.order()).toEqual(['Gold', 'Silver', 'Basic', 'vetoed', 'not_rated', 'invalid']);
    const other = new StandingScale({ levels: [{ id: 'Platinum' }, { id: 'Gold' }], fallback: { id: 'None' } });
    expect(standingsOfAll([other, scale])).toEqual(['Platinum', 'Gold', 'Silver', 'None', 'Basic', 'vetoed', 'not_rated', 'invalid']);
  });
});
