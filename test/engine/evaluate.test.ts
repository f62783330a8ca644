// The reference evaluator, rule by rule (draft-0.9 §1), on small DSL rulesets.
// In: DSL snippets and evidence. Out: pass/fail per rule: bands, maps, formulas, weights, logic, outcomes.

import { describe, expect, it } from 'vitest';
import { assess, dim, ind, ok, pts, rs, single } from './helpers';

describe('bands', () => {
  const src = single('number >= 0', `bands {
      >= 99.9: 70
      > 50: 40
      else: 5
    }`);

  it('>= is inclusive, > exclusive, exactly on the threshold', () => {
    expect(pts(assess(src, { x: 99.9 }), 'x')).toBe('70');
    expect(pts(assess(src, { x: 99.89999 }), 'x')).toBe('40');
    expect(pts(assess(src, { x: 50 }), 'x')).toBe('5');
    expect(pts(assess(src, { x: 50.000001 }), 'x')).toBe('40');
  });

  it('records which band matched', () => {
    expect(ind(assess(src, { x: 99.9 }), 'x').matched).toBe(0);
    expect(ind(assess(src, { x: 1 }), 'x').matched).toBe(2);
  });

  it('<= and < and = and != work, first match wins', () => {
    const s = single('number >= 0', `bands {
      = 7: 77
      < 1: 100
      <= 1.2: 90
      != 3: 10
      >= 0: 50
      else: 0
    }`);
    expect(pts(assess(s, { x: 7 }), 'x')).toBe('77');
    expect(pts(assess(s, { x: 0.99 }), 'x')).toBe('100');
    expect(pts(assess(s, { x: 1 }), 'x')).toBe('90');
    expect(pts(assess(s, { x: 1.2 }), 'x')).toBe('90');
    expect(pts(assess(s, { x: 1.21 }), 'x')).toBe('10');
    expect(pts(assess(s, { x: 3 }), 'x')).toBe('50');
  });

  it('the first matching band wins even when a later one would give more', () => {
    const s = single('number', `bands {
      >= 10: 50
      >= 20: 100
      else: 0
    }`);
    expect(pts(assess(s, { x: 25 }), 'x')).toBe('50');
  });

  it('decimals are exact: 1.1 equals a band bound written 1.10; 0.1 + 0.2 style sums do not drift', () => {
    const s = single('number', `bands {
      <= 1.10: 60
      else: 0
    }`);
    expect(pts(assess(s, { x: 1.1 }), 'x')).toBe('60');
    expect(pts(assess(s, { x: 1.1000000001 }), 'x')).toBe('0');
  });

  it('no band matching gives 0 points and a warning', () => {
    const s = single('number', `bands {
      >= 10: 100
    }`);
    const a = assess(s, { x: 5 });
    expect(pts(a, 'x')).toBe('0');
    expect(a.warnings.map((w) => w.code)).toEqual(['E153']);
  });

  it('object-typed indicators: members are in scope by name', () => {
    const s = single('object { frameworks: integer >= 0, architectures: integer >= 0 }', `bands {
      frameworks >= 4 and architectures >= 3: 100
      frameworks >= 3 and architectures >= 2: 75
      frameworks >= 2: 50
      else: 25
    }`);
    expect(pts(assess(s, { x: { frameworks: 4, architectures: 3 } }), 'x')).toBe('100');
    expect(pts(assess(s, { x: { frameworks: 5, architectures: 2 } }), 'x')).toBe('75');
    expect(pts(assess(s, { x: { frameworks: 2, architectures: 9 } }), 'x')).toBe('50');
    expect(pts(assess(s, { x: { frameworks: 1, architectures: 9 } }), 'x')).toBe('25');
  });

  it('object members can also be read with a dotted path from elsewhere', () => {
    const s = single(
      'object { a: integer >= 0, b: integer >= 0 }',
      `bands {
      else: 100
    }`,
    ) + `
prerequisite P { require x.a >= 2 }`;
    expect(assess(s, { x: { a: 2, b: 0 } }).prerequisites[0]?.truth).toBe(true);
    expect(assess(s, { x: { a: 1, b: 0 } }).prerequisites[0]?.truth).toBe(false);
    expect(assess(s, {}).prerequisites[0]).toEqual({ id: 'P', truth: 'unknown', missing: ['x'] });
  });
});

