// The plan's fast paths against the reference, construct by construct: comparisons of a field with a literal on
// either side and with every operator, quantifiers over dimensions (score and share) and over rules (fired,
// decided, holds), cumulative and non-cumulative ladders, constant and conditional map points, bands with every
// operator, redistribution of inapplicable weights. In: small rulesets written here, generated platforms.
// Out: the plan's summary and assessment equal the reference's, platform by platform.

import { describe, expect, it } from 'vitest';
import { generatePlatforms } from '../../bench/generate';
import { ok, rs } from '../engine/helpers';
import { canon, planOf } from './helpers';

const label = (s: string): string => `label { zh-Hans "${s}" zh-Hant "${s}" en "${s}" }`;

const INPUTS = `
input months: integer >= 0 { ${label('m')} }
input fp64: boolean { ${label('f')} }
input tier: enum { gold, silver, none } { ${label('t')} }
`;

const DIMENSIONS = `
dimension A {
  ${label('A')}
  weight 60
  indicator pue {
    ${label('p')}
    weight 20
    type number >= 1
    lower is better
    applies when fp64
    bands {
      <= 1.2: 100
      < 1.3: 80
      = 1.5: 70
      != 2: 50
      else: 0
    }
  }
  indicator share_x {
    ${label('s')}
    weight 25
    type percent
    higher is better
    bands {
      >= 90: 100
      > 75: 60
      else: 10
    }
  }
  indicator level_x {
    ${label('l')}
    weight 15
    type enum { a, b, c }
    map {
      a: 100
      b: 60 when fp64 else 30
      c: 0
    }
  }
}
dimension B {
  ${label('B')}
  weight 40
  indicator kind_x {
    ${label('k')}
    weight 40
    type enum { x, y, z }
    map {
      x: 100
      y: 50
      else: 0
    }
  }
}
`;

const RULES = `
prerequisite P1 {
  ${label('P1')}
  require 6 <= months
}
prerequisite P2 {
  ${label('P2')}
  require tier != none
}
veto V1 {
  ${label('V1')}
  when 2.5 < pue or 50 > share_x
}
veto V2 {
  ${label('V2')}
  when months = 0
}
prerequisite P3 {
  ${label('P3')}
  require (some veto: fired) or (every veto: decided)
}
`;

function ladder(cumulative: boolean): string {
  return `
levels ${cumulative ? 'cumulative' : ''} {
  level L3 {
    ${label('L3')}
    require 90 <= total
    require every dimension: share >= 90%
    require pue != 1.5
  }
  level L2 {
    ${label('L2')}
    require total > 70
    require some dimension: 80% < share
    require months >= 12
  }
  level L1 {
    ${label('L1')}
    require total >= 50
    require every dimension: score > 10
  }
  fallback L0 {
    ${label('L0')}
  }
}`;
}

describe('plan fast paths, construct by construct', () => {
  for (const cumulative of [true, false]) {
    it(`decides and assesses like the reference (${cumulative ? 'cumulative' : 'non-cumulative'} ladder)`, () => {
      const r = ok(rs(INPUTS + DIMENSIONS + RULES + ladder(cumulative)));
      const plan = planOf(r);
      const ps = generatePlatforms(r.model, 3_000, cumulative ? 3 : 4, { missing: 0.05, invalid: 0.05, boundary: 0.7 });
      const levels = new Set<string>();
      for (const p of ps) {
        const ref = r.assess(p, { engine: 'reference' });
        levels.add(ref.level ?? ref.outcome);
        const s = plan.summary(p);
        expect(`${s.outcome} ${s.level} ${s.total.toFraction()}`, p.platform).toBe(`${ref.outcome} ${ref.level} ${ref.total.toFraction()}`);
        expect(canon(plan.assess(p)), p.platform).toBe(canon(ref));
      }
      // The corpus reaches every outcome and level, so every path above was taken.
      expect([...levels].sort()).toEqual(['L0', 'L1', 'L2', 'L3', 'invalid', 'not_rated', 'vetoed']);
      expect(plan.stats.handedOver).toBeLessThan(ps.length / 5);
    });
  }
});
