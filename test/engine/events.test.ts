// Evaluation events: the trace an explanation or improvement plan is built from.
// In: a small ruleset and evidence. Out: the events, in order, with their spans' text.

import { describe, expect, it } from 'vitest';
import type { EvalEvent } from '../../engine/evaluate/events';
import { ok, rs, traced } from './helpers';

const SRC = rs(`
input flow: boolean
input months: integer >= 0
dimension D {
  weight 100
  indicator avail {
    weight 60
    type percent
    bands {
      >= 99.95: 85
      >= 99.9: 70
      else: 0
    }
  }
  indicator mlps {
    weight 20
    type enum { L3, intl, none }
    map {
      L3: 100
      intl: 60 when not flow else 0
      none: 0
    }
  }
  indicator xb {
    weight 20
    type percent
    applies when flow
    bands {
      else: 100
    }
  }
}
prerequisite P2 { require months >= 6 }
veto V1 { when avail < 50 }
levels cumulative {
  level L2 { require total >= 95 }
  level L1 { require every dimension: share >= 50% }
  fallback L0 { }
}`);

const of = <K extends EvalEvent['kind']>(events: readonly EvalEvent[], kind: K) =>
  events.filter((e): e is Extract<EvalEvent, { kind: K }> => e.kind === kind);

describe('trace events', () => {
  const { a, events } = traced(SRC, { flow: false, avail: 99.93, mlps: 'intl' });
  const text = (s: { start: number; end: number }) => SRC.slice(s.start, s.end);

  it('tests bands in order until one matches, with the value, operator and bound', () => {
    const bands = of(events, 'band');
    expect(bands.map((b) => [b.index, b.truth, b.op, String(b.bound), text(b.span)])).toEqual([
      [0, false, '>=', '99.95', '>= 99.95: 85'],
      [1, true, '>=', '99.9', '>= 99.9: 70'],
    ]);
    expect(bands[1]?.value).toMatchObject({ kind: 'num' });
  });

  it('reports the points with the matching band or entry and its span', () => {
    const pts = of(events, 'points').map((p) => [p.indicator, p.status, p.points?.toFraction() ?? null, p.matched, p.span ? text(p.span) : undefined]);
    expect(pts).toEqual([
      ['avail', 'scored', '70', 1, '>= 99.9: 70'],
      ['mlps', 'scored', '60', 1, 'intl: 60 when not flow else 0'],
      ['xb', 'not_applicable', null, undefined, undefined],
    ]);
  });

  it('reports conditional points and applicability with what they read', () => {
    const cp = of(events, 'conditional-points')[0];
    expect([cp?.truth, cp?.gave]).toEqual([true, 'then']);
    expect(cp?.reads).toEqual([{ kind: 'evidence', field: 'flow', path: 'flow', value: { kind: 'bool', b: false } }]);
    const ap = of(events, 'applicability')[0];
    expect([ap?.indicator, ap?.truth, ap?.applicable, text(ap?.span ?? { start: 0, end: 0 })]).toEqual(['xb', false, false, 'flow']);
  });

  it('reports effective weights, dimension score and share, and the total', () => {
    expect(of(events, 'weight').map((w) => [w.indicator, w.effective.toFraction()])).toEqual([
      ['avail', '75'],
      ['mlps', '25'],
      ['xb', '0'],
    ]);
    const d = of(events, 'dimension')[0];
    expect([d?.score.toFraction(), d?.share.toFraction()]).toEqual(['135/2', '27/40']);
    expect(of(events, 'total')[0]?.total.toFraction()).toBe('135/2');
  });

  it('reports each condition with its truth, reads and missing fields', () => {
    const conds = of(events, 'condition').map((c) => [c.owner.kind, c.owner.id, c.truth, c.missing, text(c.span)]);
    expect(conds).toEqual([
      ['veto', 'V1', false, [], 'avail < 50'],
      ['prerequisite', 'P2', 'unknown', ['months'], 'months >= 6'],
      ['level', 'L2', false, [], 'total >= 95'],
      ['level', 'L1', true, [], 'every dimension: share >= 50%'],
    ]);
    const l1 = of(events, 'condition').find((c) => c.owner.id === 'L1');
    expect(l1?.reads.map((r) => (r.kind === 'prop' ? `${r.prop}(${r.id})` : r.kind))).toEqual(['share(D)']);
    const l2 = of(events, 'condition').find((c) => c.owner.id === 'L2');
    expect(l2?.reads.map((r) => r.kind)).toEqual(['total']);
  });

  it('reports vetoes, prerequisites, levels and the outcome, which agree with the assessment', () => {
    expect(of(events, 'veto').map((v) => [v.id, v.fired])).toEqual([['V1', false]]);
    expect(of(events, 'prerequisite').map((p) => [p.id, p.truth, p.missing])).toEqual([['P2', 'unknown', ['months']]]);
    expect(of(events, 'level').map((l) => [l.id, l.ownHolds, l.holds])).toEqual([
      ['L2', false, false],
      ['L1', true, true],
    ]);
    const out = events[events.length - 1];
    expect(out).toMatchObject({ kind: 'outcome', outcome: 'not_rated', level: null });
    expect(a.outcome).toBe('not_rated');
  });

  it('the same assessment comes out with and without a trace', () => {
    const plain = ok(SRC).assess({ platform: 'p', evidence: { flow: false, avail: 99.93, mlps: 'intl' } });
    expect(plain).toEqual(a);
  });

  it('reports an evaluation error as an event', () => {
    const src = rs(`
dimension D {
  weight 100
  indicator x {
    weight 100
    type number
    formula 100 / value
  }
}`);
    const t = traced(src, { x: 0 });
    expect(t.events.at(-1)).toMatchObject({ kind: 'error', code: 'E150', where: 'x' });
  });
});