describe('maps and conditional points', () => {
  const src = single(
    'enum { L4, L3, L2, intl_equiv, none }',
    `map {
      L4: 100
      L3: 100
      L2: 60
      intl_equiv: 60 when not mainland_ops else 0
      none: 0
    }`,
    'input mainland_ops: boolean',
  );

  it('maps an enum value to points', () => {
    expect(pts(assess(src, { x: 'L3', mainland_ops: true }), 'x')).toBe('100');
    expect(pts(assess(src, { x: 'L2', mainland_ops: true }), 'x')).toBe('60');
    expect(ind(assess(src, { x: 'L2', mainland_ops: true }), 'x').matched).toBe(2);
  });

  it('`x when c else y`: x when c holds, y when it does not, y when c is unknown', () => {
    expect(pts(assess(src, { x: 'intl_equiv', mainland_ops: false }), 'x')).toBe('60');
    expect(pts(assess(src, { x: 'intl_equiv', mainland_ops: true }), 'x')).toBe('0');
    expect(pts(assess(src, { x: 'intl_equiv' }), 'x')).toBe('0');
  });

  it('`else` catches the values not listed', () => {
    const s = single('enum { a, b, c }', `map {
      a: 100
      else: 10
    }`);
    expect(pts(assess(s, { x: 'c' }), 'x')).toBe('10');
    expect(ind(assess(s, { x: 'c' }), 'x').matched).toBe(1);
  });
});

describe('formulas', () => {
  it('computes points exactly', () => {
    const s = single('number >= 0', 'formula min(100, value * 2)');
    expect(pts(assess(s, { x: 30 }), 'x')).toBe('60');
    expect(pts(assess(s, { x: 70 }), 'x')).toBe('100');
    expect(pts(assess(s, { x: 0.125 }), 'x')).toBe('1/4');
  });

  it('points outside 0–100 make the platform invalid (never clamped)', () => {
    const s = single('number >= 0', 'formula value * 2');
    const a = assess(s, { x: 60 });
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.field])).toEqual([['E151', 'x']]);
    expect(a.errors[0]?.message).toContain('120');
    const b = assess(single('number >= 0', 'formula value - 10'), { x: 5 });
    expect(b.errors.map((e) => e.code)).toEqual(['E151']);
  });

  it('division by zero makes only that platform invalid', () => {
    const r = ok(single('number >= 0', 'formula min(100, 100 / value)'));
    const bad = r.assess({ platform: 'a', evidence: { x: 0 } });
    expect(bad.outcome).toBe('invalid');
    expect(bad.errors.map((e) => e.code)).toEqual(['E150']);
    expect(bad.level).toBeNull();
    expect(bad.indicators).toEqual([]);
    const good = r.assess({ platform: 'b', evidence: { x: 4 } });
    expect(good.outcome).toBe('graded');
    expect(pts(good, 'x')).toBe('25');
  });

  it('a formula that reads missing evidence leaves the indicator missing with 0 points', () => {
    const s = single('number >= 0', 'formula min(100, value * k)', 'input k: number >= 0');
    const a = assess(s, { x: 10 });
    expect(ind(a, 'x').status).toBe('missing');
    expect(pts(a, 'x')).toBe('0');
    expect(pts(assess(s, { x: 10, k: 3 }), 'x')).toBe('30');
  });

  it('the formula may use if/then/else, abs and max', () => {
    const s = single('number', 'formula if value > 0 then max(10, abs(value)) else abs(value - 1)');
    expect(pts(assess(s, { x: 5 }), 'x')).toBe('10');
    expect(pts(assess(s, { x: 20 }), 'x')).toBe('20');
    expect(pts(assess(s, { x: -3 }), 'x')).toBe('4');
  });
});

describe('missing evidence', () => {
  const src = rs(`
dimension D {
  weight 100
  indicator a {
    weight 60
    type percent
    bands {
      >= 50: 100
      else: 0
    }
  }
  indicator b {
    weight 40
    type percent
    bands {
      >= 50: 100
      else: 0
    }
  }
}`);

  it('an absent indicator is `missing`, scores 0 and keeps its weight', () => {
    const a = assess(src, { a: 80 });
    expect(ind(a, 'b').status).toBe('missing');
    expect(pts(a, 'b')).toBe('0');
    expect(ind(a, 'b').effectiveWeight.toFraction()).toBe('40');
    expect(a.total.toFraction()).toBe('60');
    expect(a.outcome).toBe('graded');
  });

  it('null counts as absent', () => {
    const a = assess(src, { a: 80, b: null });
    expect(ind(a, 'b').status).toBe('missing');
    expect(a.errors).toEqual([]);
  });
});

