// The geometry of the radar chart of dimension shares, drawn by the HTML report (engine/report/svg.ts) and the
// playground (playground/src/radar.ts). In: the number of axes, the chart's centre and radius, and values in 0..1.
// Out: points as SVG coordinate text (1 decimal): rings, spokes, value polygons, label positions and anchors.

/** A point as SVG attribute text, 1 decimal: `{ x: '170.0', y: '54.0' }`. */
export interface RadarPoint {
  readonly x: string;
  readonly y: string;
}

/** Where an axis's label goes and how it is anchored: beside the rim, away from the centre. */
export interface RadarLabel extends RadarPoint {
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface RadarGeometry {
  /** The grid rings at 25, 50, 75 and 100 %, each as an SVG `points` list; the last is the rim. */
  readonly rings: readonly string[];
  /** Axis `i`: the end of its spoke on the rim (spokes start at the centre) and its label's position. */
  axis(i: number): { readonly spoke: RadarPoint; readonly label: RadarLabel };
  /** The point of a value (0..1, clamped; not finite → 0) on axis `i`. */
  point(i: number, value: number): RadarPoint;
  /** An SVG `points` list through `values[i]` on axis `i`. */
  polygon(values: readonly number[]): string;
  readonly centre: RadarPoint;
}

/** Fraction of the radius at which labels sit (outside the rim). */
export const LABEL_DISTANCE = 1.15;

/**
 * Axis `i` of `n` points up for i = 0 and the others follow clockwise; a chart of fewer than 3 axes is laid out as
 * if it had 3, so that one or two dimensions still make a readable figure.
 */
export function radarGeometry(axes: number, cx: number, cy: number, radius: number): RadarGeometry {
  const n = Math.max(axes, 3);
  const at = (i: number, f: number): [number, number] => {
    const angle = (2 * Math.PI * i) / n;
    return [cx + radius * f * Math.sin(angle), cy - radius * f * Math.cos(angle)];
  };
  const text = ([x, y]: [number, number]): RadarPoint => ({ x: coord(x), y: coord(y) });
  const list = (pts: readonly RadarPoint[]): string => pts.map((p) => `${p.x},${p.y}`).join(' ');
  const point = (i: number, value: number): RadarPoint => text(at(i, clamp(value)));
  return {
    rings: [0.25, 0.5, 0.75, 1].map((f) => list(Array.from({ length: n }, (_, i) => text(at(i, f))))),
    axis: (i) => {
      const [x, y] = at(i, LABEL_DISTANCE);
      // Labels right of the centre start there, left of it end there, near the vertical axis they are centred.
      const anchor = Math.abs(x - cx) < radius * 0.05 ? 'middle' : x > cx ? 'start' : 'end';
      // Text sits on its baseline: move it down by about a third of a line to centre it on the point.
      return { spoke: text(at(i, 1)), label: { ...text([x, y + 4]), anchor } };
    },
    point,
    polygon: (values) => list(values.map((v, i) => point(i, v))),
    centre: text([cx, cy]),
  };
}

function clamp(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** An SVG coordinate: 1 decimal, and never `-0.0`. */
function coord(v: number): string {
  const s = v.toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}
