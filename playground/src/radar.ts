// A hand-written SVG radar chart of dimension shares (0–100 % on every axis).
// In: dimensions with share in [0, 1] and labels. Out: an <svg> element (no scripting, text as text); the geometry is
// engine/present/radar.ts's, the report's own.

import { radarGeometry, shareText } from '../../engine/index';
import { fmt, svg } from './dom';

export interface RadarAxis {
  readonly id: string;
  readonly label: string;
  /** 0..1 */
  readonly share: number;
}

export function radarChart(axes: readonly RadarAxis[], title: string, size = 260): SVGSVGElement {
  const g = radarGeometry(axes.length, size / 2, size / 2, size / 2 - 34);
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', class: 'radar' });
  root.append(svg('title', {}, title));
  g.rings.forEach((points, k) => root.append(svg('polygon', { points, class: k === g.rings.length - 1 ? 'radar-rim' : 'radar-grid' })));
  axes.forEach((a, i) => {
    const { spoke, label } = g.axis(i);
    root.append(svg('line', { x1: g.centre.x, y1: g.centre.y, x2: spoke.x, y2: spoke.y, class: 'radar-axis' }));
    const text = svg('text', { x: label.x, y: label.y, 'text-anchor': label.anchor, class: 'radar-label' }, a.id);
    text.append(svg('title', {}, `${a.label}: ${fmt(a.share, shareText)}`));
    root.append(text);
  });
  if (axes.length > 0) {
    root.append(svg('polygon', { points: g.polygon(axes.map((a) => a.share)), class: 'radar-area' }));
    axes.forEach((a, i) => {
      const { x, y } = g.point(i, a.share);
      const dot = svg('circle', { cx: x, cy: y, r: 3, class: 'radar-dot' });
      dot.append(svg('title', {}, `${a.id} ${a.label}: ${fmt(a.share, shareText)}`));
      root.append(dot);
    });
  }
  return root;
}