describe('not applicable and weight redistribution', () => {
  const src = rs(`
input flow: boolean
dimension E {
  weight 14
  indicator a {
    weight 4
    type percent
    bands {
      >= 90: 100
      >= 75: 80
      else: 0
    }
  }
  indicator b {
    weight 4
    type percent
    bands {
      >= 90: 100
      >= 75: 80
      else: 0
    }
  }
  indicator c {
    weight 3
    type percent
    bands {
      >= 90: 100
      >= 75: 80
      else: 0
    }
  }
  indicator d {
    weight 3
    type percent
    applies when flow
    bands {
      >= 90: 100
      else: 0
    }
  }
}
dimension F {
  weight 86
  indicator f {
    weight 86
    type percent
    bands {
      >= 0: 100
    }
  }
}`);

  it('weights 4, 4, 3 spread over 14 give a non-terminating score (714/55)', () => {
    const a = assess(src, { flow: false, a: 95, b: 80, c: 95, d: 100, f: 1 });
    expect(ind(a, 'd').status).toBe('not_applicable');
    expect(ind(a, 'd').points).toBeNull();
    expect(ind(a, 'd').effectiveWeight.toFraction()).toBe('0');
    expect(ind(a, 'a').effectiveWeight.toFraction()).toBe('56/11');
    expect(ind(a, 'c').effectiveWeight.toFraction()).toBe('42/11');
    expect(dim(a, 'E').score.toFraction()).toBe('714/55');
    expect(dim(a, 'E').score.toFixed(2)).toBe('12.98');
    expect(dim(a, 'E').weight.toFraction()).toBe('14');
  });

  it('an unknown applicability condition means the indicator applies', () => {
    const a = assess(src, { a: 95, b: 80, c: 95, d: 100, f: 1 });
    expect(ind(a, 'd').status).toBe('scored');
    expect(dim(a, 'E').score.toFraction()).toBe('66/5'); // (4·100 + 4·80 + 3·100 + 3·100) ÷ 100
  });

  it('a present value of a not-applicable indicator is still checked', () => {
    const a = assess(src, { flow: false, a: 95, b: 80, c: 95, d: 101, f: 1 });
    expect(a.outcome).toBe('invalid');
    expect(a.errors.map((e) => [e.code, e.field])).toEqual([['E105', 'd']]);
  });

  it('a share exactly on a threshold after redistribution meets it', () => {
    const s = rs(`
input flow: boolean
dimension D {
  weight 10
  indicator a {
    weight 3
    type percent
    bands {
      >= 50: 100
      else: 0
    }
  }
  indicator b {
    weight 3
    type percent
    bands {
      >= 50: 100
      else: 0
    }
  }
  indicator c {
    weight 4
    type percent
    applies when flow
    bands {
      >= 50: 100
      else: 0
    }
  }
}
levels cumulative {
  level L2 { require every dimension: share > 50% }
  level L1 { require every dimension: share >= 50% }
  fallback L0 { }
}`, 10);
    const a = assess(s, { flow: false, a: 60, b: 10 });
    expect(dim(a, 'D').share.toFraction()).toBe('1/2');
    expect(a.level).toBe('L1');
  });

  it('a dimension whose every indicator is not applicable scores 0 with share 0', () => {
    const s = rs(`
input flow: boolean
dimension D {
  weight 100
  indicator a {
    weight 100
    type percent
    applies when flow
    bands {
      else: 100
    }
  }
}`);
    const a = assess(s, { flow: false });
    expect(dim(a, 'D').score.toFraction()).toBe('0');
    expect(dim(a, 'D').share.toFraction()).toBe('0');
    expect(a.total.toFraction()).toBe('0');
  });
});

