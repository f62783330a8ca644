// A hand-written SVG radar chart of dimension shares (0–100 % on every axis).
// In: dimensions with share in [0, 1] and labels. Out: an <svg> element (no scripting, text as text).

import { svg } from './dom';

export interface RadarAxis {
  readonly id: string;
  readonly label: string;
  /** 0..1 */
  readonly share: number;
}

export function radarChart(axes: readonly RadarAxis[], title: string, size = 260): SVGSVGElement {
  const c = size / 2;
  const r = size / 2 - 34;
  const n = Math.max(axes.length, 3);
  const point = (i: number, f: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + Math.cos(angle) * r * f, c + Math.sin(angle) * r * f];
  };
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', class: 'radar' });
  root.append(svg('title', {}, title));
  for (const f of [0.25, 0.5, 0.75, 1]) {
    const pts = Array.from({ length: n }, (_, i) => point(i, f).join(',')).join(' ');
    root.append(svg('polygon', { points: pts, class: f === 1 ? 'radar-rim' : 'radar-grid' }));
  }
  axes.forEach((a, i) => {
    const [x, y] = point(i, 1);
    root.append(svg('line', { x1: c, y1: c, x2: x, y2: y, class: 'radar-axis' }));
    const [lx, ly] = point(i, 1.16);
    const anchor = Math.abs(lx - c) < 4 ? 'middle' : lx > c ? 'start' : 'end';
    const text = svg('text', { x: lx.toFixed(1), y: (ly + 4).toFixed(1), 'text-anchor': anchor, class: 'radar-label' }, a.id);
    text.append(svg('title', {}, `${a.label}: ${(a.share * 100).toFixed(1)}%`));
    root.append(text);
  });
  if (axes.length > 0) {
    const clamp = (v: number): number => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
    const pts = axes.map((a, i) => point(i, clamp(a.share)).map((v) => v.toFixed(1)).join(',')).join(' ');
    root.append(svg('polygon', { points: pts, class: 'radar-area' }));
    axes.forEach((a, i) => {
      const [x, y] = point(i, clamp(a.share));
      const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: 'radar-dot' });
      dot.append(svg('title', {}, `${a.id} ${a.label}: ${(a.share * 100).toFixed(1)}%`));
      root.append(dot);
    });
  }
  return root;
}
