// The one radar geometry (engine/present/radar.ts) of the report and the playground: axis 0 up, clockwise, rings at
// quarters, labels outside the rim anchored away from the centre, values clamped to 0..1.

import { describe, expect, it } from 'vitest';
import { radarGeometry } from '../../engine/present/radar';
import { radarSvg } from '../../engine/report/svg';
import { Rational } from '../../engine/numbers/rational';

describe('radar geometry', () => {
  const g = radarGeometry(4, 100, 100, 80);

  it('puts axis 0 up and the others clockwise, with spokes ending on the rim', () => {
    expect([0, 1, 2, 3].map((i) => g.axis(i).spoke)).toEqual([
      { x: '100.0', y: '20.0' },
      { x: '180.0', y: '100.0' },
      { x: '100.0', y: '180.0' },
      { x: '20.0', y: '100.0' },
    ]);
    expect(g.centre).toEqual({ x: '100.0', y: '100.0' });
  });

  it('draws rings at 25, 50, 75 and 100 %', () => {
    expect(g.rings).toHaveLength(4);
    expect(g.rings[0]).toBe('100.0,80.0 120.0,100.0 100.0,120.0 80.0,100.0');
    expect(g.rings[3]).toBe('100.0,20.0 180.0,100.0 100.0,180.0 20.0,100.0');
  });

  it('places labels outside the rim, anchored away from the centre, a third of a line down', () => {
    expect([0, 1, 2, 3].map((i) => g.axis(i).label)).toEqual([
      { x: '100.0', y: '12.0', anchor: 'middle' },
      { x: '192.0', y: '104.0', anchor: 'start' },
      { x: '100.0', y: '196.0', anchor: 'middle' },
      { x: '8.0', y: '104.0', anchor: 'end' },
    ]);
  });

  it('plots values on their axis, clamped to 0..1 (not a number: the centre)', () => {
    expect(g.point(1, 0.5)).toEqual({ x: '140.0', y: '100.0' });
    expect(g.point(0, 2)).toEqual({ x: '100.0', y: '20.0' });
    expect(g.point(2, -1)).toEqual(g.centre);
    expect(g.point(3, Number.NaN)).toEqual(g.centre);
    expect(g.polygon([1, 0.5, 0.25, 0])).toBe('100.0,20.0 140.0,100.0 100.0,120.0 100.0,100.0');
  });

  it('lays out one or two axes as three, and never writes -0.0', () => {
    const two = radarGeometry(2, 0, 0, 80);
    expect(two.rings[3]?.split(' ')).toHaveLength(3);
    expect(two.axis(1).spoke).toEqual({ x: '69.3', y: '40.0' });
    expect(radarGeometry(4, 0, 0, 80).axis(1).spoke.y).toBe('0.0');
  });

  it('is the geometry of the report’s radar', () => {
    const q = (s: string): Rational => Rational.parse(s) ?? Rational.ZERO;
    const out = radarSvg(
      [
        { id: 'A', share: q('0.5') },
        { id: 'B', share: q('1') },
        { id: 'C', share: q('0.60625') },
      ],
      { title: 't', platform: 'p', median: 'm' },
    );
    const rg = radarGeometry(3, 170, 174, 120);
    expect(out).toContain(`<polygon class="own" points="${rg.polygon([0.5, 1, 0.60625])}"/>`);
    expect(out).toContain(`<text class="axis" x="${rg.axis(1).label.x}" y="${rg.axis(1).label.y}" text-anchor="start">B</text>`);
    expect(out).toContain('<title>C 60.6%</title>');
  });
});