describe('three-valued logic', () => {
  const src = (expr: string) =>
    rs(`
input a: boolean
input b: boolean
prerequisite P { require ${expr} }`);
  const values = { T: true, F: false, U: undefined } as const;
  type K = keyof typeof values;
  const truth = (expr: string, x: K, y: K) => {
    const ev: Record<string, unknown> = {};
    if (values[x] !== undefined) ev['a'] = values[x];
    if (values[y] !== undefined) ev['b'] = values[y];
    const t = assess(src(expr), ev).prerequisites[0]?.truth;
    return t === true ? 'T' : t === false ? 'F' : 'U';
  };
  const keys: K[] = ['T', 'F', 'U'];

  it('and: false ∧ unknown = false', () => {
    const table = keys.map((x) => keys.map((y) => truth('a and b', x, y)).join('')).join(' ');
    expect(table).toBe('TFU FFF UFU');
  });
  it('or: true ∨ unknown = true', () => {
    const table = keys.map((x) => keys.map((y) => truth('a or b', x, y)).join('')).join(' ');
    expect(table).toBe('TTT TFU TUU');
  });
  it('not: ¬unknown = unknown', () => {
    expect(keys.map((x) => truth('not a', x, 'T')).join('')).toBe('FTU');
  });
  it('known(x) is false exactly when x is missing', () => {
    expect(keys.map((x) => truth('known(a)', x, 'T')).join('')).toBe('TTF');
  });
  it('comparisons and `in` of a missing value are unknown and name the missing field', () => {
    const s = rs(`
input n: number
input e: enum { p, q, r }
prerequisite P { require n > 1 or e in {p, q} }`);
    const a = assess(s, {});
    expect(a.prerequisites[0]).toEqual({ id: 'P', truth: 'unknown', missing: ['n', 'e'] });
    expect(assess(s, { e: 'q' }).prerequisites[0]?.truth).toBe(true);
    expect(assess(s, { e: 'r', n: 0 }).prerequisites[0]?.truth).toBe(false);
  });
  it('`not in` and `!=` on enum values', () => {
    const s = rs(`
input e: enum { p, q, r }
prerequisite P { require e not in {p, q} }
prerequisite Q { require e != r }`);
    expect(assess(s, { e: 'r' }).prerequisites.map((p) => p.truth)).toEqual([true, false]);
    expect(assess(s, { e: 'p' }).prerequisites.map((p) => p.truth)).toEqual([false, true]);
  });
});

describe('prerequisites, vetoes, levels', () => {
  const src = rs(`
input months: integer >= 0
input falsified: boolean
input gap: percent
dimension D {
  weight 100
  indicator avail {
    weight 100
    type percent
    bands {
      >= 99.99: 100
      >= 99.9: 70
      else: 30
    }
  }
}
prerequisite P1 { require months >= 6 }
veto V1 { when gap > 20 }
veto V2 { when falsified }
prerequisite P4 { require (some veto: fired) or (every veto: decided) }
levels cumulative {
  level L3 {
    require total >= 95
    require avail >= 99.99
  }
  level L2 { require total >= 70 }
  level L1 { require every dimension: share >= 30% }
  fallback L0 { }
}`);
  const good = { months: 12, falsified: false, gap: 5, avail: 99.99 };

  it('graded with the highest level whose every condition holds', () => {
    const a = assess(src, good);
    expect([a.outcome, a.level, a.total.toFraction()]).toEqual(['graded', 'L3', '100']);
    expect(assess(src, { ...good, avail: 99.95 }).level).toBe('L2');
  });

  it('a failed prerequisite gives not_rated, no level, scores still computed', () => {
    const a = assess(src, { ...good, months: 5 });
    expect([a.outcome, a.level, a.total.toFraction()]).toEqual(['not_rated', null, '100']);
    expect(a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id)).toEqual(['P1']);
  });

  it('every veto that fires is listed, also when a prerequisite failed', () => {
    const a = assess(src, { ...good, gap: 30, falsified: true });
    expect(a.outcome).toBe('vetoed');
    expect(a.level).toBeNull();
    expect(a.vetoes.filter((v) => v.truth === true).map((v) => v.id)).toEqual(['V1', 'V2']);
    const b = assess(src, { ...good, gap: 30, months: 1 });
    expect(b.outcome).toBe('not_rated');
    expect(b.vetoes.filter((v) => v.truth === true).map((v) => v.id)).toEqual(['V1']);
  });

  it('a veto left unknown does not fire, but fails P4 unless another veto fires', () => {
    const a = assess(src, { months: 12, gap: 5, avail: 99.99 });
    expect(a.vetoes.map((v) => v.truth)).toEqual([false, 'unknown']);
    expect(a.vetoes[1]?.missing).toEqual(['falsified']);
    expect(a.outcome).toBe('not_rated');
    expect(a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id)).toEqual(['P4']);
    const b = assess(src, { months: 12, gap: 30, avail: 99.99 });
    expect(b.outcome).toBe('vetoed');
  });

  it('a level condition that reads missing evidence does not hold', () => {
    const s = src.replace('require avail >= 99.99', 'require gap <= 5');
    const a = assess(s, { months: 12, falsified: false, avail: 99.99 });
    // V1 unknown → P4 fails; look at the level checks, which are computed anyway.
    const l3 = a.levels.find((l) => l.id === 'L3');
    expect(l3?.holds).toBe(false);
    expect(l3?.failed).toEqual([{ index: 1, truth: 'unknown' }]);
  });

  it('cumulative: a level also needs every level below it', () => {
    const ladder = (kind: string) =>
      rs(`
input a: boolean
input b: boolean
levels ${kind} {
  level L2 { require a }
  level L1 { require b }
  fallback L0 { }
}`);
    expect(assess(ladder('cumulative'), { a: true, b: false }).level).toBe('L0');
    expect(assess(ladder(''), { a: true, b: false }).level).toBe('L2');
    expect(assess(ladder('cumulative'), { a: true, b: true }).level).toBe('L2');
    expect(assess(ladder('cumulative'), { a: false, b: true }).level).toBe('L1');
  });

  it('quantifiers: `every indicator in D`, `some prerequisite`', () => {
    const s = rs(`
input k: boolean
dimension D {
  weight 50
  indicator x {
    weight 50
    type number
    bands {
      >= 5: 100
      else: 40
    }
  }
}
dimension E {
  weight 50
  indicator y {
    weight 50
    type number
    applies when k
    bands {
      else: 0
    }
  }
}
prerequisite P1 { require every indicator in D: points >= 50 }
prerequisite P2 { require every indicator: points >= 50 }
prerequisite P3 { require (some veto: fired) or (every dimension: share >= 0%) }`);
    const a = assess(s, { x: 5, y: 1, k: false });
    expect(a.prerequisites.map((p) => p.truth)).toEqual([true, true, true]);
    const b = assess(s, { x: 5, y: 1, k: true });
    expect(b.prerequisites.map((p) => p.truth)).toEqual([true, false, true]);
  });

  it('properties with arguments: score, share, weight, points, fired, holds', () => {
    const s = src.replace(
      'levels cumulative',
      `prerequisite Q {
  require score(D) = 70
  require share(D) = 70%
  require weight(D) = 100
  require weight(avail) = 100
  require points(avail) = 70
  require value(avail) = 99.9
  require not fired(V1)
  require holds(P1) and decided(P1)
}
levels cumulative`,
    );
    const a = assess(s, { ...good, avail: 99.9 });
    expect(a.prerequisites.find((p) => p.id === 'Q')?.truth).toBe(true);
  });
});

describe('former ids', () => {
  const src = rs(`
dimension D {
  weight 100
  indicator hot_spare {
    weight 100
    type percent
    formerly redundancy
    bands {
      >= 10: 100
      else: 20
    }
  }
}`);

  it('evidence under the old id is accepted and the field is reported', () => {
    const a = assess(src, { redundancy: 12 });
    expect(pts(a, 'hot_spare')).toBe('100');
    expect(ind(a, 'hot_spare').field).toBe('redundancy');
    expect(a.warnings).toEqual([]);
  });

  it('when both are present the new id wins and the old one is reported as ignored', () => {
    const a = assess(src, { redundancy: 12, hot_spare: 3 });
    expect(pts(a, 'hot_spare')).toBe('20');
    expect(ind(a, 'hot_spare').field).toBe('hot_spare');
    expect(a.warnings.map((w) => [w.code, w.field])).toEqual([['E121', 'redundancy']]);
  });

  it('a null new id does not hide the old one', () => {
    expect(pts(assess(src, { redundancy: 12, hot_spare: null }), 'hot_spare')).toBe('100');
  });
});

describe('result JSON', () => {
  it('evaluate() gives the JSON shape with exact numbers printed as decimals', () => {
    const r = ok(single('number', 'formula min(100, value / 3)'));
    const j = r.evaluate({ platform: 'p', name: 'P', evidence: { x: 10 } });
    expect(j.platform).toBe('p');
    expect(j.name).toBe('P');
    expect(j.indicators['x']?.points).toBe(3.3333333333);
    expect(j.total).toBe(3.3333333333);
    expect(j.outcome).toBe('graded');
  });
});
